/**
 * Expanding recurring events into concrete occurrences.
 *
 * Event times are floating wall-clock values in the workspace zone (or, for an
 * imported series with `timezone`, in that zone), and a recurrence repeats the wall-clock time ("every Friday 14:30" stays 14:30 across
 * DST). So we hand rrule.js a UTC Date whose UTC fields *are* the wall-clock
 * fields, never set `tzid`, and read results back as UTC. The host zone then
 * never enters the computation.
 */
import type { DateValue } from './dates';
import {
  DEFAULT_TIMEZONE,
  datePart,
  effectiveEnd,
  fromMinuteNumber,
  fromUtcMs,
  isAllDay,
  isValidDateValue,
  shiftDateValue,
  toMinuteNumber,
  toUtcMs,
} from './dates';
import { RRule } from './rrule-lib';
import { inStartForm, zonedSeries, toViewZone } from './series';

export { inStartForm, isRecurring, needsExpansion, shiftCount, zonedSeries, toViewZone } from './series';
import { checkRRule, parseUntil, type ParsedRRule } from './rrule-validate';

export { validateRRule, checkRRule, type ParsedRRule, type RRuleCheck } from './rrule-validate';
export {
  presetToRRule,
  rruleToPreset,
  describeRRule,
  type RecurrencePreset,
  type PresetFreq,
} from './recurrence-presets';

export interface RecurringSource {
  start: DateValue;
  end?: DateValue | null;
  rrule?: string | null;
  exdates?: readonly string[] | null;
  /** Extra occurrence starts (RDATE), in the form of `start`. */
  rdates?: readonly string[] | null;
  /** The series' own IANA zone: its values are wall clock there and it recurs there (see zonedSeries). */
  timezone?: string | null;
}

export interface Occurrence {
  start: DateValue;
  end: DateValue;
}

const MS_PER_MINUTE = 60_000;

function toFloating(v: DateValue): Date {
  return new Date(toMinuteNumber(v) * MS_PER_MINUTE);
}

function fromFloating(d: Date, allDay: boolean): DateValue {
  return fromMinuteNumber(Math.floor(d.getTime() / MS_PER_MINUTE), allDay);
}

/** [s, s + d) overlaps [from, to); a zero-length occurrence is a point inside the range. */
function overlaps(startMin: number, durationMin: number, fromMin: number, toMin: number): boolean {
  return startMin < toMin && (startMin + durationMin > fromMin || (durationMin === 0 && startMin >= fromMin));
}

/**
 * rrule.js always iterates from DTSTART, so a weekly meeting begun years ago
 * costs hundreds of steps per month view. For DAILY and WEEKLY rules without
 * COUNT, moving DTSTART forward by whole periods (same weekday, same week
 * parity, same time) yields exactly the same occurrences from that point on.
 * We stop one period short of `notBeforeMin` so the new DTSTART's own period,
 * where rrule.js would skip days before it, stays out of the requested range.
 */
function fastForward(rule: ParsedRRule, start: DateValue, notBeforeMin: number): DateValue {
  if (rule.parts.has('COUNT') || (rule.freq !== 'DAILY' && rule.freq !== 'WEEKLY')) return start;
  const periodMin = Number(rule.parts.get('INTERVAL') ?? '1') * (rule.freq === 'WEEKLY' ? 7 : 1) * 1440;
  const startMin = toMinuteNumber(start);
  const periods = Math.floor((notBeforeMin - startMin) / periodMin) - 1;
  return periods > 0 ? fromMinuteNumber(startMin + periods * periodMin, isAllDay(start)) : start;
}

/** Builds the rrule.js object for an already validated rule. */
export function buildRule(rule: ParsedRRule, start: DateValue): RRule {
  const options = RRule.parseString(rule.text);
  const until = rule.parts.get('UNTIL');
  const parsed = until ? parseUntil(until) : null;
  if (parsed && parsed.time === null) {
    // A date-only UNTIL means "through that day". rrule.js reads it as 00:00,
    // which would drop a 14:30 occurrence on the UNTIL day itself.
    options.until = new Date(Date.UTC(parsed.y, parsed.m - 1, parsed.d, 23, 59, 59));
  }
  return new RRule({ ...options, dtstart: toFloating(start) });
}

function exdateKeys(exdates: readonly string[] | null | undefined, allDay: boolean): Set<string> {
  const keys = new Set<string>();
  for (const x of exdates ?? []) {
    if (!isValidDateValue(x)) continue;
    // All-day series match exdates by day; timed ones by the exact start value.
    keys.add(allDay ? datePart(x) : x);
  }
  return keys;
}

function rdateKeys(event: RecurringSource): string[] {
  return (event.rdates ?? []).filter(isValidDateValue).map((r) => inStartForm(r, event.start));
}

/**
 * Occurrences of `event` overlapping [rangeStart, rangeEnd), in order, at most `limit`,
 * as wall-clock values in `zone` (the workspace zone, meta.timezone).
 *
 * A non-recurring event yields itself when it overlaps, plus its `rdates`. An unusable
 * RRULE yields only the first instance and the rdates (see validateRRule for the reason),
 * so a damaged record stays visible instead of crashing the view. Note that, like rrule.js
 * and unlike RFC 5545, a DTSTART that does not match the rule (a Thursday start for "every
 * Friday") is not itself an occurrence; the iCalendar import adds such a start to `rdates`.
 *
 * A series with its own `timezone` is expanded in that zone, where its BYDAY, EXDATE and
 * RDATE values and its daylight-saving changes belong ("Friday 20:00 in Stockholm" is
 * Saturday 03:00 or 02:00 in Beijing depending on the season), and each occurrence is then
 * converted to `zone`. Durations are kept as elapsed time.
 */
export function expandOccurrences(
  event: RecurringSource,
  rangeStart: DateValue,
  rangeEnd: DateValue,
  limit = 5000,
  zone: string = DEFAULT_TIMEZONE,
): Occurrence[] {
  if (!isValidDateValue(event.start) || !isValidDateValue(rangeStart) || !isValidDateValue(rangeEnd)) return [];
  const seriesZone = zonedSeries(event, zone);
  if (!seriesZone) return expandWallClock(event, rangeStart, rangeEnd, limit);
  // The range in the series' wall clock, a day wider each side: around a DST change wall clock
  // repeats or skips an hour, so the exact filter is done on the converted values below.
  const from = shiftDateValue(toViewZone(rangeStart, zone, seriesZone), -1);
  const to = shiftDateValue(toViewZone(rangeEnd, zone, seriesZone), 1);
  const startMs = toUtcMs(event.start, seriesZone);
  const durationMs = Math.max(0, toUtcMs(effectiveEnd(event.start, event.end), seriesZone) - startMs);
  const fromMin = toMinuteNumber(rangeStart);
  const toMin = toMinuteNumber(rangeEnd);
  const out: Occurrence[] = [];
  if (limit < 1) return out;
  // The margin days may hold a few occurrences outside the range: ask for that many more.
  for (const o of expandWallClock(event, from, to, limit + 200)) {
    const ms = toUtcMs(o.start, seriesZone);
    const start = fromUtcMs(ms, zone);
    const end = fromUtcMs(ms + durationMs, zone);
    const startMin = toMinuteNumber(start);
    if (!overlaps(startMin, toMinuteNumber(end) - startMin, fromMin, toMin)) continue;
    out.push({ start, end });
    if (out.length >= limit) break;
  }
  return out;
}

/** expandOccurrences on the event's own wall clock (no zone conversion). */
function expandWallClock(event: RecurringSource, rangeStart: DateValue, rangeEnd: DateValue, limit: number): Occurrence[] {
  const { start } = event;
  const allDay = isAllDay(start);
  const durationMin = toMinuteNumber(effectiveEnd(start, event.end)) - toMinuteNumber(start);
  const excluded = exdateKeys(event.exdates, allDay);
  const fromMin = toMinuteNumber(rangeStart);
  const toMin = toMinuteNumber(rangeEnd);
  const make = (startMin: number): Occurrence => ({
    start: fromMinuteNumber(startMin, allDay),
    end: fromMinuteNumber(startMin + durationMin, allDay),
  });
  const out: Occurrence[] = [];
  if (limit < 1) return out;
  const seen = new Set<string>();
  const add = (startMin: number) => {
    const key = fromMinuteNumber(startMin, allDay);
    // Sub-daily rules on an all-day event collapse to one occurrence per day.
    if (excluded.has(key) || seen.has(key) || !overlaps(startMin, durationMin, fromMin, toMin)) return;
    seen.add(key);
    out.push(make(startMin));
  };

  const check = event.rrule ? checkRRule(event.rrule) : null;
  if (!check || !check.ok) {
    add(toMinuteNumber(start));
  } else {
    const rule = buildRule(check.rule, fastForward(check.rule, start, fromMin - durationMin));
    // One minute wider than the overlap needs (a zero-length occurrence at rangeStart counts); `add` filters exactly.
    const after = new Date((fromMin - durationMin - 1) * MS_PER_MINUTE);
    const before = new Date(toMin * MS_PER_MINUTE);
    rule.between(after, before, false, (date) => {
      add(Math.floor(date.getTime() / MS_PER_MINUTE));
      return out.length < limit;
    });
  }
  const extra = rdateKeys(event);
  if (extra.length === 0) return out;
  for (const r of extra) add(toMinuteNumber(r));
  out.sort((a, b) => toMinuteNumber(a.start) - toMinuteNumber(b.start));
  return out.slice(0, limit);
}

/**
 * The first real occurrence start of a series (skipping exdates, counting rdates), or null
 * if it has none within the first 1000 candidates. Useful when exporting to tools that
 * follow RFC 5545 and would show a non-matching DTSTART as an occurrence. In the series'
 * own wall clock.
 */
export function firstOccurrence(event: RecurringSource): DateValue | null {
  if (!isValidDateValue(event.start)) return null;
  const allDay = isAllDay(event.start);
  const excluded = exdateKeys(event.exdates, allDay);
  const extra = rdateKeys(event).filter((r) => !excluded.has(r)).sort((a, b) => toMinuteNumber(a) - toMinuteNumber(b));
  const check = event.rrule ? checkRRule(event.rrule) : null;
  let found: DateValue | null = null;
  if (!check || !check.ok) found = excluded.has(event.start) ? null : event.start;
  else
    buildRule(check.rule, event.start).all((date, i) => {
      const key = fromFloating(date, allDay);
      if (!excluded.has(key)) found = key;
      return found === null && i < 1000;
    });
  const first = extra[0];
  if (first !== undefined && (found === null || toMinuteNumber(first) < toMinuteNumber(found))) return first;
  return found;
}

/** True when the rule itself yields `start` (RFC 5545 counts DTSTART anyway; we do not). */
export function ruleYieldsStart(event: RecurringSource): boolean {
  const check = event.rrule ? checkRRule(event.rrule) : null;
  if (!check || !check.ok || !isValidDateValue(event.start)) return true;
  const at = toFloating(event.start);
  return buildRule(check.rule, event.start).between(new Date(at.getTime() - MS_PER_MINUTE), new Date(at.getTime() + MS_PER_MINUTE), true).length > 0;
}
