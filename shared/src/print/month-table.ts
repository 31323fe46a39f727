/**
 * Rows of the month's activity table (…月活动安排表), as offices circulate it:
 * 序号 | 时间 | 活动内容 | 地点 | 牵头单位 | 参加对象 | 备注.
 *
 * Pure data: the app's print page, the .xlsx and the .docx export all render
 * these rows, so they always agree.
 *
 * - Every occurrence of a recurring event inside the month is a row
 *   (expandOccurrences, so EXDATEs are honoured); events that started in the
 *   previous month and are still running are included; deleted events and
 *   occurrences wholly outside the month are left out.
 * - Order: by start; on the same start, all-day before timed (an all-day event
 *   sorts as 00:00 of its day and wins the tie), then the longer one first,
 *   then by title and id so the order is stable. An event running in from the
 *   previous month starts earliest and so comes first.
 * - 时间: '12月2日（周三）（十月廿四）' for an all-day day, '…14:30' for a timed
 *   event ('14:30—16:00' when it has an explicit end on the same day),
 *   '12月2日—12月5日' for a multi-day event; the year is added when it differs
 *   from the month's ('12月30日—2027年1月2日').
 * - 备注: the linked plan sections' label paths, joined with '；'; a cancelled
 *   event (kept unless `includeCancelled: false`) is marked 【已取消】.
 */
import { isDeleted } from '../schema/records';
import type { DateValue, EventKind, EventRecord, EventStatus } from '../schema/types';
import {
  compareDateValues,
  datePart,
  isAllDay,
  lastDayInclusive,
  monthRange,
  toMinuteNumber,
} from '../time/dates';
import { expandOccurrences } from '../time/recurrence';
import { clockText, dayText, fullDayText } from './format';
import { STATUS_LABELS } from '../display/record-labels';
import type { Locale } from '../i18n/locale';

export interface MonthTableOptions {
  /** Label path of a plan section ('一、(一) 1、'), or undefined for an unknown id. */
  sectionPath: (id: string) => string | undefined;
  locale?: Locale;
  /** Keep cancelled activities (marked in 备注). Default true. */
  includeCancelled?: boolean;
  /** The workspace zone (meta.timezone), where series kept in their own zone are shown. Default Asia/Shanghai. */
  timezone?: string;
}

export type MonthTableColumnKey = 'seq' | 'time' | 'title' | 'location' | 'leadUnit' | 'participants' | 'remarks';

export interface MonthTableColumn {
  key: MonthTableColumnKey;
  zh: string;
  en: string;
  /** Relative width for A4 landscape (sums to 100). */
  width: number;
}

export const MONTH_TABLE_COLUMNS: readonly MonthTableColumn[] = [
  { key: 'seq', zh: '序号', en: 'No.', width: 5 },
  { key: 'time', zh: '时间', en: 'Time', width: 19 },
  { key: 'title', zh: '活动内容', en: 'Activity', width: 28 },
  { key: 'location', zh: '地点', en: 'Place', width: 13 },
  { key: 'leadUnit', zh: '牵头单位', en: 'Lead unit', width: 12 },
  { key: 'participants', zh: '参加对象', en: 'Participants', width: 12 },
  { key: 'remarks', zh: '备注', en: 'Remarks', width: 11 },
];

export interface MonthTableRow {
  /** 序号, from 1. */
  seq: number;
  /** 时间 column text. */
  time: string;
  /** 活动内容. */
  title: string;
  location: string;
  leadUnit: string;
  participants: string;
  /** 备注: section label paths (and the cancelled mark). */
  remarks: string;

  eventId: string;
  /** This occurrence's start and (exclusive) end. */
  start: DateValue;
  end: DateValue;
  allDay: boolean;
  /** Touches more than one calendar day. */
  multiDay: boolean;
  /** One occurrence of a recurring event. */
  recurring: boolean;
  kind: EventKind;
  status: EventStatus;
  sectionPaths: string[];
}

/** The title line: '市直机关工委宣传部 2026年12月活动安排表'. */
export function monthTableTitle(workspaceName: string, month: string, locale: Locale = 'zh'): string {
  const { start } = monthRange(month);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  const name = workspaceName.trim();
  if (locale === 'en') return `${name ? `${name} — ` : ''}Activities, ${dayText(start, 'en').split(' ')[1]} ${y}`;
  return `${name ? `${name} ` : ''}${y}年${m}月活动安排表`;
}

/** The cells of a row in MONTH_TABLE_COLUMNS order, as text. */
export function monthTableCells(row: MonthTableRow): string[] {
  return MONTH_TABLE_COLUMNS.map((c) => (c.key === 'seq' ? String(row.seq) : row[c.key]));
}

export function monthTableHeader(locale: Locale = 'zh'): string[] {
  return MONTH_TABLE_COLUMNS.map((c) => c[locale]);
}

function timeText(
  start: DateValue,
  end: DateValue,
  explicitEnd: boolean,
  locale: Locale,
  year: number,
): { text: string; multiDay: boolean } {
  const allDay = isAllDay(start);
  const lastDay = lastDayInclusive(start, end);
  const multiDay = compareDateValues(lastDay, datePart(start)) > 0;
  const dash = locale === 'en' ? ' – ' : '—';
  if (multiDay) {
    const from = dayText(start, locale, year);
    const to = dayText(lastDay, locale, year);
    if (allDay) return { text: `${from}${dash}${to}`, multiDay };
    const endClock = clockText(end);
    return { text: `${from} ${clockText(start)}${dash}${dayText(datePart(end), locale, year)} ${endClock}`, multiDay };
  }
  const day = fullDayText(start, locale, year);
  if (allDay) return { text: day, multiDay };
  const range = explicitEnd ? `${clockText(start)}${locale === 'en' ? '–' : '—'}${clockText(end)}` : clockText(start);
  return { text: `${day}${locale === 'en' ? ' ' : ''}${range}`, multiDay };
}

/** All rows of the month's table, numbered and in print order. */
export function monthTableRows(events: readonly EventRecord[], month: string, opts: MonthTableOptions): MonthTableRow[] {
  const locale = opts.locale ?? 'zh';
  const { start: monthStart, end: monthEnd } = monthRange(month);
  const year = Number(monthStart.slice(0, 4));
  const rows: MonthTableRow[] = [];
  for (const event of events) {
    if (isDeleted(event)) continue;
    if (event.status === 'cancelled' && opts.includeCancelled === false) continue;
    const occurrences = expandOccurrences(event, monthStart, monthEnd, undefined, opts.timezone);
    if (occurrences.length === 0) continue;
    const sectionPaths = (event.sectionIds ?? []).map((id) => opts.sectionPath(id)).filter((p): p is string => !!p);
    const cancelled = event.status === 'cancelled' ? `【${STATUS_LABELS[locale].cancelled}】` : '';
    const remarks = cancelled + sectionPaths.join('；');
    for (const occ of occurrences) {
      const { text, multiDay } = timeText(occ.start, occ.end, event.end !== undefined, locale, year);
      rows.push({
        seq: 0,
        time: text,
        title: event.title,
        location: event.location ?? '',
        leadUnit: event.leadUnit ?? '',
        participants: event.participants ?? '',
        remarks,
        eventId: event.id,
        start: occ.start,
        end: occ.end,
        allDay: isAllDay(occ.start),
        multiDay,
        recurring: !!event.rrule,
        kind: event.kind,
        status: event.status,
        sectionPaths,
      });
    }
  }
  rows.sort(compareRows);
  rows.forEach((r, i) => (r.seq = i + 1));
  return rows;
}

export function compareRows(a: MonthTableRow, b: MonthTableRow): number {
  return (
    toMinuteNumber(a.start) - toMinuteNumber(b.start) ||
    Number(!a.allDay) - Number(!b.allDay) ||
    toMinuteNumber(b.end) - toMinuteNumber(a.end) ||
    a.title.localeCompare(b.title, 'zh-Hans-CN') ||
    (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)
  );
}
