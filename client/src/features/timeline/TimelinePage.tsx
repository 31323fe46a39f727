/**
 * `/w/<id>/timeline?zoom=year|quarter|month&date=YYYY-MM-DD&groupBy=…`: the year's
 * campaigns and activities on one chart, grouped by plan section (default), campaign,
 * lecture team, kind or lead unit. Drags become commands (event.move, campaign.move,
 * event.update to link an activity to a campaign); a drag across empty space opens a new
 * campaign. The document is the only store: the chart re-derives from it on every change.
 */
import { createEffect, createMemo, createSignal, For, lazy, onMount, Show } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import type { CampaignFields, EventRecord } from '@shared/schema/types';
import {
  axisFor,
  buildRows,
  campaignItems,
  createScale,
  eventItems,
  GROUP_BYS,
  moveRange,
  phaseName,
  rangeBetweenDays,
  resizeEnd,
  resizeStart,
  shadedDays,
  stepWindow,
  windowFor,
  ZOOMS,
  type GroupBy,
  type TimelineItem,
  type TimelineRow,
  type Zoom,
} from '@shared/timeline';
import { observancesInRange } from '@shared/time/observances';
import { isValidDateValue, todayIn } from '@shared/time/dates';
import { kindLabel, locale } from '../../i18n';
import { ALL_DATES as EVER, useWorkspace } from '../../stores/workspace-context';
import { Dialog } from '../../ui/Dialog';
import type { EditorTarget } from '../editor/EventEditor';
import { CampaignEditor, type CampaignTarget } from './CampaignEditor';
import { TimelineChart, type DragKind } from './TimelineChart';
import { shortDay, tt } from './messages';
import { createRecentCache } from './recent-cache';
import { conflictMarks, markOf, sameMarks } from '../conflicts/conflict-text';
import { useShortcuts } from '../keys/use-keys';
import './timeline.css';

const EventEditor = lazy(() => import('../editor/EventEditor'));

const GROUP_LABEL: Record<GroupBy, Parameters<typeof tt>[0]> = {
  section: 'groupSection',
  campaign: 'groupCampaign',
  team: 'groupTeam',
  kind: 'groupKind',
  unit: 'groupUnit',
};
const ZOOM_LABEL: Record<Zoom, Parameters<typeof tt>[0]> = { year: 'zoomYear', quarter: 'zoomQuarter', month: 'zoomMonth' };

export default function TimelinePage() {
  const ws = useWorkspace();
  const [params, setParams] = useSearchParams<{ zoom?: string; date?: string; groupBy?: string }>();
  const today = () => todayIn(ws.timezone());
  const zoom = (): Zoom => (ZOOMS.includes(params.zoom as Zoom) ? (params.zoom as Zoom) : 'year');
  const groupBy = (): GroupBy => (GROUP_BYS.includes(params.groupBy as GroupBy) ? (params.groupBy as GroupBy) : 'section');
  const date = () => (params.date && isValidDateValue(params.date) ? params.date.slice(0, 10) : today());
  const win = createMemo(() => windowFor(zoom(), date()));
  const scale = createMemo(() => createScale(win()));
  const axis = createMemo(() => axisFor(scale()));
  const shaded = createMemo(() => shadedDays(scale()));
  const milestones = createMemo(() => observancesInRange(win().from, win().to, locale()));

  // With the groups known from their persisted copy the chart paints from the persisted event
  // index, and the doc (which holds the main thread for a while) loads once that is on screen.
  // Without it (a first open) there is nothing to group by before the doc: load it at once.
  onMount(() => {
    performance.mark('cc:timeline-mount');
    if (!ws.groupsKnown()) ws.load();
  });
  let loadAsked = false;
  const afterFirstPaint = () => {
    if (loadAsked) return;
    loadAsked = true;
    // The frame after the one that paints the chart: the paint is done before the load blocks.
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => ws.load(), 0)));
  };

  // Events come from the index: from memory at once once the doc has loaded, and before that
  // from the persisted projection (a read away). Whatever a read brings is kept with the range
  // it answers, so a window is only ever laid out with its own events.
  const [stored, setStored] = createSignal<Map<string, EventRecord[]>>(new Map());
  const storedKeys = new Set<string>();
  const fromIndex = (from: string, to: string): EventRecord[] | null => {
    const now = ws.queryEventsNow(from, to);
    if (now) return now;
    const key = `${from}/${to}`;
    const hit = stored().get(key);
    if (hit) return hit;
    if (!storedKeys.has(key)) {
      storedKeys.add(key);
      ws.queryEvents(from, to).then(
        (list) => {
          // Read by `npm run bench` to tell storage time from layout and rendering.
          performance.mark('cc:timeline-stored', { detail: list.length });
          setStored((m) => new Map(m).set(key, list));
          afterFirstPaint();
        },
        // An unreadable projection only costs the early paint: the doc answers once loaded.
        () => ws.load(),
      );
    }
    // Asked again once the doc has loaded, when memory answers.
    ws.ready();
    return null;
  };

  // Campaign progress counts all of a campaign's activities, not only this window's (reading
  // 10,000 events from the document on every change costs 130 ms). Read first, so before the
  // doc loads the window's query is served by the same read of the projection.
  const allEvents = createMemo<EventRecord[] | null>(() => {
    ws.revision();
    if (!ws.groupsKnown() || ws.campaigns().length === 0) return [];
    return fromIndex(EVER.from, EVER.to)?.filter((e) => e.campaignId) ?? null;
  });

  // The window's bars; the last few windows' are kept until the document changes, so going back
  // to a zoom (or a period) seen a moment ago costs nothing. Null while the events are on their way.
  const barsCache = new Map<string, TimelineItem[]>();
  let cachedRevision = -1;
  const eventBars = createMemo<TimelineItem[] | null>(() => {
    const rev = ws.revision();
    if (!ws.groupsKnown()) return null;
    if (rev !== cachedRevision) {
      barsCache.clear();
      cachedRevision = rev;
    }
    const w = win();
    const key = `${w.from}/${w.to}`;
    const hit = barsCache.get(key);
    if (hit) return hit;
    const events = fromIndex(w.from, w.to);
    if (!events) return null;
    const bars = eventItems(events, w, undefined, ws.timezone());
    barsCache.set(key, bars);
    if (barsCache.size > 8) barsCache.delete(barsCache.keys().next().value!);
    return bars;
  });

  const [collapsed, setCollapsed] = createSignal<ReadonlySet<string>>(new Set());
  // Apart, so a change to campaigns or their progress does not re-expand 10,000 events.
  const campaignCache = createRecentCache<TimelineItem[]>();
  const campaignBars = createMemo<TimelineItem[] | null>(() => {
    const w = win();
    const campaigns = ws.campaigns();
    const all = allEvents();
    return all && campaignCache(`${w.from}/${w.to}`, [campaigns, all], () => campaignItems(campaigns, all, w));
  });
  // Rows wait for the groups: without sections, campaigns and teams to group by, every bar
  // would first appear under 未关联 and then jump to its row.
  const rowsCache = createRecentCache<TimelineRow[]>();
  // They also wait for the window's events, so the chart never shows a window half drawn.
  const rows = createMemo<TimelineRow[]>(() => {
    const inputs = [campaignBars(), eventBars(), ws.plans(), ws.sections(), ws.campaigns(), ws.teams(), collapsed()] as const;
    const [cb, eb, plans, sections, campaigns, teams, closed] = inputs;
    if (!cb || !eb) return [];
    const w = win();
    const by = groupBy();
    return rowsCache(`${w.from}/${w.to}/${by}/${locale()}`, inputs, () =>
      buildRows({
        groupBy: by,
        items: [...cb, ...eb],
        plans,
        sections,
        campaigns,
        teams,
        collapsed: closed,
        names: { unlinked: tt('unlinked'), kind: kindLabel },
        markerDays: Math.max(1, Math.ceil(60 / scale().pxPerDay)),
        // Phases of one lane closer than 7 px (most of a dot) overlap: the later one is offset.
        dotDays: 7 / scale().pxPerDay,
      }),
    );
  });
  const todayX = () => {
    const t = today();
    return t >= win().from && t < win().to ? scale().x(t) : null;
  };

  const title = () => {
    const [y, m] = win().from.split('-').map(Number) as [number, number];
    if (zoom() === 'year') return tt('titleYear', { y });
    if (zoom() === 'quarter') return tt('titleQuarter', { y, q: Math.floor((m - 1) / 3) + 1 });
    return tt('titleMonth', { y, m });
  };
  const go = (patch: { zoom?: Zoom; date?: string; groupBy?: GroupBy }) => setParams({ zoom: zoom(), date: date(), groupBy: groupBy(), ...patch }, { replace: true });
  const step = (dir: 1 | -1) => go({ date: stepWindow(win(), dir).from });

  // Keys of the shortcuts table (listed in the ? dialog): + / - zoom, ← → (or h l) pan.
  const dialogOpen = () => !!(editor() || campaignEditor() || pendingMove());
  const zoomBy = (dir: 1 | -1) => {
    if (dialogOpen()) return false;
    const next = ZOOMS[ZOOMS.indexOf(zoom()) + dir];
    if (next) go({ zoom: next });
  };
  useShortcuts('timeline', {
    'timeline-zoom-in': () => zoomBy(1),
    'timeline-zoom-out': () => zoomBy(-1),
    'timeline-left': () => (dialogOpen() ? false : step(-1)),
    'timeline-right': () => (dialogOpen() ? false : step(1)),
    'timeline-today': () => (dialogOpen() ? false : go({ date: today() })),
    'timeline-zoom-to': (e) => (dialogOpen() ? false : go({ zoom: ZOOMS[Number(e.key) - 1] })),
  });

  const [notice, setNotice] = createSignal('');
  const [editor, setEditor] = createSignal<EditorTarget | null>(null);
  const [campaignEditor, setCampaignEditor] = createSignal<CampaignTarget | null>(null);
  const [pendingMove, setPendingMove] = createSignal<{ id: string; start: string; end: string; activities: number } | null>(null);
  const [dragging, setDragging] = createSignal<string | null>(null);
  createEffect(() => ws.sync.setEditing(dragging() ?? editor()?.record?.id ?? campaignEditor()?.record?.id ?? null));
  const editingBy = createMemo(() => new Map(ws.sync.peers().filter((p) => p.editing).map((p) => [p.editing!, p.name])));

  // Conflicts by record id, in words, for the bars; and where a dragged activity would land.
  const names = () => ({ teams: ws.teams(), units: ws.units(), campaigns: ws.campaigns() });
  const conflicts = createMemo(() => conflictMarks(ws.conflicts()?.byId(), names()), undefined, { equals: sameMarks });
  // Phases that start before their link allows (merged offline edits): why, in words, by id.
  const brokenLinks = createMemo(
    () => {
      const out = new Map<string, string>();
      const broken = ws.brokenPhaseLinks();
      if (!broken) return out;
      for (const [id, link] of broken) {
        const pred = ws.read.event(link.afterId);
        const main = pred?.ok && pred.record.parentId ? ws.read.event(pred.record.parentId) : null;
        const after = pred?.ok ? (main?.ok ? phaseName(pred.record.title, main.record.title) : pred.record.title) : link.afterId;
        out.set(id, tt('linkBroken', { after, date: shortDay(link.earliestStart) }));
      }
      return out;
    },
    undefined,
    { equals: (a, b) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v) },
  );
  const dragConflict = (item: TimelineItem, kind: DragKind, days: number) => {
    const index = ws.conflicts();
    const read = ws.read.event(item.id);
    if (!index || !read?.ok || days === 0) return conflicts().get(item.id) ?? null;
    const rule = kind === 'move' ? moveRange : kind === 'start' ? resizeStart : resizeEnd;
    const next = rule(item.start, item.end, days);
    const found = index.check({ ...read.record, start: next.start, end: next.end });
    return found.length ? markOf(found, names()) : null;
  };

  const report = (r: { ok: boolean; error?: { message: string } }) => {
    if (!r.ok) setNotice(r.error!.message);
    return r.ok;
  };

  const open = (item: TimelineItem) => {
    if (item.type === 'campaign') {
      const c = ws.campaigns().find((x) => x.id === item.id);
      if (c) setCampaignEditor({ record: c });
      return;
    }
    const read = ws.read.event(item.id);
    if (read?.ok) setEditor({ record: read.record, occurrenceStart: item.occurrence });
  };

  const onDrag = (item: TimelineItem, kind: DragKind, days: number, over: string | null) => {
    if (item.type === 'event' && over) {
      const target = ws.campaigns().find((c) => c.id === over);
      const read = ws.read.event(item.id);
      if (target && read?.ok && read.record.campaignId !== over) {
        if (report(ws.run('event.update', { id: item.id, patch: { campaignId: over } }))) setNotice(tt('linkedTo', { title: target.title }));
        return;
      }
    }
    if (days === 0) return;
    const rule = kind === 'move' ? moveRange : kind === 'start' ? resizeStart : resizeEnd;
    const next = rule(item.start, item.end, days);
    if (item.type === 'event') {
      report(ws.run('event.move', { id: item.id, start: next.start, end: next.end }));
      return;
    }
    const activities = (allEvents() ?? []).filter((e) => e.campaignId === item.id).length;
    if (kind === 'move' && activities > 0) setPendingMove({ id: item.id, start: next.start, end: next.end, activities });
    else report(ws.run('campaign.move', { id: item.id, start: next.start, end: next.end }));
  };

  const onSpan = (row: TimelineRow, dayA: number, dayB: number) => {
    const range = rangeBetweenDays(dayA, dayB);
    const sectionIds = groupBy() === 'section' && ws.sections().some((s) => s.id === row.key) ? [row.key] : [];
    setCampaignEditor({ start: range.start, end: range.end, sectionIds });
  };

  const saveCampaign = (fields: CampaignFields, id?: string): string | null => {
    const r = id ? ws.run('campaign.update', { id, patch: fields }) : ws.run('campaign.create', { fields });
    if (!r.ok) return r.error.message;
    setCampaignEditor(null);
    return null;
  };

  const upperLabel = (c: { label: number; year: number; month: number }) => (zoom() === 'year' ? tt('titleYear', { y: c.label }) : tt('titleMonth', { y: c.year, m: c.month }));
  const lowerLabel = (c: { label: number; month: number }) => (zoom() === 'year' ? tt('monthShort', { m: c.label }) : String(c.label));

  return (
    <div class="timeline-page">
      <div class="toolbar">
        <div class="nav-group">
          <button type="button" aria-label={tt('prev')} onClick={() => step(-1)}>
            ‹
          </button>
          <button type="button" onClick={() => go({ date: today() })} data-testid="timeline-today-button">
            {tt('today')}
          </button>
          <button type="button" aria-label={tt('next')} onClick={() => step(1)}>
            ›
          </button>
          <h2 class="view-title" data-testid="timeline-title">
            {title()}
          </h2>
        </div>
        <div class="view-group" role="group">
          <For each={ZOOMS}>
            {(z) => (
              <button type="button" data-zoom={z} aria-pressed={zoom() === z} classList={{ active: zoom() === z }} onClick={() => go({ zoom: z })}>
                {tt(ZOOM_LABEL[z])}
              </button>
            )}
          </For>
        </div>
        <label class="group-by">
          {tt('groupBy')}
          <select name="groupBy" value={groupBy()} onChange={(e) => go({ groupBy: e.currentTarget.value as GroupBy })}>
            <For each={GROUP_BYS}>{(g) => <option value={g}>{tt(GROUP_LABEL[g])}</option>}</For>
          </select>
        </label>
        <A class="button-link" href={`/w/${ws.id}/print/timeline/${win().from.slice(0, 4)}?groupBy=${groupBy()}`} data-testid="timeline-print">
          {tt('print')}
        </A>
        <Show when={ws.canEdit()} fallback={<Show when={ws.readOnly()}><span class="badge-readonly">{tt('readOnly')}</span></Show>}>
          <span class="muted hint">{tt('dragHint')}</span>
          <button type="button" class="primary" data-testid="new-campaign" onClick={() => setCampaignEditor({ start: win().from, end: stepWindow(windowFor('month', win().from), 1).from, sectionIds: [] })}>
            + {tt('newCampaign')}
          </button>
        </Show>
      </div>
      <Show when={notice()}>
        <p class="notice" role="status" data-testid="timeline-notice">
          {notice()}
          <button type="button" class="icon-btn" aria-label={tt('close')} onClick={() => setNotice('')}>
            ×
          </button>
        </p>
      </Show>
      <TimelineChart
        scale={scale()}
        axis={axis()}
        shaded={shaded()}
        rows={rows()}
        milestones={milestones()}
        todayX={todayX()}
        editable={ws.canEdit()}
        editingBy={editingBy()}
        upperLabel={upperLabel}
        lowerLabel={lowerLabel}
        onToggle={(key) =>
          setCollapsed((prev) => {
            const next = new Set(prev);
            if (next.has(key)) next.delete(key);
            else next.add(key);
            return next;
          })
        }
        onOpen={open}
        onDrag={onDrag}
        onSpan={onSpan}
        onDragging={setDragging}
        conflicts={conflicts()}
        dragConflict={dragConflict}
        brokenLinks={brokenLinks()}
      />
      <Show when={pendingMove()}>
        {(m) => (
          <Dialog title={tt('moveWithActivitiesTitle')} onClose={() => setPendingMove(null)} testid="move-campaign-dialog">
            <p>{tt('moveWithActivities', { n: m().activities })}</p>
            <footer class="editor-actions">
              <span class="spacer" />
              <button type="button" onClick={() => setPendingMove(null)}>
                {tt('cancel')}
              </button>
              <button type="button" data-testid="move-campaign-only" onClick={() => (report(ws.run('campaign.move', { id: m().id, start: m().start, end: m().end })), setPendingMove(null))}>
                {tt('moveOnlyCampaign')}
              </button>
              <button
                type="button"
                class="primary"
                data-testid="move-campaign-all"
                onClick={() => (report(ws.run('campaign.move', { id: m().id, start: m().start, end: m().end, withActivities: true })), setPendingMove(null))}
              >
                {tt('moveAll')}
              </button>
            </footer>
          </Dialog>
        )}
      </Show>
      <Show when={campaignEditor()} keyed>
        {(target) => (
          <CampaignEditor
            target={target}
            readOnly={!ws.canEdit()}
            sections={ws.sections()}
            editingBy={target.record ? editingBy().get(target.record.id) : undefined}
            onSave={saveCampaign}
            onDelete={(id) => {
              if (report(ws.run('campaign.delete', { id }))) setCampaignEditor(null);
            }}
            onClose={() => setCampaignEditor(null)}
          />
        )}
      </Show>
      <Show when={editor()} keyed>
        {(target) => (
          <EventEditor
            target={target}
            readOnly={!ws.canEdit()}
            editingBy={target.record ? editingBy().get(target.record.id) : undefined}
            onRestored={() => setEditor(null)}
            onSave={(fields, existing) => {
              const r = existing ? ws.run('event.update', { id: existing.id, patch: fields }) : ws.run('event.create', { fields });
              if (!r.ok) return r.error.message;
              setEditor(null);
              return null;
            }}
            onDelete={(id) => {
              if (report(ws.run('event.delete', { id }))) setEditor(null);
            }}
            onSkipOccurrence={(id, occurrenceStart) => {
              report(ws.run('event.skipOccurrence', { id, occurrenceStart }));
              setEditor(null);
            }}
            onClose={() => setEditor(null)}
          />
        )}
      </Show>
    </div>
  );
}

