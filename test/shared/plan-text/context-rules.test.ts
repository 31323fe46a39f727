/**
 * Rules added for issue 13 (plans as they really arrive), one small fixture each:
 * times outside the sentence, one draft per activity, names, nouns, confidence/source.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../shared/src/plan-text/index';
import { one, planUnder, titles } from './rule-helpers';

const P = planUnder('2024年宣传工作方案');

describe('times outside the sentence', () => {
  it('takes an item’s 时间： field line', () => {
    const p = P('一、职工趣味运动会\n时间：5月6日\n地点：区体育中心\n二、“最美劳动者”事迹分享会\n活动时间：4月29日、5月1日、3日（三场）');
    expect(one(p, '运动会')).toMatchObject({ sectionId: 's1', start: '2024-05-06', end: '2024-05-07', cue: '5月6日' });
    expect(one(p, '分享会')).toMatchObject({ sectionId: 's2', start: '2024-04-29' });
  });

  it('gives a month heading line (1月： / a table cell) to the items under it', () => {
    const p = P('1月：\n举办新春文艺汇演；\n2月：\n组织“文化进万家”慰问演出。\n7月至8月：\n开设暑期少儿公益培训班。', '区文化馆2024年群众文化活动安排');
    expect(one(p, '文艺汇演')).toMatchObject({ start: '2024-01-01', end: '2024-02-01' });
    expect(one(p, '慰问演出')).toMatchObject({ start: '2024-02-01', end: '2024-03-01', kind: 'other' });
    expect(one(p, '培训班')).toMatchObject({ start: '2024-07-01', end: '2024-09-01' });
  });

  it('an explicit month heading beats a festival word (庆祝建党…专题党课 under 6月)', () => {
    const p = P('一、学习安排\n6月\n庆祝建党103周年专题党课\n');
    expect(one(p, '专题党课')).toMatchObject({ start: '2024-06-01', end: '2024-07-01' });
  });

  it('gives the plan’s 活动时间 section to undated items', () => {
    const p = P('一、活动时间\n2024年3月1日至3月31日。\n二、主要内容\n（一）开展“板凳课堂”微宣讲。到田间地头开展宣讲。\n（二）3月28日举办理论宣讲大赛。');
    expect(one(p, '板凳课堂')).toMatchObject({ start: '2024-03-01', end: '2024-04-01' });
    expect(one(p, '大赛')).toMatchObject({ start: '2024-03-28' });
  });

  it('reads 每月第三周周五 and 每周二、周四晚 as RRULEs', () => {
    const p = P('一、志愿服务\n每月第三周周五组织党员开展“红色星期五”志愿服务。\n二、开放\n每周二、周四晚举办“周末剧场”文艺演出。');
    expect(one(p, '红色星期五').rrule).toBe('FREQ=MONTHLY;BYDAY=3FR');
    expect(one(p, '周末剧场').rrule).toMatch(/^FREQ=WEEKLY;BYDAY=TU,TH/);
  });

  it('reads "2023 年" with a space, and a festival of the year written before it', () => {
    expect(parsePlan('“劳动最光荣”系列文化活动方案\n\n2023 年是开局之年。2022 年参与3000人次。\n一、职工运动会\n5月6日举办职工运动会。').year).toBe(2023);
    const p = P('一、联欢\n2025年元旦前夕举办机关迎新春联欢会。');
    expect(one(p, '联欢会')).toMatchObject({ start: '2024-12-16', end: '2025-01-01', kind: 'other' });
  });

  it('an explicit month in the sentence beats a festival word inside a quoted name', () => {
    const p = P('一、展览\n7月举办“喜迎国庆”书法美术摄影作品展。\n二、节日\n春节期间开展“我们的节日·春节”系列文化活动。');
    expect(one(p, '作品展')).toMatchObject({ start: '2024-07-01', end: '2024-08-01' });
    expect(one(p, '我们的节日')).toMatchObject({ start: '2024-02-10', end: '2024-02-17' });
  });
});

describe('one draft per activity', () => {
  it('merges a heading and its body into one draft with the body’s name and time', () => {
    const p = P('一、加强培训\n（一）举办新任支部书记培训班。4月在市委党校举办机关新任党支部书记培训班，为期5天。');
    expect(titles(p)).toEqual(['机关新任党支部书记培训班']);
    expect(p.activities[0]).toMatchObject({ sectionId: 's1.1', start: '2024-04-01' });
    expect(p.activities[0].source).toHaveLength(2);
  });

  it('a 评选一等奖 inside a contest’s sentence is part of the contest', () => {
    const p = P('一、举办宣讲大赛\n3月28日举办全县“百姓名嘴”理论宣讲大赛，评选一等奖2名、二等奖4名。');
    expect(titles(p)).toEqual(['全县“百姓名嘴”理论宣讲大赛']);
  });

  it('a bare 评选 with a later time of its own is the contest’s award stage', () => {
    const p = P('一、组织“最美乡村”摄影大赛\n6月至9月组织“最美乡村”摄影大赛，10月评选并颁奖。');
    expect(titles(p)).toEqual(['“最美乡村”摄影大赛', '“最美乡村”摄影大赛评选']);
    expect(p.activities[1]).toMatchObject({ kind: 'assessment', start: '2024-10-01' });
  });

  it('drops bare nouns with no time and the items of an 等活动 list', () => {
    const p = P('一、阵地管理\n讲座、论坛要严格审批。\n二、举办邻里文化节\n9月中旬举办第五届邻里文化节，开展广场舞展演、书画展览等活动。');
    expect(titles(p)).toEqual(['第五届邻里文化节']);
  });

  it('one draft for an activity listed again under 活动时间及地点', () => {
    const p = P('一、活动内容\n（一）“粽香邻里”包粽子比赛。以社区为单位组队参赛。\n二、活动时间及地点\n（一）“粽香邻里”包粽子比赛：6月8日上午，滨江社区广场。');
    expect(titles(p)).toEqual(['“粽香邻里”包粽子比赛']);
    expect(p.activities[0]).toMatchObject({ sectionId: 's1.1', start: '2024-06-08T09:00', end: '2024-06-08T12:00' });
  });

  it('a team and the event it gives: one draft named by both', () => {
    const p = P('一、组建县委宣讲团\n从党校教师中遴选成员组建县委宣讲团，3月上旬到各乡镇开展示范宣讲。');
    expect(titles(p)).toEqual(['县委宣讲团示范宣讲']);
  });
});

describe('titles that name the activity', () => {
  it('keeps a quoted name before 集中 and yields the plan’s named activity from the preamble', () => {
    const p = P('为推动理论普及，决定于2024年3月在全县开展“春风万里”集中宣讲月活动。\n一、主要内容\n（一）举办宣讲大赛。3月28日举办宣讲大赛。');
    expect(one(p, '春风万里')).toMatchObject({ title: '“春风万里”集中宣讲月活动', sectionId: '', start: '2024-03-01' });
  });

  it('a field-list item is named by its heading, with its 主办单位', () => {
    const p = P('一、活动内容\n（一）“书香润城”阅读推广启动仪式\n活动时间：2025年4月23日上午9:30\n主办单位：市委宣传部、市文化广电旅游局\n（二）图书漂流进社区\n活动时间：4月下旬\n活动地点：各社区服务中心', '市图书馆2025年读书日活动方案');
    expect(one(p, '启动仪式')).toMatchObject({ sectionId: 's1.1', units: ['市委宣传部', '市文化广电旅游局'], kind: 'other' });
    expect(one(p, '启动仪式').start?.slice(0, 10)).toBe('2025-04-23');
    expect(one(p, '图书漂流')).toMatchObject({ start: '2025-04-21', end: '2025-05-01' });
  });

  it('prefixes a bare noun with its subject or theme', () => {
    const p = P('一、学习\n中心组每月集中学习1次，全年围绕党的二十届三中全会精神开展专题研讨。');
    expect(titles(p)).toContain('中心组集中学习');
  });
});

describe('activity nouns and kinds', () => {
  it('knows 慰问演出, 问卷调查, 专题页面, 送春联, 精读, 颁奖典礼, 体验课', () => {
    const p = P('一、活动\n（一）开展“文艺轻骑兵”慰问演出。\n（二）开展群众文化需求问卷调查。\n（三）开设“新春云展播”专题页面。\n（四）组织“翰墨迎春”送春联。\n（五）3月开展《学习纲要》精读。\n（六）12月20日举办年度人物颁奖典礼。\n（七）开设少儿剪纸体验课。');
    expect(p.activities.map((a) => [a.title, a.kind])).toEqual([
      ['“文艺轻骑兵”慰问演出', 'other'],
      ['群众文化需求问卷调查', 'assessment'],
      ['“新春云展播”专题页面', 'publicity'],
      ['“翰墨迎春”送春联', 'volunteer'],
      ['《学习纲要》精读', 'study'],
      ['年度人物颁奖典礼', 'assessment'], // (an award ceremony is an assessment: the corpus README's kind convention)
      ['少儿剪纸体验课', 'training'],
    ]);
  });

  it('a generic 活动 of 慰问 / 送春联 is volunteer work', () => {
    const p = P('一、重阳\n重阳节开展敬老孝老慰问活动。');
    expect(one(p, '慰问活动').kind).toBe('volunteer');
  });
});

describe('confidence and source (Contract 4 additions)', () => {
  it('every draft has a confidence in (0, 1] and its source sentences', () => {
    const p = P('一、展览\n5月举办“丹青绘盛世”美术作品展。\n二、学习\n开展专题学习会。');
    for (const a of p.activities) {
      expect(a.confidence).toBeGreaterThan(0);
      expect(a.confidence).toBeLessThanOrEqual(1);
      expect(a.source?.[0]).toBeTruthy();
    }
    const [named, plain] = p.activities;
    expect(named.source).toContain('5月举办“丹青绘盛世”美术作品展');
    expect(named.confidence!).toBeGreaterThan(plain.confidence!);
  });
});

describe('PDF-broken lines', () => {
  it('rejoins prose broken at the page width, never a heading', async () => {
    const { joinBrokenLines } = await import('../../../shared/src/plan-text/clean');
    expect(joinBrokenLines('标题\n（一）抓好学习。严格落实制度，每月安排1次集中\n学习，全年开展研讨。\n（二）举办培训班。')).toBe(
      '标题\n（一）抓好学习。严格落实制度，每月安排1次集中学习，全年开展研讨。\n（二）举办培训班。',
    );
    const p = P('一、志愿服务\n（一）组织志愿服务。每月第三周周五组织党员到结对社区开展“红色星期五”志愿\n服务。\n（二）开展评选。');
    expect(one(p, '红色星期五')).toMatchObject({ title: '“红色星期五”志愿服务', rrule: 'FREQ=MONTHLY;BYDAY=3FR' });
  });
});

describe('times later in the sentence, in the body, and weak times', () => {
  it('takes a time from a later clause of the sentence when no other activity comes first', () => {
    const p = P('一、外宣\n1、组织“媒体看县域”采风活动，邀请省市媒体记者到县采访，6月举行。\n2、适时开展督查，年底对各单位工作进行考核。');
    expect(one(p, '媒体看县域')).toMatchObject({ start: '2024-06-01', end: '2024-07-01' });
    expect(one(p, '考核')).toMatchObject({ cue: '年底' });
    expect(p.activities.find((a) => a.title === '督查')).toBeUndefined();
  });

  it('a heading draft takes the time of the body’s first sentence', () => {
    const p = P('一、宣传\n（一）开展“身边榜样”主题宣传。下半年在机关网站集中宣传10名优秀党员先进事迹。');
    expect(one(p, '身边榜样')).toMatchObject({ start: '2024-07-01', end: '2025-01-01' });
  });

  it('a month heading beats 全年 in the phrase; 暑期 is July–August', () => {
    const p = P('12月：\n举办全年群文成果展演暨总结会。\n暑期开展“七彩假期”志愿服务活动。', '区文化馆2024年群众文化活动安排');
    expect(one(p, '总结会')).toMatchObject({ start: '2024-12-01', end: '2025-01-01' });
    expect(one(p, '七彩假期')).toMatchObject({ start: '2024-07-01', end: '2024-09-01' });
  });

  it('an award named in a contest’s sentence (评选优秀微党课20部) is part of the contest', () => {
    const p = P('一、党课\n7月上旬组织机关“七一”微党课大赛，评选优秀微党课20部。');
    expect(titles(p)).toEqual(['机关“七一”微党课大赛']);
  });

  it('drops the audience before a quoted name and 各级…（…） before a subject', () => {
    const p = P('一、学习\n（一）7月组织全镇党员干部“学思想、强党性”专题读书班。\n（二）各级党委（党组）理论学习中心组每季度开展1次集中学习。');
    expect(titles(p)).toEqual(['“学思想、强党性”专题读书班', '理论学习中心组集中学习']);
  });
});

describe('speech points and labels', () => {
  it('a short 关于… lead line followed by 一是 lines is a point; 一是 keeps its label; a short 三是 line is its own item', () => {
    const p = parsePlan(
      '在全县宣传工作会议上的讲话\n同志们：\n关于理论武装，要在学懂弄通上下功夫。\n一是抓好中心组学习。各级中心组每月开展1次集中学习。\n二是办好青年理论学习小组。\n三是深化宣讲。\n关于新闻舆论，要在守正创新上下功夫。一要做强主题宣传。二要抓好网络评论。\n同志们，让我们团结一心！',
    );
    expect(p.sections.map((s) => `${s.id} ${s.label}|${s.title}`)).toEqual([
      's1 |关于理论武装',
      's1.1 一是|抓好中心组学习',
      's1.2 二是|办好青年理论学习小组',
      's1.3 三是|深化宣讲',
      's2 |关于新闻舆论',
      's2.1 一要|做强主题宣传',
      's2.2 二要|抓好网络评论',
    ]);
  });
});

describe('more nouns and names', () => {
  it('不少于 after a noun, 完成 as a verb, 进X as part of the name, quoted 行动 names, 祭扫 as other', () => {
    const p = P('一、活动\n（一）5月开展慰问演出不少于20场。\n（二）下半年完成全县非遗项目问卷调查及资料建档。\n（三）国家宪法日（12月4日）组织普法宣传进村入户。\n（四）组织“暖冬行动”。年底前为困难群众送去棉衣。\n（五）清明节前后组织学生到烈士陵园开展祭扫活动。');
    expect(p.activities.map((a) => [a.title, a.kind])).toEqual([
      ['慰问演出', 'other'],
      ['全县非遗项目问卷调查', 'assessment'],
      ['国家宪法日普法宣传进村入户', 'publicity'],
      ['“暖冬行动”', 'campaign'],
      ['烈士陵园祭扫活动', 'other'],
    ]);
    expect(one(p, '暖冬')).toMatchObject({ start: '2024-12-01' });
  });

  it('content updates are not events (每月更新线上展览1期)', () => {
    const p = P('一、线上\n开设“云上文化馆”专题页面，每月更新线上展览1期。');
    expect(titles(p)).toEqual(['“云上文化馆”专题页面']);
  });
});

describe('co-organisers, goal headings, teams, the plan’s own activity', () => {
  it('reads 与…等单位共同举办, 由…联合主办 and A、B联合开展', () => {
    const p = P('一、活动\n（一）与县妇联、县文明办等单位共同举办“文明家庭”表彰大会。\n（二）由县文联、县美协联合主办农民书画作品展。\n（三）区总工会、区文化馆联合开展职工文艺汇演。');
    expect(one(p, '表彰大会').units).toEqual(['县妇联', '县文明办']);
    expect(one(p, '书画作品展').units).toEqual(['县文联', '县美协']);
    expect(one(p, '文艺汇演').units).toEqual(['区总工会', '区文化馆']);
  });

  it('a goal heading (深化…) gives way to the activity its body names', () => {
    const p = P('一、理论\n（一）深化对象化宣讲。市委宣讲团下半年开展“百场宣讲进基层”活动。');
    expect(titles(p)).toEqual(['“百场宣讲进基层”活动']);
  });

  it('a team only formed is not a draft', () => {
    const p = P('一、队伍\n（一）组建“百姓名嘴”宣讲分队。各乡镇选出“百姓名嘴”，每个乡镇组建1支宣讲分队。');
    expect(titles(p)).toEqual([]);
  });

  it('a plan named after its activity with a 时间安排 section yields that activity there', () => {
    const p = parsePlan('2025年“欢乐祥和过大年”春节文化活动方案\n为营造节日氛围，制定本方案。\n一、时间安排\n2025年1月20日至2月12日。\n二、主要活动\n（一）新春文艺汇演。1月25日晚举办新春文艺汇演。');
    expect(one(p, '欢乐祥和过大年')).toMatchObject({ title: '“欢乐祥和过大年”春节文化活动', sectionId: 's1', start: '2025-01-20', end: '2025-02-13' });
  });
});

describe('field lists and award evenings', () => {
  it('an 活动名称： line names the item; 20x年 in a field line is the plan year; 九月份： heads its items', () => {
    const p = parsePlan('读书月活动方案\n一、活动安排\n（一）经典诵读\n活动名称：“书香满城”经典诵读会\n活动时间：20x年4月23日\n（二）阅读打卡\n活动名称：21天阅读打卡挑战赛\n活动时间：4月1日至4月21日', { defaultYear: 2025 });
    expect(p.activities.map((a) => [a.sectionId, a.title, a.kind, a.start])).toEqual([
      ['s1.1', '“书香满城”经典诵读会', 'study', '2025-04-23'],
      ['s1.2', '21天阅读打卡挑战赛', 'contest', '2025-04-01'],
    ]);
    const q = P('九月份：\n举办中秋诗会。\n十月份：\n国庆期间举办群众合唱比赛。', '2024年区文化馆活动安排');
    expect(q.activities.map((a) => [a.title, a.start, a.end])).toEqual([
      ['中秋诗会', '2024-09-01', '2024-10-01'],
      ['群众合唱比赛', '2024-10-01', '2024-10-08'],
    ]);
  });

  it('one award evening, one draft (颁奖典礼 … 表彰 … 颁奖典礼); no quantity after a 评选 object', () => {
    const p = P('一、颁奖典礼\n12月20日晚举办2023年度“感动凤城”人物颁奖典礼，对当选人物进行表彰，颁奖典礼在市广播电视台录制并播出。\n二、总结表彰\n时间：4月21日\n内容：评选表彰“优秀志愿者”10名。');
    expect(p.activities.map((a) => [a.sectionId, a.title, a.start])).toEqual([
      ['s1', '2023年度“感动凤城”人物颁奖典礼', '2024-12-20T19:00'],
      ['s2', '评选表彰“优秀志愿者”', '2024-04-21'],
    ]);
  });
});

describe('names from around a bare noun', () => {
  it('a quoted name in the heading, a festival before the verb, a place after 到', () => {
    const p = P('一、活动\n（一）组建“红色文艺轻骑兵”。从文艺团队中遴选队员，5月开展慰问演出不少于20场。\n（二）元宵节当天举办猜灯谜游园会。\n（三）重阳节开展敬老孝老慰问活动。');
    expect(p.activities.map((a) => [a.title, a.kind])).toEqual([
      ['“红色文艺轻骑兵”慰问演出', 'other'],
      ['元宵节猜灯谜游园会', 'other'],
      ['重阳节敬老孝老慰问活动', 'volunteer'],
    ]);
  });

  it('a bare noun with only a whole-year time is dropped; 及…活动 joins the name; a generic 行动 takes its kind from the next sentence', () => {
    const p = P('一、学习\n（一）抓好中心组学习。全年开展专题研讨不少于6次。\n（二）2月12日举办“璀璨元宵”灯会及猜灯谜活动。\n（三）组织“暖冬行动”。年底前为困难群众送去棉衣、慰问品。');
    expect(p.activities.map((a) => [a.title, a.kind])).toEqual([
      ['中心组学习', 'study'],
      ['“璀璨元宵”灯会及猜灯谜活动', 'other'],
      ['“暖冬行动”', 'volunteer'],
    ]);
  });
});

describe('generic 活动 drafts', () => {
  it('a descriptive …活动 in the same section is its own activity; a short one joins the named one', () => {
    const p = P('一、科技活动周\n1. 5月下旬举办科技活动周启动仪式，同步开展科普大篷车进社区活动。\n二、送春联\n（一）“翰墨迎春”送春联。1月20日至26日，组织书法家开展送春联、送福字活动。');
    expect(titles(p)).toEqual(['科技活动周启动仪式', '科普大篷车进社区活动', '“翰墨迎春”送春联']);
    expect(one(p, '翰墨迎春')).toMatchObject({ start: '2024-01-20', end: '2024-01-27' });
  });
});
