/**
 * Text in workbooks, the safe way: every workbook we write (month table, team schedule,
 * coverage) holds text anyone in the workspace typed or pasted, so none of it may run as a
 * formula. Also the one loader of exceljs (on first use; Vite picks its browser build).
 */
import type * as ExcelJSTypes from 'exceljs';

type ExcelJSModule = typeof ExcelJSTypes;

/** The zero-width space put before a text a spreadsheet would read as a formula. */
export const FORMULA_GUARD = '\u200b';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that no spreadsheet will run. exceljs stores a string as a string, but Excel and
 * LibreOffice turn `=cmd|' /C calc'!A0` into a formula (a DDE call) as soon as someone edits the
 * cell or saves the sheet as CSV, and some apps do so for `+ - @` and a leading tab or CR too.
 * Such a text gets an invisible zero-width space in front, not the customary apostrophe: in a
 * stored cell the apostrophe would be printed, and `+86 138…` phone numbers are common here.
 * The cells are also given the Text format (`@`) so that an edit keeps them text.
 */
export function safeCellText(text: string): string {
  return FORMULA_START.test(text) ? FORMULA_GUARD + text : text;
}

/** Puts a text in a cell the safe way (see safeCellText); an empty text leaves the cell blank. */
export function setTextCell(cell: ExcelJSTypes.Cell, text: string): void {
  const safe = safeCellText(text);
  cell.value = safe === '' ? null : safe;
  if (safe !== text) cell.numFmt = '@';
}

export async function loadExcelJS(): Promise<ExcelJSModule> {
  const mod = (await import('exceljs')) as unknown as ExcelJSModule & { default?: ExcelJSModule };
  return mod.Workbook ? mod : (mod.default as ExcelJSModule);
}
