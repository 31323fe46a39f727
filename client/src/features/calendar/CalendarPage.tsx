import { createEffect, createMemo, createSignal, For, lazy, onMount, Show } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import type { Calendar, EventInput } from 'fullcalendar';
import { sectionWithDescendants } from '@shared/schema';
import { sectionLabelPath } from '@shared/plan-text/label-path';
import { EVENT_STATUSES } from '@shared/schema/types';
import { matchesFilter } from '@shared/workspace/filters';
import { addDays, fromUtcMs, todayIn, isValidDateValue, isAllDay } from '@shared/time/dates';
import { CalendarView, type EventMove, type RangeSelection } from '../../calendar/CalendarView';
import { toEventInputs } from '../../calendar/event-inputs';
import { conflictMarks, markOf, sameMarks } from '../conflicts/conflict-text';
import { withBrokenLinks } from '../phases/link-marks';
import { limitPerDay } from '../../calendar/day-budget';
import { isViewName, type ViewName } from '../../calendar/views';
import { useWorkspace } from '../../stores/workspace-context';
import { createFilters } from '../../stores/filters';
import { locale, statusLabel, t } from '../../i18n';
import type { EditorTarget } from '../editor/EventEditor';
import { KindLegend } from './KindLegend';
import { NeedsAttention } from './NeedsAttention';
import { ExchangeMenu } from '../exchange/ExchangeMenu';
import type { draftToFields } from '../editor/draft';
import type { FromTemplateStart } from '../phases/FromTemplateDialog';
import { tp } from '../phases/messages';
import { useShortcuts } from '../keys/use-keys';
import { FirstSteps } from './FirstSteps';
import { focusedEvent, moveEventFocus } from '../keys/grid-focus';

type DayInfo = typeof import('../../calendar/day-info');

// The editor (with recurrence presets and rrule) loads on first use, not with the calendar.
const EventEditor = lazy(() => import('../editor/EventEditor'));
// The plan outline (tree, counts, drag sources) loads when the panel is first opened.
const OutlinePanel = lazy(() => import('../outline/OutlinePanel'));
const MilestonesPanel = lazy(() => import('./MilestonesPanel'));
const DueSoonPanel = lazy(() => import('./DueSoonPanel'));
const FromTemplateDialog = lazy(() => import('../phases/FromTemplateDialog'));
const OUTLINE_KEY = 'cc.outline';

const VIEW_BUTTONS: ViewName[] = ['month', 'week', 'day', 'list', 'year'];
/** How many activities a day cell shows before a "+N" chip (grid views only). */
const DAY_BUDGET: Partial<Record<ViewName, number>> = { month: 4, year: 2 };

export function CalendarPage() {
  const ws = useWorkspace();
  const [params, setParams] = useSearchParams<{ view?: string; date?: string; panel?: string }>();
  const panel = () => params.panel;
  const togglePanel = (name: string) => setParams({ panel: panel() === name ? undefined : name }, { replace: true });
  const today = () => todayIn(ws.timezone());
  const view = (): ViewName => (isViewName(params.view) ? params.view : 'month');
  const date = () => (params.date && isValidDateValue(params.date) && isAllDay(params.date) ? params.date : today());
  const { filters, setFilters, showObservances } = createFilters();
  const [title, setTitle] = createSignal('');
  const [range, setRange] = createSignal({ from: today(), to: today() });
  const [editor, setEditor] = createSignal<EditorTarget | null>(null);
  const [fromTemplate, setFromTemplate] = createSignal<FromTemplateStart | null>(null);
  const [dayInfo, setDayInfo] = createSignal<DayInfo | null>(null);
  let api: Calendar | undefined;
  const [outlineOpen, setOutlineOpen] = createSignal(localStorage.getItem(OUTLINE_KEY) === '1');
  const toggleOutline = () => {
    const next = !outlineOpen();
    setOutlineOpen(next);
    localStorage.setItem(OUTLINE_KEY, next ? '1' : '0');
  };
  /** Section the calendar is filtered to (with its subsections). */
  const [sectionFilter, setSectionFilter] = createSignal<string | null>(null);
  const sectionSet = createMemo(() => {
    const id = sectionFilter();
    return id ? sectionWithDescendants(ws.sections(), id) : null;
  });
  const sectionFilterLabel = createMemo(() => {
    const id = sectionFilter();
    if (!id) return '';
    const s = ws.sections().find((x) => x.id === id);
    return s ? `${sectionLabelPath(ws.sections(), id)} ${s.title}` : id;
  });

  // tyme4ts is large: paint the calendar first, then add lunar labels and observances.
  onMount(() => void import('../../calendar/day-info').then((m) => setDayInfo(() => m)));

  const observanceInputs = (from: string, to: string): EventInput[] => {
    const info = dayInfo();
    if (!info || !filters.observances) return [];
    // The catalogue and the workspace's own anniversaries (a school's founding, a hero's birth;
    // leap-month lunar dates included).
    const occurrences = [...info.observancesInRange(from, to, locale()), ...info.ownOccurrencesInRange(ws.ownObservances(), from, to, locale())];
    return occurrences.map((o) => ({
      id: `obs:${o.observance.id}:${o.date}`,
      title: o.label,
      start: o.date,
      allDay: true,
      editable: false,
      className: o.milestone ? 'cc-observance milestone' : 'cc-observance',
      color: o.milestone ? '#ffe7a3' : '#fff8e1',
      contrastColor: '#7a4b00',
    }));
  };

  const fetchEvents = async (from: string, to: string, inView: ViewName): Promise<EventInput[]> => {
    // Measures are read by `npm run bench` to tell storage time from expansion and rendering.
    const t0 = performance.now();
    const sections = sectionSet();
    const records = (await ws.queryEvents(from, to)).filter((e) => matchesFilter(e, filters, sections));
    const t1 = performance.now();
    let inputs = [...observanceInputs(from, to), ...(await toEventInputs(records, from, to, editingBy(), conflicts(), ws.timezone()))];
    const budget = DAY_BUDGET[inView];
    if (budget) inputs = limitPerDay(inputs, budget, (n) => t('moreCount', { n }));
    performance.measure('cc:query', { start: t0, end: t1 });
    performance.measure('cc:inputs', { start: t1, end: performance.now() });
    // First paint comes from the persisted index; load the doc once it is on screen, then
    // read the neighbouring months so prev/next are answered from memory.
    requestAnimationFrame(() =>
      setTimeout(() => {
        ws.load();
        void ws.prefetchEvents(to, addDays(to, 45)).then(() => ws.prefetchEvents(addDays(from, -45), from));
      }, 0),
    );
    return inputs;
  };

  /** Event id → the name of a colleague who has it open. */
  const editingBy = createMemo(() => new Map(ws.sync.peers().filter((p) => p.editing).map((p) => [p.editing!, p.name])));
  const canEdit = ws.canEdit;
  /** Scheduling conflicts (a speaker, team or place booked twice…), marked on the events. */
  const conflicts = createMemo(
    () => withBrokenLinks(conflictMarks(ws.conflicts()?.byId(), { teams: ws.teams(), units: ws.units(), campaigns: ws.campaigns() }), ws.brokenPhaseLinks(), (id) => {
      const r = ws.read.event(id);
      return r?.ok ? r.record.title : '';
    }),
    undefined,
    { equals: sameMarks },
  );

  // Anything that changes what the visible range shows triggers one refetch.
  const revision = createMemo(() => [
    JSON.stringify([...editingBy()]),
    ws.revision(),
    conflicts(),
    ws.ownObservances(),
    JSON.stringify(filters),
    sectionSet(),
    dayInfo() !== null,
    locale(),
  ]);

  const unpublishedYears = createMemo(() => {
    const info = dayInfo();
    if (!info) return [];
    const { from, to } = range();
    const years = new Set([Number(from.slice(0, 4)), Number(to.slice(0, 4)) - (to.slice(5) === '01-01' ? 1 : 0)]);
    return [...years].filter((y) => info.holidayDataStatus(y) === 'unpublished');
  });

  const openNew = (sel?: RangeSelection) => {
    const { from, to } = range();
    const day = today() >= from && today() < to ? today() : date();
    setEditor({ start: sel?.start ?? day, end: sel?.end });
  };

  const openExisting = (id: string, occurrenceStart?: string) => {
    const read = ws.read.event(id);
    if (read?.ok) setEditor({ record: read.record, occurrenceStart });
  };

  // Presence: colleagues see which event this user has open.
  createEffect(() => ws.sync.setEditing(editor()?.record?.id ?? null));

  /** Runs a command; on refusal the message shows in the page's notice. */
  const [notice, setNotice] = createSignal('');
  const save = (fields: ReturnType<typeof draftToFields>, existing?: { id: string }): string | null => {
    const r = existing ? ws.run('event.update', { id: existing.id, patch: fields }) : ws.run('event.create', { fields });
    if (!r.ok) return r.error.message;
    setEditor(null);
    return null;
  };

  /** A drag or resize: refused moves snap back (CalendarView reverts when this returns false). */
  const move = (m: EventMove): boolean => {
    const r = ws.run('event.move', { id: m.id, start: m.start, end: m.end });
    if (!r.ok) setNotice(r.error.message);
    return r.ok;
  };

  /** A section dragged onto a day opens the editor prefilled; a tray item becomes an event there. */
  const externalDrop = (data: DOMStringMap, start: string) => {
    if (!canEdit()) return;
    if (data.drag === 'section' && data.sectionId) {
      setEditor({ start, prefill: { title: data.title ?? '', sectionIds: [data.sectionId] } });
    } else if (data.drag === 'tray' && data.plan && data.key) {
      const r = ws.run('tray.schedule', { planId: data.plan, key: data.key, start });
      if (!r.ok) setNotice(r.error.message);
    }
  };

  const skipOccurrence = (id: string, occurrenceStart: string) => {
    const r = ws.run('event.skipOccurrence', { id, occurrenceStart });
    if (!r.ok) setNotice(r.error.message);
    setEditor(null);
  };

  // Google Calendar's keys (the table and the ? dialog are in features/keys).
  let wrap!: HTMLDivElement;
  let search!: HTMLInputElement;
  const dialogOpen = () => editor() !== null || fromTemplate() !== null;
  const selected = () => {
    const el = focusedEvent();
    return el && wrap.contains(el) ? el : null;
  };
  const go = (v: ViewName) => () => void setParams({ view: v }, { replace: true });
  useShortcuts('calendar', {
    today: () => api?.today(),
    'view-day': go('day'),
    'view-week': go('week'),
    'view-month': go('month'),
    'view-year': go('year'),
    'view-list': go('list'),
    next: (e) => {
      // On a focused event the arrows move between events (onGridKey), not between periods.
      if (e.key.startsWith('Arrow') && selected()) return false;
      api?.next();
    },
    prev: (e) => {
      if (e.key.startsWith('Arrow') && selected()) return false;
      api?.prev();
    },
    new: () => {
      if (!canEdit() || dialogOpen()) return false;
      openNew();
    },
    search: () => search.focus(),
    edit: () => {
      const el = selected();
      if (!el) return false;
      openExisting(el.dataset.eventId!, el.dataset.start);
    },
    delete: () => {
      const el = selected();
      if (!el || !canEdit()) return false;
      const r = ws.run('event.delete', { id: el.dataset.eventId! });
      if (!r.ok) setNotice(r.error.message);
    },
  });
  const onGridKey = (e: KeyboardEvent) => {
    if (!e.key.startsWith('Arrow') || e.ctrlKey || e.metaKey || e.altKey) return;
    const el = selected();
    if (el && moveEventFocus(e.key, el, wrap)) e.preventDefault();
  };

  return (
    <div class="calendar-page">
      <div class="toolbar">
        <div class="nav-group">
          <button type="button" aria-label={t('prevPeriod')} title={t('prevPeriod')} data-testid="prev-period" onClick={() => api?.prev()}>
            ‹
          </button>
          <button type="button" onClick={() => api?.today()} data-testid="today">
            {t('today')}
          </button>
          <button type="button" aria-label={t('nextPeriod')} title={t('nextPeriod')} data-testid="next-period" onClick={() => api?.next()}>
            ›
          </button>
          <h2 class="view-title" data-testid="view-title">
            {title()}
          </h2>
        </div>
        <div class="view-group" role="tablist">
          <For each={VIEW_BUTTONS}>
            {(v) => (
              <button
                type="button"
                role="tab"
                aria-selected={view() === v}
                classList={{ active: view() === v }}
                data-testid={`view-${v}`}
                onClick={() => setParams({ view: v }, { replace: true })}
              >
                {t(v)}
              </button>
            )}
          </For>
        </div>
        <button
          type="button"
          class="outline-toggle"
          data-testid="outline-toggle"
          aria-pressed={outlineOpen()}
          classList={{ active: outlineOpen() }}
          onClick={toggleOutline}
        >
          {outlineOpen() ? '⟨ ' : '⟩ '}
          {t('outline')}
        </button>
        <button
          type="button"
          class="outline-toggle"
          data-testid="due-toggle"
          aria-pressed={panel() === 'due'}
          classList={{ active: panel() === 'due' }}
          onClick={() => togglePanel('due')}
        >
          {t('dueToggle')}
        </button>
        <button
          type="button"
          class="outline-toggle"
          data-testid="milestones-toggle"
          aria-pressed={panel() === 'milestones'}
          classList={{ active: panel() === 'milestones' }}
          onClick={() => togglePanel('milestones')}
        >
          {t('milestonesToggle')}
        </button>
        <ExchangeMenu month={(params.date ?? date()).slice(0, 7)} />
        <Show when={!ws.readOnly()} fallback={<span class="badge-readonly" data-testid="read-only">{t('readOnly')}</span>}>
          <button type="button" data-testid="new-from-template" disabled={!ws.ready()} onClick={() => setFromTemplate({ date: date() })}>
            {tp('fromTemplate')}
          </button>
          <button type="button" class="primary" data-testid="new-event" disabled={!ws.ready()} onClick={() => openNew()}>
            + {t('newEvent')}
          </button>
        </Show>
      </div>
      <div class="filter-bar">
        <input
          ref={search}
          type="search"
          class="search"
          data-testid="search"
          placeholder={t('search')}
          value={filters.search}
          onInput={(e) => setFilters('search', e.currentTarget.value)}
        />
        <select
          aria-label={t('status')}
          data-testid="status-filter"
          onChange={(e) => {
            const v = e.currentTarget.value;
            for (const s of EVENT_STATUSES) setFilters('statuses', s, v === '' || v === s);
          }}
        >
          <option value="">{t('allStatuses')}</option>
          <For each={EVENT_STATUSES}>{(s) => <option value={s}>{statusLabel(s)}</option>}</For>
        </select>
        <Show when={ws.campaigns().length > 0}>
          <select aria-label={t('campaignField')} data-testid="campaign-filter" value={filters.campaignId ?? ''} onChange={(e) => setFilters('campaignId', e.currentTarget.value)}>
            <option value="">{t('allCampaigns')}</option>
            <For each={ws.campaigns()}>{(c) => <option value={c.id}>{c.title}</option>}</For>
          </select>
        </Show>
        <label class="chip toggle">
          <input
            type="checkbox"
            data-testid="observances-toggle"
            checked={filters.observances}
            onChange={(e) => showObservances(e.currentTarget.checked)}
          />
          {t('observances')}
        </label>
        <KindLegend filters={filters} setFilters={setFilters} />
        <Show when={sectionFilter()}>
          <span class="chip section-filter" data-testid="section-filter">
            {t('sectionFilter', { label: sectionFilterLabel() })}
            <button type="button" class="link-button" aria-label={t('clearSectionFilter')} onClick={() => setSectionFilter(null)}>
              ×
            </button>
          </span>
        </Show>
      </div>
      <For each={unpublishedYears()}>
        {(y) => (
          <p class="notice" data-testid="holiday-unpublished">
            {t('holidayUnpublished', { year: y })}
          </p>
        )}
      </For>
      <Show when={notice()}>
        <p class="notice error" role="alert" data-testid="calendar-notice">
          {notice()}
          <button type="button" class="icon-btn" aria-label={t('close')} onClick={() => setNotice('')}>
            ×
          </button>
        </p>
      </Show>
      <NeedsAttention />
      <FirstSteps onCreate={() => openNew()} />
      <div class="calendar-body" classList={{ 'with-outline': outlineOpen() }}>
      <Show when={outlineOpen()}>
        <OutlinePanel selected={sectionFilter()} onSelect={setSectionFilter} />
      </Show>
      <Show when={panel() === 'due'}>
        <DueSoonPanel onClose={() => togglePanel('due')} onOpen={(record, occurrenceStart) => setEditor({ record, occurrenceStart: record.rrule ? occurrenceStart : undefined })} />
      </Show>
      <Show when={panel() === 'milestones'}>
        <MilestonesPanel
          onClose={() => togglePanel('milestones')}
          onPlan={(m) => setEditor({ start: m.date, prefill: { title: m.title, kind: 'anniversary' } })}
          onPlanFromTemplate={(m) => setFromTemplate({ template: 'commemoration', title: m.title, anchorKey: 'ceremony', date: m.date })}
        />
      </Show>
      <div class="calendar-wrap" ref={wrap} onKeyDown={onGridKey}>
        <CalendarView
          view={view()}
          date={date()}
          locale={locale()}
          editable={canEdit()}
          editingLabel={(name) => t('editingBy', { name })}
          dragConflict={(move) => {
            const index = ws.conflicts();
            const read = ws.read.event(move.id);
            if (!index || !read?.ok) return null;
            const found = index.check({ ...read.record, start: move.start, end: move.end });
            return found.length ? markOf(found, { teams: ws.teams(), units: ws.units(), campaigns: ws.campaigns() }) : null;
          }}
          now={() => fromUtcMs(Date.now(), ws.timezone(), false)}
          fetchEvents={fetchEvents}
          revision={revision()}
          decorate={dayInfo()?.decorate ?? null}
          onReady={(c) => (api = c)}
          onNavigate={(v, d, viewTitle, from, to) => {
            setTitle(viewTitle);
            setRange({ from, to });
            if (v !== view() || d !== params.date) setParams({ view: v, date: d }, { replace: true });
          }}
          onSelect={(sel) => canEdit() && openNew(sel)}
          onEventClick={(id, occ) => openExisting(id, occ)}
          onMore={(day) => setParams({ view: 'day', date: day })}
          onEventMove={move}
          onExternalDrop={externalDrop}
        />
      </div>
      </div>
      <Show when={fromTemplate()} keyed>
        {(start) => (
          <FromTemplateDialog
            start={start}
            onClose={() => setFromTemplate(null)}
            onCreated={(mainId) => {
              setFromTemplate(null);
              openExisting(mainId);
            }}
          />
        )}
      </Show>
      <Show when={editor()} keyed>
        {(target) => (
          <EventEditor
            target={target}
            readOnly={!canEdit()}
            editingBy={target.record ? editingBy().get(target.record.id) : undefined}
            onRestored={(id) => openExisting(id)}
            onOpenEvent={(id) => openExisting(id)}
            onSave={save}
            onDelete={(id) => {
              const r = ws.run('event.delete', { id });
              if (!r.ok) setNotice(r.error.message);
              setEditor(null);
            }}
            onSkipOccurrence={skipOccurrence}
            onClose={() => setEditor(null)}
          />
        )}
      </Show>
    </div>
  );
}
