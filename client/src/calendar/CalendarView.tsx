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
import { kindLabel, statusLabel, t } from '../i18n';
import { addDays } from '@shared/time/dates';
import { SHORTCUTS, type ShortcutAction } from '../features/keys/shortcuts';
import { activitiesPerDay, dayAfterMove, dayInWords, dayMoveOf, joinParts, shortDay } from './day-grid';
import './day-grid.css';

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

/** Keys on a focused day of the month grid (the `?` dialog lists the same table). */
const GRID_KEYS = SHORTCUTS.filter((s) => s.scope === 'month-grid');
const gridActionOf = (key: string): ShortcutAction | undefined => GRID_KEYS.find((s) => s.keys.includes(key))?.action;

/** What the live region says when the period (or the view) changes: "月视图，2026年10月". */
function viewInWords(view: ViewName, locale: 'zh' | 'en'): string {
  return SHORTCUTS.find((s) => s.action === `view-${view}`)?.[locale] ?? view;
}

/** An event's time in words: 全天 / All day, 10:00–11:00, or its first and last day. */
function eventTime(ev: EventApi, locale: 'zh' | 'en'): string {
  const start = ev.start!;
  const first = dateToDay(start);
  if (ev.allDay) {
    const last = ev.end ? addDays(dateToDay(ev.end), -1) : first;
    return last > first ? `${shortDay(first, locale)}–${shortDay(last, locale)}` : t('allDay');
  }
  const hm = (d: Date) => dateToValue(d, false).slice(11);
  if (!ev.end) return hm(start);
  const endDay = dateToDay(ev.end);
  return endDay === first ? `${hm(start)}–${hm(ev.end)}` : `${shortDay(first, locale)} ${hm(start)}–${shortDay(endDay, locale)} ${hm(ev.end)}`;
}

/** FullCalendar v7 wrapped for Solid: created once, then driven by setOption and refetches. */
export function CalendarView(props: CalendarViewProps) {
  let el!: HTMLDivElement;
  let live!: HTMLDivElement;
  let calendar: Calendar | undefined;

  /*
   * The month grid's days by keyboard: one day cell is in the tab order (a roving tabindex:
   * today's, or the first of the month), arrows, Home / End and PageUp / PageDown move it, and a
   * move past the grid turns the month and focuses the day once it is drawn. Each cell is named
   * in words ("12月3日 星期四，3 项活动"), today's marked aria-current="date". FullCalendar
   * redraws cells at will: a MutationObserver re-applies all of it after each redraw (Preact
   * leaves attributes it did not change alone, and our writes are no-ops the second time).
   */
  let rovingDay: string | null = null;
  /** A day to focus once the grid shows it (after a month change), until the deadline. */
  let pending: { day: string; until: number } | null = null;
  const isMonth = () => calendar?.view.type === VIEWS.month;
  const cellOf = (day: string) => el.querySelector<HTMLElement>(`[role="gridcell"][data-date="${day}"]`);
  const setAttr = (node: Element, name: string, value: string | null) => {
    if (value === null) {
      if (node.hasAttribute(name)) node.removeAttribute(name);
    } else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  };
  /** Today if the month on screen has it, else its first day. */
  const defaultDay = (view: { currentStart: Date; currentEnd: Date } = calendar!.view): string => {
    const from = dateToDay(view.currentStart);
    const to = dateToDay(view.currentEnd);
    const today = props.now().slice(0, 10);
    return today >= from && today < to ? today : from;
  };
  /** t / j / k were pressed on a focused day: focus follows to the new month's day. */
  let followUntil = 0;
  const syncDays = () => {
    if (!calendar || !isMonth()) return;
    const cells = el.querySelectorAll<HTMLElement>('[role="gridcell"][data-date]');
    if (cells.length === 0) return;
    if (pending && Date.now() > pending.until) pending = null;
    if (pending) rovingDay = pending.day;
    if (!rovingDay || !cellOf(rovingDay)) rovingDay = defaultDay();
    const counts = activitiesPerDay(
      calendar.getEvents().map((ev) => ({
        start: dateToValue(ev.start!, ev.allDay),
        end: ev.end ? dateToValue(ev.end, ev.allDay) : null,
        allDay: ev.allDay,
        eventId: ev.extendedProps.eventId as string | undefined,
        hidden: ev.extendedProps.hidden as number | undefined,
      })),
    );
    const today = props.now().slice(0, 10);
    const locale = props.locale;
    for (const cell of cells) {
      const day = cell.dataset.date!.slice(0, 10);
      setAttr(cell, 'tabindex', day === rovingDay ? '0' : '-1');
      setAttr(cell, 'aria-current', day === today ? 'date' : null);
      const n = counts.get(day) ?? 0;
      const holiday = props.decorate?.(day)?.holidayTitle[locale] ?? '';
      const count = n === 0 ? t('dayNoActivities') : n === 1 ? t('dayOneActivity') : t('dayActivities', { n });
      setAttr(cell, 'aria-label', joinParts([dayInWords(day, locale), holiday, count], locale));
      // The day number's link (to the day view) leaves the tab order to the cell: `d` opens it.
      for (const link of cell.querySelectorAll('[role="link"]')) setAttr(link, 'tabindex', '-1');
    }
    const target = pending && cellOf(pending.day);
    if (target && document.activeElement !== target) {
      const active = document.activeElement;
      // Only while focus is lost (its cell redrawn away) or still in the grid, never taken back from elsewhere.
      if (!active || active === document.body || el.contains(active)) target.focus();
    }
  };
  let syncQueued = false;
  const queueSync = () => {
    if (syncQueued) return;
    syncQueued = true;
    requestAnimationFrame(() => {
      syncQueued = false;
      syncDays();
    });
  };

  const goToDay = (day: string, turnMonth: boolean) => {
    const cell = cellOf(day);
    rovingDay = day;
    if (cell && !turnMonth) {
      pending = null;
      syncDays();
      cell.focus();
      return;
    }
    pending = { day, until: Date.now() + 3000 };
    calendar!.gotoDate(day);
    queueSync();
  };

  const onGridKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !calendar || !isMonth()) return;
    const target = e.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[role="gridcell"][data-date]');
    if (!cell || !el.contains(cell)) return;
    const day = cell.dataset.date!.slice(0, 10);
    const action = gridActionOf(e.key);
    if (target !== cell) {
      // On one of the day's events: Esc goes back to the day (the arrows stay the events').
      if (action === 'grid-back-to-day' && target.closest('[data-event-id], .cc-event')) {
        e.preventDefault();
        goToDay(day, false);
      }
      return;
    }
    // A key on the day itself: whatever was awaited is reached or given up.
    pending = null;
    const move = dayMoveOf(e.key);
    if (move && (action === 'grid-day' || action === 'grid-week' || action === 'grid-week-ends' || action === 'grid-month')) {
      e.preventDefault();
      goToDay(dayAfterMove(day, move), action === 'grid-month');
    } else if (action === 'grid-new' && props.editable) {
      e.preventDefault();
      // As a click on the day does (FullCalendar's select of that one day).
      props.onSelect({ start: day, end: addDays(day, 1), allDay: true });
    } else if (action === 'grid-open-day') {
      e.preventDefault();
      props.onMore(day);
    } else {
      // The calendar's own period keys (handled by the page) leave focus on a day of the new month.
      const period = SHORTCUTS.find((s) => s.scope === 'calendar' && s.keys.includes(e.key))?.action;
      if (period === 'today' || period === 'next' || period === 'prev') followUntil = Date.now() + 3000;
    }
  };
  const onGridFocus = (e: FocusEvent) => {
    if (!isMonth()) return;
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[role="gridcell"][data-date]');
    // Focus anywhere but the awaited day (an event of it included) ends the wait for it.
    if (pending && e.target !== cellOf(pending.day)) pending = null;
    // Focus on a day or one of its events makes that day the one in the tab order.
    if (cell && el.contains(cell) && !pending) {
      const day = cell.dataset.date!.slice(0, 10);
      if (day !== rovingDay) {
        rovingDay = day;
        queueSync();
      }
    }
  };

  /** The period on screen, said politely when it changes (t / j / k, the arrows, a view switch). */
  let lastView: ViewName | null = null;
  const announce = (view: ViewName, title: string) => {
    const first = lastView === null;
    const text = lastView !== view ? joinParts([viewInWords(view, props.locale), title], props.locale) : title;
    lastView = view;
    if (!first && live) live.textContent = text;
  };

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
      // The accessible name: title, time, kind and status, who is editing it, and its conflicts in words.
      if (eventId) {
        arg.el.setAttribute(
          'aria-label',
          joinParts(
            [
              arg.event.title,
              eventTime(arg.event, props.locale),
              kind && EVENT_KINDS.includes(kind) ? kindLabel(kind) : '',
              status && EVENT_STATUSES.includes(status) ? statusLabel(status) : '',
              by ? props.editingLabel(by) : '',
              clash ? t(clash.hard ? 'eventConflictHard' : 'eventConflictSoft', { text: clash.text }) : '',
            ],
            props.locale,
          ),
        );
      } else if (arg.event.className.split(' ').includes('cc-observance')) {
        arg.el.setAttribute('aria-label', joinParts([arg.event.title, t('observances')], props.locale));
      }
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
      announce(view, arg.view.title);
      // A new month: its default day takes the tab order, unless a key move is on its way there.
      if (pending && Date.now() > pending.until) pending = null;
      if (!pending && rovingDay && (rovingDay < dateToDay(arg.view.currentStart) || rovingDay >= dateToDay(arg.view.currentEnd))) rovingDay = null;
      if (!pending && followUntil > Date.now() && arg.view.type === VIEWS.month) pending = { day: defaultDay(arg.view), until: Date.now() + 3000 };
      followUntil = 0;
      queueSync();
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
    el.addEventListener('keydown', onGridKey);
    el.addEventListener('focusin', onGridFocus);
    el.addEventListener('pointerdown', () => void (pending = null));
    const observer = new MutationObserver(queueSync);
    observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label', 'tabindex', 'data-date'] });
    onCleanup(() => observer.disconnect());
    queueSync();
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
    <>
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
    <div class="cc-live" role="status" aria-live="polite" aria-atomic="true" data-testid="calendar-live" ref={live} />
    </>
  );
}
