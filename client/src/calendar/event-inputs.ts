import type { EventInput } from 'fullcalendar';
import type { EventRecord } from '@shared/schema/types';
import { expandOccurrences } from '@shared/time/recurrence';
import { isAllDay } from '@shared/time/dates';
import { KIND_COLORS } from '@shared/display/kind-colors';

/** Occurrences of `records` within [from, to) as FullCalendar inputs, coloured by kind. */
export function toEventInputs(records: EventRecord[], from: string, to: string): EventInput[] {
  const out: EventInput[] = [];
  for (const e of records) {
    const color = KIND_COLORS[e.kind];
    const classNames = [`kind-${e.kind}`, `status-${e.status}`];
    if (e.rrule) classNames.push('recurring');
    for (const occ of expandOccurrences(e, from, to)) {
      out.push({
        id: e.rrule ? `${e.id}@${occ.start}` : e.id,
        title: e.title,
        start: occ.start,
        end: occ.end,
        allDay: isAllDay(e.start),
        backgroundColor: color,
        borderColor: color,
        textColor: '#fff',
        classNames,
        // A single occurrence of a series is edited through the dialog, not dragged.
        editable: e.rrule ? false : undefined,
        extendedProps: { eventId: e.id },
      });
    }
  }
  return out;
}
