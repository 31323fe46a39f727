/**
 * Rules of the seventh issue-13 pass, one small text each (not the corpus's wording): tables pasted
 * from Word with merged cells, schedules written in a table's name cell, sports contests, WeChat posts.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan, parsePlanAsync } from '../../../shared/src/plan-text/index';
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
    expect(one(p, '摄影展').start).toBe('2026-03-01');
  });
});

describe('a WeChat post pasted from the phone', () => {
  const post = [
    '青禾文化馆',
    '七月来文化馆，过一个“有艺思”的盛夏｜7月公益活动预告',
    '原创 青禾文化馆 2026年06月26日 18:05 江西',
    '点击上方蓝字关注我们',
    '🌟【活动一】“清凉一夏”少儿美术展',
    '▶活动时间：7月3日—7月12日',
    '▶活动地点：文化馆二楼展厅',
    '🌟【活动二】古琴体验课',
    '▶活动时间：7月11日（周六）上午9:30',
    '▶报名方式：扫描下方二维码报名',
    '扫码报名',
    '编辑：林悦 审核：周文',
    '阅读原文',
    '点赞 在看 分享',
  ].join('\n');

  it("takes the headline above the meta line for the title (commas and all), not the account's name, a follow prompt or a field line", () => {
    const p = parsePlan(post);
    expect(p.title).toBe('七月来文化馆，过一个“有艺思”的盛夏｜7月公益活动预告');
    expect(p.year).toBe(2026);
  });

  it('reads 【活动一】 items as sections, behind their decoration, each with its own field lines', () => {
    const p = parsePlan(post);
    expect(p.sections.map((s) => s.label)).toEqual(['【活动一】', '【活动二】']);
    expect(one(p, '美术展')).toMatchObject({ title: '“清凉一夏”少儿美术展', kind: 'exhibition', start: '2026-07-03', end: '2026-07-13' });
    expect(one(p, '古琴')).toMatchObject({ kind: 'training', start: '2026-07-11T09:30' });
    expect(p.activities).toHaveLength(2);
  });
});

describe('speeches whose numbered parts are lead-clause paragraphs', () => {
  const speech = [
    '在全镇2026年宣传文化工作会议上的讲话',
    '同志们：',
    '下面，我讲两点意见。',
    '一、守正创新，在文明创建上久久为功',
    '抓好文明实践。一是5月开展“邻里守望”志愿服务月活动；二是每季度组织一次实践站观摩交流。',
    '抓好典型选树。9月评选表彰第二届“最美青溪人”。',
    '二、压实责任',
    '同志们，任务已经明确，关键在于落实。',
  ].join('\n');

  it("gives what the next paragraph says, after an enumeration inside a paragraph, to the numbered part", () => {
    const p = parsePlan(speech);
    const byId = new Map(p.sections.map((s) => [s.id, s.label]));
    expect(byId.get(one(p, '最美青溪人').sectionId)).toBe('一、');
    expect(byId.get(one(p, '志愿服务月').sectionId)).toBe('一是');
    expect(one(p, '观摩交流')).toMatchObject({ kind: 'meeting', rrule: expect.stringContaining('FREQ=MONTHLY;INTERVAL=3') });
    expect(byId.get(one(p, '观摩交流').sectionId)).toBe('二是');
  });
});

describe('unnumbered items, each a name line over its own field lines', () => {
  const notice = ['石桥文化馆8月活动预告', '七夕民俗游园会', '时间：8月19日晚上', '地点：文化广场', '少儿书法比赛', '时间：8月22日下午', '地点：二楼教室', '“书香石桥”读书会', '时间：每周日上午', '地点：图书室'].join('\n');

  it('dates each item by the field lines under it, the first item too, and keeps a weekly one inside the title month', () => {
    const p = parsePlan(notice);
    expect(p.title).toBe('石桥文化馆8月活动预告');
    expect(one(p, '游园会')).toMatchObject({ start: '2026-08-19T19:00' });
    expect(one(p, '书法比赛')).toMatchObject({ kind: 'contest', start: '2026-08-22T14:30' });
    expect(one(p, '读书会')).toMatchObject({ start: '2026-08-02T09:00', rrule: expect.stringMatching(/^FREQ=WEEKLY;BYDAY=SU;UNTIL=20260831/) });
  });

  it('never lets a day-part clock run on to the next line', () => {
    // ("下午" then a line break: the next line is the place, not the clock)
    const p = parsePlan('石桥文化馆通知\n现将安排通知如下。\n少儿书法比赛\n时间：8月22日下午\n14:00前报到');
    expect(one(p, '书法比赛').start).toBe('2026-08-22T14:30');
  });
});

describe('one sentence, two activities of one kind', () => {
  it('keeps two nouns apart when each clause gives its own time (每月一次集体学习，7月份举办专题读书班)', () => {
    const p = P('一、理论武装\n（一）党组理论学习中心组坚持每月一次集体学习，9月份举办专题读书班。', '2026年机关党建工作要点');
    expect(one(p, '集体学习')).toMatchObject({ kind: 'study', rrule: expect.stringMatching(/^FREQ=MONTHLY/) });
    expect(one(p, '读书班')).toMatchObject({ kind: 'study', start: '2026-09-01', end: '2026-10-01' });
  });
});

describe("a festival's heading", () => {
  it("keeps the sentence's run-up of that festival (二、中秋节 / 中秋节前夕，…) instead of the festival day", () => {
    const p = parsePlan('2026年“我们的节日”主题活动方案\n一、端午节\n端午节前后，开展包粽子邻里互助活动。\n二、中秋节\n中秋节前夕，举办“花好月圆”诗词朗诵会。');
    expect(one(p, '朗诵会')).toMatchObject({ start: '2026-09-09', end: '2026-09-25' });
    expect(one(p, '包粽子')).toMatchObject({ start: '2026-06-12', end: '2026-06-27' });
  });
});

describe('PDF pastes', () => {
  const pdf = [
    '2026年宣传思想文化工作要点',
    '2026年全县宣传思想文化工作的总体要求是：坚持以新时代中国特色社会主',
    '义思想为指导，围绕中心、服务大局。',
    '一、加强阵地建设',
    '（一）建强阵地。一是建好县级融媒体中心；二是',
    '9月前完成20个文明实践站提档升级。',
    '二、繁荣文化事业',
    '（一）办好第五届松河文化艺术节，10月在县文化中心开幕。',
  ].join('\n');

  it("takes the line that ends as a title does, not the preamble's broken first line that holds a plan word", () => {
    expect(parsePlan(pdf).title).toBe('2026年宣传思想文化工作要点');
  });

  it('joins a line broken after 二是 onto the next line when that opens with a figure and its unit', () => {
    const p = parsePlan(pdf);
    expect(p.sections.find((s) => s.label === '二是')?.title).toMatch(/^9月前完成20个文明实践站/);
  });
});

describe('Traditional wording', () => {
  it('reads 辦理 as a verb that opens the name, and 閱讀營 as a training', async () => {
    const p = await parsePlanAsync('花蓮縣立圖書館2026年閱讀推廣計畫\n一、親子閱讀\n每週日上午於兒童室辦理親子繪本共讀活動。\n二、暑期活動\n7月至8月辦理青少年閱讀營。');
    expect(one(p, '共讀')).toMatchObject({ title: '親子繪本共讀活動' });
    expect(one(p, '閱讀營')).toMatchObject({ kind: 'training', start: '2026-07-01', end: '2026-09-01' });
  });
});

describe("an event's programme", () => {
  it('drafts no activity from hour-by-hour programme lines, and reads 阅读节 as the plan\'s campaign', () => {
    const p = parsePlan(
      '关于举办2026年“悦读青川”全民阅读节的通知\n为营造读书氛围，决定举办“悦读青川”全民阅读节。\n一、活动时间\n2026年4月18日至5月18日\n二、活动内容\n（一）开幕式。4月23日上午9:00在县图书馆广场举行。\n活动流程：\n9:00 领导致辞\n9:20 启动仪式\n10:00 文艺展演\n（二）闭幕式。5月18日下午举行。',
    );
    expect(titles(p).some((t) => /启动仪式|文艺展演|^\d/.test(t))).toBe(false);
    expect(p.activities.find((a) => a.title === '“悦读青川”全民阅读节')).toMatchObject({ kind: 'campaign', start: '2026-04-18', end: '2026-05-19' });
    expect(one(p, '开幕式')).toMatchObject({ start: '2026-04-23T09:00' });
  });
});

describe('a month written before a festival in it', () => {
  it('takes the festival\'s run-up (3月学雷锋纪念日前后 = ±7 days of 3月5日), not the whole month', () => {
    const p = P('一、志愿服务\n（一）3月学雷锋纪念日前后，全县集中开展一次志愿服务集中行动。', '2026年文明实践工作要点');
    expect(one(p, '集中行动')).toMatchObject({ start: '2026-02-26', end: '2026-03-13' });
  });
});

describe('times in the name, and tables with a month column beside the time column', () => {
  it('dates a meeting by the day it is held, keeping the period it is about in its name', () => {
    const p = P('一、会议\n（一）中心定于6月29日下午3时在县文化馆召开下半年文明实践工作推进会。', '2026年文明实践工作安排');
    expect(one(p, '推进会')).toMatchObject({ title: '下半年文明实践工作推进会', start: '2026-06-29T15:00' });
  });

  it("takes the issuer on the line above a notice's 关于 into the title", () => {
    expect(parsePlan('石桥县文化馆\n关于印发2026年下半年公益培训安排的通知\n各单位：\n现将安排印发给你们。').title).toBe('石桥县文化馆关于印发2026年下半年公益培训安排的通知');
  });

  it('reads the finer time cell of a row with 月份 and 活动时间, and names rows under a generic 活动 table as written', () => {
    const p = parsePlan(
      [
        '石桥县2026年下半年志愿服务活动安排',
        '附件：志愿服务活动安排表',
        '月份\t活动名称\t活动时间\t责任单位',
        '7月\t“清凉一夏”暑期托管\t7月6日—8月14日\t团县委',
        '\t“平安石桥”防溺水安全宣传\t7月中旬\t县教育局',
        '\t科普大篷车下乡\t每周六上午\t县科协',
      ].join('\n'),
    );
    expect(one(p, '清凉一夏')).toMatchObject({ start: '2026-07-06', end: '2026-08-15' });
    expect(one(p, '防溺水')).toMatchObject({ kind: 'publicity', start: '2026-07-11', end: '2026-07-21' });
    expect(one(p, '大篷车')).toMatchObject({ title: '科普大篷车下乡', rrule: expect.stringMatching(/^FREQ=WEEKLY;BYDAY=SA;UNTIL=20260731/) });
  });
});

describe('a month preview of items with their own field lines', () => {
  const preview = [
    '石桥群艺馆2026年6月公益活动预告',
    '6月份，群艺馆将推出以下公益文化活动，欢迎参加。',
    '亲子布艺体验课',
    '时间：6月6日（星期六）上午9:30、6月27日（星期六）上午9:30',
    '地点：二楼传习室',
    '公益国画讲座《写意花鸟入门》',
    '时间：6月13日（星期六）下午2:30',
    '主讲：市美协会员 王某某',
    '“光影石桥”摄影沙龙',
    '时间：6月14日（星期日）下午2:30；6月28日（星期日）下午2:30',
    '“童心”少儿舞蹈展演',
    '时间：另行通知',
  ].join('\n');

  it('reads sessions written with their weekday and clock, separated by 、 or ；', () => {
    const p = parsePlan(preview);
    expect(one(p, '布艺')).toMatchObject({ start: '2026-06-06T09:30', rdates: ['2026-06-27T09:30'] });
    expect(one(p, '摄影沙龙')).toMatchObject({ start: '2026-06-14T14:30', rdates: ['2026-06-28T14:30'] });
  });

  it("keeps a talk's 《title》 in its name, drafts nothing from 以下…活动, and gives 另行通知 no other item's time", () => {
    const p = parsePlan(preview);
    expect(one(p, '国画讲座')).toMatchObject({ title: '公益国画讲座《写意花鸟入门》', kind: 'lecture', start: '2026-06-13T14:30' });
    expect(titles(p).some((t) => t.includes('公益文化活动'))).toBe(false);
    // (the section's first time line, 6月6日, is the first item's, not this one's)
    const later = one(p, '舞蹈展演');
    expect(later.start === undefined || later.start.slice(0, 10) === '2026-06-01').toBe(true);
  });
});

describe('a table with a month column and a day column', () => {
  it('reads 4月 · 18日—19日 and 6月 · 上旬 as one date each, and counts or descriptions of activities draft nothing', () => {
    const p = parsePlan(
      [
        '关于开展2026年职工文体季活动的通知',
        '文体季共安排12项市级活动，具体见附件。各级工会要同步组织本系统的基层文体活动。',
        '附件：活动安排表',
        '月份\t时间\t活动名称\t地点',
        '4月\t18日—19日\t职工羽毛球比赛\t全民健身中心',
        '\t28日\t职工文艺汇演\t工人文化宫',
        '6月\t上旬\t安全生产知识竞赛\t职工服务中心',
      ].join('\n'),
    );
    expect(one(p, '羽毛球')).toMatchObject({ start: '2026-04-18', end: '2026-04-20' });
    expect(one(p, '文艺汇演')).toMatchObject({ start: '2026-04-28' });
    expect(one(p, '知识竞赛')).toMatchObject({ start: '2026-06-01', end: '2026-06-11' });
    expect(titles(p).some((t) => /市级活动|文体活动/.test(t))).toBe(false);
  });
});

describe('a heading over its body', () => {
  it('never joins a whole heading with commas onto the first sentence of its body', () => {
    const p = parsePlan(
      '在2026年机关党建工作会议上的讲话\n同志们：\n下面讲两点。\n一、在学思践悟上再深一层，把理论武装抓紧抓实\n理论学习要往深里走。中心组每月中旬集中学习一次。\n二、在建强支部上再进一步，把组织生活过严过实\n组织生活要严起来。各支部每月第一个星期四开展主题党日。',
    );
    expect(p.sections.map((s) => s.title)).toEqual(['在学思践悟上再深一层，把理论武装抓紧抓实', '在建强支部上再进一步，把组织生活过严过实']);
  });
});

describe('a page break between blank lines', () => {
  it('rejoins a heading the break cut in two when blank lines stand around the page number and the running head', () => {
    const p = parsePlan(
      [
        '石桥县委宣传部2026年工作要点',
        '一、加强新闻宣传',
        '（一）做好主题宣传。全年开展主题宣传。',
        '（二）加强网络阵地建设和网',
        '',
        '— 1 —',
        '',
        '石桥县委宣传部2026年工作要点',
        '络舆论引导',
        '1. 健全舆情研判机制。每季度召开一次网络舆情分析研判会。',
        '二、繁荣文化事业',
        '（一）办好艺术节。10月举办第三届石桥艺术节。',
      ].join('\n'),
    );
    expect(p.sections.map((s) => `${s.label}${s.title}`)).toContain('（二）加强网络阵地建设和网络舆论引导');
    expect(p.sections.filter((s) => s.title.includes('工作要点'))).toHaveLength(0);
  });
});

describe('titles without the words around the name', () => {
  it('drops 为期…的, 原则上 and an 各支部 audience, and keeps 每月中旬 out of the name', () => {
    const p = P(
      '一、学习\n（一）中心组原则上每月中旬集中学习一次。\n（二）9月下旬举办为期三天的青年干部读书班。\n（三）各支部每月第一个星期四开展主题党日活动。\n（四）每季度开展一次廉政风险点排查。',
      '2026年机关党建工作要点',
    );
    expect(one(p, '集中学习')).toMatchObject({ title: '中心组集中学习', rrule: expect.stringMatching(/^FREQ=MONTHLY/) });
    expect(one(p, '读书班').title).toBe('青年干部读书班');
    expect(one(p, '主题党日').title).toBe('主题党日活动');
    expect(one(p, '排查')).toMatchObject({ kind: 'assessment', rrule: expect.stringContaining('INTERVAL=3') });
  });
});

describe('festival plans', () => {
  it('reads 灯谜会 and 祭扫仪式, keeps 等单位 out of the units, and drafts nothing from what people are urged to do', () => {
    const p = P(
      '一、元宵节\n3月3日（元宵节）晚，在古城墙举办“月满石桥”元宵灯谜会。\n二、清明节\n4月3日上午，联合县退役军人事务局、团县委等单位在烈士陵园举行“清明祭英烈”集中祭扫仪式，倡导鲜花祭扫、绿色祭扫。\n三、日常\n组织志愿者在各景区开展文明引导志愿服务。',
      '2026年“我们的节日”主题活动方案',
    );
    expect(one(p, '灯谜会').start?.slice(0, 10)).toBe('2026-03-03');
    expect(one(p, '祭扫仪式')).toMatchObject({ start: '2026-04-03T09:00', units: ['县退役军人事务局', '团县委'] });
    expect(titles(p).some((t) => /鲜花祭扫|绿色祭扫/.test(t))).toBe(false);
    expect(one(p, '文明引导志愿服务').kind).toBe('volunteer');
  });
});
