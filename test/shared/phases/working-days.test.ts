/**
 * Working-day lags against the real 2026 arrangements (holidays.ts / tyme4ts): 中秋 25 Sep,
 * 国庆 1–7 Oct off, Sunday 20 Sep and Saturday 10 Oct worked (调休).
 */
import { describe, expect, it } from 'vitest';
import { builtInTemplate, earliestStart, instantiateTemplate, measureLag } from '../../../shared/src/phases';
import { holidayOn } from '../../../shared/src/time/holidays';

const wd = (lagDays: number) => ({ lagDays, lagUnit: 'workday' as const });
const cd = (lagDays: number) => ({ lagDays, lagUnit: 'day' as const });

describe('working-day lags', () => {
  it('uses the real 2026 data', () => {
    expect(holidayOn('2026-10-01')?.kind).toBe('holiday');
    expect(holidayOn('2026-10-10')?.kind).toBe('workday');
    expect(holidayOn('2026-09-20')?.kind).toBe('workday');
  });

  it('skips the National Day holiday', () => {
    // Phase on Wed 30 Sep (end 1 Oct): the next working day is Thu 8 Oct.
    expect(earliestStart('2026-10-01', wd(0), null)).toBe('2026-10-08');
    expect(earliestStart('2026-10-01', wd(1), null)).toBe('2026-10-09');
    // Calendar days do not care.
    expect(earliestStart('2026-10-01', cd(1), null)).toBe('2026-10-02');
  });

  it('counts the 调休 Saturday 10 Oct as a working day', () => {
    // Ending Fri 9 Oct: Saturday 10 Oct is worked, so lag 0 starts then and lag 1 on Monday 12 Oct.
    expect(earliestStart('2026-10-10', wd(0), null)).toBe('2026-10-10');
    expect(earliestStart('2026-10-10', wd(1), null)).toBe('2026-10-12');
    // An ordinary Saturday is skipped: ending Fri 16 Oct, lag 0 → Monday 19 Oct.
    expect(earliestStart('2026-10-17', wd(0), null)).toBe('2026-10-19');
  });

  it('counts the 调休 Sunday 20 Sep and skips 中秋 25 Sep', () => {
    // Ending Thu 17 Sep (exclusive 18): 18, 20 (worked Sunday), 21, 22, 23, 24 → the sixth is 24.
    expect(earliestStart('2026-09-18', wd(5), null)).toBe('2026-09-24');
    // Ending Thu 24 Sep: 25 is 中秋, so lag 0 → Mon 28 Sep.
    expect(earliestStart('2026-09-25', wd(0), null)).toBe('2026-09-28');
  });

  it('lag 0: the next starts when the previous ends, timed phases keeping their time of day', () => {
    expect(earliestStart('2026-06-03', cd(0), null)).toBe('2026-06-03');
    expect(earliestStart('2026-06-03T11:00', cd(0), '14:00')).toBe('2026-06-03T14:00');
    expect(earliestStart('2026-06-03T11:00', cd(0), '09:00')).toBe('2026-06-04T09:00');
    expect(earliestStart('2026-06-03T11:00', cd(0), '2026-01-01T11:00')).toBe('2026-06-03T11:00');
    // A timed predecessor ending mid-day: an all-day successor starts the next day.
    expect(earliestStart('2026-06-03T11:00', cd(0), null)).toBe('2026-06-04');
    expect(earliestStart('2026-06-03T00:00', cd(0), null)).toBe('2026-06-03');
    // Working days: the rest of Friday counts for a timed successor, then the weekend is skipped.
    expect(earliestStart('2026-06-05T11:00', wd(0), '14:00')).toBe('2026-06-05T14:00');
    expect(earliestStart('2026-06-05T15:00', wd(0), '14:00')).toBe('2026-06-08T14:00');
  });

  it('measures a gap as the lag it satisfies exactly', () => {
    expect(measureLag('2026-10-01', '2026-10-09', 'workday')).toBe(1);
    expect(measureLag('2026-10-01', '2026-10-09', 'day')).toBe(8);
    expect(measureLag('2026-10-01', '2026-09-30', 'day')).toBe(0);
  });

  it('places a template across 国庆 with working-day lags', () => {
    const inst = instantiateTemplate(builtInTemplate('knowledge-contest')!, { title: '国庆知识竞赛', anchor: { mainStart: '2026-09-01' } });
    const at = Object.fromEntries(inst.phases.map((p) => [p.phase, p.start]));
    // Deadline Wed 16 Sep; five working days incl. Sunday 20 Sep → Wed 23 Sep.
    expect(at['registration-deadline']).toBe('2026-09-16');
    expect(at['preliminary']).toBe('2026-09-23T09:00');
    // 24, 28, 29, 30 Sep and 8 Oct are the five working days between (25 中秋, 1–7 国庆).
    expect(at['semifinal']).toBe('2026-10-09T14:00');
    // 10 Oct (调休), 12, 13, 14, 15 → Fri 16 Oct.
    expect(at['final']).toBe('2026-10-16T14:30');
  });
});

describe('anchoring', () => {
  const t = builtInTemplate('knowledge-contest')!;

  it('backwards from a later phase: earlier phases at the latest start that keeps the links tight', () => {
    const inst = instantiateTemplate(t, { title: 'x', anchor: { phaseKey: 'final', start: '2026-10-09' } });
    const at = Object.fromEntries(inst.phases.map((p) => [p.phase, p.start]));
    expect(at['final']).toBe('2026-10-09T14:30');
    // Five working days before Fri 9 Oct: 8 Oct, 30, 29, 28, 24 Sep → semifinal on Wed 23 Sep.
    expect(at['semifinal']).toBe('2026-09-23T14:00');
    expect(at['award']).toBe('2026-10-14T10:00');
    expect(inst.main.start).toBe(at['notice']);
    // Forwards from the first phase lands on the same plan.
    const fwd = instantiateTemplate(t, { title: 'x', anchor: { mainStart: at['notice']! } });
    expect(fwd.phases.map((p) => p.start)).toEqual(inst.phases.map((p) => p.start));
  });

  it('an anchor in the middle places both sides; a timed anchor keeps its own time', () => {
    const inst = instantiateTemplate(t, { title: 'x', anchor: { phaseKey: 'preliminary', start: '2026-11-04T08:30' } });
    const at = Object.fromEntries(inst.phases.map((p) => [p.phase, p.start]));
    expect(at['preliminary']).toBe('2026-11-04T08:30');
    expect(inst.phases.find((p) => p.phase === 'preliminary')!.end).toBe('2026-11-04T10:30');
    // Tue 27 Oct (end 28): 28, 29, 30 Oct, 2, 3 Nov are the five working days between.
    expect(at['registration-deadline']).toBe('2026-10-27');
    expect(at['semifinal']).toBe('2026-11-12T14:00');
  });
});
