/** A team's tour: its sessions in time order, with host unit, speakers, status and audience. */
import { For, Show } from 'solid-js';
import type { EventRecord, UnitRecord } from '@shared/schema/types';
import { effectiveEnd, isAllDay, lastDayInclusive } from '@shared/time/dates';
import { statusLabel } from '../../i18n';
import { tm } from './messages';

/** `2026-05-12 09:00–10:30`, or the days of an all-day session. */
export function sessionTime(e: EventRecord): string {
  if (isAllDay(e.start)) {
    const last = lastDayInclusive(e.start, e.end);
    return last === e.start ? e.start : `${e.start} – ${last}`;
  }
  const end = effectiveEnd(e.start, e.end);
  const sameDay = end.slice(0, 10) === e.start.slice(0, 10);
  return `${e.start.replace('T', ' ')}–${sameDay ? end.slice(11) : end.replace('T', ' ')}`;
}

export function TourList(props: { sessions: EventRecord[]; units: Map<string, UnitRecord>; onOpen: (e: EventRecord) => void }) {
  return (
    <Show when={props.sessions.length > 0} fallback={<p class="empty">{tm('noSessions')}</p>}>
      <table class="table tour-table" data-testid="tour">
        <thead>
          <tr>
            <th>{tm('colIndex')}</th>
            <th>{tm('colTime')}</th>
            <th>{tm('colHost')}</th>
            <th>{tm('colSpeakers')}</th>
            <th>{tm('colTitle')}</th>
            <th>{tm('colStatus')}</th>
            <th class="num">{tm('colAudience')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.sessions}>
            {(e, i) => (
              <tr data-testid="tour-session" data-id={e.id} classList={{ done: e.status === 'done', cancelled: e.status === 'cancelled' }}>
                <td class="num">{i() + 1}</td>
                <td class="nowrap">
                  {sessionTime(e)}
                  {e.rrule ? ` ${tm('series')}` : ''}
                </td>
                <td>{(e.hostUnitId && props.units.get(e.hostUnitId)?.name) || e.location || ''}</td>
                <td>{(e.speakers ?? []).join('、')}</td>
                <td>
                  <button type="button" class="link-button" onClick={() => props.onOpen(e)}>
                    {e.title}
                  </button>
                </td>
                <td>{statusLabel(e.status)}</td>
                <td class="num">{e.audience ?? ''}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}
