/**
 * Activity nouns that do not name an activity here: the rules that turn a noun found in a
 * section (kinds.ts `nounsIn`) away before it becomes a draft. Each rule is named for what the
 * phrase is instead (a duty, a mechanism's step, what was done last year, …), with the kind of
 * text it was written for, so a wrong refusal can be traced to one rule.
 *
 * Positions are on the matching copy (normalize.ts); a rule reads only the text around the noun.
 */
import type { Found } from './kinds';

/** One activity noun and what the guards read around it. */
export interface NounInContext {
  /** The document's matching copy. */
  match: string;
  found: Found;
  /** End of the phrase so far (past the noun, a companion, an object or 进X). */
  end: number;
  /** Start of the noun's clause and sentence. */
  clauseStart: number;
  sentenceStart: number;
  /**
   * Whether the noun has a time: in its clause, in a clause that opens its sentence with only a time ("10月，组织…"),
   * or, for a heading's noun, in its body's first sentence.
   */
  timed: boolean;
  /** Whether the noun's own clause holds a time. */
  clauseTimed: boolean;
  /** The object after a noun that takes one (评选表彰2023年度…), or "". */
  object: string;
  /** Every activity noun of the section, for rules that look at the noun's neighbours. */
  nouns: readonly Found[];
}

/** A sentence telling what was done: "成功举办了…", "过去的一年…开展…". */
const PAST_DONE =
  /^(?:过去的?一年|去年|上一年|一年来|近年来|近[一二三四五两几\d]+年来?)|(?:举办|开展|组织|举行|召开|完成|评选|表彰|推出)了|(?:先后|累计|连续[一二三四五六七八九十两\d]+年|已经?|曾经?)[^,，。;；]{0,6}?(?:举办|开展|组织|举行|召开|推出|建成)/;
/** A paragraph that looks back: "先简单回顾一下去年的工作。2025年，…评选发布…". */
const LOOK_BACK = /^[ \t]*(?:先|首先)?(?:简单|简要)?回顾(?:一下)?(?:去年|过去|上一年|一年来)/;
const MEDIA_NOUNS = new Set(['短视频', '微视频']);
/**
 * A 评选/表彰 object that is the rules or a clause of its own, not an activity: 评选对象, 评选结果纳入考核,
 * 评选不能搞“轮流坐庄”, 评选今年要启动 (an award object, 评选一等奖2名, is the award stage: see activities.ts awardOf).
 */
const NOT_AN_OBJECT = /^(?:对象|程序|标准|条件|范围|办法|结果|工作|不|要|应|须|也|还|就|都|今年|明年)/;

const generic = (n: NounInContext) => n.found.noun === '活动' || n.found.noun === '行动';
const before = (n: NounInContext, chars: number, floor = n.clauseStart) => n.match.slice(Math.max(floor, n.found.start - chars), n.found.start);
const after = (n: NounInContext, chars: number) => n.match.slice(n.end, n.end + chars);

/** The line the noun is on, from its start to the noun. */
const lineBefore = (n: NounInContext) => n.match.slice(n.match.lastIndexOf('\n', n.found.start - 1) + 1, n.found.start);

const RULES: ReadonlyArray<readonly [string, (n: NounInContext) => boolean]> = [
  // "活动流程：/ 9:20 启动仪式 / 9:40 颁奖": an event's programme, hour by hour, is that event's (its section's).
  ['agenda item', (n) => /^[ \t]*\d{1,2}[:：]\d{2}(?:[ \t]*[-—–~～至][ \t]*\d{1,2}[:：]\d{2})?[ \t]/.test(lineBefore(n))],
  // "不能搞“拍照式”志愿服务", "杜绝形式主义的宣讲": what is warned against is not an activity.
  ['warned against', (n) => /(?:不能|不要|不得|不准|严禁|禁止|杜绝|防止|避免)(?:搞|再搞|出现|开展)?[^,，。;；]{0,10}$/.test(before(n, 14))],
  // "强化督促检查", "加强监督检查": checking as a duty, not a check held.
  ['a duty of checking', (n) => n.found.noun === '检查' && /(?:督促|监督|检查|自查)$/.test(before(n, 2))],
  // "“书香溱川”全民阅读节、春节“送万福进万家”…这些活动，群众反响都不错": activities referred back to, already held.
  ['referred back to', (n) => /^[^。;；!！?？]{0,40}?这些(?:活动|工作|做法)/.test(after(n, 44)) || (generic(n) && /(?:这些|那些|上述|以上)$/.test(before(n, 2)))],
  // "要健全网络舆情研判和处置机制": a mechanism or a rule to set up, not an event.
  ['a mechanism', (n) => !n.clauseTimed && /^(?:[和与及、][\u4e00-\u9fff]{0,6})?(?:机制|制度|体系|办法)/.test(after(n, 10))],
  // 学习情况纳入年度考核, 评选结果纳入考核: a rule about counting.
  ['counted', (n) => /纳入[^,，。;；]{0,16}$/.test(before(n, 18))],
  // "复赛评选出15个项目晋级决赛": what a round selects, not an event of its own.
  ['outcome', (n) => /^(?:评选|评审|评比)$/.test(n.found.noun) && /^出?(?:\d+|[一二三四五六七八九十两]+)(?:个|名|件|项|支)/.test(n.match.slice(n.found.end, n.found.end + 6))],
  // "围绕纪念中国共产党成立105周年，6月下旬开展…宣讲周": the anniversary is the theme of what follows.
  ['theme', (n) => n.found.kind === 'anniversary' && /(?:围绕|聚焦|紧扣|结合)$/.test(before(n, 2)) && /^[,，]/.test(after(n, 1))],
  // "推动形成区有宣讲团、街道有宣讲队…的三级宣讲格局": a structure to build, not an event.
  ['structure', (n) => /(?:形成|构建|打造|建立|健全)[^,，。;；]{0,12}$/.test(before(n, 14)) && /^[^。;；]{0,30}?(?:格局|体系|网络|矩阵|布局)/.test(after(n, 34))],
  // "组建“青年讲师”“老兵宣讲”“非遗传承人讲故事”等特色小分队": the teams' names.
  ['team names', (n) => /^”?(?:[、和]?“[^“”]{1,12}”)*[、和]?等?[\u4e00-\u9fff]{0,6}?(?:小分队|分队|宣讲队|志愿队|服务队|队伍|团队)/.test(after(n, 40)) && /“[^“”]*$/.test(before(n, 12))],
  // "每月开展1次集中学习，全年不少于12次，其中专题研讨不少于6次": how many of the sessions named before are of a sort.
  ['share of the sessions', (n) => /其中$/.test(before(n, 2)) && /^(?:不少于|不低于|至少|占|达到?)?(?:\d+|[一二三四五六七八九十两]+)(?:次|场|期)/.test(after(n, 8))],
  // "送去文艺演出、书画展览和艺术辅导": what a tour brings, not events of their own.
  // (not a lecture given so: "为机关党支部送去“红色档案里的初心”专题党课" is one the sender holds)
  ['brought by a tour', (n) => n.found.kind !== 'lecture' && /(?:送去|带去|送上|带来)[^,，。;；]{0,16}$/.test(before(n, 20, n.sentenceStart))],
  // "做好非遗项目普查、申报和传承人管理工作": steps of a duty.
  ['step of a duty', (n) => n.found.kind !== 'meeting' && !n.timed && /^(?:[、和及与][^,，。;；]{0,12})?工作/.test(after(n, 16))],
  // "由…32人组成，负责全县示范宣讲和专题宣讲", "承担巡回宣讲任务": a team's remit.
  [
    'remit',
    (n) => /(?:负责(?!人|同志)|承担)[^,，。;；]{0,12}$/.test(n.match.slice(n.clauseStart, n.found.start)) || /^[^,，。;；]{0,2}(?:任务|职责)/.test(after(n, 4)),
  ],
  // "主要负责同志要带头宣讲": what someone must do, with no time of its own, is a requirement.
  // ("主要负责同志带头宣讲": leading by example is the same requirement)
  ['requirement', (n) => !n.clauseTimed && /(?:(?:要|须|应当|应)(?:带头|积极|主动|认真|经常|自觉)|同志带头|干部带头)$/.test(before(n, 4))],
  // "举行…启动仪式，县委宣讲团主讲人作首场示范宣讲": a talk given at the ceremony its sentence holds is part of it.
  [
    'talk at the ceremony',
    (n) =>
      /作(?:首场|首次)?[^,，。;；]{0,4}$/.test(before(n, 6)) &&
      n.nouns.some((o) => o.start >= n.sentenceStart && o.end <= n.clauseStart && /仪式|开幕式|启动会|大会$/.test(o.noun)),
  ],
  // "培训内容包括理论专题辅导、宣讲技巧讲授": what another activity consists of.
  ['part of another', (n) => /(?:内容|形式|环节)(?:主要)?(?:包括|包含)/.test(n.match.slice(n.sentenceStart, n.found.start))],
  // "完善志愿者注册、培训、激励机制": one step of a mechanism.
  ['step of a mechanism', (n) => n.match[n.end] === '、' && /^(?:、[^,，。;；、]{1,8})*(?:机制|制度|体系|办法|流程)/.test(after(n, 24))],
  // "我们成功举办了第三届乡村文化艺术节": done, not planned.
  ['done', (n) => PAST_DONE.test(n.match.slice(n.sentenceStart, n.found.start)) || LOOK_BACK.test(lineBefore(n))],
  // "表中未注明具体时间的活动", "丰富多彩的活动": a description of activities, not one's name.
  // ("组织本地本系统的基层文体活动": the 的 may stand a few words before the noun)
  ['description', (n) => generic(n) && /的[\u4e00-\u9fff]{0,6}$/.test(before(n, 8)) && !/[“”]/.test(before(n, 12))],
  // "共安排16项市级活动": a count of activities.
  ['count', (n) => generic(n) && /(?:\d+|[一二三四五六七八九十两几多]+)(?:项|类|个)[\u4e00-\u9fff]{0,6}$/.test(before(n, 10))],
  // "各项纪念活动", "本次活动": a category or a reference.
  ['category', (n) => generic(n) && /(?:各项|各类|相关|有关|上述|以上|以下|下列|此次|本次|这次|该项)[\u4e00-\u9fff]{0,6}$/.test(before(n, 8))],
  // "倡导鲜花祭扫、绿色祭扫", "引导群众文明祭扫": a way of doing something urged on people, not an event.
  // (the verb opens the clause: "开展文明引导志愿服务", "新风倡导活动" are names)
  ['urged', (n) => !n.clauseTimed && /^\s*(?:要|积极|大力)?(?:倡导|提倡|引导|鼓励|号召)[^,，。;；]{0,10}$/.test(n.match.slice(n.clauseStart, n.found.start))],
  // "择优推荐参加市级评选": another organiser's event the plan's people take part in.
  // ("优秀项目推荐参加全市比赛")
  ["another organiser's", (n) => /(?:参加|参与|报送|推荐)(?:市级|省级|全国|国家级|上级|全市|全省)$/.test(before(n, 6))],
  // "如实记录会议和活动情况", "报送培训开展情况", "发布演出和培训信息": the state of something, or news of it.
  [
    'news of it',
    (n) =>
      /^(?:[和及与、][^,，。;；]{0,6}?)?(?:开展|落实|举办|参加|学习)?(?:情况|信息|预告)/.test(after(n, 12)) &&
      /(?:记录|报送|上报|统计|汇总|通报|总结|掌握|了解|发布|推送|公布)[^,，。;；]{0,6}$/.test(before(n, 12)),
  ],
  // "结业汇报演出：…在剧场举行，各班学员登台进行学习成果展示": what a show in the sentence does on stage.
  [
    'shown at the show',
    (n) => /展示$/.test(n.found.noun) && /(?:进行|开展)[\u4e00-\u9fff]{0,4}$/.test(before(n, 6)) && n.nouns.some((o) => o !== n.found && o.end <= n.clauseStart && n.found.start - o.end <= 40 && /演出|汇演|展演|晚会$/.test(o.noun) && !/[。;；\n]/.test(n.match.slice(o.end, n.found.start))),
  ],
  // "6月：学习《中国共产党简史》有关章节，纪念中国共产党成立105周年": what a study session marks.
  [
    'what a study marks',
    (n) => n.found.noun === '周年' && n.clauseStart > n.sentenceStart && n.nouns.some((o) => o.kind === 'study' && o.start >= n.sentenceStart && o.end <= n.clauseStart),
  ],
  // "由县采茶戏剧团和民间戏曲社团轮流演出": who performs at the show the sentence names, not a show of its own.
  ['performed by', (n) => /^(?:演出|表演|展演)$/.test(n.found.noun) && /^\s*由[^,，。;；]{2,24}?(?:轮流|分别|共同|联合)?$/.test(n.match.slice(n.clauseStart, n.found.start))],
  // "县融媒体中心要配合做好宣传报道", "（三）做好宣传报道": covering the activities is a duty, not one of them.
  ['coverage', (n) => n.found.kind === 'publicity' && !n.clauseTimed && /做好$/.test(before(n, 2)) && /^(?:宣传报道|宣传|报道|新闻报道|宣传工作)$/.test(n.found.noun)],
  // 学习, 走访, 展播…: nouns that are an activity only with a time in their clause.
  ['untimed', (n) => n.found.needsCue && !n.timed],
  // "开展短视频和书画作品征集活动": media listed with other works are what is called for or chosen.
  ['media listed', (n) => MEDIA_NOUNS.has(n.found.noun) && /^[和及与、]/.test(after(n, 1))],
  // "重点招募文艺展演、法律咨询、医疗义诊和助老服务类志愿者": what kind of volunteers are sought.
  ['kinds of volunteers', (n) => /^[^,，。;；]{0,24}?类(?:志愿者|人员|人才|队伍)/.test(after(n, 30))],
  // "开展广场舞、戏曲、合唱等门类展演": the kinds of a festival's programme, not an event of their own.
  ['kinds of a programme', (n) => /等(?:门类|类别|类型|形式|项目)$/.test(before(n, 4))],
  // "聚焦群众文化活动、公共文化服务…四项重点": a field of work one focuses on.
  // ("聚焦理论宣讲，让…": a speech's point named by the field it focuses on, when nothing in its sentence times it)
  ['focus', (n) => !n.clauseTimed && /(?:聚焦|立足|着眼|突出)[^,，。;；开举组召]{0,10}$/.test(before(n, 12)) && (generic(n) || n.match[n.end] === '、' || (!n.timed && /(?:聚焦|突出|立足|着眼)[\u4e00-\u9fff]{0,4}$/.test(before(n, 6))))],
  // "创作3分钟以内的短视频": the works a call asks for, described.
  ['media described', (n) => MEDIA_NOUNS.has(n.found.noun) && /的$/.test(before(n, 1))],
  // "开展广场舞展演、书画展览、非遗手工体验等活动": items of a list closed by 等活动 are one activity's programme.
  // ("开展绘本共读、故事接龙、好书推荐等亲子阅读活动": the list may close with a named kind of 活动)
  // ("对专题党课、民主生活会、“七一”评选表彰等工作一并作出安排": kinds of work a sentence arranges, listed)
  ['programme item', (n) => !generic(n) && (/^(?:、[^。;；\n]{0,30}?)?等(?:各类|系列)?[\u4e00-\u9fff]{0,6}?(?:活动|志愿服务|项目)/.test(after(n, 40)) || /^”?(?:、[^。;；\n]{0,30}?)?等工作/.test(after(n, 40)))],
  // "加强对社科类讲座、论坛、报告会等阵地的管理": kinds of event listed as venues or channels to manage.
  ['kinds of a venue', (n) => !n.clauseTimed && /^(?:、[^。;；\n]{0,30}?)?等[\u4e00-\u9fff]{0,4}?(?:阵地|平台|载体|场所|渠道)/.test(after(n, 40))],
  // "报名方式：关注公众号，点击菜单栏“暑期活动”预约": how to sign up or get in touch is not an event.
  ['sign-up line', (n) => /^[ \t]*(?:[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}[.、．])?[ \t]*(?:报名方式|报名办法|报名须知|联系方式|咨询方式|咨询电话|预约方式|乘车路线)[ \t]*[:：]/.test(lineBefore(n))],
  // "集中宣传一批群众身边的凡人善举": publicity of a batch of examples, with no time of its own, is a duty.
  ['batch publicity', (n) => n.found.noun === '集中宣传' && !n.timed && /^(?:一批|一系列)/.test(n.object)],
  // "每个乡镇宣讲不少于20场": a quota for each holder (not a schedule: 每月, 每周 are times), not an activity of its own.
  [
    'quota',
    (n) =>
      // ("全年送戏下乡不少于150场": the year's count)
      /^[ \t]*(?:每(?:个|名|支|所|位|家)?(?!月|周|季|年|天|日|半年|学期)[\u4e00-\u9fff]{1,6}|全年|年内)$/.test(n.match.slice(n.clauseStart, n.found.start)) &&
      /^(?:活动)?(?:不少于|不低于|至少|达到)/.test(after(n, 6)),
  ],
  // "围绕“月月有活动、季季有主题”的目标": a slogan in quotes that names an aim or a way of working.
  [
    'slogan',
    (n) => {
      const open = n.match.lastIndexOf('“', n.found.start);
      if (open < n.sentenceStart || n.match.lastIndexOf('”', n.found.start - 1) > open) return false;
      const close = n.match.indexOf('”', n.found.start);
      return close > 0 && /^”的?(?:目标|要求|理念|原则|思路|格局|氛围|局面|宗旨|方针)/.test(n.match.slice(close, close + 4));
    },
  ],
  ['no object', (n) => n.object !== '' && NOT_AN_OBJECT.test(n.object) && !/[奖]$/.test(n.found.noun)],
];

/** The name of the first rule that turns the noun away, or null when it may name an activity. */
export function notAnEvent(n: NounInContext): string | null {
  for (const [name, refuses] of RULES) if (refuses(n)) return name;
  return null;
}
