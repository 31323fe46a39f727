/**
 * Rules of the ninth issue-13 pass, one small text each (not the corpus's wording): speeches whose points open
 * with ordinal words.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan, sectionLabelPath } from '../../../shared/src/plan-text/index';
import { one } from './rule-helpers';

describe('a speech whose points open with 首先，其次，再次，最后', () => {
  const speech = [
    '在全镇文化工作会议上的讲话',
    '镇党委副书记 李某某',
    '',
    '同志们：',
    '',
    '今天我们召开全镇文化工作会议，回顾去年工作，安排今年任务。下面，我讲几点意见。',
    '',
    '首先，要把群众文化活动办得更红火。元宵节举办“闹元宵”灯谜竞猜会，端午节前后组织全镇龙舟赛。',
    '',
    '其次，要把阅读推广做得更扎实。4月23日在镇综合文化站举办“书香满镇”读书分享会。',
    '',
    '再次，要把志愿服务抓得更经常。每月第一个星期六开展“文明小镇”志愿服务活动。',
    '',
    '最后，要把文化队伍带得更过硬。9月举办基层文艺骨干培训班。',
    '',
    '同志们，让我们齐心协力，把全镇文化工作推上新台阶。',
  ].join('\n');

  it('makes each such paragraph a point, titled by the ordinal and its clause', () => {
    const p = parsePlan(speech);
    expect(p.sections.map((s) => s.title)).toEqual([
      '首先，要把群众文化活动办得更红火',
      '其次，要把阅读推广做得更扎实',
      '再次，要把志愿服务抓得更经常',
      '最后，要把文化队伍带得更过硬',
    ]);
    expect(p.sections.every((s) => s.label === '' && s.level === 1)).toBe(true);
  });

  it("links each point's activities to it, the last point's too", () => {
    const p = parsePlan(speech);
    const under = (has: string) => sectionLabelPath(p.sections, one(p, has).sectionId);
    expect(p.sections.find((s) => s.id === one(p, '读书分享会').sectionId)?.title).toMatch(/^其次/);
    expect(p.sections.find((s) => s.id === one(p, '培训班').sectionId)?.title).toMatch(/^最后/);
    expect(under('龙舟赛')).toBe(under('灯谜竞猜会'));
  });

  it('is not fooled by a lone closing 最后，', () => {
    const p = parsePlan(
      [
        '在读书节启动仪式上的致辞',
        '同志们：',
        '今天，第五届“书香汀川”读书节正式启动了，这是全县读书爱好者的节日。',
        '读书节期间，县图书馆将举办名家讲座、亲子阅读等活动，希望大家踊跃参加。',
        '最后，祝读书节圆满成功！',
      ].join('\n'),
    );
    expect(p.sections.map((s) => s.title)).not.toContain('最后，祝读书节圆满成功');
  });
});

describe('a speech whose points are headline lines with their body below (numbering lost in Word)', () => {
  const speech = [
    '在全县新时代文明实践工作会议上的讲话',
    '',
    '同志们：',
    '',
    '今天召开全县新时代文明实践工作会议，主要是总结经验、部署任务。',
    '',
    '坚持需求导向，在精准服务上下功夫',
    '',
    '每周三下午在县文明实践中心开设“周三课堂”，5月举办志愿服务项目推介会。',
    '',
    '壮大队伍力量，在常态长效上求突破',
    '',
    '3月组织志愿者骨干培训班，12月5日前后召开国际志愿者日表彰会。',
    '',
    '同志们，让我们携手努力，推动文明实践工作再上新台阶。',
  ].join('\n');

  it('makes each headline a point named by the whole line, and its body holds the activities', () => {
    const p = parsePlan(speech);
    expect(p.sections.map((s) => s.title)).toEqual(['坚持需求导向，在精准服务上下功夫', '壮大队伍力量，在常态长效上求突破']);
    const under = (has: string) => p.sections.find((s) => s.id === one(p, has).sectionId)?.title ?? '';
    expect(under('推介会')).toMatch(/^坚持需求导向/);
    expect(under('培训班')).toMatch(/^壮大队伍力量/);
    // (the body paragraphs are no points of their own)
    expect(p.sections.some((s) => s.title.includes('周三课堂'))).toBe(false);
  });

  it('takes no headline from a notice, whose short lines are its furniture', () => {
    const p = parsePlan(
      ['关于举办2026年“书香汀川”读书节的通知', '各乡镇文化站：', '现将有关事项通知如下。', '县图书馆读书节筹备组', '4月1日至30日，在县图书馆举办读书节系列活动。'].join('\n'),
    );
    expect(p.sections).toHaveLength(0);
  });
});

describe('a festival that times its own clause', () => {
  it('is not beaten by a month that timed the activity before it in the sentence', () => {
    const p = parsePlan('汀川县2026年文明创建工作要点\n5月评选第四届“最美家庭”，清明节前后组织“文明祭扫”志愿宣传活动。');
    expect(one(p, '最美家庭').start).toBe('2026-05-01');
    expect(one(p, '文明祭扫').start).toBe('2026-03-29');
  });

  it('still gives way to a month written with it for the same activity', () => {
    const p = parsePlan('汀川县2026年文化工作要点\n9月举办“喜迎国庆”书画展。');
    expect(one(p, '书画展').start).toBe('2026-09-01');
  });
});

describe('a quoted series name', () => {
  const P = (body: string) => parsePlan(`汀川县社科联2026年“汀川讲堂”实施方案\n${body}`);

  it('that goes on into another activity, a topic or a session names that activity, not one of its own', () => {
    const p = P('4月至11月举办“汀川讲堂”系列讲座。5月9日上午举办“汀川讲堂”第三讲：运河文化的当代价值。');
    expect(p.activities.map((a) => a.title)).not.toContain('“汀川讲堂”');
    expect(one(p, '系列讲座').title).toBe('“汀川讲堂”系列讲座');
  });

  it('that opens a sentence of the body is what the sentence is about, unless its schedule follows', () => {
    expect(P('“汀川讲堂”自2019年创办以来，已举办讲座62讲。').activities).toHaveLength(0);
    const held = P('“汀川讲堂”每月下旬开讲一期。');
    expect(one(held, '汀川讲堂').rrule).toBe('FREQ=MONTHLY');
  });

  it("that opens a heading is the heading's activity", () => {
    const p = P('一、活动内容\n1.“汀川讲堂”。全年举办12期，每月第二个星期日下午在县图书馆开讲。');
    expect(one(p, '汀川讲堂').rrule).toMatch(/^FREQ=MONTHLY;(?:UNTIL=\d+T\d+;)?BYDAY=2SU$/);
  });
});

describe('a speech that turns to its next point with 再讲一下…', () => {
  const speech = [
    '在全县宣传文化系统半年工作会上的讲话',
    '同志们：',
    '今天的会议，主要是总结上半年工作，安排下半年任务。',
    '关于理论宣讲的问题。下半年要组织宣讲团深入村社，9月举办全县理论宣讲大赛。',
    '关于文化惠民的问题。7月至8月开展“文化进万家”广场演出季，中秋节期间举办诗词朗诵会。',
    '再讲一下网络文明建设。10月组织网络文明宣传周。',
    '同志们，下半年任务很重，希望大家鼓足干劲。',
  ].join('\n');

  it('makes that paragraph a point beside the 关于… ones', () => {
    const p = parsePlan(speech);
    expect(p.sections.map((s) => s.title)).toEqual(['关于理论宣讲的问题', '关于文化惠民的问题', '再讲一下网络文明建设']);
    expect(p.sections.find((s) => s.id === one(p, '宣传周').sectionId)?.title).toBe('再讲一下网络文明建设');
  });

  it('finds a season of shows as a campaign over its months', () => {
    const a = one(parsePlan(speech), '演出季');
    expect([a.kind, a.start, a.end]).toEqual(['campaign', '2026-07-01', '2026-09-01']);
  });
});

describe('a speech whose lead paragraph opens 一是/二是/三是 items on the lines below it', () => {
  const speech = [
    '在全区文明创建工作推进会上的讲话',
    '（2026年3月6日）',
    '同志们：',
    '今天召开全区文明创建工作推进会，主要是总结去年的创建工作，部署今年的重点任务。',
    '去年以来，全区上下齐心协力，创建工作取得明显成效，组织志愿服务活动一千余场。',
    '今年的创建工作，要重点抓好三件事。',
    '一是办好主题活动。5月组织“文明家庭”评选，国庆期间举办“最美社区”摄影展，每月开展一次“清洁家园”志愿服务活动。',
    '二是用好宣传阵地。6月在区融媒体中心开设“文明之光”专栏。',
    '三是建好工作队伍。9月举办全区文明创建业务培训班。',
    '在抓好这些任务的同时，要注意改进工作方法。一是加强督查，下半年开展两轮实地测评；二是加强宣传，年底举办创建成果展。',
    '同志们，让我们共同努力，把创建工作推向新的高度。',
  ].join('\n');

  it('makes the lead paragraph the point and the items its children, not points of their own', () => {
    const p = parsePlan(speech);
    const tops = p.sections.filter((s) => s.level === 1);
    expect(tops.map((s) => s.title)).toEqual(['今年的创建工作', '在抓好这些任务的同时']);
    expect(p.sections.filter((s) => s.parentId === tops[0].id).map((s) => `${s.label}${s.title}`)).toEqual(['一是办好主题活动', '二是用好宣传阵地', '三是建好工作队伍']);
    expect(sectionLabelPath(p.sections, one(p, '培训班').sectionId)).toBe('今年的创建工作 三是');
    expect(p.sections.find((s) => s.id === one(p, '成果展').sectionId)?.label).toBe('二是');
  });

  it('gives a monthly service the whole year, not the holiday that timed the show before it', () => {
    const a = one(parsePlan(speech), '清洁家园');
    expect([a.rrule, a.start]).toEqual(['FREQ=MONTHLY', '2026-01-01']);
    expect(one(parsePlan(speech), '摄影展').start).toBe('2026-10-01');
  });
});

describe('a notice issuing a plan, its title broken inside 《》', () => {
  const text = [
    '中共某县委宣传部',
    '关于印发《2026年全县文化工作',
    '要点》的通知',
    '各乡镇党委，县直各单位：',
    '现将《2026年全县文化工作要点》印发给你们，请结合实际认真贯彻落实。',
    '附件：2026年全县文化工作要点',
    '中共某县委宣传部',
    '2026年2月10日',
    '附件',
    '2026年全县文化工作要点',
    '一、强化理论武装',
    '1.抓好理论学习中心组学习。县委理论学习中心组每月至少开展一次集中学习，4月举办县级领导干部读书班。',
    '二、推动文艺创作',
    '1.3月至8月开展“山水故事”文艺精品创作征集，10月组织专家评审，优秀作品结集出版。',
    '2.7月至8月开展“百姓大舞台”广场文化活动，每周六晚演出。',
  ].join('\n');

  it('is titled by the plan it issues, whose outline starts after the 附件 line of the cover', () => {
    const p = parsePlan(text);
    expect(p.title).toBe('2026年全县文化工作要点');
    expect(p.sections.filter((s) => s.level === 1).map((s) => s.title)).toEqual(['强化理论武装', '推动文艺创作']);
  });

  it("drafts a call's one review with its own time beside the call", () => {
    const p = parsePlan(text);
    const call = p.activities.find((a) => a.title === '“山水故事”文艺精品创作征集');
    expect([call?.start, call?.end]).toEqual(['2026-03-01', '2026-09-01']);
    const review = one(p, '征集评审');
    expect([review.kind, review.start, review.title]).toEqual(['assessment', '2026-10-01', '“山水故事”文艺精品创作征集评审']);
  });

  it('reads "，每周六晚演出" as when the activity before it is held, not as a show of its own', () => {
    const p = parsePlan(text);
    expect(p.activities.filter((a) => a.title === '演出')).toEqual([]);
    const a = one(p, '百姓大舞台');
    expect([a.rrule, a.start]).toEqual(['FREQ=WEEKLY;BYDAY=SA;UNTIL=20260831T235959', '2026-07-04T19:00']);
  });
});

describe('a speech that goes on over several paragraphs per point, and announces how many', () => {
  const speech = [
    '在全县文明创建工作会议上的讲话',
    '（2026年2月26日）',
    '同志们：',
    '今天召开全县文明创建工作会议，主要任务是总结工作、部署任务。下面，我就今年的工作讲几点意见。',
    '先简单回顾一下去年的工作。2025年，全县开展志愿服务活动1200余场，评选发布“山城好人”40名，成功举办了首届道德模范颁奖典礼。',
    '今年的工作，我归纳为三个方面。',
    '抓好思想道德建设这个根本。思想道德建设是精神文明建设的灵魂，今年要在常态长效上下功夫。',
    '3月5日前后，以学雷锋纪念日为契机，在全县集中开展“学雷锋·文明行”志愿服务集中行动，各单位的志愿服务队都要走上街头。',
    '家庭是社会的细胞。县妇联要牵头开展“最美家庭”寻访活动，寻访结果年底一并发布。',
    '关于文明城市创建的问题。这项工作县委高度重视，我们一定要当作硬任务来抓。',
    '县文明委决定，从4月10日起在县城开展为期100天的文明城市创建“百日攻坚”行动，重点整治背街小巷和农贸市场。',
    '10月下旬，县文明委将组织开展文明单位、文明村镇、文明家庭、文明校园年度测评，测评结果与评先评优挂钩。',
    '再讲一下作风和保障。精神文明建设不是文明办一家的事，各级党委要切实担起主体责任。',
    '下半年，举办全县志愿服务项目大赛，优秀项目推荐参加全市比赛。',
    '同志们，让我们共同努力。',
  ].join('\n');

  it('takes as its points the paragraphs that name one in a sentence of their own, as many as announced', () => {
    const p = parsePlan(speech);
    expect(p.sections.map((s) => s.title)).toEqual(['抓好思想道德建设这个根本', '关于文明城市创建的问题', '再讲一下作风和保障']);
    expect(p.sections.find((s) => s.id === one(p, '测评').sectionId)?.title).toBe('关于文明城市创建的问题');
    expect(p.sections.find((s) => s.id === one(p, '寻访').sectionId)?.title).toBe('抓好思想道德建设这个根本');
  });

  it('drafts nothing from the paragraph that looks back, nor from the city contest the winners go on to', () => {
    const t = parsePlan(speech).activities.map((a) => a.title);
    expect(t.some((x) => x.includes('山城好人') || x.includes('颁奖典礼'))).toBe(false);
    expect(t.some((x) => x.includes('全市比赛'))).toBe(false);
  });

  it('runs a 100-day campaign from its start, named without its length', () => {
    const a = one(parsePlan(speech), '百日攻坚');
    expect([a.title, a.start, a.end]).toEqual(['文明城市创建“百日攻坚”行动', '2026-04-10', '2026-07-19']);
  });

  it('names an assessment of several kinds of unit by all of them', () => {
    expect(one(parsePlan(speech), '测评').title).toBe('文明单位、文明村镇、文明家庭、文明校园年度测评');
  });
});

describe('a WeChat post that embeds a plan of 活动一：… items with emoji field lines', () => {
  const post = [
    '这个暑假不无聊！县文化馆活动全免费，快收藏👇',
    '原创 某县文化馆 2026年6月28日 17:30',
    '暑假马上就要来啦～☀️ 还在为孩子的假期发愁吗？',
    '▼以下为活动方案全文▼',
    '某县文化馆2026年“清凉一夏·文化惠民”暑期系列活动方案',
    '为丰富群众暑期文化生活，县文化馆将于暑期开展“清凉一夏·文化惠民”系列活动，具体方案如下：',
    '一、活动时间',
    '2026年7月1日至8月31日',
    '二、活动内容',
    '活动一：暑期少儿公益艺术培训班',
    '⏰时间：7月13日—8月7日（每周一至周五上午9:00—11:00）',
    '📍地点：县文化馆三楼培训室',
    '活动二：“文化馆之夜”纳凉音乐会',
    '⏰时间：每周五晚8:00',
    '🎵每场邀请一支本土乐队或合唱团，欢迎市民自带小板凳～',
    '活动三：“周末亲子电影院”公益观影',
    '⏰时间：每周日下午3:00',
    '🎬每周更新片单，提前一天在公众号公布',
  ].join('\n');

  it("is titled by the plan, and its 活动N： lines are the items' sections", () => {
    const p = parsePlan(post);
    expect(p.title).toBe('某县文化馆2026年“清凉一夏·文化惠民”暑期系列活动方案');
    const items = p.sections.filter((s) => s.level === 2);
    expect(items.map((s) => `${s.labelKey}|${s.title}`)).toEqual(['活动一|暑期少儿公益艺术培训班', '活动二|“文化馆之夜”纳凉音乐会', '活动三|“周末亲子电影院”公益观影']);
  });

  it("makes the preamble's shorter mention the plan's own series, at its 活动时间 section", () => {
    const p = parsePlan(post);
    const series = p.activities.filter((a) => a.title.includes('清凉一夏'));
    expect(series.map((a) => [a.title, p.sections.find((s) => s.id === a.sectionId)?.title, a.start])).toEqual([['“清凉一夏·文化惠民”暑期系列活动', '活动时间', '2026-07-01']]);
  });

  it("keeps the season in a class's name and runs its schedule inside the field line's dates", () => {
    const a = one(parsePlan(post), '培训班');
    expect([a.title, a.start, a.rrule]).toEqual(['暑期少儿公益艺术培训班', '2026-07-13T09:00', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20260807T235959']);
  });

  it("runs weekly items in the plan's period, and how often a list is updated is no schedule", () => {
    const p = parsePlan(post);
    expect([one(p, '音乐会').start, one(p, '音乐会').rrule]).toEqual(['2026-07-03T20:00', 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20260831T235959']);
    expect(one(p, '观影').rrule).toBe('FREQ=WEEKLY;BYDAY=SU;UNTIL=20260831T235959');
  });
});

describe('small forms of the ninth pass', () => {
  it('reads an Excel cell that breaks a range at its 至 as one range', () => {
    const p = parsePlan(
      ['县总工会关于开展2026年职工文体活动的通知', '各基层工会：', '现将活动安排通知如下。', '序号\t活动名称\t时间\t承办单位', '1\t职工篮球联赛\t"6月中旬至', '7月上旬"\t县体育局', '2\t职工书画展\t9月\t县文联'].join('\n'),
    );
    const a = one(p, '篮球联赛');
    expect([a.start, a.end]).toEqual(['2026-06-11', '2026-07-11']);
  });

  it('ends an activity started on one day where a clause says 至…结束', () => {
    const p = parsePlan('2026年文化工作要点\n一、全民阅读\n1.4月23日世界读书日启动“书香满城”全民阅读月活动，至5月23日结束。');
    const a = one(p, '阅读月');
    expect([a.start, a.end]).toEqual(['2026-04-23', '2026-05-24']);
  });

  it('names a tour of a 讲堂 with it: 道德讲堂巡讲', () => {
    const p = parsePlan('2026年文明工作要点\n一、道德建设\n5月份，县道德模范宣讲团要集中开展道德讲堂巡讲，进乡镇、进社区。');
    expect(one(p, '巡讲').title).toBe('道德讲堂巡讲');
  });
});

describe('a speech whose lead lines end with a colon over their 一是/一要 items', () => {
  const speech = [
    '在全市文化馆站工作会议上的讲话',
    '（2026年2月20日）',
    '同志们：',
    '这次会议的主要任务是，总结去年全市文化馆站工作，安排部署今年的重点任务。',
    '今年全市文化馆站工作要重点把握好以下两个方面：',
    '一是丰富群众文化活动。春节期间举办“欢乐新春”群众文艺展演；5月15日国际家庭日前后，组织开展家庭教育公益讲座进社区活动。',
    '二是做好全民艺术普及。3月起每周二、周四下午开设公益艺术培训班；3月8日前后召开全市文化系统先进集体和先进个人表彰大会。',
    '为了做好上述工作，要切实加强组织保障：',
    '一要强化责任落实，4月召开全市文化馆长座谈会；',
    '二要强化业务培训，10月举办全市基层文化干部培训班。',
  ].join('\n');

  it('makes each such line a point over its items', () => {
    const p = parsePlan(speech);
    expect(p.sections.filter((s) => s.level === 1).map((s) => s.title)).toEqual(['今年全市文化馆站工作要重点把握好以下两个方面', '为了做好上述工作']);
    expect(sectionLabelPath(p.sections, one(p, '座谈会').sectionId)).toBe('为了做好上述工作 一要');
  });

  it('reads 3月起 as from March on, not in March', () => {
    const a = one(parsePlan(speech), '公益艺术培训班');
    expect([a.start, a.rrule]).toEqual(['2026-03-03T14:30', 'FREQ=WEEKLY;BYDAY=TU,TH']);
  });

  it('reads a day named before 前后 as days either side of the date, and a talk taken to communities as a talk', () => {
    const a = one(parsePlan(speech), '讲座');
    expect([a.kind, a.start, a.end]).toEqual(['lecture', '2026-05-12', '2026-05-19']);
  });

  it('names an award meeting by both groups it honours', () => {
    expect(one(parsePlan(speech), '表彰大会').title).toBe('全市文化系统先进集体和先进个人表彰大会');
  });
});

describe('a transcribed speech by 第一个问题，第二个问题', () => {
  const speech = [
    '在全区宣传思想文化工作推进会上的讲话',
    '（2026年3月2日，根据录音整理）',
    '同志们：',
    '刚才几个单位作了发言，讲得都很好。下面我讲两个问题。',
    '第一个问题，关于理论宣讲。3月份区委宣讲团要开展“春风送暖”集中宣讲，每个街道不少于10场。6月下旬，我们还要搞一次全区“微宣讲”比赛。',
    '第二个问题，关于文化惠民。全年送戏下乡不少于150场。6月13日遗产日前后要搞非遗展示展演。',
    '同志们，任务很重，大家要抓紧。',
  ].join('\n');

  it('makes each question a point', () => {
    expect(parsePlan(speech).sections.map((s) => s.title)).toEqual(['第一个问题，关于理论宣讲', '第二个问题，关于文化惠民']);
  });

  it('names what is "搞" without the verb, and drafts no activity from a yearly count', () => {
    const p = parsePlan(speech);
    expect(one(p, '比赛').title).toBe('全区“微宣讲”比赛');
    expect(one(p, '展演').title).toBe('非遗展示展演');
    expect(p.activities.some((a) => a.title.includes('送戏下乡'))).toBe(false);
  });
});

describe('covering the activities', () => {
  it('is a duty, and the campaign it covers is the activity', () => {
    const p = parsePlan('2026年文明工作要点\n一、移风易俗\n清明节前后，要组织开展文明祭扫宣传，倡导鲜花祭扫，县融媒体中心要配合做好宣传报道。\n（二）做好宣传报道。各单位要及时宣传活动亮点。');
    expect(p.activities.map((a) => [a.title, a.kind, a.start])).toEqual([['文明祭扫宣传', 'publicity', '2026-03-29']]);
  });
});

describe('speech points and what goes on under them', () => {
  it('enumerates 第一，第二， inside a 关于… paragraph under it, not as the speech\'s numbering', () => {
    const p = parsePlan(
      [
        '在全县文化工作会议上的讲话',
        '（2026年2月12日）',
        '同志们：',
        '关于群众文化，要突出一个“活”字。第一，春节期间举办“欢乐中国年”群众文艺展演；第二，9月举办全县广场舞大赛。',
        '关于阅读推广，要突出一个“常”字。第一，4月23日举办全民阅读月启动仪式；第二，每月第二个周六开展“书香周末”亲子共读活动。',
      ].join('\n'),
    );
    expect(p.sections.filter((s) => s.level === 1).map((s) => s.title)).toEqual(['关于群众文化', '关于阅读推广']);
    expect(sectionLabelPath(p.sections, one(p, '广场舞大赛').sectionId)).toBe('关于群众文化 第二，');
  });

  it('goes on with the point before a paragraph that opens with its time, and a point named by its focus drafts nothing', () => {
    const p = parsePlan(
      [
        '在全市新时代文明实践工作推进会上的讲话',
        '（2026年3月10日）',
        '同志们：',
        '今天召开全市新时代文明实践工作推进会，主要任务是交流经验、部署工作。',
        '聚焦理论宣讲，让党的创新理论飞入寻常百姓家。要组建百姓宣讲团，用群众语言讲好政策。',
        '4月上旬，市里将举办“理论热”基层宣讲大赛，各县区要选派优秀选手参赛。',
        '坚持以文化人，让文明实践活起来。要把文化活动送到群众家门口，丰富群众精神文化生活。',
        '清明节前后，各实践所要组织开展“缅怀先烈”主题教育活动；国庆期间，举办“欢度国庆”广场文艺演出。',
      ].join('\n'),
    );
    expect(p.sections.map((s) => s.title)).toEqual(['聚焦理论宣讲', '坚持以文化人']);
    expect(p.sections.find((s) => s.id === one(p, '宣讲大赛').sectionId)?.title).toBe('聚焦理论宣讲');
    expect(p.activities.some((a) => a.title === '聚焦理论宣讲')).toBe(false);
  });
});

describe('more ways a speech numbers its points', () => {
  it('by 第一件事，第二件事，', () => {
    const p = parsePlan('在全县妇女工作会议上的讲话\n（2026年1月20日，根据录音整理）\n同志们：\n下面我重点讲两件事。\n第一件事，抓好思想引领。3月上旬，组织巾帼宣讲团开展“巾帼心向党”集中宣讲。\n第二件事，办好“三八”节。3月8日前后召开全县“三八红旗手”表彰大会。');
    expect(p.sections.map((s) => s.title)).toEqual(['第一件事，抓好思想引领', '第二件事，办好“三八”节']);
  });

  it('by 一要… headlines over their paragraphs: labelled by their marker', () => {
    const p = parsePlan(
      '在全县妇女工作会议上的讲话\n（2026年1月20日）\n同志们：\n一要在思想引领上展现新作为\n今年全县各级妇联组织要把思想引领放在首位。3月上旬，组织巾帼宣讲团开展“巾帼心向党”集中宣讲。\n二要在建功立业上展现新作为\n各级妇联要围绕中心、服务大局。5月举办全县妇女创业创新大赛。',
    );
    expect(p.sections.map((s) => `${s.label}|${s.title}`)).toEqual(['一要|在思想引领上展现新作为', '二要|在建功立业上展现新作为']);
    expect(p.sections.find((s) => s.id === one(p, '创新大赛').sectionId)?.label).toBe('二要');
  });

  it('by 关于… paragraphs that each list their items afresh from 1.', () => {
    const p = parsePlan(
      '在全县宣传思想文化工作会议上的讲话\n（2026年2月26日）\n同志们：\n关于理论武装，要在学懂弄通上下功夫。重点抓好两件事：\n1.3月开展“春风万里”集中宣讲月活动；\n2.6月下旬举办全县“百姓名嘴”宣讲大赛。\n关于文化惠民，要在群众满意上见实效。重点抓好两件事：\n1.春节期间举办“欢乐新春”群众文艺展演；\n2.9月至10月举办第五届乡村文化艺术节。',
    );
    expect(p.sections.filter((s) => s.level === 1).map((s) => s.title)).toEqual(['关于理论武装', '关于文化惠民']);
    expect(sectionLabelPath(p.sections, one(p, '艺术节').sectionId)).toBe('关于文化惠民 2.');
  });
});

describe('an exchange speech (交流发言) that tells what was done', () => {
  it('drafts nothing from 先后/累计/连续五年 sentences, and the plans of 下一步 are drafts', () => {
    const p = parsePlan(
      [
        '县文化馆在全县读书活动推进会上的交流发言',
        '（2026年3月5日）',
        '各位领导、同志们：',
        '一是建强阵地。我们先后建成12个“城市书房”，每年开展阅读推广活动200余场。',
        '二是打造品牌。连续五年举办“书香满城”读书节，累计吸引读者10万人次。',
        '三是谋划下一步。4月23日世界读书日启动第六届“书香满城”读书节；下半年举办全县青少年诵读大赛。',
      ].join('\n'),
    );
    expect(p.activities.map((a) => a.title)).toEqual(['第六届“书香满城”读书节', '全县青少年诵读大赛']);
  });
});

describe('a month-by-month annex', () => {
  it('runs a weekly study written under 4月： in April', () => {
    const p = parsePlan('2026年县直机关读书活动安排\n3月：举办“巾帼读书会”，纪念“三八”国际妇女节。\n4月：4月23日世界读书日，举办县直机关读书月启动仪式；每周五下午开展“午间半小时”集体学习。\n5月：组织青年干部读书分享会。');
    const a = one(p, '集体学习');
    expect([a.start, a.rrule]).toEqual(['2026-04-03T14:30', 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20260430T235959']);
  });
});

describe("a post's own date", () => {
  it('sets the year over an earlier year its opening mentions', () => {
    const p = parsePlan(
      [
        '征集令｜“山水某县·美好家园”书画摄影作品征集启事',
        '原创 某县文联 某县文学艺术界联合会 2026年5月10日 08:00',
        '为展示我县高质量发展新成就，县文联决定开展“山水某县·美好家园”书画摄影作品征集活动。',
        '一、作品要求',
        '摄影作品须为2025年1月以来拍摄。',
        '二、评审与展览',
        '9月上旬组织专家评审，9月下旬在县文化馆举办优秀作品展。',
      ].join('\n'),
    );
    expect(p.year).toBe(2026);
    expect(one(p, '作品展').start).toBe('2026-09-21');
  });
});

describe('a recurring day the plan names (每月5日定为“…日”)', () => {
  it('is an activity on that schedule, from when the sentence starts it', () => {
    const p = parsePlan('2026年文明实践工作要点\n一、志愿服务\n从4月份起，每月5日定为“山城志愿服务日”，各实践所、实践站都要组织集中服务。');
    const a = one(p, '志愿服务日');
    expect([a.kind, a.start, a.rrule]).toEqual(['volunteer', '2026-04-05', 'FREQ=MONTHLY']);
  });

  it('is one activity whose programme is what its sentence lists', () => {
    const p = parsePlan('2026年文明创建工作要点\n一、文明实践\n每月第二个周六为“新时代文明实践日”，各实践所（站）集中开展理论宣讲、志愿服务。');
    expect(p.activities.map((a) => [a.title, a.kind, a.rrule])).toEqual([['“新时代文明实践日”', 'volunteer', 'FREQ=MONTHLY;BYDAY=2SA']]);
  });
});

describe('a heading folded into the first of its body activities', () => {
  it('keeps a second one with its own time in another sentence apart', () => {
    const p = parsePlan('2026年机关党建工作要点\n一、理论学习\n（一）办好读书班。3月举办党员干部春季读书班。9月举办党员干部秋季读书班。');
    expect(p.activities.map((a) => [a.title, a.start])).toEqual([
      ['党员干部春季读书班', '2026-03-01'],
      ['党员干部秋季读书班', '2026-09-01'],
    ]);
  });

  it("but not the year's programme and its schedule", () => {
    const p = parsePlan('2026年街道工作要点\n一、理论宣讲\n（一）开展“理响清河”宣讲活动。全年组织“理响清河”宣讲不少于30场，每月至少安排1场进社区宣讲。');
    expect(p.activities).toHaveLength(1);
    expect(p.activities[0].rrule).toBe('FREQ=MONTHLY');
  });
});

describe('a transcribed speech of headline sentences over 第一，… lines and spoken items', () => {
  const speech = [
    '在全市宣传思想文化工作会议上的讲话',
    '（2026年1月23日，根据录音整理）',
    '同志们：',
    '今年怎么干？我讲两个方面，也不按一二三排了。',
    '理论武装要再深一层。',
    '这方面，我提两点具体要求。',
    '第一，中心组学习要学在前头。4月中旬举办县处级领导干部读书班，为期5天。',
    '第二，宣讲要讲到群众心坎上。9月下旬举办第四届“山城百姓说”微宣讲大赛。',
    '主题宣传要打出声势。',
    '这一块我讲得具体一点。一个是抓重大节点，6月下旬推出“初心映山城”系列报道。再一个是抓典型宣传，年底举办“时代楷模”先进事迹报告会。还有一个是抓网上舆论，每周五召开网评工作例会。',
    '同志们，任务很重。谢谢大家。',
  ].join('\n');

  it('makes the headline sentences its points and their 第一，… lines and spoken items their children', () => {
    const p = parsePlan(speech);
    const tops = p.sections.filter((s) => s.level === 1);
    expect(tops.map((s) => s.title)).toEqual(['理论武装要再深一层', '主题宣传要打出声势']);
    expect(p.sections.filter((s) => s.parentId === tops[1].id).map((s) => `${s.label}|${s.title.slice(0, 5)}`)).toEqual(['|抓重大节点', '|抓典型宣传', '|抓网上舆论']);
    expect(sectionLabelPath(p.sections, one(p, '微宣讲大赛').sectionId)).toBe('理论武装要再深一… 第二，');
    expect(p.sections.find((s) => s.id === one(p, '网评工作例会').sectionId)?.title).toMatch(/^抓网上舆论/);
  });
});

describe('a heading over two studies of one sentence', () => {
  it('keeps the second apart once the heading has taken the first', () => {
    const p = parsePlan('2026年全县文化工作要点\n一、强化理论武装\n1.抓好理论学习中心组学习。县委理论学习中心组每月至少开展一次集中学习，4月举办县级领导干部读书班。');
    expect(p.activities.map((a) => [a.title, a.rrule ?? a.start])).toEqual([
      ['县委理论学习中心组集中学习', 'FREQ=MONTHLY'],
      ['县级领导干部读书班', '2026-04-01'],
    ]);
  });
});

describe('a goal heading in general words', () => {
  it('drafts nothing of its own over a body whose activity has a time', () => {
    const p = parsePlan('2026年妇联工作要点\n一、思想引领\n一是深化主题宣讲。3月上旬组织巾帼宣讲团开展“巾帼心向党”集中宣讲。\n二是办好节日活动。3月8日前后召开全县“三八红旗手”表彰大会。');
    expect(p.activities.map((a) => a.title)).toEqual(['“巾帼心向党”集中宣讲', '全县“三八红旗手”表彰大会']);
  });
});
