/**
 * The tours' workbooks read back with exceljs: the coverage workbook (three sheets) and the
 * team schedule (宣讲安排表). Both share the formula guard, tested here once for each.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { coverageXlsx, safeCellText, tourTableXlsx } from '../../../shared/src/export';
import { tourTableCells, tourTableHeader, tourTableRows, tourTableTitle } from '../../../shared/src/print';
import { computeCoverage } from '../../../shared/src/tours';
import type { EventRecord, TeamRecord, UnitRecord } from '../../../shared/src/schema/types';

const HOSTILE_TEAM = '=HYPERLINK("http://example.invalid","x")';
const HOSTILE_UNIT = "@SUM(1+1)*cmd|' /C calc'!A0";
const HOSTILE_TITLE = "=cmd|' /C calc'!A0";

const teams: TeamRecord[] = [
  { id: 't1', name: '市委宣讲团第一分团', members: ['张三', '李四'] },
  { id: 't2', name: HOSTILE_TEAM, members: [] },
  { id: 't-gone', name: '已删除的宣讲团', members: [], deletedAt: 1 },
];
const units: UnitRecord[] = [
  { id: 'u1', name: '市第一中学', category: 'school', target: true, address: '人民路1号', contact: '+86 138 0000 0001' },
  { id: 'u2', name: HOSTILE_UNIT, category: 'village', target: true },
  { id: 'u3', name: '东方机械厂', category: 'enterprise', target: false },
  { id: 'u4', name: '幸福社区', category: 'community', target: true },
];

function events(): EventRecord[] {
  const out: EventRecord[] = [];
  const add = (e: Partial<EventRecord> & Pick<EventRecord, 'id' | 'start'>) => out.push({ kind: 'lecture', status: 'confirmed', title: e.id, ...e });
  add({ id: 'a', teamId: 't1', hostUnitId: 'u1', start: '2026-03-05T09:00', status: 'done', audience: 100 });
  add({ id: 'b', teamId: 't1', hostUnitId: 'u1', start: '2026-04-05T09:00', audience: 50, title: HOSTILE_TITLE });
  add({ id: 'c', teamId: 't2', hostUnitId: 'u2', start: '2026-03-20T14:00', status: 'done', audience: 30 });
  add({ id: 'd', teamId: 't1', hostUnitId: 'u3', start: '2026-05-08T09:00' });
  add({ id: 'cancelled', teamId: 't2', hostUnitId: 'u1', start: '2026-05-09T09:00', status: 'cancelled', audience: 999 });
  add({ id: 'unmatched', teamId: 't1', hostUnitId: 'nowhere', start: '2026-06-01T09:00' });
  return out;
}

const coverage = computeCoverage({ events: events(), teams, units, year: 2026 });
const names = { teams, units, title: '2026年宣讲覆盖情况' };

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

const rowValues = (ws: ExcelJS.Worksheet, r: number, n: number) => Array.from({ length: n }, (_, c) => ws.getRow(r).getCell(c + 1).value ?? null);

/** No cell of any sheet is a formula, in exceljs's reading and in the package's XML. */
async function expectNoFormulas(bytes: Uint8Array, wb: ExcelJS.Workbook): Promise<void> {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(/^[=+\-@\t\r]/.test(cell.value), `${ws.name}!${cell.address} ${cell.value}`).toBe(false);
      }),
    ),
  );
  const zip = await JSZip.loadAsync(bytes);
  for (const f of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    expect(await zip.file(f)!.async('string'), f).not.toMatch(/<f[ >]/);
  }
}

describe('safeCellText', () => {
  it('guards what a spreadsheet would run, and leaves other text alone', () => {
    for (const t of ['=1+1', '+86 138', '-5', '@SUM(A1)', '\tx', '\rx']) {
      expect(safeCellText(t)).toBe(`\u200b${t}`);
    }
    for (const t of ['', '市第一中学', '1+1', 'a=b', ' =x', '（=）']) expect(safeCellText(t)).toBe(t);
  });
});

describe('coverage as .xlsx', () => {
  it('has the matrix: units × teams, "done/planned", category, target and totals', async () => {
    const bytes = await coverageXlsx(coverage, names);
    expect(bytes.constructor).toBe(Uint8Array);
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['覆盖矩阵', '覆盖率', '月度']);
    const m = wb.worksheets[0]!;
    expect(text(m.getCell('A1').value)).toBe('2026年宣讲覆盖情况');
    expect(text(m.getCell('A2').value)).toBe('单元格：已完成场次/全部场次');
    // Two live teams: the deleted one is no column.
    expect(rowValues(m, 3, 7)).toEqual(['序号', '单位', '类别', '目标单位', '市委宣讲团第一分团', `\u200b${HOSTILE_TEAM}`, '合计']);
    expect(rowValues(m, 4, 7)).toEqual([1, '市第一中学', '校园', '是', '1/2', null, '1/2']);
    expect(rowValues(m, 5, 7)).toEqual([2, `\u200b${HOSTILE_UNIT}`, '农村', '是', null, '1/1', '1/1']);
    expect(rowValues(m, 6, 7)).toEqual([3, '东方机械厂', '企业', '否', '0/1', null, '0/1']);
    expect(rowValues(m, 7, 7)).toEqual([4, '幸福社区', '社区', '是', null, null, null]);
    expect(rowValues(m, 8, 7)).toEqual(['合计', null, null, 3, '1/3', '1/1', '2/4']);
    // The session at an unknown unit is not counted, and the sheet says so.
    expect(text(m.getCell('A10').value)).toBe('另有 1 场的宣讲团或单位已删除或不存在，未计入。');
    expect(m.getCell('F3').numFmt).toBe('@');
    expect(m.getCell('B5').numFmt).toBe('@');
    expect(m.pageSetup.orientation).toBe('landscape');
    expect(m.pageSetup.printTitlesRow).toBe('1:3');
    await expectNoFormulas(bytes, wb);
  });

  it('has the shares by category and by team, one decimal of a per cent', async () => {
    const wb = await load(await coverageXlsx(coverage, names));
    const s = wb.worksheets[1]!;
    expect(text(s.getCell('A3').value)).toBe('按类别');
    expect(rowValues(s, 4, 4)).toEqual(['类别', '目标单位数', '已覆盖', '覆盖率']);
    const cats = Array.from({ length: 7 }, (_, i) => rowValues(s, 5 + i, 4));
    expect(cats).toEqual([
      ['机关', 0, 0, null],
      ['企业', 0, 0, null],
      ['农村', 1, 1, 1],
      ['社区', 1, 0, 0],
      ['校园', 1, 1, 1],
      ['网络', 0, 0, null],
      ['其他', 0, 0, null],
    ]);
    expect(rowValues(s, 12, 4)).toEqual(['合计', 3, 2, 0.667]);
    expect(s.getCell('D12').numFmt).toBe('0.0%');
    expect(text(s.getCell('A14').value)).toBe('按宣讲团');
    expect(rowValues(s, 15, 6)).toEqual(['宣讲团', '场次', '已完成', '目标单位数', '已覆盖', '覆盖率']);
    expect(rowValues(s, 16, 6)).toEqual(['市委宣讲团第一分团', 3, 1, 3, 1, 0.333]);
    expect(rowValues(s, 17, 6)).toEqual([`\u200b${HOSTILE_TEAM}`, 1, 1, 3, 1, 0.333]);
    expect(s.getCell('F16').numFmt).toBe('0.0%');
  });

  it('has the months: sessions, done, audience reached and expected', async () => {
    const wb = await load(await coverageXlsx(coverage, names));
    const mo = wb.worksheets[2]!;
    expect(rowValues(mo, 2, 5)).toEqual(['月份', '场次', '已完成', '受众人次', '计划受众人次']);
    const months = Array.from({ length: 12 }, (_, i) => rowValues(mo, 3 + i, 5));
    expect(months[0]).toEqual(['2026年1月', 0, 0, 0, 0]);
    expect(months[2]).toEqual(['2026年3月', 2, 2, 130, 0]);
    expect(months[3]).toEqual(['2026年4月', 1, 0, 0, 50]);
    expect(months[4]).toEqual(['2026年5月', 1, 0, 0, 0]);
    expect(rowValues(mo, 15, 5)).toEqual(['合计', 4, 2, 130, 50]);
  });

  it('writes English labels', async () => {
    const bytes = await coverageXlsx(coverage, { ...names, title: 'Coverage 2026', locale: 'en' });
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Matrix', 'Coverage', 'Months']);
    expect(rowValues(wb.worksheets[0]!, 3, 4)).toEqual(['No.', 'Unit', 'Category', 'Target']);
    expect(rowValues(wb.worksheets[0]!, 4, 4)).toEqual([1, '市第一中学', 'Schools', 'Yes']);
    expect(rowValues(wb.worksheets[2]!, 5, 3)).toEqual(['Mar 2026', 2, 2]);
    await expectNoFormulas(bytes, wb);
  });

  it('handles a workspace without teams or units', async () => {
    const empty = computeCoverage({ events: [], teams: [], units: [], year: 2026 });
    const wb = await load(await coverageXlsx(empty, { teams: [], units: [], title: '空' }));
    expect(rowValues(wb.worksheets[0]!, 3, 5)).toEqual(['序号', '单位', '类别', '目标单位', '合计']);
    expect(rowValues(wb.worksheets[0]!, 4, 5)).toEqual(['合计', null, null, 0, null]);
    expect(wb.worksheets[1]!.getCell('D12').value).toBeNull();
  });
});

describe('team schedule as .xlsx', () => {
  const rows = tourTableRows({ events: events(), teamId: 't1', units, year: 2026 });
  const title = tourTableTitle('市委宣讲团第一分团', 2026);

  it('holds the title, header and every row as the print page shows them, no cell a formula', async () => {
    const bytes = await tourTableXlsx(rows, title);
    const wb = await load(bytes);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('宣讲安排表');
    expect(text(ws.getCell('A1').value)).toBe('市委宣讲团第一分团宣讲安排表（2026年）');
    const values = (r: number) => Array.from({ length: 7 }, (_, c) => text(ws.getRow(r).getCell(c + 1).value));
    expect(values(2)).toEqual(tourTableHeader());
    // The session at an unknown unit is on the schedule (by its place), though coverage cannot count it.
    expect(rows.map((r) => r.eventId)).toEqual(['a', 'b', 'd', 'unmatched']);
    rows.forEach((row, i) => expect(values(3 + i)).toEqual(tourTableCells(row).map(safeCellText)));
    // The hostile title and the +86 contact stay text, with the guard in front.
    const hostile = rows.findIndex((r) => r.title === HOSTILE_TITLE);
    expect(ws.getRow(3 + hostile).getCell(5).value).toBe(`\u200b${HOSTILE_TITLE}`);
    expect(ws.getRow(3 + hostile).getCell(5).numFmt).toBe('@');
    expect(ws.getRow(3 + hostile).getCell(7).value).toBe('\u200b+86 138 0000 0001');
    expect(ws.getRow(3).getCell(1).value).toBe(1);
    expect(text(ws.getCell(`A${3 + rows.length + 1}`).value)).toMatch(/^制表：.*审核：.*日期：/);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe('1:2');
    expect(ws.headerFooter.oddFooter).toContain('&P');
    await expectNoFormulas(bytes, wb);
  });

  it('writes English and an empty year', async () => {
    const wb = await load(await tourTableXlsx([], tourTableTitle('Team', 2026, 'en'), { locale: 'en', signature: false }));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Lecture schedule');
    expect(ws.getRow(2).getCell(3).value).toBe('Host unit / place');
    expect(ws.rowCount).toBe(2);
  });
});
