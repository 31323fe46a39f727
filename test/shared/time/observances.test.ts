import { describe, expect, it } from 'vitest';
import {
  OBSERVANCES,
  anniversaryOf,
  isMilestone,
  observanceDate,
  observancesInRange,
  solarTermDate,
  type Observance,
} from '../../../shared/src/time';

const byId = (id: string): Observance => {
  const o = OBSERVANCES.find((x) => x.id === id);
  if (!o) throw new Error(`no observance ${id}`);
  return o;
};

describe('catalogue', () => {
  it('has unique ascii ids and a date for every entry in 2026 and 2027', () => {
    const ids = OBSERVANCES.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of OBSERVANCES) {
      expect(o.id).toMatch(/^[a-z0-9-]+$/);
      expect(observanceDate(o, 2026), o.id).toMatch(/^2026-\d\d-\d\d$/);
      expect(observanceDate(o, 2027), o.id).toMatch(/^2027-\d\d-\d\d$/);
    }
  });
});

describe('observanceDate', () => {
  it('computes lunar, term and nth-weekday rules', () => {
    expect(observanceDate(byId('spring-festival'), 2027)).toBe('2027-02-06');
    expect(observanceDate(byId('spring-festival-eve'), 2026)).toBe('2026-02-16');
    expect(observanceDate(byId('spring-festival-eve'), 2027)).toBe('2027-02-05');
    expect(observanceDate(byId('mid-autumn'), 2026)).toBe('2026-09-25');
    expect(observanceDate(byId('double-ninth'), 2026)).toBe('2026-10-18');
    expect(observanceDate(byId('dragon-boat'), 2026)).toBe('2026-06-19');
    expect(observanceDate(byId('qingming'), 2026)).toBe('2026-04-05');
    expect(observanceDate(byId('national-defence-education-day'), 2026)).toBe('2026-09-19');
    expect(observanceDate(byId('national-defence-education-day'), 2027)).toBe('2027-09-18');
    const harvest = observanceDate(byId('harvest-festival'), 2026);
    expect(harvest).toBe(solarTermDate(2026, '秋分'));
    expect(harvest).toBe('2026-09-23');
  });

  it('has no date before the observance existed', () => {
    expect(observanceDate(byId('harvest-festival'), 2017)).toBeNull();
    expect(observanceDate(byId('harvest-festival'), 2018)).toBe('2018-09-23');
  });
});

describe('anniversaries', () => {
  it('counts from originYear and flags 逢五逢十', () => {
    expect(anniversaryOf(byId('army-day'), 2027)).toBe(100);
    expect(isMilestone(anniversaryOf(byId('army-day'), 2027))).toBe(true);
    expect(anniversaryOf(byId('party-founding'), 2026)).toBe(105);
    expect(isMilestone(105)).toBe(true);
    expect(isMilestone(99)).toBe(false);
    expect(isMilestone(0)).toBe(false);
    expect(anniversaryOf(byId('national-day'), 2026)).toBe(77);
    expect(anniversaryOf(byId('nanjing-memorial-day'), 2027)).toBe(90);
    expect(anniversaryOf(byId('constitution-day'), 2027)).toBe(45);
    expect(anniversaryOf(byId('spring-festival'), 2026)).toBeNull();
    expect(anniversaryOf(byId('army-day'), 1927)).toBeNull();
  });

  it('lists a range with labels in either language', () => {
    const aug = observancesInRange('2027-08-01', '2027-09-01');
    expect(aug.map((o) => [o.date, o.label, o.milestone])).toEqual([
      ['2027-08-01', '建军节 · 100周年', true],
      ['2027-08-15', '全国生态日 · 4周年', false],
    ]);
    expect(observancesInRange('2027-08-01', '2027-08-02', 'en')[0].label).toBe('Army Day · 100th anniversary');
    const sept2026 = observancesInRange('2026-09-01', '2026-10-01');
    expect(sept2026.map((o) => o.observance.id)).toEqual([
      'victory-day',
      'teachers-day',
      'september-18-incident',
      'national-defence-education-day',
      'harvest-festival',
      'mid-autumn',
      'martyrs-day',
    ]);
    expect(sept2026.find((o) => o.observance.id === 'national-defence-education-day')?.label).toBe('全民国防教育日 · 25周年');
  });

  it('spans year boundaries and skips nothing in a whole year', () => {
    const span = observancesInRange('2026-12-20', '2027-02-07');
    expect(span.map((o) => `${o.date} ${o.observance.name}`)).toEqual([
      '2026-12-26 毛泽东同志诞辰纪念日',
      '2027-01-01 元旦',
      '2027-02-05 除夕',
      '2027-02-06 春节',
    ]);
    expect(observancesInRange('2026-01-01', '2027-01-01')).toHaveLength(OBSERVANCES.length);
    expect(observancesInRange('2026-02-01', '2026-01-01')).toEqual([]);
  });
});
