/**
 * Rules of the third issue-13 pass (plans 35, 36, 38–40 of the corpus), one small text each, so a
 * regression names the rule rather than only lowering a corpus total.
 */
import { describe, expect, it } from 'vitest';
import { one, planUnder, titles } from './rule-helpers';

const P = planUnder('2025年宣传工作方案');

describe('weekly recurrences (third pass)', () => {
  it('reads weekday ranges, weekends, 每逢 and biweekly weekdays', () => {
    const p = P(
      '一、活动内容\n（一）开展公益培训。每周二至周日下午在馆内开设书法公益培训班。\n（二）开展亲子阅读。每周末在少儿阅览室开展亲子共读活动。\n（三）举办讲座。每逢周六上午在报告厅举办“书香讲堂”公益讲座。\n（四）举办沙龙。每双周周五晚举办青年读书沙龙。',
    );
    expect(one(p, '书法公益培训班').rrule).toBe('FREQ=WEEKLY;BYDAY=TU,WE,TH,FR,SA,SU');
    expect(one(p, '亲子共读').rrule).toBe('FREQ=WEEKLY;BYDAY=SA,SU');
    expect(one(p, '书香讲堂')).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=SA', start: '2025-01-04T09:00' });
    expect(one(p, '读书沙龙').rrule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=FR');
  });

  it('a schedule sentence after the activity is its recurrence; recurrences under a dated period start in it', () => {
    const p = P(
      '一、活动时间\n2025年3月1日至3月31日。\n二、活动内容\n（一）开展理论宣讲。宣讲队深入各村开展理论宣讲。宣讲每周开展两次。\n（二）开展环境整治。活动期间每周五下午开展环境卫生整治志愿服务。',
      '县文明办2025年“文明实践在身边”志愿服务月活动方案',
    );
    expect(one(p, '理论宣讲').rrule).toBe('FREQ=WEEKLY;UNTIL=20250331');
    expect(one(p, '环境卫生整治')).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20250331T235959', start: '2025-03-07T14:30' });
  });
});

describe('campaigns, ceremonies and dates (third pass)', () => {
  it('a notice whose title names nothing: the preamble campaign dates undated items and names the bare ceremony', () => {
    const p = P(
      '各乡镇：\n县文明办决定于2025年9月在全县开展“文明旅游我先行”宣传月活动。现将有关事项通知如下。\n一、主要内容\n（一）举行启动仪式。在县游客服务中心广场举行启动仪式。\n（二）开展志愿服务。组织志愿者在各景区开展文明引导志愿服务。',
      '县文明办关于开展2025年文明旅游宣传活动的通知',
    );
    expect(one(p, '启动仪式')).toMatchObject({ title: '“文明旅游我先行”宣传月启动仪式', start: '2025-09-01', end: '2025-10-01' });
    expect(one(p, '文明引导志愿服务')).toMatchObject({ start: '2025-09-01', end: '2025-10-01' });
  });

  it('festival ranges, 前完成 deadlines, a contest ceremony, an adverb after a topic', () => {
    const p = P(
      '一、主要内容\n（一）开展民俗展演。春节、元宵节期间举办民俗文化展演。\n（二）举办书法大赛。5月启动全县青少年书法大赛，8月中旬举行颁奖仪式。\n（三）举办摄影大赛。举办“美丽家乡”摄影大赛，9月底前完成评选。\n（四）开展宣讲。3月开展党的创新理论集中宣讲。',
    );
    expect(one(p, '民俗文化展演')).toMatchObject({ start: '2025-01-29', end: '2025-02-13' });
    expect(one(p, '颁奖仪式')).toMatchObject({ title: '全县青少年书法大赛颁奖仪式', start: '2025-08-11' });
    expect(one(p, '美丽家乡').start).toBeUndefined();
    expect(titles(p)).toContain('党的创新理论集中宣讲');
  });
});
