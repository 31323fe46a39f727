/**
 * Rows of a lecture team's year schedule (…宣讲安排表), as host units are sent it:
 * 序号 | 时间 | 承办单位/地点 | 宣讲人 | 题目 | 参加对象 | 联系人.
 *
 * Pure data: the print page and the .xlsx export both render these rows, so they agree.
 *
 * - The team's sessions are its live, not cancelled events (tours/session's isActiveEvent: the
 *   same ones coverage counts). A series is a row per occurrence starting in the year, with
 *   EXDATEs honoured; like coverage, a session starting on 31 December belongs to that year
 *   only, so the schedule's rows and the team's planned count agree. Unlike coverage, a session
 *   without a host unit is still listed (by its location): the schedule is where it shows.
 * - Order: by start; on the same start, all-day first, then the longer one, then title and id.
 * - 时间: '5月12日（周二）\n09:00—10:30' (the day and the clock on lines of their own: the
 *   column is too narrow for both, and a break anywhere else splits a time); only the start
 *   clock when the session has no explicit end (the implied hour is not a fact worth
 *   printing); '5月12日（周二）—\n5月14日（周四）' for several days; the year is added to a day
 *   in another year. English alike: 'Tue 12 May\n09:00–10:30'.
 * - 承办单位/地点: the unit's name, then on a second line the session's own location (it says
 *   where in the unit, or where away from it), else the unit's address.
 * - 联系人: the session's contact, else the unit's.
 */
import type { DateValue, EventRecord, EventStatus, UnitRecord } from '../schema/types';
import { compareDateValues, datePart, isAllDay, lastDayInclusive, toMinuteNumber } from '../time/dates';
import { expandOccurrences } from '../time/recurrence';
import { isActiveEvent, speakerNames } from '../tours/session';
import type { Locale } from '../i18n/locale';
import { clockText, dayText, weekdayText } from './format';

/** What a row needs of a host unit. Deleted units may be passed: their name still tells where a session was. */
export type TourTableUnit = Pick<UnitRecord, 'id' | 'name'> & Partial<Pick<UnitRecord, 'address' | 'contact'>>;

export interface TourTableInput {
  events: readonly EventRecord[];
  teamId: string;
  units: readonly TourTableUnit[];
  year: number;
  locale?: Locale;
  /** The workspace zone (meta.timezone), where series kept in their own zone are shown. Default Asia/Shanghai. */
  timezone?: string;
}

export type TourTableColumnKey = 'seq' | 'time' | 'host' | 'speakers' | 'title' | 'participants' | 'contact';

export interface TourTableColumn {
  key: TourTableColumnKey;
  zh: string;
  en: string;
  /** Relative width for A4 landscape (sums to 100). */
  width: number;
}

export const TOUR_TABLE_COLUMNS: readonly TourTableColumn[] = [
  { key: 'seq', zh: '序号', en: 'No.', width: 4 },
  { key: 'time', zh: '时间', en: 'Time', width: 15 },
  { key: 'host', zh: '承办单位/地点', en: 'Host unit / place', width: 21 },
  { key: 'speakers', zh: '宣讲人', en: 'Speakers', width: 10 },
  { key: 'title', zh: '题目', en: 'Topic', width: 23 },
  { key: 'participants', zh: '参加对象', en: 'Participants', width: 12 },
  { key: 'contact', zh: '联系人', en: 'Contact', width: 15 },
];

export interface TourTableRow {
  /** 序号, from 1. */
  seq: number;
  time: string;
  /** 承办单位/地点 as one cell: `hostName` and `hostPlace` on two lines (either may be empty). */
  host: string;
  hostName: string;
  hostPlace: string;
  speakers: string;
  title: string;
  participants: string;
  contact: string;

  eventId: string;
  /** This occurrence's start and (exclusive) end. */
  start: DateValue;
  end: DateValue;
  allDay: boolean;
  multiDay: boolean;
  /** One occurrence of a recurring event. */
  recurring: boolean;
  status: EventStatus;
  unitId?: string;
}

/** The title line: '市委宣讲团第一分团宣讲安排表（2026年）'. */
export function tourTableTitle(teamName: string, year: number, locale: Locale = 'zh'): string {
  const name = teamName.trim();
  if (locale === 'en') return `${name ? `${name} — ` : ''}Lecture schedule ${year}`;
  return `${name}宣讲安排表（${year}年）`;
}

export function tourTableHeader(locale: Locale = 'zh'): string[] {
  return TOUR_TABLE_COLUMNS.map((c) => c[locale]);
}

/** The cells of a row in TOUR_TABLE_COLUMNS order, as text. */
export function tourTableCells(row: TourTableRow): string[] {
  return TOUR_TABLE_COLUMNS.map((c) => (c.key === 'seq' ? String(row.seq) : row[c.key]));
}

/** '5月12日（周二）' / 'Tue 12 May'; the year only when it is not the schedule's. */
function dayWithWeekday(date: string, locale: Locale, year: number): string {
  const day = dayText(date, locale, year);
  return locale === 'en' ? `${weekdayText(date, 'en')} ${day}` : `${day}（${weekdayText(date)}）`;
}

function timeText(start: DateValue, end: DateValue, explicitEnd: boolean, locale: Locale, year: number): { text: string; multiDay: boolean } {
  const allDay = isAllDay(start);
  const lastDay = lastDayInclusive(start, end);
  const multiDay = compareDateValues(lastDay, datePart(start)) > 0;
  const en = locale === 'en';
  const dash = en ? ' –\n' : '—\n';
  const from = dayWithWeekday(start, locale, year);
  const sep = en ? ' ' : '';
  if (multiDay) {
    if (allDay) return { text: `${from}${dash}${dayWithWeekday(lastDay, locale, year)}`, multiDay };
    return { text: `${from}${sep}${clockText(start)}${dash}${dayWithWeekday(datePart(end), locale, year)}${sep}${clockText(end)}`, multiDay };
  }
  if (allDay) return { text: from, multiDay };
  const range = explicitEnd ? `${clockText(start)}${en ? '–' : '—'}${clockText(end)}` : clockText(start);
  return { text: `${from}\n${range}`, multiDay };
}

/** All rows of the team's schedule for the year, numbered and in print order. */
export function tourTableRows(input: TourTableInput): TourTableRow[] {
  const locale = input.locale ?? 'zh';
  const { year } = input;
  const from = `${String(year).padStart(4, '0')}-01-01`;
  const to = `${String(year + 1).padStart(4, '0')}-01-01`;
  const units = new Map(input.units.map((u) => [u.id, u]));
  const rows: TourTableRow[] = [];
  for (const event of input.events) {
    if (event.teamId !== input.teamId || !isActiveEvent(event)) continue;
    // expandOccurrences gives overlaps; one running in from December belongs to last year's table.
    // The limit is coverage's, so both count the same occurrences.
    const occurrences = expandOccurrences(event, from, to, 100_000, input.timezone).filter((o) => o.start >= from);
    if (occurrences.length === 0) continue;
    const unit = event.hostUnitId ? units.get(event.hostUnitId) : undefined;
    const hostName = unit?.name.trim() ?? '';
    const place = event.location?.trim() || unit?.address?.trim() || '';
    const hostPlace = place === hostName ? '' : place;
    const speakers = speakerNames(event).join(locale === 'en' ? ', ' : '、');
    const contact = event.contact?.trim() || unit?.contact?.trim() || '';
    for (const occ of occurrences) {
      const { text, multiDay } = timeText(occ.start, occ.end, event.end !== undefined, locale, year);
      rows.push({
        seq: 0,
        time: text,
        host: [hostName, hostPlace].filter(Boolean).join('\n'),
        hostName,
        hostPlace,
        speakers,
        title: event.title,
        participants: event.participants?.trim() ?? '',
        contact,
        eventId: event.id,
        start: occ.start,
        end: occ.end,
        allDay: isAllDay(occ.start),
        multiDay,
        recurring: !!event.rrule,
        status: event.status,
        ...(event.hostUnitId ? { unitId: event.hostUnitId } : {}),
      });
    }
  }
  rows.sort(compareTourRows);
  rows.forEach((r, i) => (r.seq = i + 1));
  return rows;
}

export function compareTourRows(a: TourTableRow, b: TourTableRow): number {
  return (
    toMinuteNumber(a.start) - toMinuteNumber(b.start) ||
    Number(!a.allDay) - Number(!b.allDay) ||
    toMinuteNumber(b.end) - toMinuteNumber(a.end) ||
    a.title.localeCompare(b.title, 'zh-Hans-CN') ||
    (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)
  );
}
