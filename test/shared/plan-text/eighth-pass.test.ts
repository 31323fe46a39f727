/**
 * Rules of the eighth issue-13 pass, one small text each (not the corpus's wording): plans issued inside
 * their notice, headings that name what their body does, quotas, slogans and requirements that are not events.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan, parsePlanAsync } from '../../../shared/src/plan-text/index';
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
    const p = P('一、活动安排\n（一）分众阶段（5月1日至6月20日）\n1. 开展分众化宣讲。各乡镇用方言土语开展对象化、互动化宣讲，每个乡镇宣讲不少于20场。');
    expect(titles(p)).toEqual(['分众化宣讲']);
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

describe('times and names', () => {
  it('reads the last weekday of each month with its part of the day, and names it by the body that studies', () => {
    const p = parsePlan('在机关党建工作会议上的讲话\n同志们：\n抓理论学习，关键在常态长效。局中心组学习要形成固定节奏，每月最后一个星期五下午集中学习一次。\n抓作风建设，重在落实。5月份组织全体党员开展警示教育。', { defaultYear: 2026 });
    expect(one(p, '集中学习')).toMatchObject({ title: '局中心组集中学习', start: '2026-01-30T14:30', rrule: 'FREQ=MONTHLY;BYDAY=-1FR' });
  });

  it('keeps audiences joined by 和 in a training name', () => {
    expect(one(P('一、活动安排\n（一）4月份举办支部书记和党务干部培训班。'), '培训班').title).toBe('支部书记和党务干部培训班');
  });

  it("does not take the year's figures (全年借阅量) for a time", () => {
    const p = P('一、评选\n（一）“年度阅读之星”评选。10月，根据全年借阅量，评选“年度阅读之星”50名。');
    expect(one(p, '阅读之星')).toMatchObject({ title: '“年度阅读之星”评选', start: '2026-10-01' });
    // (…but 全年 before a verb is the year: "全年开展…宣讲活动")
    expect(one(P('一、宣讲\n（一）全年开展“理论进基层”宣讲活动。'), '宣讲')).toMatchObject({ start: '2026-01-01', end: '2027-01-01' });
  });

  it('reads an activity that opens its sentence, then its schedule and where it is held', () => {
    const p = P('一、活动内容\n（一）讲座\n5月举办讲座。\n（二）读书会\n“青灯夜读”读书会每双周周五晚上在本馆阅读区举办。');
    expect(one(p, '读书会')).toMatchObject({ title: '“青灯夜读”读书会', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR' });
  });

  it('names the activity noun after a quoted name that ends in a noun', () => {
    expect(titles(P('一、活动内容\n（一）阅读分享会。5月中旬，在县图书馆举办“好书共读”阅读分享会。'))).toEqual(['“好书共读”阅读分享会']);
  });

  it('dates a campaign by its period, not by the festival that is only its occasion', () => {
    const p = P('一、活动内容\n（一）阅读推广月\n4月1日至30日，以“4·23”世界读书日为契机，在全市开展“书香青禾”阅读推广月活动。');
    expect(one(p, '阅读推广月')).toMatchObject({ start: '2026-04-01', end: '2026-05-01' });
  });

  it('reads a Traditional plan as its Simplified copy: requirement headings, kinds and 組織單位 alike', async () => {
    const p = await parsePlanAsync(
      '青禾縣圖書館2026年閱讀推廣活動方案\n一、組織單位\n主辦單位：青禾縣文化局\n承辦單位：青禾縣圖書館\n二、活動內容\n（一）頒獎典禮。11月中旬，舉辦年度閱讀推廣活動頒獎典禮。\n（二）地方文獻展。6月，舉辦「典籍裏的青禾」地方文獻展。',
    );
    expect(p.activities.map((a) => [a.title, a.kind])).toEqual([
      ['年度閱讀推廣活動頒獎典禮', 'assessment'],
      ['「典籍裏的青禾」地方文獻展', 'exhibition'],
    ]);
  });
});

describe('festivals, quarters and stretches', () => {
  const N = planUnder('青禾县文化馆关于开展2026年传统节日群众文化活动的通知');

  it('gives festivals listed before one 期间 a session each when the activity is held 分别', () => {
    const p = N('一、活动安排\n（一）游园会。端午、中秋两节期间，县文化馆分别在滨江公园举办一场“我们的节日”民俗游园会。');
    expect(one(p, '游园会')).toMatchObject({ start: '2026-06-19', rdates: ['2026-09-25'] });
  });

  it('keeps two festivals before one 期间 one stretch without 分别', () => {
    const p = N('一、活动安排\n（一）书画展。中秋、国庆期间，在县文化馆展厅举办“月满青禾”书画摄影展。');
    expect(one(p, '书画摄影展')).toMatchObject({ start: '2026-09-25', end: '2026-10-08' });
  });

  it('reads a leading time clause as the time of the sentence', () => {
    const p = N('一、线上活动\n春节、端午、中秋期间，县文化馆公众号分别推出一期“节日里的青禾”短视频展播。');
    expect(one(p, '短视频展播')).toMatchObject({ start: '2026-02-17', rdates: ['2026-06-19', '2026-09-25'] });
  });

  it('reads every day of a stretch as that stretch', () => {
    const p = N('一、活动安排\n（一）戏曲展演。正月初二至初六（2月18日至22日）每天下午，在县文化馆小剧场举办新春戏曲展演，由县剧团和民间戏曲社团轮流演出。');
    expect(p.activities.map((a) => [a.title, a.start, a.end])).toEqual([['新春戏曲展演', '2026-02-18', '2026-02-23']]);
  });

  it('gives an item with no time its quarter, when the quarter heading also writes its months', () => {
    const p = parsePlan('青禾县机关党委2026年党建工作计划\n一、工作安排\n（一）第一季度（1—3月）\n1. 召开年度组织生活会。各党支部召开组织生活会。\n2. 开展“学雷锋”志愿服务。3月组织党员志愿者开展志愿服务。');
    expect(one(p, '组织生活会')).toMatchObject({ start: '2026-01-01', end: '2026-04-01' });
  });

  it('knows parades and exhibitions of culture', () => {
    const p = N('一、活动安排\n（一）元宵节当天上午，组织龙灯队开展“闹元宵”民俗踩街巡游。\n（二）春节期间，举办“骏马迎春”新春民俗文化展。');
    expect(titles(p)).toEqual(['“闹元宵”民俗踩街巡游', '“骏马迎春”新春民俗文化展']);
  });
});

describe('field-list items and posts', () => {
  const T = planUnder('关于开展2026年青少年暑期系列活动的通知');

  it("gives a field-list item the co-organisers its description names before a comma", () => {
    const p = T('一、“知心姐姐”心理健康辅导进社区\n联合县妇联，邀请心理咨询师开展团体辅导。\n活动时间：7月14日至8月20日\n二、“安全一夏”防溺水专题讲座\n团县委联合县教育局、县应急管理局，邀请消防员讲解防溺水知识。\n活动时间：7月15日上午');
    expect(one(p, '心理健康').units).toEqual(['县妇联']);
    expect(one(p, '专题讲座').units).toEqual(['县教育局', '县应急管理局']);
  });

  it('reads no activity in how to sign up, nor in the items of a list closed by a kind of 活动', () => {
    const p = T('一、“书香伴成长”亲子阅读会\n联合县图书馆开展绘本共读、故事接龙、好书推荐等亲子阅读活动。\n活动时间：7月8日至8月26日\n报名方式：关注公众号，点击菜单栏“暑期活动”预约');
    expect(titles(p)).toEqual(['“书香伴成长”亲子阅读会']);
  });

  it("takes an item's 时间： line, not the month inside its quoted name", () => {
    const p = T('一、“芳华五月”青年美术作品展\n时间：5月4日—5月24日（周一闭馆）\n地点：市文化馆一楼展厅\n二、非遗剪纸公益培训班\n时间：5月9日上午');
    expect(one(p, '美术作品展')).toMatchObject({ start: '2026-05-04', end: '2026-05-25' });
  });

  it("keeps a quoted series name's topic after its colon in the heading", () => {
    const p = T('【活动一】“云岫讲堂”：宋代美学与生活\n时间：5月17日（周日）14:30\n【活动二】“舞动云岫”广场舞展演\n时间：5月16日19:30');
    expect(p.sections.map((s) => s.title)).toEqual(['“云岫讲堂”：宋代美学与生活', '“舞动云岫”广场舞展演']);
  });
});

describe('class lists, study months and task tables', () => {
  it('reads a class named at a line start, its dates and weekly schedule after the colon', () => {
    const p = parsePlan('青禾县群艺馆关于举办2026年暑期公益培训班的通知\n一、培训班次\n少儿舞蹈班：7月6日—8月14日，每周一、三、五上午9:00—10:30，限30人\n成人合唱班：7月7日—8月11日，每周二晚上19:00—20:30，限40人\n二、报名办法\n（一）报名方式：关注公众号，点击“公益培训”菜单在线报名。\n三、结业汇报\n（一）结业汇报演出：8月15日晚上19:30在剧场举行，各班学员登台进行学习成果展示。');
    expect(p.activities.map((a) => [a.title, a.kind, a.start, a.rrule])).toEqual([
      ['少儿舞蹈班', 'training', '2026-07-06T09:00', 'FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20260814T235959'],
      ['成人合唱班', 'training', '2026-07-07T19:00', 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260811T235959'],
      ['结业汇报演出', 'other', '2026-08-15T19:30', undefined],
    ]);
  });

  it("names each month line's study by what it studies, and a quarter's 专题研讨 by its quarter, in the line's month", () => {
    const p = parsePlan('青禾县局党组理论学习中心组2026年学习计划\n全年安排专题研讨4次。\n具体安排如下：\n3月：学习全国两会精神（领学人：王某某）；第一季度专题研讨：围绕“以文塑旅”开展专题研讨\n6月：学习《中国共产党简史》有关章节，纪念中国共产党成立105周年（领学人：张某某）\n11月：学习《安全生产法》（领学人：赵某某）；学习新修订的《文物保护法》（领学人：孙某某）');
    expect(p.activities.map((a) => [a.title, a.start])).toEqual([
      ['学习全国两会精神', '2026-03-01'],
      ['第一季度专题研讨', '2026-03-01'],
      ['学习《中国共产党简史》有关章节', '2026-06-01'],
      ['学习《安全生产法》', '2026-11-01'],
      ['学习新修订的《文物保护法》', '2026-11-01'],
    ]);
  });

  it('dates a task row by its month, not by its 完成时限 deadline, and drops paperwork rows', () => {
    const p = parsePlan('青禾县文明办2026年创建工作月度安排表\n序号\t月份\t工作任务\t责任单位\t完成时限\n1\t3月\t“学雷锋·文明行”志愿服务月\t团县委\t3月底前\n2\t\t2025年度创建台账整理归档\t各成员单位\t3月底前\n3\t4月\t第一季度模拟测评\t县文明办\t4月中旬');
    expect(p.activities.map((a) => [a.title, a.start, a.end])).toEqual([
      ['“学雷锋·文明行”志愿服务月', '2026-03-01', '2026-04-01'],
      ['第一季度模拟测评', '2026-04-11', '2026-04-21'],
    ]);
  });

  it("keeps a festival whose anniversary or series a name is, and merges an award heading with what its body awards", () => {
    const p = parsePlan('青禾县妇联2026年“三八”国际妇女节系列活动方案\n一、活动内容\n（一）庆祝“三八”国际妇女节116周年暨表彰大会。3月6日上午9:00召开，表彰“三八红旗手”“三八红旗集体”。\n（二）读书会。3月举办巾帼读书会。');
    expect(one(p, '表彰大会')).toMatchObject({ title: '庆祝“三八”国际妇女节116周年暨表彰大会', start: '2026-03-06T09:00' });
    expect(titles(p)).toHaveLength(2);
  });
});

describe('posted notices, site pages and requirements', () => {
  it("takes a notice's own title line under a post's headline and meta line", () => {
    const p = parsePlan('青禾社科\n社科普及周来了！11场活动等你来“打卡”→\n原创 青禾社科 青禾社科 2026年05月08日 09:30 青禾\n\n关于举办2026年青禾县社会科学普及周活动的通知\n\n各有关单位：\n决定于2026年5月18日至24日举办2026年青禾县社会科学普及周活动。\n一、主要活动\n（一）社科普及基地开放日\n时间：5月24日（星期日）9:00—17:00');
    expect(p.title).toBe('关于举办2026年青禾县社会科学普及周活动的通知');
    expect(titles(p)).toEqual(['2026年青禾县社会科学普及周活动', '社科普及基地开放日']);
  });

  it('drops under 保障措施 what has no time and no name, the kinds of a programme, a field of focus and described media', () => {
    const p = P(
      '一、总体要求\n聚焦群众文化活动、公共文化服务两项重点。\n二、重点工作\n（一）办好艺术节。9月至10月，举办第六届群众文化艺术节，开展广场舞、戏曲、合唱等门类展演。\n（二）短视频征集。5月18日—6月15日，围绕社科故事创作3分钟以内的短视频。\n三、保障措施\n（一）强化队伍建设。加强业务干部学习培训。\n（二）落实经费保障。积极争取财政支持。',
    );
    expect(titles(p)).toEqual(['第六届群众文化艺术节', '短视频征集']);
  });
});

describe('tables pasted from Excel with group rows', () => {
  const table = [
    '青禾县图书馆2026年全民阅读节活动安排表\t\t\t\t',
    '序号\t活动名称\t时间\t地点\t主办/承办',
    '一、主题阅读活动\t\t\t\t',
    '1\t全民阅读节启动仪式\t"4月23日',
    '上午9:30"\t县图书馆南广场\t县委宣传部/县图书馆',
    '2\t“青禾书声”经典诵读大赛\t5月16日下午2:30\t县文化馆小剧场\t县图书馆/县教育局',
    '二、讲座展览活动\t\t\t\t',
    '3\t数字阅读体验周\t5月11日—17日\t县图书馆二楼\t县图书馆',
    '4\t“纸墨传薪”古籍修复成果展\t4月20日—5月20日\t县图书馆一楼展厅\t县图书馆/县档案馆',
    '',
    '备注：',
    '1. 以上活动如有调整，以公众号发布信息为准。',
    '2. 阅读节期间开放时间为每周二至周日9:00—17:30。',
  ].join('\n');

  it("reads a cell Excel quoted over two lines, keeps the header's columns under each group row, and drafts no group row", () => {
    const p = parsePlan(table);
    expect(p.activities.map((a) => [a.title, a.sectionId, a.start, a.units])).toEqual([
      ['全民阅读节启动仪式', 's1', '2026-04-23T09:30', ['县委宣传部', '县图书馆']],
      ['“青禾书声”经典诵读大赛', 's1', '2026-05-16T14:30', ['县图书馆', '县教育局']],
      ['数字阅读体验周', 's2', '2026-05-11', ['县图书馆']],
      ['“纸墨传薪”古籍修复成果展', 's2', '2026-04-20', ['县图书馆', '县档案馆']],
    ]);
  });

  it('ends the outline at a 备注： line', () => {
    expect(parsePlan(table).sections.map((s) => s.label)).toEqual(['一、', '二、']);
  });
});

describe('speech points', () => {
  it('takes no look back, aside or continuation paragraph for a point', () => {
    const p = parsePlan(
      '在全县宣传思想文化工作会议上的讲话\n（2026年2月10日）\n\n同志们：\n下面，我讲几点意见。\n\n过去一年，全县宣传思想文化工作取得新成效，举办各类活动200余场。\n\n抓理论武装，要在学懂弄通上下功夫。一是抓好中心组学习，每月集中学习一次。二是深化对象化宣讲，下半年开展“百场宣讲进基层”活动。\n\n这里我插一句，宣讲不能照本宣科，要多用身边事讲清大道理，让群众听得懂、愿意听、记得住。\n\n抓新闻舆论，要在守正创新上下功夫。国庆节前推出“奋进新征程”系列报道。\n\n同时，要用好新媒体平台，每月组织一次网评员培训，把正面声音传得更远、更广、更深入人心。\n\n抓文明创建，要在常态长效上下功夫。6月组织全县文明创建交叉测评。',
      { defaultYear: 2026 },
    );
    expect(p.sections.filter((s) => !s.parentId).map((s) => s.title)).toEqual(['抓理论武装', '抓新闻舆论', '抓文明创建']);
  });
});

describe('day lines of a month calendar', () => {
  it('reads each day line: the quoted name before 走访慰问, who holds it later in the line, 使用 and kinds of volunteers', () => {
    const p = parsePlan(
      '青禾县新时代文明实践中心关于2026年6月份志愿服务活动安排的通知\n具体安排如下：\n6月3日（星期三）下午：“银龄课堂”智能手机使用培训，地点：望江社区新时代文明实践站。\n6月5日（星期五）上午：“河小青”护河志愿行动，地点：城区段，由团县委青年志愿者服务队承办。\n6月19日（星期五，端午节）上午：“情暖端午”走访慰问独居老人，由各乡镇新时代文明实践所分别组织。\n\n6月重点招募文艺展演、法律咨询、医疗义诊和助老服务类志愿者。',
    );
    expect(p.activities.map((a) => [a.title, a.start?.slice(0, 10), a.units])).toEqual([
      ['“银龄课堂”智能手机使用培训', '2026-06-03', []],
      ['“河小青”护河志愿行动', '2026-06-05', ['团县委青年志愿者服务队']],
      ['“情暖端午”走访慰问独居老人', '2026-06-19', []],
    ]);
  });
});

describe('names with an audience and meetings of a federation', () => {
  it('keeps a quoted name with its audience before 集中, and knows 全委会', () => {
    const p = P('一、活动内容\n（一）清明节前后，组织“缅怀先烈”青少年集中祭扫活动，开展革命传统教育。\n（二）12月，召开县文联三届四次全委会，总结年度工作。');
    expect(p.activities.map((a) => [a.title, a.kind])).toEqual([
      ['“缅怀先烈”青少年集中祭扫活动', 'other'],
      ['县文联三届四次全委会', 'meeting'],
    ]);
  });
});
