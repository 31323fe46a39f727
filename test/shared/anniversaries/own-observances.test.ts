import { describe, expect, it } from 'vitest';
import { ownObservances, skippedOwnObservances } from '../../../shared/src/anniversaries';
import { OBSERVANCES, observancesInRange } from '../../../shared/src/time';
import type { ObservanceRecord } from '../../../shared/src/schema/types';

const records: ObservanceRecord[] = [
  { id: 'o1', title: '建校纪念日', rule: 'solar:09-28', originYear: 1956, notes: '校庆' },
  { id: 'o2', title: '旧纪念日', rule: 'solar:03-01', deletedAt: 1 },
  { id: 'o3', title: '坏规则', rule: 'solar:02-31' },
  { id: 'o4', title: '闰月纪念', rule: 'lunar:L06-15', originYear: 2000 },
  { id: 'o5', title: '家乡节', rule: 'lunar:08-15' },
];

describe('ownObservances', () => {
  it('maps live parseable records to catalogue entries', () => {
    expect(ownObservances(records)).toEqual([
      { id: 'o1', name: '建校纪念日', nameEn: '建校纪念日', rule: { type: 'solar', month: 9, day: 28 }, originYear: 1956, category: 'commemoration' },
      { id: 'o5', name: '家乡节', nameEn: '家乡节', rule: { type: 'lunar', month: 8, day: 15 }, category: 'commemoration' },
    ]);
  });

  it('says why the others are skipped', () => {
    const skipped = skippedOwnObservances(records);
    expect(skipped.map((s) => [s.id, s.reason])).toEqual([
      ['o2', 'deleted'],
      ['o3', 'unparseable'],
      ['o4', 'leap-month'],
    ]);
    expect(skipped[1].message).toMatch(/no day 31/);
  });

  it('shows in observancesInRange with anniversaries', () => {
    const occ = observancesInRange('2026-09-01', '2026-10-01', 'zh', [...OBSERVANCES, ...ownObservances(records)]);
    const school = occ.find((o) => o.observance.id === 'o1');
    expect(school).toMatchObject({ date: '2026-09-28', anniversary: 70, milestone: true, label: '建校纪念日 · 70周年' });
    expect(occ.some((o) => o.observance.id === 'o5')).toBe(true); // 中秋 2026 is 9-25
  });
});
