/**
 * A draft activity while the parser builds it: what each mention of an activity carries (its key for comparing,
 * its noun, where it came from, how it was dated) before the mentions of one activity become one draft
 * (merge-mentions.ts) and the draft becomes Contract 4's DraftActivity (activities.ts `finish`).
 */
import { matchingCopy } from './normalize';
import type { DraftActivity, DraftKind } from './types';

export interface Draft extends DraftActivity {
  key: string;
  noun: string;
  fromTitle: boolean;
  quoted: boolean;
  /** Time came from the activity's own sentence (not from a field line, month heading or the plan's period). */
  ownTime: boolean;
  festivalTime: boolean;
  /** The time is a theme's day (庆祝建党…): a month heading above overrides it. */
  themeTime: boolean;
  bare: boolean;
  team: boolean;
  /** Came from a heading that states a goal (深化…, 加强…): the body's activity names it. */
  goal: boolean;
  /** A team that is only formed (组建…宣讲团), with no event of its own. */
  formed: boolean;
  /** Named by an 活动名称： field line: that name is the title. */
  named?: boolean;
  awardOf: boolean;
  /** Dated only by the plan's period (a 活动时间 section): any time of the item's own beats it. */
  periodTime?: boolean;
  /** A field-list item named by its heading (活动时间：… lines under it). */
  fieldItem?: boolean;
  sentence: [number, number];
  /** Its phrase is the last item of a list (舞蹈、声乐、书法公益培训班 → 书法公益培训班). */
  ofList?: boolean;
  /** Named by a post's block line of its own ("▍…培训班"): two such blocks are two activities. */
  block?: boolean;
  /** Starts of every sentence that mentions it (merged mentions). */
  sents: number[];
  sources: string[];
}

/** A title without spaces and punctuation, in the matching copy's script (a Traditional 組織單位 is 组织单位), for comparing and testing. */
export function compactKey(s: string): string {
  return matchingCopy(s.replace(/[\s“”‘’"'()（）、,，.。:：;；「」『』]/g, ''));
}

/** A draft named anew: its matching key follows its title, and it is no longer a bare noun. */
export function retitle(d: Draft, title: string): void {
  d.title = title;
  d.key = compactKey(title);
  d.bare = false;
}

/** A title with its quote marks as the matching copy writes them (「」『』〝〞 and straight quotes → “”). */
export const matchingTitle = (t: string) => t.replace(/[〝「『]/g, '“').replace(/[〞」』]/g, '”').replace(/"([^"]*)"/g, '“$1”');

/** Nouns too generic to be a draft on their own (a bare 宣讲 or 评选 names nothing an organiser can schedule). */
export const BARE_NOUNS = new Set([
  '宣讲', '学习', '集中学习', '专题学习', '讲座', '论坛', '党课', '专题党课', '评选', '表彰', '评选表彰', '培训', '展演', '展览', '座谈', '研判', '考核', '督查',
  '专题研讨', '宣传报道', '活动', '行动', '环境整治', '专项整治', '集中整治', '志愿服务', '比赛', '竞赛', '大赛', '演出', '慰问演出', '读书班', '征集', '微视频', '短视频', '义诊', '便民服务',
]);

/** (On the matching copy: a Traditional 表彰大會 is the bare noun 表彰大会 too.) */
const BARE_MAX = Math.max(...[...BARE_NOUNS].map((n) => n.length));
export const isBareTitle = (display: string, noun: string) => {
  // (matchingCopy keeps the length: a title longer than any bare form is not one, and is not copied to find out)
  if (display.length > Math.max(BARE_MAX, noun.length + 2, 2)) return false;
  const key = matchingCopy(display);
  return BARE_NOUNS.has(key) || key === noun || key === `${noun}活动` || key.length <= 2;
};

/** A source sentence as the review shows it: one line, at most 160 characters. */
export const trimSource = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 160 ? `${t.slice(0, 159)}…` : t;
};

/**
 * A draft named by a heading, a field line or the plan's title rather than found at a noun: no time yet, not bare,
 * its source the text given (trimmed). `extra` sets what differs (a noun, quoted, named …).
 */
export function headingDraft(title: string, kind: DraftKind, sectionId: string, sentence: [number, number], source: string, extra: Partial<Draft> = {}): Draft {
  return {
    key: compactKey(title), title, kind, sectionId, units: [], noun: '', fromTitle: true, quoted: /[“《]/.test(title), ownTime: false,
    festivalTime: false, themeTime: false, bare: false, team: false, goal: false, formed: false, awardOf: false, sentence,
    sents: [sentence[0]], sources: [trimSource(source)], ...extra,
  };
}

/** Award meetings and ceremonies: events of their own beside the selection or contest they close. */
export const CEREMONY_NOUNS = new Set(['表彰大会', '颁奖大会', '颁奖典礼', '颁奖仪式', '启动仪式', '颁奖晚会']);
/** Ceremonies that take the name of the activity they open or close. */
export const CEREMONY = /^(?:启动仪式|颁奖典礼|颁奖仪式|开幕式|闭幕式|颁奖晚会|启动会)$/;
