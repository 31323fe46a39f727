/**
 * The calendar toolbar's print / exchange menu for the visible month: print the month,
 * iCalendar export (month or whole workspace) and import, the month table as .xlsx / .docx.
 * Everything heavy (ical.js, exceljs, docx, the print layout code) loads on first use.
 */
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { useWorkspace } from '../../stores/workspace-context';
import { pm } from '../print/messages';
import './exchange.css';

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
      await a.exportMonthTable(ws, props.month, format);
      return null;
    });
  const onFile = (file: File | undefined) => {
    fileInput.value = '';
    if (!file) return;
    void run(async (a) => {
      const r = await a.importIcsFile(ws, file);
      return { ok: r.ok, text: r.message };
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
          <Show when={!ws.sync.readOnly()}>
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
