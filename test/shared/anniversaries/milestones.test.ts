import { describe, expect, it } from 'vitest';
import { LunarDay } from 'tyme4ts';
import { addMonths, upcomingMilestones } from '../../../shared/src/anniversaries';
import type { ObservanceRecord } from '../../../shared/src/schema/types';

const own: ObservanceRecord[] = [
  { id: 'school', title: '建校纪念日', rule: 'solar:09-28', originYear: 1956 },
  { id: 'gone', title: '已删', rule: 'solar:01-10', originYear: 2017, deletedAt: 5 },
  { id: 'bad', title: '坏', rule: 'nonsense', originYear: 2017 },
  { id: 'no-origin', title: '无起始年', rule: 'solar:01-10' },
  { id: 'leap', title: '闰月', rule: 'lunar:L06-15', originYear: 2020 },
  { id: 'four', title: '四周年', rule: 'solar:03-01', originYear: 2023 },
];

describe('addMonths', () => {
  it('clamps to the month length', () => {
    expect(addMonths('2026-12-01', 18)).toBe('2028-06-01');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });
});

describe('upcomingMilestones', () => {
  const list = upcomingMilestones({ today: '2026-01-01', months: 18, own });

  it('finds a school founded 1956-09-28 at its 70th in 2026', () => {
    expect(list).toContainEqual({ date: '2026-09-28', title: '建校纪念日', anniversary: 70, source: 'own', id: 'school' });
  });

  it('lists only multiples of five inside [today, today + 18 months), sorted', () => {
    for (const m of list) {
      expect(m.anniversary % 5).toBe(0);
      expect(m.date >= '2026-01-01' && m.date < '2027-07-01').toBe(true);
    }
    expect(list.map((m) => m.date)).toEqual([...list.map((m) => m.date)].sort());
    const ids = list.map((m) => m.id);
    expect(ids).not.toContain('gone');
    expect(ids).not.toContain('bad');
    expect(ids).not.toContain('no-origin');
    expect(ids).not.toContain('four');
  });

  it('includes catalogue milestones (hand-checked)', () => {
    const byId = new Map(list.map((m) => [`${m.id}@${m.date.slice(0, 4)}`, m]));
    expect(byId.get('party-founding@2026')).toMatchObject({ date: '2026-07-01', anniversary: 105, source: 'catalogue' });
    // 建军节 2027 is outside an 18-month window from 2026-01-01 (ends 2027-07-01).
    expect(byId.has('army-day@2027')).toBe(false);
    expect(byId.get('july-7-incident@2027')).toBeUndefined();
    expect(byId.get('mao-zedong-birthday@2026')).toBeUndefined(); // 133rd
    expect(byId.get('teachers-day@2026')).toBeUndefined(); // 41st
    const later = upcomingMilestones({ today: '2026-12-01' }); // window ends 2028-06-01
    expect(later).toContainEqual({ date: '2027-08-01', title: '建军节', anniversary: 100, source: 'catalogue', id: 'army-day' });
    expect(later).toContainEqual({ date: '2027-07-07', title: '七七事变纪念日', anniversary: 90, source: 'catalogue', id: 'july-7-incident' });
  });

  it('dates own leap-month milestones (2025 has 闰六月)', () => {
    const l = upcomingMilestones({ today: '2025-01-01', months: 12, own });
    expect(l).toContainEqual({
      date: (() => {
        const d = LunarDay.fromYmd(2025, -6, 15).getSolarDay();
        return `2025-${String(d.getMonth()).padStart(2, '0')}-${String(d.getDay()).padStart(2, '0')}`;
      })(),
      title: '闰月',
      anniversary: 5,
      source: 'own',
      id: 'leap',
    });
  });

  it('uses English names for the catalogue in English', () => {
    const en = upcomingMilestones({ today: '2026-01-01', locale: 'en' });
    expect(en.find((m) => m.id === 'party-founding')?.title).toBe('CPC Founding Day');
  });

  it('includes today and excludes the window end', () => {
    expect(upcomingMilestones({ today: '2026-09-28', months: 1, own }).some((m) => m.id === 'school')).toBe(true);
    expect(upcomingMilestones({ today: '2026-08-28', months: 1, own }).some((m) => m.id === 'school')).toBe(false);
  });

  it('returns nothing for bad input', () => {
    expect(upcomingMilestones({ today: 'soon' })).toEqual([]);
    expect(upcomingMilestones({ today: '2026-01-01', months: 0 })).toEqual([]);
  });
});
