import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, weekday } from '../../../shared/src/time/dates';
import { holidayOn } from '../../../shared/src/time/holidays';
import { axisFor, createScale, shadedDays, windowFor, type AxisCell, type Scale } from '../../../shared/src/timeline';

function daysOf(s: Scale): string[] {
  const out: string[] = [];
  for (let d = s.window.from; d < s.window.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Cells tile the header: the first starts at 0, each starts where the previous ended, the last ends at the width. */
function expectTiling(cells: readonly AxisCell[], s: Scale): void {
  expect(cells.length).toBeGreaterThan(0);
  expect(cells[0]!.x).toBe(0);
  expect(cells[0]!.date).toBe(s.window.from);
  for (let i = 1; i < cells.length; i++) expect(cells[i]!.x).toBeCloseTo(cells[i - 1]!.x + cells[i - 1]!.width, 9);
  const last = cells.at(-1)!;
  expect(last.x + last.width).toBeCloseTo(s.width, 9);
  expect(cells.reduce((sum, c) => sum + c.width, 0)).toBeCloseTo(s.width, 9);
  for (const c of cells) {
    expect(c.width).toBeGreaterThan(0);
    expect(c.x).toBeCloseTo(s.x(c.date), 9);
    expect(c.year).toBe(Number(c.date.slice(0, 4)));
    expect(c.month).toBe(Number(c.date.slice(5, 7)));
  }
}

describe('axis at year zoom', () => {
  for (const year of [2026, 2028, 2100]) {
    it(`${year}: one year above, twelve months below whose widths are their lengths and sum to the width`, () => {
      const s = createScale(windowFor('year', `${year}-07-01`));
      const { upper, lower } = axisFor(s);
      expect(upper).toHaveLength(1);
      expect(upper[0]).toMatchObject({ date: `${year}-01-01`, x: 0, label: year, year, month: 1 });
      expect(upper[0]!.width).toBeCloseTo(s.width, 9);
      expectTiling(upper, s);

      expect(lower.map((c) => c.label)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(lower.map((c) => c.date)).toEqual(Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}-01`));
      for (const [i, c] of lower.entries()) expect(c.width, `month ${i + 1}`).toBeCloseTo(daysInMonth(year, i + 1) * 3.2, 9);
      expectTiling(lower, s);
    });
  }

  it('February is 29 days wide in 2028 and 28 in 2100', () => {
    expect(axisFor(createScale(windowFor('year', '2028-01-01'))).lower[1]!.width).toBeCloseTo(29 * 3.2, 9);
    expect(axisFor(createScale(windowFor('year', '2100-01-01'))).lower[1]!.width).toBeCloseTo(28 * 3.2, 9);
  });
});

describe('axis at quarter zoom', () => {
  const quarters = ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01', '2028-01-01', '2100-01-01', '2024-04-01'];
  for (const from of quarters) {
    it(`${from}: three months above, weeks starting on Monday below`, () => {
      const s = createScale(windowFor('quarter', from));
      const { upper, lower } = axisFor(s);
      expect(upper).toHaveLength(3);
      const [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
      for (let i = 0; i < 3; i++) {
        expect(upper[i]!.label).toBe(m + i);
        expect(upper[i]!.width).toBeCloseTo(daysInMonth(y, m + i) * 14, 9);
      }
      expectTiling(upper, s);
      expectTiling(lower, s);

      // A cell starts exactly on each Monday of the window (and on its first day).
      const starts = daysOf(s).filter((d, i) => i === 0 || weekday(d) === 1);
      expect(lower.map((c) => c.date)).toEqual(starts);
      for (const [i, c] of lower.entries()) {
        if (i > 0) expect(weekday(c.date), c.date).toBe(1);
        expect(c.label).toBe(Number(c.date.slice(8, 10)));
        // Full weeks in the middle; a partial week only at either end.
        if (i > 0 && i < lower.length - 1) expect(c.width).toBe(7 * 14);
        else expect(c.width).toBeLessThanOrEqual(7 * 14);
      }
    });
  }

  it('2026 Q2 begins on a Wednesday: the first cell is that partial week up to Monday 6 April', () => {
    const { lower } = axisFor(createScale(windowFor('quarter', '2026-05-01')));
    expect(lower[0]).toMatchObject({ date: '2026-04-01', x: 0, width: 5 * 14 });
    expect(lower[1]).toMatchObject({ date: '2026-04-06', x: 5 * 14, width: 7 * 14, label: 6, month: 4 });
  });

  it('a quarter starting on Monday has no partial first week (2024-04-01)', () => {
    const { lower } = axisFor(createScale(windowFor('quarter', '2024-04-01')));
    expect(weekday('2024-04-01')).toBe(1);
    expect(lower[0]!.width).toBe(7 * 14);
  });
});

describe('axis at month zoom', () => {
  for (const d of ['2026-03-15', '2028-02-15', '2100-02-15', '2026-04-15']) {
    it(`${d.slice(0, 7)}: the month above, one cell per day below`, () => {
      const s = createScale(windowFor('month', d));
      const { upper, lower } = axisFor(s);
      expect(upper).toHaveLength(1);
      expect(upper[0]).toMatchObject({ date: s.window.from, x: 0, width: s.width, label: Number(d.slice(5, 7)) });
      const days = daysOf(s);
      expect(lower).toHaveLength(daysInMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7))));
      expect(lower.map((c) => c.date)).toEqual(days);
      expect(lower.map((c) => c.label)).toEqual(days.map((_, i) => i + 1));
      for (const [i, c] of lower.entries()) expect(c).toMatchObject({ x: i * 40, width: 40 });
      expectTiling(lower, s);
    });
  }
});

describe('shadedDays', () => {
  it('shades exactly the weekends and the holiday data’s days, each one day wide at its x (brute force over 2026)', () => {
    for (const zoom of ['year', 'quarter', 'month'] as const) {
      const s = createScale(windowFor(zoom, '2026-10-15'));
      const shaded = shadedDays(s);
      const expected = daysOf(s).flatMap((date) => {
        const h = holidayOn(date);
        if (h) return [{ date, kind: h.kind, name: h.name }];
        const wd = weekday(date);
        return wd === 0 || wd === 6 ? [{ date, kind: 'weekend' }] : [];
      });
      expect(shaded.map(({ date, kind, name }) => (name === undefined ? { date, kind } : { date, kind, name }))).toEqual(expected);
      for (const d of shaded) {
        expect(d.x).toBeCloseTo(s.x(d.date), 9);
        expect(d.width).toBe(s.pxPerDay);
      }
    }
  });

  it('marks 2026-10-01 (国庆节) as a holiday and ordinary weekends as weekends', () => {
    const shaded = shadedDays(createScale(windowFor('month', '2026-10-01')));
    const on = (date: string) => shaded.find((d) => d.date === date);
    expect(on('2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节', x: 0, width: 40 });
    // 3 and 4 October are a weekend inside the holiday: still holidays.
    expect(on('2026-10-03')?.kind).toBe('holiday');
    expect(on('2026-10-17')).toEqual({ date: '2026-10-17', x: 16 * 40, width: 40, kind: 'weekend' });
    expect(on('2026-10-18')?.kind).toBe('weekend');
    // An ordinary Monday is not shaded.
    expect(weekday('2026-10-12')).toBe(1);
    expect(on('2026-10-12')).toBeUndefined();
  });

  it('marks a 调休 working Saturday as a workday, not a weekend', () => {
    // The 2026 National Day notice has Saturday 10 October worked; the Spring Festival one, Saturday 14 and 28 February.
    for (const date of ['2026-10-10', '2026-02-14', '2026-02-28']) {
      expect(weekday(date), date).toBe(6);
      expect(holidayOn(date)?.kind, date).toBe('workday');
      const shaded = shadedDays(createScale(windowFor('month', date)));
      expect(shaded.find((d) => d.date === date)).toMatchObject({ kind: 'workday' });
      expect(shaded.find((d) => d.date === date)?.name).toBeTruthy();
    }
  });

  it('shades only weekends in a year with no holiday data (2100)', () => {
    const s = createScale(windowFor('year', '2100-01-01'));
    const shaded = shadedDays(s);
    expect(shaded.every((d) => d.kind === 'weekend')).toBe(true);
    expect(shaded.map((d) => d.date)).toEqual(daysOf(s).filter((d) => weekday(d) === 0 || weekday(d) === 6));
  });
});
