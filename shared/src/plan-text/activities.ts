/**
 * Draft activities from each section's own text.
 *
 * An activity is a phrase ending in an activity noun (kinds.ts) at a phrase
 * boundary: "举办“知史爱国 知史爱党”党的知识竞赛〔…〕" → the phrase runs back from
 * the noun to the verb (举办) or clause start, jumping over quoted names, so the
 * title keeps the quoted name plus the noun. Time words (when.ts) and
 * co-organisers (联合A、B等单位举办) are taken from the same sentence.
 * Everything is found on the matching copy and sliced from the display text.
 */
import { NOUN_RE, TAKES_OBJECT, refineKind, ruleFor } from './kinds';
import type { SectionSpan } from './outline';
import type { DraftActivity, DraftKind, PlanSection } from './types';
import { findTimes, resolveTime, type TimeHit } from './when';

/** What may follow a head noun: punctuation, a conjunction, a parenthetical. */
const AFTER_OK = /^(?:$|[,，。;；、:：!！?？)\]）”’\s(（]|[和及与等并为])/;
/** Verbs (and 以…为契机) that open an activity phrase: the title starts after them. */
const VERB_END =
  /(?:开展好|组织好|使|接受|对|将|把|举办|举行|开展|组织|召开|启动|组建|开办|打造|策划|进行|参加|参与|承办|开设|实施|推出|坚持|完善|建立|制定|深化|推动|加强|抓好|做好|办好|继续|积极|认真|广泛|深入|持续|定期|适时|集中|邀请|通过|依托|利用|结合|围绕|以)$/;
const CLAUSE_BREAK = /[,，。;；:：!！?？\n、和及与]/;
const SENTENCE_BREAK = /[。;；!！?？\n]/;

interface Found {
  start: number;
  end: number;
  noun: string;
  kind: DraftKind;
  needsCue: boolean;
}

function nounsIn(match: string, from: number, to: number): Found[] {
  const byEnd = new Map<number, Found>();
  const slice = match.slice(from, to);
  // One shared global regex: nounsIn never recurses, and the loop below runs it to the end.
  const re = NOUN_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  // Overlapping scan (restart one char later each time): "总结会" must not hide "总结会议"'s "会议".
  while ((m = re.exec(slice))) {
    re.lastIndex = m.index + 1;
    const g = m.groups!;
    const start = from + m.index;
    let end = start + m[0].length;
    let kind: DraftKind;
    let noun: string;
    let needsCue = false;
    if (g.anniv) {
      kind = 'anniversary';
      noun = '周年';
    } else if (g.quotedStudy) {
      kind = 'study';
      noun = '学';
    } else {
      noun = g.noun!;
      const rule = ruleFor(noun)!;
      kind = rule.kind;
      needsCue = !!rule.needsCue;
    }
    // "…周年活动", "…竞赛活动": 活动 adds nothing to the kind.
    if (match.startsWith('活动', end) && noun !== '活动') end += 2;
    // “百姓宣讲”活动: a quoted name ending in the noun, then 活动.
    else if (match.startsWith('”活动', end) && noun !== '活动') end += 3;
    // Of the nouns ending at the same place, the longest (earliest) is the head: 知识竞赛, not 竞赛.
    const prev = byEnd.get(end);
    if (!prev || start < prev.start) byEnd.set(end, { start, end, noun, kind, needsCue });
  }
  const out = [...byEnd.values()].sort((a, b) => a.start - b.start);
  // A generic 活动 right after 等 is a category ("抖音随手拍、党建秀等活动"), not an activity.
  return out.filter((f) => !((f.noun === '活动' || f.noun === '行动') && match[f.start - 1] === '等'));
}

/**
 * lastIndexOf bounded below by `limit` (-1 when not found there): an unbounded
 * search back to the start of a huge one-section document would be quadratic.
 */
function lastIndexWithin(s: string, ch: string, from: number, limit: number): number {
  for (let i = Math.min(from, s.length - 1); i >= limit && i >= 0; i--) if (s[i] === ch) return i;
  return -1;
}

/** Whether `at` lies inside a “…” opened within the sentence starting at `limit`. */
function insideQuote(s: string, at: number, limit: number): boolean {
  return lastIndexWithin(s, '“', at, limit) > lastIndexWithin(s, '”', at - 1, limit);
}

/**
 * Start of the phrase whose head noun starts at `at`: back to a verb or a clause
 * break at or after `limit`; quoted names are skipped whole, even when they
 * contain commas, as long as they open within the sentence (`hardLimit`).
 */
function phraseStart(match: string, at: number, limit: number, hardLimit: number): number {
  let j = at;
  // Inside a quotation (the noun ends a quoted name): the name starts at its “.
  const open = lastIndexWithin(match, '“', at, hardLimit);
  const close = lastIndexWithin(match, '”', at - 1, hardLimit);
  if (open >= limit && open > close) {
    j = open;
  }
  while (j > limit) {
    const c = match[j - 1];
    if (c === '”' || c === '’') {
      if (c === '’') {
        const o = lastIndexWithin(match, '‘', j - 1, hardLimit);
        if (o < hardLimit) break;
        j = o;
        continue;
      }
      const o = lastIndexWithin(match, '“', j - 1, hardLimit);
      if (o < hardLimit) break;
      j = o;
      continue;
    }
    if (CLAUSE_BREAK.test(c)) break;
    if (VERB_END.test(match.slice(Math.max(limit, j - 4), j))) break;
    j--;
  }
  return j;
}

function stripQuantity(title: string): string {
  return title.replace(/^(?:\d+|[一两二三四五六七八九十])(?:次|场|期|批|届|轮|支|个)/, '').replace(/^(?:一批|多支|一系列的|各类|一次)/, '');
}

interface Units {
  start: number;
  end: number;
  units: string[];
}

/** "联合A、B、C等单位举办" in match[from, to) → the units and where the clause ends (。 or ；). */
function unitClauses(text: string, match: string, from: number, to: number): Units[] {
  const out: Units[] = [];
  const re = /联合([^,，。;；“”]{2,80}?)(?:等(?:\d+家|多家|有关|相关)?(?:单位|部门|机构)?)?(?:共同)?(?=举办|开展|举行|组织|主办|承办|开办|推出|打造|启动)/g;
  for (const m of match.slice(from, to).matchAll(re)) {
    const start = from + m.index;
    const gStart = start + 2;
    const list = text.slice(gStart, gStart + m[1].length);
    const units = list
      .split(/[、,，和及与]/)
      .map((u) => u.trim())
      .filter((u) => u.length >= 2);
    let end = start;
    while (end < to && !/[。;；\n]/.test(match[end])) end++;
    out.push({ start, end, units });
  }
  return out;
}

/** The co-organisers of the 联合…举办 clause covering `at` (clauses are sorted and disjoint). */
function unitsAt(units: Units[], at: number): string[] {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid].start <= at) lo = mid + 1;
    else hi = mid;
  }
  const u = units[lo - 1];
  return u && at < u.end ? [...u.units] : [];
}

function sentenceBounds(match: string, at: number, from: number, to: number): [number, number] {
  let s = at;
  while (s > from && !SENTENCE_BREAK.test(match[s - 1])) s--;
  let e = at;
  while (e < to && !SENTENCE_BREAK.test(match[e])) e++;
  return [s, e];
}

function clauseBounds(match: string, at: number, from: number, to: number): [number, number] {
  let s = at;
  while (s > from && !/[,，。;；!！?？\n]/.test(match[s - 1])) s--;
  let e = at;
  while (e < to && !/[,，。;；!！?？\n]/.test(match[e])) e++;
  return [s, e];
}

function compactKey(s: string): string {
  return s.replace(/[\s“”‘’"'()（）、,，.。:：;；]/g, '');
}

/** Time hits with start in [a, b) (hits are sorted by start): binary search keeps huge sections linear-ish. */
function hitsFrom(times: TimeHit[], a: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid].start < a) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function hitsIn(times: TimeHit[], a: number, b: number): TimeHit[] {
  const out: TimeHit[] = [];
  for (let i = hitsFrom(times, a); i < times.length && times[i].start < b; i++) out.push(times[i]);
  return out;
}

/** Draft activities for every section, in document order. */
export function extractActivities(
  text: string,
  match: string,
  sections: PlanSection[],
  spans: SectionSpan[],
  year: number,
): DraftActivity[] {
  const all: DraftActivity[] = [];
  for (let i = 0; i < sections.length; i++) {
    const { titleStart, titleEnd, end: to } = spans[i];
    // A heading with sub-sections states a goal ("二、丰富活动"); its children hold the activities.
    const hasChildren = sections[i + 1]?.parentId === sections[i].id;
    const from = hasChildren ? titleEnd : titleStart;
    const times = findTimes(match, from, to, year);
    const units = unitClauses(text, match, from, to);
    const drafts: (DraftActivity & { key: string })[] = [];
    const byKey = new Map<string, DraftActivity>();
    for (const f of nounsIn(match, from, to)) {
      let end = f.end;
      const after = match.slice(end, end + 1);
      const [cs, ce] = clauseBounds(match, f.start, from, to);
      const clauseTimes = hitsIn(times, cs, ce).filter((t) => t.end <= ce);
      const hasRecurrence = clauseTimes.some((t) => t.recurrence);
      let ok = AFTER_OK.test(after) || (match[end - 1] === '”' && f.kind !== 'campaign');
      if (!ok && f.noun && TAKES_OBJECT.has(f.noun)) {
        // 评选表彰2023年度市直文明单位: the object follows the noun.
        let e = end;
        while (e < ce && e - end < 24 && !/[,，。;；、]/.test(match[e])) e++;
        if (e > end) {
          end = e;
          ok = true;
        }
      }
      // 每周五下午学习制度, “每周半天覆盖学”机制: a recurring duty written as a rule.
      if (!ok && hasRecurrence && /^(?:制度|机制)/.test(match.slice(end, end + 2))) ok = true;
      if (!ok) continue;
      if (f.needsCue && clauseTimes.length === 0) continue;
      const [ss, se] = sentenceBounds(match, f.start, from, to);
      if (match[end] === '”' && insideQuote(match, f.start, ss)) end++;
      const takesObject = f.noun && TAKES_OBJECT.has(f.noun) && end > f.end;
      let ps = takesObject ? f.start : phraseStart(match, f.start, cs, ss);
      // "A、B等多支理论宣讲分队": the list before 等 is examples, not the name (unless quoted).
      const deng = lastIndexWithin(match, '等', f.start - 1, ps);
      if (deng >= ps && f.start - deng > 2 && !match.slice(ps, deng).includes('“')) ps = deng + 1;
      // Long phrases: keep what follows the last quantity or 为/向/对 ("…为干部职工作一次形势报告会").
      if (f.start - ps > 16) {
        const head = match.slice(ps, f.start);
        let cut = -1;
        for (const m of head.matchAll(/(?:\d+|[一两二三四五六七八九十])(?:次|场|期|批|届|轮)|[为向对给]/g)) {
          const inQuote = head.lastIndexOf('“', m.index) > head.lastIndexOf('”', m.index);
          if (!inQuote) cut = m.index + m[0].length;
        }
        if (cut > 0 && f.start - (ps + cut) >= 2) ps += cut;
      }
      // Time: inside the phrase first, then the nearest before it in the sentence, then after it in the clause.
      const sentenceTimes = hitsIn(times, ss, se);
      const inPhrase = sentenceTimes.filter((t) => t.start >= ps && t.end <= end);
      const before = sentenceTimes.filter((t) => t.start < ps && t.end <= f.start).at(-1);
      const afterHit = sentenceTimes.find((t) => t.start >= end && t.end <= ce);
      const pick: TimeHit | undefined =
        inPhrase.find((t) => t.recurrence) ?? inPhrase[0] ?? before ?? (afterHit && afterHit.end <= se ? afterHit : undefined);
      const anniversary = f.kind === 'anniversary' || (f.kind === 'campaign' && /周年/.test(match.slice(ps, end)));
      // A recurrence inside a window ("下半年每月…") starts in that window.
      const within = pick?.recurrence ? sentenceTimes.find((t) => t.window && t.end <= pick.start) : undefined;
      const time = pick ? resolveTime(pick, year, anniversary, within) : {};

      // Title: display text of the phrase, minus time words outside quotes and leading quantities.
      let title = '';
      let k = ps;
      for (const t of inPhrase) {
        const quoted = insideQuote(match, t.start, ss);
        if (quoted || t.commemorates) continue;
        title += text.slice(k, t.start);
        k = t.end;
      }
      title += text.slice(k, end);
      title = stripQuantity(title.trim()).trim();
      if (title.length < 2) continue;
      // A bare 活动/行动 ("思想和行动", "抓活动") names nothing.
      if ((f.noun === '活动' || f.noun === '行动') && compactKey(title).length < 4) continue;
      if (f.noun === '行动' && !/[”专项关爱志愿文明餐桌攻坚整治示范提升净化]行动$/.test(match.slice(ps, end))) continue;
      const kind = refineKind(f.kind, f.noun, match.slice(ps, end));
      const u = unitsAt(units, ps);
      const draft: DraftActivity & { key: string } = {
        key: compactKey(title),
        title,
        kind,
        sectionId: sections[i].id,
        units: u,
      };
      if (time.start) draft.start = time.start;
      if (time.end) draft.end = time.end;
      if (time.rrule) draft.rrule = time.rrule;
      if (time.cue) draft.cue = text.slice(pick!.start, pick!.end);
      const same = byKey.get(draft.key);
      if (same) {
        // The plan names the same activity twice (“形势报告会” … 每年…一次形势报告会): merge what each says.
        if (!same.start && draft.start) Object.assign(same, { start: draft.start, end: draft.end, rrule: draft.rrule, cue: draft.cue });
        if (same.units.length === 0) same.units = draft.units;
        continue;
      }
      drafts.push(draft);
      byKey.set(draft.key, draft);
    }
    for (const { key: _key, ...d } of drafts) all.push(d);
  }
  return all;
}
