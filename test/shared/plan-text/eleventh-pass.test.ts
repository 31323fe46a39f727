/**
 * Rules of the eleventh issue-13 pass, one small text each (not the corpus's wording): a PDF heading line that holds
 * its body's first sentence and breaks after a quoted name, and the stops of a lecture tour named by their hosts.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan, sectionLabelPath } from '../../../shared/src/plan-text/index';
import { joinBrokenLines } from '../../../shared/src/plan-text/clean';
import { one, planUnder, titles } from './rule-helpers';

const P = planUnder('某区委讲师团2026年基层宣讲安排');

describe('a PDF line that fills the page and ends on a quoted name goes on', () => {
  // Lines as a PDF copy breaks them: each about as wide as the page.
  const lines = [
    '一、抓好主题宣传',
    '（一）做强主题宣传。坚持正面为主，一是全年组织开展“同心奔赴”',
    '新时代主题宣传，在区级媒体开设专栏，推出系列报道，讲好身边人',
    '身边故事，营造氛围；二是春节前后组织记者开展“新春走基层”采访',
    '活动，展现基层新风貌，推动形成积极向上的舆论氛围和社会风尚。',
    '（二）加强新闻发布。一是每季度举行1次新闻发布会，及时回应关切',
    '。二是健全舆情研判机制，确保第一时间发布权威信息，引导社会舆论',
    '（三）推进媒体融合。办好“区域之声”客户端，提升传播力和影响',
    '力，扩大主流舆论阵地覆盖面，让主流声音传得更开、更广、更深入',
  ];
  it('joins a heading line that holds a sentence and breaks after “…”', () => {
    expect(joinBrokenLines(lines.join('\n'))).toContain('开展“同心奔赴”新时代主题宣传');
    const p = parsePlan(['某区委宣传部2026年工作要点', ...lines].join('\n'));
    expect(p.sections.find((s) => s.label === '一是')?.title).toBe('全年组织开展“同心奔赴”新时代主题宣传');
  });
  it('keeps a heading line that ends on a quote but does not fill the line', () => {
    const text = ['一、办好活动', '（一）办好“书香社区”', '各社区每月开展一次读书会，交流读书心得。'].join('\n');
    expect(joinBrokenLines(text)).toBe(text);
  });
});

describe('the stops of a lecture tour, named by their hosts', () => {
  it('names a stop by the township, street office or firm the team goes to', () => {
    const p = P(
      [
        '三、宣讲安排',
        '3月中旬起，宣讲团走进乡镇。3月16日，第一组到河口镇开展“屋场夜话”宣讲；3月18日，第一组赴石桥乡，与乡里的宣讲队同台，在村广场开展互动式宣讲。',
        '4月8日晚，在南门街道新时代文明实践所举办“邻里说”宣讲；4月10日上午，到北关街道为快递员作专题宣讲。',
        '5月15日，到江钢集团开展“班前微宣讲”。',
      ].join('\n'),
    );
    expect(titles(p)).toEqual(['河口镇“屋场夜话”宣讲', '石桥乡互动式宣讲', '南门街道“邻里说”宣讲', '北关街道专题宣讲', '江钢集团“班前微宣讲”']);
  });
  it('leaves a stop at several hosts, every host, or a venue the lecture is simply held in as it is named', () => {
    const p = P(
      [
        '三、宣讲安排',
        '第二组分别于3月24日、26日走进柳河镇、红石镇，开展“政策进田头”宣讲。',
        '4月11日，第三小分队在城区各社区新时代文明实践站开展宣讲。',
        '4月22日下午，在江城学院举办“青春与理论同行”专场报告会。',
      ].join('\n'),
    );
    expect(one(p, '政策进田头').title).toBe('“政策进田头”宣讲');
    expect(one(p, '报告会').title).toBe('“青春与理论同行”专场报告会');
    expect(titles(p).some((t) => t.includes('各社区'))).toBe(false);
  });
  it('names no training or meeting by the place it is held', () => {
    const p = P('三、工作安排\n3月10日下午，到河口镇召开巡回宣讲集体备课会。');
    expect(one(p, '备课会').title).toBe('巡回宣讲集体备课会');
  });
});

describe('a plan by phases: what recurs in a phase recurs in that phase only', () => {
  const plan = [
    '某机关党委关于开展主题教育的实施方案',
    '',
    '一、方法步骤',
    '第一阶段　动员部署（3月2日—3月20日）',
    '1. 召开动员会。3月5日上午召开主题教育动员会。',
    '第二阶段　学习教育（3月21日—6月10日）',
    '1. 坚持集中学习。各党支部每周五下午组织1次集中学习。',
    '2. 开展主题党日。各党支部每月第二个星期五开展主题党日活动。',
    '3. 举办读书班。4月8日至10日举办处级以上党员干部专题读书班。',
    '4. 讲授党课。5月中旬，机关党委书记为全体党员讲授专题党课。',
    '二、组织保障',
    '领导小组每月召开1次工作例会。',
  ].join('\n');
  const p = parsePlan(plan);
  it('starts a weekly or monthly task in its phase and ends it there', () => {
    const study = one(p, '集中学习');
    expect([study.start, study.rrule]).toEqual(['2026-03-27T14:30', 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20260610T235959']);
    // (the second Friday of March is before the phase: April's is the first)
    const day = one(p, '主题党日');
    expect([day.start, day.rrule]).toEqual(['2026-04-10', 'FREQ=MONTHLY;UNTIL=20260610;BYDAY=2FR']);
  });
  it('leaves a recurrence outside any phase as it was', () => {
    expect(one(p, '工作例会').rrule).toBe('FREQ=MONTHLY');
  });
  it('reads 以上 and 讲授 as parts of a name and a verb, not verbs that open a name', () => {
    expect(one(p, '读书班').title).toBe('处级以上党员干部专题读书班');
    expect(one(p, '党课').title).toBe('专题党课');
  });
});

describe('nouns of the genre read in this pass', () => {
  it('takes a 巡听旁听, a series of portraits, a 思政课 given at a school and a 碰头会 when they have a time', () => {
    const p = P(
      [
        '一、工作安排',
        '（一）分别于5月、10月开展两轮中心组学习巡听旁听。',
        '（二）“七一”前夕推出“最美党员”系列人物报道。',
        '（三）4月28日，到市实验中学为高一、高二学生上一堂“大思政课”。',
        '（四）每周一召开网评工作碰头会。',
      ].join('\n'),
    );
    expect(one(p, '巡听旁听').kind).toBe('assessment');
    expect(one(p, '巡听旁听').start).toBe('2026-05-01');
    expect(one(p, '人物报道').kind).toBe('publicity');
    expect(one(p, '思政课').title).toBe('市实验中学“大思政课”');
    expect(one(p, '碰头会').rrule).toBe('FREQ=WEEKLY;BYDAY=MO');
  });
  it('takes none of them as a duty without a time', () => {
    expect(titles(P('一、要求\n（一）严格落实中心组学习巡听旁听制度，上好思政课。'))).toEqual([]);
  });
});

describe('what a sentence says about another activity', () => {
  it('names a column by its quoted name, though the name ends in 学, and times it by its issues', () => {
    const p = P('一、理论\n（一）深化理论宣传。一是办好网上理论专栏。在区融媒体中心开设“周周一起学”专栏，每周推出一期理论微视频。');
    expect(titles(p)).toEqual(['“周周一起学”专栏']);
    expect([one(p, '专栏').kind, one(p, '专栏').rrule]).toEqual(['publicity', 'FREQ=WEEKLY']);
    // (a quoted study name alone is still a study session)
    expect(one(P('一、学习\n（一）每周五开展“周五一起学”。'), '周五一起学').kind).toBe('study');
  });
  it('reads a share of the sessions named before (其中…不少于6次) as none of its own', () => {
    const p = P('一、学习\n（一）中心组每月开展1次集中学习，全年不少于12次，其中专题研讨不少于6次。');
    expect(titles(p)).toEqual(['中心组集中学习']);
  });
});

describe('a schedule table and the notice around it', () => {
  it('links an activity the terms section only mentions to the table that schedules it', () => {
    const p = parsePlan(
      [
        '某县文化馆2026年第二季度群众文化活动预告',
        '一、活动安排',
        '月份\t日期\t活动名称\t地点',
        '4月\t每周六晚7:30\t“百姓大舞台”周末文艺演出\t人民广场',
        '\t23日\t世界读书日读者分享会\t县文化馆',
        '二、参与方式',
        '各文艺团队如有意参加“百姓大舞台”周末文艺演出，可提前两周向县文化馆申报节目。',
      ].join('\n'),
    );
    const show = one(p, '百姓大舞台');
    expect(p.sections.find((s) => s.id === show.sectionId)?.label).toBe('一、');
    expect(show.rrule).toMatch(/^FREQ=WEEKLY;BYDAY=SA/);
  });
});

describe('kinds of service listed before their noun', () => {
  it('folds 环境清洁、文明劝导、关爱老人等志愿服务 into the activity its section names', () => {
    const p = P('一、活动\n（一）组织“学雷锋 文明行”志愿服务周。3月1日至7日，各社区组织志愿者集中开展环境清洁、文明劝导、关爱空巢老人等志愿服务。');
    expect(titles(p)).toEqual(['“学雷锋 文明行”志愿服务周']);
    expect(one(p, '志愿服务周').start).toBe('2026-03-01');
  });
  it('names a month a sentence declares without its 为', () => {
    const p = P('一、活动\n（一）开展志愿服务月活动。3月为全县“学雷锋·文明实践”志愿服务月。');
    expect(one(p, '志愿服务月').title).toBe('全县“学雷锋·文明实践”志愿服务月');
  });
});

describe('a study session named by the study group its sentence names', () => {
  it('prefixes the group written in the clause before (制定…计划, 坚持…制度) or opening the sentence', () => {
    const p = P(
      [
        '一、理论武装',
        '（一）一是制定区委理论学习中心组年度学习计划，每季度开展一次集中学习。',
        '（二）坚持局党组理论学习中心组学习制度，每月开展一次专题学习。',
        '（三）各级党委（党组）理论学习中心组每月开展一次集中学习。',
      ].join('\n'),
    );
    expect(titles(p)).toContain('区委理论学习中心组集中学习');
    expect(titles(p)).toContain('局党组理论学习中心组专题学习');
    // (every group is no holder)
    expect(titles(p).some((t) => t.includes('各级'))).toBe(false);
  });
});

describe('more of the genre’s event nouns', () => {
  it('takes ceremonies, classes, drills and fairs, and leaves duties without a time alone', () => {
    const p = P(
      [
        '一、活动',
        '（一）1月20日举办全区文艺界新春团拜会。',
        '（二）3月举办基层党务干部轮训班。',
        '（三）11月9日组织机关消防演练。',
        '（四）9月举办首届文化旅游博览会。',
        '（五）做好项目验收，加强日常巡查。',
      ].join('\n'),
    );
    expect(p.activities.map((a) => [a.title, a.kind])).toEqual([
      ['全区文艺界新春团拜会', 'other'],
      ['基层党务干部轮训班', 'training'],
      ['机关消防演练', 'training'],
      ['首届文化旅游博览会', 'exhibition'],
    ]);
  });
});

describe('a table of sessions: no name column, the activity named above it', () => {
  it('gives the activity an annex line names its sessions as rdates, merged with the body’s mention', () => {
    const p = parsePlan(
      [
        '某区委讲师团2026年基层宣讲实施方案',
        '一、宣讲形式',
        '（一）集中示范宣讲。区委宣讲团成员深入各街道开展示范宣讲，具体场次见附件。',
        '',
        '附件：区委宣讲团集中示范宣讲安排表（第二季度）',
        '序号  时间          地点                宣讲人',
        '1     4月9日上午    北湖街道党群服务中心  陈立新',
        '2     4月23日下午   枫桥街道文明实践所    王敏',
        '3     5月14日上午   红叶街道会议中心      刘建国',
      ].join('\n'),
    );
    const d = one(p, '示范宣讲');
    expect(d.title).toBe('区委宣讲团集中示范宣讲');
    expect([d.start, d.rdates]).toEqual(['2026-04-09', ['2026-04-23', '2026-05-14']]);
    expect(titles(p).some((t) => /陈立新|宣讲人/.test(t))).toBe(false);
  });
  it('gives the item a field line points from (活动时间：共3场，具体场次安排见下表) its sessions', () => {
    const p = parsePlan(
      [
        '某县文化馆2026年春节文化活动方案',
        '一、活动内容',
        '（一）鹤泉县“村晚”巡演',
        '活动时间：共3场，具体场次安排见下表',
        '场次\t日期\t时间\t地点',
        '第一场\t2月8日（周日）\t19:00\t石门乡文化广场',
        '第二场\t2月13日（周五）\t19:00\t柳塘镇文化礼堂',
        '第三场\t2月28日（周六）\t19:00\t县文化广场',
        '（二）“马年说马”主题图书展',
        '活动时间：2月9日至3月3日',
      ].join('\n'),
    );
    const d = one(p, '村晚');
    expect([d.title, d.start, d.rdates]).toEqual(['鹤泉县“村晚”巡演', '2026-02-08', ['2026-02-13', '2026-02-28']]);
    expect(titles(p)).toHaveLength(2);
  });
});

describe('a plan’s title and its short name', () => {
  const plan = [
    '中共某区委讲师团',
    '',
    '某区2026年“理论润民心·奋进新征程”',
    '基层巡回宣讲活动实施方案',
    '',
    '区委讲师团决定在全区组织开展“理论润民心·奋进新征程”基层巡回宣讲活动（以下简称“巡回宣讲”）。',
    '一、时间安排',
    '3月27日上午举行巡回宣讲启动仪式。',
  ].join('\n');
  it('joins a title broken after its quoted name, its plan word and more on the second line', () => {
    expect(parsePlan(plan).title).toBe('某区2026年“理论润民心·奋进新征程”基层巡回宣讲活动实施方案');
  });
  it('keeps the issuer’s line and a date line apart from the title', () => {
    expect(parsePlan(plan.replace('某区2026年“理论润民心·奋进新征程”\n', '')).title).toBe('基层巡回宣讲活动实施方案');
  });
  it('drops the short name (以下简称…) from the activity’s name', () => {
    const p = parsePlan(plan);
    expect(titles(p).filter((t) => t.includes('理论润民心'))).toEqual(['“理论润民心·奋进新征程”基层巡回宣讲活动']);
  });
});

describe('what a touring plan says around its activities', () => {
  it('reads an anniversary as the theme, a structure to build and the teams’ names as no activities; a 宣讲周 as one', () => {
    const p = P(
      [
        '一、目标',
        '推动形成区有宣讲团、街道有宣讲队、社区有宣讲员的三级宣讲格局。',
        '二、队伍',
        '组建“青年讲师”“老兵宣讲”“非遗传承人讲故事”等特色小分队。',
        '三、安排',
        '围绕纪念中国共产党成立105周年，6月下旬开展“初心如磐”专题宣讲周。',
      ].join('\n'),
    );
    expect(titles(p)).toEqual(['“初心如磐”专题宣讲周']);
    expect(one(p, '宣讲周').start).toBe('2026-06-21');
  });
});

describe('a long item whose first clause is only its time', () => {
  it('is titled by its time and the clause that names what is done', () => {
    const p = parsePlan(
      [
        '某市2026年精神文明建设工作要点',
        '一、深化思想道德建设',
        '（一）加强未成年人思想道德建设',
        '1.清明节前后，组织开展“网上祭英烈”活动，引导广大青少年缅怀革命先烈、赓续红色血脉。',
        '2.5月15日国际家庭日前后，联合市妇联开展“最美家庭”揭晓活动，选树一批家风家教典型。',
        '3.实行文明单位动态管理，对发生严重违法违纪问题的单位，及时取消其荣誉称号。',
      ].join('\n'),
    );
    expect(p.sections.filter((s) => s.label === '1.' || s.label === '2.' || s.label === '3.').map((s) => s.title)).toEqual([
      '清明节前后，组织开展“网上祭英烈”活动',
      '5月15日国际家庭日前后，联合市妇联开展“最美家庭”揭晓活动',
      '实行文明单位动态管理',
    ]);
  });
});

describe('a speech whose parts are opened by the first sentence of their paragraph', () => {
  const speech = [
    '在全县宣传思想文化工作会议上的讲话',
    '同志们：',
    '先说理论武装。理论武装是看家本领，我讲两条。',
    '一是把学习抓在经常。县委理论学习中心组每月集中学习一次。',
    '二是把宣讲搞得接地气。4月举办“百姓名嘴”理论宣讲大赛。',
    '接着讲讲文明创建。今年是冲刺之年，我讲一条。',
    '一是志愿服务要常态化。每月5日开展“学雷锋志愿服务日”活动。',
    '还有一点，说说我们自身的队伍建设。7月举办全县宣传文化系统骨干培训班。',
  ].join('\n');
  it('reads 先说…。 接着讲讲…。 还有一点，说说… as its parts, the 一是 items under them', () => {
    const p = parsePlan(speech);
    expect(p.sections.map((s) => `${'  '.repeat(s.level - 1)}${s.label}|${s.title}`)).toEqual([
      '|先说理论武装',
      '  一是|把学习抓在经常',
      '  二是|把宣讲搞得接地气',
      '|接着讲讲文明创建',
      '  一是|志愿服务要常态化',
      '|还有一点，说说我们自身的队伍建设',
    ]);
    expect(sectionLabelPath(p.sections, one(p, '培训班').sectionId)).toBe('还有一点，说说我…');
  });
});

describe('spoken times and the 组织部', () => {
  it('dates a sentence opened by a connective and 赶在…之前, and keeps 县委组织部 whole as a unit', () => {
    const p = P('一、学习\n另外，赶在七一之前，部里要会同县委组织部，组织一次全县党员干部应知应会理论知识测试。');
    const test = one(p, '知识测试');
    expect([test.start, test.end, test.units]).toEqual(['2026-06-15', '2026-07-01', ['县委组织部']]);
  });
  it('reads 国庆节之前 as the run-up, as 国庆节前', () => {
    expect(one(P('一、宣传\n国庆节之前，举办“祖国颂”主题摄影展。'), '摄影展').start).toBe('2026-09-15');
  });
});

describe('a contest notice by phases, rounds in their headings', () => {
  const plan = [
    '关于举办2026年临江市“青创临江”青年创新创业大赛的通知',
    '一、赛程安排',
    '第一阶段：报名发动（4月10日—5月15日）',
    '4月10日下午，在市青年之家举行大赛启动仪式。',
    '第二阶段：初赛（5月下旬）',
    '由大赛组委会组织专家对参赛项目进行网络评审，评选出40个项目进入复赛。',
    '第三阶段：决赛（7月上旬）',
    '决赛采取现场路演的方式进行。决赛当天同步举办“青创临江”青年创新创业成果展。',
  ].join('\n');
  const p = parsePlan(plan);
  it('names each round after the contest, dated by its heading, and keeps what is held beside it apart', () => {
    expect(p.activities.map((a) => [a.title, a.kind, a.start])).toEqual([
      ['“青创临江”青年创新创业大赛启动仪式', 'other', '2026-04-10T14:30'],
      ['“青创临江”青年创新创业大赛初赛', 'contest', '2026-05-21'],
      ['“青创临江”青年创新创业大赛决赛', 'contest', '2026-07-01'],
      ['“青创临江”青年创新创业成果展', 'exhibition', '2026-07-01'],
    ]);
  });
});

describe('a speech’s title over its subtitle', () => {
  const body = ['', '同志们：', '下面，我讲两点意见。', '聚焦中心大局，在建功立业上展现新作为', '一是深化劳动竞赛。全年组织开展劳动竞赛。'].join('\n');
  it('is the title and the subtitle together, on a site page', () => {
    const p = parsePlan(`首页 > 工会动态 > 领导讲话\n\n凝心聚力建新功 踔厉奋发开新局\n——在市总工会全委（扩大）会议上的讲话\n${body}`);
    expect(p.title).toBe('凝心聚力建新功 踔厉奋发开新局——在市总工会全委（扩大）会议上的讲话');
  });
  it('and in a WeChat post whose meta line follows the subtitle', () => {
    const p = parsePlan(`凝心聚力建新功 踔厉奋发开新局\n——在市总工会全委（扩大）会议上的讲话\n原创 南屏工会 2026年01月19日 16:42 江西\n${body}`);
    expect(p.title).toBe('凝心聚力建新功 踔厉奋发开新局——在市总工会全委（扩大）会议上的讲话');
  });
  it('with every part of the title’s line', () => {
    const p = parsePlan(`凝心聚力 巾帼建功 奋力书写妇女事业新篇章\n——在全县妇女工作会议上的讲话\n${body}`);
    expect(p.title).toBe('凝心聚力 巾帼建功 奋力书写妇女事业新篇章——在全县妇女工作会议上的讲话');
  });
  it('but not an issuer’s name above it', () => {
    const p = parsePlan(`中共某县委宣传部\n——在全县宣传工作会议上的讲话\n${body}`);
    expect(p.title).toBe('——在全县宣传工作会议上的讲话');
  });
});

describe('relief campaigns and festivals inside a name', () => {
  it('takes a union’s relief named by its campaign, a volunteer activity, when it has a time', () => {
    const p = P('一、服务\n（一）八月底九月初，集中组织“金秋助学”资助金发放。\n（二）7月，开展“夏送清凉”慰问一线职工活动。');
    expect(p.activities.map((a) => [a.title, a.kind])).toEqual([
      ['“金秋助学”', 'volunteer'],
      ['“夏送清凉”慰问一线职工活动', 'volunteer'],
    ]);
    expect(titles(P('一、服务\n（一）做好“金秋助学”工作。'))).toEqual([]);
  });
  it('keeps a festival joined to a meeting by 暨 in its name', () => {
    expect(one(P('一、服务\n（一）五一前后，召开全市庆祝“五一”国际劳动节暨劳模工匠表彰大会。'), '表彰大会').title).toBe('全市庆祝“五一”国际劳动节暨劳模工匠表彰大会');
  });
  it('reads a quoted name that only ends in 学 as no study session', () => {
    expect(titles(P('一、学习\n（一）9月1日开展“开学第一课”。'))).not.toContain('“开学第一课”');
  });
});

describe('rounds of the contest their own sentence names', () => {
  it('names the rounds after that contest and keeps the section’s other contest', () => {
    const p = P(
      [
        '一、建功立业',
        '一是深化劳动和技能竞赛。全年组织开展“建功十五五”劳动竞赛。第十届全市职工职业技能大赛要扩容提质，竞赛工种增加到20个，二季度由各产业工会分头组织选拔赛，9月份集中举行决赛。',
      ].join('\n'),
    );
    expect(p.activities.map((a) => [a.title, a.kind, a.start])).toEqual([
      ['“建功十五五”劳动竞赛', 'contest', '2026-01-01'],
      ['第十届全市职工职业技能大赛选拔赛', 'contest', '2026-04-01'],
      ['第十届全市职工职业技能大赛决赛', 'contest', '2026-09-01'],
    ]);
  });
});

describe('an archive’s month lines from a PDF', () => {
  it('takes an online exhibition and a lecture the office brings (送去…党课), not a show brought to people', () => {
    const p = P(
      [
        '一、活动安排',
        '（一）春节期间，通过“枫林档案”微信公众号推出“档案里的枫林年味”老照片线上展，每天推送一期。',
        '（二）建党节前夕，联合县委组织部为机关党支部送去“红色档案里的初心”专题党课。',
        '（三）元旦前为困难群众送去慰问演出。',
      ].join('\n'),
    );
    expect(titles(p)).toEqual(['“档案里的枫林年味”老照片线上展', '“红色档案里的初心”专题党课']);
  });
});

describe('a PDF line a little wider than the page', () => {
  it('still goes on when it breaks after a quoted name', () => {
    const lines = [
      '    六月份',
      '    建党节前夕，联合县委组织部为机关党支部送去专题党课，引导党员',
      '干部坚定理想信念。6月8日至14日，集中开展“档案话变迁”主题宣',
      '传周活动，普及档案知识，展示档案工作成果，扩大档案工作影响力',
      '和社会知晓度，营造全社会关心支持档案事业发展的浓厚氛围和环境',
      '宣传周活动；6月9日“国际档案日”当天，“兰台印记·枫林变迁”',
      '馆藏档案文献展在县档案馆一楼展厅开幕，展期一个月。',
    ];
    expect(joinBrokenLines(lines.join('\n'))).toContain('“兰台印记·枫林变迁”馆藏档案文献展');
  });
});

describe('a Word table of the year’s activities', () => {
  const plan = [
    '某县妇联2026年重点活动安排',
    '一、重点活动安排',
    '月份\t序号\t活动名称\t时间及主要内容\t责任部门\t配合单位',
    '三月\t5\t第六届“最美家庭”寻访活动\t3月中旬启动，持续至9月底，逐级推选，年底统一发布\t家儿部\t县文明办',
    '六月\t8\t“巾帼农创”电商直播技能培训\t分两期举办：',
    '第一期6月9日，第二期6月23日，每期培训农村妇女50名\t发展部\t县人社局、县商务局',
    '九月\t10\t“巾帼建功”创业创新大赛\t9月中旬举办，设两个组别\t发展部\t县人社局',
  ].join('\n');
  const p = parsePlan(plan);
  it('dates a row by the first time of its content cell, run until its 持续至', () => {
    const d = one(p, '最美家庭');
    expect([d.start, d.end]).toEqual(['2026-03-11', '2026-10-01']);
  });
  it('joins a cell broken over two lines, and reads its labelled sessions', () => {
    const d = one(p, '电商直播');
    expect([d.start, d.rdates]).toEqual(['2026-06-09', ['2026-06-23']]);
    expect(d.units).toEqual(expect.arrayContaining(['县人社局', '县商务局']));
    expect(titles(p)).toHaveLength(3);
  });
});

describe('a day and the quoted name of the day it is', () => {
  it('reads 11月25日“…日”前后 as a few days either side', () => {
    const d = one(P('一、宣传\n（一）11月25日“国际消除对妇女的暴力日”前后，集中开展《反家庭暴力法》宣传周活动。'), '宣传周');
    expect([d.start, d.end]).toEqual(['2026-11-22', '2026-11-29']);
  });
});

describe('a speaker’s light verbs', () => {
  it('reads 搞 as a verb that opens a name and 应对 as part of one', () => {
    const p = P('一、新闻\n（一）四月中旬，部里办一期新闻发布和舆情应对培训班。\n（二）县文明办要牵头搞两轮模拟测评，第一轮放在五月。');
    expect(titles(p)).toEqual(['新闻发布和舆情应对培训班', '模拟测评']);
  });
});

describe('an item’s 承办单位 field line', () => {
  it('gives its units, as 主办 and 协办 lines do', () => {
    const p = P('一、活动内容\n（一）“马年说马”主题图书展\n活动时间：2月9日至3月3日\n承办单位：县图书馆、县博物馆');
    expect(one(p, '图书展').units).toEqual(['县图书馆', '县博物馆']);
  });
});

describe('a contest’s round named with it, in phases of their own', () => {
  it('is that round, its own event, in each phase; the phases’ names are none', () => {
    const p = P(
      [
        '一、时间安排',
        '第一阶段：准备启动（3月1日至31日）',
        '3月27日上午举行巡回宣讲启动仪式。',
        '第二阶段：集中宣讲（4月1日至10月31日）',
        '10月下旬，各街道组织第三届“枫口理论微宣讲”大赛初赛。',
        '第三阶段：总结评估（11月1日至12月31日）',
        '第三届“枫口理论微宣讲”大赛决赛定于11月18日下午在区文化中心举行。',
      ].join('\n'),
    );
    expect(p.activities.map((a) => [a.title, a.kind, a.start])).toEqual([
      ['巡回宣讲启动仪式', 'other', '2026-03-27T09:00'],
      ['第三届“枫口理论微宣讲”大赛初赛', 'contest', '2026-10-21'],
      ['第三届“枫口理论微宣讲”大赛决赛', 'contest', '2026-11-18T14:30'],
    ]);
  });
});

describe('rounds on a field line', () => {
  it('reads each round right before its time, with how it is held', () => {
    const p = parsePlan(
      ['某市社科联2026年社科普及周活动方案', '一、活动内容', '（一）社科知识竞答', '⏰时间：线上初赛5月11日—17日；现场决赛5月23日（星期六）下午2:30', '（二）社科普及基地开放日', '⏰时间：5月24日'].join('\n'),
    );
    expect(p.activities.filter((a) => a.title.startsWith('社科知识竞答')).map((a) => [a.title, a.start])).toEqual([
      ['社科知识竞答线上初赛', '2026-05-11'],
      ['社科知识竞答现场决赛', '2026-05-23T14:30'],
    ]);
  });
  it('and a contest’s round named with how it is held (…竞答线上初赛) is that round', () => {
    const p = P('一、活动\n（一）5月11日起开展社科知识竞答线上初赛。');
    expect(one(p, '初赛').title).toBe('社科知识竞答线上初赛');
  });
});

describe('an activity as the subject of how long it runs', () => {
  it('takes 第五届市民文化节从5月持续到10月 as the festival, May to October', () => {
    const d = one(P('一、文化\n（一）第五届云岭市民文化节从5月持续到10月，各县区都要拿出自己的特色节目。'), '文化节');
    expect([d.title, d.start, d.end]).toEqual(['第五届云岭市民文化节', '2026-05-01', '2026-11-01']);
  });
});

describe('a WeChat preview in 01 sections and ▍ blocks', () => {
  const post = [
    '某市文化馆2026年5月公益文化活动预告',
    '',
    '01',
    '公益培训',
    'ART TRAINING',
    '',
    '▍2026年春夏季公益艺术培训班（第二期）',
    '本期开设合唱、民族舞、书法五个班次，每班每周授课一次。',
    '⏰培训时间：5月11日—6月28日',
    '📍培训地点：市文化馆各功能教室',
    '',
    '▍“周三艺术夜校”成人书法公益课',
    '⏰活动时间：每周三晚19:00—20:30',
    '📍活动地点：市文化馆二楼书法教室',
    '',
    '02',
    '群文活动',
    '',
    '▍“周末大舞台”群众文艺展演',
    '⏰活动时间：每周六晚19:30',
  ].join('\n');
  const p = parsePlan(post);
  it('reads 01 and 02 on lines of their own as sections titled by the next line', () => {
    expect(p.sections.map((s) => `${s.label}|${s.title}`)).toEqual(['01|公益培训', '02|群文活动']);
  });
  it('times each block by its own emoji field line after a line of description, under a category heading', () => {
    expect(p.activities.map((a) => [a.title, a.sectionId, a.start])).toEqual([
      ['2026年春夏季公益艺术培训班', 's1', '2026-05-11'],
      ['“周三艺术夜校”成人书法公益课', 's1', '2026-05-06T19:00'],
      ['“周末大舞台”群众文艺展演', 's2', '2026-05-02T19:30'],
    ]);
  });
  it('reads PART.01 and 01 活动主题 as section markers too', () => {
    const q = parsePlan(['某馆2026年第三季度活动', 'PART.01', '暑期閱讀·童趣一夏', '【童書共讀會】', '時間：7月11日', 'PART.02', '講座沙龍'].join('\n'));
    expect(q.sections.map((s) => s.label)).toEqual(['PART.01', 'PART.02']);
    const r = parsePlan(['关于开展暑期活动的通知', '01 活动主题', '文明实践·乐享暑期', '02 活动时间', '7月6日至8月28日'].join('\n'));
    expect(r.sections.map((s) => `${s.label}|${s.title}`)).toEqual(['01|活动主题', '02|活动时间']);
  });
});

describe('two blocks of a post with the same noun', () => {
  it('are two activities, each timed by its own field line', () => {
    const p = parsePlan(
      [
        '某市文化馆2026年5月公益文化活动预告',
        '',
        '01',
        '公益培训',
        '',
        '▍2026年春夏季公益艺术培训班（第二期）',
        '本期开设合唱、民族舞、书法五个班次。',
        '⏰培训时间：5月11日—6月28日',
        '',
        '▍全市广场舞骨干教练员培训班',
        '为推动全民健身，市文化馆举办本期培训班，邀请省级教练授课。',
        '⏰培训时间：5月20日—22日',
      ].join('\n'),
    );
    expect(p.activities.map((a) => [a.title, a.start])).toEqual([
      ['2026年春夏季公益艺术培训班', '2026-05-11'],
      ['全市广场舞骨干教练员培训班', '2026-05-20'],
    ]);
  });
});

describe('a post’s activities named in 【】', () => {
  it('takes each bracketed name with its field lines, without the bracket', () => {
    const p = parsePlan(
      [
        '某市图书馆2026年第三季度阅读推广活动预告',
        'PART.01',
        '暑期阅读',
        '【“悦读一夏”少儿阅读嘉年华】',
        '活动时间：7月11日—8月30日',
        '活动地点：少儿馆',
        '【“书香伴成长”亲子阅读营】',
        '活动时间：7月18日、7月25日（周六）下午14:30',
      ].join('\n'),
    );
    expect(p.activities.map((a) => [a.title, a.start])).toEqual([
      ['“悦读一夏”少儿阅读嘉年华', '2026-07-11'],
      ['“书香伴成长”亲子阅读营', '2026-07-18T14:30'],
    ]);
  });
});

describe('a WeChat preview’s own title', () => {
  it('is the formal …预告 line among the post’s first lines, not its headline', () => {
    const p = parsePlan(
      ['五月“艺”起来！市文化馆5月公益文化活动预告来啦→', '原创 某市文化馆 某市文化馆 2026年4月28日 17:42 发表于某市', '', '某市文化馆2026年5月公益文化活动预告', '', '01', '非遗体验', '▍剪纸技艺公开课', '⏰活动时间：5月16日'].join('\n'),
    );
    expect(p.title).toBe('某市文化馆2026年5月公益文化活动预告');
  });
});

describe('a bracketed block under a heading that names its season', () => {
  it('is its own activity, dated by its own time line, not by the heading', () => {
    const p = parsePlan(['某市图书馆2026年第三季度阅读推广活动预告', 'PART.01', '暑期阅读', '【“悦读一夏”少儿暑期阅读嘉年华】', '活动时间：7月11日—8月30日', '活动地点：少儿馆'].join('\n'));
    const d = one(p, '嘉年华');
    expect([d.start, d.end]).toEqual(['2026-07-11', '2026-08-31']);
  });
});

describe('a season in a bracketed block’s name', () => {
  it('stays in the name, and the block’s own time line dates it', () => {
    const p = parsePlan(
      ['某市图书馆2026年第三季度阅读推广活动预告', 'PART.01', '暑期阅读·童趣一夏', '【“小小图书管理员”暑期志愿服务】', '活动时间：7月13日—8月21日（工作日上午9:00—11:30）', '活动地点：市图书馆总馆二楼'].join('\n'),
    );
    const d = one(p, '图书管理员');
    expect([d.title, d.start?.slice(0, 10)]).toEqual(['“小小图书管理员”暑期志愿服务', '2026-07-13']);
  });
});
