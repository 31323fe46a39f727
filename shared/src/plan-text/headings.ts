/**
 * The numbering grammar of Chinese official documents, as found in the wild.
 * Conventional order (GB/T 9704): 一、 → (一) → 1. → (1); plans add 一是/二是 and
 * 一要/二要 enumerations, ① circled numbers and 1.1 decimals. Levels are NOT
 * fixed by marker type (a plan may go 一、 → 1. directly): outline.ts nests by
 * order of appearance. This module only recognises markers, on the matching
 * copy (brackets and full-width digits already evened out).
 */

export type MarkerType = 'cn' | 'pcn' | 'num' | 'dec' | 'pnum' | 'circ' | 'di' | 'part' | 'stage' | 'zero' | 'shi' | 'yao' | 'brk' | 'item' | 'yige' | 'para' | 'headline' | 'connective';

export interface Marker {
  type: MarkerType;
  /** Ordinal (1-based) for continuity checks. */
  value: number;
  /** Offset of the marker in the text. */
  start: number;
  /** Offset just after the marker (and its trailing 、/./space). */
  end: number;
  /** At the start of a line (a heading position even without punctuation before it). */
  lineStart: boolean;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 两: 2 };

/** 一…九十九 → number; null if not a plain numeral. */
export function chineseNumeral(s: string): number | null {
  if (!s || s.length > 3) return null;
  if (s.length === 1) return s === '两' ? null : (CN_DIGITS[s] ?? null);
  const chars = [...s].map((c) => CN_DIGITS[c]);
  if (chars.some((c) => c === undefined)) return null;
  if (s.length === 2) {
    if (s[0] === '十') return chars[1] < 10 ? 10 + chars[1] : null; // 十一
    if (s[1] === '十') return chars[0] < 10 ? chars[0] * 10 : null; // 二十
    return null;
  }
  return s[1] === '十' && chars[0] < 10 && chars[2] < 10 ? chars[0] * 10 + chars[2] : null; // 二十一
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CN = '[一二三四五六七八九十]{1,3}';

/**
 * One alternation per marker type; the look-aheads hold the false friends off:
 * 一、二等奖 (numeral list), 1、2、3 (digit list), 1.5亿 (decimal), 十一五,
 * 三个代表, 1次, 60周年, 2023年 (no marker punctuation at all).
 */
const MARKER_RE = new RegExp(
  [
    `(?<cn>${CN})[、,.．](?![一二三四五六七八九十]+[、等])`,
    `\\((?<pcn>${CN})\\)[、,.．]?`,
    `(?<num>\\d{1,2})(?:[、．]|\\.(?![\\d%])|\\.(?=\\d{1,2}月)|\\)(?![\\d]))`,
    // After num: "2．4月中旬" and "2.6月" are heading 2 (a month follows), "1.1" a decimal heading.
    `(?<dec>\\d{1,2}[.．]\\d{1,2})(?![\\d.．%])[、.．]?`,
    `\\((?<pnum>\\d{1,2})\\)[、.．]?`,
    `(?<circ>[${CIRCLED}])`,
    `第(?<di>${CN})[,、:]`,
    // A plan's or a speech's phases, each opening its paragraph: 第一阶段从5月15日到5月31日，主要是宣传发动 (only at a line start).
    `第(?<stage>${CN})阶段(?=[\u4e00-\u9fff（(:：, \t])`,
    // A post's or a designed Word document's sections: 01 (its title on the next line or after a space), PART.01, NO.1
    // (only at a line start).
    `(?<zero>0[1-9]|(?:PART|Part|NO|No)[ .．]?0?[1-9])(?=[ \t\u3000\n]|$)`,
    // A long plan's parts: 第一部分 强化理论武装 / 第二章 (only at a line start, before a space or a mark).
    `第(?<part>${CN})(?:部分|章|篇)(?=[ \t\n\u3000:,、]|$)`,
    `(?<shi>${CN})是(?![的否非])`,
    `(?<yao>${CN})要(?![求素点是])`,
    // A speaker's items: 一个是…再一个是…还有一个是… (in turn; labelled by nothing, they are spoken, not numbered).
    `(?<yige>(?<![再有另])一个是|再一个是|还有一个是|另一个是|第[二三四五]个是)(?=[\\u4e00-\\u9fff“])`,
    // A post's items: 【活动一】, 【二】 (only at a line start).
    `【(?:活动|项目|板块)?(?<brk>${CN}|\\d{1,2})】`,
    // …or 活动一：, 项目2： (only at a line start, a name after the colon).
    `(?:活动|项目|板块)(?<item>${CN}|\\d{1,2})[:：](?=[^\\d\\s])`,
  ].join('|'),
  'g',
);

/** What may precede an inline marker: clause ends, colons, spaces (one-line documents). */
const STRONG_BEFORE = /[。;！!？?:\s]/;
/** Enumerations (一是…二是) also follow a comma: "重点做好三项工作，一是…". */
const ENUM_BEFORE = /[。;！!？?:\s,、]/;

function isLineStart(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const c = text[j];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/** All markers in text[from, to) that sit at a heading position. */
export function scanMarkers(text: string, from = 0, to = text.length): Marker[] {
  const out: Marker[] = [];
  MARKER_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  // (how many 一个是… items the current run has had)
  let spoken = 0;
  while ((m = MARKER_RE.exec(text)) && m.index < to) {
    const g = m.groups!;
    const type = (Object.keys(g) as MarkerType[]).find((k) => g[k] !== undefined)!;
    const raw = g[type]!;
    let value: number | null;
    if (type === 'num' || type === 'pnum' || ((type === 'brk' || type === 'item') && /^\d/.test(raw))) value = Number(raw);
    else if (type === 'zero') value = Number(raw.replace(/\D/g, ''));
    else if (type === 'dec') value = Number(raw.split(/[.．]/)[1]);
    else if (type === 'circ') value = CIRCLED.indexOf(raw) + 1;
    else if (type === 'yige') value = raw === '一个是' ? (spoken = 1) : spoken > 0 ? ++spoken : null;
    else value = chineseNumeral(raw);
    const start = m.index;
    const lineStart = isLineStart(text, start);
    const prev = start > 0 ? text[start - 1] : '\n';
    const enumType = type === 'shi' || type === 'yao' || type === 'di' || type === 'circ' || type === 'pnum' || type === 'yige';
    const positioned = lineStart || (enumType ? ENUM_BEFORE : STRONG_BEFORE).test(prev);
    // A decimal heading (1.1) is only trusted at a line start: inline it is a figure.
    if (value !== null && value > 0 && positioned && ((type !== 'dec' && type !== 'brk' && type !== 'item' && type !== 'part' && type !== 'stage' && type !== 'zero') || lineStart)) {
      let end = start + m[0].length;
      while (end < text.length && (text[end] === ' ' || text[end] === ':')) end++;
      out.push({ type, value, start, end, lineStart });
    }
    // Resume right after the numeral so overlapping candidates (二是 inside 十二是) are not skipped.
    MARKER_RE.lastIndex = start + 1;
  }
  // A spoken item with no second one after it ("一个是“深”，一个是“实”": two words, each said 一个是) lists nothing.
  return out.filter((m, i) => m.type !== 'yige' || m.value > 1 || out.slice(i + 1).find((n) => n.type === 'yige')?.value === 2);
}

/** Canonical label for matching and label paths: （一）、 → (一), 1．→ 1., 二要 → 二要. */
export function labelKey(type: MarkerType, label: string): string {
  const s = label.replace(/[\s:：]/g, '');
  const inner = s.replace(/[()（）〔〕、，,.．]/g, '');
  switch (type) {
    case 'cn':
      return `${inner}、`;
    case 'pcn':
    case 'pnum':
      return `(${inner})`;
    case 'num':
      return `${inner}.`;
    case 'dec':
      return s.replace(/[、.．]$/, '').replace('．', '.');
    case 'di':
      return inner;
    case 'zero':
      return s.toUpperCase().replace('．', '.');
    default:
      return inner;
  }
}
