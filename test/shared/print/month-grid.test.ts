import { describe, expect, it } from 'vitest';
import { applyCellOverflow, monthGrid, type GridItem } from '../../../shared/src/print';
import { KIND_COLORS } from '../../../shared/src/display/kind-colors';
import { expandOccurrences, lastDayInclusive, addDays, compareDateValues, datePart } from '../../../shared/src/time';
import { decemberEvents } from './month-data';

const grid = monthGrid(decemberEvents(), '2026-12');
const days = grid.weeks.flat();
const day = (date: string) => days.find((d) => d.date === date)!;

/** (event id, date) for every day each live occurrence touches in December. */
function expectedPlacements(): Set<string> {
  const out = new Set<string>();
  for (const e of decemberEvents()) {
    if (e.deletedAt) continue;
    for (const o of expandOccurrences(e, '2026-12-01', '2027-01-01')) {
      for (let d = datePart(o.start); compareDateValues(d, lastDayInclusive(o.start, o.end)) <= 0; d = addDays(d, 1)) {
        if (d >= '2026-12-01' && d < '2027-01-01') out.add(`${e.id}@${d}`);
      }
    }
  }
  return out;
}

describe('monthGrid', () => {
  it('lays out Monday-first full weeks covering the month', () => {
    expect(grid.weeks).toHaveLength(5);
    for (const w of grid.weeks) {
      expect(w).toHaveLength(7);
      expect(w[0].weekday).toBe(1);
      expect(w[6].weekday).toBe(0);
    }
    expect(grid.weeks[0][0]).toMatchObject({ date: '2026-11-30', inMonth: false, items: [] });
    expect(day('2026-12-01')).toMatchObject({ inMonth: true, day: 1, weekday: 2 });
    expect(days.filter((d) => d.inMonth)).toHaveLength(31);
  });

  it('puts every activity on every day it touches, and nothing from other months or the trash', () => {
    const placed = new Set(days.flatMap((d) => d.items.map((i) => `${i.eventId}@${d.date}`)));
    expect(placed).toEqual(expectedPlacements());
    expect(days.flatMap((d) => d.items).some((i) => i.title.includes('不应出现'))).toBe(false);
    expect(day('2026-12-02').items).toHaveLength(9); // eight of its own + the exhibition running in from November
    expect(day('2026-12-03').items.find((i) => i.eventId === 'span-in')?.span).toBe('end');
    expect(day('2026-12-31').items.find((i) => i.eventId === 'span-out')?.span).toBe('middle');
  });

  it('orders a day all-day first, then by time, and gives kind colours', () => {
    const items = day('2026-12-02').items;
    expect(items.slice(0, 2).map((i) => i.eventId).sort()).toEqual(['d2-allday', 'span-in']);
    expect(items.slice(2).map((i) => i.time)).toEqual(['08:30', '09:00', '09:00', '10:30', '14:00', '14:30', '16:00']);
    for (const i of items) expect(i.color).toBe(KIND_COLORS[i.kind]);
    expect(grid.legend.map((l) => l.kind)).toContain('exhibition');
    expect(grid.legend.find((l) => l.kind === 'meeting')).toEqual({ kind: 'meeting', label: '会议座谈', color: KIND_COLORS.meeting });
    expect(grid.maxItemsPerDay).toBe(9);
  });

  it('marks lunar dates, solar terms and holidays', () => {
    expect(day('2026-12-02').lunar).toBe('廿四');
    expect(day('2026-12-09').lunar).toBe('冬月'); // first day of the eleventh lunar month
    expect(day('2026-12-22').solarTerm).toBe('冬至');
    const oct = monthGrid([], '2026-10').weeks.flat();
    expect(oct.find((d) => d.date === '2026-10-01')).toMatchObject({ holidayMark: '休' });
    expect(oct.some((d) => d.holidayMark === '班')).toBe(true);
  });

  it('continues crowded days below the grid and never drops an activity', () => {
    const fitted = applyCellOverflow(grid, 4);
    const d2 = fitted.weeks.flat().find((d) => d.date === '2026-12-02')!;
    expect(d2.visible).toHaveLength(3);
    expect(d2.hidden).toBe(6);
    expect(d2.continuation).toBe('另有6项，续见表下');
    const note = fitted.notes.find((n) => n.date === '2026-12-02')!;
    expect(note.label).toBe('12月2日（周三）（十月廿四）');
    expect([...d2.visible, ...note.items]).toEqual(d2.items);
    // Every day: visible + notes = all.
    for (const d of fitted.weeks.flat()) {
      const rest: GridItem[] = fitted.notes.find((n) => n.date === d.date)?.items ?? [];
      expect([...d.visible, ...rest]).toEqual(d.items);
      expect(d.visible.length + (d.continuation ? 1 : 0)).toBeLessThanOrEqual(4);
    }
    // Notes are in date order; a roomy limit needs none.
    expect(fitted.notes.map((n) => n.date)).toEqual([...fitted.notes.map((n) => n.date)].sort());
    expect(monthGrid(decemberEvents(), '2026-12', { maxLinesPerCell: 9 }).notes).toEqual([]);
    expect(monthGrid(decemberEvents(), '2026-12', { maxLinesPerCell: 1 }).weeks.flat().every((d) => d.visible.length === 0 || d.items.length === 1)).toBe(true);
  });
});
