import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, diffDays, toDayNumber } from '../../../shared/src/time/dates';
import { PX_PER_DAY, ZOOMS, createScale, dayPosition, dayToDate, stepWindow, windowDays, windowFor, type TimeWindow, type Zoom } from '../../../shared/src/timeline';

/** Every day of [from, to) as YYYY-MM-DD, by plain date arithmetic (not the code under test). */
function daysOf(w: Pick<TimeWindow, 'from' | 'to'>): string[] {
  const out: string[] = [];
  for (let d = w.from; d < w.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Every window of each zoom in the given years. */
function windowsOf(years: readonly number[]): TimeWindow[] {
  const out: TimeWindow[] = [];
  for (const y of years) {
    out.push(windowFor('year', `${y}-06-15`));
    for (const q of [1, 4, 7, 10]) out.push(windowFor('quarter', `${y}-${String(q).padStart(2, '0')}-01`));
    for (let m = 1; m <= 12; m++) out.push(windowFor('month', `${y}-${String(m).padStart(2, '0')}-${String(daysInMonth(y, m)).padStart(2, '0')}`));
  }
  return out;
}

describe('windowFor', () => {
  it('gives the calendar year at year zoom, whatever the day', () => {
    for (const d of ['2026-01-01', '2026-07-04', '2026-12-31']) expect(windowFor('year', d)).toEqual({ zoom: 'year', from: '2026-01-01', to: '2027-01-01' });
  });

  it('gives the quarter containing the day at quarter zoom', () => {
    const cases: Array<[string, string, string]> = [
      ['2026-01-01', '2026-01-01', '2026-04-01'],
      ['2026-03-31', '2026-01-01', '2026-04-01'],
      ['2026-04-01', '2026-04-01', '2026-07-01'],
      ['2026-06-30', '2026-04-01', '2026-07-01'],
      ['2026-08-15', '2026-07-01', '2026-10-01'],
      ['2026-10-01', '2026-10-01', '2027-01-01'],
      ['2026-12-31', '2026-10-01', '2027-01-01'],
    ];
    for (const [d, from, to] of cases) expect(windowFor('quarter', d), d).toEqual({ zoom: 'quarter', from, to });
  });

  it('gives the month at month zoom, December ending in the next year', () => {
    expect(windowFor('month', '2026-03-17')).toEqual({ zoom: 'month', from: '2026-03-01', to: '2026-04-01' });
    expect(windowFor('month', '2026-12-31')).toEqual({ zoom: 'month', from: '2026-12-01', to: '2027-01-01' });
    expect(windowFor('month', '2028-02-29')).toEqual({ zoom: 'month', from: '2028-02-01', to: '2028-03-01' });
  });

  it('accepts a timed value and uses its date', () => {
    expect(windowFor('month', '2026-05-31T23:59')).toEqual({ zoom: 'month', from: '2026-05-01', to: '2026-06-01' });
  });

  it('refuses what is not a date (2100 is not a leap year)', () => {
    expect(() => windowFor('month', '2100-02-29')).toThrow(RangeError);
    expect(() => windowFor('year', 'soon')).toThrow(RangeError);
  });
});

describe('stepWindow', () => {
  it('moves by one window either way, across year ends', () => {
    expect(stepWindow(windowFor('month', '2026-12-05'), 1)).toEqual({ zoom: 'month', from: '2027-01-01', to: '2027-02-01' });
    expect(stepWindow(windowFor('month', '2026-01-05'), -1)).toEqual({ zoom: 'month', from: '2025-12-01', to: '2026-01-01' });
    expect(stepWindow(windowFor('quarter', '2026-11-05'), 1)).toEqual({ zoom: 'quarter', from: '2027-01-01', to: '2027-04-01' });
    expect(stepWindow(windowFor('quarter', '2026-02-05'), -1)).toEqual({ zoom: 'quarter', from: '2025-10-01', to: '2026-01-01' });
    expect(stepWindow(windowFor('year', '2026-02-05'), -1)).toEqual({ zoom: 'year', from: '2025-01-01', to: '2026-01-01' });
  });

  it('tiles time: stepping forward then back returns, and windows are contiguous', () => {
    for (const zoom of ZOOMS) {
      let w = windowFor(zoom, '2027-11-20');
      for (let i = 0; i < 30; i++) {
        const next = stepWindow(w, 1);
        expect(next.from).toBe(w.to);
        expect(stepWindow(next, -1)).toEqual(w);
        w = next;
      }
    }
  });
});

describe('windowDays: month lengths and leap years', () => {
  it('counts the days of years, including 2028 (leap), 2100 (not) and 2000 (leap)', () => {
    expect(windowDays(windowFor('year', '2026-01-01'))).toBe(365);
    expect(windowDays(windowFor('year', '2028-01-01'))).toBe(366);
    expect(windowDays(windowFor('year', '2100-01-01'))).toBe(365);
    expect(windowDays(windowFor('year', '2000-01-01'))).toBe(366);
  });

  it('counts the days of quarters', () => {
    expect(windowDays(windowFor('quarter', '2026-02-01'))).toBe(90);
    expect(windowDays(windowFor('quarter', '2028-02-01'))).toBe(91);
    expect(windowDays(windowFor('quarter', '2100-02-01'))).toBe(90);
    expect(windowDays(windowFor('quarter', '2026-05-01'))).toBe(91);
    expect(windowDays(windowFor('quarter', '2026-08-01'))).toBe(92);
    expect(windowDays(windowFor('quarter', '2026-11-01'))).toBe(92);
  });

  it('counts the days of every month', () => {
    const expected = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    for (let m = 1; m <= 12; m++) expect(windowDays(windowFor('month', `2026-${String(m).padStart(2, '0')}-01`)), `month ${m}`).toBe(expected[m - 1]);
    expect(windowDays(windowFor('month', '2028-02-10'))).toBe(29);
    expect(windowDays(windowFor('month', '2100-02-10'))).toBe(28);
    expect(windowDays(windowFor('month', '2000-02-10'))).toBe(29);
  });
});

describe('dayPosition and dayToDate', () => {
  it('is the day number for dates and adds the time of day as a fraction', () => {
    expect(dayPosition('1970-01-01')).toBe(0);
    expect(dayPosition('1970-01-02')).toBe(1);
    expect(dayPosition('1969-12-31')).toBe(-1);
    expect(dayPosition('2026-03-05')).toBe(toDayNumber(2026, 3, 5));
    expect(dayPosition('2026-03-05T12:00')).toBe(toDayNumber(2026, 3, 5) + 0.5);
    expect(dayPosition('2026-03-05T06:00')).toBe(toDayNumber(2026, 3, 5) + 0.25);
    expect(dayPosition('2026-03-05T00:00')).toBe(toDayNumber(2026, 3, 5));
    expect(dayPosition('2026-03-05T23:59')).toBeCloseTo(toDayNumber(2026, 3, 5) + 1439 / 1440, 9);
    expect(dayPosition('2026-03-05T14:30') - dayPosition('2026-03-05')).toBeCloseTo(14.5 / 24, 9);
  });

  it('refuses invalid values', () => {
    expect(() => dayPosition('2100-02-29')).toThrow(RangeError);
    expect(() => dayPosition('2026-03-05T24:00')).toThrow(RangeError);
    expect(() => dayPosition('')).toThrow(RangeError);
  });

  it('dayToDate inverts dayPosition over four centuries around the leap-year edges', () => {
    for (const d of ['2028-02-29', '2100-02-28', '2100-03-01', '2000-02-29', '1999-12-31', '0400-02-29']) expect(dayToDate(dayPosition(d))).toBe(d);
    // 2100-02-28 is followed by 2100-03-01: no 29th.
    expect(dayToDate(dayPosition('2100-02-28') + 1)).toBe('2100-03-01');
    expect(dayToDate(dayPosition('2028-02-28') + 1)).toBe('2028-02-29');
    let day = dayPosition('1999-01-01');
    for (let d = '1999-01-01'; d < '2103-01-01'; d = addDays(d, 1), day++) if (dayToDate(day) !== d) expect(dayToDate(day)).toBe(d);
  });
});

describe('createScale: date ↔ x at each zoom', () => {
  it('uses the zoom’s pixels per day and spans the window', () => {
    for (const zoom of ZOOMS) {
      const w = windowFor(zoom, '2028-02-10');
      const s = createScale(w);
      expect(s.pxPerDay).toBe(PX_PER_DAY[zoom]);
      expect(s.days).toBe(windowDays(w));
      expect(s.width).toBeCloseTo(windowDays(w) * PX_PER_DAY[zoom], 9);
      expect(s.firstDay).toBe(dayPosition(w.from));
      expect(s.x(w.from)).toBe(0);
      expect(s.x(w.to)).toBeCloseTo(s.width, 9);
    }
  });

  it('places dates by their day within the window', () => {
    const year = createScale(windowFor('year', '2028-05-01'));
    // 31 (Jan) + 28 days of February before the 29th.
    expect(year.x('2028-02-29')).toBeCloseTo(59 * 3.2, 9);
    expect(year.x('2028-03-01')).toBeCloseTo(60 * 3.2, 9);
    expect(year.x('2028-12-31')).toBeCloseTo(365 * 3.2, 9);
    const y2100 = createScale(windowFor('year', '2100-05-01'));
    expect(y2100.x('2100-03-01')).toBeCloseTo(59 * 3.2, 9);
    expect(y2100.x('2100-12-31')).toBeCloseTo(364 * 3.2, 9);
    const quarter = createScale(windowFor('quarter', '2026-05-20'));
    expect(quarter.x('2026-04-01')).toBe(0);
    expect(quarter.x('2026-05-01')).toBe(30 * 14);
    expect(quarter.x('2026-06-30')).toBe(90 * 14);
    const month = createScale(windowFor('month', '2026-03-20'));
    expect(month.x('2026-03-10')).toBe(9 * 40);
    expect(month.x('2026-03-31')).toBe(30 * 40);
  });

  it('gives values outside the window positions outside [0, width]', () => {
    const s = createScale(windowFor('month', '2026-03-20'));
    expect(s.x('2026-02-28')).toBe(-40);
    expect(s.x('2026-04-02')).toBe(32 * 40);
  });

  it('places timed values at fractional days', () => {
    for (const zoom of ZOOMS) {
      const s = createScale(windowFor(zoom, '2026-03-05'));
      const day = s.x('2026-03-05');
      expect(s.x('2026-03-05T12:00') - day).toBeCloseTo(s.pxPerDay / 2, 9);
      expect(s.x('2026-03-05T18:00') - day).toBeCloseTo(s.pxPerDay * 0.75, 9);
      expect(s.x('2026-03-05T00:30') - day).toBeCloseTo(s.pxPerDay / 48, 9);
      expect(s.x('2026-03-05T23:59')).toBeLessThan(s.x('2026-03-06'));
      // A timed value lies inside its own day’s cell.
      expect(s.dateAt(s.x('2026-03-05T12:00'))).toBe('2026-03-05');
      expect(s.dateAt(s.x('2026-03-05T23:59'))).toBe('2026-03-05');
      expect(s.dateAt(s.x('2026-03-05T00:00'))).toBe('2026-03-05');
    }
  });

  it('honours a custom pixel density', () => {
    const s = createScale(windowFor('month', '2026-03-01'), 10);
    expect(s.width).toBe(310);
    expect(s.x('2026-03-02')).toBe(10);
    expect(s.dateAt(19.99)).toBe('2026-03-02');
    expect(s.dateAt(20)).toBe('2026-03-03');
  });

  it('dateAt(x(date)) is the date, for every day of every window of 2026, 2028, 2100 and 2000', () => {
    for (const w of windowsOf([2026, 2028, 2100, 2000])) {
      const s = createScale(w);
      const days = daysOf(w);
      expect(days.length).toBe(s.days);
      for (const [i, d] of days.entries()) {
        const x = s.x(d);
        expect(x).toBeCloseTo(i * s.pxPerDay, 9);
        // Left edge, middle and just before the right edge of the day’s cell all read as that day.
        const got = [s.dateAt(x), s.dateAt(x + s.pxPerDay / 2), s.dateAt(x + s.pxPerDay * 0.999)];
        if (got.some((g) => g !== d)) expect({ zoom: w.zoom, window: w.from, got }).toEqual({ zoom: w.zoom, window: w.from, got: [d, d, d] });
        expect(s.dayAt(x)).toBe(s.firstDay + i);
        // The next cell starts the next day.
        expect(s.dateAt(x + s.pxPerDay)).toBe(addDays(d, 1));
      }
    }
  });

  it('dateAt reads pixels left of 0 and right of the width as days outside the window', () => {
    const zooms: Zoom[] = ['year', 'quarter', 'month'];
    for (const zoom of zooms) {
      const s = createScale(windowFor(zoom, '2026-03-01'));
      expect(s.dateAt(-0.01)).toBe(addDays(s.window.from, -1));
      expect(s.dateAt(s.width)).toBe(s.window.to);
      expect(diffDays(s.window.from, s.dateAt(s.width - 0.01))).toBe(s.days - 1);
    }
  });
});
