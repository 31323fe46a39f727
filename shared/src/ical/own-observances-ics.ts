/**
 * The workspace's own anniversaries (ObservanceRecord, `observances` map) as
 * yearly all-day VEVENTs for the .ics export (issue 12).
 *
 * - UID `obs-<record id>@campaign-calendar`: stable per record, so another
 *   calendar updates its copy on re-subscription; `isObservanceUid` lets our own
 *   import recognise and skip them (they are not events of ours).
 * - All-day: `DTSTART;VALUE=DATE` and the exclusive `DTEND;VALUE=DATE` of the next day.
 *   DTSTART is the first occurrence on or after the export range's start (and not
 *   before `originYear`, as the calendar shows them), never the origin date itself:
 *   a 1926 DTSTART would make clients expand a century of instances.
 * - Recurrence, by rule type:
 *   - `solar:MM-DD` → `RRULE:FREQ=YEARLY;BYMONTH=MM;BYMONTHDAY=DD`. For 02-29 that
 *     rule (RFC 5545: invalid dates are ignored) occurs in leap years only, which is
 *     what the rule means here too (`dayOfRule` gives null in other years); we do not
 *     move it to 02-28 or 03-01.
 *   - `nth:MM-N-D` → `RRULE:FREQ=YEARLY;BYMONTH=MM;BYDAY=<N><MO…SU>` (with BYMONTH,
 *     the ordinal counts within the month; a missing 5th weekday is skipped, as
 *     `dayOfRule` does).
 *   - `lunar:` and `term:` have no RRULE that common clients read (RSCALE from
 *     RFC 7529 is barely implemented and solar terms are astronomical), so the
 *     occurrences are computed with `dayOfRule` for the export range: DTSTART is
 *     the first, `RDATE;VALUE=DATE` lists them all (DTSTART included). The file must be exported
 *     again to reach beyond the range.
 * - SUMMARY = title; DESCRIPTION "始于YYYY年" and the notes; CATEGORIES 纪念日 (the
 *   app's name for the layer); TRANSP:TRANSPARENT, since a day of remembrance does
 *   not make anyone busy; X-CC-OBSERVANCE carries the exact rule and
 *   X-CC-ORIGIN-YEAR the year, for a later import that maps them back.
 * - Deleted records, rules that do not parse and records with no occurrence in the
 *   range are left out.
 */
import ICAL from './ical-lib';
import type { ObservanceRecord } from '../schema/types';
import { parseDayRule, type DayRule } from '../anniversaries/day-rule';
import { ownOccurrencesInRange } from '../anniversaries/own-occurrences';
import { DEFAULT_TIMEZONE, addDays, fromUtcMs, parseDateValue } from '../time/dates';
import { UID_SUFFIX, textProp, utcTime } from './props';

const UID_PREFIX = 'obs-';

/** Years exported for rules written out as RDATE lists: the current year and ten more. */
export const OBSERVANCE_EXPORT_YEARS = 11;

export interface ObservanceRange {
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  /** `YYYY-MM-DD`, exclusive. */
  toExclusive: string;
}

export interface ObservanceIcsOptions {
  range: ObservanceRange;
  /** Clock for DTSTAMP (ms). */
  now: number;
}

export function observanceUid(id: string): string {
  return `${UID_PREFIX}${id}${UID_SUFFIX}`;
}

/** Whether a UID is one `observanceComponents` wrote (event UIDs are `<id>@…` with a random 16-letter id). */
export function isObservanceUid(uid: string): boolean {
  const t = uid.trim();
  return t.startsWith(UID_PREFIX) && t.endsWith(UID_SUFFIX) && t.length > UID_PREFIX.length + UID_SUFFIX.length;
}

/**
 * The export has no date range of its own (it writes every live event), so the
 * computed rules cover 1 January of the current year (in the workspace zone)
 * through the end of the tenth year after it.
 */
export function observanceExportRange(now: number, timezone: string = DEFAULT_TIMEZONE): ObservanceRange {
  const year = Number(fromUtcMs(now, timezone, true).slice(0, 4));
  const jan1 = (y: number) => `${String(y).padStart(4, '0')}-01-01`;
  return { from: jan1(year), toExclusive: jan1(year + OBSERVANCE_EXPORT_YEARS) };
}

const ICAL_WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** The RRULE for rules a yearly rule can express, or null for lunar and solar-term rules. */
export function observanceRRule(rule: DayRule): string | null {
  switch (rule.type) {
    case 'solar':
      return `FREQ=YEARLY;BYMONTH=${rule.month};BYMONTHDAY=${rule.day}`;
    case 'nthWeekday':
      // DayRule weekdays are 0 = Sunday … 6 = Saturday (the catalogue's, JS order).
      return `FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${rule.n}${ICAL_WEEKDAYS[rule.weekday]}`;
    case 'lunar':
    case 'term':
      return null;
  }
}

function dateTime(iso: string): ICAL.Time {
  const p = parseDateValue(iso);
  if (!p) throw new RangeError(`Invalid date ${JSON.stringify(iso)}`);
  return ICAL.Time.fromData({ year: p.y, month: p.m, day: p.d, isDate: true });
}

function dateProp(name: string, iso: string): ICAL.Property {
  const prop = new ICAL.Property(name);
  prop.setValue(dateTime(iso));
  return prop;
}

function description(record: ObservanceRecord): string {
  const lines: string[] = [];
  if (record.originYear !== undefined && Number.isInteger(record.originYear)) lines.push(`始于${record.originYear}年`);
  if (record.notes) lines.push(record.notes);
  return lines.join('\n');
}

function observanceComponent(record: ObservanceRecord, rule: DayRule, dates: readonly string[], now: number): ICAL.Component {
  const vevent = new ICAL.Component('vevent');
  vevent.addPropertyWithValue('uid', observanceUid(record.id));
  vevent.addPropertyWithValue('dtstamp', utcTime(now));
  vevent.addProperty(dateProp('dtstart', dates[0]));
  vevent.addProperty(dateProp('dtend', addDays(dates[0], 1)));
  const rrule = observanceRRule(rule);
  if (rrule) {
    vevent.addPropertyWithValue('rrule', ICAL.Recur.fromString(rrule));
  } else if (dates.length > 1) {
    // RDATE repeats DTSTART: RFC 5545 counts a duplicate instance once, and readers
    // such as ical.js (Nextcloud, many web calendars) expand an RRULE-less event from
    // its RDATEs alone and would otherwise drop the first occurrence.
    const rdate = new ICAL.Property('rdate');
    rdate.setValues(dates.map(dateTime));
    vevent.addProperty(rdate);
  }
  vevent.addProperty(textProp('summary', record.title));
  const desc = description(record);
  if (desc) vevent.addProperty(textProp('description', desc));
  const categories = new ICAL.Property('categories');
  categories.setValues(['纪念日']);
  vevent.addProperty(categories);
  vevent.addPropertyWithValue('transp', 'TRANSPARENT');
  vevent.addProperty(textProp('x-cc-observance', record.rule));
  if (record.originYear !== undefined && Number.isInteger(record.originYear)) {
    vevent.addProperty(textProp('x-cc-origin-year', String(record.originYear)));
  }
  return vevent;
}

/** One VEVENT per live own observance with an occurrence in the range, in record order. */
export function observanceComponents(records: readonly ObservanceRecord[], opts: ObservanceIcsOptions): ICAL.Component[] {
  // Dates come from the same code the calendar uses (dayOfRule, originYear honoured).
  const occurrences = ownOccurrencesInRange(records, opts.range.from, opts.range.toExclusive);
  const datesById = new Map<string, string[]>();
  for (const o of occurrences) {
    const list = datesById.get(o.observance.id);
    if (list) list.push(o.date);
    else datesById.set(o.observance.id, [o.date]);
  }
  const out: ICAL.Component[] = [];
  for (const record of records) {
    if (record.deletedAt !== undefined) continue;
    const parsed = parseDayRule(record.rule);
    const dates = datesById.get(record.id);
    if (!parsed.ok || !dates?.length) continue;
    out.push(observanceComponent(record, parsed.rule, dates, opts.now));
  }
  return out;
}
