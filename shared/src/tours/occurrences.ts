/**
 * Events as the conflict rules see them: every occurrence overlapping the checked range, with
 * its instants and the wall-clock days it touches.
 */
import type { DateValue, EventRecord } from '../schema/types';
import { isAllDay, toMinuteNumber } from '../time/dates';
import { expandOccurrences } from '../time/recurrence';
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
  return expandOccurrences(event, range.from, range.to).map(({ start, end }) => {
    const startMin = toMinuteNumber(start);
    const endMin = toMinuteNumber(end);
    const s = clock.at(startMin);
    // A timed value inside a spring-forward gap moves forward by the gap and may land after
    // its own end; such a session is taken as empty rather than backwards.
    const e = Math.max(s, clock.at(endMin));
    return { start, end, allDay, s, e, firstDay: Math.floor(startMin / MINUTES_PER_DAY), endDay: Math.floor((endMin - 1) / MINUTES_PER_DAY) + 1 };
  });
}

/**
 * Timings depend only on these fields, the range and the zone, and expanding them (parsing
 * dates, running rrule.js) is most of a full check's cost. Between two checks of the merged
 * state almost every event is unchanged, so they are kept, keyed by exactly what they depend
 * on: an edited event simply has a new key.
 */
const cache = new Map<string, OccurrenceTiming[]>();
const CACHE_LIMIT = 50_000;

function timingKey(event: EventRecord, range: CheckedRange, clock: ZoneClock): string {
  const exdates = Array.isArray(event.exdates) ? event.exdates.join(',') : '';
  return `${clock.timeZone}\u0000${range.from}\u0000${range.to}\u0000${event.start}\u0000${event.end ?? ''}\u0000${event.rrule ?? ''}\u0000${exdates}`;
}

export function placeOccurrences(event: EventRecord, range: CheckedRange, clock: ZoneClock): PlacedOccurrence[] {
  const key = timingKey(event, range, clock);
  let list = cache.get(key);
  if (!list) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    list = timings(event, range, clock);
    cache.set(key, list);
  }
  const out: PlacedOccurrence[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    out[i] = { event, start: t.start, end: t.end, allDay: t.allDay, s: t.s, e: t.e, firstDay: t.firstDay, endDay: t.endDay };
  }
  return out;
}
