import type { EventInput } from 'fullcalendar';
import { addDays } from '@shared/time/dates';

/**
 * Month and year grids show a handful of activities per day; a busy week has 30 a day.
 * Handing FullCalendar only what fits (plus one "+N" chip per crowded day) keeps month
 * switches fast: its own overflow logic costs time for every hidden event. Nothing is lost:
 * the chip opens that day's full list.
 */
export interface MoreChip {
  moreDay: string;
  hidden: number;
}

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

/** A view has a few dozen distinct days: date arithmetic once per day, not once per event. */
const nextDays = new Map<string, string>();
function nextDay(day: string): string {
  let next = nextDays.get(day);
  if (next === undefined) {
    if (nextDays.size > 4000) nextDays.clear();
    nextDays.set(day, (next = addDays(day, 1)));
  }
  return next;
}

function isMultiDay(e: EventInput): boolean {
  const { first, lastExclusive } = spanDays(e);
  // Same-day or next-day exclusive end: one day. Compare strings before doing date arithmetic.
  return lastExclusive !== null && lastExclusive > first && lastExclusive !== nextDay(first);
}

/** One collator: `localeCompare(…, 'zh')` sets one up on every call. */
const titleOrder = new Intl.Collator('zh');

/** Order within a day: all-day first, then by start time, then title (what the grid would show first). */
function compare(a: EventInput, b: EventInput): number {
  if (Boolean(a.allDay) !== Boolean(b.allDay)) return a.allDay ? -1 : 1;
  const as = String(a.start);
  const bs = String(b.start);
  const s = as < bs ? -1 : as > bs ? 1 : 0;
  return s !== 0 ? s : titleOrder.compare(String(a.title), String(b.title));
}

/** The first `n` of `list` in `compare` order (what a stable sort then slice would give). */
function firstOf(list: EventInput[], n: number): EventInput[] {
  const top: EventInput[] = [];
  if (n <= 0) return top;
  for (const e of list) {
    if (top.length === n && compare(e, top[n - 1]) >= 0) continue;
    let i = top.length;
    while (i > 0 && compare(e, top[i - 1]) < 0) i--;
    top.splice(i, 0, e);
    if (top.length > n) top.pop();
  }
  return top;
}

export function limitPerDay(inputs: EventInput[], budget: number, moreTitle: (hidden: number) => string): EventInput[] {
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
    const room = budget - (shownMulti.get(day) ?? 0);
    const alsoHidden = hiddenPerDay.get(day) ?? 0;
    const fits = alsoHidden === 0 && list.length <= room;
    // A busy day has dozens of singles and room for a few: pick those, do not sort the day.
    const shown = fits ? list.sort(compare) : firstOf(list, Math.max(0, room - 1));
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
