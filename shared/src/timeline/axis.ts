import { fromDayNumber, weekdayOfDayNumber } from '../time/dates';
import { holidayOn, type HolidayKind } from '../time/holidays';
import { dayToDate, type Scale } from './scale';

/** One header cell: a month, an ISO week or a day, with its pixel span. */
export interface AxisCell {
  /** YYYY-MM-DD of the cell's first day. */
  date: string;
  x: number;
  width: number;
  /** Month number (1–12) for months; day of month for days; the week's Monday day of month for weeks. */
  label: number;
  /** Month number the cell starts in (for "3月" under weeks and days). */
  month: number;
  year: number;
}

export interface Axis {
  /** Upper header: years (year zoom) or months (quarter and month zoom). */
  upper: AxisCell[];
  /** Lower header: months (year), weeks starting Monday (quarter) or days (month). */
  lower: AxisCell[];
}

function cellsBy(scale: Scale, startsCell: (day: number, y: number, m: number, d: number, weekday: number) => boolean, label: (y: number, m: number, d: number) => number): AxisCell[] {
  const out: AxisCell[] = [];
  for (let day = scale.firstDay; day < scale.firstDay + scale.days; day++) {
    const { y, m, d } = fromDayNumber(day);
    const weekday = weekdayOfDayNumber(day);
    if (day === scale.firstDay || startsCell(day, y, m, d, weekday)) {
      const prev = out.at(-1);
      if (prev) prev.width = scale.xOfDay(day) - prev.x;
      out.push({ date: dayToDate(day), x: scale.xOfDay(day), width: 0, label: label(y, m, d), month: m, year: y });
    }
  }
  const last = out.at(-1);
  if (last) last.width = scale.width - last.x;
  return out;
}

/** Header cells for a scale: what the chart's two header rows show at its zoom. */
export function axisFor(scale: Scale): Axis {
  const zoom = scale.window.zoom;
  const months = cellsBy(scale, (_day, _y, _m, d) => d === 1, (_y, m) => m);
  if (zoom === 'year') return { upper: cellsBy(scale, (_day, _y, m, d) => m === 1 && d === 1, (y) => y), lower: months };
  if (zoom === 'quarter') return { upper: months, lower: cellsBy(scale, (_day, _y, _m, _d, wd) => wd === 1, (_y, _m, d) => d) };
  return { upper: months, lower: cellsBy(scale, () => true, (_y, _m, d) => d) };
}

/** A day to shade: a weekend, a public holiday, or a 调休 working day on a weekend (shown unshaded, marked 班). */
export interface ShadedDay {
  date: string;
  x: number;
  width: number;
  kind: 'weekend' | HolidayKind;
  /** The holiday's name, for holidays and working days. */
  name?: string;
}

/** The same weekend/holiday data as the month view, as pixel spans of one scale. */
export function shadedDays(scale: Scale): ShadedDay[] {
  const out: ShadedDay[] = [];
  for (let day = scale.firstDay; day < scale.firstDay + scale.days; day++) {
    const date = dayToDate(day);
    const weekday = weekdayOfDayNumber(day);
    const holiday = holidayOn(date);
    const x = scale.xOfDay(day);
    if (holiday) out.push({ date, x, width: scale.pxPerDay, kind: holiday.kind, name: holiday.name });
    else if (weekday === 0 || weekday === 6) out.push({ date, x, width: scale.pxPerDay, kind: 'weekend' });
  }
  return out;
}
