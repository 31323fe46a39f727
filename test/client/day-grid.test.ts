import { describe, expect, it } from 'vitest';
import { activitiesPerDay, addMonths, dayAfterMove, dayInWords, dayMoveOf } from '../../client/src/calendar/day-grid';
import { addDays } from '../../shared/src/time/dates';

describe('month grid days by keyboard', () => {
  it('maps keys to moves and only those', () => {
    expect(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].map(dayMoveOf)).toEqual(['left', 'right', 'up', 'down', 'week-start', 'week-end', 'prev-month', 'next-month']);
    expect(dayMoveOf('Enter')).toBeNull();
    expect(dayMoveOf('a')).toBeNull();
  });

  it('moves by day, week, week ends (Monday first) and month, against a brute-force walk', () => {
    for (let day = '2023-12-25'; day < '2025-03-10'; day = addDays(day, 1)) {
      expect(dayAfterMove(day, 'right')).toBe(addDays(day, 1));
      expect(dayAfterMove(day, 'up')).toBe(addDays(day, -7));
      const monday = dayAfterMove(day, 'week-start');
      const sunday = dayAfterMove(day, 'week-end');
      expect(new Date(`${monday}T00:00Z`).getUTCDay()).toBe(1);
      expect(new Date(`${sunday}T00:00Z`).getUTCDay()).toBe(0);
      expect(monday <= day && day <= sunday && addDays(monday, 6) === sunday).toBe(true);
      // The same day next month, or the month's last when it is shorter.
      const next = dayAfterMove(day, 'next-month');
      const [y, m, d] = day.split('-').map(Number);
      const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
      expect(Number(next.slice(8))).toBe(Math.min(d, last));
      expect(Number(next.slice(5, 7))).toBe(m === 12 ? 1 : m + 1);
    }
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
  });

  it('names days in words in both languages', () => {
    expect(dayInWords('2026-12-03', 'zh')).toBe('12月3日 星期四');
    expect(dayInWords('2026-12-03', 'en')).toBe('Thursday, 3 December');
  });

  it('counts activities per day: multi-day events on each day, "+N" chips for N, observances not', () => {
    const counts = activitiesPerDay([
      { start: '2026-12-01', end: '2026-12-04', allDay: true, eventId: 'a' },
      { start: '2026-12-02T09:00', end: '2026-12-03T00:00', allDay: false, eventId: 'b' },
      { start: '2026-12-02', end: null, allDay: true, hidden: 3 },
      { start: '2026-12-02', end: '2026-12-03', allDay: true },
    ]);
    expect(Object.fromEntries(counts)).toEqual({ '2026-12-01': 1, '2026-12-02': 5, '2026-12-03': 1 });
  });
});
