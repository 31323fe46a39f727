/** Date texts as Chinese office documents write them: 12月2日（周三）（十月廿四）14:30. */
import { datePart, parseDateValue, weekday } from '../time/dates';
import { lunarInfo } from '../time/lunar';
import { MONTH_NAMES_EN, WEEKDAY_NAMES } from '../i18n/calendar-names';
import type { Locale } from '../i18n/locale';

/** '12月2日', with the year when it differs from `contextYear` ('2027年1月2日'). */
export function dayText(date: string, locale: Locale = 'zh', contextYear?: number): string {
  const p = parseDateValue(datePart(date));
  if (!p) return date;
  const withYear = contextYear !== undefined && p.y !== contextYear;
  if (locale === 'en') return `${p.d} ${MONTH_NAMES_EN[p.m - 1]}${withYear ? ` ${p.y}` : ''}`;
  return `${withYear ? `${p.y}年` : ''}${p.m}月${p.d}日`;
}

export function weekdayText(date: string, locale: Locale = 'zh'): string {
  const w = weekday(datePart(date));
  return WEEKDAY_NAMES[locale].short[w];
}

/** '十月廿四' (lunar month and day), or '' outside the lunar library's range. */
export function lunarText(date: string): string {
  return lunarInfo(datePart(date))?.text ?? '';
}

/** '14:30' for a timed value, '' for an all-day one. */
export function clockText(value: string): string {
  return value.length > 10 ? value.slice(11, 16) : '';
}

/** '12月2日（周三）（十月廿四）' / 'Wed 2 Dec (十月廿四)'. */
export function fullDayText(date: string, locale: Locale = 'zh', contextYear?: number): string {
  const lunar = lunarText(date);
  if (locale === 'en') return `${weekdayText(date, 'en')} ${dayText(date, 'en', contextYear)}${lunar ? ` (${lunar})` : ''}`;
  return `${dayText(date, 'zh', contextYear)}（${weekdayText(date)}）${lunar ? `（${lunar}）` : ''}`;
}
