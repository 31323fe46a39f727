/**
 * The month's activity table (…月活动安排表) as offices circulate it: A4 landscape, the header
 * row repeated on every printed page, no row split across pages, page numbers in the page
 * margin (styles/print.css), and the 制表 / 审核 / 日期 line at the end.
 */
import { createMemo, For, Show } from 'solid-js';
import type { EventRecord } from '@shared/schema/types';
import { MONTH_TABLE_COLUMNS, monthTableRows, monthTableTitle } from '@shared/print';
import { locale } from '../../i18n';
import { pm } from './messages';
import { sectionPathOf, type SectionInfo } from './month-data';
import type { TypeSize } from './type-size';

/**
 * The time column keeps the lunar date in brackets as offices write it (二月十五), in English
 * too: marked Chinese, with an English tooltip.
 */
function withLunar(time: string) {
  const m = /^(.*?)([(（][^)）]*[\u4e00-\u9fff][^)）]*[)）])(.*)$/.exec(time);
  if (!m || locale() === 'zh') return time;
  return (
    <>
      {m[1]}
      <span lang="zh-CN" title="Chinese lunar calendar date">
        {m[2]}
      </span>
      {m[3]}
    </>
  );
}

export function MonthTableSheet(props: {
  events: EventRecord[];
  month: string;
  sections: SectionInfo[];
  /** meta.timezone: series kept in their own zone are shown in it. */
  timezone?: string;
  workspaceName: string;
  size: TypeSize;
}) {
  const rows = createMemo(() =>
    monthTableRows(props.events, props.month, { sectionPath: sectionPathOf(props.sections), locale: locale(), timezone: props.timezone }),
  );
  const title = () => monthTableTitle(props.workspaceName, props.month, locale());
  return (
    <section class="print-sheet print-table-sheet" data-testid="print-table">
      <header class="sheet-head">
        <h1 class="sheet-title">{title()}</h1>
        <p class="sheet-sub">{pm('rowsCount', { n: rows().length })}</p>
      </header>
      <table class="month-table">
        <colgroup>
          <For each={MONTH_TABLE_COLUMNS}>{(c) => <col style={{ width: `${c.width}%` }} />}</For>
        </colgroup>
        <thead>
          <tr>
            <For each={MONTH_TABLE_COLUMNS}>{(c) => <th scope="col">{c[locale()]}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(r) => (
              <tr classList={{ cancelled: r.status === 'cancelled' }} data-event-id={r.eventId}>
                <td class="c-seq">{r.seq}</td>
                <td class="c-time">{withLunar(r.time)}</td>
                <td class="c-title">{r.title}</td>
                <td>{r.location}</td>
                <td>{r.leadUnit}</td>
                <td>{r.participants}</td>
                <td class="c-remarks">{r.remarks}</td>
              </tr>
            )}
          </For>
          <Show when={rows().length === 0}>
            <tr>
              <td colSpan={MONTH_TABLE_COLUMNS.length} class="c-empty">
                {pm('noActivities')}
              </td>
            </tr>
          </Show>
        </tbody>
      </table>
      <p class="signature" data-testid="print-signature">
        {pm('signature')}
      </p>
    </section>
  );
}
