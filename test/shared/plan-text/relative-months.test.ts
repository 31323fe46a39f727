import { describe, expect, it } from 'vitest';
import { documentMonth, resolveRelativeMonths } from '../../../shared/src/plan-text/relative-months';

describe('relative months in the matching copy', () => {
  it('keeps the length of the text, whatever the month', () => {
    for (let month = 1; month <= 12; month++) {
      const text = '下个月举办，下月开展，本月完成，当月上报，这个月总结，下一个月再说';
      expect(resolveRelativeMonths(text, { month })).toHaveLength(text.length);
    }
  });

  it('writes each word as a month the time rules read', () => {
    expect(resolveRelativeMonths('下个月举办，本月完成', { month: 6 })).toBe('07月举办，6月完成');
    expect(resolveRelativeMonths('下个月举办，下月开展', { month: 9 })).toBe('10月举办，十月开展');
    // (11 and 12 do not fit in 下月's two characters, and December's next month is next year's)
    expect(resolveRelativeMonths('下月开展，下个月举办', { month: 11 })).toBe('下月开展，12月举办');
    expect(resolveRelativeMonths('下个月举办', { month: 12 })).toBe('下个月举办');
  });

  it('finds the date on a line of its own, in brackets or not, and nothing in a sentence', () => {
    expect(documentMonth('县委宣传部副部长 周某\n（2026年6月12日）\n', 0, 40)).toEqual({ year: 2026, month: 6 });
    expect(documentMonth('2026年1月29日\n', 0, 20)).toEqual({ year: 2026, month: 1 });
    expect(documentMonth('（2026年2月26日，根据录音整理）', 0, 30)).toEqual({ year: 2026, month: 2 });
    expect(documentMonth('2026年6月12日召开会议。\n', 0, 20)).toBeNull();
  });
});
