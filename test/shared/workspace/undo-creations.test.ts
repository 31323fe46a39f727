import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readPlan, readSections } from '../../../shared/src/schema';
import { createWorkspaceApi } from '../../../shared/src/workspace';

const outline = {
  title: '2026年工作要点',
  year: 2026,
  sections: [
    { id: 's1', parentId: '', label: '一、', title: '理论武装', body: '', level: 1, order: 0 },
    { id: 's1.1', parentId: 's1', label: '（一）', title: '学习', body: '', level: 2, order: 0 },
  ],
};

describe('undoing a creation', () => {
  it('puts a new plan in the trash with its whole outline, and restoring it brings the outline back', () => {
    const doc = new Y.Doc();
    const api = createWorkspaceApi(doc);
    const r = api.run('plan.import', { ...outline, planId: 'plan-undo' });
    expect(r.ok).toBe(true);
    expect(api.undo()).toEqual({ ok: true, value: true });
    const plan = readPlan(doc, 'plan-undo');
    expect(plan?.ok && typeof plan.record.deletedAt).toBe('number');
    expect(readSections(doc, 'plan-undo').sections.map((s) => s.title)).toEqual(['理论武装', '学习']);
    expect(api.run('plan.restore', { id: 'plan-undo' }).ok).toBe(true);
    expect(readSections(doc, 'plan-undo').sections).toHaveLength(2);
    // Redo after undo takes the plan out of the trash again.
    api.undo();
    api.undo();
    expect(api.redo()).toEqual({ ok: true, value: true });
    const back = readPlan(doc, 'plan-undo');
    expect(back?.ok && back.record.deletedAt).toBeUndefined();
  });

  it('keeps a colleague’s concurrent edit of an event whose creation is undone and redone', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const sync = () => {
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    };
    const apiA = createWorkspaceApi(a);
    const apiB = createWorkspaceApi(b);
    const created = apiA.run('event.create', { fields: { title: '座谈会', kind: 'meeting', status: 'planned', start: '2026-05-04' } });
    if (!created.ok) throw new Error(created.error.message);
    sync();
    expect(apiB.run('event.update', { id: created.value, patch: { location: '三楼会议室' } }).ok).toBe(true);
    apiA.undo();
    sync();
    apiA.redo();
    sync();
    for (const doc of [a, b]) {
      const ev = doc.getMap('events').get(created.value) as Y.Map<unknown>;
      expect(ev.get('location')).toBe('三楼会议室');
      expect(ev.has('deletedAt')).toBe(false);
    }
  });
});

describe('refusals the tests of the commands found', () => {
  it('accepts an edited draft once: a second time is a conflict', () => {
    const doc = new Y.Doc();
    const api = createWorkspaceApi(doc);
    api.run('plan.import', { ...outline, planId: 'plan-x' });
    const fields = { title: '读书分享会', kind: 'study' as const, status: 'planned' as const, start: '2026-04-23' };
    expect(api.run('draft.acceptEdited', { planId: 'plan-x', draftKey: 'k', fields }).ok).toBe(true);
    const again = api.run('draft.acceptEdited', { planId: 'plan-x', draftKey: 'k', fields });
    expect(again.ok || again.error.code).toBe('conflict');
  });

  it('calls a draft with a date that does not exist invalid, not a failure', () => {
    const doc = new Y.Doc();
    const api = createWorkspaceApi(doc);
    api.run('plan.import', { ...outline, planId: 'plan-y' });
    const before = Y.encodeStateAsUpdate(doc);
    const r = api.run('draft.accept', { planId: 'plan-y', drafts: [{ title: '知识竞赛', kind: 'contest', sectionId: '', start: '2026-02-30', end: '2026-03-10', units: [] }] });
    expect(r.ok || r.error.code).toBe('invalid');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('ics.import', () => {
  it('takes the last copy of an id the file lists twice, instead of failing the second', () => {
    const doc = new Y.Doc();
    const api = createWorkspaceApi(doc);
    const event = (title: string) => ({ id: 'dup-uid-0001', title, kind: 'meeting' as const, status: 'planned' as const, start: '2026-05-04' });
    const r = api.run('ics.import', { parsed: { events: [event('第一份'), event('第二份')], warnings: [], defaulted: {} } as never });
    expect(r.ok && { created: r.value.created, failed: r.value.failed }).toEqual({ created: ['dup-uid-0001'], failed: [] });
    expect((doc.getMap('events').get('dup-uid-0001') as Y.Map<unknown>).get('title')).toBe('第二份');
  });
});
