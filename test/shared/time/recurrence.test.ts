import { describe, expect, it } from 'vitest';
import {
  compareDateValues,
  describeRRule,
  expandOccurrences,
  firstOccurrence,
  presetToRRule,
  rruleToPreset,
  validateRRule,
} from '../../../shared/src/time';

const starts = (list: Array<{ start: string }>) => list.map((o) => o.start);

describe('expandOccurrences', () => {
  it('returns a non-recurring event only when it overlaps', () => {
    const ev = { start: '2026-10-01', end: '2026-10-08' };
    expect(expandOccurrences(ev, '2026-10-05', '2026-10-06')).toEqual([{ start: '2026-10-01', end: '2026-10-08' }]);
    expect(expandOccurrences(ev, '2026-10-08', '2026-11-01')).toEqual([]);
    expect(expandOccurrences({ start: '2026-10-01T09:00' }, '2026-10-01', '2026-10-02')).toEqual([
      { start: '2026-10-01T09:00', end: '2026-10-01T10:00' },
    ]);
  });

  it('expands a weekly timed series with its duration, UNTIL inclusive, exdates by full value', () => {
    const ev = {
      start: '2026-01-02T14:30',
      end: '2026-01-02T16:00',
      rrule: 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20260130',
      exdates: ['2026-01-16T14:30', '2026-01-23T09:00'],
    };
    expect(expandOccurrences(ev, '2026-01-01', '2026-03-01')).toEqual([
      { start: '2026-01-02T14:30', end: '2026-01-02T16:00' },
      { start: '2026-01-09T14:30', end: '2026-01-09T16:00' },
      { start: '2026-01-23T14:30', end: '2026-01-23T16:00' },
      { start: '2026-01-30T14:30', end: '2026-01-30T16:00' },
    ]);
  });

  it('matches all-day exdates by date and keeps multi-day durations', () => {
    const ev = { start: '2026-01-05', end: '2026-01-07', rrule: 'FREQ=MONTHLY;COUNT=4', exdates: ['2026-02-05T10:00'] };
    expect(expandOccurrences(ev, '2026-01-01', '2027-01-01')).toEqual([
      { start: '2026-01-05', end: '2026-01-07' },
      { start: '2026-03-05', end: '2026-03-07' },
      { start: '2026-04-05', end: '2026-04-07' },
    ]);
  });

  it('includes an occurrence that started before the range but is still running', () => {
    const ev = { start: '2026-01-30', end: '2026-02-03', rrule: 'FREQ=MONTHLY;BYMONTHDAY=30;COUNT=3' };
    expect(starts(expandOccurrences(ev, '2026-02-01', '2026-03-01'))).toEqual(['2026-01-30']);
  });

  it('gives the same occurrences in a late window as a full expansion from the start', () => {
    const cases = [
      { start: '2020-01-06T14:30', end: '2020-01-06T16:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR' },
      { start: '2020-01-01', end: '2020-01-03', rrule: 'FREQ=DAILY;INTERVAL=3' },
      { start: '2020-01-07', rrule: 'FREQ=WEEKLY;INTERVAL=3;UNTIL=20270101', exdates: ['2026-10-13'] },
      { start: '2019-12-31T23:30', end: '2020-01-01T00:30', rrule: 'FREQ=DAILY;INTERVAL=7' },
    ];
    for (const ev of cases) {
      const full = expandOccurrences(ev, ev.start.slice(0, 10), '2026-11-01', 100_000);
      for (let day = 1; day <= 14; day++) {
        const from = `2026-10-${String(day).padStart(2, '0')}`;
        const windowed = expandOccurrences(ev, from, '2026-11-01');
        const expected = full.filter((o) => compareDateValues(o.end, from) > 0);
        expect(windowed.length, ev.rrule).toBeGreaterThan(0);
        expect(windowed, `${ev.rrule} from ${from}`).toEqual(expected);
      }
    }
  });

  it('limits the number of occurrences', () => {
    const ev = { start: '2026-01-01T08:00', rrule: 'FREQ=DAILY' };
    const out = expandOccurrences(ev, '2026-01-01', '2036-01-01', 10);
    expect(out).toHaveLength(10);
    expect(out[9].start).toBe('2026-01-10T08:00');
    expect(expandOccurrences(ev, '2026-01-01', '2036-01-01')).toHaveLength(3652);
  });

  it('falls back to the first instance for an invalid rule, quickly and without throwing', () => {
    for (const rrule of ['FREQ=MONTHLY;INTERVAL=abc', 'FREQ=DAILY;BYMONTHDAY=40', 'FREQ=DAILY;BYDAY=XX', 'garbage', 'FREQ=MINUTELY']) {
      const t0 = performance.now();
      expect(expandOccurrences({ start: '2026-03-05', rrule }, '2026-01-01', '2028-01-01'), rrule).toEqual([
        { start: '2026-03-05', end: '2026-03-06' },
      ]);
      expect(performance.now() - t0).toBeLessThan(200);
    }
  });

  it('quarterly from a month end keeps to month ends', () => {
    const rrule = presetToRRule({ freq: 'quarterly', count: 4 }, '2026-03-31');
    expect(starts(expandOccurrences({ start: '2026-03-31', rrule }, '2026-01-01', '2028-01-01'))).toEqual([
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
  });

  it('does not count a non-matching start as an occurrence', () => {
    const ev = { start: '2026-01-01T14:30', rrule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=2' }; // a Thursday
    expect(starts(expandOccurrences(ev, '2026-01-01', '2026-02-01'))).toEqual(['2026-01-02T14:30', '2026-01-09T14:30']);
    expect(firstOccurrence(ev)).toBe('2026-01-02T14:30');
  });
});

describe('validateRRule', () => {
  it('accepts good rules, with or without the RRULE: prefix', () => {
    for (const ok of ['FREQ=WEEKLY;BYDAY=FR', 'RRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=4', 'freq=yearly;bymonth=10;bymonthday=1', 'FREQ=MONTHLY;BYDAY=-1FR', 'FREQ=DAILY;UNTIL=20261231T235959Z']) {
      expect(validateRRule(ok), ok).toBeNull();
    }
  });

  it('names the problem in bad rules', () => {
    expect(validateRRule('')).toMatch(/empty/);
    expect(validateRRule('INTERVAL=2')).toMatch(/FREQ/);
    expect(validateRRule('FREQ=FORTNIGHTLY')).toMatch(/FREQ/);
    expect(validateRRule('FREQ=DAILY;INTERVAL=0')).toMatch(/INTERVAL/);
    expect(validateRRule('FREQ=DAILY;COUNT=3;UNTIL=20261231')).toMatch(/COUNT and UNTIL/);
    expect(validateRRule('FREQ=WEEKLY;BYDAY=1FR')).toMatch(/1FR/);
    expect(validateRRule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30')).toMatch(/never/);
    expect(validateRRule('FREQ=DAILY;UNTIL=20260230')).toMatch(/UNTIL/);
    expect(validateRRule('FREQ=DAILY;FOO=1')).toMatch(/FOO/);
  });
});

describe('presets', () => {
  it('builds RRULEs', () => {
    expect(presetToRRule({ freq: 'weekly', byWeekday: [4] }, '2026-01-02T14:30')).toBe('FREQ=WEEKLY;BYDAY=FR');
    expect(presetToRRule({ freq: 'quarterly', count: 4 }, '2026-01-15')).toBe('FREQ=MONTHLY;INTERVAL=3;COUNT=4');
    expect(presetToRRule({ freq: 'halfyearly' }, '2026-01-15')).toBe('FREQ=MONTHLY;INTERVAL=6');
    expect(presetToRRule({ freq: 'monthly', until: '2026-12-31' }, '2026-01-15')).toBe('FREQ=MONTHLY;UNTIL=20261231');
    expect(presetToRRule({ freq: 'monthly', until: '2026-12-31' }, '2026-01-15T09:00')).toBe('FREQ=MONTHLY;UNTIL=20261231T235959');
    expect(presetToRRule({ freq: 'daily', interval: 2 }, '2026-01-15')).toBe('FREQ=DAILY;INTERVAL=2');
    expect(presetToRRule({ freq: 'yearly' }, '2024-02-29')).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1');
    expect(() => presetToRRule({ freq: 'weekly', interval: 0 }, '2026-01-01')).toThrow(RangeError);
  });

  it('reads presets back, and refuses custom rules', () => {
    expect(rruleToPreset('FREQ=WEEKLY;BYDAY=FR,MO')).toEqual({ freq: 'weekly', byWeekday: [0, 4] });
    expect(rruleToPreset('FREQ=MONTHLY;INTERVAL=3;COUNT=4')).toEqual({ freq: 'quarterly', count: 4 });
    expect(rruleToPreset('FREQ=MONTHLY;INTERVAL=6')).toEqual({ freq: 'halfyearly' });
    expect(rruleToPreset('FREQ=MONTHLY;INTERVAL=2;UNTIL=20261231T235959')).toEqual({ freq: 'monthly', interval: 2, until: '2026-12-31' });
    expect(rruleToPreset('FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1')).toEqual({ freq: 'monthly' });
    expect(rruleToPreset('FREQ=MONTHLY;BYDAY=1MO')).toBeNull();
    expect(rruleToPreset('FREQ=MONTHLY;BYMONTHDAY=15')).toBeNull();
    expect(rruleToPreset('FREQ=HOURLY')).toBeNull();
    expect(rruleToPreset('nonsense')).toBeNull();
  });

  it('round-trips every preset shape', () => {
    const presets = [
      { freq: 'daily' as const },
      { freq: 'weekly' as const, interval: 2, byWeekday: [0, 2, 4] },
      { freq: 'monthly' as const, until: '2026-12-31' },
      { freq: 'quarterly' as const, count: 4 },
      { freq: 'halfyearly' as const },
      { freq: 'yearly' as const, interval: 5 },
    ];
    for (const p of presets) expect(rruleToPreset(presetToRRule(p, '2026-01-15'))).toEqual(p);
  });

  it('describes rules in Chinese and English', () => {
    expect(describeRRule('FREQ=WEEKLY;BYDAY=FR', 'zh')).toBe('每周五');
    expect(describeRRule('FREQ=WEEKLY;BYDAY=FR', 'en')).toBe('every week on Friday');
    expect(describeRRule('FREQ=MONTHLY;INTERVAL=3;COUNT=4', 'zh')).toBe('每季度，共4次');
    expect(describeRRule('FREQ=MONTHLY;UNTIL=20261231', 'zh')).toBe('每月，至2026-12-31');
    expect(describeRRule('FREQ=MONTHLY;INTERVAL=6', 'zh')).toBe('每半年');
    expect(describeRRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR', 'zh')).toBe('每2周的周一、三、五');
    expect(describeRRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR', 'en')).toBe('every 2 weeks on Monday, Wednesday and Friday');
    expect(describeRRule('FREQ=DAILY', 'zh')).toBe('每天');
    expect(describeRRule('FREQ=YEARLY;COUNT=1', 'en')).toBe('every year, 1 time');
    // The n-th or last weekday of the month, as plans write it; other monthly BYDAY rules stay custom.
    expect(describeRRule('FREQ=MONTHLY;BYDAY=1MO', 'zh')).toBe('每月第一个周一');
    expect(describeRRule('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231', 'zh')).toBe('每月最后一个周五，至2026-12-31');
    expect(describeRRule('FREQ=MONTHLY;INTERVAL=2;BYDAY=2SA;COUNT=5', 'zh')).toBe('每2个月第二个周六，共5次');
    expect(describeRRule('FREQ=MONTHLY;BYDAY=2SA,4SA', 'zh')).toBe('自定义重复（FREQ=MONTHLY;BYDAY=2SA,4SA）');
    expect(describeRRule('FREQ=MONTHLY;BYDAY=1MO', 'en')).toBe('every month on the 1st Monday');
    expect(describeRRule('FREQ=SOMETIMES', 'zh')).toBe('重复规则无效');
  });
});
