/**
 * The month table as a Word document (docx, MIT): A4 landscape, the header row
 * repeated on every page (tblHeader), rows never split across pages
 * (cantSplit), page numbers in the footer, and the 制表/审核/日期 line.
 *
 * docx is loaded on first use (`await import('docx')`); it is pure ESM with no
 * Node-only APIs on this path, and the result is a Uint8Array.
 */
import { MONTH_TABLE_COLUMNS, monthTableCells, monthTableHeader, type MonthTableRow } from '../print/month-table';
import { SIGNATURE_TEXT, toUint8Array, type MonthTableFileOptions } from './common';

// A4 in twips (1/1440 inch); docx swaps width and height for landscape.
const A4_SHORT = 11906;
const A4_LONG = 16838;
const MARGIN = 1134; // 2 cm
const TABLE_WIDTH = A4_LONG - 2 * MARGIN;
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };

export async function monthTableDocx(
  rows: readonly MonthTableRow[],
  title: string,
  opts: MonthTableFileOptions = {},
): Promise<Uint8Array> {
  const d = await import('docx');
  const locale = opts.locale ?? 'zh';
  const widths = MONTH_TABLE_COLUMNS.map((c) => Math.floor((TABLE_WIDTH * c.width) / 100));

  const cell = (text: string, i: number, bold = false, strike = false) =>
    new d.TableCell({
      width: { size: widths[i], type: d.WidthType.DXA },
      verticalAlign: bold ? d.VerticalAlign.CENTER : d.VerticalAlign.TOP,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      shading: bold ? { type: d.ShadingType.CLEAR, fill: 'EFEFEF', color: 'auto' } : undefined,
      children: text.split('\n').map(
        (line) =>
          new d.Paragraph({
            alignment: bold || i === 0 ? d.AlignmentType.CENTER : d.AlignmentType.LEFT,
            children: [new d.TextRun({ text: line, bold, strike, font: FONT, size: 21 })],
          }),
      ),
    });

  const headerRow = new d.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: monthTableHeader(locale).map((h, i) => cell(h, i, true)),
  });
  const bodyRows = rows.map(
    (row) =>
      new d.TableRow({
        cantSplit: true,
        children: monthTableCells(row).map((text, i) => cell(text, i, false, row.status === 'cancelled' && i === 2)),
      }),
  );
  const table = new d.Table({
    width: { size: TABLE_WIDTH, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    rows: [headerRow, ...bodyRows],
  });

  const pageNumbers =
    locale === 'zh'
      ? ['第 ', d.PageNumber.CURRENT, ' 页，共 ', d.PageNumber.TOTAL_PAGES, ' 页']
      : ['Page ', d.PageNumber.CURRENT, ' of ', d.PageNumber.TOTAL_PAGES];
  const children: Array<InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>> = [
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new d.TextRun({ text: title, bold: true, font: TITLE_FONT, size: 32 })],
    }),
    table,
  ];
  if (opts.signature !== false) {
    children.push(
      new d.Paragraph({
        spacing: { before: 360 },
        keepLines: true,
        children: [new d.TextRun({ text: SIGNATURE_TEXT[locale], font: FONT, size: 22 })],
      }),
    );
  }
  const doc = new d.Document({
    title,
    creator: 'Campaign Calendar',
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_SHORT, height: A4_LONG, orientation: d.PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: {
          default: new d.Footer({
            children: [
              new d.Paragraph({
                alignment: d.AlignmentType.CENTER,
                children: [new d.TextRun({ children: pageNumbers, font: FONT, size: 18 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return toUint8Array(await d.Packer.toArrayBuffer(doc));
}
