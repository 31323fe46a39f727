/**
 * Rules of the fourth issue-13 pass: an activity's several sessions and the clock of a day, one
 * small text each (the corpus totals only see the first day of a session list).
 */
import { describe, expect, it } from 'vitest';
import { findTimes } from '../../../shared/src/plan-text/when';
import { matchingCopy } from '../../../shared/src/plan-text';
import { one, planUnder } from './rule-helpers';

const P = planUnder('2025年宣传工作方案');
const times = (s: string) => {
  const m = matchingCopy(s);
  return findTimes(m, 0, m.length, 2025);
};

describe('sessions of one activity', () => {
  it('reads a list of days as sessions: the first is the date, the others rdates', () => {
    const p = P('一、活动内容\n（一）职工文艺巡回展演\n活动时间：4月29日、5月1日、3日（三场）\n活动地点：各园区');
    expect(one(p, '巡回展演')).toMatchObject({ start: '2025-04-29', end: '2025-04-30', rdates: ['2025-05-01', '2025-05-03'] });
    expect(one(p, '巡回展演').cue).toBe('4月29日、5月1日、3日（三场）');
  });

  it('keeps the sessions inside a sentence and out of the title', () => {
    const p = P('一、活动内容\n（一）10月2日、4日、6日在馆内举办少儿剪纸体验课。');
    expect(one(p, '剪纸')).toMatchObject({ title: '少儿剪纸体验课', start: '2025-10-02', rdates: ['2025-10-04', '2025-10-06'] });
  });

  it('does not read days running backwards, or a range, as sessions', () => {
    expect(times('5月1日、4月30日').map((t) => t.sessions)).toEqual([undefined, undefined]);
    expect(times('9月28日至10月15日')[0]).toMatchObject({ window: ['2025-09-28', '2025-10-15'] });
    expect(times('9月28日至10月15日')[0].sessions).toBeUndefined();
    // 31日 does not exist in April: the list stops before it.
    expect(times('4月29日、31日')[0].sessions).toBeUndefined();
  });

  it('gives every session the clock written after the list', () => {
    const p = P('一、活动内容\n（一）“名家领读”经典精读会\n活动时间：4月19日、4月26日（每场14:30）');
    expect(one(p, '精读会')).toMatchObject({ start: '2025-04-19T14:30', rdates: ['2025-04-26T14:30'] });
  });
});

describe('the clock of a day', () => {
  it('reads 上午/下午/晚上 as the slot, a written clock as the start, a written range as both', () => {
    expect(times('6月8日上午')[0].clock).toEqual(['09:00', '12:00']);
    expect(times('10月1日（周四）19:30—21:00')[0].clock).toEqual(['19:30', '21:00']);
    expect(times('5月4日下午3时')[0].clock).toEqual(['15:00']);
    expect(times('5月4日下午3点半')[0].clock).toEqual(['15:30']);
    expect(times('5月4日晚7:30')[0].clock).toEqual(['19:30']);
    expect(times('5月4日')[0].clock).toBeUndefined();
  });

  it('dates the draft at that time, and a deadline with a clock is still a deadline', () => {
    const p = P('一、活动内容\n（一）5月4日下午3时在县委礼堂召开青年干部座谈会。\n（二）开展征文比赛，作品于5月20日下午5时前报送县委宣传部。');
    expect(one(p, '座谈会')).toMatchObject({ start: '2025-05-04T15:00' });
    expect(one(p, '座谈会').end).toBeUndefined();
    expect(one(p, '征文').start).toBeUndefined();
  });
});

describe('an activity on a day is an event, not a campaign', () => {
  it('a …活动 on one day, at a time, in sessions or weekly is an event; a month-long one stays a campaign', () => {
    const p = P(
      '一、活动内容\n（一）“书香田野”阅读推广活动\n活动时间：8月9日、16日、23日（共三场）\n（二）6月28日晚7:30在人民公园举办全县广场舞展示活动。\n（三）7月至8月每周五晚开展“纳凉之夜”文化活动。\n（四）9月开展“金秋助学”主题活动。',
    );
    expect(one(p, '书香田野').kind).toBe('other');
    expect(one(p, '广场舞展示').kind).toBe('other');
    expect(one(p, '纳凉之夜')).toMatchObject({ kind: 'other', rrule: 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20250831T235959' });
    expect(one(p, '金秋助学').kind).toBe('campaign');
  });
});

describe('more time words (fourth pass)', () => {
  const at = (s: string) => times(s)[0];

  it('reads parts of months and ranges of them: 中下旬, 上中旬, 5月下旬至6月上旬, 6月中旬至下旬', () => {
    expect(at('6月中下旬').window).toEqual(['2025-06-11', '2025-06-30']);
    expect(at('10月上中旬').window).toEqual(['2025-10-01', '2025-10-20']);
    expect(at('5月下旬至6月上旬').window).toEqual(['2025-05-21', '2025-06-10']);
    expect(at('6月中旬至下旬').window).toEqual(['2025-06-11', '2025-06-30']);
    // 3至5月 and 3月5日至7日 are read as before.
    expect(at('3至5月').window).toEqual(['2025-03-01', '2025-05-31']);
    expect(at('3月5日至7日').window).toEqual(['2025-03-05', '2025-03-07']);
  });

  it('starts monthly rules on their day: the last Friday, the 15th', () => {
    const p = P('一、活动内容\n1.每月最后一个周五开展主题党日活动。\n2.每月15日开展“政策进万家”集中宣讲。\n3.每半月开展一次文明交通劝导志愿服务。');
    expect(one(p, '主题党日')).toMatchObject({ kind: 'other', start: '2025-01-31', rrule: 'FREQ=MONTHLY;BYDAY=-1FR' });
    expect(one(p, '政策进万家')).toMatchObject({ start: '2025-01-15', rrule: 'FREQ=MONTHLY' });
    expect(one(p, '交通劝导').rrule).toBe('FREQ=WEEKLY;INTERVAL=2');
  });

  it('takes the clock written after a recurrence', () => {
    const p = P('一、活动内容\n1.每周一上午8:30在机关大院举行升旗仪式。\n2.每周五下午3点组织机关干部集中学习。');
    expect(one(p, '升旗仪式')).toMatchObject({ kind: 'other', start: '2025-01-06T08:30', rrule: 'FREQ=WEEKLY;BYDAY=MO' });
    expect(one(p, '集中学习').start).toBe('2025-01-03T15:00');
  });

  it('reads quoted short festival numerals (“十一”期间, “三八”前夕) but not 十一月 or 第十一届', () => {
    expect(at('“十一”期间').window).toEqual(['2025-10-01', '2025-10-07']);
    expect(at('“三八”前夕').window).toEqual(['2025-02-20', '2025-03-07']);
    expect(times('第十一届').length).toBe(0);
    expect(at('十一月').window).toEqual(['2025-11-01', '2025-11-30']);
  });

  it('keeps two items under one heading apart when one names a shorter form of the other', () => {
    const p = P('一、活动内容\n1.寒假期间举办“快乐寒假”读书分享会。\n2.4月23日世界读书日当天举办读书分享会。');
    const shares = p.activities.filter((a) => a.title.includes('读书分享会'));
    expect(shares.map((a) => [a.sectionId, a.start ?? null])).toEqual([
      ['s1.1', null],
      ['s1.2', '2025-04-23'],
    ]);
  });
});

describe('an activity named before its schedule (fourth pass)', () => {
  it('reads 三会一课: each meeting with the schedule written after it, none prefixed with the one before', () => {
    const p = P('一、组织生活\n1.支部委员会每月召开1次，党员大会每季度召开1次，党小组会每月召开1次。');
    expect(p.activities.map((a) => [a.title, a.kind, a.rrule])).toEqual([
      ['支部委员会', 'meeting', 'FREQ=MONTHLY'],
      ['党员大会', 'meeting', 'FREQ=MONTHLY;INTERVAL=3'],
      ['党小组会', 'meeting', 'FREQ=MONTHLY'],
    ]);
  });

  it('keeps a team with a schedule out of the drafts, and a subject that is not an activity as the prefix', () => {
    const p = P('一、宣讲\n1.市委宣讲团每月开展1次集中宣讲。\n2.中心组每月集中学习1次，每季度开展1次专题研讨。');
    expect(p.activities.some((a) => a.title === '市委宣讲团')).toBe(false);
    expect(one(p, '集中学习').title).toBe('中心组集中学习');
    expect(one(p, '专题研讨').title).toBe('中心组专题研讨');
  });
});

describe('items numbered afresh under time lines (fourth pass)', () => {
  it('keeps each 1. 2. under 3月： / 4月： as its own section, dated by the line above it', () => {
    const p = P('3月：\n1.举办迎春灯会。\n2.举办书画展。\n4月：\n1.举办读书会。');
    expect(p.sections.map((s) => [s.id, s.label])).toEqual([
      ['s1', '1.'],
      ['s2', '2.'],
      ['s3', '1.'],
    ]);
    expect(p.activities.map((a) => [a.sectionId, a.title, a.start])).toEqual([
      ['s1', '迎春灯会', '2025-03-01'],
      ['s2', '书画展', '2025-03-01'],
      ['s3', '读书会', '2025-04-01'],
    ]);
  });

  it('reads quarter lines the same way, the first one right under the title included', () => {
    const p = P('第一季度：\n1.举办迎春灯会。\n2.举办书画展。\n第二季度：\n1.举办读书会。');
    expect(p.activities.map((a) => [a.title, a.start, a.end])).toEqual([
      ['迎春灯会', '2025-01-01', '2025-04-01'],
      ['书画展', '2025-01-01', '2025-04-01'],
      ['读书会', '2025-04-01', '2025-07-01'],
    ]);
  });

  it('does not restart a list without a time line, and an item with its own time keeps it', () => {
    const p = P('一、活动\n1.举办灯会。\n2.举办书画展。\n1.举办读书会。');
    expect(p.sections.map((s) => s.label)).toEqual(['一、', '1.', '2.']);
    const q = P('3月：\n1.5月举办读书会。');
    expect(one(q, '读书会').start).toBe('2025-05-01');
  });
});
