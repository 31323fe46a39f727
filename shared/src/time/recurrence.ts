/**
 * Expanding recurring events into concrete occurrences.
 *
 * Event times are floating wall-clock values in the workspace zone, and a
 * recurrence repeats the wall-clock time ("every Friday 14:30" stays 14:30 across
 * DST). So we hand rrule.js a UTC Date whose UTC fields *are* the wall-clock
 * fields, never set `tzid`, and read results back as UTC. The host zone then
 * never enters the computation.
 */
import type { DateValue } from './dates';
import {
  datePart,
  effectiveEnd,
  fromMinuteNumber,
  isAllDay,
  isValidDateValue,
  toMinuteNumber,
} from './dates';
import { RRule } from './rrule-lib';
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

/**
 * Occurrences of `event` overlapping [rangeStart, rangeEnd), in order, at most
 * `limit`. A non-recurring event yields itself when it overlaps. An unusable
 * RRULE yields only the first instance (see validateRRule for the reason), so a
 * damaged record stays visible instead of crashing the view. Note that, like
 * rrule.js and unlike RFC 5545, a DTSTART that does not match the rule (a
 * Thursday start for "every Friday") is not itself an occurrence.
 */
export function expandOccurrences(
  event: RecurringSource,
  rangeStart: DateValue,
  rangeEnd: DateValue,
  limit = 5000,
): Occurrence[] {
  const { start } = event;
  if (!isValidDateValue(start) || !isValidDateValue(rangeStart) || !isValidDateValue(rangeEnd)) return [];
  const allDay = isAllDay(start);
  const durationMin = toMinuteNumber(effectiveEnd(start, event.end)) - toMinuteNumber(start);
  const excluded = exdateKeys(event.exdates, allDay);
  const fromMin = toMinuteNumber(rangeStart);
  const toMin = toMinuteNumber(rangeEnd);
  const make = (startMin: number): Occurrence => ({
    start: fromMinuteNumber(startMin, allDay),
    end: fromMinuteNumber(startMin + durationMin, allDay),
  });

  const check = event.rrule ? checkRRule(event.rrule) : null;
  if (!check || !check.ok) {
    const s = toMinuteNumber(start);
    if (excluded.has(start) || limit < 1) return [];
    return s < toMin && s + durationMin > fromMin ? [make(s)] : [];
  }

  const out: Occurrence[] = [];
  if (limit < 1) return out;
  const seen = new Set<string>();
  const rule = buildRule(check.rule, fastForward(check.rule, start, fromMin - durationMin));
  // Strict bounds: start > rangeStart − duration ⇔ the occurrence ends after rangeStart.
  const after = new Date((fromMin - durationMin) * MS_PER_MINUTE);
  const before = new Date(toMin * MS_PER_MINUTE);
  rule.between(after, before, false, (date) => {
    const startMin = Math.floor(date.getTime() / MS_PER_MINUTE);
    const key = fromMinuteNumber(startMin, allDay);
    // Sub-daily rules on an all-day event collapse to one occurrence per day.
    if (!excluded.has(key) && !seen.has(key)) {
      seen.add(key);
      out.push(make(startMin));
    }
    return out.length < limit;
  });
  return out;
}

/**
 * The first real occurrence start of a series (skipping exdates), or null if it
 * has none within the first 1000 candidates. Useful when exporting to tools
 * that follow RFC 5545 and would show a non-matching DTSTART as an occurrence.
 */
export function firstOccurrence(event: RecurringSource): DateValue | null {
  if (!isValidDateValue(event.start)) return null;
  const allDay = isAllDay(event.start);
  const excluded = exdateKeys(event.exdates, allDay);
  const check = event.rrule ? checkRRule(event.rrule) : null;
  if (!check || !check.ok) return excluded.has(event.start) ? null : event.start;
  let found: DateValue | null = null;
  buildRule(check.rule, event.start).all((date, i) => {
    const key = fromFloating(date, allDay);
    if (!excluded.has(key)) found = key;
    return found === null && i < 1000;
  });
  return found;
}
