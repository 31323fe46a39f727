/**
 * The phases of a contest or an exhibition, in its editor (and in each phase's): each phase
 * with its date and the link to the phase it follows (editable), broken links marked with a
 * "fix", the workspace's cascade mode, adding and removing phases, saving the course as a
 * template. Every change is one command; the schedule rules are in shared/src/phases.
 */
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { EventRecord } from '@shared/schema/types';
import type { PhaseCascade } from '@shared/schema/doc';
import { addDays, datePart, effectiveEnd, lastDayInclusive } from '@shared/time/dates';
import { ALL_DATES, useWorkspace } from '../../stores/workspace-context';
import { tp } from './messages';
import { phaseName } from '@shared/phases/names';
import { whenText } from './phase-text';
import './phases.css';

export function PhasesSection(props: { record: EventRecord; readOnly: boolean; onOpen: (id: string) => void }) {
  const ws = useWorkspace();
  const mainId = () => props.record.parentId ?? props.record.id;
  const [group] = createResource(
    () => [ws.revision(), mainId()] as const,
    async ([, id]) => {
      const all = ws.queryEventsNow(ALL_DATES.from, ALL_DATES.to) ?? (await ws.queryEvents(ALL_DATES.from, ALL_DATES.to));
      const main = all.find((e) => e.id === id) ?? null;
      const phases = all.filter((e) => e.parentId === id && !e.rrule).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
      return { main, phases };
    },
  );
  const main = () => group()?.main ?? null;
  const phases = () => group()?.phases ?? [];
  const broken = createMemo(() => {
    const all = ws.brokenPhaseLinks();
    return phases().filter((p) => all?.has(p.id));
  });
  const titleOf = (id: string | undefined) => phases().find((p) => p.id === id)?.title ?? '';
  const [error, setError] = createSignal('');
  const [message, setMessage] = createSignal('');

  /** Runs a command; the editor reopens with the fresh record, since a phase command may move it. */
  const act = (r: { ok: true } | { ok: false; error: { message: string } }, reopen = true) => {
    if (!r.ok) return setError(r.error.message);
    setError('');
    if (reopen) props.onOpen(props.record.id);
  };

  const link = (p: EventRecord, change: { after?: string | null; lagDays?: number; lagUnit?: 'day' | 'workday' }) =>
    act(
      ws.run('phase.link', {
        id: p.id,
        after: change.after !== undefined ? change.after : (p.after ?? null),
        lagDays: change.lagDays ?? p.lagDays ?? 0,
        lagUnit: change.lagUnit ?? p.lagUnit ?? 'day',
      }),
    );

  const [newName, setNewName] = createSignal('');
  const last = () => phases().reduce<EventRecord | null>((a, b) => (!a || effectiveEnd(b.start, b.end) > effectiveEnd(a.start, a.end) ? b : a), null);
  const [newStart, setNewStart] = createSignal('');
  const defaultStart = () => {
    const l = last();
    return l ? addDays(lastDayInclusive(l.start, l.end), 1) : datePart(props.record.start);
  };
  const addPhase = (e: Event) => {
    e.preventDefault();
    const m = main();
    const name = newName().trim();
    if (!m || !name) return setError(tp('titleRequired'));
    const l = last();
    const r = ws.run('phase.add', {
      mainId: m.id,
      fields: {
        title: `${m.title}·${name}`,
        kind: m.kind,
        status: 'planned',
        start: newStart() || defaultStart(),
        phase: `custom-${phases().length + 1}`,
        sectionIds: m.sectionIds,
        campaignId: m.campaignId,
        ...(l ? { after: l.id, lagDays: 0, lagUnit: 'day' as const } : {}),
      },
    });
    if (!r.ok) return setError(r.error.message);
    setNewName('');
    setNewStart('');
    setError('');
  };

  const setMode = (mode: PhaseCascade) => act(ws.run('workspace.setPhaseCascade', { mode }), false);
  const saveTemplate = () => {
    const m = main();
    if (!m) return;
    const r = ws.run('template.saveFromEvent', { mainId: m.id });
    if (!r.ok) return setError(r.error.message);
    setMessage(tp('templateSaved', { name: m.title }));
  };

  const shown = () => props.record.parentId !== undefined || phases().length > 0 || ['contest', 'exhibition', 'anniversary'].includes(props.record.kind);

  return (
    <Show when={shown()}>
      <section class="phases-section full" data-testid="phases" aria-labelledby="phases-heading">
        <header class="phases-head">
          <h3 id="phases-heading">{tp('phases')}</h3>
          <Show when={props.record.parentId !== undefined && main()}>
            <button type="button" class="link-button" data-testid="open-main" onClick={() => props.onOpen(main()!.id)}>
              {tp('phaseOf', { title: main()!.title })}
            </button>
          </Show>
        </header>
        <Show when={broken().length > 0}>
          <p class="phase-broken-note" role="alert" data-testid="phase-broken-note">
            <span aria-hidden="true">⚠ </span>
            {tp('brokenCount', { n: broken().length })}
            <Show when={!props.readOnly}>
              <button type="button" class="small" data-testid="fix-links" title={tp('fixHint')} onClick={() => act(ws.run('phase.fixLinks', { mainId: mainId() }))}>
                {tp('fix')}
              </button>
            </Show>
          </p>
        </Show>
        <ol class="phase-list">
          <For each={phases()} fallback={<li class="muted">{tp('noPhases')}</li>}>
            {(p) => {
              const bad = () => ws.brokenPhaseLinks()?.get(p.id);
              return (
                <li class="phase-row" classList={{ current: p.id === props.record.id, broken: !!bad() }} data-testid="phase-row" data-phase={p.phase ?? ''} data-link-broken={bad() ? 'true' : 'false'}>
                  <button type="button" class="link-button phase-name" onClick={() => props.onOpen(p.id)}>
                    {phaseName(p.title, main()?.title ?? '')}
                  </button>
                  <span class="phase-when">{whenText(p)}</span>
                  <Show when={bad()}>
                    {(b) => (
                      <span class="phase-broken" data-testid="phase-broken">
                        <span aria-hidden="true">⚠ </span>
                        {tp('brokenLink', { after: phaseName(titleOf(b().afterId), main()?.title ?? ''), earliest: b().earliestStart.replace('T', ' ') })}
                      </span>
                    )}
                  </Show>
                  <span class="phase-link">
                    <select
                        aria-label={`${tp('follows')}: ${p.title}`}
                        disabled={props.readOnly}
                        value={p.after ?? ''}
                        onChange={(e) => link(p, { after: e.currentTarget.value || null })}
                      >
                        <option value="">{tp('followsNothing')}</option>
                        <For each={phases().filter((q) => q.id !== p.id)}>{(q) => <option value={q.id}>{tp('follows')} {phaseName(q.title, main()?.title ?? '')}</option>}</For>
                    </select>
                    <Show when={p.after}>
                      <input
                        type="number"
                        min="0"
                        max="3650"
                        class="lag"
                        aria-label={`${tp('lag')}: ${p.title}`}
                        disabled={props.readOnly}
                        value={p.lagDays ?? 0}
                        onChange={(e) => link(p, { lagDays: Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)) })}
                      />
                      <select aria-label={`${tp('lag')}: ${p.title}`} disabled={props.readOnly} value={p.lagUnit ?? 'day'} onChange={(e) => link(p, { lagUnit: e.currentTarget.value as 'day' | 'workday' })}>
                        <option value="day">{tp('lagDay')}</option>
                        <option value="workday">{tp('lagWorkday')}</option>
                      </select>
                    </Show>
                  </span>
                  <Show when={!props.readOnly && p.id !== props.record.id}>
                    <button type="button" class="small" aria-label={tp('removePhase', { name: p.title })} onClick={() => act(ws.run('event.delete', { id: p.id }), false)}>
                      {tp('remove')}
                    </button>
                  </Show>
                </li>
              );
            }}
          </For>
        </ol>
        <Show when={!props.readOnly && main()}>
          <div class="phase-add" data-testid="phase-add">
            <input aria-label={tp('phaseName')} placeholder={tp('phaseName')} value={newName()} onInput={(e) => setNewName(e.currentTarget.value)} maxLength={100} />
            <input type="date" aria-label={tp('phaseStart')} value={newStart() || defaultStart()} onInput={(e) => setNewStart(e.currentTarget.value)} />
            <button type="button" class="small" onClick={addPhase}>
              + {tp('addPhase')}
            </button>
          </div>
          <fieldset class="phase-mode" data-testid="phase-cascade">
            <legend>{tp('cascade')}</legend>
            <label>
              <input type="radio" name="phaseCascade" value="keep-gaps" checked={ws.phaseCascade() === 'keep-gaps'} onChange={() => setMode('keep-gaps')} />
              {tp('keepGaps')}
            </label>
            <label>
              <input type="radio" name="phaseCascade" value="on-overlap" checked={ws.phaseCascade() === 'on-overlap'} onChange={() => setMode('on-overlap')} />
              {tp('onOverlap')}
            </label>
            <span class="hint">{tp('cascadeHint')}</span>
          </fieldset>
          <Show when={phases().length > 0}>
            <button type="button" class="small" data-testid="save-template" onClick={saveTemplate}>
              {tp('saveTemplate')}
            </button>
          </Show>
        </Show>
        <Show when={message()}>
          <p class="hint" role="status">
            {message()}
          </p>
        </Show>
        <Show when={error()}>
          <em class="error" role="alert" data-testid="phase-error">
            {error()}
          </em>
        </Show>
      </section>
    </Show>
  );
}
