import { formatDateValue, fromDayNumber, parseDateValue, toDayNumber, type DateValue } from '../time/dates';
import { PX_PER_DAY, windowDays, type TimeWindow } from './zoom';

/** A day number (days since 1970-01-01) as YYYY-MM-DD. */
export function dayToDate(day: number): string {
  return formatDateValue(fromDayNumber(day));
}

/**
 * Position of a Contract 1 value on a continuous day axis: the day number, plus the time
 * of day as a fraction for timed values. Values are wall-clock times of the workspace's
 * zone already, so no zone conversion happens here (and none may: a DST change must not
 * move a bar).
 */
export function dayPosition(v: DateValue): number {
  const p = parseDateValue(v);
  if (!p) throw new RangeError(`Not a date value: ${v}`);
  return toDayNumber(p.y, p.m, p.d) + ((p.hh ?? 0) * 60 + (p.mm ?? 0)) / 1440;
}

/** Maps dates to pixels for one window: x = 0 at the window's first day. */
export interface Scale {
  window: TimeWindow;
  /** Day number of the window's first day. */
  firstDay: number;
  days: number;
  pxPerDay: number;
  width: number;
  /** Pixel offset of a value (clamped to nothing: values outside the window fall outside [0, width]). */
  x(v: DateValue): number;
  xOfDay(day: number): number;
  /** The day under pixel x (whole days, floor). */
  dayAt(x: number): number;
  /** YYYY-MM-DD under pixel x. */
  dateAt(x: number): string;
}

export function createScale(window: TimeWindow, pxPerDay = PX_PER_DAY[window.zoom]): Scale {
  const firstDay = dayPosition(window.from);
  const days = windowDays(window);
  const xOfDay = (day: number) => (day - firstDay) * pxPerDay;
  // x / pxPerDay is off by an ulp for some days at fractional scales (n * 3.2 / 3.2 can be
  // n − 1e-15): without the tolerance, the left edge of a day would read as the day before.
  const dayAt = (x: number) => firstDay + Math.floor(x / pxPerDay + 1e-9);
  return {
    window,
    firstDay,
    days,
    pxPerDay,
    width: days * pxPerDay,
    x: (v) => xOfDay(dayPosition(v)),
    xOfDay,
    dayAt,
    dateAt: (x) => dayToDate(dayAt(x)),
  };
}
