import { createEffect, on, onCleanup, onMount } from 'solid-js';
import { Calendar, type EventApi, type EventInput, type EventSourceFuncInfo, type CalendarOptions } from 'fullcalendar';
import dayGridPlugin from 'fullcalendar/daygrid';
import timeGridPlugin from 'fullcalendar/timegrid';
import listPlugin from 'fullcalendar/list';
import multiMonthPlugin from 'fullcalendar/multimonth';
import interactionPlugin from 'fullcalendar/interaction';
import classicTheme from 'fullcalendar/themes/classic';
import zhCn from 'fullcalendar/locales/zh-cn';
import 'fullcalendar/skeleton.css';
import 'fullcalendar/themes/classic/theme.css';
import 'fullcalendar/themes/classic/palette.css';
import { VIEWS, viewNameOf, type ViewName } from './views';
import { dateToDay, dateToValue } from './date-bridge';
import type { DayDecoration } from './day-info';
import { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventStatus } from '@shared/schema/types';
import { kindLabel, statusLabel } from '../i18n';

export interface RangeSelection {
  start: string;
  end: string;
  allDay: boolean;
}

export interface EventMove {
  id: string;
  start: string;
  end: string | undefined;
  allDay: boolean;
}

export interface CalendarViewProps {
  view: ViewName;
  date: string;
  locale: 'zh' | 'en';
  editable: boolean;
  /** Current wall-clock time in the workspace zone, `YYYY-MM-DDTHH:mm`. */
  now: () => string;
  fetchEvents: (from: string, to: string, view: ViewName) => Promise<EventInput[]>;
  /** Changing this refetches the visible range. */
  revision: unknown;
  decorate: ((day: string) => DayDecoration) | null;
  onNavigate: (view: ViewName, date: string, title: string, from: string, to: string) => void;
  onSelect: (range: RangeSelection) => void;
  onEventClick: (id: string, occurrenceStart: string) => void;
  /** A crowded day's "+N" chip was clicked. */
  onMore: (day: string) => void;
  /** "张三 正在编辑" */
  editingLabel: (name: string) => string;
  /** The conflicts an event would have at a drop position (the drop stays allowed); null: none. */
  dragConflict?: (move: EventMove) => { hard: boolean; text: string } | null;
  onEventMove: (move: EventMove) => boolean;
  /**
   * Something dragged in from outside the calendar (an outline section, an unscheduled plan
   * item) was dropped on a day: its element's data attributes and the day (`YYYY-MM-DD`, or
   * `YYYY-MM-DDTHH:mm` in time grids).
   */
  onExternalDrop?: (data: DOMStringMap, start: string, allDay: boolean) => void;
  onReady?: (api: Calendar) => void;
}

/** Day number plus lunar label and holiday mark, built as DOM nodes so nothing is parsed as HTML. */
function dayTop(dayNumberText: string, day: string, decorate: CalendarViewProps['decorate'], locale: 'zh' | 'en') {
  const wrap = document.createElement('div');
  wrap.className = 'day-top';
  const num = document.createElement('span');
  num.className = 'day-num';
  num.textContent = dayNumberText.replace('日', '');
  wrap.append(num);
  const d = decorate?.(day);
  if (d) {
    const lunar = document.createElement('span');
    lunar.className = d.emphasis ? 'day-lunar em' : 'day-lunar';
    lunar.textContent = d.label;
    // Chinese on purpose (in English too), said so, with the date in words as its tooltip.
    lunar.lang = 'zh-CN';
    lunar.title = d.title[locale];
    wrap.append(lunar);
    if (d.holiday) {
      const mark = document.createElement('span');
      mark.className = `day-mark ${d.holiday.kind}`;
      mark.textContent = d.holiday.kind === 'holiday' ? '休' : '班';
      mark.lang = 'zh-CN';
      mark.title = d.holidayTitle[locale];
      wrap.prepend(mark);
    }
  }
  return { domNodes: [wrap] };
}

/** Longest a fetch may hold rendering back (see `hold` below). */
/**
 * Two of FullCalendar's ARIA structures that screen readers (and axe) reject, repaired in place:
 * the list view puts its event buttons in a role=list (a list holds list items: a group it is),
 * and the year view puts each month's title link inside its role=grid (the grid moves to the
 * rows' container, the month becomes a group labelled by its title). Preact leaves attributes it
 * did not change alone, so the repair holds until FullCalendar redraws that part.
 */
function repairAria(root: HTMLElement): void {
  for (const list of root.querySelectorAll('[role="list"]')) {
    if (list.querySelector(':scope > [role="button"]')) list.setAttribute('role', 'group');
  }
  for (const grid of root.querySelectorAll('[role="grid"][aria-labelledby]')) {
    const title = grid.querySelector(':scope > [id]');
    const body = title?.nextElementSibling;
    if (!title?.querySelector('[role="link"]') || !body) continue;
    body.setAttribute('role', 'grid');
    body.setAttribute('aria-labelledby', grid.getAttribute('aria-labelledby')!);
    grid.setAttribute('role', 'group');
  }
}

const HOLD_MS = 120;

/** FullCalendar v7 wrapped for Solid: created once, then driven by setOption and refetches. */
export function CalendarView(props: CalendarViewProps) {
  let el!: HTMLDivElement;
  let calendar: Calendar | undefined;

  /** A drag or resize ended: hand the new times over, or put the event back if they are refused. */
  // Conflict of the position being dragged over, shown on the dragged copies (see eventAllow).
  let dragClash: { hard: boolean; text: string } | null = null;
  const mirrors = new Set<HTMLElement>();
  const markMirror = (m: HTMLElement) => {
    if (dragClash) {
      m.setAttribute('data-conflict', dragClash.hard ? 'hard' : 'soft');
      m.title = dragClash.text;
    } else {
      m.removeAttribute('data-conflict');
      m.removeAttribute('title');
    }
  };

  const moved = (ev: EventApi, revert: () => void) => {
    const ok = props.onEventMove({
      id: ev.extendedProps.eventId as string,
      start: dateToValue(ev.start!, ev.allDay),
      end: ev.end ? dateToValue(ev.end, ev.allDay) : undefined,
      allDay: ev.allDay,
    });
    if (!ok) revert();
  };

  /**
   * FullCalendar renders on every change: a month switch would draw the new dates with the
   * previous fetch's events (in the weeks both months share), then again once the new ones
   * arrive. Rendering is held while fetches are in flight, so it draws once, with the events;
   * never longer than HOLD_MS (a slow read shows the new dates first, as before). The very
   * first fetch (while the calendar is constructed) is not held: the grid paints at once.
   */
  let holds = 0;
  let holdTimer: ReturnType<typeof setTimeout> | undefined;
  const hold = (): boolean => {
    if (!calendar) return false;
    if (holds++ === 0) {
      calendar.pauseRendering();
      holdTimer = setTimeout(() => calendar?.resumeRendering(), HOLD_MS);
    }
    return true;
  };
  const release = () => {
    if (--holds > 0) return;
    clearTimeout(holdTimer);
    calendar?.resumeRendering();
  };

  const source = (info: EventSourceFuncInfo, success: (inputs: EventInput[]) => void, failure: (error: Error) => void) => {
    const from = dateToDay(info.start);
    const to = dateToDay(info.end);
    const held = hold();
    // The URL's view: every view change goes through it (toolbar, "+N" chips, day links).
    props.fetchEvents(from, to, props.view).then(
      (inputs) => {
        const t0 = performance.now();
        success(inputs);
        if (held) release();
        performance.measure('cc:render', { start: t0, end: performance.now() });
        // FullCalendar has drawn them (it renders synchronously on receipt): tests and `npm run
        // bench` wait for this to equal data-range, the range on screen.
        el.dataset.eventsRange = `${from}/${to}`;
      },
      (error: Error) => {
        failure(error);
        if (held) release();
      },
    );
  };

  const options = (): CalendarOptions => ({
    plugins: [dayGridPlugin, timeGridPlugin, listPlugin, multiMonthPlugin, interactionPlugin, classicTheme],
    locales: [zhCn],
    locale: props.locale === 'zh' ? 'zh-cn' : 'en',
    firstDay: 1,
    timeZone: 'UTC',
    now: () => props.now(),
    initialView: VIEWS[props.view],
    initialDate: props.date,
    headerToolbar: false,
    height: '100%',
    // Our per-day budget decides what a cell shows (calendar/day-budget.ts); FullCalendar's own
    // overflow would hide the "+N" chip and costs time for every hidden event.
    dayMaxEvents: false,
    eventDisplay: 'block',
    // ccOrder comes from the per-day budget (calendar/day-budget.ts): kept events, then the "+N" chip.
    eventOrder: 'ccOrder,start,-duration,allDay,title',
    navLinks: true,
    navLinkDayClick: (date: Date) => props.onMore(dateToDay(date)),
    editable: props.editable,
    selectable: props.editable,
    selectMirror: true,
    eventResizableFromStart: true,
    nowIndicator: true,
    multiMonthMaxColumns: 3,
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    slotHeaderFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    scrollTime: '08:00:00',
    // The month grid fits the page (height 100%): resetting its scroll on every switch sets
    // scrollTop during the render, which forces a layout of the whole grid (the most expensive
    // single step of a switch in the profile). Week views still scroll to 08:00 on each switch.
    views: { dayGridMonth: { scrollTimeReset: false } },
    events: source,
    // What a range shows depends on the view (per-day budget), and our index caches reads:
    // let every view change ask again instead of reusing a wider, budgeted fetch.
    lazyFetching: false,
    // Presence and conflict marks as attributes: styled by CSS, never parsed as HTML.
    eventWillUnmount: (arg) => void mirrors.delete(arg.el),
    eventDragStop: () => void (dragClash = null),
    eventDidMount: (arg) => {
      // The copy under the pointer while dragging (FullCalendar's class names are hashed: known by isMirror).
      if (arg.isMirror) {
        mirrors.add(arg.el);
        markMirror(arg.el);
        return;
      }
      // For the keyboard: which event (and day) an element is, to edit, trash or move focus by keys.
      const eventId = arg.event.extendedProps.eventId as string | undefined;
      if (eventId && arg.event.start) {
        arg.el.dataset.eventId = eventId;
        arg.el.dataset.start = dateToValue(arg.event.start, arg.event.allDay);
        arg.el.dataset.day = dateToDay(arg.event.start);
      }
      const by = arg.event.extendedProps.editingBy as string | undefined;
      if (by) arg.el.setAttribute('data-editing', props.editingLabel(by));
      else arg.el.removeAttribute('data-editing');
      const clash = arg.event.extendedProps.clash as { hard: boolean; text: string; linkBroken?: boolean } | undefined;
      if (clash?.linkBroken) arg.el.setAttribute('data-link-broken', 'true');
      else arg.el.removeAttribute('data-link-broken');
      // Kind and status in words too (the tooltip, which is also the accessible description):
      // colour and line style are never the only carriers.
      const cls = arg.event.className.split(' ');
      const kind = cls.find((c) => c.startsWith('kind-'))?.slice(5) as EventKind | undefined;
      const status = cls.find((c) => c.startsWith('status-'))?.slice(7) as EventStatus | undefined;
      const what = [kind && EVENT_KINDS.includes(kind) ? kindLabel(kind) : '', status && EVENT_STATUSES.includes(status) ? statusLabel(status) : ''].filter(Boolean).join(' · ');
      const tip = what ? `${arg.event.title} · ${what}` : arg.event.title;
      if (clash) {
        arg.el.setAttribute('data-conflict', clash.hard ? 'hard' : 'soft');
        arg.el.title = `${tip}\n${clash.hard ? '×' : '!'} ${clash.text}`;
      } else {
        arg.el.removeAttribute('data-conflict');
        if (eventId) arg.el.title = tip;
      }
    },
    dayCellTopContent: (arg) => dayTop(arg.dayNumberText, dateToDay(arg.date), props.decorate, props.locale),
    eventsSet: () => requestAnimationFrame(() => repairAria(el)),
    datesSet: (arg) => {
      requestAnimationFrame(() => repairAria(el));
      el.dataset.range = `${dateToDay(arg.start)}/${dateToDay(arg.end)}`;
      const view = viewNameOf(arg.view.type);
      // The calendar's anchor date survives view switches (month → year → month stays in the same month).
      const current = dateToDay(calendar ? calendar.getDate() : arg.view.currentStart);
      props.onNavigate(view, current, arg.view.title, dateToDay(arg.start), dateToDay(arg.end));
    },
    select: (arg) => {
      calendar?.unselect();
      props.onSelect({
        start: dateToValue(arg.start, arg.allDay),
        end: dateToValue(arg.end, arg.allDay),
        allDay: arg.allDay,
      });
    },
    eventClick: (arg) => {
      arg.jsEvent.preventDefault();
      const moreDay = arg.event.extendedProps.moreDay as string | undefined;
      if (moreDay) return props.onMore(moreDay);
      const id = arg.event.extendedProps.eventId as string | undefined;
      if (id) props.onEventClick(id, dateToValue(arg.event.start!, arg.event.allDay));
    },
    eventDrop: (arg) => {
      dragClash = null;
      moved(arg.event, arg.revert);
    },
    // While dragging, the copy under the pointer turns red (or amber) where the event would
    // clash, with the reason as its tooltip: the drop itself is never refused.
    eventAllow: (drop, dragged) => {
      const check = props.dragConflict;
      if (!check || !dragged) return true;
      const start = dateToValue(drop.start, drop.allDay);
      const end = drop.end ? dateToValue(drop.end, drop.allDay) : undefined;
      const clash = check({ id: dragged.extendedProps.eventId as string, start, end, allDay: drop.allDay });
      dragClash = clash;
      requestAnimationFrame(() => {
        mirrors.forEach(markMirror);
        // The month grid drags a clone of the event's element that follows the pointer
        // outside the calendar (FullCalendar's ElementMirror, appended to the body).
        for (const m of document.querySelectorAll<HTMLElement>('.cc-event')) if (!el.contains(m)) markMirror(m);
      });
      return true;
    },
    eventResize: (arg) => moved(arg.event, arg.revert),
  });

  onMount(() => {
    calendar = new Calendar(el, options());
    calendar.render();
    props.onReady?.(calendar);
  });
  onCleanup(() => {
    clearTimeout(holdTimer);
    calendar?.resumeRendering();
    calendar?.destroy();
    calendar = undefined;
  });

  createEffect(on(() => props.revision, () => calendar?.refetchEvents(), { defer: true }));
  createEffect(
    on(
      () => [props.view, props.date] as const,
      ([view, date]) => {
        if (!calendar) return;
        if (calendar.view.type !== VIEWS[view]) calendar.changeView(VIEWS[view], date);
        else if (dateToDay(calendar.getDate()) !== date) calendar.gotoDate(date);
      },
      { defer: true },
    ),
  );
  createEffect(
    on(() => props.locale, (l) => calendar?.setOption('locale', l === 'zh' ? 'zh-cn' : 'en'), { defer: true }),
  );
  createEffect(
    on(
      () => props.editable,
      (e) => {
        calendar?.setOption('editable', e);
        calendar?.setOption('selectable', e);
      },
      { defer: true },
    ),
  );
  // Lunar labels arrive after first paint: redraw cells once they do.
  createEffect(
    on(
      () => [props.decorate, props.locale] as const,
      () => calendar?.setOption('dayCellTopContent', (arg) => dayTop(arg.dayNumberText, dateToDay(arg.date), props.decorate, props.locale)),
      { defer: true },
    ),
  );

  /** Native drops from the outline panel: the day is the cell (data-date) under the pointer. */
  const dropDay = (e: DragEvent): string | null => {
    const target = document.elementFromPoint(e.clientX, e.clientY)?.closest('[data-date]');
    const day = target?.getAttribute('data-date') ?? null;
    return day && /^\d{4}-\d{2}-\d{2}/.test(day) ? day.slice(0, 10) : null;
  };
  const isOutlineDrag = (e: DragEvent) => !!e.dataTransfer?.types.includes('application/x-cc-outline');

  return (
    <div
      class="calendar-root"
      data-testid="calendar"
      ref={el}
      onDragOver={(e) => {
        if (!props.editable || !isOutlineDrag(e) || !dropDay(e)) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(e) => {
        if (!props.editable || !isOutlineDrag(e)) return;
        const day = dropDay(e);
        if (!day) return;
        e.preventDefault();
        try {
          const data = JSON.parse(e.dataTransfer!.getData('application/x-cc-outline')) as DOMStringMap;
          props.onExternalDrop?.(data, day, true);
        } catch {
          /* not ours */
        }
      }}
    />
  );
}
