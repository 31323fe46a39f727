/**
 * Chinese calendar facts for day cells and the observances layer.
 * Loaded lazily (tyme4ts is ~80 KB gzip), so the calendar paints first and the labels follow.
 */
import { lunarInfo, solarTermOn } from '@shared/time/lunar';
import { holidayOn, holidayDataStatus } from '@shared/time/holidays';
import { observancesInRange } from '@shared/time/observances';
import { ownOccurrencesInRange, upcomingMilestones } from '@shared/anniversaries';

export interface DayDecoration {
  /** What the cell shows under the day number: the solar term if one starts, else the lunar label. */
  label: string;
  /** A month name or a solar term: shown emphasised. */
  emphasis: boolean;
  holiday: { name: string; kind: 'holiday' | 'workday' } | null;
}

const cache = new Map<string, DayDecoration>();

export function decorate(day: string): DayDecoration {
  let hit = cache.get(day);
  if (!hit) {
    const lunar = lunarInfo(day);
    const term = solarTermOn(day);
    hit = {
      label: term ?? lunar?.label ?? '',
      emphasis: Boolean(term) || lunar?.day === 1,
      holiday: holidayOn(day),
    };
    cache.set(day, hit);
  }
  return hit;
}

export { holidayDataStatus, observancesInRange, lunarInfo, ownOccurrencesInRange, upcomingMilestones };
