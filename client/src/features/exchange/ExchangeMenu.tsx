/**
 * The calendar toolbar's print / exchange menu for the visible month: print the month,
 * iCalendar export (month or whole workspace) and import, the month table as .xlsx / .docx.
 * Everything heavy (ical.js, exceljs, docx, the print layout code) loads on first use.
 */
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { useWorkspace } from '../../stores/workspace-context';
import { createTranslator } from '@shared/i18n/format';
import { locale } from '../../i18n';
import './exchange.css';

// The menu's own few strings (this file is in the calendar's first JS; the print page's are lazy).
const MESSAGES = {
  zh: {
    exchange: '打印 / 导出',
    printMonth: '打印本月',
    exportIcsMonth: '导出本月 .ics',
    exportIcsAll: '导出全部 .ics',
    importIcs: '导入 .ics…',
    exportXlsx: '导出本月安排表 .xlsx',
    exportDocx: '导出本月安排表 .docx',
    working: '正在处理…',
    imported: '已导入：新建 {created} 项，更新 {updated} 项，未变 {unchanged} 项。',
    importedTrash: '{n} 项在回收站中，已更新但未恢复。',
    importedFailed: '{n} 项未能导入。',
    importedObservances: '{n} 项本单位纪念日未作为活动导入（纪念日另行保存）。',
    importError: '无法导入，日历未做任何更改：{reason}',
    empty: '文件是空的。',
    'not-icalendar': '这不是 iCalendar（.ics）文件。',
    syntax: '文件格式有误，无法读取。',
    read: '无法读取文件。',
    refused: '{detail}',
    exportFailed: '导出失败：{reason}',
    close: '关闭',
  },
  en: {
    exchange: 'Print / export',
    printMonth: 'Print this month',
    exportIcsMonth: 'Export month (.ics)',
    exportIcsAll: 'Export all (.ics)',
    importIcs: 'Import .ics…',
    exportXlsx: 'Month table (.xlsx)',
    exportDocx: 'Month table (.docx)',
    working: 'Working…',
    imported: 'Imported: {created} created, {updated} updated, {unchanged} unchanged.',
    importedTrash: '{n} are in the trash: updated, not restored.',
    importedFailed: '{n} could not be imported.',
    importedObservances: '{n} own anniversaries were not imported as activities (they are kept as anniversaries).',
    importError: 'Nothing was imported and the calendar is unchanged: {reason}',
    empty: 'the file is empty.',
    'not-icalendar': 'this is not an iCalendar (.ics) file.',
    syntax: 'the file is malformed and cannot be read.',
    read: 'the file cannot be read.',
    refused: '{detail}',
    exportFailed: 'Export failed: {reason}',
    close: 'Close',
  },
} as const;
const pm = createTranslator<keyof (typeof MESSAGES)['zh']>(MESSAGES, locale);

type Actions = typeof import('./actions');
const loadActions = (): Promise<Actions> => import('./actions');

export function ExchangeMenu(props: { month: string }) {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [notice, setNotice] = createSignal<{ ok: boolean; text: string } | null>(null);
  let root!: HTMLDivElement;
  let fileInput!: HTMLInputElement;

  const onDocClick = (e: MouseEvent) => {
    if (open() && !root.contains(e.target as Node)) setOpen(false);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') setOpen(false);
  };
  onMount(() => {
    document.addEventListener('click', onDocClick);
    document.addEventListener('keydown', onKey);
  });
  onCleanup(() => {
    document.removeEventListener('click', onDocClick);
    document.removeEventListener('keydown', onKey);
  });

  const run = async (work: (a: Actions) => Promise<{ ok: boolean; text: string } | null>) => {
    setOpen(false);
    setBusy(true);
    setNotice(null);
    try {
      setNotice(await work(await loadActions()));
    } catch (e) {
      setNotice({ ok: false, text: pm('exportFailed', { reason: String((e as Error)?.message ?? e) }) });
    } finally {
      setBusy(false);
    }
  };

  const exportIcs = (scope: 'month' | 'all') =>
    run(async (a) => {
      await a.exportIcsFile(ws, scope === 'all' ? 'all' : { month: props.month });
      return null;
    });
  const exportTable = (format: 'xlsx' | 'docx') =>
    run(async (a) => {
      await a.exportMonthTable(ws, props.month, format, locale());
      return null;
    });
  const onFile = (file: File | undefined) => {
    fileInput.value = '';
    if (!file) return;
    void run(async (a) => {
      const r = await a.importIcsFile(ws, file);
      if (!r.ok) {
        const reason = r.code === 'syntax' ? `${pm('syntax')} (${r.detail})` : pm(r.code, { detail: r.detail });
        return { ok: false, text: pm('importError', { reason }) };
      }
      let text = pm('imported', { created: r.created, updated: r.updated, unchanged: r.unchanged });
      if (r.inTrash) text += ` ${pm('importedTrash', { n: r.inTrash })}`;
      if (r.failed) text += ` ${pm('importedFailed', { n: r.failed })}`;
      if (r.observances) text += ` ${pm('importedObservances', { n: r.observances })}`;
      return { ok: true, text };
    });
  };

  return (
    <div class="exchange" ref={root}>
      <button
        type="button"
        class="exchange-toggle"
        data-testid="exchange-menu"
        aria-haspopup="menu"
        aria-expanded={open()}
        disabled={busy()}
        onClick={() => setOpen(!open())}
      >
        {busy() ? pm('working') : pm('exchange')} ▾
      </button>
      <Show when={open()}>
        <div class="exchange-list" role="menu">
          <button type="button" role="menuitem" data-testid="print-month" onClick={() => navigate(`/w/${ws.id}/print/month/${props.month}`)}>
            {pm('printMonth')}
          </button>
          <hr />
          <button type="button" role="menuitem" data-testid="export-ics-month" onClick={() => void exportIcs('month')}>
            {pm('exportIcsMonth')}
          </button>
          <button type="button" role="menuitem" data-testid="export-ics-all" onClick={() => void exportIcs('all')}>
            {pm('exportIcsAll')}
          </button>
          <Show when={!ws.readOnly()}>
            <button type="button" role="menuitem" data-testid="import-ics" onClick={() => fileInput.click()}>
              {pm('importIcs')}
            </button>
          </Show>
          <hr />
          <button type="button" role="menuitem" data-testid="export-xlsx" onClick={() => void exportTable('xlsx')}>
            {pm('exportXlsx')}
          </button>
          <button type="button" role="menuitem" data-testid="export-docx" onClick={() => void exportTable('docx')}>
            {pm('exportDocx')}
          </button>
        </div>
      </Show>
      <input
        ref={fileInput}
        type="file"
        accept=".ics,text/calendar"
        hidden
        data-testid="import-ics-file"
        onChange={(e) => onFile(e.currentTarget.files?.[0])}
      />
      <Show when={notice()}>
        {(n) => (
          <div class="exchange-notice" classList={{ error: !n().ok }} role="status" data-testid="exchange-message">
            <span>{n().text}</span>
            <button type="button" class="icon-btn" aria-label={pm('close')} onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
        )}
      </Show>
    </div>
  );
}

