/**
 * Schedule a tour: pick units and a window, get draft sessions on working days (no speaker or
 * team double-booked, at most N a day, units of one kind and area together), adjust them —
 * move a draft's start, drop one — and accept them together (session.createMany, one undo step).
 * Nothing is written before "accept".
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { EventFields, EventRecord, TeamRecord, UnitRecord } from '@shared/schema/types';
import { proposeTour, UNPLACED_REASON_LABELS, type ConflictIndex, type TourProposal } from '@shared/tours';
import { addDays, compareDateValues, isValidDateValue, shiftDateValue, toMinuteNumber } from '@shared/time/dates';
import { locale } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { ConflictNotes } from '../conflicts/ConflictNotes';
import type { ConflictNames } from '../conflicts/conflict-text';
import { tm } from './messages';
import { categoryLabel } from './unit-labels';

export interface ScheduleTourProps {
  team: TeamRecord;
  units: UnitRecord[];
  /** Units this team's tour has reached already (≥ 1 done session), for "only unreached targets". */
  reached: ReadonlySet<string>;
  existing: EventRecord[];
  conflicts: ConflictIndex | null;
  names: ConflictNames;
  timezone: string;
  bufferMinutes: number;
  today: string;
  onAccept: (sessions: EventFields[]) => string | null;
  onClose: () => void;
}

const SLOT_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

export default function ScheduleTourDialog(props: ScheduleTourProps) {
  const [chosen, setChosen] = createSignal<ReadonlySet<string>>(new Set(props.units.filter((u) => u.target && !props.reached.has(u.id)).map((u) => u.id)));
  const [from, setFrom] = createSignal(props.today);
  const [last, setLast] = createSignal(addDays(props.today, 27));
  const [perDay, setPerDay] = createSignal(2);
  const [slots, setSlots] = createSignal('09:00、14:30');
  const [duration, setDuration] = createSignal(90);
  const [weekends, setWeekends] = createSignal(false);
  const [holidays, setHolidays] = createSignal(false);
  const [order, setOrder] = createSignal<'grouped' | 'given'>('grouped');
  const [proposal, setProposal] = createSignal<TourProposal | null>(null);
  const [drafts, setDrafts] = createSignal<EventFields[]>([]);
  const [error, setError] = createSignal('');
  const unitName = (id: string | undefined) => props.units.find((u) => u.id === id)?.name ?? '';

  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const propose = () => {
    const slotList = slots()
      .split(/[、，,;；\s]+/)
      .filter(Boolean);
    if (!isValidDateValue(from()) || !isValidDateValue(last()) || compareDateValues(last(), from()) < 0) return setError(tm('badWindow'));
    if (slotList.length === 0 || !slotList.every((s) => SLOT_RE.test(s))) return setError(tm('badSlots'));
    const units = props.units.filter((u) => chosen().has(u.id));
    if (units.length === 0) return setError(tm('noUnitsChosen'));
    setError('');
    const p = proposeTour({
      team: props.team,
      units,
      from: from(),
      to: addDays(last(), 1),
      perDay: Math.max(1, perDay()),
      slots: slotList,
      durationMinutes: Math.max(15, duration()),
      allowWeekends: weekends(),
      allowHolidays: holidays(),
      existing: props.existing,
      timezone: props.timezone,
      bufferMinutes: props.bufferMinutes,
      order: order(),
    });
    setProposal(p);
    setDrafts(p.drafts);
    if (p.drafts.length === 0) setError(tm('noDrafts'));
  };

  /** A draft moved by hand keeps its length. */
  const moveDraft = (i: number, start: string) => {
    if (!isValidDateValue(start) || start.length !== 16) return;
    setDrafts((list) =>
      list.map((d, j) => {
        if (j !== i) return d;
        const minutes = d.end ? toMinuteNumber(d.end) - toMinuteNumber(d.start) : 60;
        return { ...d, start, end: shiftDateValue(start, 0, minutes) };
      }),
    );
  };
  // Each draft checked against the workspace and the other drafts (as the merged state will be).
  const draftConflicts = createMemo(() => {
    const index = props.conflicts;
    if (!index) return drafts().map(() => []);
    return drafts().map((d, i) => {
      try {
        return index.check({ ...d, id: `(draft ${i + 1})` } as EventRecord);
      } catch {
        return [];
      }
    });
  });

  const accept = () => {
    if (drafts().length === 0) return setError(tm('noDrafts'));
    setError(props.onAccept(drafts()) ?? '');
  };

  return (
    <Dialog title={`${tm('scheduleTour')} · ${props.team.name}`} onClose={props.onClose} testid="schedule-tour" wide>
      <form
        class="editor"
        onSubmit={(e) => {
          e.preventDefault();
          propose();
        }}
        novalidate
      >
        <fieldset>
          <div class="field full">
            <span>{tm('tourUnits')}</span>
            <div class="toolbar-inline">
              <button type="button" class="small" onClick={() => setChosen(new Set(props.units.map((u) => u.id)))}>
                {tm('selectAll')}
              </button>
              <button type="button" class="small" onClick={() => setChosen(new Set(props.units.filter((u) => u.target && !props.reached.has(u.id)).map((u) => u.id)))}>
                {tm('selectUnreached')}
              </button>
              <button type="button" class="small" onClick={() => setChosen(new Set<string>())}>
                {tm('selectNone')}
              </button>
            </div>
            <div class="unit-picks" role="group" aria-label={tm('tourUnits')}>
              <For each={props.units}>
                {(u) => (
                  <label class="chip">
                    <input type="checkbox" name="unit" value={u.id} checked={chosen().has(u.id)} onChange={(e) => toggle(u.id, e.currentTarget.checked)} />
                    {u.name}
                    <span class="muted">{categoryLabel(u.category)}</span>
                  </label>
                )}
              </For>
            </div>
          </div>
          <label class="field">
            <span>{tm('firstDay')}</span>
            <input type="date" name="from" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{tm('lastDay')}</span>
            <input type="date" name="lastDay" value={last()} onInput={(e) => setLast(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{tm('slots')}</span>
            <input name="slots" value={slots()} placeholder={tm('slotsHint')} onInput={(e) => setSlots(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{tm('duration')}</span>
            <input type="number" name="duration" min="15" max="600" step="15" value={duration()} onInput={(e) => setDuration(Number(e.currentTarget.value) || 90)} />
          </label>
          <label class="field">
            <span>{tm('perDay')}</span>
            <input type="number" name="perDay" min="1" max="8" value={perDay()} onInput={(e) => setPerDay(Number(e.currentTarget.value) || 1)} />
          </label>
          <label class="field">
            <span>{tm('order')}</span>
            <select name="order" value={order()} onChange={(e) => setOrder(e.currentTarget.value as 'grouped' | 'given')}>
              <option value="grouped">{tm('orderGrouped')}</option>
              <option value="given">{tm('orderGiven')}</option>
            </select>
          </label>
          <label class="field check">
            <input type="checkbox" name="weekends" checked={weekends()} onChange={(e) => setWeekends(e.currentTarget.checked)} />
            <span>{tm('allowWeekends')}</span>
          </label>
          <label class="field check">
            <input type="checkbox" name="holidays" checked={holidays()} onChange={(e) => setHolidays(e.currentTarget.checked)} />
            <span>{tm('allowHolidays')}</span>
          </label>
        </fieldset>
        <footer class="editor-actions">
          <span class="spacer" />
          <button type="submit" data-testid="propose-tour">
            {tm('propose')}
          </button>
        </footer>
      </form>
      <Show when={proposal()}>
        {(p) => (
          <>
            <h3>{tm('drafts', { n: drafts().length })}</h3>
            <table class="table tour-table" data-testid="tour-drafts">
              <thead>
                <tr>
                  <th>{tm('colIndex')}</th>
                  <th>{tm('colTime')}</th>
                  <th>{tm('colHost')}</th>
                  <th>{tm('colSpeakers')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                <For each={drafts()}>
                  {(d, i) => (
                    <tr data-testid="tour-draft">
                      <td class="num">{i() + 1}</td>
                      <td>
                        <input type="datetime-local" aria-label={`${tm('colTime')} ${i() + 1}`} value={d.start} onChange={(e) => moveDraft(i(), e.currentTarget.value)} />
                        <span class="muted"> – {d.end?.slice(11)}</span>
                        <ConflictNotes id={`(draft ${i() + 1})`} conflicts={draftConflicts()[i()] ?? []} names={props.names} />
                      </td>
                      <td>{unitName(d.hostUnitId)}</td>
                      <td>{(d.speakers ?? []).join('、')}</td>
                      <td class="actions">
                        <button type="button" class="small" onClick={() => setDrafts((list) => list.filter((_, j) => j !== i()))}>
                          {tm('remove')}
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={p().unplaced.length > 0}>
              <h3>{tm('unplaced')}</h3>
              <ul class="unplaced" data-testid="tour-unplaced">
                <For each={p().unplaced}>
                  {(u) => (
                    <li>
                      {unitName(u.unitId)}：{UNPLACED_REASON_LABELS[locale()][u.reason]}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
      <Show when={error()}>
        <em class="error" role="alert" data-testid="tour-error">
          {error()}
        </em>
      </Show>
      <footer class="editor-actions">
        <span class="spacer" />
        <button type="button" onClick={() => props.onClose()}>
          {tm('cancel')}
        </button>
        <button type="button" class="primary" data-testid="accept-tour" disabled={drafts().length === 0} onClick={accept}>
          {tm('acceptAll', { n: drafts().length })}
        </button>
      </footer>
    </Dialog>
  );
}
