/**
 * The wall month grid: weeks from Monday, each day with its lunar label,
 * holiday / 调休 mark and every activity touching it. Nothing is ever dropped:
 * when a cell has room for fewer lines than it has activities,
 * `applyCellOverflow` keeps the first ones in the cell, ends the cell with a
 * "续见表下" line, and lists the rest under the grid in notes by day.
 *
 * - A multi-day activity appears in every in-month day it touches, marked with
 *   its position ('start' | 'middle' | 'end').
 * - Days of the neighbouring months fill the first and last weeks
 *   (`inMonth: false`) but carry no activities: the page is about this month.
 * - Within a day: all-day and multi-day activities first, then timed ones by
 *   start time, then by title.
 */
import { KIND_COLORS } from '../display/kind-colors';
import { isDeleted } from '../schema/records';
import { EVENT_KINDS, type DateValue, type EventKind, type EventRecord, type EventStatus } from '../schema/types';
import { addDays, compareDateValues, datePart, isAllDay, lastDayInclusive, monthRange, weekday } from '../time/dates';
import { holidayOn, type HolidayInfo } from '../time/holidays';
import { lunarInfo, solarTermOn } from '../time/lunar';
import { expandOccurrences } from '../time/recurrence';
import { clockText, fullDayText } from './format';
import { KIND_LABELS } from '../display/record-labels';
import type { Locale } from '../i18n/locale';

export interface GridItem {
  eventId: string;
  title: string;
  kind: EventKind;
  status: EventStatus;
  /** Print colour of the kind (KIND_COLORS). */
  color: string;
  /** '14:30' on the day a timed activity starts, '' otherwise. */
  time: string;
  allDay: boolean;
  /** Where this day sits in a multi-day activity. */
  span: 'single' | 'start' | 'middle' | 'end';
  /** The occurrence's start and exclusive end. */
  start: DateValue;
  end: DateValue;
}

export interface GridDay {
  date: string;
  /** Day of month, 1–31. */
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  inMonth: boolean;
  /** Lunar label for the cell: the month name on a lunar month's first day ('冬月'), else the day ('廿三'). */
  lunar: string;
  /** Solar term beginning that day ('冬至'), or ''. */
  solarTerm: string;
  holiday: HolidayInfo | null;
  /** '休' on a statutory holiday, '班' on a 调休 working day, else ''. */
  holidayMark: '' | '休' | '班';
  /** Every activity of the day, in display order. */
  items: GridItem[];
  /** What the cell shows: all items, or the first ones when the day overflows. */
  visible: GridItem[];
  /** How many items moved to the notes below the grid. */
  hidden: number;
  /** The cell's last line when items moved ('另有3项，续见表下'), else ''. */
  continuation: string;
}

export interface OverflowNote {
  date: string;
  /** '12月2日（周三）（十月廿四）'. */
  label: string;
  items: GridItem[];
}

export interface MonthGrid {
  month: string;
  /** Weeks Monday → Sunday. */
  weeks: GridDay[][];
  /** Days whose activities continue below the grid (empty without a line limit). */
  notes: OverflowNote[];
  /** Kinds present this month, in the app's kind order, with label and colour. */
  legend: Array<{ kind: EventKind; label: string; color: string }>;
  /** The busiest in-month day's activity count, to pick a type size before overflowing. */
  maxItemsPerDay: number;
}

export interface MonthGridOptions {
  locale?: Locale;
  /** Default true; cancelled activities are listed (renderers may strike them through). */
  includeCancelled?: boolean;
  /** Lines available per cell; when set, overflow is applied (see applyCellOverflow). */
  maxLinesPerCell?: number;
  /** The workspace zone (meta.timezone), where series kept in their own zone are shown. Default Asia/Shanghai. */
  timezone?: string;
}

function compareItems(a: GridItem, b: GridItem): number {
  const aBlock = a.allDay || a.span !== 'single' ? 0 : 1;
  const bBlock = b.allDay || b.span !== 'single' ? 0 : 1;
  return (
    aBlock - bBlock ||
    compareDateValues(a.start, b.start) ||
    a.title.localeCompare(b.title, 'zh-Hans-CN') ||
    (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)
  );
}

export function monthGrid(events: readonly EventRecord[], month: string, opts: MonthGridOptions = {}): MonthGrid {
  const locale = opts.locale ?? 'zh';
  const { start: monthStart, end: monthEnd } = monthRange(month);
  const byDay = new Map<string, GridItem[]>();
  for (const event of events) {
    if (isDeleted(event)) continue;
    if (event.status === 'cancelled' && opts.includeCancelled === false) continue;
    for (const occ of expandOccurrences(event, monthStart, monthEnd, undefined, opts.timezone)) {
      const first = datePart(occ.start);
      const last = lastDayInclusive(occ.start, occ.end);
      const allDay = isAllDay(occ.start);
      for (let day = first; compareDateValues(day, last) <= 0; day = addDays(day, 1)) {
        if (compareDateValues(day, monthStart) < 0) continue;
        if (compareDateValues(day, monthEnd) >= 0) break;
        const span = first === last ? 'single' : day === first ? 'start' : day === last ? 'end' : 'middle';
        const item: GridItem = {
          eventId: event.id,
          title: event.title,
          kind: event.kind,
          status: event.status,
          color: KIND_COLORS[event.kind] ?? KIND_COLORS.other,
          time: !allDay && day === first ? clockText(occ.start) : '',
          allDay,
          span,
          start: occ.start,
          end: occ.end,
        };
        const list = byDay.get(day);
        if (list) list.push(item);
        else byDay.set(day, [item]);
      }
    }
  }

  const weeks: GridDay[][] = [];
  let day = addDays(monthStart, -((weekday(monthStart) + 6) % 7));
  while (compareDateValues(day, monthEnd) < 0) {
    const week: GridDay[] = [];
    for (let i = 0; i < 7; i++, day = addDays(day, 1)) {
      const inMonth = compareDateValues(day, monthStart) >= 0 && compareDateValues(day, monthEnd) < 0;
      const items = inMonth ? (byDay.get(day) ?? []).sort(compareItems) : [];
      const holiday = holidayOn(day);
      week.push({
        date: day,
        day: Number(day.slice(8, 10)),
        weekday: weekday(day),
        inMonth,
        lunar: lunarInfo(day)?.label ?? '',
        solarTerm: solarTermOn(day) ?? '',
        holiday,
        holidayMark: holiday ? (holiday.kind === 'holiday' ? '休' : '班') : '',
        items,
        visible: items,
        hidden: 0,
        continuation: '',
      });
    }
    weeks.push(week);
  }

  const kinds = new Set<EventKind>();
  let maxItemsPerDay = 0;
  for (const items of byDay.values()) {
    maxItemsPerDay = Math.max(maxItemsPerDay, items.length);
    for (const item of items) kinds.add(item.kind);
  }
  const legend = EVENT_KINDS.filter((k) => kinds.has(k)).map((kind) => ({
    kind,
    label: KIND_LABELS[locale][kind],
    color: KIND_COLORS[kind],
  }));
  const grid: MonthGrid = { month, weeks, notes: [], legend, maxItemsPerDay };
  return opts.maxLinesPerCell === undefined ? grid : applyCellOverflow(grid, opts.maxLinesPerCell, locale);
}

/**
 * Fits each cell into `maxLinesPerCell` lines (at least 1): a day with more
 * activities shows the first `maxLinesPerCell − 1` and a continuation line, and
 * the others go to `notes` (by date). Returns a new grid; nothing is dropped:
 * for every day, visible + its note's items = items.
 */
export function applyCellOverflow(grid: MonthGrid, maxLinesPerCell: number, locale: Locale = 'zh'): MonthGrid {
  const lines = Math.max(1, Math.floor(maxLinesPerCell));
  const notes: OverflowNote[] = [];
  const weeks = grid.weeks.map((week) =>
    week.map((d): GridDay => {
      if (d.items.length <= lines) return { ...d, visible: d.items, hidden: 0, continuation: '' };
      const visible = d.items.slice(0, lines - 1);
      const rest = d.items.slice(lines - 1);
      notes.push({ date: d.date, label: fullDayText(d.date, locale), items: rest });
      return { ...d, visible, hidden: rest.length, continuation: continuationText(rest.length, locale) };
    }),
  );
  return { ...grid, weeks, notes };
}

export function continuationText(hidden: number, locale: Locale = 'zh'): string {
  return locale === 'en' ? `+${hidden} more, continued below` : `另有${hidden}项，续见表下`;
}
