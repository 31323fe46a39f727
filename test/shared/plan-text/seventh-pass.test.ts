/**
 * Rules of the seventh issue-13 pass, one small text each (not the corpus's wording): tables pasted
 * from Word with merged cells, schedules written in a table's name cell, sports contests.
 */
import { describe, expect, it } from 'vitest';
import { one, planUnder, titles } from './rule-helpers';

const P = planUnder('关于举办2026年春季职工文体活动的通知');

describe('tables with merged cells', () => {
  const table = [
    '附件：活动安排表',
    '时间\t活动名称\t地点\t承办单位',
    '3月\t职工象棋赛\t区工人文化宫\t区总工会',
    '\t“巾帼风采”摄影展\t区图书馆\t区妇联',
    '4月\t职工气排球赛\t区体育馆\t区教育局',
    '\t每周四晚 职工合唱排练\t文化宫三楼\t区总工会',
  ].join('\n');

  it('gives a row under a month written once (a merged cell) that month, and keeps its cells in their columns', () => {
    const p = P(`各基层工会：\n现将活动安排通知如下。\n${table}`);
    expect(one(p, '摄影展')).toMatchObject({ kind: 'exhibition', start: '2026-03-01', end: '2026-04-01', units: ['区妇联'] });
    expect(titles(p)).not.toContain('区图书馆');
    expect(one(p, '象棋赛')).toMatchObject({ kind: 'contest', start: '2026-03-01' });
    expect(one(p, '气排球赛')).toMatchObject({ kind: 'contest', start: '2026-04-01' });
  });

  it("reads a schedule that opens a name cell as the row's time, inside the month cell's window", () => {
    const choir = one(P(table), '合唱排练');
    expect(choir.title).toBe('职工合唱排练');
    expect(choir.start).toBe('2026-04-02T19:00');
    expect(choir.rrule).toMatch(/^FREQ=WEEKLY;BYDAY=TH;UNTIL=20260430/);
  });

  it('does not take an indented prose line after a table for one of its rows', () => {
    const p = P(`${table}\n\t二、工作要求\n各单位要高度重视。`);
    expect(titles(p).some((t) => t.includes('工作要求'))).toBe(false);
  });
});
