/**
 * Rules of the sixth issue-13 pass, one small text each (not the corpus's wording): rounds named before their
 * time, every-other-month rules, activities as the subject of their times, works shown, a call's full name,
 * items that are where a campaign goes, and words that look like activities but are not.
 */
import { describe, expect, it } from 'vitest';
import { removePageFooters } from '../../../shared/src/plan-text/clean';
import { one, planUnder, titles } from './rule-helpers';

const P = planUnder('2026年文化工作计划');

describe('times', () => {
  it('reads a round named before its time as a round (决赛定于…)', () => {
    const p = P('一、比赛\n（一）举办“青春之声”朗诵比赛。5月中旬各校初赛；决赛定于6月12日晚在青少年宫举行。');
    expect(one(p, '初赛')).toMatchObject({ start: '2026-05-11' });
    expect(one(p, '决赛')).toMatchObject({ kind: 'contest', start: '2026-06-12T19:00' });
  });

  it('gives 逢双月 / 逢单月 an every-other-month rule starting in February / January', () => {
    expect(one(P('一、学习\n（一）支部逢双月第一个星期二上午开展集体学习。'), '集体学习')).toMatchObject({
      start: '2026-02-03T09:00',
      rrule: expect.stringMatching(/^FREQ=MONTHLY;INTERVAL=2;.*BYDAY=1TU/),
    });
    expect(one(P('一、讲座\n（一）逢单月举办一期公益讲座。'), '讲座')).toMatchObject({ start: '2026-01-01', rrule: expect.stringContaining('INTERVAL=2') });
  });

  it('reads an activity as the subject of 于 + its times + the verb, and a start followed by its schedule', () => {
    const p = P('一、培训\n（一）少儿书法培训班于3月至5月每周日上午在二楼教室开课。\n（二）老年合唱培训班10月上旬开班，每周三下午授课。');
    expect(one(p, '书法培训班')).toMatchObject({ start: '2026-03-01T09:00', rrule: expect.stringMatching(/^FREQ=WEEKLY;BYDAY=SU;UNTIL=20260531/) });
    const choir = one(p, '合唱培训班');
    expect(choir.rrule).toMatch(/^FREQ=WEEKLY;BYDAY=WE/);
    expect(choir.rrule).not.toContain('UNTIL=202610');
    expect((choir.start ?? '').slice(0, 10) >= '2026-10-01').toBe(true);
  });

  it('prefers listed days to the whole year, and 分别安排在 months to 全年', () => {
    expect(one(P('一、讲座\n（一）举办“周末书院”讲座\n全年举办3期，时间分别为4月18日、7月18日、10月17日。'), '书院')).toMatchObject({
      start: '2026-04-18',
      rdates: ['2026-07-18', '2026-10-17'],
    });
    expect(one(P('一、下乡\n全年开展两轮“文艺轻骑兵”巡演，分别安排在5月和9月。'), '巡演')).toMatchObject({ start: '2026-05-01', end: '2026-06-01' });
  });

  it('runs a one-day start for as long as its sentence says (展期N天, 持续至…)', () => {
    expect(one(P('一、展览\n（一）6月6日，“乡村记忆”摄影展在文化馆开幕，展期十五天。'), '摄影展')).toMatchObject({ start: '2026-06-06', end: '2026-06-21' });
    expect(one(P('一、阅读\n（一）4月23日启动“书香社区”读书季，持续至5月底。'), '读书季')).toMatchObject({ start: '2026-04-23', end: '2026-06-01' });
  });
});

describe('festivals', () => {
  it('reads 七夕节 and 腊八节, and a festival with its own day in brackets keeps its 前后', () => {
    expect(one(P('一、节日\n七夕节（8月19日）前后，开展“鹊桥”婚俗新风宣传活动。'), '鹊桥')).toMatchObject({ start: '2026-08-12', end: '2026-08-27' });
    expect(one(P('一、节日\n七夕节当天举办“爱在七夕”婚俗文化展览。'), '展览')).toMatchObject({ start: '2026-08-19', end: '2026-08-20' });
    expect(one(P('一、节日\n腊八节当天开展“腊八粥暖人心”志愿服务。'), '腊八粥')).toMatchObject({ start: '2026-01-26' });
  });
});

describe('names and forms', () => {
  it('takes a call’s full name from its title when the preamble writes it out, dated by 作品征集时间为…', () => {
    const p = P(
      '为记录乡村振兴，决定开展“美丽乡村”微视频和摄影作品征集活动。\n一、征集时间\n即日起报名，作品征集时间为2026年5月1日至8月31日。\n二、作品要求\n原创。',
      '关于开展“美丽乡村”微视频和摄影作品征集活动的通知',
    );
    expect(p.activities[0]).toMatchObject({ title: '“美丽乡村”微视频和摄影作品征集活动', kind: 'contest', start: '2026-05-01', end: '2026-09-01' });
    expect(titles(p)).not.toContain('“美丽乡村”微视频');
  });

  it('reads works shown over a time as an exhibition or a screening, and keeps both in one stage', () => {
    const p = P(
      '开展“家乡美”作品征集。\n一、评审与展示\n（一）展示。入选微视频自9月1日至10月10日在县融媒体平台集中展播；优秀摄影作品于9月20日至30日在文化馆展厅展出。',
      '关于开展“家乡美”作品征集活动的通知',
    );
    expect(one(p, '展播')).toMatchObject({ title: '入选微视频展播', kind: 'publicity', start: '2026-09-01', end: '2026-10-11' });
    expect(one(p, '摄影作品展')).toMatchObject({ kind: 'exhibition', start: '2026-09-20', end: '2026-10-01' });
  });

  it('names the one activity of a leaf heading that is a verb and a quoted name, and reads 讲堂 as lectures', () => {
    const p = P('一、活动\n（一）开展“戏曲进万家”送戏下乡。5月至10月，组织剧团到各村演出。\n（二）举办“周末文化讲堂”\n每月第一个周日上午开讲。\n（三）开展“志愿者在身边”服务。每季度到社区开展一次文艺辅导和惠民演出。');
    expect(p.activities.map((a) => [a.title, a.kind])).toEqual([
      ['“戏曲进万家”送戏下乡', 'other'],
      ['“周末文化讲堂”', 'lecture'],
      ['“志愿者在身边”服务', 'volunteer'],
    ]);
  });

  it('runs a heading’s one-day start for as long as its body says (展期一周)', () => {
    expect(one(P('一、展览\n（一）举办剪纸艺术展。7月1日开展，展期一周。'), '剪纸')).toMatchObject({ start: '2026-07-01', end: '2026-07-08' });
  });

  it('gives a field-list item one draft per phase time line, named after the item', () => {
    const p = P('一、活动安排\n（一）“清风廉韵”漫画作品征集评选\n征集时间：3月1日—4月30日\n评选时间：5月中旬\n展出时间：6月1日—6月10日\n主办单位：县纪委\n作品须原创。');
    expect(p.activities.map((a) => [a.title, a.kind, a.start, a.end])).toEqual([
      ['“清风廉韵”漫画作品征集', 'contest', '2026-03-01', '2026-05-01'],
      ['“清风廉韵”漫画作品评选', 'assessment', '2026-05-11', '2026-05-21'],
      ['“清风廉韵”漫画作品展', 'exhibition', '2026-06-01', '2026-06-11'],
    ]);
  });

  it('names an item that is where a campaign goes by its form and that place', () => {
    const p = P('一、宣讲安排\n（一）“六进”宣讲\n1.进乡村。7月，宣讲小分队到各村每村宣讲1场。\n2.进社区。每月第一个周六，在社区开展“家门口”宣讲。');
    expect(titles(p)).toEqual(['宣讲进乡村', '进社区“家门口”宣讲']);
  });
});

describe('an annex listing the year month by month', () => {
  it('adds the items only the annex names, timed by their brackets or months, and leaves the body’s own as they are', () => {
    const p = P(
      '一、活动安排\n（一）开办春季书法培训班。3月至6月每周六上午授课。\n（二）举办“周末文化讲堂”。每月第一个周日开讲。\n附件1：年度活动安排表\n3月：元宵节猜灯谜活动（3月3日晚，文化广场）；春季书法培训班开班\n6月：非遗展览\n9月：“我和我的祖国”歌咏展演（县剧场）\n全年：“周末文化讲堂”（每月第一个周日）',
    );
    expect(p.activities.map((a) => [a.title, a.sectionId === '' ? 'annex' : 'body', a.start?.slice(0, 10)])).toEqual([
      ['春季书法培训班', 'body', '2026-03-07'],
      ['“周末文化讲堂”', 'body', '2026-01-04'],
      ['元宵节猜灯谜活动', 'annex', '2026-03-03'],
      ['非遗展览', 'annex', '2026-06-01'],
      ['“我和我的祖国”歌咏展演', 'annex', '2026-09-01'],
    ]);
  });
});

describe('a plan of one kind of day', () => {
  it('makes each dated theme that day, named by its theme, with what its sentence does as its programme', () => {
    const p = P(
      '一、上半年\n1月，以“新年新气象”为主题，组织党员集中学习。3月的主题是“学雷锋 做表率”，组织党员到社区开展志愿服务。\n二、下半年\n清明节前后，围绕“缅怀先烈”开展4月主题党日，到烈士陵园祭扫。',
      '2026年机关主题党日活动计划',
    );
    expect(p.activities.map((a) => [a.title, a.start])).toEqual([
      ['“新年新气象”主题党日', '2026-01-01'],
      ['“学雷锋 做表率”主题党日', '2026-03-01'],
      ['“缅怀先烈”主题党日', '2026-03-29'],
    ]);
  });
});

describe('a lecture series told lecture by lecture', () => {
  it('names each book-titled topic the series’ next lecture, dated by its sentence, the next one, or the one before', () => {
    const p = P(
      '一、讲座安排\n4月18日，讲堂开讲第一讲。某教授主讲《乡村振兴的新路径》。\n第二讲《运河文化与城市记忆》定于5月16日上午举行。\n6月的第三讲时间为6月13日，讲题为《民法典与百姓生活》。',
      '县社科联2026年“青川大讲堂”系列讲座实施方案',
    );
    expect(p.activities.filter((a) => a.title.includes('第')).map((a) => [a.title, a.start])).toEqual([
      ['“青川大讲堂”第一讲：乡村振兴的新路径', '2026-04-18'],
      ['“青川大讲堂”第二讲：运河文化与城市记忆', '2026-05-16T09:00'],
      ['“青川大讲堂”第三讲：民法典与百姓生活', '2026-06-13'],
    ]);
  });
});

describe('not events', () => {
  it('leaves out a team’s remit, what someone must do, a talk given at a ceremony and a team heading', () => {
    const p = P(
      '一、队伍\n（一）县委讲师团。由20人组成，负责全县示范宣讲和专题宣讲。\n二、安排\n（一）3月5日举行启动仪式，讲师团团长作首场专题宣讲。\n三、要求\n各单位主要负责同志要带头宣讲。',
    );
    expect(titles(p)).toEqual(['启动仪式']);
  });

  it('leaves out what a tour brings and the steps of a duty', () => {
    const p = P('一、惠民\n6月组织“送欢乐”巡演，送去文艺演出、书画展览和图书。\n二、非遗\n做好非遗项目普查、申报和档案管理工作。');
    expect(titles(p)).toEqual(['“送欢乐”巡演']);
  });
});

describe('PDF pages', () => {
  it('drops a running head beside a page number and joins a heading the page break cut in two', () => {
    const text = '（二）开展“书香家庭”评选\n— 1 —\n“书香满城”全民阅读活动方案\n推荐活动\n4月，各社区推荐候选家庭。\n— 2 —\n“书香满城”全民阅读活动方案\n（三）举办读书节';
    expect(removePageFooters(text, ['“书香满城”全民阅读活动方案'])).toBe('（二）开展“书香家庭”评选推荐活动\n4月，各社区推荐候选家庭。\n（三）举办读书节');
  });

  it('joins a title broken before its plan word', () => {
    const p = P('为推进阅读，制定本方案。\n一、活动安排\n4月举办读书节。', '“书香满城”全民阅读活动\n实施方案');
    expect(p.title).toBe('“书香满城”全民阅读活动实施方案');
  });

  it('joins a word broken across a page break once the page furniture is gone', () => {
    expect(removePageFooters('举办全县道德模范评\n— 2 —\n第2页 共4页\n选活动。', [])).toBe('举办全县道德模范评\n选活动。');
  });
});
