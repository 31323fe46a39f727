/**
 * A lecture team's year schedule (宣讲安排表) as an Excel workbook, laid out like the month
 * table's (month-table-xlsx.ts): A4 landscape fitted to the page width, title and header rows
 * repeated on every printed page, wrapped cells, thin borders, page numbers in the footer,
 * the 制表/审核/日期 line after the table.
 *
 * Also home of `safeCellText`, the rule every workbook of the tours uses for text it did not
 * write itself (titles, unit names, contacts are typed or pasted by anyone in the workspace).
 *
 * exceljs is loaded on first use, as for the month table; the result is a Uint8Array.
 */
import type * as ExcelJSTypes from 'exceljs';
import type { Locale } from '../i18n/locale';
import { TOUR_TABLE_COLUMNS, tourTableCells, tourTableHeader, type TourTableRow } from '../print/tour-table';
import { SIGNATURE_TEXT, toUint8Array } from './common';

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

export interface TourTableFileOptions {
  locale?: Locale;
  /** The 制表 / 审核 / 日期 line after the table. Default true. */
  signature?: boolean;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'SimSun';

export async function tourTableXlsx(rows: readonly TourTableRow[], title: string, opts: TourTableFileOptions = {}): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const locale = opts.locale ?? 'zh';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Campaign Calendar';
  wb.title = title;
  const ws = wb.addWorksheet(locale === 'zh' ? '宣讲安排表' : 'Lecture schedule', {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      printTitlesRow: '1:2',
    },
    headerFooter: { oddFooter: locale === 'zh' ? '&C第 &P 页，共 &N 页' : '&CPage &P of &N' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  // Relative widths → character widths for a landscape page (~150 characters).
  ws.columns = TOUR_TABLE_COLUMNS.map((c) => ({ key: c.key, width: Math.round(c.width * 1.5) }));
  const lastCol = String.fromCharCode(64 + TOUR_TABLE_COLUMNS.length);

  ws.mergeCells(`A1:${lastCol}1`);
  const titleCell = ws.getCell('A1');
  setTextCell(titleCell, title);
  titleCell.font = { name: FONT, size: 16, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;

  const header = ws.getRow(2);
  header.values = tourTableHeader(locale);
  header.height = 22;
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });

  rows.forEach((row, i) => {
    const r = ws.getRow(3 + i);
    tourTableCells(row).forEach((text, c) => {
      const cell = r.getCell(c + 1);
      if (c === 0) cell.value = row.seq;
      else setTextCell(cell, text);
      cell.font = { name: FONT, size: 10.5 };
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: c === 0 ? 'center' : 'left' };
      cell.border = BORDER;
    });
  });

  if (opts.signature !== false) {
    const at = 3 + rows.length + 1;
    ws.mergeCells(`A${at}:${lastCol}${at}`);
    const cell = ws.getCell(`A${at}`);
    cell.value = SIGNATURE_TEXT[locale];
    cell.font = { name: FONT, size: 11 };
  }
  return toUint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
