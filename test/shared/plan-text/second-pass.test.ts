/**
 * Rules of the second issue-13 pass (plans 25–33 of the corpus), one small text each, so a
 * regression names the rule rather than only lowering a corpus total.
 */
import { describe, expect, it } from 'vitest';
import { one, planUnder, titles } from './rule-helpers';

const P = planUnder('2025年宣传工作方案');

describe('times (second pass)', () => {
  it('reads lunar days and ranges, and days the catalogue lacks', () => {
    const p = P(
      '1—2月：\n正月初一至十五，在县文化广场举办“欢乐闹新春”广场文艺展演。\n5月：\n国际博物馆日联合县博物馆举办馆藏民俗文物展。\n6月：\n文化和自然遗产日举办非遗展示展演活动。\n4月：\n全民阅读日前后举办“书香润万家”读书分享会。',
      '县文化馆2025年群众文化活动计划',
    );
    expect(one(p, '欢乐闹新春')).toMatchObject({ start: '2025-01-29', end: '2025-02-13' });
    expect(one(p, '文物展')).toMatchObject({ start: '2025-05-18', kind: 'exhibition', units: ['县博物馆'] });
    expect(one(p, '非遗展示展演')).toMatchObject({ start: '2025-06-14', end: '2025-06-15' });
    expect(one(p, '读书分享会')).toMatchObject({ start: '2025-04-16', end: '2025-05-01' });
    expect(p.sections).toHaveLength(0); // month by month, not a speech
  });

  it('“七一”前夕 is a time; a festival day inside the month written with it beats the month', () => {
    const p = P('一、活动\n（一）“七一”前夕举办庆祝建党104周年文艺汇演。\n（二）3月：学雷锋纪念日组织志愿者开展“文化进社区”志愿服务活动。');
    expect(one(p, '文艺汇演')).toMatchObject({ start: '2025-06-15', end: '2025-07-01' });
    expect(one(p, '文化进社区')).toMatchObject({ start: '2025-03-05', end: '2025-03-06' });
  });

  it('a list of times dates by the first; a deadline is no time; a recurrence in a window or a field line', () => {
    const p = P(
      '一、活动\n（一）专题辅导报告会。4月、9月各邀请专家举办1次专题辅导报告会。\n（二）“我与民法典”征文比赛。面向中小学生开展征文比赛，作品于5月20日前报送县司法局。\n（三）“法治大舞台”广场文艺演出。5月每周六晚，在人民广场演出1场。\n（四）禁毒图片社区巡回展\n时间：6月每周三上午\n地点：各社区',
    );
    expect(one(p, '报告会')).toMatchObject({ start: '2025-04-01', end: '2025-05-01' });
    expect(one(p, '征文比赛').start).toBeUndefined();
    expect(one(p, '法治大舞台')).toMatchObject({ rrule: expect.stringContaining('BYDAY=SA'), start: '2025-05-03T19:00' });
    expect(one(p, '巡回展')).toMatchObject({ rrule: expect.stringContaining('BYDAY=WE'), start: '2025-06-04T09:00' });
  });
});

describe('activity plans (second pass)', () => {
  it('names contest stages after the plan’s activity', () => {
    const p = P(
      '为讲好家乡故事，决定举办2025年“最美家乡”短视频大赛。\n一、组织机构\n主办单位：县委宣传部\n二、活动安排\n（一）启动仪式\n时间：4月8日上午\n（二）推荐报名\n时间：4月8日至5月20日\n（三）网络投票\n时间：5月下旬\n（四）成果展示\n时间：6月中旬',
      '关于举办2025年“最美家乡”短视频大赛的活动方案',
    );
    expect(titles(p)).toEqual([
      '2025年“最美家乡”短视频大赛',
      '“最美家乡”短视频大赛启动仪式',
      '“最美家乡”短视频大赛推荐报名',
      '“最美家乡”短视频大赛网络投票',
      '“最美家乡”短视频大赛成果展示',
    ]);
    expect(one(p, '网络投票')).toMatchObject({ kind: 'assessment', start: '2025-05-21' });
    expect(one(p, '成果展示')).toMatchObject({ kind: 'exhibition', start: '2025-06-11' });
  });

  it('an unquoted plan activity: kept from the preamble, moved to its 活动时间 section, names the bare 启动仪式', () => {
    const p = P(
      '为营造全民禁毒氛围，决定在全县开展全民禁毒宣传月活动。\n一、活动时间\n2025年6月1日至6月30日。\n二、活动内容\n（一）举行启动仪式。6月3日上午在县人民广场举行启动仪式。\n（二）开展结对帮教活动。组织禁毒专干与戒毒康复人员结对帮扶。',
      '2025年全民禁毒宣传月活动方案',
    );
    expect(one(p, '宣传月活动')).toMatchObject({ sectionId: 's1', start: '2025-06-01', end: '2025-07-01' });
    expect(one(p, '启动仪式')).toMatchObject({ title: '全民禁毒宣传月启动仪式', start: '2025-06-03T09:00' });
    expect(one(p, '帮教')).toMatchObject({ title: '结对帮教活动', start: '2025-06-01' });
  });

  it('集中宣传 takes its object (集中宣传“感动凤城”人物先进事迹)', () => {
    const p = P('一、颁奖典礼\n12月20日晚举办“感动凤城”人物颁奖典礼。\n二、宣传报道\n颁奖典礼后，各级媒体要开设专栏，集中宣传“感动凤城”人物先进事迹。');
    expect(one(p, '先进事迹')).toMatchObject({ kind: 'publicity', sectionId: 's2' });
  });

  it('the plan’s activity is found after a year in Chinese numerals too', () => {
    const p = P('为弘扬雷锋精神，制定方案如下。\n一、活动内容\n（一）举行启动仪式。3月5日上午举行启动仪式。', '二〇二五年“学雷锋”志愿服务月活动方案');
    expect(one(p, '启动仪式')).toMatchObject({ title: '“学雷锋”志愿服务月启动仪式', start: '2025-03-05T09:00' });
  });

  it('a field item repeating an earlier heading is that heading’s activity, dated by its field line', () => {
    const p = P(
      '一、活动时间\n2024年12月2日至12月8日\n二、活动内容\n（一）“健康同行”义诊服务。组织医护志愿者开展义诊。\n三、活动时间及地点\n1.“健康同行”义诊服务\n时间：12月3日上午\n地点：城关镇卫生院',
      '2024年“文明实践 你我同行”志愿服务周活动方案',
    );
    expect(p.title).toBe('2024年“文明实践 你我同行”志愿服务周活动方案');
    expect(one(p, '健康同行')).toMatchObject({ sectionId: 's2.1', kind: 'volunteer', start: '2024-12-03T09:00' });
  });

  it('an award meeting is its own draft beside the selection; a team heading names its body’s event', () => {
    const p = P(
      '一、活动\n（一）“书香家庭”评选。面向全市家庭开展“书香家庭”评选，4月底召开表彰大会。\n（二）组建县委宣讲团。从党校教师中遴选成员，4月上旬开展首轮示范宣讲。',
    );
    expect(one(p, '表彰大会')).toMatchObject({ title: '“书香家庭”表彰大会', start: '2025-04-21' });
    expect(one(p, '“书香家庭”评选').start).toBeUndefined();
    expect(one(p, '示范宣讲').title).toBe('县委宣讲团首轮示范宣讲');
  });

  it('short subjects joined by 、 share the noun; two activities listed with 、 stay two', () => {
    const p = P('一、活动\n（一）暑期开设少儿美术、舞蹈公益培训班。\n（二）6月举办书画展、摄影展。');
    expect(one(p, '培训班').title).toBe('少儿美术、舞蹈公益培训班');
    // (not “书画展、摄影展”: the piece before 、 is an activity itself; and the two stay two drafts)
    expect(titles(p)).toEqual(expect.arrayContaining(['书画展', '摄影展']));
  });
});
