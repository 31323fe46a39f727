/**
 * How long an activity that starts on one day runs, when its sentence says so after the start, and the small
 * Chinese counts those sentences and lecture series use.
 */
import { addDays } from '../time/dates';
import type { TimeHit } from './when';

const CN_DIGITS = '一二三四五六七八九';
/** 1 → 一 … 20 → 二十, for naming the n-th lecture of a series. */
export const CN_NUMBERS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
/** 10, 十, 十五, 二十: a small count written either way. */
export function smallCount(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const [a, b] = s.split('十');
  if (b === undefined) return CN_DIGITS.indexOf(a) + 1;
  return (a ? CN_DIGITS.indexOf(a) + 1 : 1) * 10 + (b ? CN_DIGITS.indexOf(b) + 1 : 0);
}

/**
 * "…成果展将在馆一楼展厅开幕，展期10天", "4月23日…启动“书香鹤溪”全民阅读季，持续至6月底": how long an activity that
 * starts on one day runs, written after it in its sentence. Sets `time.end` (exclusive).
 */
export function lastsFor(time: { start?: string; end?: string }, match: string, sentenceTimes: TimeHit[], from: number, to: number): void {
  const rest = match.slice(from, to);
  const days = /(?:展期|为期|持续)(?:为)?([1-9]\d{0,2}|[一两二三四五六七八九十]{1,3})(天|周)/.exec(rest);
  if (days) {
    time.end = addDays(time.start!.slice(0, 10), smallCount(days[1].replace('两', '二')) * (days[2] === '周' ? 7 : 1));
    return;
  }
  // ("…启动…阅读月活动，至5月23日结束": a clause that opens with 至 and ends with 结束 is the end too)
  const until = /(?:持续|延续|一直)(?:至|到)|(?<=^|[,，])(?:至|到)(?=[^,，。;；]{2,12}(?:结束|截止|止)(?:[,，。;；]|$))/.exec(rest);
  const t = until ? sentenceTimes.find((x) => x.start === from + until.index + until[0].length && x.window) : undefined;
  if (t && t.window![1] >= time.start!) time.end = addDays(t.window![1], 1);
}

