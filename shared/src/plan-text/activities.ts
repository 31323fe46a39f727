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
import { NOUN_RE, ROUND_NAMES, TAKES_OBJECT, eventOrCampaign, nounsIn, refineKind, type Found } from './kinds';
import { timeHeads, type SectionSpan } from './outline';
import type { DraftActivity, DraftKind, PlanSection } from './types';
import { matchingCopy } from './normalize';
import { findTimes, resolveTime, type TimeHit } from './when';
import { diffDays } from '../time/dates';
import { CLAUSE_BREAK, SENTENCE_BREAK, clauseBounds, hitsIn, insideQuote, lastIndexWithin, sentenceBounds } from './sentence-bounds';
import { CN_NUMBERS, lastsFor } from './durations';
import { roundsIn } from './contest-rounds';
import { notAnEvent } from './not-events';
import { BARE_NOUNS, CEREMONY, CEREMONY_NOUNS, compactKey, headingDraft, isBareTitle, matchingTitle, retitle, trimSource, type Draft } from './draft';
import { GOAL_VERB, mergeInto, mergeSection } from './merge-mentions';

/** What may follow a head noun: punctuation, a conjunction, a parenthetical. */
const AFTER_OK = /^(?:$|[,，。;；、:：!！?？)\]）”’\s(（】]|[和及与等并为]|不少于|不低于|(?:\d+|[一两二三四五六七八九十])(?:次|场|期|部|篇|个)(?=$|[,，。;；\s]))/;
/** Verbs (and 以…为契机) that open an activity phrase: the title starts after them. */
const VERB_END =
  /(?:发布一期|发布一批|发布|办一个|办一场|办一次|办一期|办一届|搞一个|搞一场|搞一次|搞一期|要搞|(?<![胡乱])搞|要办|还办|开展好|组织好|上一堂|上一节|上好|讲好|开好|用好|使|接受|对|将|把|举办|举行|开展|组织|召开|办理|启动|组建|开办|打造|策划|进行|参加|参与|承办|开设|编印|完成|安排|实施|推出|坚持|完善|建立|制定|深化|推动|加强|抓好|做好|办好|继续|积极|认真|广泛|深入|持续|定期|适时|集中|邀请|通过|依托|利用|结合|围绕|讲授|送去|送上|以|(?<![工创写制操合协动运佳杰力原著振])作|(?<![宣演主听开])讲)$/;

/**
 * "党员大会每季度召开1次": a schedule starting right at `at` (after an activity noun) and followed by the verb
 * (looked for after the recurrence's core: the count after the verb, 召开1次, is part of its cue).
 */
function scheduleAt(match: string, times: TimeHit[], at: number): TimeHit | undefined {
  return times.find((t) => t.start === at && /^(?:各|均|都)?(?:至少)?(?:召开|举行|举办|开展|组织|讲授|开班|开课|授课|开讲)/.test(match.slice(t.coreEnd ?? t.end, (t.coreEnd ?? t.end) + 6)));
}

/** "3月起", "4月份开始": the time before `at` is where something starts, not a window it stays in. */
const startsThere = (match: string, at: number) => /^(?:份)?(?:起|开始)/.test(match.slice(at, at + 3));

/** A recurring day's name that says it is a day of service: “文明实践日”, “志愿服务日”. */
const SERVICE_DAY = /志愿|实践|服务|文明|劳动/;

/** Verbs that say a show or a class takes place, and are also activity nouns. */
const HELD_VERB = /^(?:演出|表演|上演|授课|开讲|开课|上课|放映)$/;

/**
 * "7月至8月开展“百姓大舞台”广场文化活动，每周六晚演出": a clause that is only a time and a show or class verb, after
 * another activity of the sentence, says when that activity is held; it is no activity of its own.
 */
function scheduleOfPrevious(match: string, times: TimeHit[], f: Found, prev: Found | undefined): boolean {
  if (!prev || !HELD_VERB.test(f.noun) || /[。;；!！?？\n]/.test(match.slice(prev.end, f.start))) return false;
  const t = times.find((x) => x.end === f.start || (x.coreEnd ?? x.end) === f.start);
  if (!t || !/[,，]\s*$/.test(match.slice(Math.max(0, t.start - 2), t.start))) return false;
  return /^(?:[,，。;；!！?？\n]|$)/.test(match.slice(f.end, f.end + 1));
}

/**
 * "春节、端午、中秋期间，公众号分别推出一期…展播": the sentence opens with a clause that is only its time, which holds
 * for the clauses after it (`at` is the later clause's start).
 */
function opensWithTime(match: string, times: TimeHit[], ss: number, at: number): boolean {
  if (at <= ss) return false;
  // (after a spoken connective of its own, "另外，赶在七一之前，部里要…组织一次…测试")
  const connective = /^(?:另外|此外|同时|还有|然后|再有)[,，]/.exec(match.slice(ss, at));
  if (connective) ss += connective[0].length;
  const comma = match.slice(ss, at).search(/[,，]/);
  if (comma < 0) return false;
  let rest = match.slice(ss, ss + comma);
  for (const t of hitsIn(times, ss, ss + comma).sort((a, b) => b.start - a.start)) rest = rest.slice(0, t.start - ss) + rest.slice(t.end - ss);
  return rest.length < comma && /^[\s、和及与等]*(?:赶在|要在|在|于)?[\s]*$/.test(rest);
}

/**
 * "春季公益培训班于3月至6月每周六上午在馆内开课", "优秀书画作品于9月1日至20日在…展出": the activity as the subject,
 * then 于 and its times, then where, then the verb that holds it.
 */
function heldAfter(match: string, times: TimeHit[], at: number): boolean {
  // ("第五届云岭市民文化节从5月持续到10月": how long it runs, right after it)
  const from = /^(?:将)?(?:从|自)/.exec(match.slice(at, at + 3));
  if (from) {
    const run = timesFrom(times, at + from[0].length);
    if (run && /^(?:持续|延续|一直)?(?:到|至)/.test(match.slice(run.end, run.end + 4))) return true;
  }
  const lead = /^(?:将|定|拟)?于/.exec(match.slice(at, at + 3));
  const run = timesFrom(times, at + (lead ? lead[0].length : 0));
  // (without 于 the place says it: "“青灯夜读”读书会每双周周五晚上在本馆阅读区举办")
  const held = lead ? /^[^,，。;；]{0,14}?(?:举办|举行|开展|召开|开幕|开课|开班|授课|开讲|进行|展出|展播|上演)/ : /^在[^,，。;；]{1,14}?(?:举办|举行|开展|召开|开课|开班|授课|开讲|进行|展出|上演)/;
  return !!run && held.test(match.slice(run.end, run.end + 20));
}

/** The times written one right after another from `at` ("9月1日至20日", "3月至6月每周六上午"): the first and where they end. */
function timesFrom(times: TimeHit[], at: number): { first: TimeHit; end: number } | undefined {
  let first: TimeHit | undefined;
  let end = at;
  for (let t = times.find((x) => x.start === end); t; t = times.find((x) => x.start === end)) {
    first ??= t;
    end = t.end;
  }
  return first && { first, end };
}

/** Phase time lines of a field-list item (征集时间：… 评审时间：… 展览时间：…) and what each phase's draft is. */
const PHASES: Record<string, [string, DraftKind]> = {
  征集: ['征集', 'contest'], 征文: ['征文', 'contest'], 报名: ['报名', 'contest'], 评审: ['评审', 'assessment'], 评选: ['评选', 'assessment'],
  展览: ['展', 'exhibition'], 展示: ['展示', 'exhibition'], 展出: ['展', 'exhibition'], 颁奖: ['颁奖仪式', 'other'], 投票: ['投票', 'assessment'],
};
const PHASE_WORDS = Object.keys(PHASES).join('|');
const PHASE_FIELD = new RegExp(`(?:^|\\n)[ \\t]*(${PHASE_WORDS})(?:时间|日期)[ \\t]*[:：]`, 'g');
/** A phase word read as a noun inside its own label ("评选时间："). */
const PHASE_LABEL = new RegExp(`^(?:${PHASE_WORDS})(?:时间|日期)`);
/** What an item named for its phases ends with: 征集展评, 征集评选. */
const PHASE_TAIL = /(?:征集展评|征集评选|征集展示|展评|征集|评选)(?:活动)?$/;

/** A theme given to a day: 以“…”为主题, 主题是“…”, 围绕“…”开展. */
const THEME = /以“([^“”]{2,24})”为(?:主题|题)|主题(?:是|为)“([^“”]{2,24})”|围绕“([^“”]{2,24})”开展/g;

/** Works as the subject of their showing: "优秀书画作品于9月1日至20日…展出" (the times and the verb are checked after). */
const WORKS_SHOWN = /((?:作品|短视频|微视频|视频))(?:将)?(?:于|自)/g;

/** A deadline for paperwork, not the activity's time: "参赛作品于5月20日前报送县司法局". */
const DEADLINE_VERB = /^[^,，。;；]{0,8}?(?:报送|上报|提交|报至|交至|报名|汇总|备案)/;
const DEADLINE_VERB_DONE = /^[^,，。;；]{0,8}?(?:报送|上报|提交|报至|交至|报名|汇总|备案|完成)/;
function isDeadline(match: string, t: TimeHit): boolean {
  // (作品于9月底前报送: the 前 may follow the cue; "9月底前完成评选" is a deadline too, but a festival's
  // 前 is its run-up by the README's convention: "三八妇女节前完成评选" = the 16 days before)
  const after = match.slice(t.end, t.end + 16);
  const verb = t.festival ? DEADLINE_VERB : DEADLINE_VERB_DONE;
  return (/前$/.test(t.cue) && verb.test(after)) || (!t.festival && /^(?:之|以)?前/.test(after) && verb.test(after.replace(/^(?:之|以)?前/, '')));
}

/** A time word inside a quoted name (“我们的节日·春节”), not one merely written in quotes (“七一”前夕). */
function quotedTime(s: string, t: TimeHit, limit: number): boolean {
  return !t.wrapped && insideQuote(s, t.start, limit);
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
    // (普及, 涉及: that 及 is no list word: 社科普及基地开放日)
    if (CLAUSE_BREAK.test(c) && !(c === '及' && /[普涉波危]/.test(match[j - 2] ?? ''))) break;
    // 作 gives a talk (为干部作专题讲座), but 作家 / 作品 are nouns.
    if (c === '作' && /[家品风用为者业息战文曲协]/.test(match[j] ?? '')) {
      j--;
      continue;
    }
    if (verbBefore(match, j, limit)) break;
    j--;
  }
  return j;
}

/** Whether a verb ends right before `j` (after `limit`): 开展, 举办… (对象化宣讲, 结对帮教: that 对 is no verb). */
function verbBefore(match: string, j: number, limit: number): boolean {
  return (
    // (…and 办 before a quoted name: "在县文化站办“书香沙龙”"; 文明办, 创建办 are offices)
    (VERB_END.test(match.slice(Math.max(limit, j - 4), j)) || (match[j - 1] === '办' && match[j] === '“' && j - 1 > limit)) &&
    // (道德讲堂巡讲, 讲座: that 讲 is a noun's)
    !(match[j - 1] === '讲' && /[堂座坛]/.test(match[j] ?? '')) &&
    !(match[j - 1] === '对' && (match[j] === '象' || /[结配核针面比派绝相应]/.test(match[j - 2] ?? ''))) &&
    // (智能手机使用培训: 使 of 使用 is no verb either)
    !(match[j - 1] === '使' && match[j] === '用') &&
    // (以上, 以下: "处级以上党员干部专题读书班" is one name)
    !(match[j - 1] === '以' && /[上下]/.test(match[j] ?? '')) &&
    // (讲授 is one verb: "为全体党员讲授专题党课")
    !(match[j - 1] === '讲' && match[j] === '授') &&
    // (发布 opens "发布“岚江好人榜”", but 新闻发布工作培训班 is one name)
    !(match.slice(j - 2, j) === '发布' && match[j] !== '“')
  );
}

/** A name that ends in a contest's round: …大赛决赛, 初赛. */
const ROUND_END = new RegExp(`(?:${ROUND_NAMES})$`);

/** A season a name may carry: 暑期少儿…, 寒假…, 春节期间… (as the name's part, not its time, when a field line dates it). */
const SEASON = /^(?:暑期|暑假|寒假|寒暑假|春节期间|国庆期间)$/;

/** Hosts a lecture tour stops at, by what their names end in: a township, a street office, a school, a firm. */
const HOST = '[\\u4e00-\\u9fff]{1,10}?(?:镇|乡|街道|社区|村|集团|公司|学院|学校|中学|小学|大学|医院|园区|工业园|厂)';
const TOUR_STOP = new RegExp(`(?:到|赴|走进|深入)(${HOST})(?=[,，]|(?:为[^,，。;；]{2,16})?(?:开展|举办|作|进行|上))|在(${HOST})(?=[^,，。;；“”]{2,12}(?:举办|开展))`, 'g');

/**
 * The host a tour stop is at, named in the phrase's sentence before it (its own clause, or the clause before when
 * that only says where the team goes: "3月18日，第一组赴石门乡，…，在村文化广场开展互动式宣讲"); not a list of hosts
 * (走进柳坪镇、红岩镇、双河乡: sessions of one stop), not 城区各社区, 12个乡镇 or 全市.
 */
function tourHost(match: string, ss: number, ps: number): [number, number] | null {
  const before = match.slice(ss, ps);
  let last: RegExpExecArray | null = null;
  TOUR_STOP.lastIndex = 0;
  for (let m = TOUR_STOP.exec(before); m; m = TOUR_STOP.exec(before)) last = m;
  if (!last) return null;
  const name = last[1] ?? last[2];
  const at = ss + last.index + last[0].indexOf(name);
  // (nothing between the host and the phrase that stops a sentence part, and no other stop's activity)
  if (/^(?:全|基层|一线|有关|相关|所在)|各|[0-9一两二三四五六七八九十]+个/.test(name) || /[;；]/.test(match.slice(at, ps)) || /[、]$/.test(match.slice(ss, at))) return null;
  return [at, at + name.length];
}

/**
 * The theory study group a sentence names before `ps` ("市委理论学习中心组", "局党组理论学习中心组"): its words from after
 * the verb or the sentence start; not 各级 groups (every group is no holder), nor one with an activity noun after it.
 */
function studyGroupIn(match: string, ss: number, ps: number): [number, number] | null {
  const before = match.slice(ss, ps);
  const re = /(?:^|[,，;；:：、]|[一二三四五六七八九十]是|\d+[.、．]|制定|坚持|落实|完善|健全|抓好|推动|组织|严格)[ \t]*((?:[\u4e00-\u9fff]{1,8}?(?:委|党组|党委|工委|总支))?(?:理论学习)?中心组)(?!成员|秘书)/g;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(before); m; m = re.exec(before)) last = m;
  if (!last || /各/.test(last[1])) return null;
  // (a verb right after the item's label opens the clause: "一是制定区委理论学习中心组…")
  const verb = /^(?:[一二三四五六七八九十]+是)?(?:制定|坚持|落实|完善|健全|抓好|推动|组织|严格)*/.exec(last[1])![0].length;
  const name = last[1].slice(verb);
  if (!/委|党组|总支/.test(name)) return null;
  const at = ss + last.index + last[0].length - name.length;
  return [at, at + name.length];
}

/** Whether another activity noun starts within four characters after `end`, nothing between that ends a phrase. */
function nounRightAfter(found: readonly Found[], f: Found, match: string, end: number): boolean {
  return found.some((o) => o !== f && o.start >= end && o.start <= end + 4 && !/[,，。;；、:：“\s]/.test(match.slice(end, o.start)));
}

function stripQuantity(title: string): string {
  return title
    .replace(/^(?:\d+|[一两二三四五六七八九十])(?:次|场|期|批|届|轮|支|个)/, '')
    .replace(/^(?:一批|多支|一系列的|各类|一次)/, '')
    // (how long or how usual, or who holds it: "为期三天的青年干部读书班", "原则上集中学习", "各支部主题党日")
    .replace(/^为期[^的,，。]{1,6}的/, '')
    .replace(USUALLY, '')
    .replace(HOLDER_BEFORE_NAME, '');
}

/** How usual it is, which no name says: 原则上, 一般, 通常. */
const USUALLY = /原则上|一般|通常/g;
/** Who holds it everywhere, "各支部", "各实践站": an audience, no part of the name (before one, or alone as a subject). */
const EVERY_HOLDER = '各(?:党)?(?:支部|单位|部门|乡镇|镇|街道|村|社区|实践所|实践站|学校)';
const HOLDER_BEFORE_NAME = new RegExp(`^${EVERY_HOLDER}(?=[\\u4e00-\\u9fff“]{2})`);
const HOLDER_ONLY = new RegExp(`^${EVERY_HOLDER}$`);

interface Units {
  start: number;
  end: number;
  units: string[];
}

/**
 * Co-organisers in match[from, to) and where their clause ends (。 or ；):
 * "联合A、B、C等单位举办", "与A、B等单位共同举办", "由A、B联合主办", "A、B联合开展".
 */
function unitClauses(text: string, match: string, from: number, to: number): Units[] {
  const out: Units[] = [];
  const VERB = '(?=举办|开展|举行|组织(?!部)|主办|承办|开办|推出|打造|启动)';
  const DENG = '(?:等(?:\\d+家|多家|有关|相关)?(?:单位|部门|机构)?)?';
  const res = [
    // ("联合县文化馆、县博物馆，组织青少年参观…": the verb may follow a comma)
    // ("会同市公安局交警支队开展文明交通劝导专项行动": 会同 names them as 联合 does)
    new RegExp(`(?:联合|会同)([^,，。;；“”]{2,80}?)${DENG}(?:共同)?(?:${VERB}|[,，](?=邀请|组织|开展|举办|举行|面向|在))`, 'g'),
    new RegExp(`(?:与|同|和)([^,，。;；“”与]{2,60}?)${DENG}(?:共同|联合)${VERB}`, 'g'),
    new RegExp(`由([^,，。;；“”]{2,60}?)${DENG}(?:共同|联合)?(?=主办|承办|举办)`, 'g'),
    new RegExp(`(?:^|[,，。;；\\n])([^,，。;；“”\\n]{2,30}、[^,，。;；“”\\n]{2,30}?)${DENG}(?:联合|共同)${VERB}`, 'g'),
  ];
  const slice = match.slice(from, to);
  // Cheap guards: most sections name no co-organiser, and the list patterns backtrack.
  const has联合 = slice.includes('联合') || slice.includes('会同');
  const has共同 = slice.includes('共同');
  const need = [has联合, has联合 || has共同, slice.includes('由') && /主办|承办|举办/.test(slice), has联合 || has共同];
  for (let r = 0; r < res.length; r++) {
    if (!need[r]) continue;
    const re = res[r];
    for (const m of slice.matchAll(re)) {
      const gStart = from + m.index + m[0].indexOf(m[1]);
      const start = from + m.index;
      // (not where it happens: "联合县妇联在全县开展…" → 县妇联)
      // (…and its 等单位 then: "联合市体育局、市总工会等单位在沙溪河举办")
      const list = text
        .slice(gStart, gStart + m[1].length)
        .replace(/在[^、，,]*$/, '')
        // (…nor what it is about: "会同县委督查室对全县宣传思想文化工作开展…" → 县委督查室)
        .replace(/对[^、，,]*$/, '')
        // (…nor when: "会同市委督查室每周五开展…" → 市委督查室)
        .replace(/(?:每[周月日天年季]|\d{1,2}月|[上中下]旬|今年|年内)[^、，,]*$/, '')
        .replace(/等(?:\d+家|多家|有关|相关)?(?:单位|部门|机构)?$/, '');
      const units = list
        .split(/[、,，和及与]/)
        .map((u) => u.trim())
        .filter((u) => u.length >= 2);
      if (!units.length || out.some((o) => start >= o.start && start < o.end)) continue;
      let end = start;
      // (the clause ends where the next one names its own: "会同A开展X，会同B开展Y")
      while (end < to && !/[。;；\n]/.test(match[end]) && !(/[,，]/.test(match[end]) && /^(?:会同|联合)/.test(match.slice(end + 1, end + 3)))) end++;
      out.push({ start, end, units });
    }
  }
  return out.sort((a, b) => a.start - b.start);
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


/** A 进X suffix that is itself an activity (进社区宣讲) is left to the noun scan. */
const NOUN_AT_END = /(?:宣讲|活动|展览|演出|比赛)$/;

/** Festival and observance names (节/日) as a title prefix: 元宵节, 重阳节, 国家宪法日. */
const OBS_NAME = /(?:春节|元宵节|清明节|端午节|中秋节|重阳节|国庆节|劳动节|青年节|儿童节|妇女节|教师节|读书日|宪法日|遗产日|植树节|建军节|建党节|丰收节|七夕节|腊八节|学雷锋日|公祭日|烈士纪念日)$/;


/** Nouns that name a team, not an event: 组建县委宣讲团 forms the team that then gives the 宣讲. */
const TEAM_NOUNS = new Set(['宣讲团', '宣讲分队']);
/** A team opening a clause, then its verb: "市委宣讲团深入…", "县艺术团赴…" (the team, group 1). */
const TEAM_SUBJECT = /^(?!组织|邀请|安排|动员|由|请|派)((?:[\u4e00-\u9fff]{1,8}|“[^“”]{2,10}”)(?:宣讲团|讲师团|宣讲队|宣讲分队|小分队|艺术团|演出队|志愿服务队|志愿者服务队|文艺队|轻骑兵))(?:深入|到|赴|走进|前往|在|分别|分赴|将|组织|开展|进行|集中)/;
/** A field line under an item: 活动时间：4月29日、5月1日 / 时间：20x年4月21日. */
// (a post's field line may name what the time is of, "⏰培训时间：" — its emoji gone with the cleaning —; not 报名时间, the sign-up's)
const TIME_FIELD = /(?:^|\n)[ \t]*(?:活动|举办|实施|开展|培训|展览|展出|演出|放映|比赛|开课|授课)?(?:时间|日期)(?:安排)?[ \t]*[:：]/g;
/** A call's own time on a field line or in a sentence: "征集时间：3月1日至6月30日", "征文时间为2026年3月至5月". */
const OWN_FIELD = /(?:^|\n|[,，。;；])[ \t]*(?:作品)?(?:征集|征文|投稿|参赛|比赛|大赛|展览|活动)(?:时间|日期|期限)[ \t]*(?:[:：]|为|是)/g;
/** Not dated yet. */
const undated = (d: Draft) => !d.start && !d.rrule;
/** Any field line of an item: 活动时间： 活动地点： 主办单位： 内容： */
const FIELD_LINE =
  /(?:^|\n)[ \t]*(?:活动|培训|展览|展出|演出|放映|比赛|开课|授课|招生|报名|预约|参与|参加|开放)?(?:时间|地点|日期|对象|方式|主办单位|承办单位|协办单位|主讲|主讲人|活动方式|内容)[ \t]*[:：]/;
/** A section heading that gives the plan's period: 二、活动时间 / 一、时间安排. */
const PERIOD_TITLE = /^(?:活动|实施|工作)?(?:时间|日期)(?:安排)?$|^(?:活动|实施)(?:时间|期限)$/;



/** A time hit that is the whole of its line (a month-table cell, "1月：", "九月份：", "7月至8月："). */
function headerHits(match: string, times: TimeHit[], from: number): TimeHit[] {
  return times.filter((t) => {
    // (only blanks back to the line start: scanned from the hit, so a one-line paste is not read back to its start per hit)
    let k = t.start;
    while (k > from && (match[k - 1] === ' ' || match[k - 1] === '\t')) k--;
    const lineStart = k === from || match[k - 1] === '\n';
    if (!lineStart) return false;
    // "3月：举办…" also opens a month: the lines under it are that month's until the next one.
    return /^[ \t]*(?:份)?[ \t]*[:：]?[ \t]*(?:\n|$)/.test(match.slice(t.end, t.end + 6)) || (!t.festival && !t.recurrence && /^[ \t]*(?:份)?[ \t]*[:：]/.test(match.slice(t.end, t.end + 4)));
  });
}

/** The time of the `时间：` field lines of match[from, to) (the first time on the first such line; `field` names the line). */
function fieldTime(match: string, times: TimeHit[], from: number, to: number, field = TIME_FIELD): TimeHit | undefined {
  const slice = match.slice(from, to);
  field.lastIndex = 0;
  const m = field.exec(slice);
  if (!m) return undefined;
  const at = from + m.index + m[0].length;
  let eol = match.indexOf('\n', at);
  if (eol < 0 || eol > to) eol = to;
  const line = times.filter((t) => t.start >= at && t.end <= eol);
  // "时间：7月至8月每周五晚": the recurrence is the schedule (a daily one inside a few days' window is not).
  return line.find((t) => t.recurrence && t.recurrence.freq !== 'daily') ?? line[0];
}

/** A time field line that says the time is not set yet: "时间：待定（视报名情况另行通知）", "时间：另行通知". */
const UNDECIDED = /^[ \t]*(?:待定|另行通知|另定|另行确定|暂未确定|视[^\n，,。]{0,8}(?:而定|确定))/;
function fieldUndecided(match: string, from: number, to: number): boolean {
  TIME_FIELD.lastIndex = 0;
  const m = TIME_FIELD.exec(match.slice(from, to));
  return !!m && UNDECIDED.test(match.slice(from + m.index + m[0].length, to));
}

/**
 * The time of the field lines right under a line that is only an activity's name ("端午民俗市集" / "时间：6月19日上午" /
 * "地点：文化广场"): that item's own, however many such items a section lists. `lineEnd` is the name line's end.
 */
function ownFieldTime(match: string, times: TimeHit[], lineEnd: number, to: number): TimeHit | null | undefined {
  let at = lineEnd;
  // (a post's block may describe the item in a line or two before its field lines: "▍…培训班 / 本期开设… / ⏰培训时间：…")
  let prose = 0;
  let fields = 0;
  while (at < to && match[at] === '\n') {
    let eol = match.indexOf('\n', at + 1);
    if (eol < 0 || eol > to) eol = to;
    const line = match.slice(at, eol);
    if (!FIELD_LINE.test(line)) {
      // (not the next block: its ▍ is gone with the cleaning, its 【 stays)
      if (fields > 0 || ++prose > 2 || !line.trim() || /^\n[ \t]*【/.test(line)) return undefined;
      at = eol;
      continue;
    }
    fields++;
    TIME_FIELD.lastIndex = 0;
    // (null: its time line gives no time, "时间：另行通知": not another item's)
    if (TIME_FIELD.test(line)) return fieldTime(match, times, at, eol) ?? null;
    at = eol;
  }
  return undefined;
}

/** The window written before a field line's recurrence (7月至8月 of 7月至8月每周五晚), where it starts. */
function fieldWithin(times: TimeHit[], field: TimeHit | undefined): TimeHit | undefined {
  if (!field?.recurrence) return undefined;
  const i = times.indexOf(field);
  const prev = i > 0 ? times[i - 1] : undefined;
  return prev?.window && field.start - prev.end <= 2 ? prev : undefined;
}

function resolved(d: Draft, t: TimeHit, year: number, text: string, within?: TimeHit, bounded = true): void {
  const time = resolveTime(t, year, d.kind === 'anniversary', within, bounded);
  delete d.start;
  delete d.end;
  delete d.rrule;
  delete d.rdates;
  if (time.start) d.start = time.start;
  if (time.end) d.end = time.end;
  if (time.rrule) d.rrule = time.rrule;
  if (time.rdates) d.rdates = time.rdates;
  d.cue = text.slice(t.start, t.end);
  d.festivalTime = !!t.festival;
  d.themeTime = !!t.broad;
}



/** Draft activities for every section, in document order (a preamble span, if given, yields the plan's named activities). */
export function extractActivities(
  text: string,
  match: string,
  sections: PlanSection[],
  spans: SectionSpan[],
  year: number,
  preamble?: [number, number],
  planTitle = '',
  titleWindow?: TimeHit,
): DraftActivity[] {
  const all: Draft[][] = [];
  const planName = activityOfTitle(planTitle);
  // (a plan for a lecture series: "“澄州社科大讲堂”系列讲座实施方案" → “澄州社科大讲堂”)
  const seriesName = /^“[^“”]+”/.exec(planName && /(?:系列)?(?:讲座|讲堂|宣讲)$/.test(planName) ? planName : '')?.[0] ?? '';
  // (a plan of one kind of day: 主题党日活动计划, 道德讲堂活动安排)
  const dayOfPlan = /(主题党日|道德讲堂|读书会|故事会)(?:活动)?(?:计划|方案|安排)/.exec(matchingCopy(planTitle))?.[1] ?? '';
  const planCopy = planName ? matchingCopy(planName) : '';
  // The plan's own activity as the preamble names it (its title holding one of `cores`), if `ok` allows it.
  const preambleDraft = (ok: (d: Draft) => boolean, ...cores: string[]) =>
    units0.length ? all[0]?.find((d) => d.sectionId === '' && ok(d) && cores.some((c) => compactKey(d.title).includes(c))) : undefined;
  const preambleName = preamble ? campaignOfPreamble(text.slice(preamble[0], preamble[1]), match.slice(preamble[0], preamble[1])) : '';
  // The plan's period: a top-level 活动时间 section with a time and no children.
  let period: TimeHit | undefined;
  let periodSection = -1;
  for (let i = 0; i < sections.length && !period; i++) {
    if (sections[i].parentId || sections[i + 1]?.parentId === sections[i].id) continue;
    if (!PERIOD_TITLE.test(match.slice(spans[i].titleStart, spans[i].titleEnd).replace(/[\s:：]/g, ''))) continue;
    period = findTimes(match, spans[i].titleEnd, spans[i].end, year).find((t) => t.window);
    if (period) periodSection = i;
  }
  const units0: SectionSpan[] = preamble && preamble[1] > preamble[0] ? [{ start: preamble[0], titleStart: preamble[0], titleEnd: preamble[0], end: preamble[1] }] : [];
  const jobs: { span: SectionSpan; id: string; index: number; hasChildren: boolean; pre: boolean }[] = [
    ...units0.map((span) => ({ span, id: '', index: -1, hasChildren: false, pre: true })),
    ...sections.map((sec, i) => ({ span: spans[i], id: sec.id, index: i, hasChildren: sections[i + 1]?.parentId === sec.id, pre: false })),
  ];
  // Lines that are only a time (3月：, 第二季度：) outside any section's title: they head the numbered items under them.
  // (from the top: a first 第一季度： right under the title may have been read as part of the title block)
  // (the outline's own test for such lines, which let their lists restart at 1; each line's time read on its own)
  const docHeads = sections.length
    ? timeHeads(match, 0, match.length).flatMap((at) => {
        const lineEnd = match.indexOf('\n', at) < 0 ? match.length : match.indexOf('\n', at);
        const hit = findTimes(match, at, lineEnd, year).find((t) => t.window);
        return hit && !spans.some((sp) => sp.titleStart <= hit.start && hit.start < sp.titleEnd) ? [hit] : [];
      })
    : [];
  // (a plan for one month or quarter, "2026年5月文明实践活动安排": its series run in that month)
  const periodWithin = (pre?: boolean) => (!pre && period?.window && !period.broad ? period : titleWindow);
  // A heading that is only a time ("一、第一季度", "（二）5月份", "三、下半年工作安排"): the items under it are that time's.
  const timeTitles = sections.map((sec, i) => {
    if (sections[i + 1]?.parentId !== sec.id) return undefined;
    const { titleStart: a, titleEnd: b } = spans[i];
    const hits = findTimes(match, a, b, year).filter((t) => t.window && !t.festival && !t.recurrence);
    const hit = hits[0];
    if (!hit) return undefined;
    // (every time of the title goes: "（一）第一季度（1—3月）" is only a time)
    let rest = match.slice(a, b);
    for (const t of [...hits].reverse()) rest = rest.slice(0, t.start - a) + rest.slice(t.end - a);
    rest = rest.replace(/[\s:：。.()（）]/g, '');
    // (or a phase with its dates: "（一）启动阶段（8月1日—8月15日）")
    // (…or labelled as one: "第二阶段　学习教育（3月21日—6月10日）")
    if (/阶段[:：]?$/.test(sec.label) && /^[\u4e00-\u9fff]{2,8}$/.test(rest)) return hit;
    return /^(?:份)?(?:重点)?(?:工作|活动)?(?:安排|计划)?$|^[\u4e00-\u9fff]{1,8}阶段$/.test(rest) ? hit : undefined;
  });
  // Each section's index and those of its ancestors, nearest first.
  const indexById = new Map(sections.map((sec, i) => [sec.id, i]));
  const lineage = (index: number): number[] => {
    const out: number[] = [];
    for (let k: number | undefined = index; k !== undefined; k = sections[k].parentId ? indexById.get(sections[k].parentId) : undefined) out.push(k);
    return out;
  };
  const timeOfAncestor = (index: number): TimeHit | undefined => lineage(index).slice(1).map((k) => timeTitles[k]).find(Boolean);
  // Sections that draft nothing: a report's look back ("一、2025年工作总结", "存在的不足") tells what was done, not
  // what is planned (when the plan has other parts: a document that is only a summary still gives its events), and
  // a notice's rules ("五、奖项设置", "六、投稿方式") name awards and terms, not events.
  const heads = sections.map((sec) => matchingCopy(sec.title).replace(/[\s。.:：]/g, ''));
  const past = heads.map((h) => PAST_SECTION.test(h));
  const planAhead = sections.some((sec, i) => !sec.parentId && !past[i]);
  const silent = sections.map((_, i) => RULES_SECTION.test(heads[i]) || (planAhead && lineage(i).some((k) => past[k])));
  for (const job of jobs) {
    if (!job.pre && silent[job.index]) {
      all.push([]);
      continue;
    }
    const { titleStart, titleEnd, end: to } = job.span;
    // A heading with sub-sections states a goal ("二、丰富活动"); its children hold the activities.
    const from = job.hasChildren ? titleEnd : titleStart;
    const times = findTimes(match, from, to, year);
    const units = unitClauses(text, match, from, to);
    const headers = headerHits(match, times, from);
    // A time line above the item ("3月：" over "1.举办书画展\n2.…"): the items after it are that time's, as under a
    // month heading, until the next time line or a heading of a higher level.
    if (!job.pre) {
      const level = sections[job.index].level;
      const lead = docHeads.filter((h) => h.start < job.span.start).at(-1);
      if (lead && !sections.some((sec, k) => sec.level < level && spans[k].start > lead.start && spans[k].start < job.span.start)) headers.unshift(lead);
    }
    // (a time line closing the span heads the next item, not this one)
    const trailing = (t: TimeHit) => headers.includes(t) && match.slice(t.end, to).replace(/^[ \t]*(?:份)?[ \t]*[:：]?/, '').trim() === '';
    const field = fieldTime(match, times, titleEnd, to);
    // (its time line says the time is not set: undated, not the plan's period)
    const undecided = !field && fieldUndecided(match, titleEnd, to);
    const titleTime = times.find((t) => t.start >= titleStart && t.end <= titleEnd && !quotedTime(match, t, titleStart));
    // The first sentence of the body elaborates the heading ("（二）开展“身边榜样”主题宣传。下半年在机关网站…集中宣传").
    let bodyTime: TimeHit | undefined;
    let bodyWithin: TimeHit | undefined;
    let bodySentence: [number, number] = [titleEnd, titleEnd];
    {
      let b = titleEnd;
      while (b < to && /[。;；!！?？\s:：]/.test(match[b])) b++;
      let e = b;
      while (e < to && !SENTENCE_BREAK.test(match[e])) e++;
      const bt = hitsIn(times, b, e).filter((t) => !quotedTime(match, t, b) && !isDeadline(match, t) && !trailing(t));
      // "5月每周六晚，在人民广场演出…": a recurrence in the sentence is the schedule (its window only where it starts).
      // ("全年举办4期，时间分别为3月26日、5月28日…": the days beat the whole year)
      bodyTime = bt.find((t) => t.recurrence && t.recurrence.freq !== 'daily') ?? bt.find((t) => !t.broad) ?? bt[0];
      bodySentence = [b, e];
      if (bodyTime?.recurrence) bodyWithin = bt.find((t) => t.window && t.end <= bodyTime!.start);
    }
    // Who the heading's activity is held with: the co-organisers its body's first sentence names ("四、…专题讲座 /
    // 团县委联合县教育局、县应急管理局，邀请…", "联合县妇联，邀请心理咨询师开展…").
    const bodyUnits = units.find((x) => x.start >= titleEnd && x.start < bodySentence[1])?.units ?? [];
    const drafts: Draft[] = [];
    const byKey = new Map<string, Draft>();
    const found = nounsIn(match, from, to).filter((f, i, all) => !scheduleOfPrevious(match, times, f, all[i - 1]));
    for (let fi = 0; fi < found.length; fi++) {
      const f = found[fi];
      let end = f.end;
      const after = match.slice(end, end + 6);
      const [cs, ce] = clauseBounds(match, f.start, from, to);
      const [ss, se] = sentenceBounds(match, f.start, from, to);
      const clauseTimes = hitsIn(times, cs, ce).filter((t) => t.end <= ce);
      const hasRecurrence = clauseTimes.some((t) => t.recurrence);
      let ok = AFTER_OK.test(after) || (match[end - 1] === '”' && f.kind !== 'campaign');
      // "公益书法讲座《汉隶入门：从〈曹全碑〉说起》": a talk's or a show's title in 《》 right after the noun is part of its name.
      if (match[end] === '《' && (f.kind === 'lecture' || f.kind === 'study' || f.kind === 'other' || f.kind === 'exhibition')) {
        const close = match.indexOf('》', end);
        if (close > end && close - end <= 40 && !match.slice(end, close).includes('\n') && AFTER_OK.test(match.slice(close + 1, close + 7))) {
          end = close + 1;
          ok = true;
        }
      }
      // "“澄州社科大讲堂”系列讲座", "“云岫讲堂”：宋代美学与生活", "“…大讲堂”第四讲": a quoted name that goes on into
      // another activity noun, a topic after its colon or one of its sessions names that, not an activity of its own.
      if (ok && match[end] === '”') {
        const next = found[fi + 1];
        if (/^”(?:[:：《]|第[一二三四五六七八九十\d]+[讲期场])/.test(after) || (next && next.start > end && !/[,，。;；、\s]/.test(match.slice(end + 1, next.start)) && next.start - end <= 24)) ok = false;
        // (nor one that opens a sentence of the body, as what the sentence is about: "“…大讲堂”自2019年创办以来，…"; a
        // heading's is its activity, "1.「雲岫講壇」。全年舉辦12期", and one held on a schedule written after it is still
        // found below: "“汀川理论讲堂”每月下旬开讲一期")
        const open = match.lastIndexOf('“', end);
        if (open >= ss && !match.slice(ss, open).trim() && !(open >= titleStart && open < titleEnd)) ok = false;
      }
      // "全县“百姓名嘴”宣讲比赛4月中旬初赛，…": a contest followed by the time of its first round.
      if (!ok && f.kind === 'contest' && roundsIn(match, clauseTimes, end, ce).some((r) => r.t.start === end)) ok = true;
      // "要把“送戏下乡”惠民演出抓起来": the activity as the object of 把, its verb after it.
      if (!ok && /把[^,，。;；]{0,24}$/.test(match.slice(cs, f.start)) && /^(?:抓起来|办起来|搞起来|开展起来|组织起来|办好|搞好|抓好|组织好|落实好|开展好)/.test(after)) ok = true;
      // "第四届乡村文化艺术节将在青石镇举办": the activity as the subject of where it is held.
      if (!ok && /^将?(?:在|于)[^,，。;；]{1,14}?(?:举办|举行|开展|召开|开幕)/.test(match.slice(end, end + 20))) ok = true;
      // "党员大会每季度召开1次", "读书会每月举行一次": the activity as the subject, its schedule and verb after it.
      // (after a quoted name's closing quote: "“汀川理论讲堂”每月下旬开讲一期")
      const past = end + (match[end] === '”' ? 1 : 0);
      if (!ok && f.kind !== 'campaign' && !TEAM_NOUNS.has(f.noun) && scheduleAt(match, clauseTimes, past)) ok = true;
      if (!ok && !TEAM_NOUNS.has(f.noun) && heldAfter(match, clauseTimes, past)) ok = true;
      // "灯会及猜灯谜活动": a companion programme joined by 及 belongs to the name.
      {
        const comp = /^及[^,，。;；、“”]{1,8}?活动/.exec(match.slice(end, end + 12));
        if (ok && comp && f.noun !== '活动') end += comp[0].length;
      }
      // "每月更新线上展览1期": content updated, not an event.
      if (ok && /^(?:\d|[一两二三四五六七八九十])/.test(after) && /(?:更新|发布|推送|刊发|刊播|上传)[^,，。;；]{0,6}$/.test(match.slice(Math.max(cs, f.start - 10), f.start))) ok = false;
      // "普法宣传进村入户", "送演出进小区": where it goes belongs to the name.
      if (ok || /^进[\u4e00-\u9fff]{1,4}(?=$|[,，。;；、\s])/.test(after)) {
        const go = /^进[\u4e00-\u9fff]{1,4}(?=$|[,，。;；、\s])/.exec(match.slice(end, end + 6));
        if (go && !NOUN_AT_END.test(go[0])) {
          end += go[0].length;
          ok = true;
        }
      }
      let objectStart = end;
      let studied = false;
      if (!ok && f.noun && TAKES_OBJECT.has(f.noun)) {
        // 评选表彰2023年度市直文明单位: the object follows the noun.
        let e = end;
        while (e < ce && e - end < 24 && !/[,，。;；、]/.test(match[e])) e++;
        if (e > end) {
          objectStart = end;
          end = e;
          ok = true;
        }
      }
      // "3月：学习全国两会精神（领学人：…）；第一季度专题研讨…": a month line's 学习 and what is studied are one session.
      // (right after the month line's colon, or after a ；on it: the section's month headers say where those lines are)
      if (!ok && f.noun === '学习' && headers.some((h) => h.end <= f.start && /^(?:份)?[ \t]*:(?:[^\n]*;)?[ \t]*$/.test(match.slice(h.end, f.start)))) {
        let e = end;
        while (e < ce && e - end < 40 && !/[,，。;；(（\n]/.test(match[e])) e++;
        if (e - end >= 4) {
          objectStart = end;
          end = e;
          ok = true;
          studied = true;
        }
      }
      // 每周五下午学习制度, “每周半天覆盖学”机制: a recurring duty written as a rule.
      if (!ok && hasRecurrence && /^(?:制度|机制|时间)/.test(match.slice(end, end + 2))) ok = true;
      if (!ok) continue;
      const awardObject = end > objectStart ? match.slice(objectStart, end) : '';
      if (notAnEvent({ match, found: f, end, clauseStart: cs, sentenceStart: ss, timed: clauseTimes.length > 0 || opensWithTime(match, times, ss, cs) || (!!bodyTime && f.start >= titleStart && end <= titleEnd) || studied, clauseTimed: clauseTimes.length > 0, object: awardObject, nouns: found })) continue;
      if (match[end] === '”' && insideQuote(match, f.start, ss)) {
        end++;
        // ("举办“好书共读”阅读分享会": a quoted name that ends in a noun names the activity noun right after it)
        if (nounRightAfter(found, f, match, end)) continue;
      }
      // (…and so does a quoted study or relief name: "开设“理论天天学”专栏" is a column, "“夏送清凉”慰问一线职工" a visit)
      if ((f.noun === '学' || f.noun === '帮扶') && nounRightAfter(found, f, match, end)) continue;
      const takesObject = f.noun && TAKES_OBJECT.has(f.noun) && end > f.end;
      let ps = takesObject ? f.start : phraseStart(match, f.start, cs, ss);
      // ("“情暖端午”走访慰问独居老人": a quoted name right before a noun that takes an object names it)
      if (takesObject && match[ps - 1] === '”') {
        const o = lastIndexWithin(match, '“', ps - 2, cs);
        if (o >= cs) ps = o;
      }
      // “春风万里”集中宣讲月活动: a quoted name just before an adverb-verb (集中/广泛…) names the activity with it.
      {
        const v = /(?:集中|广泛|深入|持续|定期|积极)$/.exec(match.slice(Math.max(cs, ps - 2), ps));
        // (with its audience between them: "组织“缅怀先烈”青少年集中祭扫活动")
        const audience = v ? /(?:青少年|少先队员|党员干部|党员|干部|职工|群众|师生|学生)$/.exec(match.slice(Math.max(cs, ps - v[0].length - 5), ps - v[0].length)) : null;
        const q = v ? ps - v[0].length - (audience ? audience[0].length : 0) - 1 : -1;
        if (v && match[q] === '”') {
          const o = lastIndexWithin(match, '“', q - 1, ss);
          if (o >= cs) ps = o;
        } else if (v && !takesObject) {
          // "开展党的创新理论集中宣讲": an unquoted topic between a verb and the adverb names it too.
          let p2 = ps - v[0].length;
          while (p2 > cs && p2 > ps - 14 && !/[,，。;；:：、“”\s]/.test(match[p2 - 1]) && !/(?:开展|举办|组织|举行|召开|进行)$/.test(match.slice(Math.max(cs, p2 - 2), p2))) p2--;
          const topic = match.slice(p2, ps - v[0].length);
          NOUN_RE.lastIndex = 0;
          if (topic.length >= 2 && topic.length <= 10 && /(?:开展|举办|组织|举行|召开|进行)$/.test(match.slice(Math.max(cs, p2 - 2), p2)) && !NOUN_RE.test(topic) && !/[在于对向将把要]/.test(topic)) ps = p2;
          NOUN_RE.lastIndex = 0;
        }
      }
      // "开设少儿美术、舞蹈公益培训班": short subjects joined by 、 right after the verb share the noun (not 书画展、摄影展).
      // ("举办支部书记和党务干部培训班": audiences joined by 和 likewise)
      // ("组织开展文明单位、文明村镇、文明家庭、文明校园年度测评": as many as the list holds, back to the verb)
      for (let q = ps; (match[q - 1] === '、' || match[q - 1] === '和') && !takesObject; ) {
        let p2 = q - 1;
        while (p2 > cs && !/[,，。;；:：、“”\s]/.test(match[p2 - 1]) && !verbBefore(match, p2, cs)) p2--;
        const piece = match.slice(p2, q - 1);
        NOUN_RE.lastIndex = 0;
        // (a longer piece only when the verb opens it: "召开全县妇女先进集体和先进个人表彰大会")
        const subject = piece.length >= 2 && (piece.length <= 6 || (piece.length <= 10 && verbBefore(match, p2, cs) && !/[于为向对将把让使]/.test(piece))) && !NOUN_RE.test(piece) && p2 > cs;
        NOUN_RE.lastIndex = 0;
        if (!subject) break;
        q = p2;
        if (verbBefore(match, q, cs)) {
          ps = q;
          break;
        }
      }
      // "负责宣讲月活动": what someone is responsible for starts after 负责 (but 负责人培训班 is one name).
      {
        const fz = match.slice(ps, f.start).lastIndexOf('负责');
        if (fz >= 0 && match[ps + fz + 2] !== '人') ps += fz + 2;
      }
      // "A、B等多支理论宣讲分队": the list before 等 is examples, not the name (unless quoted).
      const deng = lastIndexWithin(match, '等', f.start - 1, ps);
      // ("提供问询引导、行李搬运、爱心休息等志愿服务": kinds of service listed before the noun, none of them its name)
      if (deng >= ps && (f.start - deng > 2 || (f.start - deng === 1 && (match[ps - 1] === '、' || match.slice(ps, deng).includes('、')))) && !match.slice(ps, deng).includes('“')) ps = deng + 1;
      // Long phrases: keep what follows the last quantity or 为/向/对 ("…为干部职工作一次形势报告会").
      if (f.start - ps > 16) {
        const head = match.slice(ps, f.start);
        let cut = -1;
        for (const m of head.matchAll(/(?:\d+|[一两二三四五六七八九十])(?:次|场|期|批|届|轮)|为(?!期)|[向对给]/g)) {
          const inQuote = head.lastIndexOf('“', m.index) > head.lastIndexOf('”', m.index);
          if (!inQuote) cut = m.index + m[0].length;
        }
        if (cut > 0 && f.start - (ps + cut) >= 2) ps += cut;
      }
      // Time: inside the phrase first, then the nearest before it in the sentence, then after it in the clause;
      // a time word inside a quoted name ("“我们的节日·春节”") only as a last resort.
      // (a festival's own day written inside it, "七夕节（8月19日）前后", is part of that festival's time)
      const sentenceTimes = hitsIn(times, ss, se).filter((t, _, all) => !all.some((o) => o !== t && o.festival && o.start <= t.start && t.end <= o.end && o.end - o.start > t.end - t.start));
      const unquoted = (t: TimeHit) => !quotedTime(match, t, ss);
      // ("第一季度专题研讨" on a month line: the quarter labels which session this is; the month line says when)
      const label = (t: TimeHit) => t.end === f.start && /^第[一二三四1-4]季度$/.test(t.cue) && BARE_NOUNS.has(f.noun);
      // (a festival whose anniversary or series the name is, "“三八”国际妇女节系列活动", "妇女节116周年暨表彰大会", is
      // part of the name, not its time)
      // (…but an anniversary's own day is its time: 纪念中国共产党成立103周年)
      const named = (t: TimeHit) =>
        f.kind !== 'anniversary' && t.festival && !/前夕|期间|前后|之际|当天|当日|前$/.test(t.cue) && (/周年$/.test(t.cue) || /^(?:(?:\d+|[一二三四五六七八九十百]+)周年|系列|暨)/.test(match.slice(t.end, t.end + 6)));
      const inPhrase = sentenceTimes.filter((t) => t.start >= ps && (t.end <= end || (t.coreEnd !== undefined && t.coreEnd <= f.start)) && !label(t) && !named(t));
      // (a recurrence whose count runs over the phrase, "每月举办公益展览不少于1次", is before it too)
      const befores = sentenceTimes.filter((t) => t.start < ps && (t.end <= f.start || (t.recurrence && t.coreEnd !== undefined && t.coreEnd <= ps && /(?:举办|开展|组织|举行|召开)$/.test(match.slice(ps - 2, ps)))) && unquoted(t) && !isDeadline(match, t));
      let before = befores.at(-1);
      // "4月、9月各举办1次…": a list of times is a series of sessions; the draft starts with the first.
      for (let i = befores.length - 2; i >= 0 && before && /^[、和及与]$/.test(match.slice(befores[i].end, before.start)) && befores[i].window && before.window; i--) before = befores[i];
      // After the phrase: in its clause, or later in the sentence when no other activity noun comes first
      // ("…“媒体看县域”采风活动，邀请记者到县采访，6月举行").
      const nextNoun = found[fi + 1]?.start ?? Infinity;
      // (Not a deadline for paperwork: "作品于5月20日前报送县司法局".)
      const deadline = (t: TimeHit) => isDeadline(match, t);
      const afterHit = sentenceTimes.find(
        (t) => t.start >= end && unquoted(t) && !deadline(t) && (t.end <= ce || clauseBounds(match, t.start, from, to)[1] <= nextNoun),
      );
      // "党员大会每季度召开1次": the schedule right after the noun is its own.
      const ownSched = TEAM_NOUNS.has(f.noun) ? undefined : scheduleAt(match, sentenceTimes, end);
      // "全年组织三轮…巡演，分别安排在3月、6月和10月": the months it is shared out to beat the whole year.
      const sharedOut = sentenceTimes.find((t) => t.start >= end && t.window && /分别(?:安排)?(?:在|于)$/.test(match.slice(Math.max(ss, t.start - 6), t.start)));
      let pick: TimeHit | undefined =
        ownSched ??
        inPhrase.find((t) => t.recurrence && unquoted(t)) ??
        inPhrase.find(unquoted) ??
        before ??
        afterHit ??
        // (not a time inside a quoted name: “芳华五月”青年美术作品展 takes its 时间： line)
        inPhrase.find(unquoted);
      if (pick?.broad && sharedOut) pick = sharedOut;
      // "正月初二至初六（2月18日至22日）每天下午…举办新春戏曲展演": every day of a stretch is that stretch.
      if (pick?.recurrence?.freq === 'daily') {
        const at = pick.start;
        const stretch = sentenceTimes.find((t) => t.window && !t.recurrence && t.window[0] !== t.window[1] && t.end <= at && at - t.end <= 2);
        if (stretch) pick = stretch;
      }
      // "定于6月30日下午3时…召开下半年志愿服务工作推进会", "3月举办春季培训班": a time in the name says what period the
      // activity is about; a narrower one written before it says when it is held.
      let nameTime: TimeHit | undefined;
      if (pick && !pick.recurrence && inPhrase.includes(pick) && before?.window && !before.recurrence && !before.broad && pick.window && span(before) < span(pick)) {
        nameTime = pick;
        pick = before;
      }
      // An explicit month or day beats a festival word in the same sentence ("7月举办“喜迎国庆”…", "2月12日元宵节晚"),
      // but not one that times another activity written between them ("5月评选…，清明节前后组织…").
      const festivalAt = pick?.start ?? -1;
      const sameActivity = (t: TimeHit) => !found.some((o) => o !== f && o.start >= t.end && o.end <= festivalAt);
      if (pick?.festival && !pick.commemorates) {
        const explicit = sentenceTimes.filter((t) => !t.festival && !t.recurrence && t.window && unquoted(t) && t.end <= end && sameActivity(t)).at(-1);
        // …but "3月：学雷锋纪念日组织…": a festival day inside the month written with it is the more precise time.
        // (not a festival that is only the occasion: "4月1日至30日，以“4·23”世界读书日为契机，开展…阅读推广月活动")
        const occasion = /^[”"]?(?:为契机|为载体|为主题|为主线|为引领|为抓手|为平台)/.test(match.slice(pick.end, pick.end + 5));
        const inside = explicit && pick.window && !occasion && !quotedTime(match, pick, ss) && explicit.window![0] <= pick.window[0] && pick.window[1] <= explicit.window![1] && explicit.window![0] !== explicit.window![1];
        if (explicit && !inside) pick = explicit;
      }
      if (pick?.commemorates) {
        // "“七一”前夕举办庆祝建党102周年文艺汇演": a time written as such (前夕, a month) beats the theme's day.
        const explicit = sentenceTimes.filter((t) => !t.commemorates && (!t.festival || t.wrapped || /前夕|期间|前后|之际|当天|当日|前$/.test(t.cue)) && !t.recurrence && t.window && unquoted(t) && t.end <= end && sameActivity(t)).at(-1);
        if (explicit) pick = explicit;
      }
      // "3月至6月开设春季公益培训班，…，每周二晚在馆内授课": the activity's period before it and its schedule later in
      // the sentence (no other activity between): the schedule, inside that period.
      let periodBefore: TimeHit | undefined;
      if (pick && pick === before && !pick.recurrence && pick.window && afterHit?.recurrence && afterHit.recurrence.freq !== 'daily' && !ownSched) {
        periodBefore = pick;
        pick = afterHit;
      }
      // "春季公益培训班于3月至6月每周六上午…开课", "秋季公益培训班9月中旬开班，每周日下午授课": a period or a start after
      // the activity, then its schedule before any other activity: the schedule, from that time (to its end only when
      // written together, "3月至6月每周六").
      if (pick && pick !== before && !pick.recurrence && pick.window && !pick.festival) {
        const at = pick;
        const sched = sentenceTimes.find((t) => t.start >= at.end && t.start < nextNoun && t.recurrence && t.recurrence.freq !== 'daily' && unquoted(t));
        if (sched) {
          if (sched.start - at.end <= 2) periodBefore = at;
          pick = sched;
        }
      }
      const anniversary = f.kind === 'anniversary' || (f.kind === 'campaign' && /周年/.test(match.slice(ps, end)));
      // A recurrence inside a window ("下半年每月…") starts in that window.
      // (a recurrence under the plan's 活动时间, "活动期间每周五下午", starts in that period)
      // (not a window that timed another activity before it: "国庆期间举办…汇演，每月开展一次“送戏下乡”活动")
      const ownWindow = (t: TimeHit) => !found.some((o) => o !== f && o.start >= t.end && o.end <= pick!.start);
      const inSentence = pick?.recurrence ? (periodBefore ?? sentenceTimes.find((t) => t.window && t.end <= pick!.start && ownWindow(t))) : undefined;
      const within = pick?.recurrence ? (inSentence ?? periodWithin(job.pre)) : undefined;
      // (it also ends there when it is the plan's period, written right before the recurrence, or a 期间)
      // (not a start, "3月起每周二、周四下午": from then on)
      const fromThen = !!inSentence && startsThere(match, inSentence.end);
      const bounded = !fromThen && (!inSentence || !!periodBefore || pick!.start - inSentence.end <= 2 || /期间/.test(inSentence.cue));
      const time = pick ? resolveTime(pick, year, anniversary, within, bounded) : {};
      // ("从4月10日起…开展为期100天的…行动": how long, between its start and the activity)
      const lastsFrom = pick && pick.end < ps && !found.some((o) => o !== f && o.start >= pick!.end && o.end <= f.start) ? pick.end : end;
      if (pick?.window && pick.window[0] === pick.window[1] && time.start && !time.start.includes('T') && !time.rdates) lastsFor(time, match, sentenceTimes, lastsFrom, se);
      // ("…文化节从5月持续到10月": a month it starts in, then how long it lasts)
      else if (pick?.window && time.start && !time.rrule && !time.rdates && /^(?:持续|延续|一直)(?:到|至)/.test(match.slice(pick.end, pick.end + 4))) lastsFor(time, match, sentenceTimes, pick.end, se);

      // Title: display text of the phrase, minus time words outside quotes and leading quantities.
      let title = '';
      let k = ps;
      for (const t of inPhrase) {
        const quoted = quotedTime(match, t, ss);
        if (quoted || t.commemorates || t === nameTime) continue;
        title += text.slice(k, t.start);
        k = Math.min(t.end <= end ? t.end : (t.coreEnd ?? t.end), end);
      }
      title += text.slice(k, end);
      title = stripQuantity(title.trim()).trim();
      // 全镇党员干部“学思想、强党性”专题读书班: the audience before a quoted name is not part of it.
      title = title.replace(/^全[^“”]{1,4}?(?:党员干部|干部职工|党员|干部|职工|群众|青少年)(?=“)/, '');
      // "【“悅讀一夏”少兒暑期閱讀嘉年華】": a post's bracket round a name is no part of it.
      title = title.replace(/^[【\[]\s*/, '');
      // "…基层巡回宣讲活动（以下简称“巡回宣讲”）": the short name the plan gives it is no part of the name.
      title = title.replace(/\s*[（(](?:以下)?简称[^）)]*[）)]?$/, '');
      // "3月为全县“学雷锋·文明实践”志愿服务月": the 为 that names a month is not part of the name.
      title = title.replace(/^为(?=全[市县区镇]?“|“)/, '');
      // 今年的“最美家庭”推选: when it is said is not part of its name.
      title = title.replace(/^(?:今年|本年度|明年|年内)的?(?=[“\u4e00-\u9fff]{3})/, '');
      // 评选表彰一批“最美志愿者”: the quantity between the verb and its object goes too.
      if (takesObject)
        title = title.replace(/^(评选表彰|评选|表彰)(?:一批|一些|\d+名|[一二三四五六七八九十]+名)/, '$1').replace(/(?:\d+|[一二三四五六七八九十]+)(?:名|个|人|户|家)$/, '');
      if (title.length < 2) continue;
      // A bare 活动/行动 ("思想和行动", "抓活动") names nothing.
      if ((f.noun === '活动' || f.noun === '行动') && compactKey(title).length < 4) continue;
      if (f.noun === '行动' && !/(?:[”专项关爱志愿文明餐桌攻坚整治示范提升净化]行动|“[^“”]{1,12}行动”)$/.test(match.slice(ps, end))) continue;
      let key = compactKey(title);
      // A bare noun after its subject: "中心组每月集中学习1次" → 中心组集中学习; "围绕X开展专题研讨" → X专题研讨.
      // (年度考核评估, 专项督查: a noun with only a word of how or when before it says no more than the noun)
      const lightly = key.length <= f.noun.length + 2 && key.endsWith(matchingCopy(f.noun)) && /^(?:年度|专项|集中|全面|综合|季度|中期|定期)/.test(key);
      if ((isBareTitle(key, f.noun) || lightly) && f.kind !== 'campaign') {
        // (the subject of the noun's own clause when the clause opens with it: "…，支部书记每季度讲1次党课")
        const clauseT = sentenceTimes.find((t) => t.start > cs && t.start < ps);
        const subjStart = clauseT ? cs : ss;
        const firstT = clauseT ?? sentenceTimes[0];
        // (not when the noun is itself that subject: "支部委员会每月召开1次，党员大会每季度召开1次")
        let subj = firstT && firstT.start < ps && firstT.start !== f.end ? match.slice(subjStart, firstT.start) : '';
        // (a subject that is itself an activity, 支部委员会 before 党员大会, names nothing else)
        if ([...subj.matchAll(NOUN_RE)].some((m) => m.index + m[0].length === subj.length)) subj = '';
        // (and "对全市社科普及基地开展年度考核评估" → 全市社科普及基地年度考核评估: what is assessed or trained; not
        // "对各党支部…进行考核", the light verb of a sentence saying how an activity named before is done)
        const around = /围绕([^,，。;；“”]{2,16}?)(?:开展|举办|组织|进行)|(?<![针相面])对([^,，。;；“”]{2,16}?)(?:开展|举办|组织)/.exec(match.slice(cs, ps));
        const aroundWhat = around?.[1] ?? around?.[2];
        let prefix = '';
        // ("总支中心组学习要形成固定节奏，原则上每月…集中学习一次": the body that studies opens the sentence)
        // (a time may open the sentence first: "暑期县委理论学习中心组要集中办一期读书班")
        const holder = /^[ \t]*(?:暑期|寒假|今年|年内|[上下]半年|\d{1,2}月(?:份)?)?((?:[一二三四五六七八九十]+是)?[\u4e00-\u9fff]{0,8}?(?:中心组|党支部|团支部|支部|总支|党委|党组|班子))(?:学习)?(?:要|应|须|将)/.exec(match.slice(ss, cs));
        if (around && aroundWhat) prefix = text.slice(cs + around.index + around[0].indexOf(aroundWhat), cs + around.index + around[0].indexOf(aroundWhat) + aroundWhat.length);
        else if (subj.length >= 2 && subj.length <= 16 && !/[,，、“”:：]|[要将在于]/.test(subj) && !VERB_END.test(subj))
          prefix = text.slice(subjStart, firstT!.start);
        else if (holder && cs > ss) prefix = text.slice(ss + holder[0].indexOf(holder[1]), ss + holder[0].indexOf(holder[1]) + holder[1].length);
        prefix = prefix
          .replace(/^(?:[一二三四五六七八九十]+是|\d+[、.．])/, '')
          .replace(/^各级?[^（(，,]{0,6}[（(][^）)]{1,6}[）)]/, '')
          .replace(USUALLY, '')
          .replace(HOLDER_ONLY, '')
          .trim();
        // ("一是制定市委理论学习中心组年度学习计划，每季度开展一次集中学习", "坚持党组理论学习中心组学习制度，每月开展一次
        // 集中学习": the study group its sentence names holds the session)
        if (prefix.length < 2 && f.kind === 'study') {
          const group = studyGroupIn(match, ss, ps);
          if (group) prefix = text.slice(group[0], group[1]);
        }
        if (prefix.length >= 2) {
          title = prefix + title;
          key = compactKey(title);
        }
      }
      // "市委宣讲团深入各区县开展集中宣讲": a bare event given by the team that opens its clause is that team's.
      // (not the barest forms, 宣讲 or 演出 alone: those are a campaign's programme, and dropped)
      if (isBareTitle(key, f.noun) && f.kind !== 'campaign' && !BARE_NOUNS.has(matchingCopy(key))) {
        const team = TEAM_SUBJECT.exec(match.slice(cs, ps));
        if (team) {
          title = text.slice(cs, cs + team[1].length) + title;
          key = compactKey(title);
        }
      }
      // A generic 活动/行动 takes its kind from its words, or from the sentence that describes it
      // ("组织“暖冬行动”。年底前为困难群众送去棉衣、慰问品。").
      let kind = refineKind(f.kind, f.noun, match.slice(ps, end));
      if (kind === 'campaign' && (f.noun === '活动' || f.noun === '行动')) {
        let ne = se + 1;
        while (ne < to && !SENTENCE_BREAK.test(match[ne])) ne++;
        const k2 = refineKind(f.kind, f.noun, match.slice(se, Math.min(ne, se + 60)));
        if (k2 === 'volunteer') kind = k2;
      }
      // "元宵节当天举办猜灯谜游园会", "重阳节开展敬老孝老慰问活动": a festival naming the clause's occasion
      // right before the verb belongs to the name (not 期间/前夕 windows, not quoted names).
      if (!/[“《]/.test(match.slice(ps, end))) {
        const occ = /^([\u4e00-\u9fff]{2,7}(?:节|日))(?:当天|当日)?(?:\([^)]{1,10}\))?(?:举办|开展|组织|举行)/.exec(match.slice(cs, ps));
        if (occ && cs + occ[0].length === ps && OBS_NAME.test(occ[1]) && !title.includes(occ[1].slice(0, 2))) {
          title = text.slice(cs, cs + occ[1].length) + title;
          key = compactKey(title);
        }
      }
      // "到烈士陵园开展祭扫活动", "深入高校开展巡回宣讲": a short activity's place names it.
      if (((f.noun === '活动' || f.noun === '行动') && key.length <= 4) || (!/[“《]/.test(match.slice(ps, end)) && key.length <= 4 && f.noun !== '活动' && f.noun !== '行动' && !BARE_NOUNS.has(matchingCopy(key)))) {
        const at = /(?:到|深入|走进|赴)([\u4e00-\u9fff]{2,8})(?:开展|举办|组织|进行)$/.exec(match.slice(cs, ps));
        // (a place that names: 高校, 烈士陵园 — not 各乡镇, 基层, 一线)
        if (at && !/^(?:各|全|基层|一线|群众|田间)/.test(at[1])) {
          const g0 = cs + at.index + at[0].indexOf(at[1]);
          title = text.slice(g0, g0 + at[1].length) + title;
          key = compactKey(title);
        }
      }
      // "3月16日，第一组到青溪镇开展“田间课堂”宣讲": a touring lecture's stop is named by its host (the tour has many).
      if (kind === 'lecture' && !TEAM_NOUNS.has(f.noun)) {
        const host = tourHost(match, ss, ps);
        if (host && !key.includes(compactKey(match.slice(host[0], host[1])))) {
          title = text.slice(host[0], host[1]) + title;
          key = compactKey(title);
        }
      }
      // "结合“我们的节日·春节”主题活动，开展…": the occasion an activity is joined to is not one of the plan's own.
      // (only a leading clause of its own: "结合…主题活动，" — not "结合…开展宣讲")
      if (/(?:结合|依托|借助)$/.test(match.slice(Math.max(cs, ps - 2), ps)) && /^[,，]/.test(match.slice(end, end + 1))) continue;
      let u = unitsAt(units, ps);
      // ("6月5日上午：“河小青”护河志愿行动，地点：…，由团县委青年志愿者服务队承办": who holds it, later in its sentence)
      if (!u.length) u = [...(units.find((x) => x.start > ps && x.start < se && match[x.start] === '由')?.units ?? [])];
      // (a copy: merging mentions adds to a draft's units)
      if (!u.length && f.start >= titleStart && end <= titleEnd) u = [...bodyUnits];
      const draft: Draft = {
        key,
        title,
        kind,
        sectionId: job.id,
        units: u,
        noun: f.noun,
        fromTitle: f.start >= titleStart && end <= titleEnd,
        // (a month line's session is named by what it studies: two in one month are two)
        quoted: /[“《]/.test(match.slice(ps, end)) || studied,
        ownTime: !!time.start || !!time.rrule,
        festivalTime: !!pick?.festival,
        themeTime: !!pick?.commemorates || !!pick?.broad,
        bare: isBareTitle(key, f.noun),
        team: TEAM_NOUNS.has(f.noun),
        goal: f.start >= titleStart && end <= titleEnd && GOAL_VERB.test(match.slice(titleStart, titleEnd).replace(/^\s*(?:[一二三四五六七八九十]+[是要])?/, '')),
        formed: TEAM_NOUNS.has(f.noun) && /(?:组建|成立|组成)[^,，。;；]{0,2}$/.test(match.slice(Math.max(cs, ps - 6), ps)),
        awardOf: (!!takesObject && /^(?:[一二三]等奖|优秀|一批)/.test(awardObject)) || (f.kind !== 'assessment' && /^(?:评选|评出)/.test(match.slice(ps, end))),
        sentence: [ss, se],
        sents: [ss],
        sources: [trimSource(text.slice(ss, se))],
      };
      // (one item of a list, or the list itself: 开展对象化、互动化宣讲)
      if (match[ps - 1] === '、' || /^[^“”]*、[^“”]*$/.test(match.slice(ps, f.start))) draft.ofList = true;
      // (a name on a line of its own, its ▍ gone with the cleaning, "2026年春夏季公益艺术培训班（第二期）" over its description)
      {
        const ls = match.lastIndexOf('\n', ps - 1) + 1;
        const le = match.indexOf('\n', end) < 0 ? match.length : match.indexOf('\n', end);
        const bracketed = /^[ \t]*[【\[]?$/.test(match.slice(ls, ps)) && /[【\[]/.test(match.slice(ls, ps + 1)) && /^[】\]]/.test(match.slice(end, le));
        if (bracketed || (!match.slice(ls, ps).trim() && /^\s*(?:[(（][^)）\n]{1,12}[)）])?\s*$/.test(match.slice(end, le)) && match[ls - 2] === '\n')) draft.block = true;
      }
      if (time.start) draft.start = time.start;
      if (time.end) draft.end = time.end;
      if (time.rrule) draft.rrule = time.rrule;
      if (time.rdates) draft.rdates = time.rdates;
      if (time.cue) draft.cue = text.slice(pick!.start, pick!.end);
      // A team formed (组建县委宣讲团) with no event of its own is not a draft.
      // (…and the plan's own activity, named as in its title: "决定在全县开展全民禁毒宣传月活动".)
      // ("开展“我眼中的汀川”短视频和书画作品征集活动": the title's name, written out in full, is the activity's name.)
      const fullName = !job.pre || !planCopy ? 0 : match.startsWith(planCopy, end - planCopy.length) ? planCopy.length : match.startsWith(`${planCopy}活动`, end - planCopy.length - 2) ? planCopy.length + 2 : 0;
      if (fullName > draft.key.length) {
        retitle(draft, text.slice(end - fullName, end));
        draft.quoted = /[“《]/.test(planCopy);
      }
      if (job.pre && !draft.quoted && !(planName && draft.key.includes(compactKey(planName)))) continue;
      const same = byKey.get(draft.key);
      if (same) {
        // The plan names the same activity twice (“形势报告会” … 每年…一次形势报告会): merge what each says.
        mergeInto(same, draft, false);
        continue;
      }
      drafts.push(draft);
      byKey.set(draft.key, draft);
    }
    // "获奖短视频自8月下旬至9月底在…集中展播", "优秀书画作品于9月1日至20日在县文化馆美术展厅展出": works shown over a
    // time are an exhibition (or a screening) of those works, though no activity noun names it.
    if (!job.pre) {
      for (const m of match.slice(from, to).matchAll(WORKS_SHOWN)) {
        const run = timesFrom(times, from + m.index + m[0].length);
        const verb = run?.first.window ? /^[^,，。;；]{0,24}?(?:集中)?(展出|展播|展映)/.exec(match.slice(run.end, run.end + 30)) : null;
        if (!verb || !run) continue;
        const { first, end: e } = run;
        const [cs] = clauseBounds(match, from + m.index, from, to);
        const subjectEnd = from + m.index + m[1].length;
        const subject = text.slice(cs, subjectEnd).replace(/^\s+/, '');
        if (subject.length < 2 || subject.length > 16) continue;
        const screening = verb[1] !== '展出';
        const title = screening ? `${subject}展播` : `${subject}展`;
        const [ss, se] = sentenceBounds(match, cs, from, to);
        const verbEnd = e + verb[0].length;
        for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i].sentence[0] === ss && /展播|展映|展出/.test(drafts[i].noun) && drafts[i].sentence[1] >= verbEnd) drafts.splice(i, 1);
        const d = headingDraft(title, screening ? 'publicity' : 'exhibition', job.id, [ss, se], text.slice(ss, se), { fromTitle: false, named: true });
        resolved(d, first, year, text);
        d.ownTime = true;
        if (!byKey.has(d.key)) {
          drafts.push(d);
          byKey.set(d.key, d);
        }
      }
    }
    // "（四）“好家风·好家训”书法作品征集展评 / 征集时间：… / 评审时间：… / 展览时间：…": an item whose phases each have
    // a time line is one draft per phase, named after the item (its heading is not a draft of its own).
    const phaseLines = job.pre || job.hasChildren ? [] : [...match.slice(titleEnd, to).matchAll(PHASE_FIELD)];
    if (phaseLines.length < 2) phaseLines.length = 0;
    if (phaseLines.length) {
      const raw = text.slice(titleStart, titleEnd).replace(/[。.;；:：\s]+$/, '').trim();
      const base = raw.replace(PHASE_TAIL, '');
      // (the heading, and a phase word read as a noun in its own label, "评选时间：")
      for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i].fromTitle || PHASE_LABEL.test(drafts[i].key)) drafts.splice(i, 1);
      for (const ph of phaseLines) {
        const lineAt = titleEnd + ph.index + ph[0].length;
        const nl = match.indexOf('\n', lineAt);
        const eol = nl < 0 || nl > to ? to : nl;
        const t = times.find((x) => x.start >= lineAt && x.end <= eol);
        const [suffix, kind] = PHASES[ph[1]];
        const d = headingDraft(`${base}${suffix}`, kind, job.id, [lineAt, eol], text.slice(titleEnd + ph.index, eol), { named: true, fieldItem: true, fromTitle: false });
        if (t) {
          resolved(d, t, year, text);
          d.ownTime = true;
        }
        drafts.push(d);
      }
    }
    // A field-list item (活动时间：/活动地点：/主办单位： lines under its heading) is an activity named by its heading.
    const nameField = job.pre ? null : /(?:^|\n)[ \t]*(?:活动|项目)?名称[ \t]*[:：][ \t]*([^\n]+)/.exec(match.slice(titleEnd, to));
    if (!job.pre && !job.hasChildren && (nameField || (FIELD_LINE.test(match.slice(titleEnd, to)) && !drafts.some((d) => d.fromTitle)))) {
      const nameAt = nameField ? titleEnd + nameField.index + nameField[0].length - nameField[1].length : -1;
      const raw = (nameField ? text.slice(nameAt, nameAt + nameField[1].length) : text.slice(titleStart, titleEnd)).replace(/[。.;；:：\s]+$/, '').trim();
      const key = compactKey(raw);
      if (key.length >= 4 && key.length <= 30 && !/^(?:活动|工作|有关|其他|具体)/.test(key) && !NOT_AN_ITEM.test(key)) {
        const inTitle = nameField
          ? drafts.find((d) => d.sentence[0] <= nameAt && d.sentence[1] >= nameAt)
          : drafts.find((d) => d.sentence[0] >= titleStart && d.sentence[0] < titleEnd);
        const hd = headingDraft(raw, inTitle?.kind ?? headingKind(matchingTitle(raw)), job.id, [titleStart, titleEnd], raw, {
          noun: inTitle?.noun ?? '', named: !!nameField, fieldItem: !inTitle, units: [...bodyUnits],
        });
        if (!phaseLines.length) drafts.unshift(hd);
      }
    }
    // 主办单位：A、B / 协办单位：C — the co-organisers of a field-list item.
    if (!job.pre) {
      for (const m of match.slice(titleEnd, to).matchAll(/(?:^|\n)[ \t]*(?:联合)?(?:主办|协办|联办|承办)(?:单位)?[ \t]*[:：]([^\n]+)/g)) {
        const at = titleEnd + m.index + m[0].length - m[1].length;
        const list = text.slice(at, at + m[1].length).split(/[、,，;；和及与\s]/).map((x) => x.replace(/[。.]$/, '').trim()).filter((x) => x.length >= 2);
        const target = drafts.find((d) => d.fromTitle) ?? drafts[0];
        if (target) for (const u of list) if (!target.units.includes(u)) target.units.push(u);
      }
    }
    // (in a plan of one kind of day, an unnamed mention of that day, "开展4月主题党日", "主题党日与一线执法紧密结合",
    // refers to the dated themes below, and is not merged into a named one)
    // "02 公益培训 / ▍…培训班 ⏰活动时间：5月11日起 / ▍少儿美术公益课堂 ⏰活动时间：每周日": a heading naming a kind of
    // activity over items that each have a time line of their own is their category, not one of them (nor all of them).
    const category = (h: Draft) => h.fromTitle && !h.quoted && h.key.length <= 6 && drafts.filter((b) => !b.fromTitle).length >= 2;
    const items = !job.pre && drafts.some(category) && (match.slice(titleEnd, to).match(TIME_FIELD)?.length ?? 0) >= 2 ? drafts.filter((d) => !category(d)) : drafts;
    let merged = job.pre ? items : mergeSection(dayOfPlan ? items.filter((d) => d.quoted || d.noun !== dayOfPlan) : items, headers);
    // "5.开展“村村有好戏”送戏下乡。4月至11月，组织馆办艺术团…深入各行政村演出": a leaf heading that is a verb and a
    // quoted name, with no activity noun of ours, names the one activity its body holds.
    if (!job.pre && !job.hasChildren && merged.length === 1 && !merged[0].quoted) {
      const head = match.slice(titleStart, titleEnd).replace(/[。.:：\s]+$/, '').trim();
      const named = /^(?:开展|举办|组织|举行|实施)(“[^“”]{2,16}”[\u4e00-\u9fff]{0,8})$/.exec(head);
      if (named && nounsIn(match, titleStart, titleEnd).length === 0) {
        const d = merged[0];
        const at = titleStart + match.slice(titleStart, titleEnd).indexOf(named[1]);
        retitle(d, text.slice(at, at + named[1].length));
        d.quoted = true;
        d.named = true;
        if (/志愿/.test(named[1])) d.kind = 'volunteer';
      }
    }
    // "1.进机关。4月13日至24日，第一宣讲小分队…每个单位宣讲1场": an item that is where the campaign goes (进机关, 进社区)
    // is one activity named by its form and that place: 宣讲进机关 (a quoted form keeps its name: 进社区“板凳课堂”宣讲).
    if (!job.pre && !job.hasChildren && merged.length) {
      const lead = match.slice(titleStart, titleEnd).length - match.slice(titleStart, titleEnd).trimStart().length;
      const go = /^进[\u4e00-\u9fff]{1,3}$/.exec(match.slice(titleStart + lead, titleEnd).replace(/[。.:：\s]+$/, ''));
      const d = merged.find((x) => !x.team && x.noun && x.noun !== '活动' && x.noun !== '行动');
      if (go && d && nounsIn(match, titleStart, titleEnd).length === 0) {
        const place = text.slice(titleStart + lead, titleStart + lead + go[0].length);
        if (!d.quoted) d.title = `${d.noun}${place}`;
        else if (d.title.startsWith('“')) d.title = `${place}${d.title}`;
        d.key = compactKey(d.title);
        d.bare = false;
        d.named = true;
        for (const o of merged) if (o !== d && o.noun === d.noun && !o.quoted) mergeInto(d, o, false);
        merged = merged.filter((o) => o === d || o.noun !== d.noun || o.quoted);
      }
      // ("（2）宣讲进农村。…在田间地头开展“板凳宣讲”": the heading names form and place, the quoted form is how: both)
      const formGo = /^([\u4e00-\u9fff]{2,4})进[\u4e00-\u9fff]{1,3}$/.exec(match.slice(titleStart + lead, titleEnd).replace(/[。.:：\s]+$/, ''));
      const q = formGo ? merged.find((x) => x.quoted && x.noun === formGo[1] && x.title.startsWith('“') && !x.key.includes(compactKey(formGo[0]))) : undefined;
      if (formGo && q && merged.length === 1) retitle(q, text.slice(titleStart + lead, titleStart + lead + formGo[0].length) + q.title);
    }
    // "（三）开展理论宣讲。宣讲队深入各村开展政策宣讲。宣讲每周开展两次": a later sentence that only gives a schedule
    // (opening with a short subject and a recurrence, no activity of its own) is the schedule of the section's one activity.
    if (!job.pre && !headers.length && merged.length === 1 && !merged[0].rrule && (!merged[0].ownTime || !merged[0].start)) {
      const d = merged[0];
      for (const t of times) {
        if (!t.recurrence || t.recurrence.freq === 'daily' || t.start < titleEnd) continue;
        const [ss] = sentenceBounds(match, t.start, from, to);
        if (d.sents.includes(ss) || !/^[\u4e00-\u9fff]{0,4}(?:活动)?$/.test(match.slice(ss, t.start)) || /开展|举办|组织|举行|召开/.test(match.slice(ss, t.start))) continue;
        // (not how often something is updated or posted: "每周更新片单，提前一天在公众号公布")
        if (/^[\u4e00-\u9fff]{0,2}(?:更新|发布|推送|公布|刊发|上传|报送)/.test(match.slice(t.coreEnd ?? t.end, (t.coreEnd ?? t.end) + 6))) continue;
        resolved(d, t, year, text, periodWithin(job.pre));
        d.ownTime = true;
        break;
      }
    }
    // Times outside the sentence: a month heading above the item, the item's 时间： field line, its heading, the plan's period.
    for (const d of merged) {
      const at = d.sentence[0];
      // (A month written on the item's own line, "3月：…", is its own time: h.start === the line start.)
      const header = headers.filter((h) => h.start <= at && !trailing(h)).at(-1);
      if (header && (!(d.start || d.rrule) || d.themeTime || (d.festivalTime && !within(d, header, year)))) {
        resolved(d, header, year, text);
        d.ownTime = false;
        continue;
      }
      // "4月：…每周五下午开展“午间半小时”集体学习": a schedule with no window of its own runs in its month.
      if (header?.window && d.rrule && !/UNTIL=/.test(d.rrule)) {
        const hit = times.find((t) => t.recurrence && t.start >= d.sentence[0] && t.end <= d.sentence[1] && text.slice(t.start, t.end) === d.cue);
        if (hit) {
          resolved(d, hit, year, text, header);
          continue;
        }
      }
      // "第二阶段　学习教育（3月21日—6月10日） / 2. …各党支部每周五下午组织1次集中学习": a schedule with no window of its
      // own, under a phase or period heading, runs in that phase (not from January of the plan's year).
      if (!header && d.rrule && !/UNTIL=/.test(d.rrule) && !job.pre) {
        const phase = timeOfAncestor(job.index);
        // (the mention that gave the schedule may be the body's, folded into its heading's draft)
        const hit = phase?.window && phase.window[0] !== phase.window[1] ? times.find((t) => t.recurrence && text.slice(t.start, t.end) === d.cue) : undefined;
        const [hs, he] = hit ? sentenceBounds(match, hit.start, from, to) : [0, 0];
        if (hit && !hitsIn(times, hs, he).some((t) => t.window && !t.recurrence && t.end <= hit.start)) {
          resolved(d, hit, year, text, phase);
          continue;
        }
      }
      // "（八）“红领巾”暑期公益托管班 / 活动时间：7月6日—8月7日": a season in an item's name is part of the name, and the
      // field line inside it gives the dates.
      // (a schedule there, "时间：7月13日—8月7日（每周一至周五上午…）", runs inside the window written before it)
      const fieldIn = fieldWithin(times, field);
      const fw = field?.window ?? fieldIn?.window;
      const tw = titleTime?.window;
      if (field && fw && tw && d.fromTitle && d.cue === text.slice(titleTime!.start, titleTime!.end) && fw[0] >= tw[0] && fw[1] <= tw[1] && (fw[0] !== tw[0] || fw[1] !== tw[1])) {
        // (…and the season goes back into the name it was read out of: 暑期少儿公益艺术培训班)
        // (or into its middle: “红领巾”暑期公益托管班)
        const season = text.slice(titleTime!.start, titleTime!.end);
        const heading = text.slice(titleStart, titleEnd);
        const at = heading.indexOf(season);
        if (at >= 0 && !d.title.includes(season)) {
          const [pre, post] = [heading.slice(0, at), heading.slice(at + season.length)];
          for (let i = 0; i <= d.title.length; i++)
            if (pre.endsWith(d.title.slice(0, i)) && post.startsWith(d.title.slice(i))) {
              retitle(d, d.title.slice(0, i) + season + d.title.slice(i));
              break;
            }
        }
        resolved(d, field, year, text, fieldIn);
        d.ownTime = false;
        continue;
      }
      // "▍“悦读一夏”少儿暑期阅读嘉年华 / 活动时间：7月11日—8月30日": a season in a block's name is part of the name, and
      // the block's own time line says when.
      if (d.block && d.cue && SEASON.test(d.cue) && d.title.length + d.cue.length <= 40) {
        const line = ownFieldTime(match, times, d.sentence[1], to);
        if (line && line.window) {
          const named = text.slice(d.sentence[0], d.sentence[1]).trim().replace(/^[【\[]|[】\]]$/g, '');
          if (named.includes(d.cue) && compactKey(named).includes(compactKey(d.title).slice(-4))) retitle(d, named.replace(/\s*[（(][^）)]{1,12}[）)]$/, ''));
          resolved(d, line, year, text, fieldWithin(times, line));
          d.ownTime = false;
          continue;
        }
      }
      if (d.start || d.rrule) continue;
      // "七一前后，各基层党组织开展主题党日。县里同时安排一场党史专题报告会": 同时 holds it at the time of the
      // sentence before.
      if (/同时/.test(match.slice(d.sentence[0], d.sentence[1]))) {
        const before = merged.find((o) => o !== d && o.ownTime && (o.start || o.rrule) && o.sentence[1] <= d.sentence[0] && /^[\s。;；]*$/.test(match.slice(o.sentence[1], d.sentence[0])));
        if (before) {
          Object.assign(d, { start: before.start, end: before.end, rrule: before.rrule, rdates: before.rdates, cue: before.cue, ownTime: false });
          for (const k of ['start', 'end', 'rrule', 'rdates', 'cue'] as const) if (!d[k]) delete d[k];
          continue;
        }
      }
      // (an item whose name is a line of its own, with its field lines under it)
      const own =
        match[d.sentence[0] - 1] === '\n' && /^\n|^$/.test(match.slice(d.sentence[1], d.sentence[1] + 1)) ? ownFieldTime(match, times, d.sentence[1], to) : undefined;
      const ctx: TimeHit | undefined =
        own ??
        (own === null ? undefined : field) ??
        (titleTime && d.sentence[0] >= titleEnd ? titleTime : undefined) ??
        // (not a time another activity of the sentence has as its own: "开展…评选，4月底召开表彰大会")
        (d.fromTitle && bodyTime && !merged.some((o) => o !== d && o.ownTime && o.cue === text.slice(bodyTime!.start, bodyTime!.end)) ? bodyTime : undefined) ??
        (job.pre || undecided ? undefined : (timeOfAncestor(job.index) ?? period));
      if (ctx) {
        // (a recurrence with no window of its own runs in the plan's period, whichever line it came from)
        const ctxWithin = ctx === bodyTime ? bodyWithin : ctx === field || ctx === own ? fieldWithin(times, ctx) : undefined;
        resolved(d, ctx, year, text, ctxWithin ?? (ctx.recurrence && (ctx === bodyTime || ctx === field || ctx === own) ? periodWithin(job.pre) : undefined));
        d.ownTime = false;
        d.periodTime = ctx === period;
        // ("2.举办非遗传承成果展。6月13日…开展，展期一周": how long it runs, in the body's first sentence)
        if (ctx === bodyTime && ctx.window && ctx.window[0] === ctx.window[1] && d.start && !d.start.includes('T') && !d.rdates) lastsFor(d, match, hitsIn(times, ...bodySentence), ctx.end, bodySentence[1]);
      }
    }
    // "每月第二个周六定为“文明实践日”，各实践所站集中开展志愿服务": a recurring day the plan names is an activity of its
    // own, named so (the service its sentence goes on to, "志愿服务", "集中服务", is what is done on it).
    for (const t of times) {
      if (!t.recurrence || t.start < from || t.end > to) continue;
      // ("每月第二个周六为全市“志愿服务日”": the scope before the name is part of it)
      // ("每个周六就是全县的“文明实践志愿服务日”": …and its 的 goes)
      const day = /^(?:定为|确定为|作为|为|就是|是)((?:全[市县区省镇]|本[市县区])?(?:的)?“[^“”]{2,12}日”)/.exec(match.slice(t.coreEnd ?? t.end, (t.coreEnd ?? t.end) + 20));
      if (!day) continue;
      const cue = text.slice(t.start, t.end);
      const nameAt = (t.coreEnd ?? t.end) + day[0].length - day[1].length;
      const name = text.slice(nameAt, nameAt + day[1].length).replace(/的(?=“)/, "");
      const [ss, se] = sentenceBounds(match, t.start, from, to);
      const done = merged.filter((d) => d.cue === cue && d.sents.includes(ss) && !d.quoted && d.key.length <= 6);
      // (several things done on it, "集中开展理论宣讲、志愿服务": the day is the activity, they are its programme)
      const on = done[0];
      if (on && done.length > 1) {
        retitle(on, name);
        on.kind = SERVICE_DAY.test(name) ? 'volunteer' : 'other';
        for (const x of done.slice(1)) mergeInto(on, x, false);
        merged = merged.filter((d) => !done.slice(1).includes(d));
        on.quoted = true;
      } else if (on) {
        retitle(on, `${name}${on.title}`);
        on.quoted = true;
      } else if (!merged.some((d) => d.title.includes(name))) {
        const d = headingDraft(name, SERVICE_DAY.test(name) ? 'volunteer' : 'other', job.id, [ss, se], text.slice(ss, se), { noun: '', quoted: true, sents: [ss], sentence: [ss, se] });
        // (from when the sentence says it starts, and on: "从4月份起，每月5日定为…")
        const start = times.filter((x) => x.window && !x.recurrence && x.start >= ss && x.end <= t.start).at(-1);
        const fromThen = start && startsThere(match, start.end) ? start : undefined;
        resolved(d, t, year, text, fromThen ?? periodWithin(job.pre), !fromThen);
        d.fromTitle = false;
        d.ownTime = true;
        merged.push(d);
        merged.sort((x, y) => x.sentence[0] - y.sentence[0]);
      }
    }
    // Rounds of the section's one contest, two or more with times of their own ("比赛4月中旬初赛，5月上旬复赛，5月下旬决赛"):
    // one draft per round, named after the contest. Drafts dated by a round's time (the contest itself, 决赛's
    // words read as another activity) are those rounds.
    if (!job.pre) {
      const rounds = roundsIn(match, times, from, to).filter((r) => !isDeadline(match, r.t));
      const inSection = merged.filter((d) => d.kind === 'contest' && !d.bare && !ROUND_END.test(d.key));
      // (in a notice for a contest or a call, "三、活动安排 … 6月上旬进行初评": the rounds of the plan's own)
      const own = inSection.length === 0 && planName ? preambleDraft((d) => d.kind === 'contest', compactKey(planName)) : undefined;
      const contests = own ? [own] : inSection;
      // (one round with a time of its own beside a contest that has its own, "3月至8月开展…征集，10月组织专家评审": the
      // call and its review, two events)
      const single = rounds.length === 1 && contests.length === 1 && !own && !!contests[0].cue && !!contests[0].start && contests[0].cue !== text.slice(rounds[0].t.start, rounds[0].t.end) && !/[、和及]$/.test(match.slice(rounds[0].t.start - 1, rounds[0].t.start));
      if ((rounds.length >= 2 || single) && contests.length === 1) {
        const c = contests[0];
        const cues = new Set(rounds.map((r) => text.slice(r.t.start, r.t.end)));
        // (the contest the rounds' own sentence names, when it is not the draft: "全年组织开展“…”劳动竞赛…。第十届全市职工
        // 职业技能大赛要扩容提质，二季度…组织选拔赛，9月份集中举行决赛")
        const [rs] = sentenceBounds(match, rounds[0].t.start, from, to);
        const core = compactKey(matchingTitle(c.title)).replace(/活动$/, '').slice(0, 6);
        const named = compactKey(match.slice(rs, rounds[0].t.start)).includes(core) ? undefined : nounsIn(match, rs, rounds[0].t.start).filter((n) => n.kind === 'contest' && /^(?:[,，。;；、]|要|将|于|在|由|分|今年|的)/.test(match.slice(n.end, n.end + 2))).at(-1);
        const ps = named ? phraseStart(match, named.start, rs, rs) : -1;
        // (the section's contest stays when the rounds are another's)
        const other = !!named && named.end - ps >= 4;
        const name = other ? text.slice(ps, named!.end) : c.title.replace(/活动$/, '');
        const made = rounds.map((r): Draft => {
          const title = `${name}${r.round}`;
          const [ss, se] = sentenceBounds(match, r.t.start, from, to);
          const d: Draft = {
            ...c, key: compactKey(title), title, kind: r.round === '报名' ? 'contest' : headingKind(r.round), sectionId: job.id, units: [...c.units], bare: false, fromTitle: false, named: true,
            sentence: [ss, se], sents: [ss], sources: [trimSource(text.slice(ss, se))], ownTime: true, festivalTime: false, themeTime: false, periodTime: false,
          };
          resolved(d, r.t, year, text);
          return d;
        });
        const roundSents = made.map((d) => d.sentence[0]);
        const consumed = (d: Draft) => (d === c && !single && !other) || (!!d.cue && cues.has(d.cue) && roundSents.some((at) => d.sents.includes(at)));
        const at = merged.indexOf(c);
        merged =
          at < 0
            ? [...merged.filter((d) => !consumed(d)), ...made].sort((x, y) => x.sentence[0] - y.sentence[0])
            : [...merged.slice(0, at).filter((d) => !consumed(d)), ...(single || other ? [c] : []), ...made, ...merged.slice(at + 1).filter((d) => !consumed(d))];
      }
    }
    // "举办全县青少年书法大赛…8月中旬举行颁奖仪式": a bare ceremony beside the section's one contest is that contest's.
    if (!job.pre) {
      const contests = merged.filter((d) => d.kind === 'contest' && !d.bare && !CEREMONY_END.test(d.key));
      if (contests.length === 1)
        for (const d of merged)
          if (d.bare && CEREMONY.test(d.key)) {
            retitle(d, `${contests[0].title}${d.title}`);
          }
    }
    // "第五届区道德模范评选今年要启动，…9月下旬召开表彰大会": a bare award meeting in the sentence of a selection is
    // that selection's.
    if (!job.pre)
      for (const d of merged) {
        if (!d.bare || !(CEREMONY_NOUNS.has(d.noun) || CEREMONY.test(d.key))) continue;
        const [ss] = d.sentence;
        const sel = /(?:^|[,，。;；:：\s])((?:第[一二三四五六七八九十\d]+届)?[^,，。;；:：\s“”]{2,14}?)(?:评选|评比)/.exec(match.slice(ss, d.sentence[1]));
        if (!sel || /^(?:开展|组织|举办|启动|做好|参加)/.test(sel[1])) continue;
        // (the selection's name sits right before its 评选/评比, which end the match)
        const nameEnd = ss + sel.index + sel[0].length - 2;
        retitle(d, `${text.slice(nameEnd - sel[1].length, nameEnd)}${d.title}`);
      }
    // "今年的“最美家庭”推选，各县要在7月20日前把候选名单报上来，7月下旬由市里组织评选": a bare selection in the
    // sentence of a named one is that selection, held when its own clause says.
    if (!job.pre)
      for (const d of [...merged]) {
        if (!d.bare || !/^(?:评选|推选|评比)$/.test(d.noun)) continue;
        const named = merged.find((n) => n !== d && !n.bare && n.kind === 'assessment' && n.sents.includes(d.sentence[0]) && /(?:评选|推选|评比)$/.test(n.key));
        if (!named) continue;
        if (d.start || d.rrule) Object.assign(named, { start: d.start, end: d.end, rrule: d.rrule, rdates: d.rdates, cue: d.cue, ownTime: d.ownTime });
        for (const k of ['start', 'end', 'rrule', 'rdates', 'cue'] as const) if (!named[k]) delete named[k];
        for (const x of d.sources) if (!named.sources.includes(x)) named.sources.push(x);
        merged = merged.filter((x) => x !== d);
      }
    // "（二）组建“红色文艺轻骑兵”。…开展慰问演出": a quoted name in the heading names the section's bare activity.
    if (!job.pre) {
      const q = /“[^“”]{2,16}”/.exec(match.slice(titleStart, titleEnd));
      // (A bare award meeting takes it even beside the named selection: “书香家庭”表彰大会.)
      const cer = q ? merged.find((d) => d.bare && CEREMONY_NOUNS.has(d.noun)) : undefined;
      if (q && cer) {
        retitle(cer, text.slice(titleStart + q.index, titleStart + q.index + q[0].length) + cer.title);
        cer.quoted = true;
      }
      if (q && !merged.some((d) => d.quoted)) {
        const bare = merged.find((d) => d.bare && !d.team);
        if (bare) {
          retitle(bare, text.slice(titleStart + q.index, titleStart + q.index + q[0].length) + bare.title);
          bare.quoted = true;
        }
      }
    }
    // A stage of the plan's contest or selection (四、活动安排 (二)推荐报名 / 时间：…; 二、评选程序 (一)推荐报名。10月…):
    // one draft named after the plan's activity, dated by its field line or first sentence.
    const sec = sections.find((x) => x.id === job.id);
    const parent = sec?.parentId ? sections.find((x) => x.id === sec.parentId) : undefined;
    // (a phase heading carries its dates: "第二阶段：初赛（5月下旬）")
    const stageTitle = match.slice(titleStart, titleEnd).replace(/[。.:：\s]+$/, '').replace(/\s*\([^()]{2,24}\)$/, '');
    // (not when the stage holds two activities with times of their own: "（三）成果展示。获奖短视频…展播；优秀书画作品…展出")
    const ownTimes = new Set(merged.filter((d) => d.ownTime && d.start).map((d) => d.start));
    if (planName && sec && !job.hasChildren && parent && ownTimes.size < 2 && STAGE_PARENT.test(matchingCopy(parent.title)) && STAGE.test(stageTitle) && stageTitle.length <= 10) {
      const stage = text.slice(titleStart, titleStart + stageTitle.length).replace(/阶段$/, '');
      const title = `${planName}${stage}`;
      // (a round holds its judging, not another activity held beside it: "决赛当天同步举办“…”成果展")
      const round = ROUND_END.test(stage);
      const own = merged.filter(
        (d) => (!(d.quoted && !d.title.includes(planName.replace(/^[^“]*/, '').slice(0, 4))) || d.fromTitle) && (!round || d.fromTitle || d.kind === 'contest' || d.kind === 'assessment'),
      );
      const stageKind: DraftKind = /仪式|典礼|颁奖|启动/.test(stage) ? 'other' : headingKind(stage);
      const d: Draft = own[0] ?? headingDraft('', stageKind, job.id, [titleStart, titleEnd], text.slice(titleStart, titleEnd), { quoted: true });
      for (const o of own.slice(1)) mergeInto(d, o, false);
      Object.assign(d, { title, key: compactKey(title), quoted: true, bare: false, fromTitle: true, named: true });
      if (!own.length || d.kind === 'other') d.kind = stageKind;
      if (!d.start && !d.rrule) {
        const t = field ?? bodyTime ?? titleTime;
        if (t) {
          resolved(d, t, year, text);
          d.ownTime = false;
        }
      }
      merged = [d, ...merged.filter((x) => !own.includes(x))];
    }
    // "第二阶段：集中宣讲（4月1日至10月31日）": a phase's name is what the phase is for, not an event, when its body
    // holds the events (a stage of the plan's contest, named above, is one).
    if (!job.pre && sec && /阶段[:：]?$/.test(sec.label) && /^[\u4e00-\u9fff]{2,8}\s*[（(][^）)]*\d[^）)]*[）)]$/.test(sec.title) && merged.some((d) => !d.fromTitle))
      merged = merged.filter((d) => !d.fromTitle || d.named);
    // A bare ceremony (启动仪式, 颁奖典礼) of the plan's activity carries its name: “学雷锋”志愿服务月启动仪式.
    // (活动月启动仪式, 宣传周启动仪式: the campaign's own word before the ceremony is kept once;
    // a plan whose title names nothing takes the quoted campaign its preamble opens: 决定于9月开展“…”活动月.)
    // (a quoted name in the preamble beats a title's unquoted one: “文明旅游我先行”宣传月 over 文明旅游宣传)
    const ceremonyName = preambleName && !planName.includes('“') ? preambleName : planName;
    if (ceremonyName) for (const d of merged) {
      const cm = CEREMONY_OF.exec(d.key);
      if (!cm || !CEREMONY.test(cm[2])) continue;
      // (the section's own campaign of that word names it first: "（一）开展“学雷锋·文明实践”志愿服务月活动 … 举行志愿服务月启动仪式")
      const own = cm[1] && cm[1] !== '活动' ? merged.find((o) => o !== d && o.quoted && o.key.replace(/活动$/, '').endsWith(cm[1])) : undefined;
      if (own) {
        retitle(d, `${own.title.replace(/活动$/, '')}${cm[2]}`);
        d.quoted = true;
        continue;
      }
      const word = cm[1] && !compactKey(ceremonyName).endsWith(cm[1]) ? cm[1] : '';
      retitle(d, `${ceremonyName}${word}${cm[2]}`);
      d.quoted = true;
    }
    // A month table's row (1月 | 学习中央经济工作会议精神 | 集中学习): a bare form in its own cell is named by the topic cell before it.
    for (const d of merged) {
      if (!d.bare || d.quoted || d.team) continue;
      const [a, b] = d.sentence;
      if (match[a - 1] !== '\n' || (b < to && match[b] !== '\n') || compactKey(match.slice(a, b)) !== d.key) continue;
      const ps0 = match.lastIndexOf('\n', a - 2) + 1;
      const prevCell = match.slice(ps0, a - 1).trim();
      if (prevCell.length < 4 || prevCell.length > 30 || /[,，。;；:：]/.test(prevCell) || findTimes(match, ps0, a - 1, year).length) continue;
      if (merged.some((o) => o !== d && o.sentence[0] === ps0)) continue;
      retitle(d, text.slice(ps0, a - 1).trim());
    }
    // Bare nouns that nothing named: dropped.
    // (A bare noun with a time of its own, "每周五下午集中学习", is still a schedule.)
    merged = merged.filter(
      (d) => !(d.bare && !d.quoted && !d.team && (!d.ownTime || d.themeTime) && (BARE_NOUNS.has(matchingCopy(d.key)) || d.key.length <= 2)),
    );
    // "一、主题阅读活动⏎⏎⏎⏎": a table's group row names a part of the table (its rows are the activities).
    {
      // (the display copy: the matching copy has no tabs)
      const eol = match.indexOf('\n', titleStart);
      if (/\t[ \t]*$/.test(text.slice(titleStart, eol < 0 ? to : eol))) merged = merged.filter((d) => !(d.fromTitle && d.sents.length <= 1));
    }
    // "四、工作要求 （二）注重宣传报道。充分利用…及时报道", "（二）强化队伍建设。加强业务干部学习培训": under the plan's
    // requirements, what has no time of its own and no name is a requirement, not an activity.
    if (REQUIREMENTS.test(matchingCopy(sections.find((x) => x.id === parentOf(job.id))?.title ?? ''))) merged = merged.filter((d) => d.ownTime || d.quoted);
    // A team only formed (组建“百姓名嘴”宣讲分队), with no event or time of its own, is not a draft.
    // (so is a heading that only names a team, "（一）县委宣讲团。由…组成，负责…")
    merged = merged.filter((d) => !(d.team && (d.formed || (d.fromTitle && compactKey(match.slice(titleStart, titleEnd)).replace(/^[^\u4e00-\u9fff“]+/, '').replace(/[。.]$/, '') === d.key)) && !d.start && !d.rrule));
    // A numbered item whose heading opens with an event verb and whose text gives its time, but names no activity
    // noun we know ("3.开展“书香润万家”亲子共读。4月，…", "2.举办非遗技艺擂台。10月中旬…"): the heading names it.
    if (!job.pre && !job.hasChildren && merged.length === 0) {
      const fallback = headingActivity(text, match, job.span, job.id, titleTime ?? bodyTime ?? field ?? headers[0], year);
      if (fallback) merged.push(fallback);
    }
    // A lecture series told lecture by lecture ("4月11日，大讲堂开讲第一讲。…主讲《…》", "第二讲《…》定于4月25日上午举行"):
    // in a section that names its 第一讲, each book-titled topic with a time in its sentence (or the next one) is
    // the series' next lecture, named “series”第N讲：topic.
    if (!job.pre && seriesName && /第(?:一|1)讲/.test(match.slice(from, to))) {
      const topics = [...match.slice(from, to).matchAll(/《([^《》]{4,40})》/g)];
      if (topics.length >= 3) {
        let n = 0;
        const made: Draft[] = [];
        for (const m of topics) {
          const at = from + m.index;
          const [ss, se] = sentenceBounds(match, at, from, to);
          // (the most precise time of the sentence: "5月的第三讲…时间为5月9日（星期六）上午" is the 9th)
          const narrowest = (a: number, b: number) =>
            hitsIn(times, a, b)
              .filter((x) => x.window && !x.recurrence)
              .sort((x, y) => diffDays(x.window![0], x.window![1]) - diffDays(y.window![0], y.window![1]))[0];
          let t = narrowest(ss, se);
          let ne = se + 1;
          while (ne < to && !SENTENCE_BREAK.test(match[ne])) ne++;
          if (!t && !/《/.test(match.slice(se + 1, ne))) t = narrowest(se + 1, ne);
          // ("4月11日，大讲堂开讲第一讲。…主讲《…》": or the sentence before, when it names no topic of its own)
          const ps0 = Math.max(from, sentenceBounds(match, Math.max(from, ss - 2), from, to)[0]);
          if (!t && ps0 < ss && !/《/.test(match.slice(ps0, ss))) t = narrowest(ps0, ss);
          n++;
          const title = `${seriesName}第${CN_NUMBERS[n] ?? n}讲：${text.slice(at + 1, at + 1 + m[1].length)}`;
          const d = headingDraft(title, 'lecture', job.id, [ss, se], text.slice(ss, se), { fromTitle: false, named: true, noun: '讲座' });
          if (t) {
            resolved(d, t, year, text);
            d.ownTime = true;
          }
          made.push(d);
        }
        const sents = new Set(made.map((d) => d.sentence[0]));
        merged = [...merged.filter((o) => !(o.kind === 'lecture' && o.sents.some((x) => sents.has(x)))), ...made].sort((x, y) => x.sentence[0] - y.sentence[0]);
      }
    }
    // A plan of one kind of day with a theme each ("2026年主题党日活动计划": "1月，以“…”为主题，组织党员集中学习…",
    // "3月的主题是“…”", "围绕“…”开展4月主题党日"): each dated theme is that day, named by its theme; what the
    // sentence says it does is its programme.
    if (!job.pre && dayOfPlan) {
      for (const m of match.slice(from, to).matchAll(THEME)) {
        const at = from + m.index;
        const [ss, se] = sentenceBounds(match, at, from, to);
        const t = hitsIn(times, ss, se).find((x) => x.window && !x.recurrence);
        const theme = m[1] ?? m[2] ?? m[3];
        if (!t || !theme) continue;
        const q = at + m[0].indexOf(theme) - 1;
        const title = `${text.slice(q, q + theme.length + 2)}${dayOfPlan}`;
        if (merged.some((d) => d.key === compactKey(title))) continue;
        const d = headingDraft(title, 'other', job.id, [ss, se], text.slice(ss, se), { fromTitle: false, named: true });
        resolved(d, t, year, text);
        d.ownTime = true;
        d.noun = dayOfPlan;
        merged.push(d);
      }
      // (what a day's sentence says it does is its programme: the unnamed drafts of that sentence)
      const days = new Set(merged.filter((d) => d.noun === dayOfPlan && d.quoted).map((d) => d.sentence[0]));
      merged = merged.filter((o) => o.quoted || !o.sents.some((x) => days.has(x)));
      merged.sort((x, y) => x.sentence[0] - y.sentence[0]);
    }
    all.push(merged);
  }
  // A plan named after its activity ("2025年“欢乐祥和过大年”春节文化活动方案") with a 时间安排 section:
  // the activity itself, at that section, for the plan's period (unless the text already drafted it).
  const umbrella = /“[^“”]{2,20}”[^“”]{0,12}?活动(?=(?:的)?(?:实施|工作)?方案|安排|$)/.exec(matchingCopy(planTitle));
  if (period && umbrella && periodSection >= 0) {
    const name = planTitle.slice(umbrella.index, umbrella.index + umbrella[0].length);
    const core = compactKey(name).replace(/活动$/, '');
    // (a ceremony named after it, “…”活动月启动仪式, is not the activity itself)
    // (the preamble's mention of it under a shorter name, "开展“清凉一夏·文化惠民”系列活动", is the same activity)
    const quoted = /“[^“”]+”/.exec(name)?.[0];
    const mention = quoted ? preambleDraft((d) => d.kind === 'campaign' && !d.rrule, compactKey(quoted)) : undefined;
    if (mention && !all.some((l) => l.some((d) => compactKey(d.title).includes(core)))) {
      retitle(mention, name);
      mention.sectionId = sections[periodSection].id;
      resolved(mention, period, year, text);
      mention.ownTime = false;
      mention.periodTime = true;
    } else if (!all.some((l) => l.some((d) => compactKey(d.title).includes(core) && !CEREMONY_END.test(d.key)))) {
      const at: [number, number] = [spans[periodSection].titleStart, spans[periodSection].titleEnd];
      const d = headingDraft(name, refineKind('campaign', '活动', umbrella[0]), sections[periodSection].id, at, planTitle, { noun: '活动', quoted: true, sents: [] });
      resolved(d, period, year, text);
      d.ownTime = false;
      const list = all[units0.length + periodSection];
      if (list) list.unshift(d);
    }
  }
  // The plan's own activity named in the preamble belongs to its period section, and runs for the period.
  if (period && (umbrella || planName) && periodSection >= 0) {
    const core = umbrella ? compactKey(planTitle.slice(umbrella.index, umbrella.index + umbrella[0].length)).replace(/活动$/, '') : compactKey(planName);
    // (One the preamble dates itself, "决定于2024年3月开展…", stays there.)
    const pre = preambleDraft(undated, core);
    if (pre) {
      pre.sectionId = sections[periodSection].id;
      resolved(pre, period, year, text);
      pre.ownTime = false;
      pre.periodTime = true;
    }
  }
  // A notice for a call or a contest ("关于开展“…”摄影作品征集活动的通知") gives the call's own time on a field line
  // ("四、活动安排 / 征集时间：3月1日至6月30日"): the plan's activity runs then, at that section.
  if (!period && planName && units0.length) {
    const own = preambleDraft(undated, compactKey(planName));
    for (let i = 0; own && i < sections.length; i++) {
      if (sections[i + 1]?.parentId === sections[i].id) continue;
      const { titleStart: a, end: b } = spans[i];
      if (match.slice(a, b).search(OWN_FIELD) < 0) continue;
      const t = fieldTime(match, findTimes(match, a, b, year), a, b, OWN_FIELD);
      if (!t) continue;
      own.sectionId = sections[i].id;
      resolved(own, t, year, text);
      own.ownTime = false;
      break;
    }
  }
  // No 活动时间 section, but the preamble dates the plan's own activity ("决定于5月在全县开展第五个“民法典宣传月”活动"):
  // that is the period of the items that give no time of their own.
  // (A title that names nothing: the quoted campaign the preamble opens, "决定于9月开展“…”宣传月活动".)
  if (!period && (umbrella || planName || preambleName) && units0.length) {
    const core = umbrella
      ? compactKey(planTitle.slice(umbrella.index, umbrella.index + umbrella[0].length)).replace(/活动$/, '')
      : compactKey(planName || preambleName.replace(/^“([^“”]+)”.*$/, '$1'));
    const core2 = preambleName ? compactKey(preambleName.replace(/^“([^“”]+)”.*$/, '$1')) : core;
    const own = preambleDraft((d) => !!d.start && !!d.end && !d.rrule, core, core2);
    if (own)
      for (const list of all.slice(1))
        for (const d of list)
          if (!d.start && !d.rrule) Object.assign(d, { start: own.start, end: own.end, ...(own.rdates ? { rdates: own.rdates } : {}), cue: own.cue, ownTime: false, periodTime: true, festivalTime: own.festivalTime });
  }
  // A field-list item (三、活动时间及地点 1.“健康同行”义诊服务 / 时间：…) repeating an earlier heading
  // (二、活动内容 (一)“健康同行”义诊服务) is the activity of that first heading.
  {
    const firstLeaf = new Map<string, string>();
    sections.forEach((sec, i) => {
      if (sections[i + 1]?.parentId === sec.id) return;
      const k = compactKey(matchingTitle(sec.title)).replace(/[。.]$/, '');
      if (k.length >= 4 && !firstLeaf.has(k)) firstLeaf.set(k, sec.id);
    });
    for (const list of all)
      for (const d of list) {
        if (!d.fieldItem) continue;
        const first = firstLeaf.get(d.key);
        if (first && first !== d.sectionId && !all.some((l) => l.some((x) => x.sectionId === first && x !== d))) d.sectionId = first;
      }
  }
  // A call's phases named only by their field label ("作品评选：2026年7月…") carry the call's name:
  // “光影清河”摄影作品征集 → “光影清河”摄影作品评选.
  const callName = /(?:作品)?(?:征集|征文|比赛|大赛)(?:活动)?$/.exec(planName);
  if (callName && planName.length - callName[0].length >= 2) {
    const core = planName.slice(0, planName.length - callName[0].length);
    for (const list of all)
      for (const d of list) {
        if (!/^(?:作品)?(?:评选|评审|初评|复评|终评|展览|展示)$/.test(matchingCopy(d.title))) continue;
        retitle(d, `${core}${/^作品/.test(d.title) ? '' : '作品'}${d.title}`);
        d.quoted ||= /[“《]/.test(core);
      }
  }
  // The same activity listed again under a later 活动时间及地点 / 活动流程 heading: one draft, at its first mention.
  const firstByKey = new Map<string, Draft>();
  const firsts: Draft[] = []; // firstByKey's values in insertion order, without copying them per draft
  const kept = new Set<Draft>(); // later mentions with a time of their own: activities of their own
  const out: DraftActivity[] = [];
  for (const list of all)
    for (const d of list) {
      // (a shorter mention joins a quoted name only from another part of the plan: two items side by side
      // under one heading, “快乐寒假”读书分享会 and 世界读书日读书分享会, are two activities)
      const prev =
        firstByKey.get(d.key) ?? firsts.find((p) => p.quoted && d.key.length >= 4 && p.key.includes(d.key) && parentOf(p.sectionId) !== parentOf(d.sectionId));
      // (not two mentions each with a different time of its own: 送文化下乡演出 in May under one item and in September
      // under another are two outings)
      const twoTimes = !!prev && prev.ownTime && d.ownTime && !!prev.start && !!d.start && prev.start !== d.start;
      if (prev && !twoTimes && prev.sectionId !== d.sectionId && d.sectionId !== '' && (prev.sectionId !== '' || (!d.quoted && !d.fromTitle))) {
        mergeInto(prev, d, false);
        continue;
      }
      if (twoTimes) kept.add(d);
      if (!firstByKey.has(d.key)) {
        firstByKey.set(d.key, d);
        firsts.push(d);
      }
    }
  // What a later paragraph says, after an enumeration that ended with its own paragraph, is the parent's.
  const paragraphEnds = new Map(sections.flatMap((sec, i) => (spans[i].paragraphEnd !== undefined ? [[sec.id, spans[i].paragraphEnd!] as const] : [])));
  for (const list of all)
    for (const d of list) {
      const pe = paragraphEnds.get(d.sectionId);
      if (pe !== undefined && d.sentence[0] >= pe) d.sectionId = parentOf(d.sectionId);
    }
  for (const list of all)
    for (const d of list) {
      if (firstByKey.get(d.key) !== d && firsts.some((p) => p !== d && p.sources.includes(d.sources[0]) && p.key !== d.key && p.key.includes(d.key))) continue;
      if (firstByKey.get(d.key) !== d && !kept.has(d)) continue;
      out.push(finish(d));
    }
  return out;
}

/** `s2.1.3` → `s2.1`; top-level sections and the preamble → `""`. */
/** A part of a plan that sets requirements, not activities: 工作要求, 保障措施, 组织保障. */
const REQUIREMENTS = /^(?:工作要求|有关要求|相关要求|活动要求|保障措施|工作保障|组织保障|工作措施|保障机制)$/;

const parentOf = (sectionId: string) => sectionId.slice(0, Math.max(0, sectionId.lastIndexOf('.')));

/** Headings of a plan's parts that are not activities, even with field lines under them (主办单位：…). */
const NOT_AN_ITEM = /^(?:组织机构|组织单位|活动单位|参与单位|参赛单位|组织领导|领导小组|参赛对象|参加对象|参与对象|活动对象|评选对象|评选条件|评选标准|推荐条件|作品要求|参赛要求|奖项设置|表彰奖励|奖励办法|联系方式|工作要求|活动主题|活动目的|活动意义|指导思想|总体要求|活动时间|活动地点|(?:培训|展览|演出|比赛|开放)(?:时间|地点)|主办单位|承办单位|参赛办法|报送要求)/;
/** A heading over the stages of a contest or a selection. */
const STAGE_PARENT = /安排|程序|步骤|阶段|流程|环节|进度|赛程|方法|评审|评选/;
/** A stage heading: 推荐报名, 网络投票, 评审确定, 成果展示, 启动仪式, 决赛阶段. */
const STAGE = /^(?:[\u4e00-\u9fff]{0,4}(?:报名|推荐|征集|投票|评审|评议|初评|复评|终评|初审|复审|终审|初赛|复赛|决赛|展示|展播|展映|颁奖|启动仪式|启动|总结表彰)(?:确定|阶段|环节)?)$/;

/**
 * The activity a plan is named after, for naming its stages and ceremonies: "2023年度“感动凤城”人物评选表彰活动方案" →
 * “感动凤城”人物; "关于举办2025年“最美家乡”短视频大赛的活动方案" → “最美家乡”短视频大赛. Only names with a quoted part.
 */
/** 活动月启动仪式 → [活动月, 启动仪式]: a ceremony after its campaign's kind word. */
const CEREMONY_END = /(?:启动仪式|颁奖典礼|颁奖仪式|开幕式|闭幕式|颁奖晚会|启动会)$/;
const CEREMONY_OF = /^((?:活动|宣传|服务|阅读|读书|文化|志愿服务)?(?:月|周|季)|活动|大赛|比赛|竞赛)?(.+)$/;

/** The quoted campaign a preamble opens ("决定于9月开展“文化惠民进万家”活动月"), as written; '' if none. */
function campaignOfPreamble(display: string, copy: string): string {
  const m = /(?:开展|举办|组织开展)“([^“”]{2,16})”([\u4e00-\u9fff]{0,6}?(?:宣传月|活动月|宣传周|活动周|服务月|月|周))?/.exec(copy);
  if (!m) return '';
  return display.slice(m.index + m[0].indexOf('“'), m.index + m[0].length);
}

function activityOfTitle(display: string): string {
  // Rules run on the matching copy (Traditional titles, odd quotes); the name is sliced from the display title.
  const title = matchingCopy(display.trim());
  display = display.trim();
  let a = 0;
  let b = title.length;
  // (an issuer and a year before the name: "XX县2024年…", "县委宣传部关于开展…")
  const lead = /^(?:[^“”]{0,16}?关于)?(?:举办|开展|组织|举行)?(?:[^“”]{0,16}?(?:(?:19|20)(?:\d{2}|[xX×]{1,2}|_{1,2})|二[〇零][一二三四五六七八九〇零xX×]{2})\s?年(?:度)?)?(?:开展|举办)?/.exec(title);
  if (lead) a = lead[0].length;
  // (the place after the year, before the quoted name: "2026年临江市“青创临江”青年创新创业大赛")
  const place = /^[\u4e00-\u9fff]{2,8}?(?:省|市|县|区|镇|乡|街道)(?=“)/.exec(title.slice(a));
  if (place) a += place[0].length;
  const tail1 = /(?:的)?(?:活动)?(?:实施|工作)?(?:方案|通知|安排|计划)$/.exec(title.slice(a, b));
  if (tail1) b -= tail1[0].length;
  const tail2 = /(?:评选表彰|评选|表彰)?(?:系列)?(?:活动)?$/.exec(title.slice(a, b));
  if (tail2) b -= tail2[0].length;
  const t = title.slice(a, b);
  if (/^“[^“”"]{2,16}”[\u4e00-\u9fff]{0,12}$/.test(t)) return display.slice(a, b);
  // An anniversary's plan ("云溪县纪念中国人民抗日战争胜利81周年活动方案"): the commemoration is its activity.
  const anniv = /纪念[^“”,，]{2,30}?(?:\d+|[一二三四五六七八九十百]+)周年/.exec(title);
  if (anniv && /活动(?:的)?(?:实施|工作)?(?:方案|通知|安排)$/.test(title)) return display.slice(anniv.index, anniv.index + anniv[0].length);
  // Unquoted: only a title that says it is an activity's plan ("2025年全民禁毒宣传月活动方案").
  // (or its notice: "县文明办关于开展2025年文明交通宣传月活动的通知")
  if (/活动(?:的)?(?:实施|工作)?(?:方案|通知|安排)$/.test(title) && /^[\u4e00-\u9fff]{4,14}$/.test(t) && !/工作|要点|计划/.test(t)) return display.slice(a, b);
  return '';
}

/** Sections of a notice that state its rules and terms. */
const RULES_SECTION = /^(?:奖项设置|奖励办法|奖项及奖励|(?:征文|作品|参赛|投稿|报送|评选)(?:要求|标准|条件|规则)|投稿方式|报送方式|参赛方式|其他事项|其他|联系方式|注意事项|版权声明)$/;

/** Headings of a look back: 2025年工作总结, 工作回顾, 主要成效, 存在的不足 (not 总结阶段 or 做好年度总结: those are plans). */
const PAST_SECTION =
  /^(?:(?:(?:19|20)\d{2}年(?:度)?|上年度?|去年|过去一年|一年来)(?:主要)?(?:工作)?(?:总结|回顾|成效|开展情况)|(?:主要)?工作(?:总结|回顾|成效)|主要成效|取得的成[效绩]|存在的(?:主要)?(?:不足|问题)(?:和不足)?|主要问题|存在问题)$/;


/** What a heading says when it is a duty rather than an event: 开展理论武装工作, 组织保障, 开展文明创建. */
const DUTY_WORDS = /工作|制度|机制|建设|管理|保障|氛围|力度|水平|体系|阵地|队伍|责任|领导|要求|引导|宣传教育|创建|整治/;

/**
 * The activity a heading names by its verb alone ("开展“书香润万家”亲子共读", "举办非遗技艺擂台") when the section's
 * text gives it a time (`t`) but has no activity noun: a draft titled by what follows the verb, or undefined.
 */
function headingActivity(text: string, match: string, span: SectionSpan, sectionId: string, t: TimeHit | undefined, year: number): Draft | undefined {
  if (!t) return undefined;
  const head = match.slice(span.titleStart, span.titleEnd).replace(/[。.;；:：\s]+$/, '');
  const v = /^(?:[一二三四五六七八九十]+是)?(?:组织开展|举办|举行|开展|组织|召开|开办|推出)/.exec(head);
  if (!v) return undefined;
  let a = span.titleStart + v[0].length;
  let b = span.titleStart + head.length;
  // (a time written in the heading is the draft's time, not part of its name: 开展9月“书香润万家”亲子共读)
  if (t.start === a) a = t.end;
  if (t.end === b) b = t.start;
  const object = match.slice(a, b);
  if (object.length < 3 || object.length > 20 || /[,，;；、]/.test(object) || NOT_AN_ITEM.test(object) || DUTY_WORDS.test(object)) return undefined;
  const title = text.slice(a, b);
  const d = headingDraft(title, headingKind(object), sectionId, [span.titleStart, span.titleEnd], text.slice(span.titleStart, span.end));
  resolved(d, t, year, text);
  return d;
}

/** The kind of a field-list item whose heading has no activity noun: 成果展示 → exhibition, 网络投票 → assessment. */
function headingKind(t: string): DraftKind {
  if (/讲堂|课堂|讲坛|讲座|宣讲/.test(t)) return 'lecture';
  if (/展示|展播|展映|展出/.test(t)) return 'exhibition';
  if (/投票|评审|评议|推荐|报名|初评|复评|终评|初审|复审|终审|评选/.test(t)) return 'assessment';
  if (/初赛|复赛|决赛|半决赛|总决赛|选拔赛|预赛|海选/.test(t)) return 'contest';
  if (/志愿|义诊|义剪|便民|劝导|慰问/.test(t)) return 'volunteer';
  return 'other';
}

/** Days a time's window covers. */
const span = (t: TimeHit) => (t.window ? diffDays(t.window[0], t.window[1]) + 1 : Infinity);

function within(d: Draft, header: TimeHit, year: number): boolean {
  if (!d.start || !header.window) return true;
  // (under a festival's heading, "二、中秋节": the sentence's 中秋节前夕 / 前后 is that festival's run-up, not another time)
  if (header.festival && d.festivalTime && d.cue && header.cue && d.cue.includes(header.cue)) return true;
  const day = d.start.slice(0, 10);
  void year;
  return day >= header.window[0] && day <= header.window[1];
}

/** Confidence (0–1): how sure the parser is of the title, the date and the section. */
function finish(d: Draft): DraftActivity {
  let c = 0.45;
  if (d.quoted) c += 0.2;
  else if (!d.bare && d.key.length >= 5) c += 0.1;
  if (d.fromTitle) c += 0.1;
  if (d.start || d.rrule) c += d.ownTime ? 0.2 : 0.12;
  if (d.festivalTime) c -= 0.05;
  if (d.sectionId) c += 0.05;
  if (d.key.length > 18) c -= 0.1;
  const out: DraftActivity = { title: d.title, kind: d.noun === '活动' ? eventOrCampaign(d.kind, d.key, d) : d.kind, sectionId: d.sectionId, units: d.units };
  if (d.start) out.start = d.start;
  if (d.end) out.end = d.end;
  if (d.rrule) out.rrule = d.rrule;
  if (d.rdates) out.rdates = [...d.rdates];
  if (d.cue) out.cue = d.cue;
  out.confidence = Math.round(Math.max(0.05, Math.min(0.95, c)) * 100) / 100;
  out.source = d.sources;
  return out;
}
