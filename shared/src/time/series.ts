/**
 * What makes an event a series, and the zone it recurs in. Kept apart from recurrence.ts so
 * that views can ask without loading rrule.js (which recurrence.ts imports).
 */
import { fromUtcMs, isAllDay, isKnownZone, toUtcMs, type DateValue } from './dates';

/** True for events with more than one occurrence: an RRULE or extra dates (RDATE). */
export function isRecurring(event: { rrule?: string | null; rdates?: readonly string[] | null }): boolean {
  return Boolean(event.rrule) || (event.rdates?.length ?? 0) > 0;
}

/**
 * True when views must go through expandOccurrences rather than read `start` and `end`: a
 * series, or a timed event with its own zone (its values are wall clock there).
 */
export function needsExpansion(event: { start: DateValue; rrule?: string | null; rdates?: readonly string[] | null; timezone?: string | null }): boolean {
  return isRecurring(event) || (Boolean(event.timezone) && !isAllDay(event.start));
}

/**
 * The zone a timed series recurs in when it is not the view's: `timezone` set, known to Intl
 * and different from `zone`. All-day values have no zone (a date is the same date everywhere).
 */
export function zonedSeries(event: { start: DateValue; timezone?: string | null }, zone: string): string | null {
  const tz = event.timezone;
  if (!tz || tz === zone || isAllDay(event.start) || !isKnownZone(tz)) return null;
  return tz;
}

/**
 * An EXDATE or RDATE value in the form of the series' `start` (RFC 5545: they have DTSTART's
 * form): a date on a timed series takes the series' time of day, a time on an all-day one its day.
 */
export function inStartForm(value: DateValue, start: DateValue): DateValue {
  return isAllDay(start) ? value.slice(0, 10) : isAllDay(value) ? `${value}T${start.slice(11, 16)}` : value;
}

/** A rule with its COUNT moved by `delta`; undefined when no occurrence would be left. A rule without COUNT is unchanged. */
export function shiftCount(rrule: string, delta: number): string | undefined {
  const m = /(?:^|;)COUNT=(\d+)/i.exec(rrule);
  if (!m) return rrule;
  const count = Number(m[1]) + delta;
  return count < 1 ? undefined : rrule.replace(/(^|;)COUNT=\d+/i, `$1COUNT=${count}`);
}

/** A value of the series' zone → the view zone's wall clock (same instant). */
export function toViewZone(value: DateValue, from: string, to: string): DateValue {
  return fromUtcMs(toUtcMs(value, from), to);
}

