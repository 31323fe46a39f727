/**
 * Activity nouns and the kind each implies (issue 4): 展 → exhibition,
 * 竞赛/比赛/大比拼 → contest, 宣讲/报告会/党课 → lecture, 培训班 → training,
 * 会议/座谈/观摩/研判 → meeting, 学习 → study, 专题宣传 → publicity,
 * 志愿 → volunteer, 考评/考核/评选表彰 → assessment, 纪念…周年 → anniversary,
 * 系列/主题活动 → campaign. The HEAD noun (the one that ends the phrase) decides:
 * "纪念建党100周年大型合唱比赛" is a contest, "纪念抗战胜利60周年活动" an anniversary.
 * Rules are Simplified; they run on the matching copy.
 */
import { addDays } from '../time/dates';
import type { DraftActivity, DraftKind } from './types';

export interface NounRule {
  kind: DraftKind;
  /** Alternatives, written longest-first where they overlap. */
  nouns: string[];
  /** Only with a time cue in the same clause (bare 学习 is everywhere in plans). */
  needsCue?: boolean;
  /** Verb-like nouns that take an object after them: 评选表彰2023年度文明单位. */
  takesObject?: boolean;
}

export const NOUN_RULES: NounRule[] = [
  { kind: 'exhibition', nouns: ['作品展览', '作品展', '书画展', '书法展', '美术展', '摄影展', '老照片展', '照片展', '图片展', '成果展', '专题展', '主题展', '文献展', '文化展', '典籍展', '史料展', '档案展', '剪纸展', '版画展', '漫画展', '插画展', '巡回展', '巡展', '文物展', '精品展', '民俗展', '非遗展', '艺术展', '藏品展', '风采展', '成就展', '特展', '联展', '画展', '图书展', '书展', '展览', '展演展示', '展演', '技艺展示', '非遗展示', '成果展示'] },
  {
    kind: 'contest',
    nouns: ['知识竞赛', '竞赛', '比赛', '大比拼', '比拼', '大赛', '擂台赛', '演讲赛', '征文', '作品征集', '征集活动', '征集', '运动会', '联赛', '线上挑战', '挑战赛', '知识问答', '有奖竞答', '竞答', '网络答题', '技能比武', '比武',
      // (sports of a 职工/群众 culture-and-sports season)
      '篮球赛', '足球赛', '排球赛', '气排球赛', '乒乓球赛', '羽毛球赛', '门球赛', '象棋赛', '围棋赛', '棋类赛', '拔河赛', '接力赛', '龙舟赛', '赛龙舟', '邀请赛', '对抗赛', '友谊赛', '锦标赛'],
  },
  { kind: 'lecture', nouns: ['宣讲分队', '宣讲团', '宣讲会', '宣讲周', '宣讲月', '宣讲活动', '集中宣讲', '分众化宣讲', '宣讲', '巡讲', '报告会', '专题党课', '微党课', '党课', '讲座', '论坛', '讲坛', '讲堂', '辅导报告', '专题辅导'] },
  { kind: 'training', nouns: ['培训班', '研修班', '训练营', '轮训', '集训', '培训会', '培训', '学习班', '夏令营', '集体备课会', '集中备课会', '备课会', '集体备课', '体验课', '公益课', '工作坊', '托管班', '兴趣班', '体验班', '编织课', '手工课', '书法课', '绘画课', '舞蹈课', '美术课', '国学课', '公开课', '示范课', '阅读营', '读书营', '研学营', '培训营', '创业营', '艺术营', '冬令营'] },
  {
    kind: 'meeting',
    nouns: [
      '观摩交流会议', '交流会议', '联席会议', '工作会议', '总结会议', '支部委员会', '支委会', '党员大会', '党小组会', '会议', '专题研讨', '座谈会', '座谈', '观摩会', '观摩交流', '交流观摩', '观摩活动', '分析研判', '研判会', '研判',
      '分析会', '推进会', '交流会', '例会', '调度会', '研讨会', '现场会', '部署会', '动员会', '协调会', '汇报会', '述职会', '评议会', '恳谈会', '茶话会', '联谊会', '见面会', '新闻发布会', '发布会', '项目推介会', '推介会', '对接会', '碰头会',
      '总结会', '部务会议', '部务会', '党组会', '办公会', '民主生活会', '组织生活会', '务虚会', '通报会', '分享会', '全委会', '大会',
    ],
  },
  { kind: 'study', nouns: ['警示教育', '廉政教育', '党性教育', '经典精读会', '精读会', '精读', '诵读会', '集中学习', '集体学习', '读书分享会', '阅读分享会', '专题学习会', '专题学习', '学习会', '读书会', '读书班', '中心组学习', '读书沙龙', '共读'] },
  {
    kind: 'publicity',
    nouns: ['普法宣传', '入户宣传', '知识宣传', '禁毒日宣传', '祭扫宣传', '移风易俗宣传', '法治宣传', '反诈宣传', '专题页面', '宣传专栏', '专栏', '内刊', '专题宣传', '主题宣传', '集中宣传', '社会宣传', '宣传月', '宣传周', '宣传日', '宣传活动', '宣教活动', '宣传咨询', '随手拍', '公益广告宣传', '系列人物报道', '人物报道', '系列报道', '专题报道', '宣传报道', '集中采访', '主题采访', '采访活动', '微视频', '短视频'],
  },
  { kind: 'volunteer', nouns: ['走访慰问', '送春联', '志愿服务周', '志愿服务月', '志愿服务活动', '志愿服务', '志愿活动', '志愿者活动', '义诊服务', '义诊', '义剪', '便民服务', '咨询服务', '文明交通劝导', '交通劝导', '文明劝导', '义卖', '义务植树', '无偿献血', '公益托管服务', '卫生大扫除', '大扫除', '集中服务'] },
  { kind: 'assessment', nouns: ['表彰大会', '表彰会', '颁奖大会', '颁奖典礼', '颁奖仪式', '问卷调查', '寻访推选', '寻访', '推选', '评选表彰', '检查考核', '考评', '考核', '评选', '表彰', '督查', '评比', '测评', '评星定级'] },
  {
    kind: 'other',
    nouns: [
      '文艺晚会', '晚会', '文艺演出', '文艺汇演', '文艺巡演', '巡演', '慰问演出', '惠民演出', '专场演出', '下乡演出', '进村演出', '公益演出', '演出', '义演', '音乐会', '朗诵会', '经典诵读', '故事会', '快闪',
      '启动仪式', '揭牌仪式', '开班仪式', '升旗仪式', '发布仪式', '祭扫仪式', '公祭仪式', '祭奠仪式', '开幕式', '闭幕式', '启动会', '祭扫', '联欢会', '联谊活动', '交友活动', '游园会', '诗会', '灯会', '庙会', '集市', '市集', '嘉年华', '开放日', '体验日',
      '主题党日', '电影周', '电影放映', '旅游节', '邻里节', '美食节', '音乐节', '巡游', '踩街', '灯谜竞猜会', '竞猜会', '灯谜会', '猜灯谜', '专题调研', '普查', '采风', '写生', '研学', '沙龙', '送文化下乡活动', '文化下乡活动',
    ],
  },
  { kind: 'campaign', nouns: ['系列活动', '主题活动', '学习教育', '主题教育', '文化节', '艺术节', '读书节', '阅读节', '读书月', '阅读月', '读书周', '阅读周', '阅读季', '读书季', '演出季', '展演季', '惠民季', '文化周', '推广周', '普及周', '科普周', '活动周', '文化旅游周', '旅游周', '文旅周', '集中行动', '环境整治', '专项整治', '集中整治', '活动', '行动'] },
  // Words of the genre that name an event only with a time in their clause: bare 学习 is everywhere in plans,
  // "要加强督查暗访" and "要组织送文化下乡" are duties (送文化下乡活动, above, is named).
  { kind: 'study', nouns: ['学习'], needsCue: true },
  { kind: 'assessment', nouns: ['民主评议', '述职评议', '知识测试', '暗访', '抽查', '风险点排查', '风险排查', '隐患排查', '排查', '网络人气投票', '人气投票', '评奖', '考核评估', '评估', '专家评审', '评审', '专项检查', '年度检查', '检查'], needsCue: true },
  // ("3月启动2026年度规划课题申报": a call for entries with a time of its own)
  { kind: 'contest', nouns: ['申报'], needsCue: true },
  { kind: 'publicity', nouns: ['集中展播', '展播', '工作简报', '简报'], needsCue: true },
  // ("召开专题学习会，围绕…深入研讨交流": how a meeting is held, unless it has a time of its own)
  { kind: 'meeting', nouns: ['研讨交流', '交流研讨'], needsCue: true },
  { kind: 'volunteer', nouns: ['慰问', '走访'], needsCue: true },
  // More of the genre's event nouns (a lexicon of what offices hold, not read off any one plan): unambiguous ones
  // stand alone; those that also name a duty (验收, 巡查, 植树) need a time in their clause.
  { kind: 'exhibition', nouns: ['博览会', '成果展示会', '展示会', '电影展映', '展映', '线上展', '网上展', '云展览', '云展'] },
  { kind: 'other', nouns: ['团拜会', '春晚', '村晚', '书画笔会', '笔会', '观影会', '签售会', '首发式', '开营仪式', '闭营仪式', '授牌仪式', '签约仪式', '入队仪式', '开班式', '结业式', '成人礼', '开笔礼', '红歌会', '展销会'] },
  { kind: 'contest', nouns: ['辩论赛', '选拔赛'] },
  { kind: 'training', nouns: ['轮训班', '示范班', '专题班', '研讨班', '应急演练', '消防演练', '疏散演练'] },
  { kind: 'assessment', nouns: ['评审会', '颁奖会', '推荐会'] },
  { kind: 'assessment', nouns: ['验收', '巡查'], needsCue: true },
  { kind: 'volunteer', nouns: ['捐赠', '献血', '植树', '巡河', '护河'], needsCue: true },
  { kind: 'other', nouns: ['研学旅行', '研学游'] },
  // ("分别于6月、11月开展两轮中心组学习巡听旁听", "4月28日…上一堂“大思政课”": with a time; 落实巡听旁听制度 is a duty)
  { kind: 'assessment', nouns: ['巡听旁听', '巡学旁听'], needsCue: true },
  { kind: 'lecture', nouns: ['大思政课', '思政课'], needsCue: true },
  { kind: 'other', nouns: ['送文化下乡', '文化下乡', '送戏下乡', '送电影下乡', '送书下乡'], needsCue: true },
];

/** The rounds of a contest that are events of their own when named with it (…大赛初赛, …比赛决赛). */
export const ROUND_NAMES = '半决赛|总决赛|决赛|初赛|复赛|选拔赛|预赛';

export const TAKES_OBJECT = new Set(['评选表彰', '评选', '表彰', '集中宣传', '走访慰问']);

const nounKind = new Map<string, NounRule>();
for (const r of NOUN_RULES) for (const n of r.nouns) if (!nounKind.has(n)) nounKind.set(n, r);

export function ruleFor(noun: string): NounRule | undefined {
  return nounKind.get(noun);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One regex over all nouns (longest first, so 专题培训班 is one match), plus:
 * 纪念…N周年 (anniversary), a quoted name ending in 学 (“每周半天覆盖学”, study) and a class named at a line's
 * start before a colon (training). Run on the matching copy, whose colons are ASCII.
 */
export const NOUN_RE = new RegExp(
  [
    '(?<anniv>纪念[^,，。;；“”]{1,24}?(?:\\d+|[一二三四五六七八九十百]+)周年)',
    // (not a word that only ends in 学: “金秋助学”, “开学第一课”, “科学…”)
    '(?<quotedStudy>“[^”、,，]{0,9}[^”、,，助大中小开留奖科文数化医美哲教同放入上]学”)',
    // "每季度发布一期“岚江好人榜”": a roll of honour published on a schedule (only with a time: see nounsIn)
    '(?<=发布(?:一期|一批)?)(?<honourList>“[^“”、,，]{2,12}榜”)',
    // "八月底九月初，集中组织“金秋助学”资助金发放": a union's or a 妇联's relief named by its campaign (with a time only)
    '(?<relief>“[^“”、,，]{0,6}(?:助学|送清凉|送温暖|助困|圆梦)[^“”、,，]{0,4}”)',
    // "少儿舞蹈班：7月6日—8月14日，每周一、三、五上午…": a class named at a line's start, its schedule after the colon
    '(?<=(?:^|\\n)[ \\t]*)(?<classLine>[\\u4e00-\\u9fff]{2,8}班)(?=[ \\t]*:)',
    '(?<noun>' + [...nounKind.keys()].sort((a, b) => b.length - a.length).map(escape).join('|') + ')',
  ].join('|'),
  'g',
);

/**
 * A generic head noun (活动/行动) takes the kind of a more telling word in the
 * phrase: 志愿服务关爱行动 is volunteer work, 主题系列宣传活动 a campaign.
 */
export function refineKind(kind: DraftKind, noun: string, title: string): DraftKind {
  if (noun === '活动' || noun === '行动' || noun === '集中行动') {
    if (/志愿|慰问|送春联|送福字|送温暖|义诊|帮扶/.test(title)) return 'volunteer';
    if (/纪念[^,，。]{0,24}周年/.test(title)) return 'anniversary';
    if (/祭扫|祭英烈|缅怀/.test(title)) return 'other';
    // (performances and services taken to people are events of their own: 送文化下乡, 广场舞展示)
    if (/下乡|展示活动|演出活动|放映活动/.test(title)) return 'other';
    // (a talk or a class taken somewhere, "家庭教育公益讲座进社区活动", is that talk or class)
    const taken = /(讲座|报告会|宣讲|培训|公益课)进[\u4e00-\u9fff]{1,4}活动$/.exec(title);
    if (taken) return /培训|课/.test(taken[1]) ? 'training' : 'lecture';
    return 'campaign';
  }
  if (kind === 'publicity' && noun === '宣传活动' && /系列|主题/.test(title)) return 'campaign';
  return kind;
}

/**
 * A …活动 on one day, at a clock time, in sessions or on a schedule is an event, not a campaign of months
 * ("6月28日晚7:30举办全县广场舞展示活动", "活动时间：8月9日、16日、23日"); 系列/主题/…月/…周 活动 still are
 * (主题党日 is an event).
 */
export function eventOrCampaign(kind: DraftKind, key: string, t: Pick<DraftActivity, 'start' | 'end' | 'rrule' | 'rdates'>): DraftKind {
  if (kind !== 'campaign' || !t.start || /系列|主题(?!党日)|[月周节]活动$/.test(key)) return kind;
  const oneDay = t.start.includes('T') || (!!t.end && t.end.slice(0, 10) <= addDays(t.start.slice(0, 10), 1));
  return t.rrule || t.rdates || oneDay ? 'other' : kind;
}

export interface Found {
  start: number;
  end: number;
  noun: string;
  kind: DraftKind;
  needsCue: boolean;
}

/** A round right after a contest noun (how it is held may come between), not rounds listed together. */
const ROUND_AFTER = new RegExp(`^(?:线上|线下|现场|网络)?(${ROUND_NAMES})(?![和、及与](?:${ROUND_NAMES}))`);

/** The activity nouns of match[from, to), one per end position (the longest there is the head), in order. */
export function nounsIn(match: string, from: number, to: number): Found[] {
  const byEnd = new Map<number, Found>();
  const slice = match.slice(from, to);
  // One shared global regex: nounsIn never recurses, and the loop below runs it to the end.
  const re = NOUN_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  // Overlapping scan (restart one char later each time): "总结会" must not hide "总结会议"'s "会议".
  while ((m = re.exec(slice))) {
    re.lastIndex = m.index + 1;
    const g = m.groups!;
    const start = from + m.index;
    let end = start + m[0].length;
    let kind: DraftKind;
    let noun: string;
    let needsCue = false;
    if (g.anniv) {
      kind = 'anniversary';
      noun = '周年';
    } else if (g.quotedStudy) {
      kind = 'study';
      noun = '学';
    } else if (g.relief) {
      kind = 'volunteer';
      noun = '帮扶';
      needsCue = true;
    } else if (g.honourList) {
      kind = 'publicity';
      noun = '榜';
      needsCue = true;
    } else if (g.classLine) {
      kind = 'training';
      noun = '班';
    } else {
      noun = g.noun!;
      const rule = ruleFor(noun)!;
      kind = rule.kind;
      needsCue = !!rule.needsCue;
    }
    // "…大赛初赛", "…比赛决赛": a contest's round named with it is that round, an event of its own.
    // (not rounds listed together, "…摄影大赛初赛和决赛": the contest itself, its rounds shared out)
    // ("社科知识竞答线上初赛", "…现场决赛": how it is held may come between)
    const round = kind === 'contest' ? ROUND_AFTER.exec(match.slice(end, end + 10)) : null;
    // (its noun is the round's, so that the contest and its rounds are not merged as one noun's mentions)
    if (round) {
      end += round[0].length;
      noun = round[1];
    }
    // "…周年活动", "…竞赛活动": 活动 adds nothing to the kind.
    else if (match.startsWith('活动', end) && noun !== '活动') end += 2;
    // “百姓宣讲”活动: a quoted name ending in the noun, then 活动.
    else if (match.startsWith('”活动', end) && noun !== '活动') end += 3;
    // Of the nouns ending at the same place, the longest (earliest) is the head: 知识竞赛, not 竞赛.
    const prev = byEnd.get(end);
    if (!prev || start < prev.start) byEnd.set(end, { start, end, noun, kind, needsCue });
  }
  const out = [...byEnd.values()].sort((a, b) => a.start - b.start);
  // A generic 活动 right after 等 is a category ("抖音随手拍、党建秀等活动"), not an activity.
  return out.filter((f) => !((f.noun === '活动' || f.noun === '行动') && match[f.start - 1] === '等'));
}
