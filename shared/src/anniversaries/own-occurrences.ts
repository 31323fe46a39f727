/**
 * The workspace's own anniversaries dated in a range, in the catalogue's
 * occurrence shape, leap-month rules included. Passing `ownObservances(...)` to
 * `observancesInRange` drops leap-month rules (the catalogue's date code has no
 * leap months); this dates every live, parseable record with `dayOfRule`, so a
 * view that merges the two lists loses nothing.
 */
import type { ObservanceRecord } from '../schema/types';
import type { Locale } from '../i18n/locale';
import { compareDateValues, parseDateValue } from '../time/dates';
import { occurrenceOf, type Observance, type ObservanceOccurrence } from '../time/observances';
import { dayOfRule, parseDayRule } from './day-rule';

/** Own anniversaries dated in [from, toExclusive) (`YYYY-MM-DD`), by date, record order within a day. */
export function ownOccurrencesInRange(
  records: readonly ObservanceRecord[],
  from: string,
  toExclusive: string,
  locale: Locale = 'zh',
): ObservanceOccurrence[] {
  const a = parseDateValue(from);
  const b = parseDateValue(toExclusive);
  if (!a || !b || compareDateValues(from, toExclusive) >= 0) return [];
  const out: ObservanceOccurrence[] = [];
  for (const record of records) {
    if (record.deletedAt !== undefined) continue;
    const parsed = parseDayRule(record.rule);
    if (!parsed.ok) continue;
    // A leap LunarDayRule is a catalogue lunar rule plus `leap`; it is only ever
    // dated here, never by the catalogue.
    const observance: Observance = {
      id: record.id,
      name: record.title,
      nameEn: record.title,
      rule: parsed.rule,
      category: 'commemoration',
    };
    if (record.originYear !== undefined && Number.isInteger(record.originYear)) observance.originYear = record.originYear;
    for (let year = a.y; year <= b.y; year++) {
      if (observance.originYear !== undefined && year < observance.originYear) continue;
      const date = dayOfRule(parsed.rule, year);
      if (!date || compareDateValues(date, from) < 0 || compareDateValues(date, toExclusive) >= 0) continue;
      out.push(occurrenceOf(observance, date, year, locale));
    }
  }
  return out.sort((x, y) => compareDateValues(x.date, y.date));
}
