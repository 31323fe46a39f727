/**
 * The month grid's days for the keyboard and screen readers: where an arrow, Home / End or
 * PageUp / PageDown leads from a day, and what a day cell and an event are called aloud.
 * Days are `YYYY-MM-DD`; weeks start on Monday (the calendar's firstDay).
 */
import { addDays } from '@shared/time/dates';
import { localeTag, type Locale } from '@shared/i18n';

export type DayMove = 'left' | 'right' | 'up' | 'down' | 'week-start' | 'week-end' | 'prev-month' | 'next-month';

/** The move a key asks for on a focused day, or null. */
export function dayMoveOf(key: string): DayMove | null {
  const moves: Record<string, DayMove> = {
    ArrowLeft: 'left',
    ArrowRight: 'right',
    ArrowUp: 'up',
    ArrowDown: 'down',
    Home: 'week-start',
    End: 'week-end',
    PageUp: 'prev-month',
    PageDown: 'next-month',
  };
  return moves[key] ?? null;
}

const utc = (day: string) => new Date(`${day}T00:00:00Z`);
/** 0 = Monday … 6 = Sunday. */
const weekdayOf = (day: string) => (utc(day).getUTCDay() + 6) % 7;
const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The same day of the month `n` months on, kept inside shorter months (31 Jan → 28 Feb). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

export function dayAfterMove(day: string, move: DayMove): string {
  switch (move) {
    case 'left':
      return addDays(day, -1);
    case 'right':
      return addDays(day, 1);
    case 'up':
      return addDays(day, -7);
    case 'down':
      return addDays(day, 7);
    case 'week-start':
      return addDays(day, -weekdayOf(day));
    case 'week-end':
      return addDays(day, 6 - weekdayOf(day));
    case 'prev-month':
      return addMonths(day, -1);
    case 'next-month':
      return addMonths(day, 1);
  }
}

/** "12月3日 星期四" / "Thursday, 3 December". */
export function dayInWords(day: string, locale: Locale): string {
  const d = utc(day);
  const weekday = new Intl.DateTimeFormat(localeTag(locale), { weekday: 'long', timeZone: 'UTC' }).format(d);
  if (locale === 'zh') return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${weekday}`;
  const month = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(d);
  return `${weekday}, ${d.getUTCDate()} ${month}`;
}

/** "12月3日" / "3 December": a date within an event's time span. */
export function shortDay(day: string, locale: Locale): string {
  const d = utc(day);
  if (locale === 'zh') return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  return `${d.getUTCDate()} ${new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(d)}`;
}

/** The parts of a name joined as the language punctuates a spoken list. */
export const joinParts = (parts: readonly string[], locale: Locale): string => parts.filter(Boolean).join(locale === 'zh' ? '，' : ', ');

/**
 * How many activities each day of `[from, to)` has, from the calendar's inputs: an event counts
 * on every day it covers, a "+N" chip adds the N it stands for; observances are not activities.
 */
export function activitiesPerDay(
  events: readonly { start: string; end: string | null; allDay: boolean; eventId?: string; hidden?: number }[],
): Map<string, number> {
  const out = new Map<string, number>();
  const add = (day: string, n: number) => out.set(day, (out.get(day) ?? 0) + n);
  for (const e of events) {
    const first = e.start.slice(0, 10);
    if (e.hidden) {
      add(first, e.hidden);
      continue;
    }
    if (!e.eventId) continue;
    // Exclusive end: an all-day end day, or a timed end at midnight, is not covered.
    let last = first;
    if (e.end) {
      const endDay = e.end.slice(0, 10);
      last = e.allDay || e.end.slice(11, 16) === '00:00' ? addDays(endDay, -1) : endDay;
      if (last < first) last = first;
    }
    for (let d = first, guard = 0; d <= last && guard < 400; d = addDays(d, 1), guard++) add(d, 1);
  }
  return out;
}
