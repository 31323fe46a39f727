/**
 * What the exchange menu does, loaded on first use (`await import('./actions')`) so the
 * calendar's initial JS does not carry iCalendar, Excel or Word code. ical.js, exceljs and
 * docx are each loaded only by the action that needs them.
 */
import type { EventRecord } from '@shared/schema/types';
import type { Locale } from '@shared/i18n/locale';
import { monthTableRows, monthTableTitle } from '@shared/print';
import { exportIcs, IcsError, parseIcs } from '@shared/ical';
import { expandOccurrences } from '@shared/time/recurrence';
import { monthRange } from '@shared/time/dates';
import type { CommandError } from '@shared/workspace/result';
import type { WorkspaceStore } from '../../stores/workspace-context';
import { liveOutline, monthEvents, sectionPathOf } from '../print/month-data';
import { download } from '../../ui/download';

// The menu passes the locale in: importing the app's i18n or stores here would make the
// bundler split them out of the main chunk (measured with vite build).


/** A file name from the workspace name: no path or reserved characters. */
export function fileBase(ws: WorkspaceStore): string {
  const name = (ws.name() || ws.id).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 60);
  return name || 'calendar';
}

/** Live events with at least one occurrence in the month. */
async function eventsInMonth(ws: WorkspaceStore, month: string): Promise<EventRecord[]> {
  await ws.whenLoaded();
  const { start, end } = monthRange(month);
  return (await monthEvents(ws, month)).filter((e) => expandOccurrences(e, start, end, 1, ws.timezone()).length > 0);
}

export async function exportIcsFile(ws: WorkspaceStore, scope: { month: string } | 'all'): Promise<string> {
  await ws.whenLoaded();
  const events = scope === 'all' ? ws.read.liveEvents() : await eventsInMonth(ws, scope.month);
  const paths = sectionPathOf(liveOutline(ws));
  const text = exportIcs(events, {
    calendarName: ws.name() || ws.id,
    timezone: ws.timezone(),
    sectionPaths: (ids) => ids.map(paths).filter((p): p is string => !!p),
    // The whole-workspace file carries the own anniversaries as yearly events; a month's file
    // is that month's activities, and a yearly series would reach far beyond it.
    observances: scope === 'all' ? ws.ownObservances() : undefined,
  });
  const file = `${fileBase(ws)}${scope === 'all' ? '' : `-${scope.month}`}.ics`;
  download(text, file, 'text/calendar;charset=utf-8');
  return file;
}

export type ImportOutcome =
  | { ok: true; created: number; updated: number; unchanged: number; inTrash: number; failed: number; observances: number }
  | { ok: false; code: 'empty' | 'not-icalendar' | 'syntax' | 'read'; detail: string }
  | { ok: false; code: 'refused'; detail: string; error: CommandError };

/** Parse first; only a file that parses is applied (one transaction, undoable). */
export async function importIcsFile(ws: WorkspaceStore, file: File): Promise<ImportOutcome> {
  await ws.whenLoaded();
  let parsed;
  try {
    parsed = parseIcs(await file.text(), { timezone: ws.timezone() });
  } catch (e) {
    if (e instanceof IcsError) return { ok: false, code: e.code, detail: e.message };
    return { ok: false, code: 'read', detail: String((e as Error)?.message ?? e) };
  }
  const result = ws.run('ics.import', { parsed });
  if (!result.ok) return { ok: false, code: 'refused', detail: result.error.message, error: result.error };
  const r = result.value;
  return {
    ok: true,
    created: r.created.length,
    updated: r.updated.length,
    unchanged: r.unchanged.length,
    inTrash: r.inTrash.length,
    failed: r.failed.length,
    // Own anniversaries from one of our exports: skipped by parseIcs, reported so the count adds up.
    observances: parsed.skippedObservances ?? 0,
  };
}

/** The month table as .xlsx or .docx (the same rows as the print page). */
export async function exportMonthTable(ws: WorkspaceStore, month: string, format: 'xlsx' | 'docx', loc: Locale): Promise<string> {
  const [exp, events] = await Promise.all([import('@shared/export'), eventsInMonth(ws, month)]);
  const rows = monthTableRows(events, month, { sectionPath: sectionPathOf(liveOutline(ws)), locale: loc, timezone: ws.timezone() });
  const title = monthTableTitle(ws.name(), month, loc);
  const bytes = format === 'xlsx' ? await exp.monthTableXlsx(rows, title, { locale: loc }) : await exp.monthTableDocx(rows, title, { locale: loc });
  const file = `${fileBase(ws)}-${month}.${format}`;
  download(bytes as BlobPart, file, exp.FILE_MIME[format]);
  return file;
}
