/**
 * Rules of the tenth issue-13 pass, one small text each (not the corpus's wording): plans in parts (第一部分),
 * phases that open their paragraph (第一阶段), notices that leave their activities to the annex, run-together
 * field lines, undecided times, and a few sentence patterns of speeches.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan, sectionLabelPath, sectionLeadPath } from '../../../shared/src/plan-text/index';
import { one, titles } from './rule-helpers';

describe('a 要点 in parts: 第一部分 → （一） → 1.', () => {
  const plan = [
    '某市档案馆2026年工作要点',
    '',
    '第一部分  夯实基础工作',
    '（一）做好档案接收',
    '1.4月启动年度档案进馆接收工作。',
    '2.完善接收制度。',
    '第二部分  扩大开放利用',
    '（一）办好展览',
    '1.6月举办“城市记忆”档案文献展。',
    '（三）加强宣传',
    '1.“6·9国际档案日”前后开展档案宣传周活动。',
  ].join('\n');

  it('makes each part a top-level section with its items under it', () => {
    const p = parsePlan(plan);
    expect(p.sections.filter((s) => s.level === 1).map((s) => `${s.label}|${s.title}`)).toEqual(['第一部分|夯实基础工作', '第二部分|扩大开放利用']);
    const show = one(p, '档案文献展');
    expect(sectionLabelPath(p.sections, show.sectionId)).toBe('第二部分 （一） 1.');
    expect(show.start).toBe('2026-06-01');
  });

  it('does not take 第一部分 inside a sentence for a heading', () => {
    const p = parsePlan(['某县文化馆2026年工作计划', '一、群文活动', '按照方案第一部分 的要求，5月举办广场舞展演。'].join('\n'));
    expect(p.sections.map((s) => s.label)).toEqual(['一、']);
  });
});

describe('phases that open their paragraph in a speech', () => {
  const speech = [
    '在全区“清风行动”动员会上的讲话',
    '',
    '同志们：',
    '第一，统一思想，提高认识。这次行动事关全局。',
    '第二，压茬推进，分步实施。行动分两个阶段。',
    '第一阶段从3月1日到3月31日，主要是摸底。3月10日召开全区推进会。',
    '第二阶段从4月1日到5月31日，主要是整改。会同区市场监管局开展食品安全专项整治。',
    '第三，强化保障。',
  ].join('\n');

  it('nests each phase under its point and links its activities there, dated by the phase when they have no date', () => {
    const p = parsePlan(speech);
    expect(p.sections.filter((s) => s.level === 2).map((s) => s.label)).toEqual(['第一阶段', '第二阶段']);
    const meet = one(p, '推进会');
    expect(sectionLabelPath(p.sections, meet.sectionId)).toBe('第二， 第一阶段');
    const fix = one(p, '食品安全专项整治');
    expect(sectionLabelPath(p.sections, fix.sectionId)).toBe('第二， 第二阶段');
    expect([fix.start, fix.end]).toEqual(['2026-04-01', '2026-06-01']);
    expect(fix.units).toEqual(['区市场监管局']);
  });

  it('reads a speech title broken between its 在 and its 上的讲话 as one title', () => {
    const p = parsePlan(['在全区“清风行动”', '动员会上的讲话', '', '同志们：', '第一，统一思想。3月10日召开推进会。', '第二，强化保障。'].join('\n'));
    expect(p.title).toBe('在全区“清风行动”动员会上的讲话');
  });
});

describe('a notice whose activities are 详见附件', () => {
  const notice = [
    '某县总工会关于举办2026年职工文化月活动的通知',
    '',
    '各基层工会：',
    '现将有关事项通知如下。',
    '一、活动时间',
    '2026年9月1日至9月30日。',
    '二、活动安排',
    '文化月共安排4项活动，时间、地点和内容详见附件。',
    '三、有关要求',
    '（一）加强组织。各单位明确专人负责。',
    '',
    '附件：2026年职工文化月活动安排',
    '',
    '某县总工会',
    '2026年8月20日',
    '',
    '附件',
    '',
    '2026年职工文化月活动安排',
    '',
    '1、职工书画展  时间：9月5日至15日  地点：县文化馆  内容：展出职工作品100件。',
    '2、职工象棋赛  时间：9月12日  地点：县职工之家  协办单位：县棋类协会  内容：个人赛。',
    '3、职工合唱比赛  时间：待定  地点：县剧院  内容：各工会选送一支队伍。',
    '4、职工读书会  时间：每周六上午9:00  地点：县职工书屋',
  ].join('\n');

  it("makes the annex's numbered items sections after the body's own", () => {
    const p = parsePlan(notice);
    expect(p.sections.filter((s) => s.level === 1).map((s) => s.label)).toEqual(['一、', '二、', '三、', '1、', '2、', '3、', '4、']);
    expect(p.sections.find((s) => s.label === '2、')!.title).toBe('职工象棋赛');
  });

  it('names each item by its name, dates it by its own 时间 field, and takes its 协办单位', () => {
    const p = parsePlan(notice);
    const show = one(p, '书画展');
    expect(sectionLabelPath(p.sections, show.sectionId)).toBe('1、');
    expect([show.start, show.end]).toEqual(['2026-09-05', '2026-09-16']);
    const chess = one(p, '象棋赛');
    expect(chess.title).toBe('职工象棋赛');
    expect(chess.start).toBe('2026-09-12');
    expect(chess.units).toEqual(['县棋类协会']);
    expect(one(p, '读书会').rrule).toMatch(/^FREQ=WEEKLY;BYDAY=SA/);
  });

  it('leaves an item whose time is 待定 undated instead of giving it the plan period', () => {
    const choir = one(parsePlan(notice), '合唱比赛');
    expect(choir.start).toBeUndefined();
    expect(choir.rrule).toBeUndefined();
  });

  it('keeps the annex out of the outline when the body does not leave its activities to it', () => {
    const p = parsePlan(notice.replace('时间、地点和内容详见附件', '各项活动另行通知'));
    expect(p.sections.filter((s) => s.level === 1).map((s) => s.label)).toEqual(['一、', '二、', '三、']);
  });
});

describe('sentence patterns', () => {
  const P = (body: string) => parsePlan(`某区文明办2026年工作要点\n一、重点工作\n${body}`);

  it('names an assessment by what is assessed: 对X开展Y', () => {
    expect(one(P('年底对全区文明实践站开展年度考核评估。'), '考核评估').title).toBe('全区文明实践站年度考核评估');
  });

  it('takes the time of the bare 评选 a named selection goes on to, as one draft', () => {
    const p = P('今年的“最美家庭”推选，各街道要在7月20日前把候选名单报上来，7月下旬由区里组织评选。');
    const sel = one(p, '最美家庭');
    expect(sel.title).toBe('“最美家庭”推选');
    expect(sel.start).toBe('2026-07-21');
    expect(titles(p)).toHaveLength(1);
  });

  it('names a recurring day with its scope, 每月第二个周六为全区“志愿服务日”', () => {
    const p = P('从6月开始，每月第二个周六为全区“志愿服务日”，各单位组织志愿者开展服务，不能搞“走过场”志愿服务。');
    const day = one(p, '志愿服务日');
    expect(day.title).toBe('全区“志愿服务日”');
    expect(day.rrule).toMatch(/^FREQ=MONTHLY;BYDAY=2SA/);
    expect(titles(p).some((t) => t.includes('走过场'))).toBe(false);
  });

  it('reads kinds of event listed as venues to manage as none', () => {
    expect(titles(P('加强对讲座、论坛、报告会等阵地的管理。'))).toEqual([]);
  });

  it('takes calls for entries, reviews and checks with a time of their own', () => {
    const p = P('3月启动年度课题申报；11月组织开展学会年度检查。');
    expect(one(p, '课题申报').kind).toBe('contest');
    expect(one(p, '年度检查').kind).toBe('assessment');
    expect(titles(P('做好课题申报和检查工作。'))).toEqual([]);
    expect(titles(P('强化督促检查。各单位年内开展督促检查。'))).toEqual([]);
    expect(one(P('12月开展一次专项检查。'), '专项检查').kind).toBe('assessment');
  });

  it('gives each 会同 clause its own co-organisers and no time words', () => {
    const p = P('6月起，会同区交警大队开展文明交通劝导，会同区城管局每周五开展背街小巷环境整治。');
    expect(one(p, '劝导').units).toEqual(['区交警大队']);
    expect(one(p, '背街小巷').units).toEqual(['区城管局']);
  });
});

describe('a speech told part by part: 先说说… 再说说… 最后，讲几点要求', () => {
  const speech = [
    '在全镇文化工作推进会上的讲话',
    '',
    '同志们：',
    '今天主要把下半年的几件事说一说。',
    '',
    '先说说阅读推广。',
    '这件事群众欢迎，下半年要在“常”字上下功夫：一个是“常”，一个是“新”。',
    '阅读活动要办得更经常。',
    '一方面，要把书送到村里。8月组织“书香进村”图书巡展，每个村一次。',
    '另一方面，要让孩子们读起来。暑期举办少儿绘本阅读营。',
    '阅读阵地要建得更好。',
    '首先，农家书屋要开得了门。9月开展农家书屋检查。其次，要把交流平台搭起来。从10月起每月一次在镇文化站办“书香沙龙”。',
    '',
    '再说说群众文艺。',
    '中秋节当晚，在镇广场举办“月圆乡村”文艺晚会。',
    '',
    '最后，讲几点要求。',
    '一是压实责任。各村要明确专人。',
    '二是加强调度。镇里每月召开一次工作调度会。',
  ].join('\n');

  it('reads the parts, their headline sentences and their connective sub-points as three levels', () => {
    const p = parsePlan(speech);
    const tree = p.sections.map((s) => `${'  '.repeat(s.level - 1)}${s.label}|${s.title}`);
    expect(tree).toEqual([
      '|先说说阅读推广',
      '  |阅读活动要办得更经常',
      '    一方面|要把书送到村里',
      '    另一方面|要让孩子们读起来',
      '  |阅读阵地要建得更好',
      '    首先|农家书屋要开得了门',
      '    其次|要把交流平台搭起来',
      '|再说说群众文艺',
      '|最后，讲几点要求',
      '  一是|压实责任',
      '  二是|加强调度',
    ]);
  });

  it('links each activity to its sub-point, a 其次 said inside the 首先 paragraph included', () => {
    const p = parsePlan(speech);
    expect(sectionLabelPath(p.sections, one(p, '图书巡展').sectionId)).toBe('先说说阅读推广 阅读活动要办得更… 一方面');
    expect(sectionLabelPath(p.sections, one(p, '书香沙龙').sectionId)).toBe('先说说阅读推广 阅读阵地要建得更… 其次');
    expect(sectionLabelPath(p.sections, one(p, '文艺晚会').sectionId)).toBe('再说说群众文艺');
  });

  it('leads a shown title with its ancestors and own label only, so an unnumbered part is not named twice', () => {
    const p = parsePlan(speech);
    const lead = (id: string) => sectionLeadPath(p.sections, id);
    expect(lead(one(p, '文艺晚会').sectionId)).toBe('');
    expect(lead(one(p, '书香沙龙').sectionId)).toBe('先说说阅读推广 阅读阵地要建得更… 其次');
    const yiShi = p.sections.find((s) => s.label === '一是')!;
    expect(lead(yiShi.id)).toBe('最后，讲几点要求 一是');
    const inner = p.sections.find((s) => s.title === '阅读活动要办得更经常')!;
    expect(lead(inner.id)).toBe('先说说阅读推广');
  });

  it('needs the first part opened with 先 or 首先: one 再说说 line alone is no structure', () => {
    const p = parsePlan(speech.replace('先说说阅读推广。', '阅读推广。'));
    expect(p.sections.some((s) => s.title === '再说说群众文艺' && s.level === 1 && s.label === '')).toBe(false);
  });
});

describe('a speech dated under its title: 下个月, 本月', () => {
  const speech = (date: string, line: string) => parsePlan(['在全县文化工作会议上的讲话', `（${date}）`, '', '同志们：', '先说说宣讲。', line, '最后，讲几点要求。'].join('\n'));

  it('reads 下个月 as the month after the date and 本月 as its month, keeping the words as the cue', () => {
    const p = speech('2026年6月12日', '下个月，县里组织“百姓名嘴”巡回宣讲。本月底前举办一期宣讲员培训班。');
    const tour = one(p, '巡回宣讲');
    expect([tour.start, tour.end, tour.cue]).toEqual(['2026-07-01', '2026-08-01', '下个月']);
    expect(one(p, '培训班').start?.slice(0, 7)).toBe('2026-06');
  });

  it('leaves 下个月 undated in a December speech (next year) and in a speech with no date line', () => {
    expect(one(speech('2026年12月10日', '下个月，县里组织“百姓名嘴”巡回宣讲。'), '巡回宣讲').start).toBeUndefined();
    const undated = parsePlan(['在全县文化工作会议上的讲话', '', '同志们：', '先说说宣讲。', '下个月，县里组织“百姓名嘴”巡回宣讲。', '最后，讲几点要求。'].join('\n'));
    expect(one(undated, '巡回宣讲').start).toBeUndefined();
  });
});

describe('more sentence patterns of speeches', () => {
  const P = (body: string) => parsePlan(`某县委宣传部2026年工作要点\n一、重点工作\n${body}`);

  it('reads 七八月份 as July and August, and keeps 十二月 one month', () => {
    const show = one(P('七八月份，县文化馆要把“送戏下乡”惠民演出抓起来。'), '惠民演出');
    expect([show.start, show.end]).toEqual(['2026-07-01', '2026-09-01']);
    expect(one(P('十二月举办年终文艺汇演。'), '汇演').start).toBe('2026-12-01');
  });

  it('takes an activity that is the object of 把 with its verb after it', () => {
    expect(one(P('7月，各镇要把“农民丰收节”文艺演出办好。'), '文艺演出').start).toBe('2026-07-01');
  });

  it('drops activities referred back to (…这些活动) and mechanisms to set up', () => {
    expect(titles(P('上半年，“书香”读书节、春节送春联这些活动，群众反响都不错。'))).toEqual([]);
    expect(titles(P('要健全网络舆情研判和处置机制。'))).toEqual([]);
  });

  it('dates a 同时 sentence by the sentence before it', () => {
    const p = P('七一前后，各支部开展“重温入党誓词”主题党日。县里同时安排一场党史专题报告会。');
    expect(one(p, '报告会').start).toBe(one(p, '主题党日').start);
  });

  it('takes a roll of honour published on a schedule, and not one results are merely added to', () => {
    const p = P('区文明办每季度发布一期“溪口好人榜”。评选结果纳入“溪口好人榜”一并发布。');
    const roll = one(p, '好人榜');
    expect(roll.title).toBe('“溪口好人榜”');
    expect([roll.kind, roll.rrule]).toEqual(['publicity', 'FREQ=MONTHLY;INTERVAL=3']);
    expect(titles(P('适时发布“溪口好人榜”。'))).toEqual([]);
    // 发布 opens a quoted name only: 新闻发布 is part of the next one.
    expect(titles(P('7月举办全市新闻发布工作培训班。'))).toEqual(['全市新闻发布工作培训班']);
  });

  it('reads kinds of work a sentence arranges (…等工作) as none', () => {
    expect(titles(P('并对专题党课、民主生活会、“七一”评选表彰等工作一并作出安排。'))).toEqual([]);
  });

  it('names a recurring day said with 就是…的', () => {
    const day = one(P('从现在起，每个周六就是全县的“文明实践志愿服务日”。'), '志愿服务日');
    expect(day.title).toBe('全县“文明实践志愿服务日”');
    expect(day.rrule).toMatch(/^FREQ=WEEKLY;BYDAY=SA/);
  });
});

describe('a post whose 【活动一】 labels stand alone, each name on the next line', () => {
  const post = ['某县图书馆2026年读书月活动预告', '', '【活动一】', '“青溪夜读”读书分享会', '时间：4月18日晚7:00', '', '【活动二】', '少儿绘本剧展演', '时间：4月25日上午9:30', '', '【活动三】', '时间：4月1日至30日'].join('\n');

  it('titles each section with the name line under its label, not a field line', () => {
    const p = parsePlan(post);
    expect(p.sections.map((s) => `${s.label}|${s.title}`)).toEqual(['【活动一】|“青溪夜读”读书分享会', '【活动二】|少儿绘本剧展演', '【活动三】|']);
    expect(titles(p)).toContain('“青溪夜读”读书分享会');
    expect(titles(p).filter((t) => t.includes('读书分享会'))).toHaveLength(1);
  });
});
