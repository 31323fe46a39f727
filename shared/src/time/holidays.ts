/**
 * Statutory public holidays (法定节假日) and make-up working days (调休上班),
 * from the State Council notices bundled in tyme4ts' LegalHoliday data.
 *
 * The notice for a year appears each autumn, so the data always ends at some
 * year; the library silently answers "ordinary day" beyond it. We expose which
 * years are covered so the UI can say "holiday arrangements not yet published"
 * instead of showing a plain weekday that may turn out to be a holiday.
 */
import { LegalHoliday } from 'tyme4ts';
import { addDays, compareDateValues, parseDateValue } from './dates';

export type HolidayKind = 'holiday' | 'workday';

export interface HolidayInfo {
  /** As the notice names it: '春节', '国庆节', '国庆中秋' … */
  name: string;
  /** 'holiday' = day off; 'workday' = a weekend day worked in exchange (调休). */
  kind: HolidayKind;
}

export type HolidayDataStatus = 'published' | 'unpublished';

function lookup(y: number, m: number, d: number): LegalHoliday | null {
  try {
    return LegalHoliday.fromYmd(y, m, d);
  } catch {
    return null;
  }
}

/** Holiday or 调休 working day on this date, or null for an ordinary day (or unpublished year). */
export function holidayOn(date: string): HolidayInfo | null {
  const p = parseDateValue(date.slice(0, 10));
  if (!p) return null;
  const h = lookup(p.y, p.m, p.d);
  if (!h) return null;
  return { name: h.getName(), kind: h.isWork() ? 'workday' : 'holiday' };
}

const statusCache = new Map<number, HolidayDataStatus>();

/**
 * Whether the bundled data includes the State Council notice for `year`.
 * Every notice starts with 元旦, so a year is covered exactly when its 1 January
 * is in the data. This follows the library: upgrading tyme4ts after a new notice
 * flips the year to 'published' with no code change.
 */
export function holidayDataStatus(year: number): HolidayDataStatus {
  let status = statusCache.get(year);
  if (!status) {
    const jan1 = Number.isInteger(year) ? lookup(year, 1, 1) : null;
    status = jan1 && !jan1.isWork() ? 'published' : 'unpublished';
    statusCache.set(year, status);
  }
  return status;
}

/** Every holiday / 调休 day in [from, toExclusive), for shading a visible range. */
export function holidaysInRange(from: string, toExclusive: string): Array<HolidayInfo & { date: string }> {
  const out: Array<HolidayInfo & { date: string }> = [];
  if (!parseDateValue(from) || !parseDateValue(toExclusive)) return out;
  for (let day = from; compareDateValues(day, toExclusive) < 0; day = addDays(day, 1)) {
    const info = holidayOn(day);
    if (info) out.push({ date: day, ...info });
  }
  return out;
}
