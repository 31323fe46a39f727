/**
 * `/w/<id>/print/timeline/<YYYY>` (`?quarter=1..4`, `?groupBy=section|campaign|team|kind|unit`,
 * `?paper=a4|a3`): the campaign timeline (工作推进图) on A4 or A3 landscape sheets. Months run
 * across the page and the chart is laid out to the sheet's width, so nothing is cut off at the
 * right edge; rows are grouped as on the screen (shared/src/timeline), every row is printed,
 * and the rows are split into pages here (shared/src/print/timeline-pages) so that every page
 * repeats the month header. The options bar is for the screen only.
 *
 * Layout runs in two passes: titles are measured with a canvas (their lanes depend on where
 * they fit), row labels in an off-screen copy of the label column; then the rows are paginated
 * and the sheets drawn, each exactly one printed page.
 */
import { createEffect, createMemo, createSignal, For, Index, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { A, useParams, useSearchParams } from '@solidjs/router';
import type { EventKind } from '@shared/schema/types';
import { EVENT_KINDS } from '@shared/schema/types';
import { KIND_COLORS } from '@shared/display/kind-colors';
import { KIND_LABELS } from '@shared/display/record-labels';
import { MONTH_NAMES_EN } from '@shared/i18n';
import {
  axisFor,
  buildRows,
  campaignItems,
  createScale,
  eventItems,
  GROUP_BYS,
  windowDays,
  windowFor,
  type GroupBy,
  type TimelineItem,
  type TimelineRow,
} from '@shared/timeline';
import { paginateRows, placeTrackItems, type PageRow, type TrackItemPlacement } from '@shared/print/timeline-pages';
import { locale } from '../../i18n';
import { useWorkspace } from '../../stores/workspace-context';
import { pm, type PrintMessageKey } from './messages';
import '../../styles/print.css';
import './print-timeline.css';

type Paper = 'a4' | 'a3';

/** Sheet sizes (the page minus its @page margins, see print-timeline.css) and type scale per paper. */
const PAPERS: Record<Paper, { width: number; height: number; label: number; k: number }> = {
  a4: { width: 273, height: 188, label: 52, k: 1 },
  a3: { width: 396, height: 275, label: 66, k: 1.3 },
};
/** Base sizes (A4), in mm and pt; A3 multiplies them by k. */
const BASE = { lane: 4.3, bar: 3.3, pad: 0.7, itemPt: 6.6, labelPt: 7.4, axisRow: 5.4, gap: 1.2, dot: 2.3, inside: 0.8 };
const PX_PER_MM = 96 / 25.4;
/** A hair less than the page, so rounding never pushes a sheet onto a second page. */
const SAFETY_MM = 0.8;
const SANS = "'SimHei', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

const YEAR_RE = /^\d{4}$/;

const GROUP_LABEL: Record<GroupBy, PrintMessageKey> = {
  section: 'tlGroupSection',
  campaign: 'tlGroupCampaign',
  team: 'tlGroupTeam',
  kind: 'tlGroupKind',
  unit: 'tlGroupUnit',
};
const GROUP_CORNER: Record<GroupBy, PrintMessageKey> = {
  section: 'tlCornerSection',
  campaign: 'tlCornerCampaign',
  team: 'tlCornerTeam',
  kind: 'tlCornerKind',
  unit: 'tlCornerUnit',
};

function itemColor(item: TimelineItem): string {
  if (item.type === 'campaign') return item.color || '#1f6f8b';
  return item.kind ? KIND_COLORS[item.kind] : '#607d8b';
}

let measureCanvas: CanvasRenderingContext2D | null = null;
/** Width in CSS px of one line of text in the print sans font. */
function textWidth(text: string, pt: number, weight: number): number {
  measureCanvas ??= document.createElement('canvas').getContext('2d');
  if (!measureCanvas) return text.length * pt * 1.4;
  measureCanvas.font = `${weight} ${pt}pt ${SANS}`;
  return measureCanvas.measureText(text).width;
}

interface PlacedRow {
  row: TimelineRow;
  placed: TrackItemPlacement[];
  laneCount: number;
  /** Show 尚无安排: nothing here nor below (a heading whose subsections have work is just a heading). */
  nothing: boolean;
}

interface Measured {
  token: number;
  /** What was measured: a measurement of other rows (or another paper) is never used. */
  rows: PlacedRow[];
  /** Least height of each row: its label, and its label marked 续. */
  rowMin: number[];
  contMin: number[];
  head: number;
  foot: number;
  axis: number;
}

export default function PrintTimelinePage() {
  const ws = useWorkspace();
  const params = useParams<{ year: string }>();
  const [search, setSearch] = useSearchParams<{ quarter?: string; groupBy?: string; paper?: string }>();

  const validYear = () => YEAR_RE.test(params.year ?? '') && Number(params.year) >= 1900 && Number(params.year) <= 2200;
  const year = () => Number(params.year);
  const quarter = (): number | null => (/^[1-4]$/.test(search.quarter ?? '') ? Number(search.quarter) : null);
  const groupBy = (): GroupBy => (GROUP_BYS.includes(search.groupBy as GroupBy) ? (search.groupBy as GroupBy) : 'section');
  const paper = (): Paper => (search.paper === 'a3' ? 'a3' : 'a4');
  const dims = createMemo(() => {
    const p = PAPERS[paper()];
    const mm = (v: number) => v * p.k;
    return {
      ...p,
      lane: mm(BASE.lane),
      bar: mm(BASE.bar),
      pad: mm(BASE.pad),
      itemPt: BASE.itemPt * p.k,
      labelPt: BASE.labelPt * p.k,
      axisRow: mm(BASE.axisRow),
      gap: mm(BASE.gap),
      dot: mm(BASE.dot),
      inside: mm(BASE.inside),
      trackPx: (p.width - p.label) * PX_PER_MM,
    };
  });

  const [loaded, setLoaded] = createSignal(false);
  onMount(() => {
    void ws.whenLoaded().then(() => setLoaded(true));
  });

  const win = createMemo(() => {
    if (!validYear()) return null;
    const q = quarter();
    return q ? windowFor('quarter', `${params.year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`) : windowFor('year', `${params.year}-01-01`);
  });
  const scale = createMemo(() => {
    const w = win();
    return w ? createScale(w, dims().trackPx / windowDays(w)) : null;
  });
  const axis = createMemo(() => {
    const s = scale();
    if (!s) return null;
    const a = axisFor(s);
    return s.window.zoom === 'year' ? { months: a.lower, weeks: [] } : { months: a.upper, weeks: a.lower };
  });

  // Records: events re-read whenever the event index or the outline changes; campaigns and
  // teams come from the store's own signals, so a change to one of them alone shows at once.
  const source = createMemo(() => {
    ws.revision();
    ws.plans();
    ws.sections();
    if (!loaded()) return null;
    const events = ws.read.liveEvents();
    return { events, campaigns: ws.campaigns(), teams: ws.teams() };
  });

  const rows = createMemo((): TimelineRow[] | null => {
    const src = source();
    const w = win();
    if (!src || !w) return null;
    const lang = locale();
    const items = [...campaignItems(src.campaigns, src.events, w), ...eventItems(src.events, w, undefined, ws.timezone())];
    return buildRows({
      groupBy: groupBy(),
      items,
      plans: ws.plans(),
      sections: ws.sections(),
      campaigns: src.campaigns,
      teams: src.teams,
      names: { unlinked: pm('tlUnlinked'), kind: (k: EventKind) => KIND_LABELS[lang][k] },
    });
  });

  const progressText = (item: TimelineItem) => (item.progress ? pm('tlProgress', { done: item.progress.done, total: item.progress.total }) : '');

  const placedRows = createMemo((): PlacedRow[] | null => {
    const rs = rows();
    const s = scale();
    if (!rs || !s) return null;
    const d = dims();
    const px = (mm: number) => mm * PX_PER_MM;
    return rs.map((row, i) => {
      const inputs = row.items.map((item) => {
        const campaign = item.type === 'campaign';
        const label = campaign ? `${item.title}\u2003${progressText(item)}` : item.title;
        return {
          left: s.xOfDay(item.s),
          right: s.xOfDay(item.e),
          marker: item.marker,
          // A few per cent and a pixel over the canvas figure: never less than the page draws.
          labelWidth: Math.ceil(textWidth(label, d.itemPt, campaign ? 700 : 400) * 1.03 + 1),
          window: item.window ? { left: s.xOfDay(item.window.s), right: s.xOfDay(item.window.e) } : undefined,
        };
      });
      const { items: placed, laneCount } = placeTrackItems(inputs, d.trackPx, { gap: px(d.gap), markerWidth: px(d.dot), insidePad: px(d.inside) });
      let below = false;
      for (let j = i + 1; j < rs.length && rs[j]!.depth > row.depth && !rs[j]!.unlinked; j++) if (!rs[j]!.empty) below = true;
      return { row, placed, laneCount, nothing: row.empty && !below };
    });
  });

  // ---- pass 1: measure the labels and the fixed blocks off screen ----
  let measureBox: HTMLDivElement | undefined;
  const [measured, setMeasured] = createSignal<Measured | null>(null);
  let token = 0;
  createEffect(
    on([placedRows, dims, locale, () => ws.name()], () => {
      const t = ++token;
      setMeasured(null);
      if (!placedRows()) return;
      void document.fonts.ready.then(() =>
        requestAnimationFrame(() => {
          if (t !== token || !measureBox) return;
          const h = (sel: string) => [...measureBox!.querySelectorAll<HTMLElement>(sel)].map((e) => e.getBoundingClientRect().height);
          setMeasured({
            token: t,
            rows: placedRows()!,
            rowMin: h('.tl-m-row'),
            contMin: h('.tl-m-cont'),
            head: h('.tl-head')[0] ?? 0,
            foot: h('.tl-foot')[0] ?? 0,
            axis: h('.tl-axis')[0] ?? 0,
          });
        }),
      );
    }),
  );

  // ---- pass 2: rows onto pages ----
  const pages = createMemo(() => {
    const m = measured();
    const pr = placedRows();
    if (!m || m.token !== token || !pr || m.rows !== pr) return null;
    const d = dims();
    const px = (mm: number) => mm * PX_PER_MM;
    const pageRows: PageRow[] = pr.map((r, i) => ({
      lanes: r.laneCount,
      laneHeight: px(d.lane),
      fixed: px(2 * d.pad),
      // + the row's bottom rule, drawn inside its height.
      minHeight: Math.max(m.rowMin[i]!, m.contMin[i]!) + 1,
      keepWithNext: r.row.parent,
    }));
    return {
      pageRows,
      pages: paginateRows(pageRows, { pageHeight: px(d.height - SAFETY_MM), header: m.axis, first: m.head, last: m.foot }),
    };
  });

  const ready = () => !!pages();

  const title = () => {
    const name = ws.name().trim();
    const en = locale() === 'en';
    const n = name ? (en ? `${name} — ` : name) : '';
    const q = quarter();
    return q ? pm('tlTitleQuarter', { name: n, y: params.year, q }) : pm('tlTitle', { name: n, y: params.year });
  };
  const monthLabel = (m: number) => pm('tlMonth', { m, mon: MONTH_NAMES_EN[m - 1]! });
  const period = () => {
    const q = quarter();
    if (!q) return pm('tlPeriodYear', { y: params.year });
    const m1 = (q - 1) * 3 + 1;
    return pm('tlPeriodQuarter', { y: params.year, m1, m2: m1 + 2, mon1: MONTH_NAMES_EN[m1 - 1]!, mon2: MONTH_NAMES_EN[m1 + 1]! });
  };

  const previousTitle = document.title;
  createEffect(() => {
    if (validYear()) document.title = `${ws.name() || ''} ${params.year}`.trim();
  });
  onCleanup(() => (document.title = previousTitle));

  const query = (patch: Partial<Record<'quarter' | 'groupBy' | 'paper', string | undefined>>) => {
    const q = { quarter: quarter() ? String(quarter()) : undefined, groupBy: search.groupBy ? groupBy() : undefined, paper: search.paper ? paper() : undefined, ...patch };
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v) s.set(k, v);
    const str = s.toString();
    return str ? `?${str}` : '';
  };
  const backHref = () => {
    const q = quarter();
    const date = validYear() ? `${params.year}-${String(q ? (q - 1) * 3 + 1 : 1).padStart(2, '0')}-01` : '';
    return `/w/${ws.id}/timeline?zoom=${q ? 'quarter' : 'year'}${date ? `&date=${date}` : ''}&groupBy=${groupBy()}`;
  };

  const kindsShown = createMemo(() => {
    const kinds = new Set<EventKind>();
    for (const r of rows() ?? []) for (const i of r.items) if (i.type === 'event' && i.kind) kinds.add(i.kind);
    return EVENT_KINDS.filter((k) => kinds.has(k));
  });

  const cssVars = (): JSX.CSSProperties => {
    const d = dims();
    return {
      '--tl-w': `${d.width}mm`,
      '--tl-h': `${d.height - SAFETY_MM}mm`,
      '--tl-label': `${d.label}mm`,
      '--tl-lane': `${d.lane}mm`,
      '--tl-bar': `${d.bar}mm`,
      '--tl-pad': `${d.pad}mm`,
      '--tl-item-pt': `${d.itemPt}pt`,
      '--tl-label-pt': `${d.labelPt}pt`,
      '--tl-axis-row': `${d.axisRow}mm`,
      '--tl-dot': `${d.dot}mm`,
      '--tl-k': String(d.k),
    };
  };

  // ---- pieces ----
  /** `ids`: carry the test hooks (not on the measuring copy). */
  const Head = (p: { ids?: boolean }) => (
    <header class="tl-head">
      <h1 class="sheet-title" data-testid={p.ids ? 'print-timeline-title' : undefined}>
        {title()}
      </h1>
      <p class="tl-sub">{pm('tlSub', { period: period(), group: pm(GROUP_LABEL[groupBy()]), n: rows()?.length ?? 0 })}</p>
      <div class="tl-legend" data-testid={p.ids ? 'print-timeline-legend' : undefined}>
        <For each={kindsShown()}>
          {(k) => (
            <span class="tl-legend-item">
              <i class="sw-kind" style={{ '--c': KIND_COLORS[k] }} />
              {KIND_LABELS[locale()][k]}
            </span>
          )}
        </For>
        <span class="tl-legend-item">
          <i class="sw-campaign" />
          {pm('tlLegendCampaign')}
        </span>
        <span class="tl-legend-item">
          <i class="sw-bar" />
          {pm('tlLegendBar')}
        </span>
        <span class="tl-legend-item">
          <i class="sw-dot" />
          {pm('tlLegendMarker')}
        </span>
        <span class="tl-legend-item">
          <i class="sw-window" />
          {pm('tlLegendWindow')}
        </span>
      </div>
    </header>
  );

  const Axis = () => (
    <div class="tl-axis">
      <div class="tl-corner">{pm(GROUP_CORNER[groupBy()])}</div>
      <div class="tl-axis-track">
        <div class="tl-axis-row">
          <For each={axis()?.months ?? []}>
            {(c) => (
              <div class="tl-axis-cell" style={{ left: `${c.x}px`, width: `${c.width}px` }}>
                {monthLabel(c.month)}
              </div>
            )}
          </For>
        </div>
        <Show when={(axis()?.weeks.length ?? 0) > 0}>
          <div class="tl-axis-row tl-weeks">
            <For each={axis()!.weeks}>
              {(c) => (
                <div class="tl-axis-cell" style={{ left: `${c.x}px`, width: `${c.width}px` }}>
                  {c.label}
                </div>
              )}
            </For>
          </div>
        </Show>
      </div>
    </div>
  );

  const Foot = (p: { ids?: boolean }) => (
    <p class="signature tl-foot" data-testid={p.ids ? 'print-signature' : undefined}>
      {pm('signature')}
    </p>
  );

  const RowLabel = (p: { row: TimelineRow; continued: boolean; class?: string }) => (
    <div class={`tl-label ${p.class ?? ''}`} classList={{ 'tl-heading': p.row.parent }} style={{ 'padding-left': `${1.2 + Math.max(0, p.row.depth - 1) * 2.6}mm` }}>
      <Show when={p.row.label}>
        <span class="tl-sec-label">{p.row.label}</span>
      </Show>
      {p.row.title}
      <Show when={p.continued}>
        <span class="tl-cont">{pm('tlContinued')}</span>
      </Show>
    </div>
  );

  const Track = (p: { pr: PlacedRow; from: number; to: number }) => {
    const d = dims();
    const top = (lane: number) => `${d.pad + (lane - p.from) * d.lane + (d.lane - d.bar) / 2}mm`;
    return (
      <div class="tl-track">
        <Show when={p.pr.nothing}>
          <span class="tl-nothing">{pm('tlNothing')}</span>
        </Show>
        <Index each={p.pr.row.items}>
          {(item, i) => {
            const pl = p.pr.placed[i]!;
            if (pl.lane < p.from || pl.lane >= p.to) return null;
            const it = item();
            const campaign = it.type === 'campaign';
            return (
              <>
                <Show when={pl.window && pl.window.width > 0}>
                  <div class="tl-window" style={{ left: `${pl.window!.left}px`, width: `${pl.window!.width}px`, top: top(pl.lane), '--c': itemColor(it) }} />
                </Show>
                <div
                  class={`tl-bar tl-${it.type}`}
                  classList={{ 'tl-marker': it.marker, 'tl-cancelled': it.status === 'cancelled', 'tl-done': it.status === 'done' }}
                  style={{ left: `${pl.left}px`, width: `${pl.width}px`, top: top(pl.lane), '--c': itemColor(it) }}
                >
                  <Show when={campaign && it.progress && it.progress.total > 0}>
                    <span class="tl-fill" style={{ width: `${(it.progress!.done / it.progress!.total) * 100}%` }} />
                  </Show>
                </div>
                <span
                  class={`tl-item-label tl-side-${pl.side} tl-${it.type}`}
                  classList={{ 'tl-cancelled': it.status === 'cancelled', 'tl-clipped': pl.labelClipped, 'tl-marker': it.marker }}
                  style={{ left: `${pl.labelLeft}px`, width: `${pl.labelWidth}px`, top: top(pl.lane) }}
                  data-testid="print-item"
                  data-id={it.id}
                  data-type={it.type}
                  data-start={it.start}
                  data-end={it.end}
                >
                  {it.title}
                  <Show when={campaign && it.progress}>
                    <span class="tl-progress">{progressText(it)}</span>
                  </Show>
                </span>
              </>
            );
          }}
        </Index>
      </div>
    );
  };

  const Grid = () => (
    <div class="tl-grid" aria-hidden="true">
      <For each={axis()?.months ?? []}>{(c) => <div class="tl-gridline" style={{ left: `${c.x}px` }} />}</For>
      <For each={axis()?.weeks ?? []}>{(c) => <div class="tl-gridline tl-week" style={{ left: `${c.x}px` }} />}</For>
    </div>
  );

  return (
    <div
      class="print-page print-timeline-page"
      classList={{ [`paper-${paper()}`]: true, 'lang-en': locale() === 'en' }}
      style={cssVars()}
      data-testid="print-timeline"
      data-ready={ready() ? 'true' : 'false'}
      data-pages={pages()?.pages.length ?? 0}
    >
      <div class="print-options" data-testid="print-options">
        <A href={backHref()} class="print-back" data-testid="print-back">
          {pm('tlBack')}
        </A>
        <Show when={validYear()}>
          <span class="print-month-nav">
            <A href={`/w/${ws.id}/print/timeline/${year() - 1}${query({})}`} title={pm('tlPrevYear')} aria-label={pm('tlPrevYear')}>
              ‹
            </A>
            <strong>{params.year}</strong>
            <A href={`/w/${ws.id}/print/timeline/${year() + 1}${query({})}`} title={pm('tlNextYear')} aria-label={pm('tlNextYear')}>
              ›
            </A>
          </span>
        </Show>
        <label class="print-opt">
          <span>{pm('tlPeriod')}</span>
          <select name="quarter" value={quarter() ? String(quarter()) : ''} onChange={(e) => setSearch({ quarter: e.currentTarget.value || undefined }, { replace: true })} data-testid="print-quarter">
            <option value="">{pm('tlWholeYear')}</option>
            <For each={[1, 2, 3, 4]}>{(q) => <option value={String(q)}>{pm('tlQuarter', { q })}</option>}</For>
          </select>
        </label>
        <label class="print-opt">
          <span>{pm('tlGroupBy')}</span>
          <select name="groupBy" value={groupBy()} onChange={(e) => setSearch({ groupBy: e.currentTarget.value }, { replace: true })} data-testid="print-group-by">
            <For each={GROUP_BYS}>{(g) => <option value={g}>{pm(GROUP_LABEL[g])}</option>}</For>
          </select>
        </label>
        <label class="print-opt">
          <span>{pm('tlPaper')}</span>
          <select name="paper" value={paper()} onChange={(e) => setSearch({ paper: e.currentTarget.value }, { replace: true })} data-testid="print-paper">
            <option value="a4">{pm('tlA4')}</option>
            <option value="a3">{pm('tlA3')}</option>
          </select>
        </label>
        <span class="spacer" />
        <button
          type="button"
          class="primary"
          data-testid="print-button"
          disabled={!ready()}
          onClick={() => window.print()}
          title={pm('tlPrintHint', { paper: paper().toUpperCase() })}
        >
          {pm('print')}
        </button>
      </div>

      <Show when={validYear()} fallback={<p class="page-message error">{pm('tlBadYear', { year: params.year ?? '' })}</p>}>
        <Show when={placedRows()} fallback={<p class="page-message">{pm('tlLoading')}</p>}>
          {(pr) => (
            <>
              {/* Pass 1: the label column and the fixed blocks, off screen, at the sheet's width. */}
              <div class="tl-measure tl-sheet" ref={measureBox} aria-hidden="true">
                <Head />
                <Axis />
                <For each={pr()}>
                  {(r) => (
                    <>
                      <RowLabel row={r.row} continued={false} class="tl-m-row" />
                      <RowLabel row={r.row} continued={true} class="tl-m-cont" />
                    </>
                  )}
                </For>
                <Foot />
              </div>

              <Show when={pages()} fallback={<p class="page-message">{pm('tlLoading')}</p>}>
                {(pg) => (
                  <div class="tl-sheets">
                    <For each={pg().pages}>
                      {(page) => (
                        <section class="tl-sheet" data-testid="timeline-sheet" classList={{ 'tl-overflow': page.overflow }}>
                          <Show when={page.first}>
                            <Head ids />
                          </Show>
                          <Axis />
                          <div class="tl-rows">
                            <Grid />
                            <For each={page.slices}>
                              {(slice) => {
                                const r = pr()[slice.row]!;
                                return (
                                  <div
                                    class="tl-row"
                                    classList={{ 'tl-plan': r.row.depth === 0 && r.row.parent, 'tl-heading': r.row.parent, 'tl-unlinked': !!r.row.unlinked, 'tl-nothing-row': r.nothing }}
                                    style={{ height: `${slice.height}px` }}
                                    data-testid="print-row"
                                    data-group={r.row.key}
                                  >
                                    <RowLabel row={r.row} continued={slice.continued} />
                                    <Track pr={r} from={slice.fromLane} to={slice.toLane} />
                                  </div>
                                );
                              }}
                            </For>
                          </div>
                          <Show when={page.last}>
                            <Foot ids />
                          </Show>
                        </section>
                      )}
                    </For>
                  </div>
                )}
              </Show>
            </>
          )}
        </Show>
      </Show>
    </div>
  );
}
