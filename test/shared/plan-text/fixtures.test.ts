/**
 * The project's own fixture plans (test/fixtures/plans), written in the style
 * of real scraped plans, one per kind of noise: download-site boilerplate and
 * hidden-text markers, a one-line document with a page footer mid-sentence and
 * false friends, Traditional text with pinyin annotations and 「」 quotes, an
 * unnumbered speech, and a GB18030-encoded file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePlanBytes } from '../../../shared/src/plan-text/decode';
import { parsePlanAsync, type DraftActivity, type PlanParse } from '../../../shared/src/plan-text/index';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/plans');
const load = (name: string) => parsePlanAsync(readFileSync(path.join(dir, name), 'utf8'));

const outline = (p: PlanParse) => p.sections.map((s) => `${s.id} ${s.label}${s.title}`);
const find = (p: PlanParse, has: string) => {
  const a = p.activities.find((x) => x.title.includes(has));
  expect(a, `activity with "${has}" in ${p.activities.map((x) => x.title).join(' | ')}`).toBeDefined();
  return a as DraftActivity;
};

describe('fixture: download-site page (noisy-download.txt)', async () => {
  const p = await load('noisy-download.txt');

  it('strips boilerplate, tag lines and the "范文" suffix; finds the year', () => {
    expect(p.title).toBe('2024年县文明办精神文明建设工作要点');
    expect(p.year).toBe(2024);
    const all = JSON.stringify(p);
    for (const junk of ['温馨提示', '网站客服', '下载文档', '此处隐藏', '收益归作者', '你可能关注', '社区精神文明建设工作计划', 'ID:']) {
      expect(all).not.toContain(junk);
    }
  });

  it('builds the three-level tree 一、 / （一） / 1、', () => {
    expect(outline(p)).toEqual([
      's1 一、深化理论武装，筑牢思想根基',
      's1.1 （一）抓好理论学习',
      's1.2 （二）推进理论宣讲',
      's2 二、弘扬时代新风，培育文明风尚',
      's2.1 （一）开展节日文化活动',
      's2.1.1 1、春节期间，组织开展“我们的节日·春节”系列活动',
      's2.1.2 2、清明节前后，开展“文明祭扫 绿色清明〞志愿服务活动',
      's2.1.3 3、国庆节来临前夕',
      's2.2 （二）加强典型选树',
      's3 三、加强自身建设，提升工作水平',
      's3.1 1、每季度召开1次文明创建工作推进会，及时研究解决突出问题',
      's3.2 2、纪念中国共产党成立103周年',
      's3.3 3、下半年开展文明单位年度考核，每周五下午组织机关干部集中学习',
    ]);
    expect(p.sections.find((s) => s.id === 's2.1.3')).toMatchObject({ level: 3, parentId: 's2.1', body: '联合县美协、县书协举办“礼赞新中国”书画作品展。' });
  });

  it('drafts activities with kinds, sections, units and resolved times', () => {
    expect(find(p, '负责人培训班')).toMatchObject({ kind: 'training', sectionId: 's1.1', start: '2024-03-01', end: '2024-03-11', cue: '3月上旬' });
    expect(find(p, '“学思践悟”理论知识竞赛')).toMatchObject({ kind: 'contest', units: ['县委党校', '县文旅局'] });
    expect(find(p, '宣讲团')).toMatchObject({ kind: 'lecture', sectionId: 's1.2' });
    expect(find(p, '系列活动')).toMatchObject({ kind: 'campaign', sectionId: 's2.1.1', start: '2024-02-10' });
    expect(find(p, '志愿服务活动')).toMatchObject({ kind: 'volunteer', start: '2024-03-28', end: '2024-04-12', cue: '清明节前后' });
    expect(find(p, '书画作品展')).toMatchObject({
      title: '“礼赞新中国”书画作品展',
      kind: 'exhibition',
      start: '2024-09-15',
      end: '2024-10-01',
      cue: '国庆节来临前夕',
      units: ['县美协', '县书协'],
    });
    expect(find(p, '评选表彰')).toMatchObject({ kind: 'assessment', start: '2024-04-01', end: '2024-07-01', cue: '第二季度' });
    expect(find(p, '座谈会')).toMatchObject({ kind: 'meeting', start: '2024-12-01', end: '2025-01-01', cue: '年底' });
    expect(find(p, '推进会')).toMatchObject({ kind: 'meeting', rrule: 'FREQ=MONTHLY;INTERVAL=3', cue: '每季度召开1次' });
    expect(find(p, '纪念中国共产党成立103周年')).toMatchObject({ kind: 'anniversary', start: '2024-07-01', end: '2024-07-02' });
    expect(find(p, '主题党课')).toMatchObject({ kind: 'lecture', start: '2024-06-15', end: '2024-07-01', cue: '七一前夕' });
    expect(find(p, '年度考核')).toMatchObject({ kind: 'assessment', start: '2024-07-01', end: '2025-01-01', cue: '下半年' });
    expect(find(p, '机关干部集中学习')).toMatchObject({ kind: 'study', rrule: 'FREQ=WEEKLY;BYDAY=FR', cue: '每周五下午' });
    expect(find(p, '中心组集中学习')).toMatchObject({ kind: 'study', rrule: 'FREQ=MONTHLY' });
    // Headings with sub-sections are goals, not activities ("开展节日文化活动").
    expect(p.activities.filter((a) => a.sectionId === 's2.1')).toEqual([]);
  });
});

describe('fixture: one-line document with a page footer (one-line.txt)', async () => {
  const p = await load('one-line.txt');

  it('takes the last title-like run before the body as the title', () => {
    expect(p.title).toBe('2024年市委宣传部理论武装工作方案');
    expect(p.year).toBe(2024);
  });

  it('finds inline headings, with full-width ． labels, and no false friends', () => {
    expect(outline(p)).toEqual([
      's1 一、总体要求',
      's2 二、主要任务',
      's2.1 (一)抓好集中学习',
      's2.1.1 1．每月组织1次理论学习中心组集中学习，每次不少于半天',
      's2.1.2 2．4月中旬举办全市宣传干部读书班，邀请专家作专题辅导',
      's2.2 (二)开展理论宣讲',
      's2.2.1 1．组建“理论轻骑兵”宣讲分队，5—6月深入基层开展宣讲',
      's2.2.2 2．纪念中国人民解放军建军97周年',
      's2.3 (三)加强研究阐释',
      's3 三、保障措施',
      's3.1 (一)加强组织领导',
      's3.2 (二)强化督促检查',
    ]);
  });

  it('removes the footer pasted mid-word and joins the halves', () => {
    expect(p.sections[0].body).toBe('坚持以“三个代表”重要思想为指导，推动理论武装走深走实。');
  });

  it('drafts activities', () => {
    expect(find(p, '读书班')).toMatchObject({ kind: 'study', sectionId: 's2.1.2', start: '2024-04-11', end: '2024-04-21' });
    expect(find(p, '“理论轻骑兵”宣讲分队')).toMatchObject({ kind: 'lecture', sectionId: 's2.2.1' });
    expect(find(p, '“强军梦”专题报告会')).toMatchObject({
      kind: 'lecture',
      start: '2024-07-25',
      end: '2024-08-09',
      cue: '八一前后',
      units: ['市退役军人事务局'],
    });
    expect(find(p, '建军97周年')).toMatchObject({ kind: 'anniversary', start: '2024-08-01' });
    expect(find(p, '考核')).toMatchObject({ kind: 'assessment', cue: '年底' });
  });
});

describe('fixture: Traditional text with pinyin (traditional-pinyin.txt)', async () => {
  const p = await load('traditional-pinyin.txt');

  it('shows titles in Traditional, without pinyin or site notes', () => {
    expect(p.title).toBe('鎮文化站2022年宣傳文化工作計劃');
    expect(p.year).toBe(2022);
    expect(p.sections[0].title).toBe('加強領導，壓實責任');
    expect(JSON.stringify(p)).not.toMatch(/lǐng|dǎo|來源于網友上傳/);
  });

  it('handles （一） 一要/二要 ① and (1) levels', () => {
    expect(outline(p)).toEqual([
      's1 一、加強領導，壓實責任',
      's1.1 （一）健全工作機制',
      's1.1.1 一要建立例會制度，每月召開一次宣傳文化工作例會',
      's1.1.2 二要落實「一崗雙責」，年底開展考評',
      's1.2 （二）加強隊伍建設',
      's2 二、豐富活動，服務群眾',
      's2.1 （一）辦好節日活動',
      's2.1.1 ①春節期間舉辦「迎新春」書法作品展',
      's2.1.2 ②端午節前後聯合鎮中心小學、鎮婦聯舉辦「粽香端午」包粽子比賽',
      's2.1.3 ③中秋節當天舉辦「月圓鄉村」文藝晚會',
      's2.2 （二）深化志願服務',
      's2.2.1 (1)每月開展一次「文明實踐」志願服務活動',
      's2.2.2 (2)重陽節期間組織志願者走訪慰問老人',
      's3 三、總結提高',
    ]);
  });

  it('drafts activities matched through Simplified rules, titled as written', () => {
    expect(find(p, '例會')).toMatchObject({ kind: 'meeting', rrule: 'FREQ=MONTHLY', cue: '每月召開一次' });
    expect(find(p, '培訓班')).toMatchObject({ kind: 'training', start: '2022-03-21', end: '2022-04-01' });
    expect(find(p, '書法作品展')).toMatchObject({ title: '「迎新春」書法作品展', kind: 'exhibition', start: '2022-02-01', end: '2022-02-08' });
    expect(find(p, '比賽')).toMatchObject({ kind: 'contest', start: '2022-05-27', end: '2022-06-11', units: ['鎮中心小學', '鎮婦聯'] });
    expect(find(p, '志願服務活動')).toMatchObject({ kind: 'volunteer', rrule: 'FREQ=MONTHLY' });
    expect(find(p, '總結會議')).toMatchObject({ kind: 'meeting', start: '2022-12-21' });
    expect(find(p, '評選表彰')).toMatchObject({ kind: 'assessment' });
  });
});

describe('fixture: speech without numbering (speech.txt)', async () => {
  const p = await load('speech.txt');

  it('takes the year from the date under the title', () => {
    expect(p.title).toBe('在全县宣传思想文化工作会议上的讲话');
    expect(p.year).toBe(2024);
  });

  it('makes each point paragraph a section titled by its lead clause; skips greeting, intro and closing', () => {
    expect(outline(p)).toEqual([
      's1 坚持用党的创新理论武装头脑',
      's2 坚持守正创新做好新闻宣传',
      's3 坚持以文化人以文育人',
      's3.1 一是深化文明实践，每月组织一次“文明实践日”志愿服务活动',
      's3.2 二是加强道德建设，年底前评选表彰一批道德模范',
    ]);
    expect(p.sections.every((s) => !s.body.includes('新篇章'))).toBe(true);
  });

  it('drafts activities', () => {
    expect(find(p, '专题研讨')).toMatchObject({ kind: 'meeting', sectionId: 's1', rrule: 'FREQ=MONTHLY;INTERVAL=3' });
    expect(find(p, '图片展')).toMatchObject({ kind: 'exhibition', start: '2024-09-15', units: ['县融媒体中心', '县档案馆'] });
    expect(find(p, '宣讲比赛')).toMatchObject({ kind: 'contest', cue: '下半年' });
    expect(find(p, '志愿服务活动')).toMatchObject({ kind: 'volunteer', sectionId: 's3.1', rrule: 'FREQ=MONTHLY' });
    expect(find(p, '评选表彰')).toMatchObject({ kind: 'assessment', sectionId: 's3.2', cue: '年底' });
  });
});

describe('fixture: a clean, typical plan (typical-points.txt)', async () => {
  const p = await load('typical-points.txt');

  it('reads a year written in Chinese numerals and stops before the attachments', () => {
    expect(p.title).toBe('二〇二四年全市宣传思想文化工作要点');
    expect(p.year).toBe(2024);
    expect(p.sections.map((s) => s.labelKey)).toEqual(['一、', '1.', '2.', '二、', '(一)', '(二)', '三、', '(一)', '(二)']);
    expect(JSON.stringify(p.sections)).not.toContain('分工表');
  });

  it('drafts activities', () => {
    expect(find(p, '“百姓宣讲”活动')).toMatchObject({ kind: 'lecture', sectionId: 's1.2' });
    expect(find(p, '培训班')).toMatchObject({ kind: 'training', start: '2024-07-01', end: '2024-08-01', cue: '7月' });
    expect(find(p, '分析研判会')).toMatchObject({ kind: 'meeting', rrule: 'FREQ=MONTHLY;INTERVAL=3' });
    expect(find(p, '文化节')).toMatchObject({ kind: 'campaign' });
    expect(find(p, '学雷锋志愿服务活动')).toMatchObject({ kind: 'volunteer', start: '2024-03-02', end: '2024-03-09', cue: '3月5日前后' });
    expect(find(p, '测评')).toMatchObject({ kind: 'assessment', cue: '年底' });
  });
});

describe('fixture: GB18030 file (gb18030-plan.txt)', () => {
  it('decodes and parses', async () => {
    const p = await parsePlanAsync(decodePlanBytes(new Uint8Array(readFileSync(path.join(dir, 'gb18030-plan.txt')))));
    expect(p.title).toBe('2024年街道宣传工作计划');
    expect(outline(p)).toEqual(['s1 一、加强理论学习', 's1.1 1.每月开展一次党员集中学习', 's1.2 2.6月中旬举办社区宣传骨干培训班', 's2 二、丰富文化生活', 's2.1 1.中秋节前后举办“邻里一家亲”书画作品展', 's2.2 2.第四季度开展文明家庭评选表彰']);
    expect(find(p, '书画作品展')).toMatchObject({ start: '2024-09-10', end: '2024-09-25' });
    expect(find(p, '培训班')).toMatchObject({ start: '2024-06-11', end: '2024-06-21' });
  });
});
