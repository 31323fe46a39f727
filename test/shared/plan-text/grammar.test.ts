import { describe, expect, it } from 'vitest';
import { cleanPlanText, removePageFooters, removePinyin } from '../../../shared/src/plan-text/clean';
import { chineseNumeral, labelKey, scanMarkers } from '../../../shared/src/plan-text/headings';
import { parsePlan, parsePlanAsync, sectionLabelPath, toPlanJson } from '../../../shared/src/plan-text/index';
import { matchingCopy } from '../../../shared/src/plan-text/normalize';
import { loadTraditionalTable } from '../../../shared/src/plan-text/traditional';
import { findTimes, resolveTime } from '../../../shared/src/plan-text/when';

describe('numbering grammar', () => {
  it('reads Chinese numerals', () => {
    expect(['一', '九', '十', '十一', '二十', '二十三'].map(chineseNumeral)).toEqual([1, 9, 10, 11, 20, 23]);
    expect(chineseNumeral('十十')).toBeNull();
    expect(chineseNumeral('两')).toBeNull();
  });

  it('recognises every marker type and normalises labels', () => {
    const text = matchingCopy('一、甲\n（一）乙\n(二)、丙\n1、丁\n2．戊\n3.己\n（1）庚\n①辛\n1.1 壬\n一是癸。二是子。一要丑；二要寅');
    const types = scanMarkers(text).map((m) => `${m.type}:${m.value}`);
    expect(types).toEqual(['cn:1', 'pcn:1', 'pcn:2', 'num:1', 'num:2', 'num:3', 'pnum:1', 'circ:1', 'dec:1', 'shi:1', 'shi:2', 'yao:1', 'yao:2']);
    expect(labelKey('pcn', '（一）、')).toBe('(一)');
    expect(labelKey('num', '1．')).toBe('1.');
    expect(labelKey('num', '1、')).toBe('1.');
    expect(labelKey('cn', '一.')).toBe('一、');
  });

  it('does not take false friends for headings', () => {
    const plan = [
      '2023年某局宣传工作要点',
      '一、总体要求',
      '总结“十一五”以来的经验，坚持“三个代表”重要思想，每年组织1次培训，迎接建校60周年。2023年要实现新突破。获一、二等奖各1项，3.5%的增长，统一要求，这一是重点。',
      '二、主要任务',
      '1、抓好学习。',
      '第2、3条另有规定。',
      '2、抓好宣传。',
    ].join('\n');
    const p = parsePlan(plan);
    expect(p.sections.map((s) => `${s.label}${s.title}`)).toEqual(['一、总体要求', '二、主要任务', '1、抓好学习', '2、抓好宣传']);
    expect(p.sections[0].body).toContain('十一五');
  });

  it('reads 第一，第二， enumerations and 1.1 decimal headings at line starts', () => {
    const p = parsePlan('工作安排\n一、总体安排\n第一，抓学习，每月一次。第二，抓宣传。\n二、分项任务\n1.1 理论学习\n1.2 宣传报道\n增长1.5亿元。');
    expect(p.sections.map((s) => `${s.level}${s.label}${s.title}`)).toEqual([
      '1一、总体安排',
      '2第一，抓学习，每月一次',
      '2第二，抓宣传',
      '1二、分项任务',
      '21.1理论学习',
      '21.2宣传报道',
    ]);
  });

    it('keeps numbering continuous: a stray 3、 in prose is not a heading', () => {
    const p = parsePlan('工作方案\n一、任务\n1、甲项工作。\n2、乙项工作。其中 5、6月完成。\n3、丙项工作。');
    expect(p.sections.map((s) => s.label)).toEqual(['一、', '1、', '2、', '3、']);
  });

  it('still drafts activities from a plan without sections (sectionId "")', () => {
    const p = parsePlan('关于开展读书月活动的通知\n4月中旬举办全市职工读书分享会和“书香机关”征文比赛。', { defaultYear: 2024 });
    expect(p.sections).toEqual([]);
    expect(p.year).toBe(2024);
    expect(p.activities).toMatchObject([
      { title: '全市职工读书分享会', kind: 'study', sectionId: '', start: '2024-04-11', end: '2024-04-21', cue: '4月中旬' },
      { title: '“书香机关”征文比赛', kind: 'contest', sectionId: '', start: '2024-04-11' },
    ]);
  });

    it('gives label paths for display', () => {
    const p = parsePlan('计划\n一、甲\n（一）乙\n（二）丙\n1、丁');
    expect(sectionLabelPath(p.sections, 's1.2.1')).toBe('一、 （二） 1、');
    expect(sectionLabelPath(p.sections, 'nope')).toBe('');
    expect(sectionLabelPath([{ id: 'a', parentId: 'a', label: '', title: '聚焦建设政治过硬的模范机关' }], 'a')).toBe('聚焦建设政治过硬…');
  });

    it('gives stable ids: same text, same ids', () => {
    const text = '计划\n一、甲\n（一）乙\n（二）丙\n二、丁\n1、戊';
    const a = parsePlan(text);
    const b = parsePlan(text);
    expect(a.sections.map((s) => s.id)).toEqual(['s1', 's1.1', 's1.2', 's2', 's2.1']);
    expect(b.sections).toEqual(a.sections);
    expect(a.sections[4]).toMatchObject({ parentId: 's2', level: 2, order: 0 });
  });
});

describe('cleaning', () => {
  it('removes pinyin annotations, also untoned ones in an annotated text', () => {
    expect(removePinyin('領(lǐng)導(dǎo)語(yǔ)的(de)重要')).toBe('領導語的重要');
    expect(removePinyin('導(dǎo)語')).toBe('導語');
    // One untoned (xx) in ordinary text is not pinyin.
    expect(removePinyin('联合(xx)单位')).toBe('联合(xx)单位');
  });

  it('removes page footers pasted mid-sentence using the title', () => {
    const text = '倡导文明健区委宣传部年度精神文明工作方案第2页 康向上的娱乐活动';
    expect(removePageFooters(text, ['区委宣传部年度精神文明工作方案'])).toBe('倡导文明健康向上的娱乐活动');
    expect(removePageFooters('详见第2页说明', ['某方案'])).toBe('详见第2页说明');
    // A footer on a line of its own goes with its line break, so the prose around it can be rejoined.
    expect(removePageFooters('上文\n第 3 页 共 9 页\n下文', [])).toBe('上文\n下文');
    expect(removePageFooters('开展全县道德模范评\n— 2 —\n第3页 共3页\n选活动', [])).toBe('开展全县道德模范评选活动');
  });

  it('removes download-site boilerplate and keeps metadata years aside', () => {
    const { text, metaYears } = cleanPlanText(
      '温馨提示:\n1. 部分包含数学公式或PPT动画的文件,查看预览时可能会显示错乱或异常。\n网站客服:123\n更新时间:2023-12 来源:网友投稿\n计划正文。\n---此处隐藏618字,下载后查看---\n尾声。\n最新推荐\n别的文档',
    );
    expect(text.trim().split('\n').filter(Boolean)).toEqual(['计划正文。', '尾声。']);
    expect(metaYears).toEqual([2023]);
  });

  it('evens out quotes, brackets and widths in the matching copy only (same length)', () => {
    const s = '“真〞功夫〔党委〕（一）１２：「甲」';
    const m = matchingCopy(s);
    expect(m).toBe('“真”功夫(党委)(一)12:“甲”');
    expect(m.length).toBe(s.length);
  });

  it('matches Traditional text against Simplified rules but shows it as written', async () => {
    await loadTraditionalTable();
    expect(matchingCopy('宣傳思想文化工作計劃')).toBe('宣传思想文化工作计划');
    const p = await parsePlanAsync('縣宣傳工作計劃\n一、加強領導\n3月下旬舉辦骨幹培訓班，年底開展考評。');
    expect(p.sections[0].title).toBe('加強領導');
    expect(p.activities.map((a) => [a.title, a.kind])).toEqual([
      ['骨幹培訓班', 'training'],
      ['考評', 'assessment'],
    ]);
  });
});

describe('time words', () => {
  const resolve = (phrase: string, year = 2024, anniversary = false) => {
    const m = matchingCopy(phrase);
    const hit = findTimes(m, 0, m.length, year)[0];
    return hit ? resolveTime(hit, year, anniversary) : null;
  };

  it('resolves months, thirds, quarters and parts of the year (end exclusive)', () => {
    expect(resolve('3月上旬')).toMatchObject({ start: '2024-03-01', end: '2024-03-11', cue: '3月上旬' });
    expect(resolve('2月下旬')).toMatchObject({ start: '2024-02-21', end: '2024-03-01' });
    expect(resolve('十一月中旬')).toMatchObject({ start: '2024-11-11', end: '2024-11-21' });
    expect(resolve('5月20日')).toMatchObject({ start: '2024-05-20', end: '2024-05-21' });
    expect(resolve('3—5月')).toMatchObject({ start: '2024-03-01', end: '2024-06-01' });
    expect(resolve('第三季度')).toMatchObject({ start: '2024-07-01', end: '2024-10-01' });
    expect(resolve('上半年')).toMatchObject({ start: '2024-01-01', end: '2024-07-01' });
    expect(resolve('下半年')).toMatchObject({ start: '2024-07-01', end: '2025-01-01' });
    expect(resolve('年初')).toMatchObject({ start: '2024-01-01', end: '2024-03-01' });
    expect(resolve('年中')).toMatchObject({ start: '2024-06-01', end: '2024-08-01' });
    expect(resolve('年底')).toMatchObject({ start: '2024-12-01', end: '2025-01-01' });
    expect(resolve('年内')).toMatchObject({ start: '2024-01-01', end: '2025-01-01' });
    expect(resolve('去年年底')).toBeNull();
    expect(resolve('3月5日至7日')).toMatchObject({ start: '2024-03-05', end: '2024-03-08' });
    expect(resolve('2025年3月')).toMatchObject({ start: '2025-03-01', end: '2025-04-01', cue: '2025年3月' });
  });

  it('resolves festivals and observances for the plan year', () => {
    expect(resolve('国庆节来临前夕', 2023)).toMatchObject({ start: '2023-09-15', end: '2023-10-01' });
    expect(resolve('国庆期间', 2023)).toMatchObject({ start: '2023-10-01', end: '2023-10-08' });
    expect(resolve('春节期间', 2024)).toMatchObject({ start: '2024-02-10', end: '2024-02-17' });
    expect(resolve('清明节前后', 2024)).toMatchObject({ start: '2024-03-28', end: '2024-04-12' });
    expect(resolve('端午节', 2024)).toMatchObject({ start: '2024-06-10', end: '2024-06-11' });
    expect(resolve('中秋节当天', 2024)).toMatchObject({ start: '2024-09-17', end: '2024-09-18' });
    expect(resolve('七一前夕', 2024)).toMatchObject({ start: '2024-06-15', end: '2024-07-01' });
    expect(resolve('建军节之际', 2027)).toMatchObject({ start: '2027-07-25', end: '2027-08-02' });
    // 纪念X: the day itself for an anniversary event, the run-up for anything else.
    expect(resolve('纪念中国共产党成立102周年', 2023, true)).toMatchObject({ start: '2023-07-01', end: '2023-07-02' });
    expect(resolve('纪念中国共产党成立102周年', 2023, false)).toMatchObject({ start: '2023-06-15', end: '2023-07-02' });
    // Bare short aliases are ideas, not dates.
    expect(resolve('弘扬五四精神')).toBeNull();
  });

  it('turns recurrences into RRULEs starting in the plan year', () => {
    expect(resolve('每周五下午', 2023)).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=FR', start: '2023-01-06T14:30', end: '2023-01-06T17:30' });
    expect(resolve('每周一上午')).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=MO', start: '2024-01-01T09:00' });
    expect(resolve('每周一次')).toMatchObject({ rrule: 'FREQ=WEEKLY' });
    expect(resolve('每月')).toMatchObject({ rrule: 'FREQ=MONTHLY', start: '2024-01-01' });
    expect(resolve('每季度召开1次')).toMatchObject({ rrule: 'FREQ=MONTHLY;INTERVAL=3', cue: '每季度召开1次' });
    expect(resolve('每半年')).toMatchObject({ rrule: 'FREQ=MONTHLY;INTERVAL=6' });
    expect(resolve('每两个月')).toMatchObject({ rrule: 'FREQ=MONTHLY;INTERVAL=2' });
    expect(resolve('每年至少组织一次')).toMatchObject({ rrule: 'FREQ=YEARLY', cue: '每年至少组织一次' });
  });
});

describe('Contract 4 JSON', () => {
  it('has exactly the contract fields', () => {
    const json = toPlanJson(parsePlan('2024年工作要点\n一、学习\n每周五下午集中学习。\n二、活动\n国庆节前夕联合甲单位、乙单位举办书画作品展。'));
    expect(Object.keys(json)).toEqual(['title', 'year', 'sections', 'activities']);
    for (const s of json.sections) expect(Object.keys(s)).toEqual(['id', 'parentId', 'label', 'title', 'level', 'body']);
    // Contract 4 additions (optional, documented in the plan-text README): confidence and source.
    for (const a of json.activities) {
      expect(a.confidence).toBeGreaterThan(0);
      expect(a.confidence).toBeLessThanOrEqual(1);
      expect(a.source?.length).toBeGreaterThan(0);
    }
    expect(json.activities.map(({ confidence: _c, source: _s, ...a }) => a)).toEqual([
      { title: '集中学习', kind: 'study', sectionId: 's1', start: '2024-01-05T14:30', end: '2024-01-05T17:30', rrule: 'FREQ=WEEKLY;BYDAY=FR', cue: '每周五下午', units: [] },
      { title: '书画作品展', kind: 'exhibition', sectionId: 's2', start: '2024-09-15', end: '2024-10-01', cue: '国庆节前夕', units: ['甲单位', '乙单位'] },
    ]);
  });
});
