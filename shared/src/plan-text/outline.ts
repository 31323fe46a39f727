/**
 * Section tree from cleaned plan text.
 *
 * Nesting is by order of appearance (the usual way Chinese documents nest): a
 * marker type already open on the stack closes everything below it and starts
 * a sibling; a new type opens a child. Numbering must continue (一 → 二, or a
 * new list starting at 1), which is what keeps inline false friends out: a
 * stray "3、" in prose does not follow "1、2、" of the current list.
 *
 * Speeches (讲话, 交流发言) often have no numbering: each paragraph opens with its
 * point as a lead clause ("聚焦建设政治过硬的模范机关，擦亮…"). When no numbered
 * heading is found, such paragraphs become sections titled by their lead clause.
 */
import { labelKey, scanMarkers, type Marker, type MarkerType } from './headings';
import type { PlanSection } from './types';

interface Accepted {
  marker: Marker;
  parent: number; // index into accepted, -1 for top level
  depth: number;
}

interface Open {
  type: MarkerType;
  value: number;
  index: number; // into accepted
}

/**
 * A line that is only a time ("3月：", "第二季度：", "上半年", "7—8月："), or a quarter with its phase's few words
 * ("第一季度：动员部署，夯实基础"), heads the items below it; plans
 * number those items afresh under each such line ("3月：\n1.…\n2.…\n4月：\n1.…").
 */
const TIME_HEAD =
  /^[ \t]*(?:(?:19|20)\d\d\s?年)?(?:第?[一二三四1-4]季度|(?:\d{1,2}|十[一二]?|[一二三四五六七八九])(?:\s?[-—~～至到]\s?(?:\d{1,2}|十[一二]?|[一二三四五六七八九]))?月(?:份)?(?:[上中下]旬)?|[上下]半年)\s?(?:[：:]?[ \t]*$|(?<=季度|半年)[：:][ \t]*[^\n。;；:：]{2,8}(?:[,，][^\n。;；:：]{2,8})?[ \t]*$)/gm;

/** Offsets of the lines of match[from, to) that are only a time (TIME_HEAD), at their line start. */
export function timeHeads(match: string, from: number, to: number): number[] {
  const out: number[] = [];
  TIME_HEAD.lastIndex = 0;
  for (const m of match.slice(from, to).matchAll(TIME_HEAD)) out.push(from + m.index);
  return out;
}

/**
 * Applies the stack discipline to candidate markers; returns those accepted as headings. After a
 * time line (`restarts`), a list may start again at 1 on its own line: a sibling of the items before.
 */
function nest(markers: Marker[], restarts: number[] = []): Accepted[] {
  const accepted: Accepted[] = [];
  const stack: Open[] = [];
  // The last number of each list type closed so far.
  const closed = new Map<MarkerType, number>();
  let last = -1;
  for (const mk of markers) {
    const afterTimeHead = restarts.some((p) => p > last && p < mk.start);
    last = mk.start;
    if (mk.type === 'para') {
      stack.length = 0;
      accepted.push({ marker: mk, parent: -1, depth: 1 });
      stack.push({ type: 'para', value: mk.value, index: accepted.length - 1 });
      continue;
    }
    const at = stack.findLastIndex((s) => s.type === mk.type);
    let ok: boolean;
    if (at >= 0) {
      const expected = stack[at].value + 1;
      // A skipped number is tolerated only for a heading on its own line (scraped text loses a line now and then).
      ok = mk.value === expected || (mk.lineStart && mk.value === expected + 1) || (afterTimeHead && mk.lineStart && mk.value === 1);
    } else {
      // (or, on its own line, carrying on the numbers of the list its parent's previous sibling held: a Word list
      // that kept counting, "（一）… 1. 2. 3. （二）… 4. 5.")
      ok = mk.value === 1 || (mk.lineStart && mk.value > 1 && mk.value === (closed.get(mk.type) ?? -1) + 1);
    }
    if (!ok) continue;
    const depthAt = at >= 0 ? at : stack.length;
    for (const s of stack.slice(depthAt)) closed.set(s.type, s.value);
    stack.length = depthAt;
    const parent = depthAt > 0 ? stack[depthAt - 1].index : -1;
    accepted.push({ marker: mk, parent, depth: depthAt + 1 });
    stack.push({ type: mk.type, value: mk.value, index: accepted.length - 1 });
  }
  return accepted;
}

const TITLE_STOP = /[。;！!？?\n]/;

/** A short topic that ends its line, with no figure and no stop: the subtitle after a quoted name and its colon. */
const SUBTITLE = /^[\u4e00-\u9fff·、“”《》]{2,16}(?:\n|$)/;

/** Where a heading's title ends (exclusive) and its body begins. */
function titleSpan(match: string, from: number, limit: number, mode: 'heading' | 'lead'): { end: number; bodyStart: number } {
  let end = from;
  let quote = 0;
  const lineEnd = match.indexOf('\n', from);
  const headline = mode === 'lead' && isHeadline(match.slice(from, lineEnd >= 0 && lineEnd < limit ? lineEnd : limit));
  while (end < limit) {
    const c = match[end];
    if (c === '“' || c === '‘') quote++;
    else if ((c === '”' || c === '’') && quote > 0) quote--;
    if (TITLE_STOP.test(c)) break;
    // ("【活动六】“云岫讲堂”：宋代美学与生活": a quoted series name, then its topic on the same line, is one title)
    if (c === ':' && !(match[end - 1] === '”' && SUBTITLE.test(match.slice(end + 1, limit)))) break;
    // A comma ends a lead clause, except after an ordinal alone ("首先，要在理论武装上持续用力": the ordinal names
    // no point, its clause does) and on a headline line, which is its point's whole name.
    if (mode === 'lead' && c === ',' && !headline && !ordinalOnly(match.slice(from, end + 1)) && !/^(?:还有一点|另外|此外),$/.test(match.slice(from, end + 1))) break;
    // A space run ends an inline heading in one-line documents ("一、指导思想 二、…").
    if (c === ' ' && quote === 0 && end > from && /\S/.test(match[end + 1] ?? '') && /[\u3400-\u9fff”)]/.test(match[end - 1])) break;
    end++;
  }
  let titleEnd = end;
  if (titleEnd - from > 30) {
    // Long lead sentences: the first clause is the heading, the rest is body.
    const comma = match.slice(from, titleEnd).search(/[,(]/);
    if (comma >= 4) titleEnd = from + comma;
    // (a first clause that is only its time, "清明节前后，组织开展“网上祭英烈”活动，…", names nothing: the next one too)
    if (comma >= 2 && TIME_ONLY.test(match.slice(from, from + comma))) {
      const second = match.slice(from + comma + 1, end).search(/[,(]/);
      titleEnd = second >= 2 ? from + comma + 1 + second : end;
    }
  }
  let bodyStart = titleEnd;
  while (bodyStart < limit && /[。;！!？?:,\s]/.test(match[bodyStart])) bodyStart++;
  return { end: titleEnd, bodyStart };
}

/** A clause that is only a time: 清明节前后, 6月1日前后, 5月15日国际家庭日前后, 第二季度, 暑期, 12月5日国际志愿者日. */
const TIME_ONLY =
  /^(?:(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?(?:[上中下]旬|初|底|中)?(?:[\u4e00-\u9fff“”·]{2,10}?[节日])?|(?:“[^“”]{1,8}”|[\u4e00-\u9fff]{2,8}?)[节日]|第[一二三四]季度|[一二三四]季度|[上下]半年|暑期|寒假|年初|年中|年底|年内)(?:前后|前夕|期间|当天|当日|之际|以来|起)?$/;

/**
 * Ordinal words that open a speech's points in turn ("首先，要…。" "其次，要…。" "再次，…" "最后，…"). They are
 * too short for a lead clause of their own, and "最后" alone is a closing: only a series of them makes points.
 */
const ORDINAL_POINT = /^(?:首先|其次|再次|再者|第[一二三四五六七八九十](?:个(?:方面|问题)|件事|点|项)|最后)[,:]/;
const ORDINAL_FIRST = /^(?:首先|其次|第一(?:个(?:方面|问题)|件事|点|项))/;
const ordinalOnly = (s: string) => ORDINAL_POINT.exec(s)?.[0].length === s.length;

/**
 * A point's name on a line of its own, the way a Word speech keeps its bold headings once their numbering is
 * lost: a clause or two and no stop ("突出价值引领，在培育文明风尚上下功夫"), its body on the lines below.
 */
const HEADLINE = /^[^\s。;！？!?:()]{4,16}(?:,[^\s。;！？!?:()]{4,18})?$/;
const isHeadline = (line: string) => HEADLINE.test(line.trim()) && line.trim().length <= 30 && !/^(?:同志们|各位)/.test(line.trim());

/** A paragraph that turns to the next point: "再讲一下网络文明建设。", "最后讲讲作风建设。", "下面再讲一点…". */
const TURN_TO_POINT = /^(?:再|下面再?|最后再?|另外再?|还要)讲(?:一下|讲|一讲|一点|两点)?[^,。]{2,20}[。:]/;

/** A lead clause that is only a time: "4月上旬，", "清明节前后，", "下半年，", "国庆期间，". */
const TIME_LEAD =
  /^(?:(?:19|20)\d\d年)?(?:\d{1,2}月(?:份|\d{1,2}日)?(?:[上中下]旬|初|底|中)?|[上下]半年|年[初中底内]|今年|全年|暑期|寒假|第?[一二三四]季度|[\u4e00-\u9fff“”]{1,8}(?:前后|期间|前夕|之际|当天))[,。]$/;

/** A line that opens with an enumeration marker (一是, 二要, 第三，). */
const ENUM_ITEM = /^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]要|第[一二三四五六七八九十]+[,，、])/;

/** The number of points a speech announces: "讲三点意见", "我归纳为五个方面", "强调以下四个问题". */
const ANNOUNCED = /(?:讲|谈|归纳为|概括为|强调|提)(?:以下|这么)?([一二三四五六七八九])(?:点|个方面|个问题|条)/;
const CN_COUNT = '一二三四五六七八九';

/** How a speech opens before its points: "今天召开…", "这次会议…", "在…之际". */
const OPENING = /^(?:今天|今年|这次|本次|此次|在[^,，。]{2,20}之际)/;

/** Paragraph lead clauses that read as headings, for documents without numbering. */
/** A line that starts with a month and a colon ("1月：", "七月至八月：", "1—2月："): a month-by-month plan. */
const MONTH_LINE = /^[ \t]*(?:\d{1,2}|十[一二]?|[一二三四五六七八九])(?:月(?:份)?)?(?:[-—~～至到](?:\d{1,2}|十[一二]?|[一二三四五六七八九]))?月(?:份)?[ \t]*[:：]/gm;

/**
 * A speaker turning to each part in turn, on a line of its own: "先说说理论武装和基层宣讲。" "再说说…" "还要讲讲…"
 * "最后，讲几点要求。"
 */
const SPOKEN_OPENER = /^(?:先|首先|再|然后|接下来|接着|下面|还要|另外|还有一点[,，]|最后[,，]?)(?:来|再)?(?:说说|讲讲|谈谈|说一说|讲一讲|谈一谈|说一下|讲一下|谈一下|讲|说|谈)[^,，。;；!！?？]{2,24}[。:：]?$/;
/** The part a line opens: the line itself, or its first sentence when the speaker goes straight on ("先说理论武装。理论武装是…"). */
const opensPart = (line: string) => SPOKEN_OPENER.test(line) || (/^[^。]{4,30}。./.test(line) && SPOKEN_OPENER.test(line.slice(0, line.indexOf('。') + 1)));
const SPOKEN_FIRST = /^(?:先|首先)/;

/** Sub-points that open with a connective: "一方面，要…" "另一方面，…" "首先，…" "其次，…" "再次，…" (their order). */
const CONNECTIVE = /^(一方面|另一方面|首先|其次|再次|再者)[,，]/;
const CONNECTIVE_ORDER: Record<string, number> = { 一方面: 1, 另一方面: 2, 首先: 1, 其次: 2, 再次: 3, 再者: 3 };

/** Non-blank lines of match[from, to) as [start of its text, trimmed text]. */
function linesOf(match: string, from: number, to: number): { start: number; line: string; end: number }[] {
  const out: { start: number; line: string; end: number }[] = [];
  const re = /[^\n]+/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(match)) && m.index < to) {
    const line = m[0].trim();
    if (line) out.push({ start: m.index + (m[0].length - m[0].trimStart().length), line, end: m.index + m[0].length });
  }
  return out;
}

/** The next connectives of a series, said inside the paragraph that opened it: "首先，…。其次，要…". */
const CONNECTIVE_AFTER = /[。；;](?:\s*)(另一方面|其次|再次|再者)[,，]/g;

/**
 * Connective sub-points (一方面，… 另一方面，…) opening lines of their own, numbered by their order word, and the
 * ones that go on the same series inside such a paragraph.
 */
function connectiveMarkers(lines: { start: number; line: string }[]): Marker[] {
  return lines.flatMap(({ start, line }) => {
    const c = CONNECTIVE.exec(line);
    if (!c || line.length < 8) return [];
    const out: Marker[] = [{ type: 'connective', value: CONNECTIVE_ORDER[c[1]], start, end: start + c[0].length, lineStart: true }];
    for (const m of line.matchAll(CONNECTIVE_AFTER)) {
      if (CONNECTIVE_ORDER[m[1]] !== out[out.length - 1].value + 1) break;
      const at = start + m.index + m[0].length - m[1].length - 1;
      out.push({ type: 'connective', value: CONNECTIVE_ORDER[m[1]], start: at, end: start + m.index + m[0].length, lineStart: true });
    }
    return out;
  });
}

/**
 * A speech told part by part ("先说说…。" "再说说…。" "最后，讲几点要求。"), each part's points a headline sentence
 * alone on its line ("宣讲要再深入一步。", "送文化，让群众过个有年味的节") and their sub-points opening with a
 * connective (一方面，… 首先，…): three levels a speaker's text marks with no numbering. Null unless two or more
 * parts are opened so, the first with 先/首先.
 */
function spokenParts(match: string, from: number, to: number): Marker[] | null {
  const lines = linesOf(match, from, to);
  const openers = lines.filter((l) => opensPart(l.line));
  if (openers.length < 2 || !SPOKEN_FIRST.test(openers[0].line)) return null;
  const out: Marker[] = openers.map((o, i) => ({ type: 'para', value: i + 1, start: o.start, end: o.start, lineStart: true }));
  for (let i = 0; i < openers.length; i++) {
    const partEnd = i + 1 < openers.length ? openers[i + 1].start : to;
    const part = lines.filter((l) => l.start > openers[i].start && l.start < partEnd);
    let n = 0;
    for (let k = 0; k < part.length; k++) {
      const { start, line } = part[k];
      const next = part[k + 1]?.line ?? '';
      // (a headline has its body below it: the next line is a paragraph, not another short line)
      const named = (isHeadline(line) || (/^[^。]{4,16}。$/.test(line) && isHeadline(line.slice(0, -1)))) && !/我|大家|同志|要求|意见|如下/.test(line) && !ENUM_ITEM.test(line) && !CONNECTIVE.test(line);
      if (named && /[。;；:：]/.test(next)) out.push({ type: 'headline', value: ++n, start, end: start, lineStart: true });
    }
    out.push(...connectiveMarkers(part));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A speech's paragraph points, and whether they are headline lines (its headings once their numbering is lost). */
function paragraphMarkers(match: string, from: number, to: number): { points: Marker[]; headlines: boolean } {
  const paras: { start: number; lead: string }[] = [];
  const ordinals: { start: number; lead: string }[] = [];
  const headlines: { start: number; lead: string }[] = [];
  const turns: { start: number; lead: string }[] = [];
  // A plan written month by month is a list of items, not a speech with paragraph points.
  MONTH_LINE.lastIndex = 0;
  let months = 0;
  for (const mm of match.slice(from, to).matchAll(MONTH_LINE)) if (mm && ++months >= 3) return { points: [], headlines: false };
  const spoken = spokenParts(match, from, to);
  if (spoken) return { points: spoken, headlines: false };
  const re = /[^\n]+/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(match)) && m.index < to) {
    const line = m[0].trim();
    // A short lead line is a point heading when its enumeration follows on the next lines
    // ("关于理论武装，要在学懂弄通上下功夫。\n一是…").
    const nextLine = match.slice(m.index + m[0].length + 1, m.index + m[0].length + 8).trimStart();
    const opensList = /^(?:一是|一要|第一[,，、]|1[.、．](?!\d+(?:[.%]|亿|万)))/.test(nextLine);
    const lineStart = m.index + (m[0].length - m[0].trimStart().length);
    const ordinal = ORDINAL_POINT.exec(line);
    if (ordinal && line.length >= 8) ordinals.push({ start: lineStart, lead: ordinal[0] });
    // (a headline has its body below it: the next line that is not blank is a paragraph)
    // (…or its stop kept, "理论武装要再深一层。" alone on its line, when it is not the speaker talking: 我插一句。谢谢大家。)
    const named = isHeadline(line) || (/^[^。]{4,16}。$/.test(line) && isHeadline(line.slice(0, -1)) && !/我|大家|同志|要求|意见|如下|发言|讲话/.test(line) && !ENUM_ITEM.test(line));
    if (named && /[。;:]\s*$/.test(match.slice(m.index + m[0].length).match(/^\s*([^\n]+)/)?.[1] ?? '')) headlines.push({ start: lineStart, lead: line });
    // ("再讲一下网络文明建设。": the speaker turning to the next point, whatever the others open with)
    if (TURN_TO_POINT.test(line)) {
      turns.push({ start: lineStart, lead: line });
      continue;
    }
    // (an enumeration item on its own line, "二是做强主题宣传。…", is an item under the point before it, not a point)
    if (ENUM_ITEM.test(line)) continue;
    if (line.length < (opensList ? 8 : 30)) continue;
    // (…but one that opens the enumeration below it is its point: "今年要重点把握好以下三个方面：\n一是…")
    if ((/[:：]$/.test(line) && !opensList) || /如下[:：]?$/.test(line)) continue;
    if (/汇报完毕|批评指正|谢谢大家|以上(?:是|为)|特此/.test(line)) continue;
    // (a look back, an aside or a paragraph that goes on with the point before is no point of its own)
    if (/^(?:过去的?一年|去年|一年来|这里|下面|刚才|同时|另外|此外|总之|最后|当然|(?:先|首先)?(?:简单|简要)?回顾)/.test(line)) continue;
    const lead = /^[^,。;:！？!?]{4,30}[,。]/.exec(line) ?? (opensList ? /^[^,。;:！？!?]{4,30}:$/.exec(line) : null);
    if (!lead) continue;
    // (a paragraph that opens with its time, "4月上旬，…", "清明节前后，…", goes on with the point before it)
    if (TIME_LEAD.test(lead[0])) continue;
    const start = m.index + (m[0].length - m[0].trimStart().length);
    paras.push({ start, lead: lead[0] });
  }
  // (a headline that opens with its own marker, "一要在思想引领上展现新作为", is that marker's heading, not a paragraph point)
  const points = (list: { start: number }[]) =>
    list.filter((p) => !ENUM_ITEM.test(match.slice(p.start, p.start + 6))).map((p, i) => ({ type: 'para' as const, value: i + 1, start: p.start, end: p.start, lineStart: true }));
  if (ordinals.length >= 2 && ordinals.some((o) => ORDINAL_FIRST.test(o.lead))) return { points: points(ordinals), headlines: false };
  // (…with the sub-points under them that open with a connective: "一方面，要把“最美家庭”寻访做实。")
  if (headlines.length >= 2) {
    const heads = points(headlines);
    const subs = connectiveMarkers(linesOf(match, heads[0]?.start ?? from, to)).filter((c) => c.start > heads[0].start && !heads.some((h) => h.start === c.start));
    return { points: [...heads, ...subs].sort((a, b) => a.start - b.start), headlines: true };
  }
  // Parallel points usually share an opening word (聚焦… 聚焦…, 坚持… 坚持…):
  // when three or more do, only those are headings.
  const groups = new Map<string, typeof paras>();
  for (const p of paras) {
    const k = p.lead.slice(0, 2);
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  const biggest = [...groups.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  // "关于理论武装，…" "关于新闻舆论，…": two points named 关于… are already a parallel series.
  // (otherwise every paragraph but the first, unless it opens as two later points do: 抓理论武装， … 抓新闻舆论， …)
  const opening = paras.length > 0 && (OPENING.test(paras[0].lead) || paras.slice(1).filter((p) => p.lead[0] === paras[0].lead[0]).length < 2);
  const rest = opening ? paras.slice(1) : paras;
  // (with no series, a speech that goes on over several paragraphs per point names each point in a short sentence of
  // its own, "抓好思想道德建设这个根本。", and its other paragraphs open with a clause: "3月5日前后，…", "县文明委决定，…";
  // a short statement of fact, "家庭是社会的细胞。", introduces a paragraph, it names no point)
  // Taken only when their number, with the turns, is the number of points the speaker announced ("我归纳为五个方面").
  // (the first paragraph too: the opening may be one of the paragraphs skipped above)
  const namesPoint = (p: { lead: string }) => (p.lead.endsWith('。') && !/^[^,，。]{1,8}是/.test(p.lead)) || ORDINAL_POINT.test(p.lead);
  const announced = ANNOUNCED.exec(match.slice(from, Math.min(to, from + 800)));
  const count = announced ? CN_COUNT.indexOf(announced[1]) + 1 : 0;
  const named = [paras.filter(namesPoint), rest.filter(namesPoint)].find((n) => n.length + turns.length === count);
  const chosen =
    biggest.length >= 3 || (biggest.length >= 2 && biggest[0].lead.startsWith('关于'))
      ? biggest
      : count >= 2 && rest.length + turns.length !== count && named
        ? named
        : rest;
  return { points: points([...chosen, ...turns].sort((a, b) => a.start - b.start)), headlines: false };
}

/** Enumerations written inside a paragraph (一是 一要 第一， ①). */
const INLINE_ENUM: MarkerType[] = ['shi', 'yao', 'di', 'circ', 'yige'];

const STRUCTURAL: MarkerType[] = ['cn', 'pcn', 'num', 'dec', 'di', 'part', 'zero', 'brk', 'item'];

/** The title without the closing punctuation and brackets it may carry ("…安排》", "…方案。"). */
const withoutClosingMarks = (title: string) => title.replace(/[\s。.》」』”"）)]+$/, '');

/**
 * Builds sections from `text` (display, original script) and `match` (its
 * same-length matching copy), considering only [bodyStart, end).
 */
export interface SectionSpan {
  /** Marker start. */
  start: number;
  /** Title text [titleStart, titleEnd). */
  titleStart: number;
  titleEnd: number;
  /** The section's own text ends here (next heading or end of document). */
  end: number;
  /**
   * An enumeration item inside a paragraph ("抓好文明实践。一是…；二是…") holds the rest of that paragraph only:
   * the next paragraph, before the next heading ("抓好典型选树。下半年…"), is its parent's text again.
   */
  paragraphEnd?: number;
}

export interface Outline {
  sections: PlanSection[];
  /** Parallel to `sections`: where each lives in the text (for activity extraction). */
  spans: SectionSpan[];
}

/** Closing formulas of speeches and reports: not part of the last section. */
const CLOSING = /^[ \t]*(?:同志们[,，!！]|汇报完毕|以上(?:汇报|发言)|谢谢(?:大家)?[。!！]?$)/m;
/** 附件：1.… — the attachment list after the plan is not part of its outline. */
/** Where a plan's attachments begin (附件：, 附件1：): the outline ends there. */
export const ATTACHMENTS = /^[ \t]*附件\s*\d*\s*[:：]/m;

/**
 * A title that names a plan, a notice or a schedule (…方案, …通知, …安排表) and not a speech: its unnumbered
 * paragraphs are the notice's prose (请…, 说明：…), not points of a speech.
 */
const NOT_A_SPEECH = /(?:方案|通知|安排|计划|要点|表|办法|意见|细则)$/;
const SPEECH = /讲话|发言|致辞|讲稿|演讲|报告|交流材料/;

/** "备注：" on a line of its own: a schedule's notes follow, numbered but not its outline. */
const NOTES = /^[ \t]*(?:备注|附注|注)[ \t]*[:：][ \t]*$/m;

/**
 * Where a heading's title starts: right after its marker, or on the next line when the marker ends its own line and
 * the next is a name (short, not a field line like 时间：…, not another heading).
 */
function nameOnNextLine(match: string, from: number, limit: number): number {
  const rest = /^[ \t]*\n[ \t]*/.exec(match.slice(from, limit));
  if (!rest) return from;
  const at = from + rest[0].length;
  const eol = match.indexOf('\n', at);
  const line = match.slice(at, eol < 0 || eol > limit ? limit : eol).trim();
  if (!line || line.length > 40 || /^[\u4e00-\u9fff]{2,8}[ \t]*[:：]/.test(line) || scanMarkers(line).some((m) => m.start === 0)) return from;
  return at;
}

/** The annex itself, after the signature: "附件" or "附件1" on a line of its own. */
const ANNEX_HEAD = /^[ \t]*附件[ \t]*\d*[ \t]*$/gm;
/** The body leaves its activities to the annex: 各项活动的时间、地点和内容详见附件. */
const REFERS_TO_ANNEX = /(?:详见|具体见|见)附件/;
/** Markers an annex's list of activities is numbered with (not (1) or ①: those are a form's items). */
const ANNEX_ITEM: MarkerType[] = ['cn', 'pcn', 'num', 'brk', 'item'];

/**
 * The numbered items of a notice's annex when the body leaves its activities to it ("详见附件") and the annex is a
 * list of them (three or more, on lines of their own): they are the plan's sections as much as the body's headings.
 * A table (cells set apart by tabs) is read by table-rows.ts instead; a form (报名表) has no numbered list.
 */
function scheduleAnnex(match: string, bodyStart: number, attachmentsAt: number): { items: Accepted[]; end: number } | null {
  if (!REFERS_TO_ANNEX.test(match.slice(bodyStart, attachmentsAt))) return null;
  ANNEX_HEAD.lastIndex = attachmentsAt;
  const head = ANNEX_HEAD.exec(match);
  if (!head) return null;
  const from = head.index + head[0].length;
  ANNEX_HEAD.lastIndex = from;
  const following = ANNEX_HEAD.exec(match);
  const end = following ? following.index : match.length;
  const items = nest(scanMarkers(match, from, end).filter((m) => m.lineStart && ANNEX_ITEM.includes(m.type)));
  return items.filter((a) => a.parent < 0).length >= 3 ? { items, end } : null;
}

export function buildOutline(text: string, match: string, bodyStart: number, title = ''): Outline {
  let end = match.length;
  const attachments = ATTACHMENTS.exec(match.slice(bodyStart));
  if (attachments) end = bodyStart + attachments.index;
  const notes = NOTES.exec(match.slice(bodyStart, end));
  if (notes) end = bodyStart + notes.index;
  const restarts = timeHeads(match, bodyStart, end);
  const scanned = scanMarkers(match, bodyStart, end);
  let accepted = nest(scanned, restarts);
  // (第一，第二， inside a paragraph enumerate as 一是 does: only on a line of their own are they a document's numbering)
  const structural = accepted.filter((a) => STRUCTURAL.includes(a.marker.type) && (a.marker.type !== 'di' || a.marker.lineStart)).length;
  // One lone "一、" in a speech (a quoted list, say) does not make it a numbered plan.
  const speechLike = !NOT_A_SPEECH.test(withoutClosingMarks(title)) || SPEECH.test(title);
  // (a speech whose points each list their items afresh, "关于…：\n1.…\n2.…" under every point: the lists are the points'
  // items, not its numbering)
  const restarted =
    structural >= 2 &&
    accepted.every((a) => a.marker.type === 'num' || !STRUCTURAL.includes(a.marker.type)) &&
    scanned.filter((m) => m.type === 'num' && m.value === 1 && m.lineStart).length >= 2;
  // (…or whose headline points each number their items 第一，第二， on lines of their own)
  const lowOnly = accepted.every((a) => !STRUCTURAL.includes(a.marker.type) || a.marker.type === 'di');
  // (read only where a speech's paragraphs could be its outline)
  const found = speechLike && (structural < 2 || restarted || lowOnly) ? paragraphMarkers(match, bodyStart, end) : { points: [], headlines: false };
  const underHeadlines = found.headlines && lowOnly && found.points.length >= 2 && accepted.some((a) => a.marker.type === 'di' && a.marker.start > found.points[0].start);
  if ((structural < 2 || restarted || underHeadlines) && speechLike) {
    const paras = found.points;
    if (paras.length >= (structural === 0 || restarted || underHeadlines ? 2 : 3)) {
      const all = [...paras, ...scanned].sort((a, b) => a.start - b.start);
      // Enumerations before the first paragraph heading belong to the preamble.
      accepted = nest(all.filter((mk) => mk.type === 'para' || mk.start > paras[0].start), restarts);
    }
  }
  if (accepted.length) {
    const lastStart = accepted[accepted.length - 1].marker.start;
    const tail = match.slice(lastStart);
    const nl = tail.search(/\n/);
    if (nl >= 0) {
      const closing = CLOSING.exec(tail.slice(nl + 1));
      if (closing) end = lastStart + nl + 1 + closing.index;
    }
  }
  // A notice whose activities are "详见附件": the annex's numbered items are sections after the body's own.
  const bodyCount = accepted.length;
  const annex = attachments ? scheduleAnnex(match, bodyStart, end) : null;
  if (annex) accepted = [...accepted, ...annex.items.map((a) => ({ ...a, parent: a.parent >= 0 ? a.parent + bodyCount : -1 }))];
  const sections: PlanSection[] = [];
  const spans: SectionSpan[] = [];
  const childCount = new Map<number, number>();
  for (let i = 0; i < accepted.length; i++) {
    const a = accepted[i];
    const regionEnd = annex && i >= bodyCount ? annex.end : end;
    const next = i + 1 < accepted.length && (i + 1 < bodyCount || i >= bodyCount) ? accepted[i + 1].marker.start : regionEnd;
    const unlabelled = a.marker.type === 'para' || a.marker.type === 'headline';
    const mode = unlabelled ? 'lead' : 'heading';
    // "【活动一】" alone on its line, the activity's name on the next: that line is its title.
    const titleStart = mode === 'heading' ? nameOnNextLine(match, a.marker.end, next) : a.marker.end;
    const span = titleSpan(match, titleStart, next, mode);
    const order = childCount.get(a.parent) ?? 0;
    childCount.set(a.parent, order + 1);
    const parentId = a.parent >= 0 ? sections[a.parent].id : '';
    const id = parentId ? `${parentId}.${order + 1}` : `s${order + 1}`;
    // (a spoken item, "一个是抓重大节点", has no label: its words are the speaker's, its title what follows them)
    // (a connective is its sub-point's label as 一是 is, without the comma after it: "一方面")
    const label = a.marker.type === 'yige' ? '' : text.slice(a.marker.start, a.marker.end).trim().replace(a.marker.type === 'connective' ? /[,，]$/ : /$^/, '');
    sections.push({
      id,
      parentId,
      label,
      labelKey: unlabelled || a.marker.type === 'yige' ? '' : labelKey(a.marker.type, match.slice(a.marker.start, a.marker.end)),
      title: text.slice(titleStart, span.end).trim(),
      level: a.depth,
      body: text.slice(span.bodyStart, next).trim(),
      order,
    });
    const inline = !a.marker.lineStart && INLINE_ENUM.includes(a.marker.type);
    const nl = inline ? match.indexOf('\n', span.end) : -1;
    spans.push({ start: a.marker.start, titleStart, titleEnd: span.end, end: next, ...(nl >= 0 && nl < next && match.slice(nl, next).trim() ? { paragraphEnd: nl } : {}) });
  }
  return { sections, spans };
}
