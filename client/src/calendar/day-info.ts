/**
 * Chinese calendar facts for day cells and the observances layer.
 * Loaded lazily (tyme4ts is ~80 KB gzip), so the calendar paints first and the labels follow.
 */
import { lunarInfo, solarTermOn } from '@shared/time/lunar';
import { holidayOn, holidayDataStatus } from '@shared/time/holidays';
import { observancesInRange } from '@shared/time/observances';
import { ownOccurrencesInRange, upcomingMilestones } from '@shared/anniversaries';
import type { Locale } from '@shared/i18n';
import { holidayMarkTitle, lunarTitle } from '../i18n/chinese-calendar';

export interface DayDecoration {
  /** What the cell shows under the day number: the solar term if one starts, else the lunar label. */
  label: string;
  /** A month name or a solar term: shown emphasised. */
  emphasis: boolean;
  holiday: { name: string; kind: 'holiday' | 'workday' } | null;
  /** Tooltips by language: the label's lunar date or solar term, and the 休 / 班 mark's holiday. */
  title: Record<Locale, string>;
  holidayTitle: Record<Locale, string>;
}

const cache = new Map<string, DayDecoration>();

export function decorate(day: string): DayDecoration {
  let hit = cache.get(day);
  if (!hit) {
    const lunar = lunarInfo(day);
    const term = solarTermOn(day);
    const holiday = holidayOn(day);
    hit = {
      label: term ?? lunar?.label ?? '',
      emphasis: Boolean(term) || lunar?.day === 1,
      holiday,
      title: { zh: lunarTitle(day, term, 'zh'), en: lunarTitle(day, term, 'en') },
      holidayTitle: holiday ? { zh: holidayMarkTitle(holiday.kind, holiday.name, 'zh'), en: holidayMarkTitle(holiday.kind, holiday.name, 'en') } : { zh: '', en: '' },
    };
    cache.set(day, hit);
  }
  return hit;
}

export { holidayDataStatus, observancesInRange, lunarInfo, ownOccurrencesInRange, upcomingMilestones };
