/**
 * The two date forms of Contract 1. Kept here (not in shared/src/time) because the schema
 * only needs to know whether a stored string is well formed; calendar arithmetic lives
 * elsewhere.
 */
const DATE_VALUE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

export interface ParsedDateValue {
  year: number;
  month: number;
  day: number;
  /** Absent for all-day values. */
  hour?: number;
  minute?: number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`; null unless it names a real date and time. */
export function parseDateValue(value: unknown): ParsedDateValue | null {
  if (typeof value !== 'string') return null;
  const m = DATE_VALUE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (m[4] === undefined) return { year, month, day };
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  if (hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

export function isDateValue(value: unknown): value is string {
  return parseDateValue(value) !== null;
}

export function isAllDay(value: string): boolean {
  return value.length === 10;
}
