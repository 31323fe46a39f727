import { describe, expect, it } from 'vitest';
import type { EventInput } from 'fullcalendar';
import { limitPerDay } from '../../client/src/calendar/day-budget';

const days = (from: string, toExclusive: string) => {
  const out: string[] = [];
  for (let d = new Date(from + 'T00:00Z'); d.toISOString().slice(0, 10) < toExclusive; d.setUTCDate(d.getUTCDate() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
};

/** Per day: how many inputs touch it, and what the budgeted output shows or counts in chips. */
function tally(inputs: EventInput[], out: EventInput[], day: string) {
  const touches = (e: EventInput) => {
    const s = String(e.start).slice(0, 10);
    const end = e.end ? String(e.end).slice(0, 10) : s;
    return e.allDay && e.end ? s <= day && day < end : s === day;
  };
  const total = inputs.filter(touches).length;
  const shown = out.filter((e) => !String(e.id).startsWith('more:') && touches(e));
  const chip = out.find((e) => e.id === `more:${day}`);
  return { total, shown: shown.length, hidden: (chip?.extendedProps as { hidden: number } | undefined)?.hidden ?? 0, lines: shown.length + (chip ? 1 : 0) };
}

describe('per-day budget for grid views', () => {
  const inputs: EventInput[] = [
    ...Array.from({ length: 14 }, (_, i) => ({ id: `t${i}`, title: `宣讲${i}`, start: `2026-03-10T${String(8 + (i % 9)).padStart(2, '0')}:00`, end: `2026-03-10T${String(9 + (i % 9)).padStart(2, '0')}:00`, allDay: false })),
    ...Array.from({ length: 6 }, (_, i) => ({ id: `m${i}`, title: `展览${i}`, start: `2026-03-0${8 + (i % 2)}`, end: `2026-03-1${2 + i}`, allDay: true })),
    { id: 'solo', title: '独自一项', start: '2026-03-20', end: '2026-03-21', allDay: true },
  ];
  const out = limitPerDay(inputs, 4, (n) => `还有 ${n} 项`);

  it('never shows more lines than the budget on any day', () => {
    for (const d of days('2026-03-01', '2026-04-01')) expect(tally(inputs, out, d).lines).toBeLessThanOrEqual(4);
  });

  it('accounts for every activity of every day: shown or counted in that day’s chip', () => {
    for (const d of days('2026-03-01', '2026-04-01')) {
      const t = tally(inputs, out, d);
      expect(t.shown + t.hidden, d).toBe(t.total);
    }
  });

  it('leaves quiet days untouched', () => {
    expect(out.find((e) => e.id === 'solo')).toBeTruthy();
    expect(out.find((e) => e.id === 'more:2026-03-20')).toBeUndefined();
  });
});
