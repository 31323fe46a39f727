import { formatDateValue, parseDateValue, toDayNumber } from '../time/dates';

/** How much of the year the timeline shows at once, and at what detail. */
export type Zoom = 'year' | 'quarter' | 'month';
export const ZOOMS: readonly Zoom[] = ['year', 'quarter', 'month'];

/** Horizontal pixels per day at each zoom: a year fits a laptop screen; a month shows each day's label. */
export const PX_PER_DAY: Record<Zoom, number> = { year: 3.2, quarter: 14, month: 40 };

/** The dates a zoom shows around `date`: a calendar year, a quarter or a month ([from, to) as YYYY-MM-DD). */
export interface TimeWindow {
  zoom: Zoom;
  from: string;
  to: string;
}

const ymd = (y: number, m: number, d = 1) => formatDateValue({ y, m, d });

function monthAfter(y: number, m: number, n: number): { y: number; m: number } {
  const i = y * 12 + (m - 1) + n;
  return { y: Math.floor(i / 12), m: (i % 12) + 1 };
}

export function windowFor(zoom: Zoom, date: string): TimeWindow {
  const p = parseDateValue(date);
  if (!p) throw new RangeError(`Not a date: ${date}`);
  const firstMonth = zoom === 'year' ? 1 : zoom === 'quarter' ? Math.floor((p.m - 1) / 3) * 3 + 1 : p.m;
  const months = zoom === 'year' ? 12 : zoom === 'quarter' ? 3 : 1;
  const start = zoom === 'year' ? { y: p.y, m: 1 } : { y: p.y, m: firstMonth };
  const end = monthAfter(start.y, start.m, months);
  return { zoom, from: ymd(start.y, start.m), to: ymd(end.y, end.m) };
}

/** The window before (-1) or after (+1). */
export function stepWindow(w: TimeWindow, dir: 1 | -1): TimeWindow {
  const p = parseDateValue(w.from)!;
  const months = w.zoom === 'year' ? 12 : w.zoom === 'quarter' ? 3 : 1;
  const next = monthAfter(p.y, p.m, dir * months);
  return windowFor(w.zoom, ymd(next.y, next.m));
}

/** Days in a window. */
export function windowDays(w: TimeWindow): number {
  const a = parseDateValue(w.from)!;
  const b = parseDateValue(w.to)!;
  return toDayNumber(b.y, b.m, b.d) - toDayNumber(a.y, a.m, a.d);
}

