/**
 * Events as the conflict rules see them: every occurrence overlapping the checked range, with
 * its instants and the wall-clock days it touches.
 */
import type { DateValue, EventRecord } from '../schema/types';
import { isAllDay, toMinuteNumber } from '../time/dates';
import { expandOccurrences } from '../time/recurrence';
import type { ZoneClock } from './zone-clock';

const MINUTES_PER_DAY = 1440;

export interface PlacedOccurrence {
  event: EventRecord;
  /** The occurrence's own start and (exclusive) end, in the event's form. */
  start: DateValue;
  end: DateValue;
  allDay: boolean;
  /** Instants [s, e). All-day bounds are local midnights. `e ≥ s` even in a DST gap. */
  s: number;
  e: number;
  /** Wall-clock day numbers (toDayNumber) it touches: [firstDay, endDay). */
  firstDay: number;
  endDay: number;
}

export interface CheckedRange {
  from: DateValue;
  to: DateValue;
}

export function placeOccurrences(event: EventRecord, range: CheckedRange, clock: ZoneClock): PlacedOccurrence[] {
  const allDay = isAllDay(event.start);
  return expandOccurrences(event, range.from, range.to).map(({ start, end }) => {
    const startMin = toMinuteNumber(start);
    const endMin = toMinuteNumber(end);
    const s = clock.at(startMin);
    // A timed value inside a spring-forward gap moves forward by the gap and may land after
    // its own end; such a session is taken as empty rather than backwards.
    const e = Math.max(s, clock.at(endMin));
    return {
      event,
      start,
      end,
      allDay,
      s,
      e,
      firstDay: Math.floor(startMin / MINUTES_PER_DAY),
      endDay: Math.floor((endMin - 1) / MINUTES_PER_DAY) + 1,
    };
  });
}
