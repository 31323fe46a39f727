import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { monthTableDocx, monthTableXlsx } from '../../../shared/src/export';
import { monthTableCells, monthTableHeader, monthTableRows, monthTableTitle } from '../../../shared/src/print';
import { SECTION_PATHS, decemberEvents } from '../print/month-data';

const rows = monthTableRows(decemberEvents(), '2026-12', { sectionPath: (id) => SECTION_PATHS[id] });
const title = monthTableTitle('市直机关工委宣传部', '2026-12');

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

describe('month table as .xlsx', () => {
  it('opens with exceljs and holds the title, header and every row', async () => {
    const bytes = await monthTableXlsx(rows, title);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.constructor).toBe(Uint8Array);
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(cellText(ws.getCell('A1').value)).toBe('市直机关工委宣传部 2026年12月活动安排表');
    const values = (r: number) => Array.from({ length: 7 }, (_, c) => cellText(ws.getRow(r).getCell(c + 1).value));
    expect(values(2)).toEqual(monthTableHeader());
    rows.forEach((row, i) => expect(values(3 + i)).toEqual(monthTableCells(row)));
    expect(cellText(ws.getCell(`A${3 + rows.length + 1}`).value)).toMatch(/^制表：.*审核：.*日期：/);
    expect(ws.rowCount).toBe(3 + rows.length + 1); // one blank row, then the signature line
  });

  it('writes text that looks like a formula as guarded text, never a formula', async () => {
    const hostile = [{ ...rows[0]!, title: "=cmd|' /C calc'!A0", location: '+86 138 0000 0000' }];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await monthTableXlsx(hostile as typeof rows, '=HYPERLINK("http://x")')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula)));
    const texts = ws.getSheetValues().flat().filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('\u200b=HYPERLINK("http://x")');
    expect(texts.some((v) => v.startsWith('\u200b=cmd'))).toBe(true);
    expect(texts.some((v) => v.startsWith('=') || v.startsWith('+'))).toBe(false);
  });

  it('is set up for A4 landscape with the header repeated on every page', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await monthTableXlsx(rows, title)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe('1:2');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.headerFooter.oddFooter).toContain('&P');
  });
});

/** Text of each table row (cells joined by a tab) from word/document.xml. */
function docxTableRows(xml: string): string[][] {
  const rowsXml = xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
  return rowsXml.map((tr) =>
    (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((tc) =>
      (tc.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [])
        .map((p) => (p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''))
        .join('\n')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
    ),
  );
}

describe('month table as .docx', () => {
  it('opens as a Word package and holds the title, header and every row', async () => {
    const bytes = await monthTableDocx(rows, title);
    expect(bytes.constructor).toBe(Uint8Array);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('市直机关工委宣传部 2026年12月活动安排表');
    const table = docxTableRows(xml);
    expect(table).toHaveLength(rows.length + 1);
    expect(table[0]).toEqual(monthTableHeader());
    rows.forEach((row, i) => expect(table[i + 1]).toEqual(monthTableCells(row)));
    expect(xml).toMatch(/制表：.*审核：.*日期：/);
  });

  it('is A4 landscape, repeats the header row, never splits a row, and numbers pages', async () => {
    const zip = await JSZip.loadAsync(await monthTableDocx(rows, title));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz[^>]*w:w="16838"[^>]*w:h="11906"[^>]*w:orient="landscape"/);
    const trs = xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g)!;
    expect(trs[0]).toContain('<w:tblHeader/>');
    expect(trs.slice(1).some((tr) => tr.includes('<w:tblHeader/>'))).toBe(false);
    for (const tr of trs) expect(tr).toContain('<w:cantSplit/>');
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    expect(footers.length).toBeGreaterThan(0);
    const footer = await zip.file(footers[0])!.async('string');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
  });

  it('handles an empty month and English', async () => {
    const zip = await JSZip.loadAsync(await monthTableDocx([], 'Dept — Activities, Dec 2026', { locale: 'en', signature: false }));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(docxTableRows(xml)).toEqual([monthTableHeader('en')]);
    expect(xml).not.toContain('Prepared by');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await monthTableXlsx([], 'x', { locale: 'en' })) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(2).getCell(1).value).toBe('No.');
  });
});
