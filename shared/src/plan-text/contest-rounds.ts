/**
 * The rounds of a contest or a call written in one sentence ("4月中旬初赛，5月上旬复赛，5月下旬决赛",
 * "决赛定于6月30日下午…", "6月上旬…进行初评"): where each round's time is and which round it is.
 */
import { SENTENCE_BREAK } from './sentence-bounds';
import type { TimeHit } from './when';

/** The rounds of a contest: each its own event. */
const ROUND_WORDS = '半决赛|总决赛|决赛|初赛|复赛|预赛|海选|选拔赛|初评|复评|终评|初审|复审|终审|网络投票|评审(?!小组|委员会|组|专家|团|标准|办法)';
/** "决赛定于6月30日下午在…举行": a round named at the start of its clause, its time after it. */
const ROUND_BEFORE = new RegExp(`(?:^|[,，。;；\\n])[ \\t]*(${ROUND_WORDS})(?:定于|拟于|将于|于|安排在|时间为|时间定于)$`);
/** "时间：线上初赛5月11日—17日；现场决赛5月23日": a field line's rounds, each right before its time. */
const ROUND_IN_FIELD = new RegExp(`(?:[:：;；][ \\t]*)((?:线上|线下|现场|网络)?(?:${ROUND_WORDS}))$`);
const ROUND = new RegExp(`^[,，]?[ \\t]*(?:启动|开始|完成|举行|进行|开展|组织|举办)?([^,，。;；:：]{0,18}?)(${ROUND_WORDS}|报名)`);
/** "6月中旬，入围作品在…展示，并开展为期一周的网络投票": a round named later in the sentence its time opens. */
const ROUND_LATER = new RegExp(`(?:进行|开展|组织|举行)[^,，。;；]{0,8}?(${ROUND_WORDS})`);

/**
 * "4月中旬初赛，5月上旬复赛，5月下旬决赛", "4月启动报名，5月中旬完成初赛，6月下旬举行全市…决赛": a time followed
 * by a round of a contest (报名 only after a verb), in match[from, to).
 */
export function roundsIn(match: string, times: TimeHit[], from: number, to: number): { t: TimeHit; round: string; end: number }[] {
  const out: { t: TimeHit; round: string; end: number }[] = [];
  for (const t of times) {
    if (t.start < from || t.end > to || t.recurrence) continue;
    const lead = match.slice(Math.max(from, t.start - 10), t.start);
    const before = ROUND_BEFORE.exec(lead) ?? ROUND_IN_FIELD.exec(lead);
    if (before) {
      out.push({ t, round: before[1], end: t.end });
      continue;
    }
    const m = ROUND.exec(match.slice(t.end, Math.min(to, t.end + 24)));
    if (!m && (t.start === from || /[\n。;；,，]/.test(match[t.start - 1]))) {
      let e = t.end;
      while (e < to && !SENTENCE_BREAK.test(match[e])) e++;
      const later = ROUND_LATER.exec(match.slice(t.end, e));
      const at = later ? t.end + later.index : -1;
      if (later && !times.some((o) => o !== t && o.start > t.end && o.start < at)) out.push({ t, round: later[1], end: at + later[0].length });
      continue;
    }
    if (!m || (m[2] === '报名' && !/^[,，]?[ \t]*(?:启动|开始|组织)/.test(m[0]))) continue;
    // (the words between name the contest or end in the verb: "举行全市“微宣讲”比赛决赛", "在四个片区分别举行初赛";
    // not "组织评委开展初赛的评审", and not a list of times shared out, "4月、8月举办…初赛和决赛")
    if (/^、|\d+月/.test(m[1])) continue;
    if (m[1] && !/(?:比赛|大赛|竞赛|赛|举行|进行|开展|举办|组织)$/.test(m[1]) && m[1].length > 2) continue;
    out.push({ t, round: m[2], end: t.end + m[0].length });
  }
  return out;
}

