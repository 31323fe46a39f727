import type { Locale } from './locale';

/**
 * Weekday and month names, one table. Weekdays are indexed as `weekday()` in time/dates.ts
 * returns them (0 = Sunday … 6 = Saturday, as JS and FullCalendar count); `mondayFirst`
 * reorders them the way Chinese office calendars and recurrence pickers list them.
 */
export const WEEKDAY_NAMES: Readonly<Record<Locale, { short: readonly string[]; narrow: readonly string[]; long: readonly string[] }>> = {
  zh: {
    short: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    narrow: ['日', '一', '二', '三', '四', '五', '六'],
    long: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  },
  en: {
    short: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    narrow: ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'],
    long: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  },
};

/** Monday … Sunday. */
export const mondayFirst = <T>(sundayFirst: readonly T[]): T[] => [...sundayFirst.slice(1), sundayFirst[0]];

export const MONTH_NAMES_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
