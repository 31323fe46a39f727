/** The conflicts of one event, while it is edited or dragged: each reason and the other side. */
import { For, Show } from 'solid-js';
import type { Conflict } from '@shared/tours';
import { conflictReason, type ConflictNames } from './conflict-text';
import { tc } from './messages';
import './conflicts.css';

export function ConflictNotes(props: { id: string; conflicts: readonly Conflict[]; names: ConflictNames }) {
  const other = (c: Conflict) => (c.a.id === props.id ? c.b : c.a);
  return (
    <Show when={props.conflicts.length > 0}>
      <ul class="conflict-inline" data-testid="live-conflicts" aria-live="polite">
        <For each={props.conflicts}>
          {(c) => (
            <li class={`conflict ${c.severity}`} data-testid="conflict" data-severity={c.severity} data-kind={c.kind}>
              <span class={`conflict-icon ${c.severity}`} aria-hidden="true">
                {c.severity === 'hard' ? '×' : '!'}
              </span>
              <span class="conflict-severity">{tc(c.severity)}</span>
              <span>{conflictReason(c, props.names)}</span>
              <Show when={other(c)}>
                {(o) => (
                  <span class="muted">
                    {tc('and')} {o().title} {o().start.replace('T', ' ')}
                  </span>
                )}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
