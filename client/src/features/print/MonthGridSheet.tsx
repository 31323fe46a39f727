/**
 * The wall month grid, A4 landscape, on one page: every activity of every day stays visible.
 * Type shrinks first (picked from the busiest day), then each cell is measured as rendered and
 * a day that still does not fit keeps its first items and continues in notes below the grid
 * (applyCellOverflow, per day). The sheet has the same size on screen as on paper (mm and pt),
 * so what is measured here is what prints.
 */
import { createEffect, createMemo, createSignal, For, on, onCleanup, Show } from 'solid-js';
import type { EventRecord } from '@shared/schema/types';
import { applyCellOverflow, monthGrid, type GridDay, type MonthGrid } from '@shared/print';
import { MONTH_NAMES_EN, WEEKDAY_NAMES, mondayFirst, type Locale } from '@shared/i18n';
import { locale } from '../../i18n';
import { pm } from './messages';
import { holidayMarkTitle, lunarTitle } from '../../i18n/chinese-calendar';
import type { TypeSize } from './type-size';

/** Printable height of an A4 landscape page with the margins of print.css, in mm. */
const PAGE_HEIGHT_MM = 188;
/** Title, legend and weekday header above the weeks (fixed heights in print.css), plus slack. */
const CHROME_MM = 7.5 + 5.5 + 5 + 3;

const SIZE_FACTOR: Record<TypeSize, number> = { small: 0.88, medium: 1, large: 1.15 };

/** Base type size (pt) for the busiest day, before overflow. */
function basePt(maxItems: number, weeks: number): number {
  const roomy = weeks <= 5 ? 0.5 : 0;
  if (maxItems <= 3) return 9 + roomy;
  if (maxItems <= 5) return 8 + roomy;
  if (maxItems <= 7) return 7 + roomy;
  if (maxItems <= 9) return 6.5 + roomy;
  return 6 + roomy;
}

/** Overflow per day: `limits[date]` lines for that cell, the others untouched. */
function withLimits(grid: MonthGrid, limits: Record<string, number>, loc: Locale): MonthGrid {
  if (Object.keys(limits).length === 0) return grid;
  const notes: MonthGrid['notes'] = [];
  const weeks = grid.weeks.map((week) =>
    week.map((day) => {
      const lines = limits[day.date];
      if (!lines) return day;
      const one = applyCellOverflow({ ...grid, weeks: [[day]], notes: [] }, lines, loc);
      notes.push(...one.notes);
      return one.weeks[0][0];
    }),
  );
  return { ...grid, weeks, notes };
}

const linesOf = (d: GridDay) => d.visible.length + (d.continuation ? 1 : 0);

export function MonthGridSheet(props: {
  events: EventRecord[];
  month: string;
  workspaceName: string;
  /** meta.timezone: series kept in their own zone are shown in it. */
  timezone?: string;
  size: TypeSize;
  onFitted: (fitted: boolean) => void;
}) {
  let sheet!: HTMLElement;
  const base = createMemo(() => monthGrid(props.events, props.month, { locale: locale(), timezone: props.timezone }));
  const fontPt = createMemo(() => +(basePt(base().maxItemsPerDay, base().weeks.length) * SIZE_FACTOR[props.size]).toFixed(2));
  const rowMm = () => ((PAGE_HEIGHT_MM - CHROME_MM) / base().weeks.length).toFixed(2);

  const [limits, setLimits] = createSignal<Record<string, number>>({});
  const grid = createMemo(() => withLimits(base(), limits(), locale()));

  // New data or type size: start again from no overflow.
  createEffect(
    on([base, fontPt], () => {
      setLimits({});
      props.onFitted(false);
    }),
  );

  /** Measure every cell as laid out; shorten the ones that overflow. Limits only decrease, so this ends. */
  const fit = () => {
    const current = limits();
    const next = { ...current };
    let changed = false;
    for (const el of sheet.querySelectorAll<HTMLElement>('.pg-items')) {
      if (el.scrollHeight <= el.clientHeight + 0.5) continue;
      const lines = Number(el.dataset.lines);
      const date = el.dataset.date!;
      if (lines > 1) {
        next[date] = lines - 1;
        changed = true;
      }
    }
    if (changed) setLimits(next);
    else props.onFitted(true);
  };
  createEffect(on(grid, () => fit()));
  // Fonts arriving late change the measures.
  let alive = true;
  void document.fonts?.ready.then(() => {
    if (!alive) return;
    props.onFitted(false);
    setLimits({});
    fit();
  });
  onCleanup(() => (alive = false));

  const weekdayNames = () => mondayFirst(WEEKDAY_NAMES[locale()].short);
  const title = () => {
    const y = props.month.slice(0, 4);
    const m = Number(props.month.slice(5, 7));
    const name = props.workspaceName.trim();
    return locale() === 'zh'
      ? pm('gridTitle', { name: name ? `${name} ` : '', y, m })
      : pm('gridTitle', { name: name ? `${name} — ` : '', y, mon: MONTH_NAMES_EN[m - 1] });
  };

  return (
    <section
      class="print-sheet print-grid-sheet"
      data-testid="print-grid"
      ref={sheet}
      style={{ '--pg-font': `${fontPt()}pt`, '--pg-row': `${rowMm()}mm` }}
    >
      <header class="pg-head-block">
        <h1 class="sheet-title">{title()}</h1>
      </header>
      <div class="pg-legend" data-testid="print-legend">
        <For each={grid().legend}>
          {(l) => (
            <span class="pg-legend-item">
              <i style={{ background: l.color }} />
              {l.label}
            </span>
          )}
        </For>
        <span class="pg-legend-item">
          <b class="pg-mark off" lang="zh-CN" title={pm('holidayOff')}>休</b>
          {pm('holidayOff')}
        </span>
        <span class="pg-legend-item">
          <b class="pg-mark work" lang="zh-CN" title={pm('holidayWork')}>班</b>
          {pm('holidayWork')}
        </span>
      </div>
      <div class="pg-grid">
        <For each={weekdayNames()}>{(w, i) => <div class="pg-weekday" classList={{ weekend: i() >= 5 }}>{w}</div>}</For>
        <For each={grid().weeks}>
          {(week) => (
            <For each={week}>
              {(day) => (
                <div
                  class="pg-cell"
                  classList={{ out: !day.inMonth, weekend: day.weekday === 0 || day.weekday === 6, off: day.holidayMark === '休' }}
                  data-date={day.date}
                >
                  <div class="pg-cell-head">
                    <span class="pg-day">{day.day}</span>
                    <Show when={day.holidayMark}>
                      <b class="pg-mark" classList={{ off: day.holidayMark === '休', work: day.holidayMark === '班' }} lang="zh-CN" title={day.holiday ? holidayMarkTitle(day.holiday.kind, day.holiday.name, locale()) : undefined}>
                        {day.holidayMark}
                      </b>
                    </Show>
                    <span class="pg-lunar" classList={{ term: !!day.solarTerm }} lang="zh-CN" title={lunarTitle(day.date, day.solarTerm || null, locale())}>
                      {day.solarTerm || day.lunar}
                    </span>
                  </div>
                  <div class="pg-items" data-date={day.date} data-lines={linesOf(day)}>
                    <For each={day.visible}>
                      {(item) => (
                        <div
                          class="pg-item"
                          classList={{ cancelled: item.status === 'cancelled', cont: item.span === 'middle' || item.span === 'end' }}
                          style={{ '--kind': item.color }}
                        >
                          <Show when={item.time}>
                            <span class="pg-time">{item.time}</span>{' '}
                          </Show>
                          {item.title}
                        </div>
                      )}
                    </For>
                    <Show when={day.continuation}>
                      <div class="pg-more">{day.continuation}</div>
                    </Show>
                  </div>
                </div>
              )}
            </For>
          )}
        </For>
      </div>
      <Show when={grid().notes.length > 0}>
        <div class="pg-notes" data-testid="print-grid-notes">
          <h2>{pm('continued')}</h2>
          <For each={grid().notes}>
            {(note) => (
              <div class="pg-note">
                <span class="pg-note-day">{note.label}</span>
                <For each={note.items}>
                  {(item) => (
                    <span class="pg-note-item" classList={{ cancelled: item.status === 'cancelled' }} style={{ '--kind': item.color }}>
                      <Show when={item.time}>
                        <span class="pg-time">{item.time}</span>{' '}
                      </Show>
                      {item.title}
                    </span>
                  )}
                </For>
              </div>
            )}
          </For>
        </div>
      </Show>
    </section>
  );
}
