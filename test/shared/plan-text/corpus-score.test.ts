/** The corpus scorer on tiny hand-made parses, so a broken scorer cannot pass silently. */
import { describe, expect, it } from 'vitest';
import type { DraftActivity, PlanParse, PlanSection } from '../../../shared/src/plan-text/types';
import { dateRight, matchActivities, normRRule, rates, scoreDoc, sectionPath, titleSimilarity, type GoldDoc } from './corpus-score';

const sec = (id: string, parentId: string, label: string, title: string): PlanSection => ({
  id,
  parentId,
  label,
  labelKey: label,
  title,
  level: id.split('.').length,
  body: '',
  order: 0,
});
const draft = (title: string, kind: DraftActivity['kind'], sectionId: string, extra: Partial<DraftActivity> = {}): DraftActivity => ({
  title,
  kind,
  sectionId,
  units: [],
  ...extra,
});
const sections = [sec('s1', '', '一、', '理论武装'), sec('s1.1', 's1', '（一）', '开展宣讲'), sec('s2', '', '二、', '文化活动')];
const gold: GoldDoc = {
  file: 'x.txt',
  style: [],
  heldOut: false,
  title: '2024年工作要点',
  year: 2024,
  sections: [{ label: '一、', title: '理论武装', children: [{ label: '(一)', title: '开展宣讲' }] }, { label: '二、', title: '文化活动' }],
  activities: [
    { title: '“春风万里”集中宣讲月活动', kind: 'lecture', section: '一、(一)', when: '2024-03-01..2024-03-31', units: ['县委党校'] },
    { title: '全县合唱比赛', kind: 'contest', section: '二、', when: '2024-06-28' },
    { title: '中心组集中学习', kind: 'study', section: '一、', when: { rrule: 'FREQ=MONTHLY;INTERVAL=3' } },
  ],
};
const perfect = (): PlanParse => ({
  title: '2024年工作要点',
  year: 2024,
  sections,
  activities: [
    draft('开展“春风万里”集中宣讲月活动', 'lecture', 's1.1', { start: '2024-03-01', end: '2024-04-01', units: ['县委党校'] }),
    draft('全县合唱比赛', 'contest', 's2', { start: '2024-06-28T19:30' }),
    draft('中心组集中学习', 'study', 's1', { start: '2024-01-05', rrule: 'INTERVAL=3;FREQ=MONTHLY' }),
  ],
});

describe('corpus scorer', () => {
  it('scores a perfect prediction 100% everywhere, with no duplicates or noise', () => {
    const s = scoreDoc(perfect(), gold);
    expect(s.notes).toEqual([]);
    const r = rates([s]);
    expect(r).toEqual({
      outlineRecall: 1,
      outlinePrecision: 1,
      found: 1,
      kind: 1,
      link: 1,
      dated: 1,
      titleGood: 1,
      dupNoise: 0,
      precision: 1,
    });
    expect(s.unitsOk).toBe(1);
  });

  it('counts a second draft of the same activity as a duplicate and an unrelated one as noise', () => {
    const p = perfect();
    p.activities.push(draft('合唱比赛', 'contest', 's2'), draft('意识形态工作', 'other', 's1'));
    const s = scoreDoc(p, gold);
    expect(s.found).toBe(3);
    expect(s.duplicates).toBe(1);
    expect(s.noise).toBe(1);
    const r = rates([s]);
    expect(r.dupNoise).toBeCloseTo(2 / 5);
    expect(r.precision).toBeCloseTo(4 / 5);
  });

  it('keeps the better-placed draft as the match and the other as the duplicate', () => {
    const p = perfect();
    p.activities.unshift(draft('全县合唱比赛', 'contest', 's1'));
    const { matches, duplicates } = matchActivities(p, gold.activities);
    expect(matches.find((m) => m.gold === 1)!.draft).toBe(2);
    expect(duplicates).toEqual([0]);
  });

  it('counts a wrong section against links, a wrong kind against kinds, a wrong date against dates', () => {
    const p = perfect();
    p.activities[0] = { ...p.activities[0], sectionId: 's2' };
    p.activities[1] = { ...p.activities[1], kind: 'other' };
    p.activities[2] = { ...p.activities[2], rrule: 'FREQ=MONTHLY' };
    const s = scoreDoc(p, gold);
    expect([s.found, s.linkOk, s.kindOk, s.dateOk]).toEqual([3, 2, 2, 2]);
  });

  it('does not match a bare noun to a named activity, and misses count against recall', () => {
    const p = perfect();
    p.activities[0] = draft('宣讲', 'lecture', 's1.1');
    const s = scoreDoc(p, gold);
    expect(s.found).toBe(2);
    expect(s.noise).toBe(1);
    expect(titleSimilarity('宣讲', '“春风万里”集中宣讲月活动')).toBeLessThan(0.5);
    expect(titleSimilarity('春风万里集中宣讲月', '开展“春风万里”集中宣讲月活动')).toBe(1);
  });

  it('scores the outline by label and title under the right parent', () => {
    const p = perfect();
    p.sections = [sec('s1', '', '一、', '理论武装'), sec('s2', '', '二、', '文化活动'), sec('s3', '', '1、', '2')];
    const s = scoreDoc(p, gold);
    expect(s.outline).toEqual({ expected: 3, found: 2, parsed: 3, correct: 2 });
  });

  it('reads dates, day lists and RRULE semantics', () => {
    expect(dateRight({ start: '2024-03-01', end: '2024-04-01' }, '2024-03-01..2024-03-31')).toBe(true);
    expect(dateRight({ start: '2024-03-01', end: '2024-03-31' }, '2024-03-01..2024-03-31')).toBe(false);
    // Sessions: one day on the first, the others as rdates (a span over them, or the first alone, is wrong).
    expect(dateRight({ start: '2024-04-29', rdates: ['2024-05-01', '2024-05-03'] }, ['2024-04-29', '2024-05-01', '2024-05-03'])).toBe(true);
    expect(dateRight({ start: '2024-04-29', end: '2024-04-30', rdates: ['2024-05-01', '2024-05-03'] }, ['2024-04-29', '2024-05-01', '2024-05-03'])).toBe(true);
    expect(dateRight({ start: '2024-04-29' }, ['2024-04-29', '2024-05-01', '2024-05-03'])).toBe(false);
    expect(dateRight({ start: '2024-04-29', end: '2024-05-04' }, ['2024-04-29', '2024-05-01', '2024-05-03'])).toBe(false);
    expect(dateRight({ start: '2024-04-29', rdates: ['2024-05-03'] }, ['2024-04-29', '2024-05-01', '2024-05-03'])).toBe(false);
    expect(dateRight({ start: '2024-04-29', rdates: ['2024-05-01'] }, '2024-04-29')).toBe(false);
    expect(dateRight({ start: '2024-05-01' }, ['2024-04-29', '2024-05-01'])).toBe(false);
    expect(dateRight({}, 'undated')).toBe(true);
    expect(dateRight({ start: '2024-01-01' }, 'undated')).toBe(false);
    expect(normRRule('FREQ=WEEKLY;BYDAY=TH,TU;INTERVAL=1')).toBe(normRRule('BYDAY=TU,TH;FREQ=WEEKLY'));
    // A rule's day or weekday taken from its start (RFC 5545) equals the same rule spelled out.
    expect(dateRight({ start: '2026-01-05', rrule: 'FREQ=MONTHLY' }, { rrule: 'FREQ=MONTHLY;BYMONTHDAY=5' })).toBe(true);
    expect(dateRight({ start: '2026-01-06', rrule: 'FREQ=MONTHLY' }, { rrule: 'FREQ=MONTHLY;BYMONTHDAY=5' })).toBe(false);
    expect(dateRight({ start: '2026-01-02', rrule: 'FREQ=WEEKLY' }, { rrule: 'FREQ=WEEKLY;BYDAY=FR' })).toBe(true);
    expect(dateRight({ start: '2024-01-01', rrule: 'FREQ=MONTHLY' }, { rrule: 'FREQ=MONTHLY;INTERVAL=3' })).toBe(false);
  });

  it('splits label paths', () => {
    expect(sectionPath('三、(二)1、')).toEqual(['三、', '(二)', '1、']);
    expect(sectionPath('一、一是')).toEqual(['一、', '一是']);
    expect(sectionPath('')).toEqual([]);
    expect(sectionPath(['关于理论武装', '一是'])).toEqual(['关于理论武装', '一是']);
  });
});

describe('labels', () => {
  it('reads a full-width figure as the same number (４． = 4.), and keeps different numbers apart', async () => {
    const { normLabel } = await import('./seed-score');
    expect(normLabel('４．')).toBe(normLabel('4.'));
    expect(normLabel('（１２）')).toBe(normLabel('(12)'));
    expect(normLabel('４．')).not.toBe(normLabel('5.'));
  });
});
