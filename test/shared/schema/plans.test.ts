import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addToTray,
  createEvent,
  dismissDrafts,
  draftKey,
  importPlan,
  markDraftsAccepted,
  moveSection,
  normalizeOutline,
  readPlan,
  readPlans,
  readSection,
  readSections,
  readTray,
  relevelSection,
  removeFromTray,
  reorderSection,
  restorePlan,
  roots,
  sectionDocId,
  sectionTree,
  sectionWithDescendants,
  shiftOutlineItem,
  softDeletePlan,
  updateSection,
  validateSectionFields,
} from '../../../shared/src/schema';
import { parsePlan, sectionLabelPath } from '../../../shared/src/plan-text';
import { snapshot, sync } from './fixtures';

const TEXT = readFileSync(new URL('../../fixtures/plans/typical-points.txt', import.meta.url), 'utf8');
const parse = parsePlan(TEXT);

function imported(planId = 'plan-a'): Y.Doc {
  const doc = new Y.Doc();
  importPlan(doc, parse, { planId, source: TEXT, now: 1000 });
  return doc;
}

describe('importPlan', () => {
  it('writes the plan and every section with plan-prefixed ids in one transaction', () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const id = importPlan(doc, parse, { planId: 'plan-a', source: TEXT, now: 1000 });
    expect(id).toBe('plan-a');
    expect(transactions).toBe(1);
    const plan = readPlan(doc, id);
    expect(plan?.ok && plan.record).toMatchObject({ title: parse.title, year: parse.year, source: TEXT, importedAt: 1000 });
    const { sections, invalid } = readSections(doc, id);
    expect(invalid).toEqual([]);
    expect(sections).toHaveLength(parse.sections.length);
    for (const s of sections) expect(s.id.startsWith('plan-a/')).toBe(true);
    const top = sections.filter((s) => s.parentId === '');
    expect(top.length).toBe(parse.sections.filter((s) => s.level === 1).length);
    // "" is stored as a value of its own (Contract 1), not dropped.
    const raw = roots(doc).sections.get(top[0].id) as Y.Map<unknown>;
    expect(raw.get('parentId')).toBe('');
    // Label paths work on document sections exactly as on parser sections.
    const child = sections.find((s) => s.level === 2)!;
    expect(sectionLabelPath(sections, child.id)).toMatch(/^\S+、?\s\S+/);
  });

  it('re-importing the same text into the same plan updates in place, never duplicates', () => {
    const doc = imported();
    const before = snapshot(doc);
    importPlan(doc, parse, { planId: 'plan-a', source: TEXT, now: 1000 });
    expect(snapshot(doc)).toBe(before);
    importPlan(doc, { ...parse, sections: parse.sections.slice(0, 3) }, { planId: 'plan-a', source: TEXT, now: 2000 });
    expect(readSections(doc, 'plan-a').sections).toHaveLength(3);
    expect(roots(doc).plans.size).toBe(1);
  });

  it('two plans of one workspace never collide', () => {
    const doc = imported('plan-a');
    importPlan(doc, parse, { planId: 'plan-b', source: TEXT, now: 2000 });
    expect(readSections(doc, 'plan-a').sections).toHaveLength(parse.sections.length);
    expect(readSections(doc, 'plan-b').sections).toHaveLength(parse.sections.length);
    expect(readSections(doc).sections).toHaveLength(2 * parse.sections.length);
    expect(readPlans(doc).plans.map((p) => p.id)).toEqual(['plan-a', 'plan-b']);
  });

  it('validates before writing: a bad section leaves the document untouched', () => {
    const doc = imported();
    const before = snapshot(doc);
    const bad = { ...parse, sections: [...parse.sections, { ...parse.sections[0], id: 'sx', level: 0 }] };
    expect(() => importPlan(doc, bad, { planId: 'plan-a' })).toThrow(/level/);
    expect(snapshot(doc)).toBe(before);
  });

  it('soft-deletes and restores a plan', () => {
    const doc = imported();
    softDeletePlan(doc, 'plan-a', { now: 5 });
    const read = readPlan(doc, 'plan-a');
    expect(read?.ok && read.record.deletedAt).toBe(5);
    expect(readSections(doc, 'plan-a').sections.length).toBe(parse.sections.length);
    restorePlan(doc, 'plan-a');
    const again = readPlan(doc, 'plan-a');
    expect(again?.ok && again.record.deletedAt).toBeUndefined();
  });
});

describe('editing the outline', () => {
  it('retitles, indents, outdents and reorders, keeping levels consistent', () => {
    const doc = imported();
    const top = readSections(doc, 'plan-a').sections.filter((s) => s.parentId === '');
    const [first, second] = top;
    updateSection(doc, second.id, { title: '做强主流舆论（修订）' });
    expect(readSection(doc, second.id)?.ok).toBe(true);

    expect(relevelSection(doc, second.id, 1)).toBe(true);
    let all = readSections(doc, 'plan-a').sections;
    const moved = all.find((s) => s.id === second.id)!;
    expect(moved.parentId).toBe(first.id);
    expect(moved.level).toBe(2);
    for (const kid of all.filter((s) => s.parentId === second.id)) expect(kid.level).toBe(3);
    // It is now the last child of the section above.
    expect(sectionTree(all)[0].children.at(-1)!.section.id).toBe(second.id);

    expect(relevelSection(doc, second.id, -1)).toBe(true);
    all = readSections(doc, 'plan-a').sections;
    expect(all.filter((s) => s.parentId === '').map((s) => s.id)).toEqual(top.map((s) => s.id));
    expect(all.find((s) => s.id === second.id)!.level).toBe(1);

    expect(reorderSection(doc, second.id, -1)).toBe(true);
    expect(readSections(doc, 'plan-a').sections.filter((s) => s.parentId === '')[0].id).toBe(second.id);
    expect(relevelSection(doc, second.id, 1)).toBe(false); // nothing above to indent under
    expect(() => moveSection(doc, first.id, { parentId: first.id })).toThrow(/under itself/);
  });

  it('two replicas editing the outline concurrently merge', () => {
    const a = imported();
    const b = new Y.Doc();
    sync(a, b);
    const top = readSections(a, 'plan-a').sections.filter((s) => s.parentId === '');
    // A retitles a section while B indents it; A outdents a child of another while B renames that child.
    const child = readSections(a, 'plan-a').sections.find((s) => s.parentId === top[2].id)!;
    updateSection(a, top[1].id, { title: '甲改的标题' });
    relevelSection(b, top[1].id, 1);
    relevelSection(a, child.id, -1);
    updateSection(b, child.id, { title: '乙改的标题' });
    sync(a, b);
    expect(snapshot(a)).toBe(snapshot(b));
    const merged = readSections(a, 'plan-a').sections;
    const s1 = merged.find((s) => s.id === top[1].id)!;
    expect(s1).toMatchObject({ title: '甲改的标题', parentId: top[0].id, level: 2 });
    const c = merged.find((s) => s.id === child.id)!;
    expect(c).toMatchObject({ title: '乙改的标题', parentId: '', level: 1 });
    expect(merged).toHaveLength(parse.sections.length);
  });

  it('a concurrent cycle (each moved under the other) still reads as a tree', () => {
    const a = imported();
    const b = new Y.Doc();
    sync(a, b);
    const [x, y] = readSections(a, 'plan-a').sections.filter((s) => s.parentId === '');
    moveSection(a, x.id, { parentId: y.id });
    moveSection(b, y.id, { parentId: x.id });
    sync(a, b);
    const all = readSections(a, 'plan-a').sections;
    expect(all).toHaveLength(parse.sections.length);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
  });

  it('sectionWithDescendants covers a subtree', () => {
    const doc = imported();
    const all = readSections(doc, 'plan-a').sections;
    const top = all.find((s) => s.parentId === '' && all.some((c) => c.parentId === s.id))!;
    const ids = sectionWithDescendants(all, top.id);
    expect(ids.has(top.id)).toBe(true);
    expect([...ids].every((id) => id === top.id || all.find((s) => s.id === id)!.parentId !== '')).toBe(true);
    expect(ids.size).toBeGreaterThan(1);
  });

  it('rejects bad section fields', () => {
    expect(validateSectionFields({ planId: 'p', parentId: '', order: 0, label: '', title: 'x', level: 1.5 }).problems).not.toEqual([]);
    expect(validateSectionFields({ planId: 'p', parentId: '', order: 0, label: '', title: ' ', level: 1 }).problems).not.toEqual([]);
    expect(validateSectionFields({ planId: 'p', parentId: '', order: 0, label: '', title: 'x', level: 1 }).problems).toEqual([]);
  });
});

describe('preview outline edits', () => {
  const items = [
    { id: 's1', parentId: '', label: '一、', title: 'A', body: '', level: 1, order: 0 },
    { id: 's1.1', parentId: 's1', label: '1.', title: 'A1', body: '', level: 2, order: 0 },
    { id: 's2', parentId: '', label: '二、', title: 'B', body: '', level: 1, order: 1 },
    { id: 's2.1', parentId: 's2', label: '1.', title: 'B1', body: '', level: 2, order: 0 },
  ];
  it('indent moves the subtree under the item above; outdent undoes it', () => {
    const indented = shiftOutlineItem(items, 2, 1);
    expect(indented.map((i) => [i.id, i.level, i.parentId])).toEqual([
      ['s1', 1, ''],
      ['s1.1', 2, 's1'],
      ['s2', 2, 's1'],
      ['s2.1', 3, 's2'],
    ]);
    expect(shiftOutlineItem(indented, 2, -1).map((i) => [i.level, i.parentId, i.order])).toEqual(
      items.map((i) => [i.level, i.parentId, i.order]),
    );
    expect(shiftOutlineItem(items, 0, 1)).toEqual(items); // first item cannot indent
    expect(normalizeOutline([{ ...items[0], level: 3 }]).map((i) => i.level)).toEqual([1]);
  });
});

describe('drafts decisions', () => {
  it('dismissed, accepted and tray items are remembered, and concurrent adds merge', () => {
    const a = imported();
    const b = new Y.Doc();
    sync(a, b);
    const d = parse.activities.find((x) => !x.start)!;
    const sid = sectionDocId('plan-a', d.sectionId);
    const key = draftKey({ sectionId: sid, title: d.title });
    addToTray(a, 'plan-a', [{ key, title: d.title, kind: d.kind, sectionId: sid, units: [] }]);
    dismissDrafts(b, 'plan-a', ['x|y']);
    markDraftsAccepted(b, 'plan-a', ['z|w']);
    sync(a, b);
    const plan = readPlan(b, 'plan-a');
    if (!plan?.ok) throw new Error('plan');
    expect(plan.record.dismissedDrafts).toEqual(['x|y']);
    expect(new Set(plan.record.acceptedDrafts)).toEqual(new Set([key, 'z|w']));
    expect(readTray(plan.record).map((i) => i.title)).toEqual([d.title]);
    removeFromTray(b, 'plan-a', key);
    const after = readPlan(b, 'plan-a');
    expect(after?.ok && readTray(after.record)).toEqual([]);
    // Garbage in the tray is skipped, not thrown.
    expect(readTray({ tray: ['{', '{"key":1}', JSON.stringify({ key: 'k', title: 't' })] }).map((i) => i.key)).toEqual(['k']);
  });

  it('events link to document sections', () => {
    const doc = imported();
    const s = readSections(doc, 'plan-a').sections[1];
    const id = createEvent(doc, { title: 't', kind: 'meeting', start: '2024-03-01', status: 'planned', sectionIds: [s.id] });
    expect((roots(doc).events.get(id) as Y.Map<unknown>).get('sectionIds')).toBeInstanceOf(Y.Array);
  });
});
