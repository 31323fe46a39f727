/**
 * Rules of the fifth issue-13 pass, one small text each: a contest's rounds in one sentence, headings
 * that are only a time, the same outing on two dates, and words that look like activities but are not.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../shared/src/plan-text/index';
import { one, planUnder, titles } from './rule-helpers';

const P = planUnder('2026年宣传工作方案');

describe('rounds of a contest in one sentence', () => {
  it('gives each round its own draft, named after the contest and dated by its own time', () => {
    const p = P('一、比赛安排\n（一）全县“百姓名嘴”宣讲比赛4月中旬初赛，5月上旬复赛，5月下旬决赛，决赛在县文化中心举行。');
    expect(p.activities.map((a) => [a.title, a.kind, a.start, a.end])).toEqual([
      ['全县“百姓名嘴”宣讲比赛初赛', 'contest', '2026-04-11', '2026-04-21'],
      ['全县“百姓名嘴”宣讲比赛复赛', 'contest', '2026-05-01', '2026-05-11'],
      ['全县“百姓名嘴”宣讲比赛决赛', 'contest', '2026-05-21', '2026-06-01'],
    ]);
  });

  it('reads 报名 after a verb as a round, and the contest named again before 决赛 as the same contest', () => {
    const p = P('一、宣讲\n（一）开展“微宣讲”比赛。4月启动报名，5月中旬完成初赛，6月下旬举行全市“微宣讲”比赛决赛。');
    expect(p.activities.map((a) => [a.title, a.start])).toEqual([
      ['“微宣讲”比赛报名', '2026-04-01'],
      ['“微宣讲”比赛初赛', '2026-05-11'],
      ['“微宣讲”比赛决赛', '2026-06-21'],
    ]);
  });

  it('reads 9月初赛 as September and a first round, not early September', () => {
    const p = P('一、读书\n（一）举办全市读书征文比赛。9月初赛，10月决赛。');
    expect(one(p, '初赛')).toMatchObject({ start: '2026-09-01', end: '2026-10-01' });
    expect(one(p, '决赛')).toMatchObject({ start: '2026-10-01', end: '2026-11-01' });
  });

  it('leaves one contest with one round, and rounds shared out by 分别于, as one activity', () => {
    expect(titles(P('一、比赛\n（一）举办全县书法比赛。10月中旬举行决赛。'))).toEqual(['全县书法比赛']);
    expect(titles(P('一、比赛\n（一）举办摄影大赛。分别于4月、8月举办全县群众摄影大赛初赛和决赛。'))).toHaveLength(1);
  });
});

describe('a heading that is only a time', () => {
  const plan = P(
    '一、第一季度\n1.举办迎春书画展。\n2.开展“快乐寒假”阅读活动。1月至2月每周六上午开放。\n二、第四季度\n1.开展“非遗进校园”活动。组织传承人走进中小学。\n2.召开年度总结会。12月下旬召开。',
  );

  it('dates the items under it that give no time of their own', () => {
    expect(one(plan, '书画展')).toMatchObject({ start: '2026-01-01', end: '2026-04-01' });
    expect(one(plan, '非遗进校园')).toMatchObject({ start: '2026-10-01', end: '2027-01-01' });
  });

  it('lets an item keep its own time', () => {
    expect(one(plan, '快乐寒假').rrule).toMatch(/^FREQ=WEEKLY;BYDAY=SA/);
    expect(one(plan, '总结会')).toMatchObject({ start: '2026-12-21' });
  });

  it('is not read as one when it says more than a time', () => {
    const p = P('一、第一季度重点抓好理论学习\n1.举办迎春书画展。\n二、其他\n1.开展读书活动。');
    expect(one(p, '书画展').start).toBeUndefined();
  });
});

describe('the same outing under two items', () => {
  it('stays two activities when each has its own time', () => {
    const p = P('一、上半年\n1.开展送文化下乡演出。5月中旬，组织文艺小分队深入偏远村组开展送文化下乡演出。\n二、下半年\n1.开展秋季送文化下乡。9月，组织县艺术团赴各乡镇开展送文化下乡演出5场。');
    expect(p.activities.filter((a) => a.title.includes('送文化下乡')).map((a) => a.start)).toEqual(['2026-05-11', '2026-09-01']);
  });

  it('is one activity when a later list repeats it without a time', () => {
    const p = P('一、活动内容\n（一）送文化下乡演出\n二、活动时间\n（一）送文化下乡演出\n时间：5月中旬');
    expect(p.activities.filter((a) => a.title.includes('送文化下乡'))).toHaveLength(1);
  });
});

describe('words that look like activities', () => {
  it('reads 演出 as an event, and 送文化下乡 only with a time of its own', () => {
    expect(one(P('一、文化\n（一）8月组织小分队进村演出。'), '演出').kind).toBe('other');
    expect(titles(P('一、文化\n（一）各级文化馆站要组织送文化下乡，丰富群众生活。'))).toEqual([]);
    expect(one(P('一、文化\n（一）组织县艺术团开展送文化下乡活动，全年不少于20场。'), '送文化下乡活动').kind).toBe('other');
  });

  it('does not read the state or news of activities as one', () => {
    const p = P('一、要求\n（一）各支部要如实记录会议和活动情况。\n（二）每月更新专题页面，发布演出和培训信息。');
    expect(titles(p).filter((t) => /会议|演出|培训/.test(t))).toEqual([]);
  });

  it('drops 上好/讲好 from a title and takes a schedule that says 至少讲授', () => {
    const p = P('一、三会一课\n四是认真上好党课。支部书记带头讲党课，党课每季度至少讲授1次。');
    expect(p.activities.map((a) => [a.title, a.rrule])).toEqual([['党课', 'FREQ=MONTHLY;INTERVAL=3']]);
  });

  it('does not draft a heading of organisers (组织单位 with 主办单位 lines)', () => {
    const p = P('一、组织单位\n主办单位：县委宣传部\n承办单位：县摄影家协会\n二、活动安排\n专题讲座：5月16日下午举办摄影创作专题讲座。');
    expect(titles(p)).toEqual(['摄影创作专题讲座']);
  });

  it('reads 集体备课 on a monthly weekday as a session', () => {
    const p = P('三、集体备课\n讲师团每月第一个周三在县委党校开展集体备课，每次不少于半天。');
    expect(one(p, '集体备课').rrule).toMatch(/^FREQ=MONTHLY;BYDAY=1WE/);
  });
});

describe('names and times from around the activity', () => {
  it("names a call's phase given only by its field label after the call", () => {
    const p = parsePlan('关于开展“光影清河”摄影作品征集活动的通知\n各单位：\n县委宣传部决定开展“光影清河”摄影作品征集活动。\n一、活动安排\n征集时间：2026年3月1日至6月30日。\n作品评选：2026年7月，由县文联组织专家评审。');
    expect(one(p, '评选')).toMatchObject({ title: '“光影清河”摄影作品评选', start: '2026-07-01' });
  });

  it("dates a call's own activity by its 征集时间 line, at that section", () => {
    const p = parsePlan(
      '关于开展“光影清河”摄影作品征集活动的通知\n各单位：\n县委宣传部决定开展“光影清河”摄影作品征集活动。\n一、征集内容\n围绕乡村振兴拍摄。\n二、活动安排\n征集时间：2026年3月1日至6月30日。\n作品评选：2026年7月。',
    );
    const call = one(p, '作品征集');
    expect(call).toMatchObject({ start: '2026-03-01', end: '2026-07-01' });
    expect(p.sections.find((s) => s.id === call.sectionId)?.title).toBe('活动安排');
  });

  it('reads a bare form in the body of a named heading as part of that activity', () => {
    const p = P('一、第四季度\n1.开展“非遗进校园”活动。组织传承人走进中小学，开展剪纸技艺展示和体验课。');
    expect(titles(p)).toEqual(['“非遗进校园”活动']);
  });

  it('keeps the heading’s name where the body names one item of a list', () => {
    const p = P('一、培训\n1.开办春季公益培训班。3月至6月每周六上午，在馆内开设舞蹈、声乐、书法公益培训班。');
    expect(titles(p)).toEqual(['春季公益培训班']);
  });

  it('takes a heading with an event verb and a time as the activity when no noun names it', () => {
    const p = P('一、阅读\n1.开展“书香润万家”亲子共读。4月，组织家庭到图书馆共读绘本。\n2.开展理论武装工作。全年推进。');
    expect(p.activities.map((a) => [a.title, a.start])).toEqual([['“书香润万家”亲子共读', '2026-04-01']]);
  });

  it('names a bare event after the team that gives it', () => {
    const p = P('一、宣讲\n一是开展集中宣讲。3月至5月，市委宣讲团深入各区县开展集中宣讲。');
    expect(titles(p)).toEqual(['市委宣讲团集中宣讲']);
    // (not a verb before the team: "组织区艺术团到…开展慰问演出" keeps the heading's name)
    expect(titles(P('一、慰问\n（一）走基层慰问演出。春节前夕，组织区艺术团到福利院开展慰问演出8场。'))).toEqual(['走基层慰问演出']);
  });
});

describe('a report that looks back before it plans', () => {
  const p = parsePlan(
    '县文化馆2025年工作总结及2026年工作计划\n一、2025年工作总结\n（一）活动亮点纷呈。举办“平湖之夏”广场文艺展演、“新春送欢乐”慰问演出等品牌活动。\n（二）存在的不足。人才青黄不接。\n二、2026年工作计划\n（一）深化艺术普及。3月至6月开设春季公益培训班，设声乐、舞蹈两个班，每周二晚在馆内授课；9月至11月开设秋季公益培训班。\n（二）组织赛事。举办全县广场舞比赛，9月在四个片区分别举行初赛，10月在县文化广场举行决赛。',
  );

  it('takes the year of the plan part of the title', () => expect(p.year).toBe(2026));

  it('drafts nothing from the look back', () => {
    expect(titles(p).some((t) => t.includes('平湖之夏') || t.includes('新春送欢乐'))).toBe(false);
  });

  it('reads a period before the activity and its schedule later in the sentence as a series in that period', () => {
    expect(one(p, '春季公益培训班')).toMatchObject({ start: '2026-03-03T19:00' });
    expect(one(p, '春季公益培训班').rrule).toBe('FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630T235959');
  });

  it('keeps two named mentions of one noun with their own times apart', () => {
    expect(one(p, '秋季公益培训班')).toMatchObject({ start: '2026-09-01', end: '2026-12-01' });
  });

  it('reads rounds held "在…分别举行"', () => {
    expect(p.activities.filter((a) => a.kind === 'contest').map((a) => [a.title, a.start])).toEqual([
      ['全县广场舞比赛初赛', '2026-09-01'],
      ['全县广场舞比赛决赛', '2026-10-01'],
    ]);
  });

  it('still drafts a plan whose only section is a look back', () => {
    const only = parsePlan('2025年工作总结\n一、2025年工作总结\n（一）活动。5月举办全县书法比赛。');
    expect(titles(only)).toEqual(['全县书法比赛']);
  });
});

describe('phases, commemorations and things that are not events', () => {
  it('dates the undated items of a phase by the phase’s dates', () => {
    const p = P('三、活动安排\n（一）启动阶段（8月1日—8月15日）\n1.开展“烽火家书”主题征文。面向全县征集作品，作品于8月31日前报送。\n（二）集中开展阶段（8月16日—9月20日）\n1.组织“老兵讲抗战”巡回宣讲。深入机关、学校开展巡回宣讲10场。');
    expect(one(p, '征文')).toMatchObject({ start: '2026-08-01', end: '2026-08-16' });
    expect(one(p, '巡回宣讲')).toMatchObject({ start: '2026-08-16', end: '2026-09-21' });
  });

  it("takes an anniversary plan's commemoration from its preamble", () => {
    const p = parsePlan('云溪县纪念中国人民抗日战争胜利81周年活动方案\n经县委同意，决定于2026年8月1日至9月30日在全县开展纪念中国人民抗日战争胜利81周年系列活动。\n一、活动安排\n（一）9月3日召开纪念座谈会。');
    expect(one(p, '系列活动')).toMatchObject({ start: '2026-08-01', end: '2026-10-01' });
  });

  it('does not draft a step of a mechanism, a category of activities, or another organiser’s selection', () => {
    const p = P('一、志愿服务\n（一）完善志愿者注册、培训、激励机制，全年新增注册志愿者5000人。\n（二）成立协调小组，统筹推进各项纪念活动。\n（三）3月至5月开展“最美家庭”寻访，择优推荐参加市级评选。');
    expect(titles(p)).toEqual(['“最美家庭”寻访']);
  });

  it('reads 发布仪式 as an event', () => {
    expect(one(P('一、典型\n（一）举行“桐川好人”发布仪式。9月下旬举行2026年度“桐川好人”发布仪式。'), '发布仪式')).toMatchObject({ start: '2026-09-21' });
  });
});

describe('schedules and notices', () => {
  it('reads session lines separated by spaces, with no header, as one lecture each', () => {
    const p = parsePlan(
      '讲师团2026年5月宣讲排课安排的通知\n各单位：\n一、宣讲排课\n每场宣讲约90分钟。具体排课如下：\n5月8日上午  县委党校  张某某  主题：深刻领会全会精神\n5月11日下午  县教育局  刘某某  主题：加快建设教育强县\n5月13日上午    城关镇    陈某某    主题：推进乡村全面振兴\n二、有关要求\n各单位组织听众。',
    );
    expect(p.activities.map((a) => [a.title, a.kind, a.start])).toEqual([
      ['深刻领会全会精神宣讲', 'lecture', '2026-05-08T09:00'],
      ['加快建设教育强县宣讲', 'lecture', '2026-05-11T14:30'],
      ['推进乡村全面振兴宣讲', 'lecture', '2026-05-13T09:00'],
    ]);
    expect(p.activities.every((a) => p.sections.find((s) => s.id === a.sectionId)?.title === '宣讲排课')).toBe(true);
  });

  it("runs a month plan's weekly rows in that month, and reads its notes as prose, not sections", () => {
    const p = parsePlan(
      '青石镇文明实践所2026年5月文明实践活动安排\n各村：\n现将安排表印发给你们，请各实践站对照做好群众发动和志愿者招募工作。\n日期    星期    活动内容    地点\n5月1日    星期五    “劳动最光荣”劳模事迹分享会    多功能厅\n每周三晚上    星期三    广场舞公益教学    文化广场\n说明：\n表中未注明具体时间的活动，上午场9:00开始，下午场14:30开始，请各实践站提前发布预告。',
    );
    expect(p.sections).toEqual([]);
    expect(one(p, '广场舞').rrule).toBe('FREQ=WEEKLY;BYDAY=WE;UNTIL=20260531T235959');
    expect(one(p, '广场舞').start).toBe('2026-05-06T19:00');
    expect(titles(p).some((t) => t.includes('未注明'))).toBe(false);
  });
});

describe("a call's phases written as prose", () => {
  const p = parsePlan(
    '关于开展“我与家乡共成长”主题征文活动的通知\n各单位：\n县委宣传部决定开展“我与家乡共成长”主题征文活动。\n一、活动安排\n征文时间为2026年3月至5月。\n征稿结束后，6月上旬由县作家协会组织评审小组对全部来稿进行初评。\n6月中旬，入围作品在公众号展示，并开展为期一周的网络投票。\n6月下旬，组成终评委员会进行终评。\n二、奖项设置\n设一等奖5名，另设优秀组织奖，表彰组织发动工作突出的单位。\n三、其他事项\n主办单位对获奖作品享有宣传、展览的使用权。',
  );

  it('dates the call by its 征文时间为… sentence', () => expect(one(p, '征文活动')).toMatchObject({ start: '2026-03-01', end: '2026-06-01' }));

  it("makes each round named in a sentence its time opens a draft of the plan's call, in order", () => {
    expect(p.activities.filter((a) => /初评|投票|终评/.test(a.title)).map((a) => [a.title, a.kind, a.start])).toEqual([
      ['“我与家乡共成长”主题征文初评', 'assessment', '2026-06-01'],
      ['“我与家乡共成长”主题征文网络投票', 'assessment', '2026-06-11'],
      ['“我与家乡共成长”主题征文终评', 'assessment', '2026-06-21'],
    ]);
  });

  it('drafts nothing from the rules (奖项设置, 其他事项)', () => expect(p.activities).toHaveLength(4));
});

describe('a speech that looks back and ahead', () => {
  const p = parsePlan(
    '在全县宣传思想文化工作会议上的讲话\n同志们：\n过去的一年，全县开展各类理论宣讲1300余场次。我们成功举办了第三届乡村文化艺术节，评选表彰“最美家乡人”20名。\n第一，坚持以文惠民。\n一要丰富群众文化生活。春节期间开展“欢欢喜喜过大年”文化进万家活动。\n二要办好品牌文化活动。10月，第四届乡村文化艺术节将在青石镇举办，各乡镇要精心编排节目。\n第二，加强网络空间建设。\n一要建设清朗网络空间。9月举办全县网络文明宣传周活动。',
  );

  it('drafts nothing from what was done', () => {
    expect(titles(p).some((t) => t.includes('第三届') || t.includes('最美家乡人') || t.includes('理论宣讲'))).toBe(false);
  });

  it('reads an activity named as the subject of where it is held, and a 办好 heading as its goal', () => {
    expect(one(p, '第四届乡村文化艺术节')).toMatchObject({ start: '2026-10-01' });
    expect(titles(p).some((t) => t.includes('品牌文化活动'))).toBe(false);
  });
});

describe('co-organisers and one noun twice', () => {
  it('leaves where it happens out of a co-organiser ("联合县妇联在全县开展")', () => {
    expect(one(P('一、典型\n（一）3月至5月，联合县妇联在全县开展“最美家庭”寻访。'), '寻访').units).toEqual(['县妇联']);
  });

  it('keeps two courses with the same schedule but different periods apart', () => {
    const p = P('一、培训\n（一）深化艺术普及。3月至6月开设春季公益培训班，每周二晚授课；9月至11月开设秋季公益培训班，同样每周二晚授课。');
    expect(p.activities.map((a) => [a.title, a.start])).toEqual([
      ['春季公益培训班', '2026-03-03T19:00'],
      ['秋季公益培训班', '2026-09-01T19:00'],
    ]);
  });
});

describe('more of the genre’s words', () => {
  it('reads meetings, lectures, contests and outings the nouns list names', () => {
    const p = P('一、活动\n（一）3月召开全县动员会。\n（二）4月举办“学法用法”知识问答。\n（三）5月组织文艺工作者赴乡村采风。\n（四）6月邀请专家作辅导报告。\n（五）9月举行艺术节开幕式。\n（六）12月4日开展宪法宣传日咨询服务。');
    expect(p.activities.map((a) => a.kind)).toEqual(['meeting', 'contest', 'other', 'lecture', 'other', 'volunteer']);
  });

  it('needs a time for words that are duties without one, and skips what another activity consists of', () => {
    expect(titles(P('一、督查\n（一）要加强督查暗访，确保工作落实。'))).toEqual([]);
    const p = P('一、培训\n（一）5月14日举办基层宣讲骨干培训班，培训内容包括理论专题辅导和现场观摩点评。');
    expect(titles(p)).toEqual(['基层宣讲骨干培训班']);
  });
});
