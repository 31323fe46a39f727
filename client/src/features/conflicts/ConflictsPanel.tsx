/**
 * Every conflict of the merged state, hard ones first: each names both sides and opens either.
 * A conflict that two offline edits produced shows up here once they meet, like any other.
 */
import { createMemo, For, Show } from 'solid-js';
import type { Conflict, ConflictSide } from '@shared/tours';
import { tc } from './messages';
import { conflictReason, type ConflictNames } from './conflict-text';
import './conflicts.css';

const when = (s: ConflictSide) => s.start.replace('T', ' ');

export function ConflictsPanel(props: { conflicts: readonly Conflict[] | null; names: ConflictNames; onOpen: (side: ConflictSide) => void }) {
  const sorted = createMemo(() => [...(props.conflicts ?? [])].sort((x, y) => (x.severity === y.severity ? 0 : x.severity === 'hard' ? -1 : 1)));
  const count = (sev: 'hard' | 'soft') => sorted().filter((c) => c.severity === sev).length;
  const side = (s: ConflictSide) => (
    <button type="button" class="link-button conflict-side" onClick={() => props.onOpen(s)}>
      {s.title}
      <span class="muted"> {when(s)}</span>
    </button>
  );
  return (
    <section class="conflicts-panel" aria-labelledby="conflicts-heading" data-testid="conflicts">
      <header class="section-head">
        <h2 id="conflicts-heading">{tc('conflicts')}</h2>
        <Show when={sorted().length > 0}>
          <span class="muted">{tc('conflictCount', { hard: count('hard'), soft: count('soft') })}</span>
        </Show>
      </header>
      <Show when={sorted().length > 0} fallback={<p class="empty">{tc('noConflicts')}</p>}>
        <ul class="conflict-list">
          <For each={sorted()}>
            {(c) => (
              <li class={`conflict ${c.severity}`} data-testid="conflict" data-severity={c.severity} data-kind={c.kind}>
                <span class={`conflict-icon ${c.severity}`} aria-hidden="true">
                  {c.severity === 'hard' ? '×' : '!'}
                </span>
                <span class="conflict-severity">{tc(c.severity)}</span>
                <span class="conflict-reason">{conflictReason(c, props.names)}</span>
                <span class="conflict-sides">
                  {side(c.a)}
                  <Show when={c.b}>
                    {(b) => (
                      <>
                        <span class="muted"> {tc('and')} </span>
                        {side(b())}
                      </>
                    )}
                  </Show>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
