/**
 * 逢五逢十: the round-number anniversaries (5th, 10th, 15th … — every multiple
 * of five, the catalogue's `isMilestone`) coming up, for planning the larger
 * commemorations well ahead. Both the built-in catalogue and the workspace's own
 * anniversaries count; own leap-month rules are dated here with `dayOfRule`, so
 * they are not lost the way they are in the catalogue view.
 */
import type { ObservanceRecord } from '../schema/types';
import type { Locale } from '../i18n/locale';
import { compareDateValues, daysInMonth, formatDateValue, parseDateValue } from '../time/dates';
import { OBSERVANCES, anniversaryOf, isMilestone, observanceDate, type Observance } from '../time/observances';
import { dayOfRule, parseDayRule } from './day-rule';

export interface Milestone {
  date: string;
  title: string;
  anniversary: number;
  source: 'catalogue' | 'own';
  id: string;
}

export interface UpcomingMilestonesOptions {
  /** `YYYY-MM-DD`, the window's first day (inclusive). */
  today: string;
  /** Window length in calendar months; 18 by default (a work plan and a half ahead). */
  months?: number;
  own?: readonly ObservanceRecord[];
  locale?: Locale;
  /** Replaces the built-in catalogue (tests, other regions). */
  catalogue?: readonly Observance[];
}

/** `date` plus `months` calendar months, the day clamped to the month's length (08-31 + 6 → 02-28/29). */
export function addMonths(date: string, months: number): string {
  const p = parseDateValue(date);
  if (!p) return date;
  const index = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatDateValue({ y, m, d: Math.min(p.d, daysInMonth(y, m)) });
}

/** Milestones dated in [today, today + months), by date, catalogue before own within a day. */
export function upcomingMilestones(options: UpcomingMilestonesOptions): Milestone[] {
  const { today, months = 18, own = [], locale = 'zh', catalogue = OBSERVANCES } = options;
  const start = parseDateValue(today);
  if (!start || start.hh !== undefined || !Number.isInteger(months) || months <= 0) return [];
  const end = addMonths(today, months);
  const lastYear = parseDateValue(end)?.y ?? start.y;
  const inWindow = (date: string | null): date is string =>
    date !== null && compareDateValues(date, today) >= 0 && compareDateValues(date, end) < 0;
  const out: Milestone[] = [];
  for (let year = start.y; year <= lastYear; year++) {
    for (const o of catalogue) {
      const anniversary = anniversaryOf(o, year);
      if (!isMilestone(anniversary) || anniversary === null) continue;
      const date = observanceDate(o, year);
      if (!inWindow(date)) continue;
      out.push({ date, title: locale === 'en' ? o.nameEn : o.name, anniversary, source: 'catalogue', id: o.id });
    }
    for (const r of own) {
      if (r.deletedAt !== undefined || r.originYear === undefined || !Number.isInteger(r.originYear)) continue;
      const anniversary = year - r.originYear;
      if (!isMilestone(anniversary)) continue;
      const parsed = parseDayRule(r.rule);
      if (!parsed.ok) continue;
      const date = dayOfRule(parsed.rule, year);
      if (!inWindow(date)) continue;
      out.push({ date, title: r.title, anniversary, source: 'own', id: r.id });
    }
  }
  // Stable sort: within a day, catalogue order then record order.
  return out.sort((a, b) => compareDateValues(a.date, b.date));
}
