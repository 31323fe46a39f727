import { describe, expect, it } from 'vitest';
import { lunarInfo, lunarMonthLength, lunarToSolar, solarTermDate, solarTermOn } from '../../../shared/src/time';

describe('lunarInfo', () => {
  it('finds Spring Festival (2027 is 2/6, where ICU says 2/7)', () => {
    expect(lunarInfo('2026-02-17')).toMatchObject({ year: 2026, month: 1, day: 1, isLeapMonth: false, label: '正月' });
    expect(lunarInfo('2027-02-06')).toMatchObject({ year: 2027, month: 1, day: 1, label: '正月' });
    expect(lunarInfo('2027-02-07')?.label).toBe('初二');
  });

  it('names days and months the way calendars print them', () => {
    expect(lunarInfo('2026-02-22')).toEqual({
      year: 2026,
      month: 1,
      day: 6,
      isLeapMonth: false,
      monthName: '正月',
      dayName: '初六',
      label: '初六',
      text: '正月初六',
    });
    expect(lunarInfo('2026-03-03')?.dayName).toBe('十五'); // 元宵
    expect(lunarInfo('2026-12-22')).toMatchObject({ monthName: '冬月', dayName: '十四' });
    expect(lunarInfo('2027-01-08')).toMatchObject({ year: 2026, month: 12, monthName: '腊月', label: '腊月' });
    expect(lunarInfo('2026-02-10')?.dayName).toBe('廿三');
    expect(lunarInfo('2026-02-10T09:00')?.dayName).toBe('廿三');
  });

  it('marks leap months', () => {
    expect(lunarInfo('2025-07-25')).toMatchObject({ year: 2025, month: 6, isLeapMonth: true, monthName: '闰六月', label: '闰六月' });
    expect(lunarInfo('2025-07-24')).toMatchObject({ month: 6, isLeapMonth: false, dayName: '三十' });
    expect(lunarInfo('2023-03-22')).toMatchObject({ year: 2023, month: 2, isLeapMonth: true, label: '闰二月' });
  });

  it('returns the same frozen result when asked again', () => {
    const first = lunarInfo('2026-09-25');
    expect(lunarInfo('2026-09-25')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('returns null for invalid input', () => {
    expect(lunarInfo('2026-02-30')).toBeNull();
    expect(lunarInfo('not a date')).toBeNull();
  });
});

describe('solar terms', () => {
  it('names the term on its first day only', () => {
    expect(solarTermOn('2026-12-22')).toBe('冬至');
    expect(solarTermOn('2026-12-23')).toBeNull();
    expect(solarTermOn('2026-04-05')).toBe('清明');
    expect(solarTermOn('2026-09-23')).toBe('秋分');
    expect(solarTermOn('2026-02-04')).toBe('立春');
  });

  it('dates a term within a Gregorian year (冬至 is in that December)', () => {
    expect(solarTermDate(2026, '冬至')).toBe('2026-12-22');
    expect(solarTermDate(2026, '小寒')).toBe('2026-01-05');
    expect(solarTermDate(2026, '秋分')).toBe('2026-09-23');
    expect(solarTermDate(2026, '不是节气')).toBeNull();
  });
});

describe('lunarToSolar', () => {
  it('converts ordinary and leap dates', () => {
    expect(lunarToSolar(2026, 1, 1)).toBe('2026-02-17');
    expect(lunarToSolar(2026, 8, 15)).toBe('2026-09-25');
    expect(lunarToSolar(2025, 6, 1, true)).toBe('2025-07-25');
    expect(lunarToSolar(2023, 2, 1, true)).toBe('2023-03-22');
  });

  it('returns null for days that do not exist', () => {
    expect(lunarToSolar(2026, 6, 1, true)).toBeNull(); // no leap month in 2026
    expect(lunarToSolar(2026, 13, 1)).toBeNull();
    expect(lunarToSolar(2026, 1, 31)).toBeNull();
    expect(lunarMonthLength(2025, 12)).toBe(29); // so 2026's 除夕 is 腊月廿九
    expect(lunarToSolar(2025, 12, 30)).toBeNull();
  });
});
