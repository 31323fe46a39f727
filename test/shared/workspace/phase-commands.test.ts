/**
 * Phases through the write API: a contest from its template, moves that carry later phases in
 * one undo step in both modes, loops refused, and what two replicas moving phases offline
 * leave after the merge (a broken link, reported and repaired, never moved by itself).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initWorkspaceDoc, readEvents, type EventRecord } from '../../../shared/src/schema';
import { brokenLinks } from '../../../shared/src/phases';
import { apiFor, sync } from './fixtures';

function contest(locale: 'zh' | 'en' = 'zh') {
  const doc = new Y.Doc();
  initWorkspaceDoc(doc, { name: '竞赛' });
  const api = apiFor(doc, { locale: () => locale });
  const r = api.run('contest.createFromTemplate', { template: 'knowledge-contest', title: '读书知识竞赛', anchor: { phaseKey: 'final', start: '2026-10-16' } });
  if (!r.ok) throw new Error(r.error.message);
  return { doc, api, ...r.value };
}

const byId = (doc: Y.Doc) => new Map(readEvents(doc).events.map((e) => [e.id, e] as const));
const ev = (doc: Y.Doc, id: string): EventRecord => byId(doc).get(id)!;

describe('contest.createFromTemplate', () => {
  it('creates the main event and six linked phases, the final on the anchor day, in one undo step', () => {
    const { doc, api, mainId, phaseIds } = contest();
    const phases = phaseIds.map((id) => ev(doc, id));
    expect(phases.map((p) => p.title)).toEqual(['发布通知', '报名截止', '初赛', '复赛', '决赛', '颁奖'].map((n) => `读书知识竞赛·${n}`));
    expect(phases[4]).toMatchObject({ start: '2026-10-16T14:30', phase: 'final', lagUnit: 'workday', lagDays: 5 });
    // 颁奖 three working days (Mon–Wed) after the final on Fri 16 Oct: Thursday the 22nd.
    expect(phases[5]!.start).toBe('2026-10-22T10:00');
    expect(brokenLinks([...byId(doc).values()])).toEqual([]);
    expect(ev(doc, mainId)).toMatchObject({ start: phases[0]!.start, end: '2026-10-23' });
    expect(api.stackSizes().undo).toBe(1);
    api.undo();
    expect(readEvents(doc).events.filter((e) => e.deletedAt === undefined)).toEqual([]);
  });

  it('titles phases in English in an English workspace', () => {
    const { doc, phaseIds } = contest('en');
    expect(ev(doc, phaseIds[5]!).title).toBe('读书知识竞赛 – Award ceremony');
  });

  it('instantiates a template saved from another contest, with the same gaps', () => {
    const { doc, api, mainId, phaseIds } = contest();
    const saved = api.run('template.saveFromEvent', { mainId, name: '我们的竞赛' });
    if (!saved.ok) throw new Error(saved.error.message);
    const again = api.run('contest.createFromTemplate', { template: saved.value, title: '第二届', anchor: { phaseKey: 'final', start: '2026-10-16' } });
    if (!again.ok) throw new Error(again.error.message);
    const a = phaseIds.map((id) => ev(doc, id));
    const b = again.value.phaseIds.map((id) => ev(doc, id));
    expect(b.map((p) => [p.start, p.end])).toEqual(a.map((p) => [p.start, p.end]));
  });
});

describe('moving phases', () => {
  it('moving the final a week later carries 颁奖 and the main event, one undo step', () => {
    const { doc, api, mainId, phaseIds } = contest();
    const award = phaseIds[5]!;
    const r = api.run('event.move', { id: phaseIds[4]!, start: '2026-10-23T14:30', end: '2026-10-23T17:30' });
    expect(r).toEqual({ ok: true, value: true });
    expect(ev(doc, award).start).toBe('2026-10-29T10:00');
    expect(ev(doc, mainId).end).toBe('2026-10-30');
    // Earlier phases stay where they were.
    expect(ev(doc, phaseIds[3]!).start).toBe('2026-10-09T14:00');
    expect(api.stackSizes().undo).toBe(2);
    api.undo();
    expect(ev(doc, award).start).toBe('2026-10-22T10:00');
    expect(ev(doc, phaseIds[4]!).start).toBe('2026-10-16T14:30');
    expect(ev(doc, mainId).end).toBe('2026-10-23');
  });

  it("keeps gaps by default and shifts only on overlap when the workspace says so", () => {
    const a = contest();
    // Moving the preliminary one week earlier: keep-gaps pulls everything after it along.
    const prelim = a.phaseIds[2]!;
    const was = ev(a.doc, a.phaseIds[5]!).start;
    a.api.run('event.move', { id: prelim, start: '2026-09-18T09:00', end: '2026-09-18T11:00' });
    expect(ev(a.doc, a.phaseIds[5]!).start < was).toBe(true);

    const b = contest();
    b.api.run('workspace.setPhaseCascade', { mode: 'on-overlap' });
    b.api.run('event.move', { id: b.phaseIds[2]!, start: '2026-09-18T09:00', end: '2026-09-18T11:00' });
    expect(ev(b.doc, b.phaseIds[5]!).start).toBe(was);
    // Later than its successor allows: on-overlap pushes the semifinal just enough.
    b.api.run('event.move', { id: b.phaseIds[2]!, start: '2026-10-09T09:00', end: '2026-10-09T11:00' });
    expect(ev(b.doc, b.phaseIds[3]!).start).toBe('2026-10-16T14:00');
  });

  it("'none' moves only the event, leaving the link broken for a person to see", () => {
    const { doc, api, phaseIds } = contest();
    api.run('event.move', { id: phaseIds[4]!, start: '2026-10-23T14:30', end: '2026-10-23T17:30', cascade: 'none' });
    expect(ev(doc, phaseIds[5]!).start).toBe('2026-10-22T10:00');
    expect(brokenLinks([...byId(doc).values()]).map((b) => b.id)).toEqual([phaseIds[5]]);
  });

  it('an edit of the start in the editor (event.update) cascades too', () => {
    const { doc, api, phaseIds } = contest();
    api.run('event.update', { id: phaseIds[4]!, patch: { start: '2026-10-23T14:30', end: '2026-10-23T17:30', location: '报告厅' } });
    expect(ev(doc, phaseIds[4]!)).toMatchObject({ start: '2026-10-23T14:30', location: '报告厅' });
    expect(ev(doc, phaseIds[5]!).start).toBe('2026-10-29T10:00');
    expect(api.stackSizes().undo).toBe(2);
  });

  it('moving the main event moves every phase by as much', () => {
    const { doc, api, mainId, phaseIds } = contest();
    const before = phaseIds.map((id) => ev(doc, id).start);
    const main = ev(doc, mainId);
    api.run('event.move', { id: mainId, start: '2026-09-21', end: main.end });
    const after = phaseIds.map((id) => ev(doc, id).start);
    expect(after[0]).toBe('2026-09-21');
    expect(after).not.toEqual(before);
    expect(brokenLinks([...byId(doc).values()])).toEqual([]);
    expect(ev(doc, mainId).start).toBe('2026-09-21');
  });

  it('refuses a link that closes a loop, naming the phases, and changes nothing', () => {
    const { doc, api, phaseIds } = contest();
    const before = Y.encodeStateAsUpdate(doc);
    const r = api.run('phase.link', { id: phaseIds[0]!, after: phaseIds[5]! });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('conflict');
    expect(r.error.message).toContain('成了环');
    expect(r.error.message).toContain('读书知识竞赛·颁奖');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('two replicas moving linked phases offline', () => {
  it('merge into a broken link that is reported, not moved, until fixLinks repairs it', () => {
    const a = contest();
    const b = { doc: new Y.Doc() };
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    const apiB = apiFor(b.doc);
    const [semi, final] = [a.phaseIds[3]!, a.phaseIds[4]!];
    // Together: the final moves a week later, leaving the semifinal a week of slack.
    a.api.run('event.move', { id: final, start: '2026-10-23T14:30', end: '2026-10-23T17:30' });
    sync(a.doc, b.doc);
    // Offline, in on-overlap mode: A moves the semifinal five days later (the final still has
    // room, so nothing follows); B moves the final back to where it was.
    a.api.run('workspace.setPhaseCascade', { mode: 'on-overlap' });
    sync(a.doc, b.doc);
    a.api.run('event.move', { id: semi, start: '2026-10-14T14:00', end: '2026-10-14T17:00' });
    apiB.run('event.move', { id: final, start: '2026-10-16T14:30', end: '2026-10-16T17:30' });
    expect(brokenLinks([...byId(a.doc).values()])).toEqual([]);
    expect(brokenLinks([...byId(b.doc).values()])).toEqual([]);
    sync(a.doc, b.doc);
    const merged = [...byId(a.doc).values()];
    expect(merged).toEqual([...byId(b.doc).values()]);
    // Both edits are kept: the final (B's) now starts two days after the semifinal (A's), not five working days.
    expect(ev(a.doc, semi).start).toBe('2026-10-14T14:00');
    expect(ev(a.doc, final).start).toBe('2026-10-16T14:30');
    expect(brokenLinks(merged).map((x) => x.id)).toContain(final);

    const fixed = a.api.run('phase.fixLinks', { mainId: a.mainId });
    expect(fixed.ok && fixed.value).toBeGreaterThan(0);
    expect(brokenLinks([...byId(a.doc).values()])).toEqual([]);
    sync(a.doc, b.doc);
    expect(brokenLinks([...byId(b.doc).values()])).toEqual([]);
    // One undo step on A's side.
    a.api.undo();
    expect(brokenLinks([...byId(a.doc).values()]).map((x) => x.id)).toContain(final);
  });
});

describe('a main event in the trash', () => {
  it('takes its phases with it and brings back exactly those, one undo step each way', () => {
    const { doc, mainId, phaseIds } = contest();
    let clock = 1_800_000_000_000;
    const api = apiFor(doc, { now: () => (clock += 1000) });
    // One phase removed earlier on its own stays in the trash when the main event comes back.
    api.run('event.delete', { id: phaseIds[0]! });
    api.run('event.delete', { id: mainId });
    const live = () => readEvents(doc).events.filter((e) => e.deletedAt === undefined).map((e) => e.id);
    expect(live()).toEqual([]);
    api.run('event.restore', { id: mainId });
    expect(live().sort()).toEqual([mainId, ...phaseIds.slice(1)].sort());
    api.undo();
    expect(live()).toEqual([]);
    api.undo();
    expect(live().sort()).toEqual([mainId, ...phaseIds.slice(1)].sort());
  });
});
