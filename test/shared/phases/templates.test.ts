import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TEMPLATES,
  brokenLinks,
  builtInTemplate,
  checkTemplate,
  earliestStart,
  instantiateTemplate,
  templateFromEvents,
  TemplateError,
} from '../../../shared/src/phases';
import { compareDateValues, effectiveEnd, isAllDay } from '../../../shared/src/time/dates';
import { EVENT_KINDS } from '../../../shared/src/schema/types';
import { toRecords } from './fixtures';

describe('built-in templates', () => {
  it('has the six kinds of event, each a valid template', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.name)).toEqual(['知识竞赛', '演讲比赛', '合唱比赛', '征文比赛', '书画/摄影作品展', '主题展览', '纪念活动（纪念大会＋主题展览＋知识竞赛）']);
    for (const t of BUILT_IN_TEMPLATES) {
      expect(checkTemplate(t), t.key).toEqual([]);
      for (const p of t.phases) expect(EVENT_KINDS).toContain(p.kind);
    }
  });

  it('知识竞赛 runs 发布通知 → 报名截止 → 初赛 → 复赛 → 决赛 → 颁奖', () => {
    expect(builtInTemplate('knowledge-contest')!.phases.map((p) => p.name)).toEqual(['发布通知', '报名截止', '初赛', '复赛', '决赛', '颁奖']);
    expect(builtInTemplate('art-photo-exhibition')!.phases.map((p) => p.name)).toEqual([
      '征稿启动',
      '征稿截止',
      '评审',
      '布展',
      '开幕式',
      '展期',
      '撤展',
    ]);
  });

  for (const t of BUILT_IN_TEMPLATES) {
    it(`instantiates ${t.name}: in order, no overlaps, tight links, all-day deadlines, main spanning all`, () => {
      const inst = instantiateTemplate(t, { title: '2026年测试', anchor: { mainStart: '2026-09-01' } });
      expect(inst.phases.map((p) => p.phase)).toEqual(t.phases.map((p) => p.key));
      // The first phase starts that day (at its time, if it is timed).
      expect(inst.phases[0]!.start.slice(0, 10)).toBe('2026-09-01');
      expect(inst.phases.every((p) => p.title.startsWith('2026年测试·'))).toBe(true);
      const byTemp = new Map(inst.phases.map((p) => [p.tempId, p]));
      inst.phases.forEach((p, i) => {
        const tp = t.phases[i]!;
        if (i > 0) {
          const prev = inst.phases[i - 1]!;
          expect(compareDateValues(p.start, effectiveEnd(prev.start, prev.end)), `${p.phase} overlaps ${prev.phase}`).toBeGreaterThanOrEqual(0);
          const pred = byTemp.get(p.afterTempId!)!;
          expect(p.start).toBe(earliestStart(pred.end!, { lagDays: p.lagDays!, lagUnit: p.lagUnit! }, p.start));
        }
        expect(isAllDay(p.start)).toBe(tp.durationDays !== undefined);
        if (tp.deadline) {
          expect(isAllDay(p.start)).toBe(true);
          expect(effectiveEnd(p.start, p.end)).toBe(effectiveEnd(p.start));
        }
      });
      expect(inst.main.start).toBe('2026-09-01');
      const last = inst.phases[inst.phases.length - 1]!;
      expect(compareDateValues(inst.main.end!, last.end!)).toBeGreaterThanOrEqual(0);
      expect(inst.main.kind).toBe(t.kind);
      expect(brokenLinks(toRecords(inst))).toEqual([]);
    });
  }

  it('refuses a template that is not a chain from its first phase', () => {
    const t = builtInTemplate('essay-contest')!;
    const bad = { ...t, phases: [t.phases[0]!, { ...t.phases[2]!, after: 'nowhere' }] };
    expect(checkTemplate(bad)).toEqual(['first-review: must follow an earlier phase']);
    expect(() => instantiateTemplate(bad, { title: 'x', anchor: { mainStart: '2026-09-01' } })).toThrow(TemplateError);
    expect(() => instantiateTemplate(t, { title: 'x', anchor: { phaseKey: 'nope', start: '2026-09-01' } })).toThrow(TemplateError);
  });

  it('copies extra fields and can title phases in English', () => {
    const inst = instantiateTemplate(builtInTemplate('choir-contest')!, {
      title: 'Choir 2026',
      lang: 'en',
      anchor: { mainStart: '2026-05-06' },
      fields: { leadUnit: '宣传部', status: 'confirmed' },
    });
    expect(inst.phases[0]!.title).toBe('Choir 2026 – Notice');
    expect(inst.main.leadUnit).toBe('宣传部');
    expect(inst.phases.every((p) => p.status === 'confirmed' && p.leadUnit === '宣传部')).toBe(true);
  });
});

describe('templateFromEvents', () => {
  it('keeps durations and the lags between phases: re-instantiating reproduces the plan', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const inst = instantiateTemplate(t, { title: '2026年活动', anchor: { mainStart: '2026-09-07' } });
      const [main, ...phases] = toRecords(inst);
      const custom = templateFromEvents(main!, phases);
      expect(checkTemplate(custom)).toEqual([]);
      expect(custom.phases.map((p) => p.name)).toEqual(t.phases.map((p) => p.name));
      expect(custom.phases.map((p) => p.lagDays)).toEqual(t.phases.map((p) => p.lagDays));
      const again = instantiateTemplate(custom, { title: '2026年活动', anchor: { mainStart: '2026-09-07' } });
      expect(again.phases.map((p) => [p.start, p.end])).toEqual(inst.phases.map((p) => [p.start, p.end]));
    }
  });

  it('measures the gap actually left, and links an unlinked phase to the one before it', () => {
    const main = { id: 'm', title: '读书征文', kind: 'contest' as const, status: 'planned' as const, start: '2026-03-02', end: '2026-04-01' };
    const a = { id: 'a', title: '读书征文·启事', kind: 'publicity' as const, status: 'planned' as const, start: '2026-03-02', parentId: 'm' };
    // a ends (exclusive) Tue 3 Mar; 3–13 Mar holds nine working days before Mon 16 Mar.
    const b = { ...a, id: 'b', title: '读书征文·截止', start: '2026-03-16', after: 'a', lagUnit: 'workday' as const, lagDays: 1 };
    const c = { ...a, id: 'c', title: '读书征文·评审', start: '2026-03-20T09:00', end: '2026-03-20T11:00' };
    const t = templateFromEvents(main, [c, b, a]);
    expect(t.phases.map((p) => [p.name, p.after, p.lagDays, p.lagUnit])).toEqual([
      ['启事', undefined, 0, 'day'],
      ['截止', 'phase-1', 9, 'workday'],
      ['评审', 'phase-2', 3, 'day'],
    ]);
    expect(t.phases[1]!.deadline).toBe(true);
    expect(t.phases[2]).toMatchObject({ durationMinutes: 120, startTime: '09:00' });
  });
});
