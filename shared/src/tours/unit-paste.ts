/**
 * A unit list pasted from a spreadsheet, read into rows the screen can preview before saving.
 *
 * One unit a line. Cells are split by tabs (what Excel and WPS put on the clipboard) when the
 * paste has any tab, otherwise by commas (, or ，) or runs of two or more spaces. Columns are
 * name, category, address, contact, unless a header row names them (序号/名称/类别/地址/联系人 …
 * in any order): the header is recognised, skipped, and its columns used. Blank lines are
 * skipped. Cells are text and only text: `=HYPERLINK(...)` is a name like any other, nothing is
 * evaluated. Control and bidi-override characters are removed so the preview shows what is
 * saved. A cell holding a line break (Excel quotes it across lines) is not supported: it reads
 * as two rows, both visible in the preview.
 */
import type { Locale } from '../i18n/locale';
import type { UnitFields, UnitRecord } from '../schema/types';
import { categoryFromText } from './categories';
import { isLive } from './session';

export type UnitPasteWarning = 'unknown-category' | 'no-category' | 'extra-columns';
export type UnitPasteError = 'no-name' | 'too-long';

export interface PastedUnitRow {
  /** 1-based line of the paste. */
  line: number;
  /** The cells as read (cleaned), for the preview. */
  cells: string[];
  /** Absent when the row has an error. `target` is true. */
  fields?: UnitFields;
  warning?: UnitPasteWarning;
  error?: UnitPasteError;
  /** The id of a live unit of the directory with the same (trimmed) name. */
  duplicateOf?: string;
  /** An earlier line of this paste with the same name. */
  duplicateOfLine?: number;
}

export interface UnitPaste {
  rows: PastedUnitRow[];
  /** The line of the header row that was recognised and skipped. */
  headerLine?: number;
  /** Lines past MAX_PASTE_ROWS were not read. */
  truncated: boolean;
}

/** Longer lines are refused with an error (no real unit row comes near this). */
export const MAX_PASTE_LINE_CHARS = 1000;
/** Rows read from one paste; the rest is reported as truncated. */
export const MAX_PASTE_ROWS = 5000;

export const UNIT_PASTE_MESSAGES: Readonly<Record<Locale, Readonly<Record<UnitPasteWarning | UnitPasteError, string>>>> = {
  zh: {
    'unknown-category': '类别无法识别，按“其他”导入',
    'no-category': '未填类别，按“其他”导入',
    'extra-columns': '多余的列已忽略',
    'no-name': '缺少单位名称',
    'too-long': `这一行超过 ${MAX_PASTE_LINE_CHARS} 个字符，未导入`,
  },
  en: {
    'unknown-category': 'Category not recognised: imported as Other',
    'no-category': 'No category: imported as Other',
    'extra-columns': 'Extra columns ignored',
    'no-name': 'No unit name',
    'too-long': `Line longer than ${MAX_PASTE_LINE_CHARS} characters: not imported`,
  },
};

type Column = 'name' | 'category' | 'address' | 'contact' | 'ignore';
const POSITIONAL: readonly Column[] = ['name', 'category', 'address', 'contact'];

const HEADER_WORDS: Readonly<Record<Column, readonly string[]>> = {
  name: ['名称', '单位', '单位名称', '承办单位', '单位全称', '名字', 'name', 'unit', 'unit name', 'host unit'],
  category: ['类别', '类型', '分类', '单位类别', '单位类型', 'category', 'type'],
  address: ['地址', '地点', '单位地址', 'address', 'location'],
  contact: ['联系人', '联系方式', '联系电话', '电话', 'contact', 'phone'],
  ignore: ['序号', '编号', '备注', 'no', 'no.', '#', 'notes'],
};

function headerColumn(cell: string): Column | null {
  const word = cell.toLowerCase();
  for (const column of Object.keys(HEADER_WORDS) as Column[]) if (HEADER_WORDS[column].includes(word)) return column;
  return null;
}

/** A header row: its first cell names a column, or its second is a category heading. */
function headerColumns(cells: readonly string[]): Column[] | null {
  const first = headerColumn(cells[0] ?? '');
  if (first === null && headerColumn(cells[1] ?? '') !== 'category') return null;
  const columns = cells.map(headerColumn);
  // "XX  类别": the unnamed column is the name.
  if (!columns.includes('name')) {
    const unnamed = columns.indexOf(null);
    columns[unnamed >= 0 ? unnamed : columns.length] = 'name';
  }
  return columns.map((c) => c ?? 'ignore');
}

const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

function cleanCell(raw: string): string {
  let cell = raw.replace(INVISIBLE, '').trim();
  // Excel quotes a cell that holds a quote: "a ""b""" → a "b".
  if (cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"')) cell = cell.slice(1, -1).replace(/""/g, '"').trim();
  return cell.replace(/\s+/g, ' ');
}

function splitCells(line: string, tabs: boolean): string[] {
  const cells = (tabs ? line.split('\t') : line.split(/[,，]|[ \u3000]{2,}/)).map(cleanCell);
  while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

function readRow(line: number, cells: string[], columns: readonly Column[]): PastedUnitRow {
  const take = (column: Column) => {
    const i = columns.indexOf(column);
    return i >= 0 ? (cells[i] ?? '') : '';
  };
  const name = take('name');
  if (!name) return { line, cells, error: 'no-name' };
  const categoryText = take('category');
  const category = categoryText ? categoryFromText(categoryText) : null;
  const fields: UnitFields = { name, category: category ?? 'other', target: true };
  const address = take('address');
  const contact = take('contact');
  if (address) fields.address = address;
  if (contact) fields.contact = contact;
  const row: PastedUnitRow = { line, cells, fields };
  if (!categoryText) row.warning = 'no-category';
  else if (!category) row.warning = 'unknown-category';
  else if (columns === POSITIONAL && cells.slice(POSITIONAL.length).some(Boolean)) row.warning = 'extra-columns';
  return row;
}

/**
 * Reads a pasted list. `existing` is the directory, for marking names it already has
 * (deleted units do not count). Never throws.
 */
export function parseUnitPaste(text: string, existing: readonly Pick<UnitRecord, 'id' | 'name' | 'deletedAt'>[] = []): UnitPaste {
  const known = new Map<string, string>();
  for (const u of existing) if (isLive(u) && !known.has(u.name.trim())) known.set(u.name.trim(), u.id);
  const lines = String(text).split(/\r\n|\r|\n/);
  const tabs = lines.some((l) => l.length <= MAX_PASTE_LINE_CHARS && l.includes('\t'));
  const seen = new Map<string, number>();
  const result: UnitPaste = { rows: [], truncated: false };
  let columns: readonly Column[] = POSITIONAL;
  let first = true;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = i + 1;
    if (raw.replace(INVISIBLE, '').trim() === '') continue;
    if (result.rows.length >= MAX_PASTE_ROWS) {
      result.truncated = true;
      break;
    }
    if (raw.length > MAX_PASTE_LINE_CHARS) {
      result.rows.push({ line, cells: [cleanCell(raw.slice(0, 80)) + '…'], error: 'too-long' });
      first = false;
      continue;
    }
    const cells = splitCells(raw, tabs);
    const header = first ? headerColumns(cells) : null;
    first = false;
    if (header) {
      columns = header;
      result.headerLine = line;
      continue;
    }
    const row = readRow(line, cells, columns);
    if (row.fields) {
      const id = known.get(row.fields.name);
      if (id !== undefined) row.duplicateOf = id;
      const earlier = seen.get(row.fields.name);
      if (earlier !== undefined) row.duplicateOfLine = earlier;
      else seen.set(row.fields.name, line);
    }
    result.rows.push(row);
  }
  return result;
}
