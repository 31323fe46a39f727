/**
 * The workspace's own anniversaries (ObservanceRecord) in the catalogue's
 * `Observance` shape, so `observancesInRange(from, to, locale, [...OBSERVANCES,
 * ...ownObservances(records)])` lists them beside the built-in ones.
 *
 * Records that cannot be shown that way are skipped rather than shown wrongly,
 * and `skippedOwnObservances` says why, for a "needs attention" list:
 * - deleted records;
 * - rules that do not parse;
 * - leap-month rules: the catalogue's date code has no leap months and would
 *   date 闰六月十五 as 六月十五. Those are dated by `dayOfRule` instead:
 *   `ownOccurrencesInRange` (own-occurrences.ts) lists every live record, leap
 *   ones included, and the milestone list does the same.
 */
import type { ObservanceRecord } from '../schema/types';
import type { Observance } from '../time/observances';
import { parseDayRule, type DayRule } from './day-rule';

export type SkipReason = 'deleted' | 'unparseable' | 'leap-month';

export interface SkippedObservance {
  id: string;
  title: string;
  reason: SkipReason;
  /** The parser's message for an unparseable rule. */
  message?: string;
}

type Classified = { ok: true; rule: DayRule } | { ok: false; skip: SkippedObservance };

function classify(record: ObservanceRecord): Classified {
  const base = { id: record.id, title: record.title };
  if (record.deletedAt !== undefined) return { ok: false, skip: { ...base, reason: 'deleted' } };
  const parsed = parseDayRule(record.rule);
  if (!parsed.ok) return { ok: false, skip: { ...base, reason: 'unparseable', message: parsed.error.message } };
  if (isLeapRule(parsed.rule)) return { ok: false, skip: { ...base, reason: 'leap-month' } };
  return { ok: true, rule: parsed.rule };
}

export function isLeapRule(rule: DayRule): boolean {
  return rule.type === 'lunar' && 'leap' in rule && rule.leap === true;
}

/** The record as a catalogue entry; its rule must parse and not be a leap-month rule. */
function toObservance(record: ObservanceRecord, rule: DayRule): Observance {
  const o: Observance = { id: record.id, name: record.title, nameEn: record.title, rule, category: 'commemoration' };
  if (record.originYear !== undefined && Number.isInteger(record.originYear)) o.originYear = record.originYear;
  return o;
}

/** Live records with a rule the catalogue can date, in record order. */
export function ownObservances(records: readonly ObservanceRecord[]): Observance[] {
  const out: Observance[] = [];
  for (const record of records) {
    const c = classify(record);
    if (c.ok) out.push(toObservance(record, c.rule));
  }
  return out;
}

/** The records `ownObservances` leaves out, and why. */
export function skippedOwnObservances(records: readonly ObservanceRecord[]): SkippedObservance[] {
  const out: SkippedObservance[] = [];
  for (const record of records) {
    const c = classify(record);
    if (!c.ok) out.push(c.skip);
  }
  return out;
}
