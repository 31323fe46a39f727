import { describe, expect, it } from 'vitest';
import { LunarDay } from 'tyme4ts';
import { ownObservances, ownOccurrencesInRange } from '../../../shared/src/anniversaries';
import { observancesInRange } from '../../../shared/src/time';
import type { ObservanceRecord } from '../../../shared/src/schema/types';

const records: ObservanceRecord[] = [
  { id: 'school', title: '建校纪念日', rule: 'solar:09-28', originYear: 1956 },
  { id: 'leap', title: '闰月纪念', rule: 'lunar:L06-15', originYear: 2015 },
  { id: 'gone', title: '删了', rule: 'solar:08-01', deletedAt: 3 },
  { id: 'bad', title: '坏', rule: 'solar:02-30' },
  { id: 'later', title: '未来', rule: 'solar:08-01', originYear: 2030 },
];

describe('ownOccurrencesInRange', () => {
  it('includes leap-month rules the catalogue view drops', () => {
    const occ = ownOccurrencesInRange(records, '2025-01-01', '2026-01-01', 'en');
    const leapDay = LunarDay.fromYmd(2025, -6, 15).getSolarDay();
    const leapIso = `2025-${String(leapDay.getMonth()).padStart(2, '0')}-${String(leapDay.getDay()).padStart(2, '0')}`;
    expect(occ.map((o) => [o.observance.id, o.date, o.anniversary, o.milestone, o.label])).toEqual([
      ['leap', leapIso, 10, true, '闰月纪念 · 10th anniversary'],
      ['school', '2025-09-28', 69, false, '建校纪念日 · 69th anniversary'],
    ]);
    expect(occ.find((o) => o.observance.id === 'leap')?.observance.rule).toEqual({ type: 'lunar', month: 6, day: 15, leap: true });
    expect(ownOccurrencesInRange(records, '2026-01-01', '2027-01-01').map((o) => o.observance.id)).toEqual(['school']);
  });

  it('agrees with observancesInRange for the rules both can date', () => {
    const catalogue = ownObservances(records);
    const viaCatalogue = observancesInRange('2020-01-01', '2040-01-01', 'zh', catalogue);
    const own = ownOccurrencesInRange(records, '2020-01-01', '2040-01-01').filter((o) => o.observance.id !== 'leap');
    expect(own.map((o) => [o.observance.id, o.date, o.label])).toEqual(viaCatalogue.map((o) => [o.observance.id, o.date, o.label]));
  });

  it('returns nothing for a bad range', () => {
    expect(ownOccurrencesInRange(records, '2026-01-01', '2025-01-01')).toEqual([]);
    expect(ownOccurrencesInRange(records, 'x', '2025-01-01')).toEqual([]);
  });
});
