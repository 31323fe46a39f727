import { describe, expect, it } from 'vitest';
import { acceptCounts, groupBySection, highlightTitle, isConfident } from '../../../shared/src/workspace/draft-review';

describe('plan review helpers', () => {
  it('groups drafts by section in outline order, drafts outside the outline last', () => {
    const sections = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const drafts = [{ sectionId: 'c', t: 1 }, { sectionId: 'x', t: 2 }, { sectionId: 'a', t: 3 }, { sectionId: 'c', t: 4 }, { sectionId: '', t: 5 }];
    expect(groupBySection(drafts, sections).map((g) => [g.sectionId, g.drafts.map((d) => d.t)])).toEqual([
      ['a', [3]],
      ['c', [1, 4]],
      ['', [2, 5]],
    ]);
  });

  it('marks the longest stretch the source shares with the title', () => {
    const parts = highlightTitle('4月，在全县开展“春风万里”集中宣讲月活动，覆盖各乡镇。', '开展“春风万里”集中宣讲月活动');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['“春风万里”集中宣讲月活动']);
    expect(parts.map((p) => p.text).join('')).toBe('4月，在全县开展“春风万里”集中宣讲月活动，覆盖各乡镇。');
    expect(highlightTitle('没有共同的字', '宣讲')).toEqual([{ text: '没有共同的字', mark: false }]);
    expect(highlightTitle('', '宣讲')).toEqual([]);
  });

  it('trusts drafts without a score, and those scored at 0.6 or more', () => {
    const d = { title: 'x', kind: 'meeting' as const, sectionId: '', units: [] };
    expect([isConfident(d), isConfident({ ...d, confidence: 0.6 }), isConfident({ ...d, confidence: 0.59 })]).toEqual([true, true, false]);
  });

  it('counts what accepting made', () => {
    expect(acceptCounts(['event', 'tray', 'event', 'campaign'])).toEqual({ events: 2, campaigns: 1, tray: 1 });
  });
});

describe('source lines', () => {
  it('keeps the non-empty lines a draft was read from, at most three', async () => {
    const { sourceLines } = await import('../../../shared/src/workspace/draft-review');
    const d = { title: 'x', kind: 'meeting' as const, sectionId: '', units: [] };
    expect(sourceLines(d)).toEqual([]);
    expect(sourceLines({ ...d, source: ['标题', ' ', '句子', '三', '四'] })).toEqual(['标题', '句子', '三']);
  });
});

describe('highlighting the source', () => {
  it('marks the title only on the line where it matches best', async () => {
    const { highlightSource } = await import('../../../shared/src/workspace/draft-review');
    const out = highlightSource(['抓好重大主题宣传', '精心组织“奋进新征程”主题宣传'], '“奋进新征程”主题宣传');
    expect(out[0]).toEqual([{ text: '抓好重大主题宣传', mark: false }]);
    expect(out[1]!.filter((p) => p.mark).map((p) => p.text)).toEqual(['“奋进新征程”主题宣传']);
  });
});
