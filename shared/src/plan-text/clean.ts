/**
 * Cleaning scraped plan text. Everything here REMOVES noise and never rewrites
 * the author's words, so what remains is still the plan "as written" (same
 * script, same punctuation); the caller keeps the raw text as the plan's
 * `source`. Quote/bracket/width variants are not rewritten here but evened out
 * in the matching copy (normalize.ts), which keeps offsets aligned.
 *
 * Noise handled:
 * - download-site boilerplate lines (温馨提示 blocks, 下载文档, ID/大小/页数 lines,
 *   更新时间/来源 lines, 导语…来源于网友上传) and the whole tail after a tail
 *   marker (此文档下载收益归作者所有, 最新推荐, 你可能关注的文档…);
 * - hidden-text markers (---此处隐藏618字,下载后查看---);
 * - pinyin annotations after characters (領(lǐng)導(dǎo));
 * - page footers, also when pasted mid-sentence (…工作方案第2页 康向上).
 */
import { matchingCopy } from './normalize';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const PINYIN_RE = new RegExp(`(?<=[\\u3400-\\u9fff])[(（]([a-zü${TONED}]{1,7})[)）]`, 'g');
const TONED_RE = new RegExp(`[${TONED}]`);

/** Removes `(lǐng)`-style annotations. Untoned ones `(de)` only when the text is clearly annotated. */
export function removePinyin(text: string): string {
  let toned = 0;
  for (const m of text.matchAll(PINYIN_RE)) if (TONED_RE.test(m[1]) && ++toned >= 3) break;
  if (toned === 0) return text;
  return text.replace(PINYIN_RE, (all, py: string) => (TONED_RE.test(py) || toned >= 3 ? '' : all));
}

const HIDDEN_RE = /[-—_=]{0,8}\s*(?:(?:此处|以下)(?:内容)?已?隐藏\s*\d*\s*字?|已?隐藏\s*\d+\s*字)[^\n]{0,24}?(?:下载后|下载|阅读全文|查看全文)[^\n\-—]{0,8}[-—_=]{0,8}/g;

/** A WeChat post's meta line under its headline: "原创 宣传推广部 云溪文化馆 2026年05月28日 18:06 江西". */
const WECHAT_META: RegExp[] = [
  /^原创\s+.{0,40}(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?.{0,16}$/,
  /^(?!(?:活动)?(?:时间|日期))[^\s。，,:：]{2,20}(?:\s+[^\s。，,:：]{2,20})?\s+(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}(?:\s+(?:发表于)?[\u4e00-\u9fff]{2,4})?$/,
];

/** Lines that are download-site furniture, tested on the matching (Simplified) copy. */
const BOILERPLATE_LINE: RegExp[] = [
  /^温馨提示/,
  /^(?:网站|在线)?客服/,
  /本文档由用户上传|版权归属用户|负责整理代发布|对本文档版权有争议/,
  /部分包含数学公式或PPT动画|文件下载后无此问题|下载前请仔细阅读文档内容|付费完成后未能成功下载|若出现内容与标题不符/,
  /来源于网友上传|不代表本站观点|原创文章可咨询|欢迎参考|本文由.*整理/,
  /^(?:下载文档|分享|收藏|收藏\s*分享赚钱|分享赚钱|收起|展开|举报|打印|阅读全文|全文阅读|立即下载|免费下载|点击下载|文档下载|返回顶部|返回列表|上一篇.*|下一篇.*)$/,
  /^(?:ID|大小|页数|格式|上传者|浏览|下载次数|下载积分|文档编号)\s*[:：]/i,
  /^(?:更新|发布|上传)?时间\s*[:：]\s*\d{4}[-/.]\d{1,2}/,
  /^(?:更新时间|发布时间|来源|作者|编辑|责任编辑|浏览次数)\s*[:：].{0,60}$/,
  /^[^。，,]{0,30}\.(?:docx?|wps|pdf|txt)$/i,
  /^导语\s*[:：]/,
  // A WeChat post copied from the phone or the web: the meta line under its headline ("原创 云溪文化馆 2026年05月28日 09:30 浙江"),
  // the follow prompts, the buttons under it, the editors' credits.
  ...WECHAT_META,
  /^[↑👆☝\s]*(?:点击|点)(?:上方|下方|标题下方)?(?:蓝字|“[^”]{1,20}”|[\u4e00-\u9fff]{0,10})?\s*(?:关注我们|一键关注|关注)[\s!！~～]*$/,
  /^(?:(?:点赞|在看|分享|收藏|转发|推荐|赞赏|写留言|留言|阅读原文|轻触阅读原文|知道了)[\s,，|｜]*)+$/,
  /^(?:喜欢此内容的人还喜欢|继续滑动看下一个|向上滑动看下一个|预览时标签不可点|微信扫一扫.{0,16}|长按(?:识别)?(?:图中|下方)?二维码.{0,12}|扫描二维码关注.{0,12}|关注该公众号|(?:阅读|浏览)\s*\d+(?:万|\+)?)$/,
  /^(?:(?:文字|图片|图文|编辑|审核|校对|责编|排版|美编|来源)\s*[:：丨|｜]\s*[^\s\d：:]{1,16}\s*)+$/,
];

/** After one of these, the page is lists of other documents. */
const TAIL_LINE = /^(?:此文档下载收益归作者所有|你可能关注的文档|最新推荐|相关推荐|猜你喜欢|相关文章|热门推荐|相关文档|推荐阅读|精品推荐|更多相关|往期推荐|往期回顾|往期精彩|精彩回顾|[-—\s]*END[-—\s]*$)/i;

/**
 * Decoration opening a line of a post ("🌟【活动一】…", "▶活动时间：…", "● 地点：…", "▍端午民俗市集"): it hides the
 * heading or field label behind it. (Not ·, which frames page numbers: "·2·".)
 */
const LEAD_MARK = /^([ \t]*)(?:[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{20E3}▶►▸▷➤➢➜→●○◆◇■□▪▫▍▌▎▏★☆✦✧✨◉◎•♦✔✅☑❤♥][ \t]*)+/u;

/** Lines longer than this are documents pasted on one line, never a boilerplate line. */
const LONG_LINE = 200;

const INLINE_FURNITURE: RegExp[] = [
  /温馨提示\s*[:：][\s\S]{0,900}?(?:网站客服|在线客服|客服)\s*[:：]?\s*\d*/g,
  /(?:^|\s)(?:ID|大小|页数|格式|时间)\s*[:：]\s*[\w.\-:/]+页?(?=\s)/g,
  /(?:^|\s)(?:下载文档|收藏\s*分享赚钱|分享赚钱|分享|收起|展开)(?=\s|$)/g,
  /(?:^|\s)[^\s。，,]{2,40}\.(?:docx?|wps|pdf)(?=\s)/g,
];
const INLINE_TAIL = /此文档下载收益归作者所有|你可能关注的文档|(?:^|\s)(?:最新推荐|相关推荐|猜你喜欢)(?:\s|$)/;

function removeInlineBoilerplate(line: string, match: string): { text: string; tail: boolean } {
  const cuts: [number, number][] = [];
  for (const re of INLINE_FURNITURE) for (const m of match.matchAll(re)) cuts.push([m.index, m.index + m[0].length]);
  let end = line.length;
  const tail = INLINE_TAIL.exec(match);
  if (tail) end = tail.index;
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [s, e] of cuts) {
    if (s >= end) break;
    if (s < at) {
      at = Math.max(at, e);
      continue;
    }
    out += line.slice(at, s) + ' ';
    at = e;
  }
  if (at < end) out += line.slice(at, end);
  return { text: out, tail: !!tail };
}

export interface BoilerplateResult {
  text: string;
  /** Years seen in metadata lines (更新时间:2023-12): a last resort for the plan year. */
  metaYears: number[];
  /** A post's headline: the line right above its WeChat meta line (it may hold commas, as headlines do). */
  headline?: string;
  /** The year of a post's own date, on its WeChat meta line. */
  postYear?: number;
}

/** Drops boilerplate lines and everything after a tail marker; keeps line structure. */
export function removeBoilerplate(text: string): BoilerplateResult {
  const lines = text.split('\n');
  const match = matchingCopy(text).split('\n');
  const kept: string[] = [];
  const metaYears: number[] = [];
  let headline: string | undefined;
  let postYear: number | undefined;
  let inTips = false;
  for (let i = 0; i < lines.length; i++) {
    const m = match[i].trim();
    if (m.length > LONG_LINE) {
      // A whole page on one line: cut the furniture out of it instead of dropping it.
      const cut = removeInlineBoilerplate(lines[i], match[i]);
      if (cut.tail) {
        kept.push(cut.text);
        break;
      }
      kept.push(cut.text);
      inTips = false;
      continue;
    }
    if (TAIL_LINE.test(m) && i > 0) break;
    if (/^温馨提示/.test(m)) inTips = true;
    else if (inTips && !/^\d+[.、]/.test(m) && !/客服/.test(m)) inTips = false;
    const drop = inTips || BOILERPLATE_LINE.some((re) => re.test(m)) || /此文档下载收益归作者所有/.test(m);
    if (drop) {
      if (headline === undefined && kept.length > 0 && WECHAT_META.some((re) => re.test(m)) && kept.at(-1)!.trim()) headline = kept.at(-1)!.trim();
      const y = /((?:19|20)\d{2})[-/.年]/.exec(m);
      if (y && /时间|日期/.test(m)) metaYears.push(Number(y[1]));
      // (a post's own date, on its WeChat meta line: "原创 …文联 2026年5月10日 08:00")
      if (y && postYear === undefined && WECHAT_META.some((re) => re.test(m))) postYear = Number(y[1]);
      continue;
    }
    // The tail marker can also end a content line.
    const tail = m.search(/此文档下载收益归作者所有/);
    kept.push((tail > 0 ? lines[i].slice(0, tail) : lines[i]).replace(LEAD_MARK, '$1'));
  }
  return { text: kept.join('\n'), metaYears, ...(headline ? { headline } : {}), ...(postYear ? { postYear } : {}) };
}

const FOOTER_RE = /第\s*(\d{1,3})\s*页(?:\s*[,，/、]?\s*共\s*\d{1,3}\s*页)?/g;

/**
 * Removes page footers. A footer pasted mid-sentence is "<document title>第N页"
 * between two halves of a word (倡导文明健区委宣传部…工作方案第2页 康向上), so the
 * title variants seen at the top of the document tell how far back it starts.
 * Without a known title before it, "第N页" is removed only when it stands apart
 * (own line or between spaces), never from prose like "见第2页".
 */
export function removePageFooters(text: string, headers: string[]): string {
  text = removeRunningHeads(text, headers);
  const match = matchingCopy(text);
  const heads = [...new Set(headers.map((h) => matchingCopy(h).trim()).filter((h) => h.length >= 4))].sort(
    (a, b) => b.length - a.length,
  );
  const cuts: [number, number][] = [];
  for (const m of match.matchAll(FOOTER_RE)) {
    let start = m.index;
    let end = start + m[0].length;
    const before = match.slice(Math.max(0, start - 80), start).replace(/\s+$/, '');
    const head = heads.find((h) => before.endsWith(h));
    if (head) {
      start = match.lastIndexOf(head, start);
    } else {
      const prev = start > 0 ? match[start - 1] : '\n';
      const next = end < match.length ? match[end] : '\n';
      if (!/\s/.test(prev) || !/\s/.test(next)) continue;
    }
    // Swallow the spaces the page break left so the two halves join again.
    while (end < match.length && match[end] === ' ') end++;
    while (start > 0 && match[start - 1] === ' ') start--;
    // (a footer on a line of its own goes with its line break, so the prose around it can be rejoined)
    if ((start === 0 || match[start - 1] === '\n') && match[end] === '\n') end++;
    cuts.push([start, end]);
  }
  // "- 2 -" page-number lines, with their line break.
  for (const m of match.matchAll(/^[ \t]*[-—–]\s*\d{1,3}\s*[-—–][ \t]*(?:\n|$)/gm)) cuts.push([m.index, m.index + m[0].length]);
  if (cuts.length === 0) return text;
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [s, e] of cuts) {
    if (s < at) continue;
    out += text.slice(at, s);
    at = e;
  }
  return out + text.slice(at);
}

/** A line that opens with a heading's or a list's marker (一、 一是 第一， （一） 1. ① 第N页 附件): never prose continued. */
const LINE_HEAD = /^[ \t]*(?:(?:活动|项目|板块)[一二三四五六七八九十\d]{1,3}[:：]|【[^】]{1,8}】|[一二三四五六七八九十]+[、.．，]|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[,，、]|[(（〔][一二三四五六七八九十\d]+[)）〕]|\d+(?:[、.．)）]|$)|[①-⑳]|第\s*\d+\s*页|附件)/;
const PAGE_NUMBER_LINE = /^[ \t]*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,3}\s*页)?|·\s*\d{1,3}\s*·)[ \t]*$/;
const bare = (s: string) => matchingCopy(s).replace(/[\s“”"'《》·]/g, '');

/**
 * A PDF's running head: the document's title (or a line repeated at every page break) printed on the line next to a
 * page number. It goes with its line; and a heading the page break cut in two ("（二）开展“最美文明家庭”寻访" /
 * "— 1 —" / running head / "推选活动") joins again: a short unpunctuated piece right after the furniture, below a
 * line that does not end a sentence, is the rest of that line.
 */
export function removeRunningHeads(text: string, headers: string[]): string {
  const lines = text.split('\n');
  const pageAt = lines.map((l) => PAGE_NUMBER_LINE.test(l));
  if (!pageAt.some(Boolean)) return text;
  const known = new Set(headers.map(bare).filter((h) => h.length >= 6));
  const counts = new Map<string, number>();
  for (const l of lines) {
    const b = bare(l);
    if (b.length >= 6 && !/[,，。;；:：]/.test(b)) counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  // (next to a page number, over blank lines: a page break's furniture can stand between blank lines)
  const besidePage = (i: number) =>
    [-1, 1].some((d) => {
      let j = i + d;
      while (j >= 0 && j < lines.length && !lines[j].trim()) j += d;
      return !!pageAt[j];
    });
  const furniture = lines.map((l, i) => {
    if (pageAt[i]) return true;
    // (the blank lines of a page break are no paragraph break)
    if (!l.trim()) return besidePage(i);
    const b = bare(l);
    // (never a heading, though a heading can repeat: "（一）加强组织领导" in two parts of a plan)
    if (b.length < 6 || /[,，。;；:：]/.test(b) || LINE_HEAD.test(l.trim()) || !(known.has(b) || (counts.get(b) ?? 0) >= 2)) return false;
    return besidePage(i);
  });
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (furniture[i]) continue;
    const cutBefore = i > 0 && furniture[i - 1];
    const prev = out.at(-1);
    const piece = lines[i].trim();
    if (cutBefore && prev !== undefined && (prev.trim().length >= 8 || LINE_HEAD.test(prev.trim())) && !/[。;；！!？?：:]$/.test(prev.trim()) && piece.length > 0 && piece.length <= 8 && !/[，,。;；：:]/.test(piece) && !LINE_HEAD.test(piece)) {
      out[out.length - 1] = prev + piece;
      continue;
    }
    out.push(lines[i]);
  }
  return out.join('\n');
}

/** Line-structure and invisible-character cleanup that every later step relies on. */
export function normalizeLayout(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\f\v\u2028\u2029\u0085]/g, '\n');
}

export interface CleanResult {
  text: string;
  metaYears: number[];
  headline?: string;
  postYear?: number;
}

/**
 * An item's fields written on its own line, set apart by spaces ("1、职工篮球联赛  时间：8月3日至8月14日  地点：县体育馆
 * 内容：…"), as a notice's annex often has them: each field goes on a line of its own, as field lines are read. A run of
 * two or more spaces (or a tab, or an ideographic space) before the field's name is the break; one space is prose.
 */
const RUN_TOGETHER_FIELD = /[ \t\u3000]*(?:\t|[ \u3000]{2,})(?=(?:活动)?(?:时间|日期|地点|内容|主办单位|承办单位|协办单位|参加对象|主讲人|主讲)[ \t]*[:：])/g;

export function splitRunTogetherFields(text: string): string {
  return text.replace(RUN_TOGETHER_FIELD, (run, at: number) => (text.lastIndexOf('\n', at) === at - 1 || at === 0 ? run : '\n'));
}

/** Boilerplate, hidden-text markers and pinyin; footers need the title, see `removePageFooters`. */
export function cleanPlanText(raw: string): CleanResult {
  let text = normalizeLayout(raw);
  text = text.replace(HIDDEN_RE, '\n');
  text = removePinyin(text);
  text = splitRunTogetherFields(text);
  const { text: kept, metaYears, headline, postYear } = removeBoilerplate(text);
  return { text: kept, metaYears, ...(headline ? { headline } : {}), ...(postYear ? { postYear } : {}) };
}


/**
 * Rejoins prose that a PDF copy broke at the page width ("每月安排1次集中\n学习"):
 * a line of prose (it has a comma or full stop inside) that does not end a
 * sentence, followed by a line that does not start a heading, continues on it.
 * Removes only the line break.
 */
export function joinBrokenLines(text: string): string {
  const lines = text.split('\n');
  if (lines.length < 3) return text;
  // A PDF's page width: the line length most long lines share (4 or more of them). A line that fills it and ends
  // without a full stop goes on, commas or not ("…在全县开展“德润汶溪·文明同" / "行”主题实践活动").
  // (widths as printed: a Chinese character is two columns, a digit or letter one)
  const cols = (l: string) => [...l.trim()].reduce((n, c) => n + (c.charCodeAt(0) > 0xff ? 2 : 1), 0);
  const widths = new Map<number, number>();
  for (const l of lines) if (cols(l) >= 32) widths.set(cols(l), (widths.get(cols(l)) ?? 0) + 1);
  const [width, count] = [...widths].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
  const filled = (l: string) => count >= 4 && cols(l) >= width - 5 && cols(l) <= width + 4;
  const fullWidth = (l: string) => filled(l) && !LINE_HEAD.test(l);
  const fieldLine = (l: string) => /^[ \t]*[\u4e00-\u9fff]{2,8}[：:]/.test(l);
  // (prose goes on with a character, a quote, or a figure with its unit: "…二是" / "9月前完成20个…")
  const proseStart = (l: string) => /^[\u3400-\u9fff“《]/.test(l) || /^\d{1,4}(?:月|日|年|个|名|场|次|人|万|余|多|期|项|家|所|支|批)/.test(l);
  let out = lines[0];
  // (whether the line above went on from its own predecessor: then its first words, "场硬仗：会同…", are no field's name)
  let prevJoined = false;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const cur = lines[i];
    const prevField: boolean = !prevJoined && fieldLine(prev);
    // (a month line, "6月：学习…", starts an item of its own)
    const continues = cur.trim().length > 0 && !LINE_HEAD.test(cur) && !/^[ \t]*\d{1,2}月(?:份)?[ \t]*[：:]/.test(cur) && (/^”/.test(cur) || proseStart(cur));
    const broken: boolean =
      (fullWidth(prev) && !/[。；;！!？?：:…\s]$/.test(prev) && !prevField && !fieldLine(cur) && continues) ||
      // (a heading goes on only when it filled the line: "一、在学思践悟上再深一层，把理论武装抓紧抓实" over its body's
      // first sentence is whole, however long and with commas)
      // (a heading line that holds its body's first sentences, "（二）加强阵地建设。一是…；二是", is prose; filling the
      // line it goes on even after a quote: "…一是全年组织开展“奋进十五五”" / "主题宣传")
      (LINE_HEAD.test(prev) && filled(prev) && !/[。；;！!？?：:…\s]$/.test(prev) && !fieldLine(cur) && continues) ||
      (prev.trim().length >= 20 &&
      (!LINE_HEAD.test(prev) || /[。；;]/.test(prev)) &&
      // (a field line, "协办单位：县新时代文明实践中心、县邮政分公司", ends where its line ends)
      !prevField &&
      /[，,、。；;]/.test(prev) &&
      !/[。；;！!？?：:”）)…\s]$/.test(prev) &&
      continues);
    out += (broken ? '' : '\n') + cur;
    prevJoined = broken;
  }
  return out;
}
