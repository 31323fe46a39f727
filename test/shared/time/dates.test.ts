import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIMEZONE,
  addDays,
  compareDateValues,
  diffDays,
  effectiveEnd,
  fromUtcMs,
  isAllDay,
  isValidDateValue,
  lastDayInclusive,
  monthRange,
  overlapsRange,
  parseDateValue,
  shiftDateValue,
  toUtcMs,
  todayIn,
  weekday,
} from '../../../shared/src/time';

describe('parsing and validation', () => {
  it('parses both forms into fields', () => {
    expect(parseDateValue('2026-02-17')).toEqual({ y: 2026, m: 2, d: 17 });
    expect(parseDateValue('2026-02-17T14:30')).toEqual({ y: 2026, m: 2, d: 17, hh: 14, mm: 30 });
  });

  it('rejects impossible or malformed values instead of rolling them over', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-01T24:00', '2026-01-01T12:60', '2026-1-1', '2026-01-01 10:00', '2026-01-01T10:00:00', '', null, 20260101]) {
      expect(parseDateValue(bad), String(bad)).toBeNull();
      expect(isValidDateValue(bad)).toBe(false);
    }
    expect(isValidDateValue('2024-02-29')).toBe(true);
    expect(isValidDateValue('2000-02-29')).toBe(true);
    expect(isValidDateValue('1900-02-29')).toBe(false);
  });

  it('tells all-day from timed', () => {
    expect(isAllDay('2026-10-01')).toBe(true);
    expect(isAllDay('2026-10-01T09:00')).toBe(false);
  });
});

describe('day arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2026-03-07T14:30', 1)).toBe('2026-03-08T14:30');
  });

  it('diffDays is b − a in whole days', () => {
    expect(diffDays('2026-01-01', '2027-01-01')).toBe(365);
    expect(diffDays('2024-01-01', '2025-01-01')).toBe(366);
    expect(diffDays('2026-10-08', '2026-10-01')).toBe(-7);
    expect(diffDays('2026-10-01T23:00', '2026-10-02T01:00')).toBe(1);
  });

  it('weekday is 0 = Sunday', () => {
    expect(weekday('2026-11-22')).toBe(0); // Sunday
    expect(weekday('2026-10-01')).toBe(4); // Thursday
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('1969-12-31')).toBe(3);
    expect(weekday('2000-02-29')).toBe(2);
  });

  it('shifts values keeping their form; all-day ignores minutes', () => {
    expect(shiftDateValue('2026-10-01', 2, 90)).toBe('2026-10-03');
    expect(shiftDateValue('2026-10-01T23:30', 0, 45)).toBe('2026-10-02T00:15');
    expect(shiftDateValue('2026-10-01T00:10', 0, -20)).toBe('2026-09-30T23:50');
    // Wall-clock arithmetic: the same time survives a DST change anywhere.
    expect(shiftDateValue('2026-03-07T14:30', 7)).toBe('2026-03-14T14:30');
  });

  it('orders mixed forms', () => {
    expect(compareDateValues('2026-10-01', '2026-10-01T00:00')).toBe(0);
    expect(compareDateValues('2026-10-01T08:00', '2026-10-02')).toBeLessThan(0);
  });
});

describe('event extents', () => {
  it('defaults to one day / one hour', () => {
    expect(effectiveEnd('2026-10-01')).toBe('2026-10-02');
    expect(effectiveEnd('2026-10-01T23:30')).toBe('2026-10-02T00:30');
  });

  it('keeps a valid end and repairs a broken one', () => {
    expect(effectiveEnd('2026-10-01', '2026-10-08')).toBe('2026-10-08');
    expect(effectiveEnd('2026-10-01', '2026-10-01')).toBe('2026-10-02');
    expect(effectiveEnd('2026-10-01', '2026-09-01')).toBe('2026-10-02');
    expect(effectiveEnd('2026-10-01', 'soon')).toBe('2026-10-02');
    expect(effectiveEnd('2026-10-01T09:00', '2026-10-01T08:00')).toBe('2026-10-01T10:00');
  });

  it('converts an end of the other form', () => {
    expect(effectiveEnd('2026-10-01', '2026-10-03T10:00')).toBe('2026-10-04');
    expect(effectiveEnd('2026-10-01', '2026-10-03T00:00')).toBe('2026-10-03');
    expect(effectiveEnd('2026-10-01T09:00', '2026-10-03')).toBe('2026-10-03T00:00');
  });

  it('gives the last day touched for display', () => {
    expect(lastDayInclusive('2026-10-01', '2026-10-08')).toBe('2026-10-07');
    expect(lastDayInclusive('2026-10-01')).toBe('2026-10-01');
    expect(lastDayInclusive('2026-10-01T22:00', '2026-10-02T00:00')).toBe('2026-10-01');
    expect(lastDayInclusive('2026-10-01T22:00', '2026-10-02T01:00')).toBe('2026-10-02');
  });

  it('tests overlap as half-open intervals', () => {
    const { start, end } = monthRange('2026-10');
    expect(overlapsRange('2026-09-28', '2026-10-01', start, end)).toBe(false);
    expect(overlapsRange('2026-09-28', '2026-10-02', start, end)).toBe(true);
    expect(overlapsRange('2026-11-01', undefined, start, end)).toBe(false);
    expect(overlapsRange('2026-10-31T23:30', undefined, start, end)).toBe(true);
    expect(overlapsRange('2026-09-30T23:30', '2026-10-01T00:00', start, end)).toBe(false);
  });

  it('month ranges end exclusively on the next month', () => {
    expect(monthRange('2026-12')).toEqual({ start: '2026-12-01', end: '2027-01-01' });
    expect(monthRange('2026-02')).toEqual({ start: '2026-02-01', end: '2026-03-01' });
    expect(() => monthRange('2026-13')).toThrow(RangeError);
  });
});

describe('time zones', () => {
  it('defaults to Asia/Shanghai', () => {
    expect(DEFAULT_TIMEZONE).toBe('Asia/Shanghai');
    expect(toUtcMs('2026-10-01T09:00')).toBe(Date.UTC(2026, 9, 1, 1, 0));
    expect(toUtcMs('2026-10-01')).toBe(Date.UTC(2026, 8, 30, 16, 0));
  });

  it('round-trips wall-clock values', () => {
    for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC', 'Asia/Kolkata']) {
      for (const v of ['2026-01-15T08:45', '2026-07-01T23:59', '2026-03-08T12:00']) {
        expect(fromUtcMs(toUtcMs(v, tz), tz), `${v} ${tz}`).toBe(v);
      }
    }
    expect(fromUtcMs(Date.UTC(2026, 8, 30, 16, 0), 'Asia/Shanghai', true)).toBe('2026-10-01');
  });

  it('resolves DST gaps forward and overlaps to the earlier instant', () => {
    // 2026-03-08 02:30 does not exist in Los Angeles: it becomes 03:30 PDT.
    expect(toUtcMs('2026-03-08T02:30', 'America/Los_Angeles')).toBe(Date.UTC(2026, 2, 8, 10, 30));
    // 2026-11-01 01:30 happens twice: take the PDT one.
    expect(toUtcMs('2026-11-01T01:30', 'America/Los_Angeles')).toBe(Date.UTC(2026, 10, 1, 8, 30));
  });

  it("gives today's date in the workspace zone, not the device's", () => {
    const now = Date.UTC(2026, 10, 21, 16, 30); // 00:30 on the 22nd in Shanghai
    expect(todayIn('Asia/Shanghai', now)).toBe('2026-11-22');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-11-21');
    expect(todayIn('Pacific/Kiritimati', now)).toBe('2026-11-22');
  });
});
