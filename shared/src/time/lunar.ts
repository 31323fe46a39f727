/**
 * Chinese lunisolar calendar facts for calendar cells and print tables.
 *
 * Computed with tyme4ts rather than `Intl` (`zh-CN-u-ca-chinese`): ICU's Chinese
 * calendar disagrees with the official one in several years, e.g. it puts
 * Spring Festival 2027 on 2/7 instead of 2/6.
 */
import { LunarDay, SolarDay, SolarTerm } from 'tyme4ts';
import { parseDateValue } from './dates';

export interface LunarInfo {
  /** Lunar year number (the Gregorian year in which its 正月初一 falls). */
  year: number;
  /** 1–12; a leap month carries the number of the month it follows. */
  month: number;
  day: number;
  isLeapMonth: boolean;
  /** '正月', '闰二月', '冬月', '腊月' … */
  monthName: string;
  /** '初一', '初六', '十五', '廿三' … */
  dayName: string;
  /** What a month-grid cell shows: the month name on a month's first day, else the day name. */
  label: string;
  /** Month and day together, as print tables write it: '正月初六'. */
  text: string;
}

// Traditional names for the 11th and 12th months; tyme4ts says 十一月/十二月, but
// calendars and office documents say 冬月/腊月.
const MONTH_NAMES = ['正月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '冬月', '腊月'];

export function lunarMonthName(month: number, leap = false): string {
  return `${leap ? '闰' : ''}${MONTH_NAMES[month - 1] ?? ''}`;
}

function solarDayOf(date: string): SolarDay | null {
  const p = parseDateValue(date);
  if (!p) return null;
  try {
    return SolarDay.fromYmd(p.y, p.m, p.d);
  } catch {
    return null; // outside the library's supported years
  }
}

function isoOf(day: SolarDay): string {
  const y = String(day.getYear()).padStart(4, '0');
  return `${y}-${String(day.getMonth()).padStart(2, '0')}-${String(day.getDay()).padStart(2, '0')}`;
}

// tyme4ts takes ~0.5 ms per lunar conversion; month grids ask for the same 42
// days on every render, so results are memoised (bounded, immutable).
const MEMO_LIMIT = 4096;
const lunarMemo = new Map<string, Readonly<LunarInfo> | null>();
const termMemo = new Map<string, string | null>();

function memo<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Lunar date of a `YYYY-MM-DD` (a timed value uses its date); null if invalid or unsupported. */
export function lunarInfo(date: string): Readonly<LunarInfo> | null {
  const key = String(date).slice(0, 10);
  return memo(lunarMemo, key, () => {
    const info = computeLunarInfo(key);
    return info && Object.freeze(info);
  });
}

function computeLunarInfo(date: string): LunarInfo | null {
  const solar = solarDayOf(date);
  if (!solar) return null;
  const lunar = solar.getLunarDay();
  const lunarMonth = lunar.getLunarMonth();
  const isLeapMonth = lunarMonth.isLeap();
  const month = Math.abs(lunarMonth.getMonthWithLeap());
  const day = lunar.getDay();
  const monthName = lunarMonthName(month, isLeapMonth);
  const dayName = lunar.getName();
  return {
    year: lunarMonth.getYear(),
    month,
    day,
    isLeapMonth,
    monthName,
    dayName,
    label: day === 1 ? monthName : dayName,
    text: `${monthName}${dayName}`,
  };
}

/** Name of the solar term that begins on this day ('冬至'), or null. */
export function solarTermOn(date: string): string | null {
  const key = String(date).slice(0, 10);
  return memo(termMemo, key, () => {
    const solar = solarDayOf(key);
    if (!solar) return null;
    const termDay = solar.getTermDay();
    return termDay.getDayIndex() === 0 ? termDay.getSolarTerm().getName() : null;
  });
}

/**
 * Date on which solar term `name` begins within Gregorian `year`, or null for an
 * unknown name. tyme4ts counts its term years from the previous 冬至, so its
 * "2026 冬至" is in December 2025; we look in both candidate years.
 */
export function solarTermDate(year: number, name: string): string | null {
  if (!SolarTerm.NAMES.includes(name) || !Number.isInteger(year)) return null;
  for (const termYear of [year, year + 1]) {
    try {
      const iso = isoOf(SolarTerm.fromName(termYear, name).getSolarDay());
      if (iso.startsWith(`${String(year).padStart(4, '0')}-`)) return iso;
    } catch {
      return null;
    }
  }
  return null;
}

/** Solar date of a lunar date; null if that day does not exist (no 闰三月 that year, no 三十 in a short month). */
export function lunarToSolar(lunarYear: number, month: number, day: number, leap = false): string | null {
  if (!Number.isInteger(lunarYear) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  try {
    return isoOf(LunarDay.fromYmd(lunarYear, leap ? -month : month, day).getSolarDay());
  } catch {
    return null;
  }
}

/** Number of days in a lunar month (29 or 30), or null if the month does not exist. */
export function lunarMonthLength(lunarYear: number, month: number, leap = false): number | null {
  try {
    return LunarDay.fromYmd(lunarYear, leap ? -month : month, 1).getLunarMonth().getDayCount();
  } catch {
    return null;
  }
}
