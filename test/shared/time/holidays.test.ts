import { describe, expect, it } from 'vitest';
import { holidayDataStatus, holidayOn, holidaysInRange } from '../../../shared/src/time';

describe('statutory holidays', () => {
  it('knows the 2026 National Day holiday (10/1–10/7)', () => {
    const days = holidaysInRange('2026-09-28', '2026-10-12');
    expect(days.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(holidayOn('2026-10-01')).toEqual({ name: '国庆节', kind: 'holiday' });
    expect(holidayOn('2026-10-08')).toBeNull();
  });

  it('knows 2026 make-up working days (调休)', () => {
    expect(holidayOn('2026-09-20')).toEqual({ name: '国庆节', kind: 'workday' }); // a Sunday
    expect(holidayOn('2026-10-10')).toEqual({ name: '国庆节', kind: 'workday' }); // a Saturday
    expect(holidayOn('2026-02-14')).toEqual({ name: '春节', kind: 'workday' });
    expect(holidayOn('2026-01-04')).toEqual({ name: '元旦', kind: 'workday' });
  });

  it('reports which years the bundled notices cover', () => {
    expect(holidayDataStatus(2026)).toBe('published');
    expect(holidayDataStatus(2002)).toBe('published');
    // tyme4ts 1.5.2 ends with 2026: the 2027 notice is not in it.
    expect(holidayDataStatus(2027)).toBe('unpublished');
    expect(holidayDataStatus(2031)).toBe('unpublished');
    expect(holidayDataStatus(2001)).toBe('unpublished'); // only 2002's 元旦 调休 days fall in it
    expect(holidayOn('2031-10-01')).toBeNull();
    expect(holidayOn('2031-01-01')).toBeNull();
  });

  it('ignores invalid input', () => {
    expect(holidayOn('2026-10-32')).toBeNull();
    expect(holidaysInRange('x', '2026-10-01')).toEqual([]);
  });
});
