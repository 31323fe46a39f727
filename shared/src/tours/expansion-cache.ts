/**
 * Occurrences of an event over a range, kept between calls. Expanding (parsing dates, running
 * rrule.js) is most of what a full conflict check or a coverage count costs, and between two
 * runs on the merged state almost every event is unchanged. Results are keyed by exactly what
 * they depend on (range, start, end, rrule, exdates), so an edited event simply gets a new
 * key.
 */
import type { DateValue } from '../schema/types';
import { expandOccurrences, type Occurrence, type RecurringSource } from '../time/recurrence';
import { boundedMemo } from './memo';
import { DEFAULT_TIMEZONE } from '../time/dates';


/** The key of an expansion; also used by caches derived from it. */
export function expansionKey(event: RecurringSource, from: DateValue, to: DateValue): string {
  const exdates = Array.isArray(event.exdates) ? event.exdates.join(',') : '';
  return `${from}\u0000${to}\u0000${event.start}\u0000${event.end ?? ''}\u0000${event.rrule ?? ''}\u0000${exdates}\u0000${event.rdates?.join(',') ?? ''}\u0000${event.timezone ?? ''}`;
}

const expansions = boundedMemo<string, readonly Occurrence[]>(50_000);

/** expandOccurrences(event, from, to, limit, zone), memoised. Do not mutate the result. */
export function cachedOccurrences(event: RecurringSource, from: DateValue, to: DateValue, limit = 5000, zone: string = DEFAULT_TIMEZONE): readonly Occurrence[] {
  // The zone only matters to a series kept in its own (see zonedSeries): the others share one entry.
  const key = event.timezone ? `${limit}\u0000${zone}\u0000${expansionKey(event, from, to)}` : `${limit}\u0000${expansionKey(event, from, to)}`;
  return expansions(key, () => expandOccurrences(event, from, to, limit, zone));
}
