/**
 * A tour's coverage (tours/coverage.ts) as an Excel workbook, for the office's own reports:
 *
 * 1. 覆盖矩阵 — host units × teams, each cell "done/planned" sessions (empty when none), with the
 *    unit's category, whether it is a target, and a total column; a total row under it.
 * 2. 覆盖率 — target units reached by category, then by team (with the team's sessions); the
 *    share as a number with the 0.0% format, so it sorts and sums like one.
 * 3. 月度 — sessions, done, audience and planned audience per month.
 *
 * Counts are written as numbers; every text that came from the workspace (unit and team
 * names, the title) goes through safeCellText, so no cell can turn into a formula.
 * exceljs is loaded on first use; the result is a Uint8Array.
 */
import type * as ExcelJSTypes from 'exceljs';
import type { Locale } from '../i18n/locale';
import { MONTH_NAMES_EN } from '../i18n/calendar-names';
import { UNIT_CATEGORIES, type UnitCategory } from '../schema/types';
import { UNIT_CATEGORY_LABELS } from '../tours/categories';
import type { Coverage, CoverageShare, SessionCounts } from '../tours/coverage';
import { toUint8Array } from './common';
import { loadExcelJS, setTextCell } from './cell-text';

export interface CoverageNames {
  teams: readonly { id: string; name: string }[];
  units: readonly { id: string; name: string; category: UnitCategory }[];
  /** The workbook's title line, e.g. '2026年宣讲覆盖情况'. */
  title: string;
  locale?: Locale;
}

const LABELS = {
  zh: {
    matrix: '覆盖矩阵',
    shares: '覆盖率',
    months: '月度',
    legend: '单元格：已完成场次/全部场次',
    seq: '序号',
    unit: '单位',
    category: '类别',
    target: '目标单位',
    yes: '是',
    no: '否',
    total: '合计',
    byCategory: '按类别',
    byTeam: '按宣讲团',
    team: '宣讲团',
    targets: '目标单位数',
    reached: '已覆盖',
    percent: '覆盖率',
    sessions: '场次',
    done: '已完成',
    month: '月份',
    audience: '受众人次',
    plannedAudience: '计划受众人次',
    unmatched: '另有 {n} 场的宣讲团或单位已删除或不存在，未计入。',
  },
  en: {
    matrix: 'Matrix',
    shares: 'Coverage',
    months: 'Months',
    legend: 'Cells: sessions done / all sessions',
    seq: 'No.',
    unit: 'Unit',
    category: 'Category',
    target: 'Target',
    yes: 'Yes',
    no: 'No',
    total: 'Total',
    byCategory: 'By category',
    byTeam: 'By team',
    team: 'Team',
    targets: 'Target units',
    reached: 'Reached',
    percent: 'Share',
    sessions: 'Sessions',
    done: 'Done',
    month: 'Month',
    audience: 'Audience',
    plannedAudience: 'Planned audience',
    unmatched: '{n} more sessions name a deleted or unknown team or unit and are not counted.',
  },
} as const;

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'SimSun';
const HEAD_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFEFEFEF' } };
const DONE_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE3F2E6' } };

type Value = string | number | null;

/** "done/planned", or empty for no sessions (an empty matrix cell reads at a glance). */
const countsText = (c: SessionCounts) => (c.planned === 0 ? '' : `${c.done}/${c.planned}`);

/** A share as a fraction rounded to a tenth of a per cent (shown 66.7%), or empty without targets. */
const shareValue = (s: CoverageShare): number | null => (s.percent === null ? null : Math.round(s.percent * 10) / 1000);

/** Column letters past Z (a workspace may have dozens of teams). */
function colName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function sheet(wb: ExcelJSTypes.Workbook, name: string, locale: Locale, repeatRows: string, frozen: { xSplit?: number; ySplit: number }) {
  return wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      printTitlesRow: repeatRows,
    },
    headerFooter: { oddFooter: locale === 'zh' ? '&C第 &P 页，共 &N 页' : '&CPage &P of &N' },
    views: [{ state: 'frozen', ...frozen }],
  });
}

function titleRow(ws: ExcelJSTypes.Worksheet, title: string, columns: number): void {
  ws.mergeCells(`A1:${colName(Math.max(1, columns))}1`);
  const cell = ws.getCell('A1');
  setTextCell(cell, title);
  cell.font = { name: FONT, size: 16, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
}

/** One row of cells; text through setTextCell, numbers as numbers. */
function putRow(ws: ExcelJSTypes.Worksheet, at: number, values: readonly Value[], style: { head?: boolean; bold?: boolean; numFmt?: Record<number, string> } = {}) {
  const row = ws.getRow(at);
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    if (typeof v === 'string') setTextCell(cell, v);
    else cell.value = v;
    cell.font = { name: FONT, size: style.head ? 11 : 10.5, bold: style.head || style.bold };
    cell.border = BORDER;
    cell.alignment = style.head
      ? { horizontal: 'center', vertical: 'middle', wrapText: true }
      : { vertical: 'top', wrapText: true, horizontal: typeof v === 'number' || (typeof v === 'string' && /^\d+\/\d+$/.test(v)) ? 'center' : 'left' };
    if (style.head) cell.fill = HEAD_FILL;
    const fmt = style.numFmt?.[i];
    if (fmt && typeof v === 'number') cell.numFmt = fmt;
  });
  return row;
}

export async function coverageXlsx(coverage: Coverage, names: CoverageNames): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const locale = names.locale ?? 'zh';
  const L = LABELS[locale];
  const categories = UNIT_CATEGORY_LABELS[locale];
  const teamName = new Map(names.teams.map((t) => [t.id, t.name]));
  const unitInfo = new Map(names.units.map((u) => [u.id, u]));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Campaign Calendar';
  wb.title = names.title;

  // ---- 1. the matrix ----
  const teamIds = coverage.teamIds;
  const m = sheet(wb, L.matrix, locale, '1:3', { xSplit: 2, ySplit: 3 });
  const width = 5 + teamIds.length;
  m.columns = [6, 24, 8, 8, ...teamIds.map(() => 11), 10].map((w) => ({ width: w }));
  titleRow(m, names.title, width);
  m.mergeCells(`A2:${colName(width)}2`);
  m.getCell('A2').value = L.legend;
  m.getCell('A2').font = { name: FONT, size: 9, color: { argb: 'FF444444' } };
  m.getCell('A2').alignment = { horizontal: 'right' };
  putRow(m, 3, [L.seq, L.unit, L.category, L.target, ...teamIds.map((id) => teamName.get(id) ?? id), L.total], { head: true });
  coverage.rows.forEach((r, i) => {
    const unit = unitInfo.get(r.unitId);
    const row = putRow(m, 4 + i, [
      i + 1,
      unit?.name ?? r.unitId,
      unit ? categories[unit.category] : '',
      r.target ? L.yes : L.no,
      ...r.cells.map(countsText),
      countsText(r.sessions),
    ]);
    r.cells.forEach((c, t) => {
      if (c.done > 0) row.getCell(5 + t).fill = DONE_FILL;
    });
  });
  const totalAt = 4 + coverage.rows.length;
  putRow(
    m,
    totalAt,
    [L.total, '', '', coverage.rows.filter((r) => r.target).length, ...teamIds.map((id) => countsText(coverage.byTeam[id] ?? { planned: 0, done: 0 })), countsText(coverage.total)],
    { bold: true },
  );
  if (coverage.unmatched.length > 0) {
    m.mergeCells(`A${totalAt + 2}:${colName(width)}${totalAt + 2}`);
    m.getCell(`A${totalAt + 2}`).value = L.unmatched.replace('{n}', String(coverage.unmatched.length));
    m.getCell(`A${totalAt + 2}`).font = { name: FONT, size: 10 };
  }

  // ---- 2. shares by category and by team ----
  const s = sheet(wb, L.shares, locale, '1:1', { ySplit: 1 });
  s.columns = [18, 12, 12, 12, 12, 12].map((w) => ({ width: w }));
  titleRow(s, names.title, 6);
  let at = 3;
  s.getCell(`A${at++}`).value = L.byCategory;
  s.getCell(`A${at - 1}`).font = { name: FONT, size: 12, bold: true };
  putRow(s, at++, [L.category, L.targets, L.reached, L.percent], { head: true });
  for (const category of UNIT_CATEGORIES) {
    const share = coverage.byCategory[category];
    putRow(s, at++, [categories[category], share.targets, share.reached, shareValue(share)], { numFmt: { 3: '0.0%' } });
  }
  putRow(s, at++, [L.total, coverage.total.targets, coverage.total.reached, shareValue(coverage.total)], { bold: true, numFmt: { 3: '0.0%' } });
  at++;
  s.getCell(`A${at++}`).value = L.byTeam;
  s.getCell(`A${at - 1}`).font = { name: FONT, size: 12, bold: true };
  putRow(s, at++, [L.team, L.sessions, L.done, L.targets, L.reached, L.percent], { head: true });
  for (const id of teamIds) {
    const t = coverage.byTeam[id]!;
    putRow(s, at++, [teamName.get(id) ?? id, t.planned, t.done, t.targets, t.reached, shareValue(t)], { numFmt: { 5: '0.0%' } });
  }

  // ---- 3. months ----
  const mo = sheet(wb, L.months, locale, '1:2', { ySplit: 2 });
  mo.columns = [14, 10, 10, 12, 14].map((w) => ({ width: w }));
  titleRow(mo, names.title, 5);
  putRow(mo, 2, [L.month, L.sessions, L.done, L.audience, L.plannedAudience], { head: true });
  coverage.months.forEach((month, i) => {
    const y = Number(month.month.slice(0, 4));
    const n = Number(month.month.slice(5, 7));
    const label = locale === 'en' ? `${MONTH_NAMES_EN[n - 1]} ${y}` : `${y}年${n}月`;
    putRow(mo, 3 + i, [label, month.sessions, month.done, month.audience, month.plannedAudience]);
  });
  const t = coverage.total;
  putRow(mo, 3 + coverage.months.length, [L.total, t.planned, t.done, t.audience, t.plannedAudience], { bold: true });

  return toUint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
