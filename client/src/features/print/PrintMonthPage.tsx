/**
 * `/w/<id>/print/month/<YYYY-MM>`: the month as offices print it — the activity table
 * (…月活动安排表) and a wall grid, both A4 landscape. The options bar is for the screen only;
 * what is below it is exactly what `window.print()` puts on paper (see styles/print.css).
 */
import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import type { EventKind, EventRecord, SectionRecord } from '@shared/schema/types';
import { sectionWithDescendants } from '@shared/schema';
import { EVENT_KINDS } from '@shared/schema/types';
import { KIND_COLORS } from '@shared/display/kind-colors';
import { KIND_LABELS } from '@shared/display/record-labels';
import { locale } from '../../i18n';
import { useWorkspace } from '../../stores/workspace-context';
import { pm } from './messages';
import {
  MONTH_RE,
  monthEvents,
  readCampaignList,
  liveOutline,
  shiftMonth,
  type CampaignInfo,
  type SectionInfo,
} from './month-data';
import { MonthTableSheet } from './MonthTableSheet';
import type { TypeSize } from './type-size';
import { MonthGridSheet } from './MonthGridSheet';
import '../../styles/print.css';


interface MonthData {
  month: string;
  events: EventRecord[];
  sections: SectionInfo[];
  campaigns: CampaignInfo[];
}


export default function PrintMonthPage() {
  const ws = useWorkspace();
  const params = useParams<{ ym: string }>();
  const validMonth = () => MONTH_RE.test(params.ym ?? '');

  const [loaded, setLoaded] = createSignal(false);
  onMount(() => {
    void ws.whenLoaded().then(() => setLoaded(true));
  });

  const [data, setData] = createSignal<MonthData | null>(null);
  let seq = 0;
  createEffect(() => {
    const ym = params.ym;
    ws.revision();
    if (!loaded() || !MONTH_RE.test(ym)) return;
    const token = ++seq;
    void monthEvents(ws, ym).then((events) => {
      if (token !== seq) return;
      setData({ month: ym, events, sections: liveOutline(ws), campaigns: readCampaignList(ws) });
    });
  });

  // Options (screen only).
  const [showTable, setShowTable] = createSignal(true);
  const [showGrid, setShowGrid] = createSignal(true);
  const [hiddenKinds, setHiddenKinds] = createSignal<ReadonlySet<EventKind>>(new Set());
  const [sectionId, setSectionId] = createSignal('');
  const [campaignId, setCampaignId] = createSignal('');
  const [size, setSize] = createSignal<TypeSize>('medium');
  const [gridFitted, setGridFitted] = createSignal(false);

  const kindsPresent = createMemo(() => {
    const kinds = new Set((data()?.events ?? []).map((e) => e.kind));
    return EVENT_KINDS.filter((k) => kinds.has(k));
  });

  const filtered = createMemo(() => {
    const d = data();
    if (!d) return [];
    const hidden = hiddenKinds();
    const sid = sectionId();
    const subtree = sid ? sectionWithDescendants(d.sections as SectionRecord[], sid) : null;
    const cid = campaignId();
    return d.events.filter(
      (e) =>
        !hidden.has(e.kind) &&
        (!subtree || (e.sectionIds ?? []).some((s) => subtree.has(s))) &&
        (!cid || e.campaignId === cid),
    );
  });

  const toggleKind = (k: EventKind, on: boolean) => {
    const next = new Set(hiddenKinds());
    if (on) next.delete(k);
    else next.add(k);
    setHiddenKinds(next);
  };

  const ready = () => !!data() && data()!.month === params.ym && (!showGrid() || gridFitted());

  // A print started from the browser's own menu gets the same page: nothing to prepare.
  const previousTitle = document.title;
  createEffect(() => {
    if (validMonth()) document.title = `${ws.name() || ''} ${params.ym}`.trim();
  });
  onCleanup(() => (document.title = previousTitle));

  return (
    <div class="print-page" data-testid="print-page" data-ready={ready() ? 'true' : 'false'} classList={{ [`size-${size()}`]: true }}>
      <div class="print-options" data-testid="print-options">
        <A href={`/w/${ws.id}?view=month&date=${validMonth() ? params.ym : ''}-01`} class="print-back" data-testid="print-back">
          {pm('backToCalendar')}
        </A>
        <Show when={validMonth()}>
          <span class="print-month-nav">
            <A href={`/w/${ws.id}/print/month/${shiftMonth(params.ym, -1)}`} title={pm('prevMonth')} aria-label={pm('prevMonth')}>
              ‹
            </A>
            <strong>{params.ym}</strong>
            <A href={`/w/${ws.id}/print/month/${shiftMonth(params.ym, 1)}`} title={pm('nextMonth')} aria-label={pm('nextMonth')}>
              ›
            </A>
          </span>
        </Show>
        <fieldset class="print-opt">
          <legend>{pm('parts')}</legend>
          <label>
            <input type="checkbox" checked={showTable()} onChange={(e) => setShowTable(e.currentTarget.checked)} data-testid="part-table" />
            {pm('partTable')}
          </label>
          <label>
            <input type="checkbox" checked={showGrid()} onChange={(e) => setShowGrid(e.currentTarget.checked)} data-testid="part-grid" />
            {pm('partGrid')}
          </label>
        </fieldset>
        <fieldset class="print-opt kinds">
          <legend>{pm('filterKind')}</legend>
          <For each={kindsPresent()}>
            {(k) => (
              <label class="kind-chip" style={{ '--kind': KIND_COLORS[k] }}>
                <input type="checkbox" checked={!hiddenKinds().has(k)} onChange={(e) => toggleKind(k, e.currentTarget.checked)} data-kind={k} />
                <span class="swatch" />
                {KIND_LABELS[locale()][k]}
              </label>
            )}
          </For>
        </fieldset>
        <label class="print-opt">
          <span>{pm('filterSection')}</span>
          <select
            value={sectionId()}
            onChange={(e) => setSectionId(e.currentTarget.value)}
            disabled={!data()?.sections.length}
            data-testid="filter-section"
          >
            <option value="">{pm('all')}</option>
            <For each={data()?.sections ?? []}>
              {(s) => (
                <option value={s.id}>
                  {'\u00a0\u00a0'.repeat(Math.max(0, s.level - 1))}
                  {`${s.label} ${s.title}`.trim().slice(0, 30)}
                </option>
              )}
            </For>
          </select>
        </label>
        <label class="print-opt">
          <span>{pm('filterCampaign')}</span>
          <select
            value={campaignId()}
            onChange={(e) => setCampaignId(e.currentTarget.value)}
            disabled={!data()?.campaigns.length}
            data-testid="filter-campaign"
          >
            <option value="">{pm('all')}</option>
            <For each={data()?.campaigns ?? []}>{(c) => <option value={c.id}>{c.title}</option>}</For>
          </select>
        </label>
        <label class="print-opt">
          <span>{pm('typeSize')}</span>
          <select value={size()} onChange={(e) => setSize(e.currentTarget.value as TypeSize)} data-testid="type-size">
            <option value="small">{pm('sizeSmall')}</option>
            <option value="medium">{pm('sizeMedium')}</option>
            <option value="large">{pm('sizeLarge')}</option>
          </select>
        </label>
        <span class="spacer" />
        <button
          type="button"
          class="primary"
          data-testid="print-button"
          disabled={!ready() || (!showTable() && !showGrid())}
          onClick={() => window.print()}
          title={pm('printHint')}
        >
          {pm('print')}
        </button>
      </div>

      <Show when={validMonth()} fallback={<p class="page-message error">{pm('badMonth', { month: params.ym ?? '' })}</p>}>
        <Show when={data()?.month === params.ym ? data() : null} fallback={<p class="page-message">{pm('loading')}</p>} keyed>
          {(d) => (
            <div class="print-sheets">
              <Show when={showTable()}>
                <MonthTableSheet events={filtered()} month={d.month} sections={d.sections} workspaceName={ws.name()} timezone={ws.timezone()} size={size()} />
              </Show>
              <Show when={showGrid()}>
                <MonthGridSheet
                  events={filtered()}
                  month={d.month}
                  workspaceName={ws.name()}
                  timezone={ws.timezone()}
                  size={size()}
                  onFitted={setGridFitted}
                />
              </Show>
            </div>
          )}
        </Show>
      </Show>
    </div>
  );
}
