import type * as Y from 'yjs';
import { SECTION_FIELD_TABLE } from './fields';
import {
  createRecord,
  purgeRecord,
  readRecord,
  readRecords,
  updateRecord,
  type CollectionDef,
  type CreateOptions,
  type WriteOptions,
} from './records';
import { LOCAL_ORIGIN } from './origins';
import type { InvalidRecord, ReadResult, SectionFields, SectionRecord } from './types';
import { validateSectionFields } from './validate';
import { SchemaError } from './errors';

/**
 * Plan sections (Contract 1 `sections`): one Y.Map per heading, linked into a tree by
 * `parentId` and sorted among siblings by `order`. Every field is its own key, so one
 * person retitling a section while another moves it both survive the merge.
 */
export const SECTIONS: CollectionDef<SectionFields> = {
  name: 'sections',
  noun: 'section',
  table: SECTION_FIELD_TABLE,
  validate: validateSectionFields,
  stamped: false,
};

export function createSection(doc: Y.Doc, fields: SectionFields, opts?: CreateOptions): string {
  return createRecord(doc, SECTIONS, fields, opts);
}

export function updateSection(doc: Y.Doc, id: string, patch: Partial<SectionFields>, opts?: WriteOptions): boolean {
  return updateRecord(doc, SECTIONS, id, patch, opts);
}

export function purgeSection(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return purgeRecord(doc, SECTIONS, id, opts);
}

export function readSection(doc: Y.Doc, id: string): ReadResult<SectionRecord> | undefined {
  return readRecord(doc, SECTIONS, id);
}

/**
 * Valid sections (of one plan, when given) in outline order: parents before children,
 * siblings by `order`. Sections whose parent is missing are shown at the top level, and
 * cycles are cut, so a half-merged outline still displays.
 */
export function readSections(doc: Y.Doc, planId?: string): { sections: SectionRecord[]; invalid: InvalidRecord[] } {
  const { records, invalid } = readRecords(doc, SECTIONS);
  const mine = planId === undefined ? records : records.filter((s) => s.planId === planId);
  return { sections: outlineOrder(mine), invalid: planId === undefined ? invalid : invalid.filter((r) => r.raw.planId === planId) };
}

export interface SectionNode {
  section: SectionRecord;
  children: SectionNode[];
  /** 1 = top, from the tree itself (the stored `level` may lag behind a concurrent move). */
  depth: number;
}

const bySiblingOrder = (a: SectionRecord, b: SectionRecord) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The sections as a forest; orphans (missing or foreign parent) become roots. */
export function sectionTree(sections: readonly SectionRecord[]): SectionNode[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const kids = new Map<string, SectionRecord[]>();
  const roots: SectionRecord[] = [];
  for (const s of sections) {
    const parent = s.parentId && s.parentId !== s.id ? byId.get(s.parentId) : undefined;
    if (parent && parent.planId === s.planId) {
      const list = kids.get(parent.id) ?? [];
      list.push(s);
      kids.set(parent.id, list);
    } else roots.push(s);
  }
  const seen = new Set<string>();
  const build = (s: SectionRecord, depth: number): SectionNode => {
    seen.add(s.id);
    const children = (kids.get(s.id) ?? [])
      .filter((c) => !seen.has(c.id))
      .sort(bySiblingOrder)
      .map((c) => build(c, depth + 1));
    return { section: s, children, depth };
  };
  const forest = roots.sort(bySiblingOrder).map((s) => build(s, 1));
  // A cycle (a is b's parent and b is a's, after two concurrent moves) has no root: lift one.
  for (const s of [...sections].sort(bySiblingOrder)) if (!seen.has(s.id)) forest.push(build(s, 1));
  return forest;
}

/** Depth-first, parents before children. */
export function flattenTree(nodes: readonly SectionNode[]): SectionNode[] {
  const out: SectionNode[] = [];
  const walk = (list: readonly SectionNode[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

export function outlineOrder(sections: readonly SectionRecord[]): SectionRecord[] {
  return flattenTree(sectionTree(sections)).map((n) => n.section);
}

/** A section and everything under it (for "filter to this section"). */
export function sectionWithDescendants(sections: readonly SectionRecord[], id: string): Set<string> {
  const kids = new Map<string, string[]>();
  for (const s of sections) {
    const list = kids.get(s.parentId) ?? [];
    list.push(s.id);
    kids.set(s.parentId, list);
  }
  const out = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const cur = stack.pop()!;
    if (out.has(cur)) continue;
    out.add(cur);
    stack.push(...(kids.get(cur) ?? []));
  }
  return out;
}

/**
 * Moves a section under `parentId` ("" = top) at sibling position `index` (default: last),
 * with a fractional `order` between its new neighbours so no sibling is rewritten, and
 * fixes the stored `level` of the section and its subtree.
 */
export function moveSection(
  doc: Y.Doc,
  id: string,
  to: { parentId: string; index?: number },
  opts: WriteOptions = {},
): boolean {
  const read = readSection(doc, id);
  if (!read?.ok) throw new SchemaError('not-found', `No valid section with id "${id}"`);
  const section = read.record;
  const { sections } = readSections(doc, section.planId);
  if (to.parentId && sectionWithDescendants(sections, id).has(to.parentId)) {
    throw new SchemaError('conflict', 'A section cannot move under itself');
  }
  const parent = to.parentId ? sections.find((s) => s.id === to.parentId) : undefined;
  if (to.parentId && !parent) throw new SchemaError('not-found', `No section with id "${to.parentId}" in this plan`);
  const siblings = sections.filter((s) => s.parentId === to.parentId && s.id !== id).sort(bySiblingOrder);
  const index = Math.max(0, Math.min(to.index ?? siblings.length, siblings.length));
  const before = siblings[index - 1]?.order;
  const after = siblings[index]?.order;
  const order =
    before === undefined && after === undefined ? 0 : before === undefined ? after! - 1 : after === undefined ? before + 1 : (before + after) / 2;
  const level = (parent ? parent.level : 0) + 1;
  const delta = level - section.level;
  const subtree = sectionWithDescendants(sections, id);
  let changed = false;
  doc.transact(() => {
    changed = updateSection(doc, id, { parentId: to.parentId, order, level }, opts) || changed;
    if (delta !== 0) {
      for (const s of sections) {
        if (s.id !== id && subtree.has(s.id)) changed = updateSection(doc, s.id, { level: Math.max(1, s.level + delta) }, opts) || changed;
      }
    }
  }, opts.origin ?? LOCAL_ORIGIN);
  return changed;
}

/**
 * Indent (+1: becomes the last child of the sibling above) or outdent (-1: becomes the
 * sibling just after its parent). Returns false when there is nowhere to go.
 */
export function relevelSection(doc: Y.Doc, id: string, direction: 1 | -1, opts: WriteOptions = {}): boolean {
  const read = readSection(doc, id);
  if (!read?.ok) throw new SchemaError('not-found', `No valid section with id "${id}"`);
  const section = read.record;
  const { sections } = readSections(doc, section.planId);
  if (direction === 1) {
    const siblings = sections.filter((s) => s.parentId === section.parentId).sort(bySiblingOrder);
    const i = siblings.findIndex((s) => s.id === id);
    if (i <= 0) return false;
    return moveSection(doc, id, { parentId: siblings[i - 1].id }, opts);
  }
  if (!section.parentId) return false;
  const parent = sections.find((s) => s.id === section.parentId);
  if (!parent) return false;
  const grand = sections.filter((s) => s.parentId === parent.parentId).sort(bySiblingOrder);
  return moveSection(doc, id, { parentId: parent.parentId, index: grand.findIndex((s) => s.id === parent.id) + 1 }, opts);
}

/** Sibling move within the same parent: -1 up, +1 down. */
export function reorderSection(doc: Y.Doc, id: string, direction: 1 | -1, opts: WriteOptions = {}): boolean {
  const read = readSection(doc, id);
  if (!read?.ok) throw new SchemaError('not-found', `No valid section with id "${id}"`);
  const { sections } = readSections(doc, read.record.planId);
  const siblings = sections.filter((s) => s.parentId === read.record.parentId && s.id !== id).sort(bySiblingOrder);
  const all = sections.filter((s) => s.parentId === read.record.parentId).sort(bySiblingOrder);
  const i = all.findIndex((s) => s.id === id);
  const j = i + direction;
  if (j < 0 || j >= all.length) return false;
  return moveSection(doc, id, { parentId: read.record.parentId, index: Math.min(j, siblings.length) }, opts);
}

/**
 * A flat outline being edited before import (the plan page's preview): items in document
 * order with levels. Recomputes each `parentId` and `order` from the levels, clamping a level
 * to at most one deeper than the item before it, so any indent/outdent sequence stays a tree.
 */
export interface OutlineItem {
  id: string;
  parentId: string;
  label: string;
  title: string;
  body: string;
  level: number;
  order: number;
}

export function normalizeOutline<T extends OutlineItem>(items: readonly T[]): T[] {
  const stack: T[] = [];
  const counts = new Map<string, number>();
  const out: T[] = [];
  for (const raw of items) {
    const level = Math.max(1, Math.min(Math.round(raw.level), (stack.length ? stack[stack.length - 1].level : 0) + 1));
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    const parentId = stack.length ? stack[stack.length - 1].id : '';
    const order = counts.get(parentId) ?? 0;
    counts.set(parentId, order + 1);
    const item = { ...raw, level, parentId, order };
    out.push(item);
    stack.push(item);
  }
  return out;
}

/** Preview indent/outdent: shifts an item and its subtree (the following deeper items). */
export function shiftOutlineItem<T extends OutlineItem>(items: readonly T[], index: number, delta: 1 | -1): T[] {
  const target = items[index];
  if (!target) return [...items];
  let end = index + 1;
  while (end < items.length && items[end].level > target.level) end++;
  if (delta === -1 && target.level <= 1) return [...items];
  if (delta === 1 && (index === 0 || items[index - 1].level < target.level)) return [...items];
  const next = items.map((it, i) => (i >= index && i < end ? { ...it, level: it.level + delta } : it));
  return normalizeOutline(next);
}
