/**
 * Events as the conflict rules see them: every occurrence overlapping the checked range, with
 * its instants and the wall-clock days it touches.
 */
import type { DateValue, EventRecord } from '../schema/types';
import { isAllDay, toMinuteNumber } from '../time/dates';
import { cachedOccurrences, expansionKey } from './expansion-cache';
import { boundedMemo } from './memo';
import type { ZoneClock } from './zone-clock';

const MINUTES_PER_DAY = 1440;

/** Where and when one occurrence is, whatever the event it belongs to. */
export interface OccurrenceTiming {
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

export interface PlacedOccurrence extends OccurrenceTiming {
  event: EventRecord;
}

export interface CheckedRange {
  from: DateValue;
  to: DateValue;
}

function timings(event: EventRecord, range: CheckedRange, clock: ZoneClock): OccurrenceTiming[] {
  const allDay = isAllDay(event.start);
  return cachedOccurrences(event, range.from, range.to, undefined, clock.timeZone).map(({ start, end }) => {
    const startMin = toMinuteNumber(start);
    const endMin = toMinuteNumber(end);
    const s = clock.at(startMin);
    // A timed value inside a spring-forward gap moves forward by the gap and may land after
    // its own end; such a session is taken as empty rather than backwards.
    const e = Math.max(s, clock.at(endMin));
    return { start, end, allDay, s, e, firstDay: Math.floor(startMin / MINUTES_PER_DAY), endDay: Math.floor((endMin - 1) / MINUTES_PER_DAY) + 1 };
  });
}

// Timings depend on nothing but the expansion and the zone (expansion-cache.ts says why keep them).
const cached = boundedMemo<string, OccurrenceTiming[]>(50_000);

export function placeOccurrences(event: EventRecord, range: CheckedRange, clock: ZoneClock): PlacedOccurrence[] {
  const list = cached(`${clock.timeZone}\u0000${expansionKey(event, range.from, range.to)}`, () => timings(event, range, clock));
  const out: PlacedOccurrence[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    out[i] = { event, start: t.start, end: t.end, allDay: t.allDay, s: t.s, e: t.e, firstDay: t.firstDay, endDay: t.endDay };
  }
  return out;
}
