import type { EventInput } from 'fullcalendar';
import type { IndexedEvent } from '../storage/event-index';
import { effectiveEnd, isAllDay } from '@shared/time/dates';
import { KIND_COLORS } from '@shared/display/kind-colors';

type Recurrence = typeof import('@shared/time/recurrence');
let recurrence: Promise<Recurrence> | undefined;
/** rrule is only fetched once a visible range holds a recurring series. */
const loadRecurrence = () => (recurrence ??= import('@shared/time/recurrence'));

/** Who has which event open in their editor (from presence). */
export type EditingBy = ReadonlyMap<string, string>;

function input(e: IndexedEvent, start: string, end: string, editingBy: EditingBy): EventInput {
  const color = KIND_COLORS[e.kind];
  const classNames = ['cc-event', `kind-${e.kind}`, `status-${e.status}`];
  if (e.rrule) classNames.push('recurring');
  if (e.conflicted) classNames.push('cc-conflicted');
  const editor = editingBy.get(e.id);
  if (editor) classNames.push('cc-editing');
  return {
    id: e.rrule ? `${e.id}@${start}` : e.id,
    title: e.title,
    start,
    end,
    allDay: isAllDay(e.start),
    color,
    contrastColor: '#fff',
    className: classNames.join(' '),
    // A single occurrence of a series is edited through the dialog, not dragged.
    // (Only set when false: FullCalendar reads a present `undefined` as false.)
    ...(e.rrule ? { editable: false } : {}),
    extendedProps: { eventId: e.id, editingBy: editor },
  };
}

/** Occurrences of `records` within [from, to) as FullCalendar inputs, coloured by kind. */
export async function toEventInputs(
  records: IndexedEvent[],
  from: string,
  to: string,
  editingBy: EditingBy = new Map(),
): Promise<EventInput[]> {
  const out: EventInput[] = [];
  const series = records.filter((e) => e.rrule);
  for (const e of records) if (!e.rrule) out.push(input(e, e.start, effectiveEnd(e.start, e.end), editingBy));
  if (series.length) {
    const { expandOccurrences } = await loadRecurrence();
    for (const e of series) for (const occ of expandOccurrences(e, from, to)) out.push(input(e, occ.start, occ.end, editingBy));
  }
  return out;
}
