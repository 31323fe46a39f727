/**
 * The text form of an anniversary's date rule, as the workspace's own
 * observances store it (`ObservanceRecord.rule`), and the rule's date in a year.
 *
 * Text forms: `solar:MM-DD`, `lunar:MM-DD` (`lunar:L06-15` = 闰六月十五),
 * `term:<节气>`, `nth:MM-N-D` (N-th weekday D of month MM; D 1 = Monday … 7 =
 * Sunday, ISO order because that is how people write weeks here; N = -1 the last).
 *
 * The parsed shape is the catalogue's `ObservanceRule`, so catalogue entries and
 * the workspace's own share one vocabulary. Two deliberate choices:
 * - A lunar 30th parses as `day: 'last'`: the month's last day, 29 or 30. That
 *   is how 除夕 (腊月三十) is kept in a 29-day 腊月, and how people keep a
 *   birthday or memorial on a 三十 in years whose month is short, rather than
 *   skipping the year.
 * - Leap months add `leap: true`. The catalogue's `observanceDate` does not know
 *   leap months, so a leap rule must be dated with `dayOfRule` here, never handed
 *   to the catalogue (see own-observances.ts).
 */
import { formatDateValue, parseDateValue } from '../time/dates';
import { lunarMonthLength, lunarToSolar, solarTermDate } from '../time/lunar';
import { observanceDate, type ObservanceRule } from '../time/observances';

type CatalogueLunar = Extract<ObservanceRule, { type: 'lunar' }>;

/** The catalogue's lunar rule plus an optional leap flag (absent = the ordinary month). */
export type LunarDayRule = CatalogueLunar & { leap?: boolean };

export type DayRule = Exclude<ObservanceRule, { type: 'lunar' }> | LunarDayRule;

export type DayRuleErrorCode =
  | 'not-text'
  | 'empty'
  | 'too-long'
  | 'whitespace'
  | 'unknown-type'
  | 'bad-shape'
  | 'bad-month'
  | 'bad-day'
  | 'unknown-term'
  | 'bad-nth'
  | 'bad-weekday';

export interface DayRuleError {
  code: DayRuleErrorCode;
  /** English, for logs and "needs attention" lists; `code` is for translated UI text. */
  message: string;
}

export type DayRuleParse = { ok: true; rule: DayRule } | { ok: false; error: DayRuleError };

// Longest valid text is a four-character term name or `nth:MM--1-D`; anything far
// longer is not a typo of a rule, so it is refused before any regex runs.
const MAX_LENGTH = 32;

const fail = (code: DayRuleErrorCode, message: string): DayRuleParse => ({ ok: false, error: { code, message } });

const pad2 = (n: number): string => String(n).padStart(2, '0');

// Days per month in a leap year: 02-29 is a real anniversary, dated only in leap years.
const MAX_SOLAR_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function parseMonth(text: string, rule: string): number | DayRuleError {
  const m = Number(text);
  if (m < 1 || m > 12) return { code: 'bad-month', message: `month must be 01–12 in "${rule}"` };
  return m;
}

export function parseDayRule(text: unknown): DayRuleParse {
  if (typeof text !== 'string') return fail('not-text', `a day rule must be text, not ${text === null ? 'null' : typeof text}`);
  if (text.length === 0) return fail('empty', 'the day rule is empty');
  if (text.length > MAX_LENGTH) return fail('too-long', `a day rule is at most ${MAX_LENGTH} characters (found ${text.length})`);
  if (/\s/.test(text)) return fail('whitespace', `a day rule has no spaces: "${text}"`);
  const colon = text.indexOf(':');
  const type = colon < 0 ? '' : text.slice(0, colon);
  const body = colon < 0 ? '' : text.slice(colon + 1);
  switch (type) {
    case 'solar': {
      const m = /^(\d{2})-(\d{2})$/.exec(body);
      if (!m) return fail('bad-shape', `expected solar:MM-DD, e.g. solar:10-01; found "${text}"`);
      const month = parseMonth(m[1], text);
      if (typeof month !== 'number') return { ok: false, error: month };
      const day = Number(m[2]);
      if (day < 1 || day > MAX_SOLAR_DAY[month - 1]) {
        return fail('bad-day', `month ${pad2(month)} has no day ${m[2]} in "${text}"`);
      }
      return { ok: true, rule: { type: 'solar', month, day } };
    }
    case 'lunar': {
      const m = /^(L?)(\d{2})-(\d{2})$/.exec(body);
      if (!m) return fail('bad-shape', `expected lunar:MM-DD or lunar:LMM-DD for a leap month, e.g. lunar:08-15; found "${text}"`);
      const month = parseMonth(m[2], text);
      if (typeof month !== 'number') return { ok: false, error: month };
      const day = Number(m[3]);
      if (day < 1 || day > 30) return fail('bad-day', `a lunar day is 01–30; found ${m[3]} in "${text}"`);
      const rule: LunarDayRule = { type: 'lunar', month, day: day === 30 ? 'last' : day };
      if (m[1] === 'L') rule.leap = true;
      return { ok: true, rule };
    }
    case 'term': {
      // Any year will do to ask whether the name is one of the 24 terms.
      if (body === '' || solarTermDate(2000, body) === null) {
        return fail('unknown-term', `"${body}" is not one of the 24 solar terms (e.g. term:清明) in "${text}"`);
      }
      return { ok: true, rule: { type: 'term', name: body } };
    }
    case 'nth': {
      const m = /^(\d{2})-(-?\d)-(\d)$/.exec(body);
      if (!m) return fail('bad-shape', `expected nth:MM-N-D, e.g. nth:09-3-6 (third Saturday of September); found "${text}"`);
      const month = parseMonth(m[1], text);
      if (typeof month !== 'number') return { ok: false, error: month };
      const n = Number(m[2]);
      if (n !== -1 && (n < 1 || n > 5)) return fail('bad-nth', `N must be 1–5, or -1 for the last; found ${m[2]} in "${text}"`);
      const d = Number(m[3]);
      if (d < 1 || d > 7) return fail('bad-weekday', `D must be 1 (Monday) – 7 (Sunday); found ${m[3]} in "${text}"`);
      return { ok: true, rule: { type: 'nthWeekday', month, n, weekday: d % 7 } };
    }
    default:
      return fail('unknown-type', `a day rule starts with solar:, lunar:, term: or nth:; found "${text}"`);
  }
}

/** The text form; `parseDayRule(formatDayRule(r))` gives `r` back for any rule it produced. */
export function formatDayRule(rule: DayRule): string {
  switch (rule.type) {
    case 'solar':
      return `solar:${pad2(rule.month)}-${pad2(rule.day)}`;
    case 'lunar':
      return `lunar:${'leap' in rule && rule.leap ? 'L' : ''}${pad2(rule.month)}-${rule.day === 'last' ? '30' : pad2(rule.day)}`;
    case 'term':
      return `term:${rule.name}`;
    case 'nthWeekday':
      return `nth:${pad2(rule.month)}-${rule.n}-${rule.weekday === 0 ? 7 : rule.weekday}`;
  }
}

function lunarDay(year: number, month: number, day: number | 'last', leap: boolean): string | null {
  // As the catalogue: a lunar date falls in Gregorian `year` in lunar year `year`
  // or, for late 冬月/腊月, lunar year `year - 1`; the former wins if both do.
  const prefix = `${String(year).padStart(4, '0')}-`;
  for (const lunarYear of [year, year - 1]) {
    const d = day === 'last' ? lunarMonthLength(lunarYear, month, leap) : day;
    if (d === null) continue;
    const iso = lunarToSolar(lunarYear, month, d, leap);
    if (iso && iso.startsWith(prefix)) return iso;
  }
  return null;
}

/**
 * The rule's date in Gregorian `year` (`YYYY-MM-DD`), or null when it has none:
 * 02-29 outside leap years, a leap month the year lacks, a fifth weekday the
 * month lacks. Non-leap rules are dated by the catalogue's own code so both
 * always agree.
 */
export function dayOfRule(rule: DayRule, year: number): string | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  if (rule.type === 'lunar' && 'leap' in rule && rule.leap) return lunarDay(year, rule.month, rule.day, true);
  if (rule.type === 'solar') {
    const iso = formatDateValue({ y: year, m: rule.month, d: rule.day });
    return parseDateValue(iso) ? iso : null;
  }
  return observanceDate({ id: '', name: '', nameEn: '', category: 'observance', rule }, year);
}
