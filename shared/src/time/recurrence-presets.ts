/**
 * The recurrence choices an office actually uses (每周五, 每季度, 每半年…), and
 * their translation to and from RRULE text. Anything a preset cannot express
 * round-trips as a custom rule (rruleToPreset → null) and is left untouched.
 */
import type { DateValue } from './dates';
import type { Locale } from '../i18n/locale';
import { WEEKDAY_NAMES, mondayFirst } from '../i18n/calendar-names';
import { isAllDay, parseDateValue } from './dates';
import { rrulestr } from './rrule-lib';
import { checkRRule, parseUntil } from './rrule-validate';

export type PresetFreq = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'halfyearly' | 'yearly';

export interface RecurrencePreset {
  freq: PresetFreq;
  interval?: number;
  /** 0 = Monday … 6 = Sunday (ISO order, as office plans write 周一…周日); weekly only. */
  byWeekday?: number[];
  /** Last day on which an occurrence may start, inclusive. */
  until?: string;
  count?: number;
}


const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
/** Monday-first, as byWeekday counts. */
const ZH_DAYS = mondayFirst(WEEKDAY_NAMES.zh.narrow);
const EN_DAYS = mondayFirst(WEEKDAY_NAMES.en.long);

function clampDays(day: number): string {
  const days: number[] = [];
  for (let d = 28; d <= day; d++) days.push(d);
  return days.join(',');
}

function positiveInt(n: number | undefined, what: string): number | undefined {
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${what} must be a positive integer, got ${n}`);
  return n;
}

/**
 * Preset → RRULE value (no `RRULE:` prefix). `start` decides the UNTIL form:
 * a date for all-day series, the last second of the day for timed ones, both
 * floating like the event itself, so UNTIL includes that whole day.
 */
export function presetToRRule(preset: RecurrencePreset, start: DateValue): string {
  const interval = positiveInt(preset.interval, 'interval') ?? 1;
  const count = positiveInt(preset.count, 'count');
  const monthsPer = { monthly: 1, quarterly: 3, halfyearly: 6 } as const;
  const parts: string[] = [];
  switch (preset.freq) {
    case 'daily':
      parts.push('FREQ=DAILY');
      break;
    case 'weekly':
      parts.push('FREQ=WEEKLY');
      break;
    case 'monthly':
    case 'quarterly':
    case 'halfyearly':
      parts.push('FREQ=MONTHLY');
      break;
    case 'yearly':
      parts.push('FREQ=YEARLY');
      break;
    default:
      throw new RangeError(`Unknown preset frequency: ${String((preset as { freq: unknown }).freq)}`);
  }
  const effectiveInterval =
    preset.freq === 'monthly' || preset.freq === 'quarterly' || preset.freq === 'halfyearly'
      ? interval * monthsPer[preset.freq]
      : interval;
  if (effectiveInterval > 1) parts.push(`INTERVAL=${effectiveInterval}`);
  const startParts = parseDateValue(start);
  const isMonthFamily = preset.freq === 'monthly' || preset.freq === 'quarterly' || preset.freq === 'halfyearly';
  if (startParts && startParts.d > 28 && (isMonthFamily || (preset.freq === 'yearly' && startParts.m === 2))) {
    // RFC 5545 skips months that lack the start's day, so "每季度" from 3/31
    // would silently drop 6/30 and 9/30. Offices mean "that day, or the month's
    // last day if shorter": the largest of 28…d that exists in the month.
    if (preset.freq === 'yearly') parts.push('BYMONTH=2');
    parts.push(`BYMONTHDAY=${clampDays(startParts.d)}`, 'BYSETPOS=-1');
  }
  if (preset.freq === 'weekly' && preset.byWeekday && preset.byWeekday.length > 0) {
    const days = [...new Set(preset.byWeekday)].sort((a, b) => a - b);
    if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
      throw new RangeError(`byWeekday must be 0 (Monday) … 6 (Sunday), got ${preset.byWeekday.join(',')}`);
    }
    parts.push(`BYDAY=${days.map((d) => DAY_CODES[d]).join(',')}`);
  }
  if (count !== undefined) {
    parts.push(`COUNT=${count}`);
  } else if (preset.until !== undefined) {
    const u = parseDateValue(preset.until);
    if (!u || !isAllDay(preset.until)) throw new RangeError(`until must be YYYY-MM-DD, got ${preset.until}`);
    const ymd = preset.until.replace(/-/g, '');
    parts.push(`UNTIL=${isAllDay(start) ? ymd : `${ymd}T235959`}`);
  }
  return parts.join(';');
}

/**
 * RRULE → preset, or null when the rule says more than a preset can (BYMONTHDAY,
 * numbered weekdays, sub-daily…). Pass the event start so that a timed UNTIL on
 * an all-day series (as some tools write it) is still recognised.
 */
export function rruleToPreset(rrule: string, start?: DateValue): RecurrencePreset | null {
  const check = checkRRule(rrule);
  if (!check.ok) return null;
  const { parts } = check.rule;
  const allowed = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'WKST']);
  // The month-end clamp presetToRRule writes for starts on the 29th–31st.
  const clamped = /^28(,29(,30(,31)?)?)?$/.test(parts.get('BYMONTHDAY') ?? '') && parts.get('BYSETPOS') === '-1';
  if (clamped) {
    const yearlyFeb = check.rule.freq === 'YEARLY' && parts.get('BYMONTH') === '2';
    if (check.rule.freq !== 'MONTHLY' && !yearlyFeb) return null;
    allowed.add('BYMONTHDAY').add('BYSETPOS');
    if (yearlyFeb) allowed.add('BYMONTH');
  }
  if ([...parts.keys()].some((k) => !allowed.has(k))) return null;
  // WKST only changes results for multi-week intervals; MO is the default anyway.
  if (parts.has('WKST') && parts.get('WKST') !== 'MO') return null;
  const interval = Number(parts.get('INTERVAL') ?? '1');
  const preset: RecurrencePreset = { freq: 'daily' };
  switch (check.rule.freq) {
    case 'DAILY':
      preset.freq = 'daily';
      break;
    case 'WEEKLY':
      preset.freq = 'weekly';
      break;
    case 'MONTHLY':
      preset.freq = interval === 3 ? 'quarterly' : interval === 6 ? 'halfyearly' : 'monthly';
      break;
    case 'YEARLY':
      preset.freq = 'yearly';
      break;
    default:
      return null;
  }
  const presetInterval = preset.freq === 'quarterly' || preset.freq === 'halfyearly' ? 1 : interval;
  if (presetInterval > 1) preset.interval = presetInterval;
  const byDay = parts.get('BYDAY');
  if (byDay) {
    if (preset.freq !== 'weekly') return null;
    const days = byDay.split(',').map((code) => DAY_CODES.indexOf(code));
    if (days.some((d) => d < 0)) return null; // numbered weekdays such as 1MO
    preset.byWeekday = [...new Set(days)].sort((a, b) => a - b);
  }
  const count = parts.get('COUNT');
  if (count) preset.count = Number(count);
  const until = parts.get('UNTIL');
  if (until) {
    const u = parseUntil(until);
    if (!u) return null;
    const wholeDay = u.time === null || u.time === '235959' || (start !== undefined && isAllDay(start));
    if (!wholeDay) return null;
    preset.until = `${String(u.y).padStart(4, '0')}-${String(u.m).padStart(2, '0')}-${String(u.d).padStart(2, '0')}`;
  }
  return preset;
}

function zhWeekdays(days: number[]): string {
  return days.map((d, i) => (i === 0 ? `周${ZH_DAYS[d]}` : ZH_DAYS[d])).join('、');
}

function enList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function describePresetZh(p: RecurrencePreset): string {
  const n = p.interval ?? 1;
  let text: string;
  switch (p.freq) {
    case 'daily':
      text = n === 1 ? '每天' : `每${n}天`;
      break;
    case 'weekly': {
      const days = p.byWeekday && p.byWeekday.length > 0 ? zhWeekdays(p.byWeekday) : '';
      text = n === 1 ? `每${days || '周'}` : `每${n}周${days ? `的${days}` : ''}`;
      break;
    }
    case 'monthly':
      text = n === 1 ? '每月' : `每${n}个月`;
      break;
    case 'quarterly':
      text = n === 1 ? '每季度' : `每${n}个季度`;
      break;
    case 'halfyearly':
      text = n === 1 ? '每半年' : `每${n * 6}个月`;
      break;
    case 'yearly':
      text = n === 1 ? '每年' : `每${n}年`;
      break;
  }
  if (p.count !== undefined) text += `，共${p.count}次`;
  else if (p.until !== undefined) text += `，至${p.until}`;
  return text;
}

function describePresetEn(p: RecurrencePreset): string {
  const n = p.interval ?? 1;
  const units: Record<PresetFreq, [string, string]> = {
    daily: ['day', 'days'],
    weekly: ['week', 'weeks'],
    monthly: ['month', 'months'],
    quarterly: ['quarter', 'quarters'],
    halfyearly: ['half year', 'half years'],
    yearly: ['year', 'years'],
  };
  const [one, many] = units[p.freq];
  let text = n === 1 ? `every ${one}` : `every ${n} ${many}`;
  if (p.freq === 'weekly' && p.byWeekday && p.byWeekday.length > 0) {
    text += ` on ${enList(p.byWeekday.map((d) => EN_DAYS[d]))}`;
  }
  if (p.count !== undefined) text += `, ${p.count} ${p.count === 1 ? 'time' : 'times'}`;
  else if (p.until !== undefined) text += `, until ${p.until}`;
  return text;
}

/** "FREQ=MONTHLY;BYDAY=2SA" → "每月第二个周六", "-1FR" → "每月最后一个周五" (what plans write), else null. */
function describeMonthlyWeekdayZh(rule: string): string | null {
  const parts = new Map(rule.split(';').map((p) => p.split('=') as [string, string]));
  const m = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(parts.get('BYDAY') ?? '');
  if (parts.get('FREQ') !== 'MONTHLY' || !m || [...parts.keys()].some((k) => !['FREQ', 'BYDAY', 'INTERVAL', 'UNTIL', 'COUNT', 'WKST'].includes(k))) return null;
  const n = Number(parts.get('INTERVAL') ?? 1);
  const nth = m[1] === '-1' ? '最后一个' : `第${'一二三四'[Number(m[1]) - 1]}个`;
  let text = `${n === 1 ? '每月' : `每${n}个月`}${nth}周${ZH_DAYS[DAY_CODES.indexOf(m[2])]}`;
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL') ? parseUntil(parts.get('UNTIL')!) : null;
  if (count) text += `，共${count}次`;
  else if (until) text += `，至${String(until.y).padStart(4, '0')}-${String(until.m).padStart(2, '0')}-${String(until.d).padStart(2, '0')}`;
  return text;
}

/** Human wording for a rule: "每周五", "每季度，共4次", "every week on Friday". */
export function describeRRule(rrule: string, locale: Locale = 'zh', start?: DateValue): string {
  const check = checkRRule(rrule);
  if (!check.ok) return locale === 'zh' ? '重复规则无效' : 'invalid recurrence rule';
  const preset = rruleToPreset(rrule, start);
  if (preset) return locale === 'zh' ? describePresetZh(preset) : describePresetEn(preset);
  if (locale === 'en') {
    try {
      return rrulestr(`RRULE:${check.rule.text}`).toText();
    } catch {
      return 'custom recurrence';
    }
  }
  return describeMonthlyWeekdayZh(check.rule.text) ?? `自定义重复（${check.rule.text}）`;
}
