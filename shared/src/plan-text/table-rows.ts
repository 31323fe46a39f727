/**
 * Activity tables pasted as text: the 附件 "重点活动安排表" of a plan, or a whole plan that is one
 * table, copied from Word, WPS, Excel or a web page arrives as one line per row with the cells
 * separated by tabs (or by runs of spaces):
 *
 *   序号	活动名称	时间	地点	责任单位
 *   1	“新春走基层”集中采访	1月中旬至2月上旬	各乡镇	县融媒体中心
 *
 * Read as prose, such rows become headings ("1") and run-on sentences. Here each block of rows is
 * taken out of the text before the outline is built (its lines are blanked, so offsets stay put),
 * its columns are named from the header row (or guessed from the cells when there is none), and
 * every data row becomes one draft: its name cell is the title, its time cell the date, its unit
 * cells the units. A row that repeats an activity the prose already found fills in what that
 * draft lacks instead of adding a second one.
 */
import { eventOrCampaign, nounsIn, refineKind } from './kinds';
import { compactForMatch, matchingCopy } from './normalize';
import { ATTACHMENTS } from './outline';
import type { DraftActivity, DraftKind } from './types';
import { findTimes, resolveTime, type TimeHit } from './when';
import { lastsFor } from './durations';
import { addDays, diffDays } from '../time/dates';

type Role = 'serial' | 'name' | 'time' | 'place' | 'units' | 'other';

export interface TableBlock {
  /** The last non-empty line before the block (a heading or 附件 line): where it sits in the outline. */
  anchor: string;
  roles: Role[];
  /** The data rows' cells (empty cells kept in place, so a cell's index is its column). */
  rows: string[][];
  /** An annex's month lines: a row's month says where the item is listed, not more than the body says of it. */
  listed?: boolean;
  /** Rows under a group row of the table ("一、讲座展览活动⏎⏎"): the group is a section, not what names its rows. */
  grouped?: boolean;
}

/** Rows of listed blocks: they complete a body's activity with their units and source only. */
const listedRows = new WeakSet<DraftActivity>();

const HEADER: [Role, RegExp][] = [
  ['serial', /^(?:序号|编号|序)$/],
  ['time', /时间|日期|时段|时限|月份|档期/],
  ['place', /地点|场所|地址|场地/],
  ['units', /单位|部门|负责|牵头|主办|承办|协办|配合|责任/],
  ['name', /名称|内容|项目|主题|专题|活动|事项|工作/],
];

/**
 * Cells: tabs, or (without tabs) runs of two or more spaces, ASCII or ideographic. Empty cells
 * between others keep their place; so does a tabbed row's empty first cell (a cell merged with
 * the row above: Word writes "3月" on the first row of the month only and a tab on the others).
 */
function cellsOf(line: string): string[] {
  const tabbed = line.includes('\t');
  const parts = tabbed ? line.split('\t') : line.split(/(?: {2,}|\u3000+)/);
  return parts.map((c) => c.trim()).filter((c, i, all) => c.length > 0 || ((i > 0 || tabbed) && i < all.length - 1));
}

const filled = (cells: string[]) => cells.filter((c) => c.length > 0).length;

function headerRoles(cells: string[]): Role[] | null {
  // (a header is short words with no numbers; a column it does not name, 形式 or 备注, is other detail)
  if (cells.some((c) => c.replace(/\s/g, '').length > 8 || /\d/.test(c))) return null;
  const roles = cells.map((c) => HEADER.find(([, re]) => re.test(c.replace(/\s/g, '')))?.[0] ?? null);
  if (roles.filter((r) => r !== null).length < 2) return null;
  const named = roles.map((r) => r ?? 'other');
  // (the name column is the first 名称/内容/活动 one; a second such column is other detail)
  const first = named.indexOf('name');
  // (no name column, "序号  时间  地点  宣讲人": sessions of what the line above names, if it names one)
  if (first < 0) return named.includes('time') ? named : null;
  return named.map((r, i) => (r === 'name' && i !== first ? 'other' : r));
}

const SERIAL = /^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?$/;
const UNIT_END = /(?:单位|部|局|委|办|中心|馆|院|站|会|团|社|所|队|室|处|科|组|政府|街道|乡镇|社区|村|镇|乡|校|厅)$/;

/** Roles for a block with no header row: a serial first, then the name; the time and unit columns by their cells. */
function guessRoles(rows: string[][]): Role[] | null {
  const width = Math.max(...rows.map((r) => r.length));
  const roles: Role[] = [];
  const mean = (i: number) => rows.reduce((n, r) => n + (r[i] ?? '').length, 0) / rows.length;
  for (let i = 0; i < width; i++) {
    const col = rows.map((r) => r[i] ?? '');
    if (i === 0 && col.every((c) => SERIAL.test(c))) roles.push('serial');
    else if (!roles.includes('time') && col.filter((c) => c && findTimes(matchingCopy(c), 0, c.length, 2000).length > 0).length * 2 > rows.length) roles.push('time');
    else if (col.filter((c) => c && c.split(/[、,，/]/).every((u) => UNIT_END.test(u.trim()))).length * 2 > rows.length) roles.push('units');
    else roles.push('other');
  }
  // (the name is the column with the most words: "主题：…" beside a speaker's name)
  const candidates = roles.flatMap((r, i) => (r === 'other' ? [i] : []));
  if (candidates.length) roles[candidates.reduce((a, b) => (mean(b) > mean(a) ? b : a))] = 'name';
  return roles.includes('name') && (roles.includes('time') || roles[0] === 'serial') ? roles : null;
}

/**
 * Finds the table blocks of `text` (at least two rows of three or more cells; with tabs, or with a
 * header row when the cells are separated by spaces). Returns them and the text with their lines
 * blanked (same length, so every later offset is unchanged).
 */
export function takeTables(text: string): { text: string; tables: TableBlock[] } {
  const lines = text.split('\n');
  const tables: TableBlock[] = [];
  const blank = new Set<number>();
  // Excel quotes a cell that holds a line break ("4月23日⏎上午9:30"): its row goes on over the next lines.
  const rowAt = (i: number): { line: string; next: number } => {
    let line = lines[i];
    let k = i + 1;
    if (line.includes('\t')) {
      const quotes = (l: string) => l.split('"').length - 1;
      let n = quotes(line);
      while (n % 2 === 1 && k < lines.length && k - i < 4) {
        // (a range broken at its connector, "6月中旬至⏎7月上旬", is one time again)
        line += /[至到—~～-]$/.test(line) || /^[至到—~～-]/.test(lines[k]) ? lines[k] : ` ${lines[k]}`;
        n += quotes(lines[k]);
        k++;
      }
      if (n % 2 === 1) return { line: lines[i], next: i + 1 };
      line = line.replace(/(^|\t)"([^"\t]*)"(?=\t|$)/g, '$1$2');
    }
    return { line, next: k };
  };
  // (a group row inside a table, "一、主题阅读活动⏎⏎⏎", is the outline's; the rows under it keep the header's columns)
  const groupRow = (l: string) => l.includes('\t') && filled(cellsOf(l)) === 1;
  let lastRoles: Role[] | null = null;
  let lastEnd = -1;
  let headerLines: [number, number] | null = null;
  for (let i = 0; i < lines.length; ) {
    const tabbed = lines[i].includes('\t');
    const head = rowAt(i);
    const first = cellsOf(head.line);
    if (filled(first) < 3) {
      i++;
      continue;
    }
    const logical: string[] = [head.line];
    let j = head.next;
    while (j < lines.length) {
      const r = rowAt(j);
      if (filled(cellsOf(r.line)) < 2 || lines[j].includes('\t') !== tabbed) break;
      logical.push(r.line);
      j = r.next;
    }
    const header = headerRoles(first);
    const body = (header ? logical.slice(1) : logical).filter((l) => l.trim());
    const rows = joinBrokenCells(body.map(cellsOf), header?.length);
    const afterGroups: boolean = !header && tabbed && lastRoles !== null && lastEnd >= 0 && lines.slice(lastEnd, i).every((l) => !l.trim() || groupRow(l));
    // (rows separated by spaces with no header: only three or more rows of three or more cells each)
    const roles: Role[] | null =
      header ?? (afterGroups ? lastRoles : tabbed || (rows.length >= 3 && rows.every((r) => r.length >= 3)) ? guessRoles(rows) : null);
    // (a header row right above a group row: its columns are the next block's; it leaves the prose only if one uses it)
    if (header && body.length === 0) {
      lastRoles = header;
      lastEnd = j;
      headerLines = [i, j];
      i = j;
      continue;
    }
    if (!roles || body.length === 0 || (!header && !afterGroups && body.length < 2)) {
      i = j;
      continue;
    }
    let a = i - 1;
    while (a >= 0 && !lines[a].trim()) a--;
    tables.push({ anchor: a >= 0 ? lines[a].trim() : '', roles, rows, ...(a >= 0 && groupRow(lines[a]) ? { grouped: true } : {}) });
    for (let k = i; k < j; k++) blank.add(k);
    if (afterGroups && headerLines) for (let k = headerLines[0]; k < headerLines[1]; k++) blank.add(k);
    headerLines = null;
    lastRoles = roles;
    lastEnd = j;
    i = j;
  }
  takeAnnexMonthLines(lines, tables, blank);
  if (!tables.length) return { text, tables };
  return { text: lines.map((l, k) => (blank.has(k) ? ' '.repeat(l.length) : l)).join('\n'), tables };
}

/**
 * A cell that holds a line break copied without Excel's quotes ("分两期举办：" / "第一期6月9日，第二期6月23日…\t发展部\t…"):
 * two short rows whose cells add up to the header's, the break inside the cell where they meet, are one row.
 */
function joinBrokenCells(rows: string[][], width: number | undefined): string[][] {
  if (!width) return rows;
  const out: string[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const n = rows[i + 1];
    if (n && r.length < width && n.length < width && r.length + n.length - 1 === width) {
      out.push([...r.slice(0, -1), `${r[r.length - 1]}${n[0]}`, ...n.slice(1)]);
      i++;
    } else out.push(r);
  }
  return out;
}

/** "3月：…；…", "7—8月：…", "全年：…": an annex's month line, its time and its items. */
const MONTH_LINE = /^[ \t]*((?:\d{1,2}|十[一二]?|[一二三四五六七八九])(?:\s?[-—~～至到]\s?(?:\d{1,2}|十[一二]?|[一二三四五六七八九]))?月(?:份)?|第[一二三四]季度|[上下]半年|全年)[ \t]*[:：][ \t]*(\S.*)$/;

/**
 * An annex that lists the year month by month ("附件1：…活动安排表" then "3月：元宵节猜灯谜活动（3月3日晚，…）；春季…开班"):
 * a table of two columns, each item of a line one row, timed by its brackets or else by its month. Rows that repeat
 * the body's activities complete them (mergeTableDrafts); the others are the annex's own.
 */
function takeAnnexMonthLines(lines: string[], tables: TableBlock[], blank: Set<number>): void {
  const annex = lines.findIndex((l) => ATTACHMENTS.test(l));
  if (annex < 0) return;
  for (let i = annex + 1; i < lines.length; ) {
    let j = i;
    while (j < lines.length && !blank.has(j) && MONTH_LINE.test(lines[j])) j++;
    if (j - i < 3) {
      i = Math.max(j, i + 1);
      continue;
    }
    const rows: string[][] = [];
    for (let k = i; k < j; k++) {
      const [, when, items] = MONTH_LINE.exec(lines[k])!;
      for (const item of items.split(/[;；]/)) {
        const m = /^([^（(]+?)\s*(?:[（(]([^）)]*)[）)])?\s*[。.]?$/.exec(item.trim());
        if (!m) continue;
        // (the bracket's time first: "3月3日晚" is what the row's time is read from, before the month)
        rows.push([`${m[2] ?? ''} ${when}`.trim(), m[1].trim()]);
      }
      blank.add(k);
    }
    let a = i - 1;
    while (a >= 0 && !lines[a].trim()) a--;
    if (rows.length) tables.push({ anchor: a >= 0 ? lines[a].trim() : '', roles: ['time', 'name'], rows, listed: true });
    i = j;
  }
}

const cell = (row: string[], roles: Role[], role: Role) => roles.flatMap((r, i) => (r === role && row[i] ? [row[i]] : []));

/** The last activity noun of a text (its head, as in prose). */
function headNoun(text: string) {
  const m = matchingCopy(text);
  return nounsIn(m, 0, m.length).at(-1);
}

/** The kind a title's head noun implies, or `other`. */
function kindOf(title: string): DraftKind {
  const head = headNoun(title);
  return head ? refineKind(head.kind, head.noun, matchingCopy(title)) : 'other';
}

/** One draft per data row, in the section `sectionId` (where the block sits in the outline). */
/** A row's task that is paperwork or a fix, not an event. */
const DUTY_ROW = /(?:整理|归档|整改|补充完善|资料完善|梳理|报送|上报)(?:“[^“”]{1,8}”)?$/;

export function tableDrafts(block: TableBlock, sectionId: string, year: number, planWindow?: TimeHit, sectionTitle?: string): DraftActivity[] {
  const out: DraftActivity[] = [];
  // (the line above the block names what rows without a noun of their own are: "每场宣讲…具体排课如下")
  const lead = block.grouped ? undefined : headNoun(block.anchor);
  if (!block.roles.includes('name')) {
    // (or, for a field line that only points to the table, "活动时间：共4场，具体场次安排见下表", the item it is under)
    const pointer = !/^附件/.test(block.anchor) && (/见下表|如下表|安排如下/.test(block.anchor) || /^[\u4e00-\u9fff]{2,6}[:：]/.test(block.anchor));
    const title = pointer ? (sectionTitle ?? '') : annexName(block.anchor);
    return headNoun(title) ? sessionsOf(block, sectionId, year, title) : [];
  }
  for (const row of carriedDown(block)) {
    // (a labelled cell, "主题：坚持和发展新时代“枫桥经验”", is named by what follows its label)
    let title = (cell(row, block.roles, 'name')[0] ?? '').trim().replace(/^(?:主题|内容|题目|专题|课题)[:：]\s*/, '');
    // (a name cell that opens with its schedule, "每周三 职工合唱排练": the schedule is the row's time, in the time cell's window)
    let ownTime = '';
    {
      const m = matchingCopy(title);
      const t = findTimes(m, 0, m.length, year).find((h) => h.start === 0);
      if (t && /^[\s:：,，]/.test(m.slice(t.end))) {
        ownTime = title.slice(0, t.end);
        title = title.slice(t.end).replace(/^[\s:：,，]+/, '');
      }
    }
    if (compactForMatch(title).length < 2) continue;
    // (a task row that files, fixes or completes something, "2025年度创建台账整理归档", "问题整改“回头看”", is a duty)
    if (DUTY_ROW.test(compactForMatch(title))) continue;
    // (a row naming what is studied, 学习中央经济工作会议精神, is a study whatever nouns its object holds;
    // a title without an activity noun takes the kind of a 形式 / 备注 cell, 集中学习 or 党课)
    let kind = /^(?:学习|学习贯彻|深入学习)|(?:精神|思想|论述|讲话)$/.test(compactForMatch(title)) ? 'study' : kindOf(title);
    // (a row named for what it makes known, "“119”消防安全宣传": publicity, a word prose uses too loosely to be a noun)
    const publicity = kind === 'other' && /宣传$/.test(compactForMatch(title));
    if (publicity) kind = 'publicity';
    if (kind === 'other') {
      const hint = cell(row, block.roles, 'other').map(kindOf).find((k) => k !== 'other' && k !== 'campaign');
      if (hint) kind = hint;
    }
    // (a row with no activity noun of its own under such a line is one of those, its topic the name)
    if (!block.listed && !publicity && !headNoun(title) && !cell(row, block.roles, 'other').some((c) => headNoun(c)) && lead && lead.kind !== 'campaign') {
      kind = lead.kind;
      // (…but a generic one, "志愿服务活动安排表", names no row: "科普大篷车下乡" stays as written)
      if (!/活动$/.test(lead.noun)) title = `${title}${lead.noun}`;
    }
    const d: DraftActivity = { title, kind, sectionId, units: [], source: [shownRow(row, block.roles)] };
    // (a 完成时限 cell that is a deadline, "3月底前", is no finer time than the month cell beside it)
    const timeIn = [...cell(row, block.roles, 'time'), ownTime].filter(Boolean);
    const timeCells = timeIn.length > 1 && timeIn.some((c) => !/前$/.test(c.trim())) ? timeIn.filter((c) => !/前$/.test(c.trim())) : timeIn;
    // (a 月份 cell and a day cell, "4月" · "18日—19日" / "上旬": one date, written as the month's)
    const when = timeCells.reduce((acc, c) => (acc && /月$/.test(acc) && /^(?:\d{1,2}日|[上中下]旬|初|中|底|末)/.test(c) ? acc + c : acc ? `${acc} ${c}` : c), '');
    if (when) {
      const m = matchingCopy(when);
      const hits = findTimes(m, 0, m.length, year);
      // (a row with a 月份 cell and a 活动时间 cell: the later, finer cell is the row's time, "7月 · 7月6日—8月14日")
      // (…its first time, not its last: "3月中旬启动，持续至9月底，…年底统一发布")
      const firstCellEnd = matchingCopy(timeCells[0]).length;
      const finer = hits.filter((h) => h.window && !h.broad);
      const pick =
        hits.find((h) => h.recurrence) ?? (timeCells.length > 1 ? (finer.find((h) => h.start >= firstCellEnd) ?? finer.at(-1)) : undefined) ?? hits.find((h) => h.window && !h.broad) ?? hits[0];
      if (pick) {
        // (a recurrence in a window, "7—8月每周五", runs in it and ends with it)
        // (…and one with no window of its own runs in the plan's month, "2026年5月…安排")
        const within = pick.recurrence ? (hits.find((h) => h.window && h.end <= pick.start) ?? planWindow) : undefined;
        const t = resolveTime(pick, year, kind === 'anniversary', within);
        // ("第一期6月9日，第二期6月23日": sessions labelled in turn, each one day)
        const labelled = hits.filter((h) => h.window && h.window[0] === h.window[1] && !h.recurrence && /第[一二三四五六七八九十\d]{1,2}[期场批轮]$/.test(m.slice(Math.max(0, h.start - 4), h.start)));
        if (labelled.length >= 2 && !t.rrule && !t.rdates && t.start?.slice(0, 10) === labelled[0].window![0]) {
          t.rdates = labelled.slice(1).map((h) => h.window![0]);
          t.end = addDays(labelled[0].window![0], 1);
        }
        // ("3月中旬启动，持续至9月底": it runs until then)
        if (t.start && !t.rrule && !t.rdates && /(?:持续|延续|一直)(?:至|到)/.test(m.slice(pick.end))) lastsFor(t, m, hits, pick.end, m.length);
        if (t.start) d.start = t.start;
        if (t.end) d.end = t.end;
        if (t.rrule) d.rrule = t.rrule;
        if (t.rdates) d.rdates = t.rdates;
        d.cue = when;
      } else d.cue = when;
    }
    // (a …活动 row on one day or on a schedule is an event, as in prose)
    kind = d.kind = eventOrCampaign(kind, compactForMatch(title), d);
    for (const u of cell(row, block.roles, 'units'))
      for (const part of u.split(/[、,，;；/]/)) {
        const name = part.trim();
        if (name && !d.units.includes(name)) d.units.push(name);
      }
    d.confidence = d.start || d.rrule ? 0.85 : 0.7;
    if (block.listed) listedRows.add(d);
    out.push(d);
  }
  return out;
}

/** The rows with an empty time cell under a filled one filled in: one merged cell, the month written once for its rows. */
function carriedDown(block: TableBlock): string[][] {
  let above: string[] = [];
  return block.rows.map((cells) => (above = cells.map((c, i) => (c === '' && block.roles[i] === 'time' && above[i] ? above[i] : c))));
}

/** The row as its cells, without the serial number: what the review shows as its source. */
const shownRow = (row: string[], roles: Role[]) => row.filter((c, i) => c && roles[i] !== 'serial').join(' · ');

/** What an annex line names: "附件：区委宣讲团集中示范宣讲安排表（第二季度）" → 区委宣讲团集中示范宣讲. */
function annexName(anchor: string): string {
  return anchor
    .replace(/^[ \t]*附件\s*\d*\s*[:：]?\s*/, '')
    .replace(/[（(][^）)]*[）)]\s*$/, '')
    .replace(/(?:具体)?(?:安排|排课|场次|日程|时间)?(?:安排)?(?:表|一览表|如下)?[:：。]?\s*$/, '')
    .trim();
}

/**
 * A table without a name column, "序号 · 时间 · 地点 · 宣讲人" under "附件：区委宣讲团集中示范宣讲安排表": its rows are the
 * sessions of the one activity the line above names (`title`), a draft on the first row's day with the others as
 * `rdates`.
 */
function sessionsOf(block: TableBlock, sectionId: string, year: number, title: string): DraftActivity[] {
  if (compactForMatch(title).length < 4) return [];
  const days: string[] = [];
  for (const row of carriedDown(block)) {
    const when = matchingCopy(cell(row, block.roles, 'time').join(' '));
    const hit = findTimes(when, 0, when.length, year).find((h) => h.window && !h.recurrence);
    const day = hit ? resolveTime(hit, year, false).start?.slice(0, 10) : undefined;
    if (day && !days.includes(day)) days.push(day);
  }
  if (days.length < 2) return [];
  days.sort();
  const d: DraftActivity = { title, kind: kindOf(title), sectionId, units: [], source: block.rows.map((r) => shownRow(r, block.roles)) };
  d.start = days[0];
  d.end = addDays(days[0], 1);
  d.rdates = days.slice(1);
  d.cue = block.rows.map((r) => cell(r, block.roles, 'time').join(' ')).join('、');
  d.confidence = 0.85;
  return [d];
}

/** Character-bigram Dice of two compact keys (0–1). */
function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return a.length + b.length > 2 ? (2 * common) / (a.length - 1 + b.length - 1) : 0;
}

const keyOf = (t: string) => compactForMatch(t).replace(/^(?:开展|举办|组织|举行|召开)/, '').replace(/活动$/, '');

/** Is the row the same activity as the prose draft? Same kind, and one name inside the other, a close name, or the row's quoted name in the draft's sentence. */
function sameActivity(p: DraftActivity, r: DraftActivity): boolean {
  // (an annex's listed item names a body activity whatever kind its bare name reads as: “沣源文化讲堂”)
  if (p.kind !== r.kind && !listedRows.has(r)) return false;
  const pk = keyOf(p.title);
  const rk = keyOf(r.title);
  if (pk.length >= 4 && rk.length >= 4 && (pk.includes(rk) || rk.includes(pk))) return true;
  if (dice(pk, rk) >= 0.6) return true;
  // (the prose draft is named by its heading, 理论宣讲进万家, and its sentence names the row's activity)
  const quoted = /“([^”]{2,12})”/.exec(r.title)?.[1];
  const sources = (p.source ?? []).map((x) => compactForMatch(x));
  return sources.some((x) => (!!quoted && x.includes(compactForMatch(quoted))) || (rk.length >= 5 && x.includes(rk)));
}

/** Days a draft's time covers (a recurrence or sessions count as one: they are as precise as a date). */
function spanDays(d: DraftActivity): number {
  if (!d.start) return Infinity;
  if (d.rrule || d.rdates || !d.end || d.start.includes('T')) return 1;
  return Math.max(1, diffDays(d.start.slice(0, 10), d.end.slice(0, 10)));
}

/** A bare ceremony or meeting row of the plan's own campaign: 启动仪式, 活动总结会, 总结表彰会. */
const OWN_CEREMONY = /^(?:活动)?(?:启动仪式|启动会|总结会|总结大会|总结表彰会|总结表彰大会|颁奖仪式|颁奖典礼|开幕式|闭幕式)$/;

/**
 * Adds the table rows to the prose drafts. A row naming an activity the prose already has
 * (sameActivity) completes that draft: the row's time when it is more precise (the prose draft
 * may only have the plan's period), its units, its line as a source. A bare 启动仪式 / 总结会 row
 * takes the name of the plan's own campaign, as the prose's ceremonies do. A draft from a section of terms
 * (`termsSection`: 参与方式, 温馨提示) moves to the table's section.
 */
export function mergeTableDrafts(prose: DraftActivity[], rows: DraftActivity[], termsSection: (id: string) => boolean = () => false): DraftActivity[] {
  const out = [...prose];
  const own = prose.find((p) => p.kind === 'campaign' && p.sectionId === '' && /“/.test(p.title));
  for (const r of rows) {
    if (own && OWN_CEREMONY.test(compactForMatch(r.title))) r.title = own.title + r.title.replace(/^活动/, '');
    const same = out.find((p) => !rows.includes(p) && sameActivity(p, r));
    if (!same) {
      out.push(r);
      continue;
    }
    if (listedRows.has(r)) {
      for (const u of r.units) if (!same.units.includes(u)) same.units.push(u);
      same.source = [...(same.source ?? []), ...(r.source ?? [])];
      continue;
    }
    if (r.start && spanDays(r) <= spanDays(same)) {
      for (const f of ['start', 'end', 'rrule', 'rdates', 'cue'] as const) delete same[f];
      Object.assign(same, pick(r, ['start', 'end', 'rrule', 'rdates', 'cue']));
    }
    // (a mention in the notice's terms, "如有意参加“百姓大舞台”…可提前两周申报", is not where the activity is planned)
    if (termsSection(same.sectionId)) same.sectionId = r.sectionId;
    // The table's 活动名称 is the activity's name; a heading's wording (理论宣讲进万家) gives way to it.
    if (!/[“《]/.test(same.title) || /[“《]/.test(r.title)) same.title = r.title;
    for (const u of r.units) if (!same.units.includes(u)) same.units.push(u);
    same.source = [...(same.source ?? []), ...(r.source ?? [])];
    same.confidence = Math.max(same.confidence ?? 0, r.confidence ?? 0);
  }
  return out;
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
