/**
 * When an event's reminders fall due, and what needs attention this week.
 *
 * Decisions (tested in test/shared/reminders):
 * - `reminders` are exact minutes before the start instant. Across a DST change
 *   a 1440-minute reminder is therefore 24 real hours before, which can be 23:00
 *   or 01:00 wall-clock the previous day rather than the same time of day; that
 *   is what a device alarm set "24 hours before" does, and what iCalendar's
 *   `TRIGGER:-PT1440M` means.
 * - An all-day event "starts", for reminders only, at 09:00 workspace time
 *   (ALL_DAY_REMINDER_TIME): a reminder at 00:00 would fire at night, and
 *   "0 minutes before" an all-day 截止日 should reach people at the start of
 *   the working day.
 * - Only occurrences that have not ended at `now` are considered: once an event
 *   is over its reminders are noise. For a series that is the next occurrence,
 *   plus any later ones whose earliest reminder is already due (a reminder lead
 *   longer than the series' period).
 * - The key `${eventId}@${occurrenceStart}@${minutes}` names one reminder of one
 *   occurrence in wall-clock terms, so it is the same on every device and across
 *   reloads, and a device can record which keys it has shown.
 */
import type { EventRecord } from '../schema/types';
import {
  addDays,
  compareDateValues,
  datePart,
  effectiveEnd,
  fromUtcMs,
  isAllDay,
  isValidDateValue,
  lastDayInclusive,
  toUtcMs,
  weekday,
} from '../time/dates';
import { expandOccurrences, needsExpansion, type Occurrence } from '../time/recurrence';

/** Wall-clock time an all-day event counts as starting at, for reminders. */
export const ALL_DAY_REMINDER_TIME = '09:00';

const MS_PER_MINUTE = 60_000;
// How far ahead to look for a series' next occurrence: over two years, so a
// yearly series (an annual 述职 deadline) is found even with one year excluded.
const SERIES_LOOKAHEAD_DAYS = 800;
const SERIES_LIMIT = 50;

export type ReminderEvent = Pick<
  EventRecord,
  'id' | 'title' | 'kind' | 'start' | 'end' | 'status' | 'phase' | 'reminders' | 'rrule' | 'exdates' | 'deletedAt'
>;

export interface DueReminder {
  /** Stable across devices: `${eventId}@${occurrenceStart}@${minutes}`. */
  key: string;
  eventId: string;
  title: string;
  /** The occurrence's start as stored (wall clock, all-day or timed). */
  occurrenceStart: string;
  minutes: number;
  /** The instant the reminder is due, epoch ms. */
  dueMs: number;
  /** The instant reminders count back from (09:00 for all-day), epoch ms. */
  startMs: number;
  /** due ≤ now. */
  due: boolean;
}

export interface ReminderClock {
  now: number;
  timezone: string;
}

export const reminderKey = (eventId: string, occurrenceStart: string, minutes: number): string =>
  `${eventId}@${occurrenceStart}@${minutes}`;

/** The instant reminders count back from: the start, or ALL_DAY_REMINDER_TIME on an all-day start. */
export function reminderBaseMs(start: string, timezone: string): number {
  return toUtcMs(isAllDay(start) ? `${start}T${ALL_DAY_REMINDER_TIME}` : start, timezone);
}

/** Live (not deleted), still open (not done or cancelled). */
export function isOpen(e: ReminderEvent): boolean {
  return e.deletedAt === undefined && e.status !== 'done' && e.status !== 'cancelled' && isValidDateValue(e.start);
}

/** Whole, non-negative minutes, ascending and without repeats, whatever was stored. */
export function cleanReminders(reminders: readonly number[] | undefined): number[] {
  if (!reminders) return [];
  const ok = reminders.filter((m) => Number.isInteger(m) && m >= 0);
  return [...new Set(ok)].sort((a, b) => a - b);
}

function occurrencesFrom(e: ReminderEvent, fromWall: string, toWall: string, timezone: string): Occurrence[] {
  if (!needsExpansion(e)) return [{ start: e.start, end: effectiveEnd(e.start, e.end) }];
  return expandOccurrences(e, fromWall, toWall, SERIES_LIMIT, timezone);
}

function remindersOf(e: ReminderEvent, occ: Occurrence, minutes: readonly number[], clock: ReminderClock): DueReminder[] {
  const startMs = reminderBaseMs(occ.start, clock.timezone);
  return minutes.map((m) => {
    const dueMs = startMs - m * MS_PER_MINUTE;
    return {
      key: reminderKey(e.id, occ.start, m),
      eventId: e.id,
      title: e.title,
      occurrenceStart: occ.start,
      minutes: m,
      dueMs,
      startMs,
      due: dueMs <= clock.now,
    };
  });
}

/** Every reminder of every open event's upcoming occurrence(s), due or not, by due instant. */
export function dueReminders(events: readonly ReminderEvent[], clock: ReminderClock): DueReminder[] {
  const out: DueReminder[] = [];
  const nowWall = fromUtcMs(clock.now, clock.timezone);
  for (const e of events) {
    if (!isOpen(e)) continue;
    const minutes = cleanReminders(e.reminders);
    if (minutes.length === 0) continue;
    const longest = minutes[minutes.length - 1];
    const toWall = addDays(nowWall, SERIES_LOOKAHEAD_DAYS + Math.ceil(longest / 1440));
    const pending = occurrencesFrom(e, nowWall, toWall, clock.timezone).filter((o) => toUtcMs(o.end, clock.timezone) > clock.now);
    pending.forEach((occ, i) => {
      const list = remindersOf(e, occ, minutes, clock);
      // The next occurrence always; later ones only once their earliest reminder is due.
      if (i === 0 || list[list.length - 1].due) out.push(...list);
    });
  }
  return out.sort((a, b) => a.dueMs - b.dueMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Default test for a deadline: an assessment, a phase key ending in "deadline", or a title with 截止. */
export function isDeadlineLike(e: ReminderEvent): boolean {
  return e.kind === 'assessment' || /deadline$/i.test(e.phase ?? '') || e.title.includes('截止');
}

export type WeekReason = 'deadline' | 'reminder';

export interface WeekItem {
  event: ReminderEvent;
  occurrenceStart: string;
  /** The day it is about: a deadline's last day, else the first day a reminder falls due this week. */
  date: string;
  reasons: WeekReason[];
  /** A deadline whose last day is before today and which is not done. */
  overdue: boolean;
}

export interface WeekOptions {
  /** `YYYY-MM-DD` in the workspace zone. */
  today: string;
  timezone: string;
  isDeadline?: (e: ReminderEvent) => boolean;
}

/** Monday of the week containing `date`, and the following Monday (exclusive end). */
export function isoWeekOf(date: string): { start: string; end: string } {
  const start = addDays(datePart(date), -((weekday(date) + 6) % 7));
  return { start, end: addDays(start, 7) };
}

/**
 * What needs attention in the Monday–Sunday week containing `today`: deadlines
 * ending in it, events with a reminder falling due in it, and every earlier
 * deadline still open (`overdue`). Overdue is about deadlines only: a past
 * meeting nobody marked done is not overdue work, and flagging it would bury
 * the deadlines. A series' past occurrences are not reported as overdue either
 * (a weekly report would list every missed week forever); its occurrences in
 * the week are.
 */
export function dueThisWeek(events: readonly ReminderEvent[], options: WeekOptions): WeekItem[] {
  const { today, timezone, isDeadline = isDeadlineLike } = options;
  if (!isValidDateValue(today)) return [];
  const week = isoWeekOf(today);
  const items = new Map<string, WeekItem>();
  const add = (e: ReminderEvent, occ: Occurrence, reason: WeekReason, date: string, overdue: boolean): void => {
    const id = `${e.id}@${occ.start}`;
    const existing = items.get(id);
    if (!existing) {
      items.set(id, { event: e, occurrenceStart: occ.start, date, reasons: [reason], overdue });
      return;
    }
    if (!existing.reasons.includes(reason)) existing.reasons.push(reason);
    if (reason === 'deadline') {
      existing.date = date; // a deadline's own day is what the item is about
      existing.overdue = overdue;
    }
  };
  const inWeek = (d: string): boolean => compareDateValues(d, week.start) >= 0 && compareDateValues(d, week.end) < 0;

  for (const e of events) {
    if (!isOpen(e)) continue;
    const minutes = cleanReminders(e.reminders);
    const lead = Math.ceil((minutes[minutes.length - 1] ?? 0) / 1440) + 1;
    const occurrences = needsExpansion(e)
      ? expandOccurrences(e, addDays(week.start, -1), addDays(week.end, lead), SERIES_LIMIT, timezone)
      : [{ start: e.start, end: effectiveEnd(e.start, e.end) }];
    const deadline = isDeadline(e);
    for (const occ of occurrences) {
      if (deadline) {
        const last = lastDayInclusive(occ.start, occ.end);
        const overdue = compareDateValues(last, today) < 0;
        if (inWeek(last) || (overdue && !e.rrule)) add(e, occ, 'deadline', last, overdue);
      }
      if (minutes.length > 0) {
        const startMs = reminderBaseMs(occ.start, timezone);
        const days = minutes
          .map((m) => fromUtcMs(startMs - m * MS_PER_MINUTE, timezone, true))
          .filter(inWeek)
          .sort();
        if (days.length > 0) add(e, occ, 'reminder', days[0], false);
      }
    }
  }
  return [...items.values()].sort(
    (a, b) => compareDateValues(a.date, b.date) || compareDateValues(a.occurrenceStart, b.occurrenceStart) || (a.event.id < b.event.id ? -1 : 1),
  );
}
