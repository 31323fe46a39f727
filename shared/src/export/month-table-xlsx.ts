/**
 * The month table as an Excel workbook (exceljs, MIT): A4 landscape, fitted to
 * the page width, the title row and the header row repeated on every printed
 * page, wrapped cells, thin borders, page numbers in the footer, and the
 * 制表/审核/日期 line after the table.
 *
 * exceljs is loaded on first use (`await import('exceljs')`): in the browser
 * Vite picks its self-contained browser build, so importing this module costs
 * nothing until a file is made. No Node APIs: the result is a Uint8Array.
 */
import { MONTH_TABLE_COLUMNS, monthTableCells, monthTableHeader, type MonthTableRow } from '../print/month-table';
import { SIGNATURE_TEXT, toUint8Array, type MonthTableFileOptions } from './common';
import { loadExcelJS, setTextCell } from './cell-text';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'SimSun';

export async function monthTableXlsx(
  rows: readonly MonthTableRow[],
  title: string,
  opts: MonthTableFileOptions = {},
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const locale = opts.locale ?? 'zh';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Campaign Calendar';
  wb.title = title;
  const ws = wb.addWorksheet(locale === 'zh' ? '活动安排表' : 'Activities', {
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
  ws.columns = MONTH_TABLE_COLUMNS.map((c) => ({ key: c.key, width: Math.round(c.width * 1.5) }));
  const lastCol = String.fromCharCode(64 + MONTH_TABLE_COLUMNS.length);

  ws.mergeCells(`A1:${lastCol}1`);
  const titleCell = ws.getCell('A1');
  setTextCell(titleCell, title);
  titleCell.font = { name: FONT, size: 16, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;

  const header = ws.getRow(2);
  header.values = monthTableHeader(locale);
  header.height = 22;
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });

  rows.forEach((row, i) => {
    const r = ws.getRow(3 + i);
    const cells = monthTableCells(row);
    r.getCell(1).value = row.seq;
    // Titles, places and units are typed by anyone in the workspace: never a formula.
    cells.slice(1).forEach((text, j) => setTextCell(r.getCell(2 + j), text));
    r.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.font = { name: FONT, size: 10.5, strike: row.status === 'cancelled' && col === 3 };
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: col === 1 ? 'center' : 'left' };
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
