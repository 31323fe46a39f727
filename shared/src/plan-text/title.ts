/**
 * Title and year. Scraped pages put tag lines (宣传工作 / 计划 / 要点), a file
 * name or a repeated site heading before the real title, and one-line documents
 * run the title straight into the body. So we cut the head into segments
 * (lines, and space-separated runs on a line), find where the body starts, and
 * take the LAST title-like segment before it.
 */
import { matchingCopy } from './normalize';

/** Words a plan title ends with or contains. */
const PLAN_WORD = /要点|方案|计划|规划|安排|意见|通知|发言|讲话|报告|总结|实施|细则|办法|纲要|工作|活动|要求|打算|思路|部署/;
/** Download-site decorations glued to titles. */
const TITLE_JUNK = /(?:范文|模板|范本|精选|通用版|最新版|word版|完整版|\d+篇|（[^）]{0,8}）|\([^)]{0,8}\)|\.(?:docx?|wps|pdf|txt))+$/i;

export interface Segment {
  start: number;
  end: number;
  text: string;
}

export interface TitleInfo {
  title: string;
  /** Offset in the cleaned text where the plan's body starts (after the title). */
  bodyStart: number;
  /** Offset just after the chosen title (its date line may follow). */
  titleEnd: number;
  /** Title-like strings seen in the head: page footers repeat one of them. */
  headers: string[];
}

function headSegments(match: string, limit: number): Segment[] {
  const segs: Segment[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(match)) && m.index < limit) {
    const line = m[0];
    // Split a line on runs of spaces only while the pieces stay short: a long
    // piece is body text and the rest of the line belongs to it.
    // A quoted name keeps its spaces ("“文明实践 你我同行”志愿服务周活动方案"): a part that opens a quote runs to its close.
    const parts = /(?:[^\s“]|“[^”\n]*”?)+/g;
    let p: RegExpExecArray | null;
    while ((p = parts.exec(line))) {
      const start = m.index + p.index;
      if (p[0].length > 45 || /[。，,;；]/.test(p[0])) {
        segs.push({ start, end: m.index + line.length, text: match.slice(start, m.index + line.length) });
        break;
      }
      segs.push({ start, end: start + p[0].length, text: p[0] });
    }
  }
  return segs;
}

/** A field line: "活动时间：6月1日", "报名方式：…". */
const FIELD_LINE = /^(?:活动|比赛|展览|报名|征集|演出)?(?:时间|地点|日期|方式|对象|内容|费用|人数|主办|承办|协办|报名|主讲|嘉宾)[^:]{0,4}:/;
/** A field line or a post's numbered item ("【活动一】…"): the body has begun. */
const FIELD_OR_ITEM = new RegExp(`${FIELD_LINE.source}|^【(?:活动|项目|板块)?[一二三四五六七八九十\\d]{1,2}】`);

function isBodyLike(s: string): boolean {
  // (a speech's salutation, "同志们：", and a point that opens with its marker, "一要在…上展现新作为", are its body)
  if (/^(?:同志们|各位(?:领导|同志|代表|来宾)|尊敬的)[^。]{0,20}[:：,，!！]?$/.test(s) || /^[一二三四五六七八九十]+[是要](?![的否非求素点])/.test(s)) return true;
  return s.length > 45 || FIELD_OR_ITEM.test(s) || /[。，,;；！？]/.test(s) || /^[\d一二三四五六七八九十]+月(?:份)?(?:[至到—~～-][\d一二三四五六七八九十]+月)?\s*[:：]/.test(s) || /^(?:[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十]+\)|\d+(?:[、．]|\.(?!\d))|第[一二三四五六七八九十]+(?:部分|章|篇)(?:$|[ \t\u3000:：,，、])|(?:0[1-9]|(?:PART|Part|NO|No)[ .．]?0?[1-9])$)/.test(s);
}

function isTitleLike(s: string): boolean {
  return s.length >= 5 && s.length <= 80 && PLAN_WORD.test(s) && !/[。;；]/.test(s);
}

export function cleanTitle(t: string): string {
  let s = t.trim().replace(/^[【\[][^】\]]{0,12}[】\]]/, '');
  for (let i = 0; i < 3 && TITLE_JUNK.test(s); i++) s = s.replace(TITLE_JUNK, '').trim();
  return s;
}

/** How a title ends: its plan word (…工作要点, …的通知, …活动预告, …上的讲话). */
const PLAN_END = /(?:要点|方案|计划|规划|安排|安排表|意见|通知|发言|讲话|致辞|报告|总结|细则|办法|纲要|打算|思路|预告|公告|通告|启事|倡议书|倡议)$/;

/** The second line of a title broken before its plan word: 实施方案, 工作要点, 活动安排. */
const TITLE_TAIL = /^[\u4e00-\u9fff]{0,8}(?:方案|要点|计划|安排|通知|意见|办法|细则)$/;

/** An issuing body's name on a line of its own: 中共XX县委宣传部, XX市直机关工委, 县文化馆. */
const ORG_LINE = /^[\u4e00-\u9fff]{3,24}(?:委员会|工委|党委|党组|总支|支部|委|部|办公室|办|局|馆|中心|政府|团委|妇联|工会|协会|联合会)$/;

export function findTitle(text: string, match: string = matchingCopy(text), headline?: string): TitleInfo {
  const segs = headSegments(match, 4000);
  // A post's headline (the line above its WeChat meta line, commas and all) is its title; the body follows it.
  const at = headline ? text.indexOf(headline) : -1;
  if (at >= 0 && at < 4000) {
    const end = at + headline!.length;
    const bodyIdx = segs.findIndex((s) => s.start >= end);
    // (a notice posted whole: its own title line, "关于举办…的通知", among the post's first lines is the document's)
    // (…or the plan it embeds, "▼以下为活动方案全文▼ / 青梧县文化馆2026年“…”暑期系列活动方案", before the plan's first heading)
    const firstHeading = bodyIdx < 0 ? -1 : segs.slice(bodyIdx).findIndex((s) => /^(?:[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十]+\))/.test(s.text));
    const near = bodyIdx < 0 ? [] : segs.slice(bodyIdx, bodyIdx + Math.min(14, firstHeading < 0 ? 4 : firstHeading));
    const formal = near.findIndex(
      (s) => isTitleLike(s.text) && (/^关于.{4,60}(?:通知|方案|安排)$/.test(s.text) || (s.text.length >= 10 && /(?:方案|计划|要点|安排|预告)$/.test(s.text) && !/[,，!！?？]/.test(s.text))),
    );
    if (formal >= 0) {
      const f = segs[bodyIdx + formal];
      const next = segs[bodyIdx + formal + 1];
      return { title: cleanTitle(text.slice(f.start, f.end)), bodyStart: next ? next.start : f.end, titleEnd: f.end, headers: [cleanTitle(text.slice(f.start, f.end)), cleanTitle(headline!)] };
    }
    // ("凝心聚力建新功 踔厉奋发开新局" / "——在…会议上的讲话": the speech's own title over the subtitle the post's meta line follows)
    const from = Math.max(0, at - 40);
    const above = /^[—-]{1,2}/.test(headline!) ? /(?:^|\n)[ \t]*([^\n。，,;；:：]{4,30})[ \t]*\n[ \t]*$/.exec(match.slice(from, at)) : null;
    const full = above && !ORG_LINE.test(above[1].trim()) ? `${text.slice(from + above.index + above[0].indexOf(above[1]), at).trim()}${headline}` : headline!;
    return { title: cleanTitle(full), bodyStart: bodyIdx >= 0 ? segs[bodyIdx].start : end, titleEnd: end, headers: [cleanTitle(full), cleanTitle(headline!)] };
  }
  let bodyIdx = segs.findIndex((s) => isBodyLike(s.text));
  if (bodyIdx < 0) bodyIdx = segs.length;
  const before = segs.slice(0, bodyIdx);
  const titled = before.filter((s) => isTitleLike(s.text));
  // (the last line that ends as a title does, "…工作要点", before one that merely holds a plan word: a preamble's
  // first line broken by a PDF, "2026年全县…工作的总体要求是：坚持…")
  let pick = titled.filter((s) => PLAN_END.test(cleanTitle(s.text))).at(-1) ?? titled.at(-1) ?? before.find((s) => s.text.length >= 4) ?? null;
  let bodyStart = bodyIdx < segs.length ? segs[bodyIdx].start : pick ? pick.end : 0;
  // (a notice that opens with its first item: "端午民俗市集" above "时间：6月19日上午" is that item's name, not the head's)
  const above = segs[bodyIdx - 1];
  if (bodyIdx < segs.length && pick && above && above.start > pick.end && FIELD_LINE.test(segs[bodyIdx].text) && /^[ \t]*\n[ \t]*$/.test(match.slice(above.end, bodyStart))) {
    bodyStart = above.start;
  }
  let title = pick ? cleanTitle(text.slice(pick.start, pick.end)) : '';
  // A title broken over lines: the segment on the line right above the pick, and joining segments from `first` on
  // (up to the pick) into it, their words before the title's.
  const above1 = (): Segment | undefined => (pick ? before[before.indexOf(pick) - 1] : undefined);
  const onLineAbove = (s: Segment) => /^[ \t]*\n[ \t]*$/.test(match.slice(s.end, pick!.start));
  const joinFrom = (first: number) => {
    const at = before.indexOf(pick!);
    const start = before[first].start;
    const end = before[at - 1].end;
    title = cleanTitle(text.slice(start, end)) + title;
    const merged = { ...pick!, start, text: match.slice(start, end) + pick!.text };
    before.splice(first, at - first + 1, merged);
    pick = merged;
  };
  // "关于印发《2026年全县宣传思想文化工作\n要点》的通知": a title broken inside its 《》, the line above left open.
  const unclosed = (t: string) => (t.match(/《/g)?.length ?? 0) > (t.match(/》/g)?.length ?? 0);
  const opened = above1();
  if (pick && opened && unclosed(opened.text) && pick.text.includes('》') && !unclosed(pick.text) && onLineAbove(opened)) joinFrom(before.indexOf(opened));
  // "在全市“文明新风进万家”三个月集中行动\n动员部署会上的讲话": a speech's title broken between its 在 and its 上的讲话.
  const opener = above1();
  if (pick && opener && /^在[^，,。；;：:]{2,40}$/.test(opener.text) && !/^在/.test(pick.text) && /上的(?:讲话|发言|致辞|主持词|报告)$/.test(pick.text) && onLineAbove(opener)) joinFrom(before.indexOf(opener));
  // "枫口区2026年“理论润民心·奋进新征程”\n基层巡回宣讲活动实施方案": a title broken over two lines with its plan word
  // and more on the second, the first holding its year or quoted name (not an issuer's name, not a date line).
  const head1 = above1();
  if (
    pick &&
    head1 &&
    /^[\u4e00-\u9fff]/.test(pick.text) &&
    !/^(?:(?:19|20)\d{2}\s?年|关于|在)/.test(pick.text) &&
    /(?:(?:19|20)\d{2}\s?年|”)/.test(head1.text) &&
    /[\u4e00-\u9fff”]$/.test(head1.text) &&
    head1.text.length <= 40 &&
    !ORG_LINE.test(head1.text) &&
    !PLAN_END.test(head1.text) &&
    !/^(?:19|20)\d{2}\s?年\d{1,2}\s?月/.test(head1.text) &&
    onLineAbove(head1)
  )
    joinFrom(before.indexOf(head1));
  // "凝心聚力建新功 踔厉奋发开新局" / "——在市总工会…会议上的讲话": a speech's own title over its subtitle.
  const main = above1();
  if (pick && /^[—-]{1,2}/.test(pick.text) && main && main.text.length <= 30 && !/[。，,;；:：]/.test(main.text) && onLineAbove(main)) {
    // (its parts, "凝心聚力建新功　踔厉奋发开新局", may be segments of one line)
    let first = before.indexOf(main);
    while (first > 0 && before[first - 1].text.length <= 15 && !/[。，,;；:：]/.test(before[first - 1].text) && /^[ \t\u3000]+$/.test(match.slice(before[first - 1].end, before[first].start))) first--;
    // (not the issuer's name: "中共某县委宣传部" / "——在…上的讲话")
    if (!ORG_LINE.test(match.slice(before[first].start, main.end))) joinFrom(first);
  }
  // "中共滨海市直机关工委\n2025年宣传思想文化工作要点": an issuer's name on the line above a title that opens with its year.
  const prev = pick ? before[before.indexOf(pick) - 1] : undefined;
  // ("青川县新时代文明实践中心\n关于印发…的通知": likewise the issuer of a notice, on the line above its 关于)
  if (pick && prev && /^(?:(?:19|20)\d{2}\s?年|关于)/.test(pick.text) && ORG_LINE.test(prev.text) && /^\s*\n\s*$/.test(match.slice(prev.end, pick.start))) {
    title = cleanTitle(text.slice(prev.start, prev.end)) + title;
  }
  // "禾丰县新时代文明实践中心 共青团禾丰县委员会 禾丰县妇女联合会关于开展…的通知": co-issuers before a notice's
  // 关于, separated by spaces on its line, belong to its title.
  let titleStart = pick ? pick.start : 0;
  if (pick && /关于/.test(pick.text)) {
    for (let i = before.indexOf(pick) - 1; i >= 0; i--) {
      const s = before[i];
      if (!ORG_LINE.test(s.text) || !/^[ \t\u3000]+$/.test(match.slice(s.end, titleStart))) break;
      titleStart = s.start;
    }
    if (titleStart < pick.start) title = cleanTitle(text.slice(titleStart, pick.end));
  }
  // "汶溪县“德润汶溪·文明同行”主题实践活动\n实施方案": a title broken over two lines, its plan word on the second.
  const next = pick ? before[before.indexOf(pick) + 1] : undefined;
  let titleEnd = pick ? pick.end : 0;
  if (pick && next && next.text.length <= 12 && TITLE_TAIL.test(next.text) && /^[ \t]*\n[ \t]*$/.test(match.slice(pick.end, next.start))) {
    title += cleanTitle(text.slice(next.start, next.end));
    titleEnd = next.end;
  }
  const headers = new Set<string>([title]);
  for (const s of titled) {
    const t = cleanTitle(text.slice(s.start, s.end));
    headers.add(t);
    // Footers often drop the year: "区委宣传部年度精神文明工作方案第2页".
    headers.add(t.replace(/(?:19|20)\d{2}年?/g, ''));
  }
  const issued = issuedPlan(match, title, titleEnd, bodyStart);
  if (issued) return { ...issued, headers: [issued.title, ...headers] };
  return { title, bodyStart, titleEnd, headers: [...headers] };
}

/** "关于印发《…实施方案》的通知", "…关于转发《…》的通知": a notice that issues a plan. */
const ISSUING = /(?:印发|转发|下发)《([^《》]{6,80})》的?通知$/;

/**
 * A notice that issues a plan is the plan's cover: the document an organiser schedules from is the plan, so its
 * title is the one inside 《》. When the plan follows with its title written out again (after 附件, perhaps broken
 * over two lines), its body starts there, and the notice's own lines (its 落款 date above all) are not the plan's.
 */
function issuedPlan(match: string, title: string, after: number, bodyStart: number): Omit<TitleInfo, 'headers'> | undefined {
  const m = ISSUING.exec(title);
  if (!m) return undefined;
  const want = matchingCopy(m[1]).replace(/\s/g, '');
  const lines = [...match.slice(after, after + 6000).matchAll(/[^\n]+/g)].map((l) => ({ start: after + l.index, end: after + l.index + l[0].length, text: l[0].replace(/\s/g, '') }));
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.text.length < 6 || !want.startsWith(l.text)) continue;
    let end = l.end;
    if (l.text !== want) {
      const n = lines[i + 1];
      if (!n || l.text + n.text !== want) continue;
      end = n.end;
    }
    const body = lines.find((x) => x.start > end && x.text);
    return { title: m[1], bodyStart: body ? body.start : end, titleEnd: end };
  }
  return { title: m[1], bodyStart, titleEnd: after };
}

/**
 * The plan year: from the title, else the lines under it (a speech's date), else the opening lines ("2020年是…"), else
 * site metadata (更新时间:2023-12), else the most frequent "20xx年" in the text.
 */
const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** "二〇二四年" → "2024年", so formal titles written in Chinese numerals give their year too. */
function arabicYears(s: string): string {
  return s.replace(/([〇零一二三四五六七八九]{4})(?=年)/g, (y) => [...y].map((c) => CN_DIGIT[c]).join(''));
}

export function findYear(title: string, bodyMatch: string, metaYears: number[], fallback: number, headMatch = '', postYear?: number): number {
  title = arabicYears(title);
  headMatch = arabicYears(headMatch);
  // (a title with two years, "2025年工作总结及2026年工作计划": the year of the plan part)
  const copy = matchingCopy(title);
  const planPart = [...copy.matchAll(/((?:19|20)\d{2})\s?年(?:度)?[^\d]{0,10}?(?:计划|要点|方案|安排|打算|思路)/g)].at(-1);
  if (planPart) return Number(planPart[1]);
  const inTitle = /((?:19|20)\d{2})(?!\d)/.exec(copy);
  if (inTitle) return Number(inTitle[1]);
  const inHead = /((?:19|20)\d{2})\s?年/.exec(headMatch);
  if (inHead) return Number(inHead[1]);
  // (a post is for the year it is posted in or a later one: an earlier year in its opening, "摄影作品须为2025年1月以来
  // 拍摄", is about the past; a site's 更新时间 may be any later year, so only a post's own date says so)
  const opening = /((?:19|20)\d{2})\s?年(?!\d)/.exec(bodyMatch.slice(0, 300));
  if (opening) return Math.max(Number(opening[1]), postYear ?? 0);
  if (postYear) return postYear;
  if (metaYears.length) return metaYears[0];
  const counts = new Map<number, number>();
  for (const m of bodyMatch.matchAll(/((?:19|20)\d{2})\s?年(?!代)/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best = fallback;
  let n = 0;
  for (const [y, c] of counts) if (c > n) [best, n] = [y, c];
  return best;
}
