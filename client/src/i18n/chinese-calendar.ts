/**
 * The Chinese calendar's words for an English reader. Lunar day labels, solar terms and the
 * 休 / 班 marks stay Chinese in the cells (that is what they are, and they fit), marked
 * `lang="zh-CN"` with an English tooltip from here; holiday names are translated outright.
 */
import { lunarInfo } from '@shared/time/lunar';
import type { Locale } from '@shared/i18n';

const SOLAR_TERMS: Record<string, string> = {
  小寒: 'Minor Cold', 大寒: 'Major Cold', 立春: 'Start of Spring', 雨水: 'Rain Water', 惊蛰: 'Awakening of Insects', 春分: 'Spring Equinox',
  清明: 'Pure Brightness', 谷雨: 'Grain Rain', 立夏: 'Start of Summer', 小满: 'Grain Buds', 芒种: 'Grain in Ear', 夏至: 'Summer Solstice',
  小暑: 'Minor Heat', 大暑: 'Major Heat', 立秋: 'Start of Autumn', 处暑: 'End of Heat', 白露: 'White Dew', 秋分: 'Autumn Equinox',
  寒露: 'Cold Dew', 霜降: 'Frost Descent', 立冬: 'Start of Winter', 小雪: 'Minor Snow', 大雪: 'Major Snow', 冬至: 'Winter Solstice',
};

const HOLIDAYS: Record<string, string> = {
  元旦: "New Year's Day", 春节: 'Spring Festival', 清明节: 'Qingming Festival', 清明: 'Qingming Festival', 劳动节: 'Labour Day', 五一: 'Labour Day',
  端午节: 'Dragon Boat Festival', 端午: 'Dragon Boat Festival', 中秋节: 'Mid-Autumn Festival', 中秋: 'Mid-Autumn Festival', 国庆节: 'National Day',
  国庆: 'National Day', 国庆中秋: 'National Day and Mid-Autumn Festival', '国庆节、中秋节': 'National Day and Mid-Autumn Festival',
};

/** A statutory holiday's name in the language (the data has it in Chinese). */
export function holidayName(name: string, locale: Locale): string {
  return locale === 'zh' ? name : (HOLIDAYS[name] ?? 'Public holiday');
}

/** The tooltip of a 休 / 班 mark. */
export function holidayMarkTitle(kind: 'holiday' | 'workday', name: string, locale: Locale): string {
  if (locale === 'zh') return kind === 'holiday' ? name : `${name}调休上班`;
  const h = holidayName(name, locale);
  return kind === 'holiday' ? `Public holiday: ${h}` : `Working day (in lieu, for ${h})`;
}

/** The tooltip of a day's lunar label or solar term: 'Lunar calendar: month 3, day 14'. */
export function lunarTitle(day: string, term: string | null, locale: Locale): string {
  const info = lunarInfo(day);
  if (locale === 'zh') return [term, info ? `农历${info.text}` : ''].filter(Boolean).join(' · ');
  const lunar = info ? `Lunar calendar: ${info.isLeapMonth ? 'leap ' : ''}month ${info.month}, day ${info.day}` : '';
  return [term ? `Solar term: ${SOLAR_TERMS[term] ?? term}` : '', lunar].filter(Boolean).join(' · ');
}
