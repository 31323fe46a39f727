/**
 * The chart: a date axis over rows of bars. Layout comes from shared/src/timeline (scale,
 * header cells, rows and lanes); this file draws it, keeps only the rows in view in the
 * DOM, and turns pointer drags into day deltas. What a drag means (a move, a resize, a new
 * campaign, a link) is decided by the page through the callbacks.
 */
import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import { KIND_COLORS } from '@shared/display/kind-colors';
import { connectorGeometry, dragDays, layoutRows, visibleRows, type Axis, type PhaseLink, type Scale, type ShadedDay, type TimelineItem, type TimelineRow } from '@shared/timeline';
import type { ObservanceOccurrence } from '@shared/time/observances';
import { tt } from './messages';
import { locale } from '../../i18n';
import { holidayName } from '../../i18n/chinese-calendar';

export const LANE_H = 24;
const ROW_PAD = 6;
const MIN_ROW_H = 44;
export const LABEL_W = 260;
const HANDLE_PX = 6;
const MARKER_PX = 10;
const BAR_H = 20;
/** A phase's label shorter than this is left out (the bar's tooltip keeps it). */
const MIN_LABEL_PX = 22;
/** Bars a row entering the view draws per frame (campaigns sort first within a day). */
const FIRST_BATCH = 20;

export type DragKind = 'move' | 'start' | 'end';

export interface ChartProps {
  scale: Scale;
  axis: Axis;
  shaded: ShadedDay[];
  rows: TimelineRow[];
  milestones: ObservanceOccurrence[];
  /** x of today, or null when today is outside the window. */
  todayX: number | null;
  editable: boolean;
  editingBy: Map<string, string>;
  upperLabel: (c: Axis['upper'][number]) => string;
  lowerLabel: (c: Axis['lower'][number]) => string;
  onToggle: (rowKey: string) => void;
  onOpen: (item: TimelineItem) => void;
  /** A finished drag of an item by whole days; `over` is the campaign bar it was released on, if any. */
  onDrag: (item: TimelineItem, kind: DragKind, days: number, over: string | null) => void;
  /** A drag across empty space in a row, from day A to day B (day numbers). */
  onSpan: (row: TimelineRow, dayA: number, dayB: number) => void;
  onDragging: (id: string | null) => void;
  /** Conflicts the record has now (its reasons, hard ones marked), by id. */
  conflicts: Map<string, { hard: boolean; text: string }>;
  /** Conflicts the dragged item would have where it is being dragged to (null: none or not known). */
  dragConflict: (item: TimelineItem, kind: DragKind, days: number) => { hard: boolean; text: string } | null;
  /** Phases starting before their link allows (merged offline edits), by id: why, in words. */
  brokenLinks: ReadonlyMap<string, string>;
}

const rowHeight = (r: TimelineRow) => Math.max(MIN_ROW_H, r.laneCount * LANE_H + ROW_PAD * 2);

function itemColor(item: TimelineItem): string {
  if (item.type === 'campaign') return item.color || '#1f6f8b';
  // A phase wears its contest's colour: one contest reads as one thing.
  const kind = item.mainKind ?? item.kind;
  return kind ? KIND_COLORS[kind] : '#607d8b';
}

export function TimelineChart(props: ChartProps) {
  let scroller!: HTMLDivElement;
  const [scrollTop, setScrollTop] = createSignal(0);
  const [viewH, setViewH] = createSignal(800);
  const layout = createMemo(() => layoutRows(props.rows.map(rowHeight)));
  // Anniversary labels that fit: 逢五逢十 ones first, then the rest at month zoom; a label
  // is left out (its diamond stays, with a tooltip) where it would overlap one already placed.
  const labelled = createMemo(() => {
    const placed: Array<[number, number]> = [];
    const shown = new Set<ObservanceOccurrence>();
    const order = [...props.milestones].sort((a, b) => Number(b.milestone) - Number(a.milestone));
    for (const m of order) {
      if (!m.milestone && props.scale.window.zoom !== 'month') continue;
      const x = props.scale.x(m.date);
      const w = 14 + m.label.length * 11;
      if (placed.some(([a, b]) => x < b && x + w > a)) continue;
      placed.push([x, x + w]);
      shown.add(m);
    }
    return shown;
  });
  const window_ = createMemo(() => visibleRows(layout(), scrollTop(), viewH()));
  // The row objects themselves (stable until the data changes), so scrolling only adds and
  // removes the rows that enter or leave the view instead of re-creating all of them.
  const indexOf = createMemo(() => new Map(props.rows.map((r, i) => [r, i])));
  const shown = createMemo(
    () => {
      const { from, to } = window_();
      return props.rows.slice(from, to);
    },
    [],
    { equals: (a, b) => a.length === b.length && a.every((r, i) => r === b[i]) },
  );
  const topOf = (row: TimelineRow) => layout().tops[indexOf().get(row) ?? 0]!;
  /** Keys of rows drawn whole in the current window (see the row's batches below). */
  const drawnRows = new Set<string>();
  createEffect(on(() => props.scale.window, () => drawnRows.clear(), { defer: true }));

  // The drag in progress: which item, what kind, how far (pixels), and where it started.
  const [drag, setDrag] = createSignal<{ key: string; kind: DragKind; dx: number } | null>(null);
  const [span, setSpan] = createSignal<{ rowKey: string; x0: number; x1: number } | null>(null);

  onMount(() => {
    const ro = new ResizeObserver(() => setViewH(scroller.clientHeight));
    ro.observe(scroller);
    onCleanup(() => ro.disconnect());
  });

  const bodyX = (clientX: number) => clientX - scroller.getBoundingClientRect().left + scroller.scrollLeft - LABEL_W;

  const startItemDrag = (ev: PointerEvent, item: TimelineItem, resizable = true) => {
    if (ev.button !== 0) return;
    ev.stopPropagation();
    const el = ev.currentTarget as HTMLElement;
    const rect = el.getBoundingClientRect();
    const canDrag = props.editable && !item.occurrence;
    let kind: DragKind = 'move';
    if (canDrag && resizable && !item.marker && rect.width > HANDLE_PX * 3) {
      if (ev.clientX - rect.left < HANDLE_PX) kind = 'start';
      else if (rect.right - ev.clientX < HANDLE_PX) kind = 'end';
    }
    const x0 = ev.clientX;
    let moved = false;
    el.setPointerCapture(ev.pointerId);
    const onMove = (e: PointerEvent) => {
      if (!canDrag) return;
      const dx = e.clientX - x0;
      if (!moved && Math.abs(dx) < 4) return;
      if (!moved) props.onDragging(item.id);
      moved = true;
      setDrag({ key: item.key, kind, dx: dragDays(dx, props.scale.pxPerDay) * props.scale.pxPerDay });
    };
    const onUp = (e: PointerEvent) => {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
      const d = drag();
      setDrag(null);
      if (!moved) {
        props.onOpen(item);
        return;
      }
      props.onDragging(null);
      if (e.type === 'pointercancel' || !d) return;
      // What is under the pointer once the dragged bar is out of the way: a campaign bar links to it.
      el.style.pointerEvents = 'none';
      const under = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('[data-testid="timeline-item"][data-type="campaign"]');
      el.style.pointerEvents = '';
      const over = under && under.dataset.id !== item.id ? under.dataset.id! : null;
      props.onDrag(item, kind, Math.round(d.dx / props.scale.pxPerDay), over);
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
  };

  /** Pans the chart with the pointer (the axis header; rows too for those who cannot draw a campaign there). */
  const startPan = (ev: PointerEvent) => {
    if (ev.button !== 0 && ev.button !== 1) return;
    const el = ev.currentTarget as HTMLElement;
    const x0 = ev.clientX;
    const y0 = ev.clientY;
    const left0 = scroller.scrollLeft;
    const top0 = scroller.scrollTop;
    el.setPointerCapture(ev.pointerId);
    scroller.classList.add('panning');
    const onMove = (e: PointerEvent) => {
      scroller.scrollLeft = left0 - (e.clientX - x0);
      scroller.scrollTop = top0 - (e.clientY - y0);
    };
    const onUp = () => {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
      scroller.classList.remove('panning');
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
  };

  const startSpan = (ev: PointerEvent, row: TimelineRow) => {
    // The middle button, and anyone who cannot draw a campaign here, pan instead.
    if (ev.button === 1 || (ev.button === 0 && (!props.editable || row.unlinked))) return startPan(ev);
    if (ev.button !== 0) return;
    const el = ev.currentTarget as HTMLElement;
    const x0 = bodyX(ev.clientX);
    el.setPointerCapture(ev.pointerId);
    setSpan({ rowKey: row.key, x0, x1: x0 });
    const onMove = (e: PointerEvent) => setSpan({ rowKey: row.key, x0, x1: bodyX(e.clientX) });
    const onUp = (e: PointerEvent) => {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      const s = span();
      setSpan(null);
      if (e.type !== 'pointerup' || !s || Math.abs(s.x1 - s.x0) < props.scale.pxPerDay) return;
      props.onSpan(row, props.scale.dayAt(s.x0), props.scale.dayAt(s.x1));
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
  };

  /** Left and width of an item, with its drag (if it is the one dragged) applied. */
  const geometry = (item: TimelineItem, d: { kind: DragKind; dx: number } | null) => {
    const sc = props.scale;
    let left = sc.xOfDay(item.s);
    let right = item.marker ? left + MARKER_PX : sc.xOfDay(item.e);
    if (d) {
      if (d.kind === 'move') {
        left += d.dx;
        right += d.dx;
      } else if (d.kind === 'start') left = Math.min(left + d.dx, right - sc.pxPerDay);
      else right = Math.max(right + d.dx, left + sc.pxPerDay);
    }
    return { left, width: Math.max(item.marker ? MARKER_PX : 3, right - left) };
  };

  return (
    <div class="timeline-scroll" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="timeline">
      <div class="timeline-inner" style={{ width: `${LABEL_W + props.scale.width}px` }}>
        <div class="timeline-head">
          <div class="timeline-corner" style={{ width: `${LABEL_W}px` }} />
          <div class="timeline-axis" style={{ width: `${props.scale.width}px` }} onPointerDown={startPan}>
            <div class="axis-upper">
              <For each={props.axis.upper}>
                {(c) => (
                  <div class="axis-cell" style={{ left: `${c.x}px`, width: `${c.width}px` }}>
                    {props.upperLabel(c)}
                  </div>
                )}
              </For>
            </div>
            <div class="axis-lower">
              <For each={props.axis.lower}>
                {(c) => (
                  <div class="axis-cell" style={{ left: `${c.x}px`, width: `${c.width}px` }}>
                    {props.lowerLabel(c)}
                  </div>
                )}
              </For>
            </div>
            <div class="milestone-band" aria-label={tt('milestones')}>
              <For each={props.milestones}>
                {(m) => (
                  <span
                    class="milestone"
                    classList={{ major: m.milestone }}
                    style={{ left: `${props.scale.x(m.date)}px` }}
                    title={`${m.date} ${m.label}`}
                  >
                    ◆<Show when={labelled().has(m)}><span class="milestone-label">{m.label}</span></Show>
                  </span>
                )}
              </For>
            </div>
          </div>
        </div>
        <div class="timeline-body" style={{ height: `${layout().tops.at(-1)}px` }}>
          <div class="timeline-shading" style={{ left: `${LABEL_W}px`, width: `${props.scale.width}px` }}>
            <For each={props.shaded}>
              {(d) => <div class={`shade ${d.kind}`} style={{ left: `${d.x}px`, width: `${d.width}px` }} title={d.name && holidayName(d.name, locale())} />}
            </For>
            <For each={props.axis.lower}>{(c) => <div class="gridline" style={{ left: `${c.x}px` }} />}</For>
            <Show when={props.todayX !== null}>
              <div class="today-line" style={{ left: `${props.todayX}px` }} data-testid="timeline-today" />
            </Show>
          </div>
          <For each={shown()}>
            {(row) => {
              // A row that scrolls into view draws FIRST_BATCH bars at once and as many more each
              // frame after, so no frame has to create a crowded row's 170 bars.
              // A row drawn before in this window (re-created because the data changed) draws whole
              // at once, so an edit never makes bars blink.
              const [count, setCount] = createSignal(drawnRows.has(row.key) ? row.items.length : Math.min(row.items.length, FIRST_BATCH));
              const more = () => {
                if (count() >= row.items.length) return void drawnRows.add(row.key);
                setCount((n) => n + FIRST_BATCH);
                requestAnimationFrame(more);
              };
              if (count() >= row.items.length) drawnRows.add(row.key);
              if (count() < row.items.length) requestAnimationFrame(more);
              const drawn = createMemo(() => (count() >= row.items.length ? row.items : row.items.slice(0, count())));
              return (
              <div
                class="timeline-row"
                classList={{ unlinked: !!row.unlinked, "is-empty": row.empty, plan: row.depth === 0 && row.parent }}
                style={{ top: `${topOf(row)}px`, height: `${rowHeight(row)}px` }}
                data-testid="timeline-group"
                data-group={row.key}
              >
                <div class="row-label" style={{ width: `${LABEL_W}px`, 'padding-left': `${8 + Math.max(0, row.depth - 1) * 14}px` }}>
                  <Show when={row.parent} fallback={<span class="toggle-space" />}>
                    <button
                      type="button"
                      class="row-toggle"
                      aria-expanded={!row.collapsed}
                      aria-label={row.collapsed ? tt('expand') : tt('collapse')}
                      onClick={() => props.onToggle(row.key)}
                    >
                      {row.collapsed ? '▸' : '▾'}
                    </button>
                  </Show>
                  <span class="row-text">
                    <span class="row-title" title={row.title}>
                      <Show when={row.label}>
                        <span class="row-section-label">{row.label} </span>
                      </Show>
                      {row.title}
                    </span>
                    <span class="row-counts">
                      <Show when={!row.empty} fallback={<span class="nothing">{tt('nothingScheduled')}</span>}>
                        {tt('counts', { n: row.counts.activities, done: row.counts.done })}
                      </Show>
                    </span>
                  </span>
                </div>
                <div class="row-track" style={{ left: `${LABEL_W}px`, width: `${props.scale.width}px` }} onPointerDown={(e) => startSpan(e, row)}>
                  <Show when={span()?.rowKey === row.key}>
                    <div class="span-ghost" style={{ left: `${Math.min(span()!.x0, span()!.x1)}px`, width: `${Math.abs(span()!.x1 - span()!.x0)}px` }} />
                  </Show>
                  <Show when={row.phases?.links.length}>
                    <PhaseLinks row={row} links={row.phases!.links} scale={props.scale} drag={drag} height={rowHeight(row)} broken={props.brokenLinks} />
                  </Show>
                  <For each={drawn()}>
                    {(item, i) => {
                      // A crowded window creates hundreds of these per zoom, so each bar has one
                      // render effect (class and style as strings) and builds its static parts
                      // once: only the dragged bar follows the drag, the others' memos stop at
                      // the equality check.
                      const dragged = createMemo(() => (drag()?.key === item.key ? drag() : null));
                      const g = createMemo(() => geometry(item, dragged()));
                      const editing = createMemo(() => props.editingBy.get(item.id));
                      // Where it stands, or while dragged where it would land: the drop is allowed,
                      // the bar turns red (or amber for a warning) and says why.
                      const conflict = createMemo(() => {
                        const d = dragged();
                        if (d && item.type === 'event') return props.dragConflict(item, d.kind, Math.round(d.dx / props.scale.pxPerDay));
                        return props.conflicts.get(item.id) ?? null;
                      });
                      const color = itemColor(item);
                      const top = () => ROW_PAD + row.lanes[i()]! * LANE_H;
                      // A contest's main event is a bracket over its phases (not resizable: it spans them);
                      // a phase shows its own name, its label running at most to the next phase of its lane.
                      const bracket = !!row.phases?.brackets.has(item.key);
                      const phase = !!row.phases?.phaseKeys.has(item.key);
                      const until = phase ? row.phases!.labelUntil.get(item.key) : undefined;
                      const room = () => (until === undefined ? null : props.scale.xOfDay(until) - g().left - 6);
                      const labelStyle = () => {
                        // A bracket that starts before the window shows its title at the window's start.
                        if (bracket) return g().left < 0 ? `padding-left:${Math.min(-g().left, g().width - 40) + 3}px;` : '';
                        const r = room();
                        if (r === null) return '';
                        if (item.marker) return `max-width:${Math.max(MARKER_PX, r)}px;`;
                        return g().width < 56 ? `--lw:${Math.max(0, r - g().width - 4)}px;` : '';
                      };
                      const noLabel = () => {
                        const r = room();
                        return r !== null && (item.marker ? r - 14 : g().width < 56 ? r - g().width - 4 : Infinity) < MIN_LABEL_PX;
                      };
                      const broken = () => (phase ? props.brokenLinks.get(item.id) : undefined);
                      const base = `timeline-item ${item.type}${item.marker ? ' marker' : ''}${bracket ? ' bracket' : ''}${phase ? ' phase' : ''}${row.lanes[i()]! % 1 ? ' sublane' : ''}${item.status === 'done' ? ' done' : item.status === 'cancelled' ? ' cancelled' : ''}`;
                      const title = phase && item.phaseName ? item.phaseName : item.title;
                      const progress = item.type === 'campaign' ? item.progress : undefined;
                      const fill = progress && progress.total > 0 ? <span class="progress-fill" style={`width:${(progress.done / progress.total) * 100}%`} /> : null;
                      const progressText = progress ? <span class="item-progress">{tt('progress', { done: progress.done, total: progress.total })}</span> : null;
                      const band = item.window
                        ? (() => {
                            const w = item.window;
                            return (
                              <div
                                class="planned-window"
                                style={`left:${props.scale.xOfDay(w.s)}px;width:${props.scale.xOfDay(w.e) - props.scale.xOfDay(w.s)}px;top:${top()}px;--c:${color}`}
                                title={tt('plannedWindow', { from: w.from, to: w.to })}
                              />
                            );
                          })()
                        : null;
                      return (
                        <>
                          {band}
                          <div
                            class={`${base}${!item.marker && g().width < 56 ? ' narrow' : ''}${noLabel() ? ' no-label' : ''}${dragged() ? ' dragging' : ''}${props.editable && !item.occurrence ? ' editable' : ''}${conflict() ? (conflict()!.hard ? ' conflict-hard' : ' conflict-soft') : ''}${broken() ? ' link-broken' : ''}`}
                            data-conflict={conflict() ? (conflict()!.hard ? 'hard' : 'soft') : undefined}
                            data-link-broken={broken() ? 'true' : undefined}
                            data-phase={phase ? 'true' : undefined}
                            data-bracket={bracket ? 'true' : undefined}
                            style={`left:${g().left}px;${item.marker ? '' : `width:${g().width}px;`}top:${top()}px;--c:${color};${labelStyle()}`}
                            data-testid="timeline-item"
                            data-id={item.id}
                            data-type={item.type}
                            data-start={item.start}
                            data-end={item.end}
                            data-occurrence={item.occurrence}
                            title={`${editing() ? `${item.title} · ${tt('editingBy', { name: editing()! })}` : item.title}${broken() ? `\n⚠ ${broken()}` : ''}${conflict() ? `\n${conflict()!.hard ? '×' : '!'} ${conflict()!.text}` : ''}`}
                            tabIndex={0}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter' || e.key === ' ') {
                                e.preventDefault();
                                props.onOpen(item);
                              }
                            }}
                            onPointerDown={(e) => startItemDrag(e, item, !bracket)}
                          >
                            {fill}
                            <Show when={broken()}>
                              {(text) => <span class="item-link-broken" aria-label={text()}>⚠</span>}
                            </Show>
                            <Show when={conflict()}>
                              {(c) => <span class={`item-conflict conflict-icon ${c().hard ? 'hard' : 'soft'}`} aria-label={c().text}>{c().hard ? '×' : '!'}</span>}
                            </Show>
                            <span class="item-title">{title}</span>
                            {progressText}
                            <Show when={editing()}>
                              {(name) => <span class="item-editing">✎ {name()}</span>}
                            </Show>
                          </div>
                        </>
                      );
                    }}
                  </For>
                </div>
              </div>
              );
            }}
          </For>
        </div>
      </div>
    </div>
  );
}

/**
 * The links of a row's phases: one SVG under the bars (only rows that hold phases have one).
 * A link follows its ends while one of them is dragged; a broken one is red and dashed.
 */
function PhaseLinks(props: {
  row: TimelineRow;
  links: PhaseLink[];
  scale: Scale;
  drag: () => { key: string; kind: DragKind; dx: number } | null;
  height: number;
  broken: ReadonlyMap<string, string>;
}) {
  return (
    <svg class="phase-links" width={props.scale.width} height={props.height} aria-hidden="true">
      <For each={props.links}>
        {(link) => {
          const ends = createMemo(
            () => {
              const d = props.drag();
              if (!d || (d.key !== link.fromKey && d.key !== link.toKey)) return [0, 0] as const;
              const dx1 = d.key === link.fromKey && (d.kind === 'move' || d.kind === 'end') ? d.dx : 0;
              const dx2 = d.key === link.toKey && (d.kind === 'move' || d.kind === 'start') ? d.dx : 0;
              return [dx1, dx2] as const;
            },
            undefined,
            { equals: (a, b) => a[0] === b[0] && a[1] === b[1] },
          );
          const geo = () => connectorGeometry(link, props.scale.xOfDay, { markerPx: MARKER_PX, laneH: LANE_H, rowPad: ROW_PAD, barH: BAR_H, dx1: ends()[0], dx2: ends()[1] });
          const broken = () => props.broken.has(link.id);
          return (
            <path
              class={`phase-link${broken() ? ' broken' : ''}`}
              d={geo().d}
              data-testid="phase-link"
              data-from={link.afterId}
              data-to={link.id}
              data-link-broken={broken() ? 'true' : undefined}
            />
          );
        }}
      </For>
    </svg>
  );
}
