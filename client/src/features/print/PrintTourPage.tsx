/**
 * `/w/<id>/print/team/<teamId>` (`?year=YYYY`, default this year in the workspace's zone): a
 * lecture team's schedule for the year (…宣讲安排表) as host units are sent it, A4 landscape.
 * Same rules as the month table: the header row repeats on every printed page, no row is split
 * across pages, page numbers in the page margin (styles/print.css), the 制表 / 审核 / 日期 line
 * at the end. The rows come from shared/src/print/tour-table, which the .xlsx also renders.
 *
 * After a reload the team and units come from their persisted copy and the events from the
 * stored index, so the table paints before the doc has loaded; "unknown team" is said only once
 * the doc has, and `data-ready` (what a print waits for) only then too.
 */
import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { A, useParams, useSearchParams } from '@solidjs/router';
import type { EventRecord } from '@shared/schema/types';
import { isDeleted } from '@shared/schema';
import { TOUR_TABLE_COLUMNS, tourTableRows, tourTableTitle } from '@shared/print';
import { todayIn } from '@shared/time/dates';
import { locale } from '../../i18n';
import { useWorkspace } from '../../stores/workspace-context';
import { download } from '../../ui/download';
import { pm } from './messages';
import '../../styles/print.css';
import './print-tour.css';

const YEAR_RE = /^\d{4}$/;

/** A file name part: no path or reserved characters. */
const fileSafe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 60);

export default function PrintTourPage() {
  const ws = useWorkspace();
  const params = useParams<{ teamId: string }>();
  const [search] = useSearchParams<{ year?: string }>();

  const yearText = () => search.year ?? todayIn(ws.timezone()).slice(0, 4);
  const validYear = () => YEAR_RE.test(yearText()) && Number(yearText()) >= 1900 && Number(yearText()) <= 2200;
  const year = () => Number(yearText());

  onMount(() => void ws.whenLoaded());

  const team = createMemo(() => (ws.groupsKnown() ? ws.teams().find((t) => t.id === params.teamId) : undefined));
  const unknownTeam = () => ws.ready() && !team();

  // The year's events, re-read whenever the index changes and once more when the doc has
  // loaded (the stored index answers first; the loaded doc is the truth a print waits for).
  const [data, setData] = createSignal<{ year: number; events: EventRecord[]; loaded: boolean } | null>(null);
  let seq = 0;
  createEffect(() => {
    ws.revision();
    const loaded = ws.ready();
    if (!validYear()) return;
    const y = year();
    const token = ++seq;
    void ws.queryEvents(`${y}-01-01`, `${y + 1}-01-01`).then((rows) => {
      if (token !== seq) return;
      const events = rows.filter((e) => !isDeleted(e)).map(({ conflicted: _c, ...record }) => record as EventRecord);
      setData({ year: y, events, loaded });
    });
  });

  const current = () => {
    const d = data();
    return d && d.year === year() ? d : null;
  };
  const rows = createMemo(() => {
    const d = current();
    const t = team();
    if (!d || !t) return null;
    return tourTableRows({ events: d.events, teamId: t.id, units: [...ws.units(), ...ws.trashedUnits()], year: d.year, locale: locale(), timezone: ws.timezone() });
  });
  const title = () => tourTableTitle(team()?.name ?? '', year(), locale());
  const ready = () => !!rows() && !!current()?.loaded;

  const previousTitle = document.title;
  createEffect(() => {
    const t = team();
    if (t && validYear()) document.title = `${t.name} ${year()}`;
  });
  onCleanup(() => (document.title = previousTitle));

  const [downloadError, setDownloadError] = createSignal('');
  const [downloading, setDownloading] = createSignal(false);
  const downloadXlsx = async () => {
    const rs = rows();
    const t = team();
    if (!rs || !t) return;
    setDownloading(true);
    setDownloadError('');
    try {
      const exp = await import('@shared/export');
      const bytes = await exp.tourTableXlsx(rs, title(), { locale: locale() });
      download(bytes as BlobPart, `${fileSafe(t.name) || 'team'}-${year()}.xlsx`, exp.FILE_MIME.xlsx);
    } catch (e) {
      setDownloadError(pm('tourDownloadFailed', { error: String((e as Error)?.message ?? e) }));
    } finally {
      setDownloading(false);
    }
  };

  const yearHref = (y: number) => `/w/${ws.id}/print/team/${encodeURIComponent(params.teamId)}?year=${y}`;
  const joiner = () => (locale() === 'en' ? ', ' : '、');
  const sub = () => {
    const t = team();
    if (!t) return [];
    const members = t.members.map((m) => m.trim()).filter(Boolean);
    return [
      t.topic?.trim() ? pm('tourTopic', { topic: t.topic.trim() }) : '',
      members.length ? pm('tourMembers', { members: members.join(joiner()) }) : '',
      pm('tourCount', { n: rows()?.length ?? 0 }),
    ].filter(Boolean);
  };

  return (
    <div
      class="print-page print-tour-page"
      data-testid="print-tour"
      data-ready={ready() ? 'true' : 'false'}
      data-rows={rows()?.length ?? 0}
      style={{ '--team': team()?.color || '#8a8a8a' }}
    >
      <div class="print-options" data-testid="print-options">
        <A href={`/w/${ws.id}/teams`} class="print-back" data-testid="print-back">
          {pm('tourBack')}
        </A>
        <Show when={validYear()}>
          <span class="print-month-nav">
            <A href={yearHref(year() - 1)} title={pm('tlPrevYear')} aria-label={pm('tlPrevYear')}>
              ‹
            </A>
            <strong>{year()}</strong>
            <A href={yearHref(year() + 1)} title={pm('tlNextYear')} aria-label={pm('tlNextYear')}>
              ›
            </A>
          </span>
        </Show>
        <span class="spacer" />
        <Show when={downloadError()}>
          <span class="print-tour-error" role="alert">
            {downloadError()}
          </span>
        </Show>
        <button type="button" data-testid="download-xlsx" disabled={!rows() || downloading()} onClick={() => void downloadXlsx()} title={pm('tourDownloadHint')}>
          {pm('tourDownload')}
        </button>
        <button type="button" class="primary" data-testid="print-button" disabled={!rows()} onClick={() => window.print()} title={pm('printHint')}>
          {pm('print')}
        </button>
      </div>

      <Show when={validYear()} fallback={<p class="page-message error">{pm('tlBadYear', { year: yearText() })}</p>}>
        <Show
          when={rows()}
          fallback={
            <Show when={unknownTeam()} fallback={<p class="page-message">{pm('tourLoading')}</p>}>
              <p class="page-message error" data-testid="print-tour-unknown">
                {pm('tourUnknownTeam', { id: params.teamId })}
              </p>
            </Show>
          }
        >
          {(rs) => (
            <div class="print-sheets">
              <section class="print-sheet print-table-sheet print-tour-sheet" data-testid="print-tour-table">
                <header class="sheet-head">
                  <h1 class="sheet-title" data-testid="print-tour-title">
                    {title()}
                  </h1>
                  <p class="sheet-sub tour-sub">
                    <For each={sub()}>{(s) => <span>{s}</span>}</For>
                  </p>
                </header>
                <table class="month-table tour-table">
                  <colgroup>
                    <For each={TOUR_TABLE_COLUMNS}>{(c) => <col style={{ width: `${c.width}%` }} />}</For>
                  </colgroup>
                  <thead>
                    <tr>
                      <For each={TOUR_TABLE_COLUMNS}>{(c) => <th scope="col">{c[locale()]}</th>}</For>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={rs()}>
                      {(r) => (
                        <tr data-testid="print-tour-row" data-event-id={r.eventId} data-start={r.start} classList={{ done: r.status === 'done' }}>
                          <td class="c-seq">{r.seq}</td>
                          <td class="c-time">{r.time}</td>
                          <td class="c-host">
                            <Show when={r.hostName}>
                              <span class="host-name">{r.hostName}</span>
                            </Show>
                            <Show when={r.hostPlace}>
                              <span class="host-place">{r.hostPlace}</span>
                            </Show>
                          </td>
                          <td>{r.speakers}</td>
                          <td class="c-title">{r.title}</td>
                          <td>{r.participants}</td>
                          <td>{r.contact}</td>
                        </tr>
                      )}
                    </For>
                    <Show when={rs().length === 0}>
                      <tr>
                        <td colSpan={TOUR_TABLE_COLUMNS.length} class="c-empty">
                          {pm('tourNoSessions')}
                        </td>
                      </tr>
                    </Show>
                  </tbody>
                </table>
                <p class="signature" data-testid="print-signature">
                  {pm('signature')}
                </p>
              </section>
            </div>
          )}
        </Show>
      </Show>
    </div>
  );
}
