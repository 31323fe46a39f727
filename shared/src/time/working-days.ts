/**
 * Working days as offices count them: Monday to Friday, minus statutory holidays, plus the
 * weekend days worked in exchange (调休上班). Where the State Council has not yet published a
 * year's arrangements, that year counts as plain weekdays (holidays.ts says which years).
 */
import { addDays, weekday } from './dates';
import { holidayOn } from './holidays';

export function isWorkingDay(day: string): boolean {
  const h = holidayOn(day);
  if (h) return h.kind === 'workday';
  const wd = weekday(day);
  return wd !== 0 && wd !== 6;
}

/** The first working day in [start, end) (`YYYY-MM-DD`, end exclusive); `start` when there is none. */
export function firstWorkingDay(start: string, end: string): string {
  for (let day = start; day < end; day = addDays(day, 1)) if (isWorkingDay(day)) return day;
  return start;
}
