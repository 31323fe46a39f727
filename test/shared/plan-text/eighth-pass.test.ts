/**
 * Rules of the eighth issue-13 pass, one small text each (not the corpus's wording): plans issued inside
 * their notice, headings that name what their body does, quotas, slogans and requirements that are not events.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../shared/src/plan-text/index';
import { one, planUnder, titles } from './rule-helpers';

const P = planUnder('青禾县2026年“书香青禾”全民阅读活动方案');

describe('a plan issued inside its notice', () => {
  const notice = (plan: string) =>
    [
      '青禾县文化和旅游局',
      '',
      '关于印发《青禾县2026年“书香青禾”全民阅读活动方案》的通知',
      '',
      '各乡镇综合文化站，县直有关单位：',
      '现将《青禾县2026年“书香青禾”全民阅读活动方案》印发给你们，请认真组织实施。',
      '',
      '青禾县文化和旅游局',
      '2026年1月20日',
      '',
      plan,
    ].join('\n');
  const plan = [
    '附件',
    '青禾县2026年“书香青禾”全民阅读活动',
    '方案',
    '',
    '为营造浓厚读书氛围，县文化和旅游局决定在全县开展“书香青禾”全民阅读活动。',
    '一、活动时间',
    '2026年4月至11月。',
    '二、活动内容',
    '（一）阅读分享会。5月中旬，在县图书馆举办“好书共读”阅读分享会。',
  ].join('\n');

  it("is titled by the plan it issues, and the plan's body starts after that title written out again", () => {
    const p = parsePlan(notice(plan));
    expect(p.title).toBe('青禾县2026年“书香青禾”全民阅读活动方案');
    expect(p.sections.map((s) => s.title)).toEqual(['活动时间', '活动内容', '阅读分享会']);
    // (the notice's 落款 date is not the campaign's time: the plan's 活动时间 is)
    expect(one(p, '全民阅读活动')).toMatchObject({ start: '2026-04-01', end: '2026-12-01' });
  });

  it('takes the title inside 《》 when the plan does not repeat it', () => {
    const p = parsePlan(notice('一、活动内容\n（一）阅读分享会。5月中旬，在县图书馆举办“好书共读”阅读分享会。'));
    expect(p.title).toBe('青禾县2026年“书香青禾”全民阅读活动方案');
    expect(one(p, '阅读分享会').start).toBe('2026-05-11');
  });
});

describe('headings that name what their body does', () => {
  it('keeps a heading that names a form over the list of ways the body gives it', () => {
    const p = P('一、活动安排\n（一）分众阶段（5月1日至6月20日）\n1. 开展分众化宣讲。各村组织宣讲员，用方言、身边故事开展对象化、互动化宣讲。');
    expect(one(p, '宣讲').title).toBe('分众化宣讲');
  });

  it('keeps 对 of 对象 inside a list that shares its noun', () => {
    const p = P('一、活动安排\n（一）集中阶段\n各乡镇5月开展对象化、互动化宣讲。');
    expect(titles(p)).toContain('对象化、互动化宣讲');
  });

  it('names a campaign stop by its heading and keeps the quoted form the body gives', () => {
    const p = P('一、宣讲安排\n（一）进基层\n1. 宣讲进农村。4月13日至24日，第二小分队在村民院坝开展“板凳宣讲”。\n2. 宣讲进社区。4月中旬，第三小分队开展宣讲。');
    expect(one(p, '进农村')).toMatchObject({ title: '宣讲进农村“板凳宣讲”', start: '2026-04-13' });
    expect(one(p, '进社区').title).toBe('宣讲进社区');
  });

  it('keeps a selection heading when the body only lists the titles it awards', () => {
    const p = P('一、活动安排\n（一）总结阶段（6月21日至6月30日）\n1. 评选优秀宣讲员。结合群众评价，评选一批“优秀宣讲员”和“优秀宣讲组织单位”。\n2. 召开总结会。6月26日召开总结会。');
    expect(one(p, '评选').title).toBe('评选优秀宣讲员');
  });
});

describe('not events', () => {
  it('drops a quota for each holder', () => {
    const p = P('一、活动安排\n（一）开展巡回宣讲。5月，县宣讲团深入各乡镇开展巡回宣讲，每个乡镇宣讲不少于10场。');
    expect(titles(p)).toEqual(['巡回宣讲']);
  });

  it('drops a quoted slogan that names an aim', () => {
    const p = P('一、总体要求\n围绕“月月有活动、季季有主题”的目标，整合阵地资源。\n二、活动内容\n（一）读书会。每月举办一次读书会。');
    expect(titles(p).some((t) => t.includes('月月有'))).toBe(false);
    expect(titles(p)).toContain('读书会');
  });

  it('drops a heading that urges a way of working, and a leader who leads by example', () => {
    const p = P('一、活动内容\n（一）读书会。4月举办读书会。\n二、工作要求\n（一）注重宣传报道。充分利用融媒体中心，及时报道活动情况。\n（二）加强组织领导。主要负责同志带头宣讲。');
    expect(titles(p)).toEqual(['读书会']);
  });
});
