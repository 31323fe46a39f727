/**
 * One draft per activity within a section: the mentions of one activity (a heading and its body, the bare noun
 * and the named activity, an award in a contest's sentence, the schedule sentence after it) are folded into one,
 * keeping the best name and the most precise time any of them gives.
 */
import { ROUND_NAMES, TAKES_OBJECT } from './kinds';
import { hitsFrom } from './sentence-bounds';
import type { TimeHit } from './when';
import { BARE_NOUNS, CEREMONY, CEREMONY_NOUNS, compactKey, matchingTitle, retitle, type Draft } from './draft';

/** A …活动 whose words are only a quoted name (“文化馆之夜”活动): the name of an activity described elsewhere. */
const generic活动Of = (x: Draft) => (x.noun === '活动' || x.noun === '行动') && /^“[^“”]+”(?:主题)?活动$/.test(matchingTitle(x.title));

/** Folds `b` into `a`: one activity, what each mention says. */
export function mergeInto(a: Draft, b: Draft, takeTitle: boolean): void {
  if (takeTitle) {
    a.title = b.title;
    a.key = b.key;
    a.kind = b.kind;
    a.quoted = b.quoted;
    a.bare = b.bare;
    a.noun = b.noun;
    a.named = b.named;
  }
  const better = (x: Draft) => (x.start || x.rrule ? (x.ownTime ? 2 : 1) : 0) + (x.rrule ? 0.5 : 0) - (x.festivalTime ? 0.25 : 0) - (x.periodTime ? 0.5 : 0);
  if (better(b) > better(a))
    Object.assign(a, { start: b.start, end: b.end, rrule: b.rrule, rdates: b.rdates, cue: b.cue, ownTime: b.ownTime, festivalTime: b.festivalTime, themeTime: b.themeTime, periodTime: b.periodTime });
  if (!a.start) delete a.start;
  if (!a.end) delete a.end;
  if (!a.rrule) delete a.rrule;
  if (!a.rdates) delete a.rdates;
  if (!a.cue) delete a.cue;
  for (const u of b.units) if (!a.units.includes(u)) a.units.push(u);
  for (const x of b.sources) if (!a.sources.includes(x)) a.sources.push(x);
  for (const x of b.sents) if (!a.sents.includes(x)) a.sents.push(x);
  a.fromTitle ||= b.fromTitle;
  if (takeTitle) a.goal = b.goal;
  else a.goal &&= b.goal;
  a.formed &&= b.formed;
}

/** The noun of a round named with its contest (kinds.ts nounsIn): 初赛, 决赛… */
const ROUND_NOUN = new RegExp(`^(?:${ROUND_NAMES})$`);

/** A selection whose quotes are the titles it awards: 评选“优秀宣讲员”和“优秀宣讲组织单位”. */
const AWARDED_TITLES = /^(?:评选表彰|评选|表彰)“[^“”]+”(?:[和、及与]“[^“”]+”)*$/;

/** A heading that states a goal (深化…, 加强…): the body's activity names it. */
export const GOAL_VERB = /^(?:推进|加强|深化|强化|提升|抓好|做好|办好|建好|管好|推动|完善|健全|丰富|注重|做强|深入|坚持|持续)/;
/** Title preference among mentions of one activity: a quoted name, then the mention with its own time, then the longer. */
function rank(d: Draft): number {
  return (d.named ? 40 : 0) + (d.bare ? 0 : 8) + (!d.quoted && (d.noun === '活动' || d.noun === '行动') && d.key.length <= 6 ? -4 : 0) + (GOAL_VERB.test(d.key) || d.goal ? -7 : 0) + (d.fromTitle ? 1 : 0) + (/^[^“”]{1,8}在/.test(d.title) ? -3 : 0) + (/^由/.test(d.title) ? -8 : 0) + (d.team ? -7 : 0) + (d.quoted ? 4 : 0) + (d.ownTime ? 2 : 0) + Math.min(d.key.length, 20) / 40;
}

/**
 * One draft per activity within a section: a heading and its body, the bare
 * noun and the named activity, an award 评选 inside a contest's sentence.
 */
export function mergeSection(input: Draft[], headers: TimeHit[] = []): Draft[] {
  // (the quoted name of a title, cached per title: the pairwise scan below asks for it n² times)
  const names = new Map<string, string | undefined>();
  const quotedNameOf = (x: Draft) => {
    if (!names.has(x.title)) names.set(x.title, /“([^“”]+)”/.exec(matchingTitle(x.title))?.[1]);
    return names.get(x.title);
  };
  // Items under different month headings (1月： … 2月： …) are different activities.
  const groups = new Map<Draft, number>();
  const group = (d: Draft) => {
    let g = groups.get(d);
    if (g === undefined) {
      g = hitsFrom(headers, d.sentence[0] + 1); // headers are sorted: how many start at or before the sentence
      groups.set(d, g);
    }
    return g;
  };
  // A team and the event it gives in the same sentence ("组建县委宣讲团，3月上旬…开展示范宣讲"): "县委宣讲团示范宣讲".
  // A short unquoted …活动 (送福字活动, 线上活动) is part of the section's activity; a descriptive one is its own.
  const generic活动 = (x: Draft) => !x.quoted && (x.noun === '活动' || x.noun === '行动') && x.key.length <= 6;
  const ds = [...input];
  for (let i = 0; i < ds.length; i++) {
    const t = ds[i];
    if (!t.team) continue;
    // (Or the team is the heading and the body gives its event: "（四）组建县委宣讲团。…4月上旬开展首轮示范宣讲".)
    const e = ds.find((x, j) => j > i && !x.team && x.kind === t.kind && (x.sents.some((q) => t.sents.includes(q)) || (t.fromTitle && !x.fromTitle && !x.quoted)));
    if (!e) continue;
    if (!e.title.includes(t.title)) e.title = `${t.title}${e.title}`;
    e.key = compactKey(e.title);
    e.quoted ||= t.quoted;
    e.bare = false;
    for (const u of t.units) if (!e.units.includes(u)) e.units.push(u);
    ds.splice(i--, 1);
  }
  const out: Draft[] = [];
  for (const d of ds) {
    let into: Draft | undefined;
    let byName = false;
    let awarded = false;
    for (const o of out) {
      if (headers.length && group(o) !== group(d)) continue;
      // "开展“书香家庭”评选，4月底召开表彰大会": the award meeting is an event of its own (but 表彰 inside a 颁奖典礼 is the ceremony).
      // (a heading 优秀作品展开幕式 over 举行…开幕式暨颁奖仪式 is one ceremony)
      if (CEREMONY_NOUNS.has(d.noun) && !CEREMONY_NOUNS.has(o.noun) && !CEREMONY.test(o.noun)) continue;
      // (a contest and one of its rounds named with it, "开展“微宣讲”比赛 … 举行全市“微宣讲”比赛决赛", are two events)
      if (ROUND_NOUN.test(d.noun) !== ROUND_NOUN.test(o.noun)) continue;
      // (two blocks of a post, "▍…公益艺术培训班" and "▍…骨干教练员培训班", are two activities)
      if (d.block && o.block && d.sentence[0] !== o.sentence[0]) continue;
      // (two named mentions of one noun, each in its own sentence with its own time, are two: 3月至6月…春季公益培训班；
      // 9月至11月…秋季公益培训班)
      // (…also when the first has been folded into its heading: "（一）书记讲党课。…“七一”前后…讲一次专题党课；各支部书记每季度…")
      // (not the year's programme and its schedule: "全年组织“理响清河”宣讲…，每月至少安排1场进社区宣讲")
      const absorbed = o.fromTitle && o.sents.some((x) => x !== o.sentence[0]) && !(d.rrule && /^(?:全年|年内)$/.test(o.cue ?? ''));
      if (d.ownTime && o.ownTime && !d.bare && !o.bare && d.key !== o.key && d.cue && o.cue && (d.cue !== o.cue || d.start !== o.start) && d.sentence[0] !== o.sentence[0] && !d.fromTitle && (!o.fromTitle || absorbed)) continue;
      // ("中心组每月一次集体学习，7月份举办专题读书班": two nouns, each with a time of its own in its own clause, are two)
      // (…also when the first has been folded into its heading: "1.抓好…中心组学习。…中心组每月…集中学习，4月举办…读书班")
      const oneSentence = d.fromTitle === o.fromTitle ? d.sentence[0] === o.sentence[0] : !d.fromTitle && o.sents.includes(d.sentence[0]);
      if (d.ownTime && o.ownTime && d.cue && o.cue && d.cue !== o.cue && d.noun !== o.noun && d.kind === o.kind && !d.team && !o.team && oneSentence && !d.awardOf) continue;
      const sameNoun = d.noun === o.noun && d.noun !== '活动' && d.noun !== '行动';
      // (the same quoted name is one activity: 开展“文化馆之夜”活动 … 举办“文化馆之夜”文艺展演)
      const sameName = !!quotedNameOf(d) && quotedNameOf(d) === quotedNameOf(o) && (generic活动Of(d) || generic活动Of(o));
      // (“年度阅读之星”评选 over 评选“年度阅读之星”50名: one name, one noun, one activity)
      const sameNamedNoun = !!quotedNameOf(d) && quotedNameOf(d) === quotedNameOf(o) && d.noun === o.noun && !!d.noun;
      const bothNamed = d.quoted && o.quoted && !d.key.includes(o.key) && !o.key.includes(d.key) && !sameName && !sameNamedNoun;
      const contains = d.key.includes(o.key) || o.key.includes(d.key);
      // (a heading and its body; two activities listed in one sentence, 举办书画展、摄影展, stay two)
      const listed = d.bare && o.bare && d.noun !== o.noun && !d.team && !o.team && !BARE_NOUNS.has(d.noun) && !BARE_NOUNS.has(o.noun) && d.sentence[0] === o.sentence[0];
      // (a ceremony heading over "…开幕式暨颁奖仪式" is one ceremony, though 颁奖仪式 is an award's kind)
      const ceremonies = (CEREMONY_NOUNS.has(d.noun) || CEREMONY.test(d.noun)) && (CEREMONY_NOUNS.has(o.noun) || CEREMONY.test(o.noun));
      const heading = (d.fromTitle || o.fromTitle) && !listed && (d.kind === o.kind || ceremonies);
      const generic = (d.bare || d.team || o.bare || o.team) && !listed && (d.kind === o.kind || d.team || o.team);
      const genericCampaign = generic活动(d) || (generic活动(o) && o.fromTitle);
      // "开展“非遗进校园”活动。组织传承人…开展剪纸技艺展示和体验课": a bare form with no time of its own in the body
      // of a heading that names the activity is part of that activity's programme.
      // (…and so is an unquoted display of skills, "开展剪纸、竹编技艺展示和体验课", under a quoted …活动 heading)
      const programme =
        (d.bare || (d.kind === 'exhibition' && !d.quoted && /展示$/.test(d.noun) && generic活动Of(o))) && !d.team && !d.ownTime && !d.fromTitle && o.fromTitle && o.quoted && !o.goal;
      if (d.awardOf && o.sents.includes(d.sentence[0]) && (o.kind === 'contest' || o.kind === 'other' || CEREMONY_NOUNS.has(o.noun))) into = o;
      // ("（二）…表彰大会。3月6日上午…召开，表彰“三八红旗手”…": what the heading's award meeting does, in its body)
      else if ((d.awardOf || /^表彰/.test(d.key)) && d.kind === 'assessment' && !d.fromTitle && o.fromTitle && CEREMONY_NOUNS.has(o.noun)) {
        into = o;
        awarded = true;
      }
      else if (d.bare && d.kind === 'assessment' && TAKES_OBJECT.has(d.noun) && o.kind !== 'assessment') into = o;
      else if (bothNamed) continue;
      else if (sameNoun || contains || heading || generic || genericCampaign || sameName || programme || (d.goal && !o.bare) || (o.goal && !d.bare)) {
        into = o;
        byName = sameName;
      }
      if (into) break;
    }
    if (!into) {
      out.push(d);
      continue;
    }
    // A bare 评选/表彰 with a time of its own is the activity's award stage: "“最美乡村”摄影大赛评选".
    if (d.bare && d.kind === 'assessment' && into.kind !== 'assessment' && d.ownTime && d.cue && d.cue !== into.cue && (into.start || into.rrule)) {
      retitle(d, `${into.title}${d.title}`);
      out.push(d);
      continue;
    }
    // A heading that names the body's activity more fully (举办禁毒专题讲座 … 作专题讲座) keeps its name.
    // (…or names all of it where the body names one item of a list: 开办春季公益培训班 … 开设舞蹈、声乐、书法公益培训班)
    // (…or where the body's quotes are only the titles it awards: 评选优秀宣讲员 … 评选一批“优秀宣讲员”和“…”)
    const headingNames = (h: Draft, b: Draft) =>
      h.fromTitle &&
      !b.fromTitle &&
      !h.goal &&
      h.key !== b.key &&
      ((!b.quoted && (h.key.includes(b.key) || (!!b.ofList && h.key.endsWith(b.noun) && h.key.length >= b.noun.length + 2 && !BARE_NOUNS.has(h.key)))) ||
        (b.quoted && h.noun === b.noun && TAKES_OBJECT.has(b.noun) && AWARDED_TITLES.test(matchingTitle(b.title)) && h.key.length > b.noun.length + 1));
    mergeInto(
      into,
      d,
      // (what an award meeting does, "召开表彰大会，隆重表彰一批…", keeps the meeting's name)
      (d.awardOf || awarded) && CEREMONY_NOUNS.has(into.noun) ? false : byName && generic活动Of(into) && !generic活动Of(d) ? true : byName && generic活动Of(d) && !generic活动Of(into) ? false : headingNames(into, d) ? false : headingNames(d, into) ? true : rank(d) > rank(into),
    );
  }
  // "二是办好节日活动。3月8日前后召开…表彰大会": a heading that states a goal in general words (节日活动), with no time,
  // over a body whose activities have theirs, names none of them.
  const vague = (d: Draft) => d.fromTitle && d.goal && !d.quoted && (d.noun === '活动' || d.noun === '行动') && !d.start && !d.rrule;
  if (out.some((d) => !vague(d) && !d.fromTitle && (d.start || d.rrule))) return out.filter((d) => !vague(d));
  return out;
}

