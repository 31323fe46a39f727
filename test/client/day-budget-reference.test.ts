import { describe, expect, it } from 'vitest';
import type { EventInput } from 'fullcalendar';
import { addDays } from '@shared/time/dates';
import { limitPerDay, type MoreChip } from '../../client/src/calendar/day-budget';
import { mulberry32 } from '../helpers/prng';

// ---- The budget as first written (sorts every day, localeCompare per comparison): the reference ----
const dayOf = (v: string) => v.slice(0, 10);

/** Days (YYYY-MM-DD) an input covers, for an all-day exclusive end or a timed end. */
function spanDays(e: EventInput): { first: string; lastExclusive: string | null } {
  const start = String(e.start);
  const end = e.end ? String(e.end) : null;
  if (!end) return { first: dayOf(start), lastExclusive: null };
  if (e.allDay) return { first: dayOf(start), lastExclusive: dayOf(end) };
  // A timed event ending at midnight does not reach into the next day.
  const endDay = end.slice(11) === '00:00' || end.length === 10 ? dayOf(end) : nextDay(dayOf(end));
  return { first: dayOf(start), lastExclusive: endDay };
}

const nextDay = (day: string): string => addDays(day, 1);

function isMultiDay(e: EventInput): boolean {
  const { first, lastExclusive } = spanDays(e);
  // Same-day or next-day exclusive end: one day. Compare strings before doing date arithmetic.
  return lastExclusive !== null && lastExclusive > first && lastExclusive !== nextDay(first);
}

/** Order within a day: all-day first, then by start time, then title (what the grid would show first). */
function compare(a: EventInput, b: EventInput): number {
  if (Boolean(a.allDay) !== Boolean(b.allDay)) return a.allDay ? -1 : 1;
  const s = String(a.start).localeCompare(String(b.start));
  return s !== 0 ? s : String(a.title).localeCompare(String(b.title), 'zh');
}

function referenceLimitPerDay(inputs: EventInput[], budget: number, moreTitle: (hidden: number) => string): EventInput[] {
  const kept: EventInput[] = [];
  const shownMulti = new Map<string, number>();
  const hiddenPerDay = new Map<string, number>();
  const singles = new Map<string, EventInput[]>();
  const multi: { e: EventInput; days: string[] }[] = [];
  for (const e of inputs) {
    if (isMultiDay(e)) {
      const { first, lastExclusive } = spanDays(e);
      const days: string[] = [];
      for (let d = first; d < lastExclusive!; d = nextDay(d)) days.push(d);
      multi.push({ e, days });
    } else {
      const day = dayOf(String(e.start));
      const list = singles.get(day);
      if (list) list.push(e);
      else singles.set(day, [e]);
    }
  }
  // Multi-day bars first, longest first (as the grid stacks them), while every day they cross
  // keeps one line free for a chip; the rest are counted in the chips of the days they cover.
  multi.sort((a, b) => b.days.length - a.days.length || compare(a.e, b.e));
  for (const { e, days } of multi) {
    if (days.every((d) => (shownMulti.get(d) ?? 0) < budget - 1)) {
      kept.push({ ...e, ccOrder: 0 });
      for (const d of days) shownMulti.set(d, (shownMulti.get(d) ?? 0) + 1);
    } else {
      for (const d of days) hiddenPerDay.set(d, (hiddenPerDay.get(d) ?? 0) + 1);
    }
  }
  for (const [day, list] of singles) {
    list.sort(compare);
    const room = budget - (shownMulti.get(day) ?? 0);
    const alsoHidden = hiddenPerDay.get(day) ?? 0;
    const fits = alsoHidden === 0 && list.length <= room;
    const shown = fits ? list : list.slice(0, Math.max(0, room - 1));
    shown.forEach((e, i) => kept.push({ ...e, ccOrder: 1 + i }));
    hiddenPerDay.set(day, alsoHidden + list.length - shown.length);
  }
  for (const [day, hidden] of hiddenPerDay) {
    if (hidden === 0) continue;
    kept.push({
      id: `more:${day}`,
      title: moreTitle(hidden),
      start: day,
      allDay: true,
      editable: false,
      className: 'cc-more',
      color: '#eef1f5',
      contrastColor: '#374151',
      ccOrder: 1000,
      extendedProps: { moreDay: day, hidden } satisfies MoreChip,
    });
  }
  return kept;
}

describe('per-day budget, faster', () => {
  it('keeps exactly what the reference keeps, in the same order', () => {
    const rand = mulberry32(3);
    const int = (n: number) => Math.floor(rand() * n);
    const titles = ['宣讲', '展览', '竞赛', '培训', 'Alpha', 'alpha', '座谈会', '志愿服务'];
    for (let round = 0; round < 40; round++) {
      const inputs: EventInput[] = [];
      const n = int(400);
      for (let i = 0; i < n; i++) {
        const day = addDays('2026-03-01', int(20));
        const r = rand();
        if (r < 0.5) {
          const h = String(8 + int(10)).padStart(2, '0');
          const endDay = rand() < 0.1 ? addDays(day, 1 + int(2)) : day;
          inputs.push({ id: `t${i}`, title: titles[int(titles.length)], start: `${day}T${h}:${rand() < 0.5 ? '00' : '30'}`, end: `${endDay}T${rand() < 0.2 ? '00:00' : '23:00'}`, allDay: false });
        } else if (r < 0.85) {
          inputs.push({ id: `a${i}`, title: titles[int(titles.length)], start: day, end: addDays(day, 1), allDay: true });
        } else {
          inputs.push({ id: `m${i}`, title: titles[int(titles.length)], start: day, end: addDays(day, 2 + int(12)), allDay: true });
        }
      }
      const budget = 2 + int(4);
      const more = (h: number) => `还有 ${h} 项`;
      expect(limitPerDay(inputs, budget, more)).toEqual(referenceLimitPerDay(inputs, budget, more));
    }
  });
});
