import type * as Y from 'yjs';
import { PLAN_FIELD_TABLE } from './fields';
import { newId } from './ids';
import { LOCAL_ORIGIN } from './origins';
import {
  createRecord,
  purgeRecord,
  readRecord,
  readRecords,
  setRecordDeleted,
  updateRecord,
  type CollectionDef,
  type CreateOptions,
  type WriteOptions,
} from './records';
import { SECTIONS, createSection, purgeSection, readSections, updateSection } from './sections';
import type { EventKind, InvalidRecord, PlanFields, PlanRecord, ReadResult, SectionFields } from './types';
import { validatePlanFields } from './validate';
import { SchemaError } from './errors';

/**
 * Work plans (Contract 1 `plans`) and the import that writes a plan with its sections.
 * A plan's drafts are not stored: they are re-derived from its `source` by the parser;
 * only what people decided about them is (dismissed, accepted, waiting in the tray).
 */
export const PLANS: CollectionDef<PlanFields> = {
  name: 'plans',
  noun: 'plan',
  table: PLAN_FIELD_TABLE,
  validate: validatePlanFields,
  stamped: false,
};

export function createPlan(doc: Y.Doc, fields: PlanFields, opts?: CreateOptions): string {
  return createRecord(doc, PLANS, fields, opts);
}

export function updatePlan(doc: Y.Doc, id: string, patch: Partial<PlanFields>, opts?: WriteOptions): boolean {
  return updateRecord(doc, PLANS, id, patch, opts);
}

/** Soft delete: the plan and its sections stay in the document and can be restored. */
export function softDeletePlan(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return setRecordDeleted(doc, PLANS, id, true, opts);
}

export function restorePlan(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return setRecordDeleted(doc, PLANS, id, false, opts);
}

export function readPlan(doc: Y.Doc, id: string): ReadResult<PlanRecord> | undefined {
  return readRecord(doc, PLANS, id);
}

/** All plans, soft-deleted included; sorted by import time (oldest first). */
export function readPlans(doc: Y.Doc): { plans: PlanRecord[]; invalid: InvalidRecord[] } {
  const { records, invalid } = readRecords(doc, PLANS);
  records.sort((a, b) => (a.importedAt ?? 0) - (b.importedAt ?? 0) || (a.id < b.id ? -1 : 1));
  return { plans: records, invalid };
}

/** The document id of a parser section id (`s2.1`) within a plan: plans never collide. */
export function sectionDocId(planId: string, parserId: string): string {
  return parserId ? `${planId}/${parserId}` : '';
}

/** What `importPlan` needs from a parse (PlanParse fits; the preview may have edited titles and levels). */
export interface PlanImport {
  title: string;
  year: number;
  sections: readonly { id: string; parentId: string; label: string; title: string; body: string; level: number; order: number }[];
}

export interface ImportOptions extends WriteOptions {
  /** Re-import into this plan (updates in place); default: a new plan. */
  planId?: string;
  /** The imported text, kept as the plan's `source`. */
  source?: string;
  /** How a new plan record is created (the workspace API passes its own: born in the trash, revealed by the command). */
  createPlan?: (fields: PlanFields, opts: CreateOptions) => string;
  /** Likewise for a new section (sections of a new plan are born with it). */
  createSection?: (fields: SectionFields, opts: CreateOptions) => string;
}

/**
 * Writes a plan and its sections in one transaction. Section ids are the parser's path ids
 * prefixed with the plan id, so importing the same text into the same plan again updates
 * each section in place (only changed fields are written) and removes sections that are
 * no longer in the text, instead of duplicating the outline. Everything is validated
 * before anything is written.
 */
export function importPlan(doc: Y.Doc, parse: PlanImport, opts: ImportOptions = {}): string {
  const planId = opts.planId ?? newId();
  const now = opts.now ?? Date.now();
  const planFields: PlanFields = { title: parse.title.trim() || '工作计划', year: parse.year, importedAt: now };
  if (opts.source !== undefined) planFields.source = opts.source;
  const known = new Set(parse.sections.map((s) => s.id));
  const sectionFields = parse.sections.map((s): [string, SectionFields] => [
    sectionDocId(planId, s.id),
    {
      planId,
      parentId: known.has(s.parentId) ? sectionDocId(planId, s.parentId) : '',
      order: s.order,
      label: s.label,
      title: s.title.trim() || s.label || '—',
      body: s.body,
      level: s.level,
    },
  ]);
  // Validate all first: a bad section must not leave half a plan behind.
  const planCheck = validatePlanFields(planFields as unknown as Record<string, unknown>);
  if (!planCheck.record) throw new SchemaError('invalid', `Invalid plan: ${planCheck.problems.join('; ')}`, planCheck.problems);
  for (const [id, f] of sectionFields) {
    const check = SECTIONS.validate(f as unknown as Record<string, unknown>);
    if (!check.record) throw new SchemaError('invalid', `Invalid section ${id}: ${check.problems.join('; ')}`, check.problems);
  }
  const origin = opts.origin ?? LOCAL_ORIGIN;
  const write = { ...opts, origin };
  doc.transact(() => {
    const existing = readPlan(doc, planId);
    if (existing?.ok) {
      updatePlan(doc, planId, { ...planFields, deletedAt: undefined }, write);
    } else {
      if (existing) purgeRecord(doc, PLANS, planId, write);
      // The lists exist from the start, so two replicas' first additions merge into one
      // Y.Array instead of each creating its own and one replacing the other.
      (opts.createPlan ?? ((f, o) => createPlan(doc, f, o)))({ ...planFields, dismissedDrafts: [], acceptedDrafts: [], tray: [] }, { ...write, id: planId });
    }
    const before = readSections(doc, planId).sections;
    const keep = new Set(sectionFields.map(([id]) => id));
    for (const s of before) if (!keep.has(s.id)) purgeSection(doc, s.id, write);
    const sectionsMap = doc.getMap('sections');
    for (const [id, f] of sectionFields) {
      if (readSectionOk(doc, id)) updateSection(doc, id, f, write);
      else {
        if (sectionsMap.has(id)) purgeSection(doc, id, write);
        (opts.createSection ?? ((sf, o) => createSection(doc, sf, o)))(f, { ...write, id });
      }
    }
  }, origin);
  return planId;
}

function readSectionOk(doc: Y.Doc, id: string): boolean {
  return readRecord(doc, SECTIONS, id)?.ok === true;
}

// ——— drafts: what people decided ———

/** A draft as the plan page lists it (from the parser, with the document's section id). */
export interface PlanDraft {
  title: string;
  kind: EventKind | 'campaign';
  /** Document section id ("" when the plan had no sections). */
  sectionId: string;
  start?: string;
  end?: string;
  rrule?: string;
  /** Later sessions' starts (Contract 1 `rdates`). */
  rdates?: string[];
  cue?: string;
  units: string[];
  /** Parser's confidence in the draft (0–1; title, date and section together). Optional; not part of draftKey. */
  confidence?: number;
  /** The plan sentence(s)/line(s) the draft came from, trimmed. Optional; not part of draftKey. */
  source?: string[];
}

/** Stable per plan: the same draft of the same text always has the same key. */
export function draftKey(d: Pick<PlanDraft, 'sectionId' | 'title'>): string {
  return `${d.sectionId}|${d.title}`;
}

/** An accepted draft with no date: waits in the plan's tray for a day on the calendar. */
export interface TrayItem {
  key: string;
  title: string;
  kind: EventKind | 'campaign';
  sectionId: string;
  cue?: string;
  units: string[];
}

function livePlan(doc: Y.Doc, planId: string): PlanRecord {
  const read = readPlan(doc, planId);
  if (!read?.ok) throw new SchemaError('not-found', `No valid plan with id "${planId}"`);
  return read.record;
}

const addAll = (list: string[] | undefined, items: readonly string[]): string[] => {
  const out = [...(list ?? [])];
  for (const i of items) if (!out.includes(i)) out.push(i);
  return out;
};

export function dismissDrafts(doc: Y.Doc, planId: string, keys: readonly string[], opts?: WriteOptions): boolean {
  const plan = livePlan(doc, planId);
  return updatePlan(doc, planId, { dismissedDrafts: addAll(plan.dismissedDrafts, keys) }, opts);
}

export function markDraftsAccepted(doc: Y.Doc, planId: string, keys: readonly string[], opts?: WriteOptions): boolean {
  const plan = livePlan(doc, planId);
  return updatePlan(doc, planId, { acceptedDrafts: addAll(plan.acceptedDrafts, keys) }, opts);
}

/** Accepts undated drafts into the tray (and marks them accepted). */
export function addToTray(doc: Y.Doc, planId: string, items: readonly TrayItem[], opts?: WriteOptions): boolean {
  const plan = livePlan(doc, planId);
  const have = new Set(readTray(plan).map((i) => i.key));
  const fresh = items.filter((i) => !have.has(i.key)).map((i) => JSON.stringify(i));
  return updatePlan(
    doc,
    planId,
    { tray: [...(plan.tray ?? []), ...fresh], acceptedDrafts: addAll(plan.acceptedDrafts, items.map((i) => i.key)) },
    opts,
  );
}

/** Takes an item out of the tray (it was placed on the calendar, or discarded). */
export function removeFromTray(doc: Y.Doc, planId: string, key: string, opts?: WriteOptions): boolean {
  const plan = livePlan(doc, planId);
  return updatePlan(doc, planId, { tray: (plan.tray ?? []).filter((raw) => parseTrayItem(raw)?.key !== key) }, opts);
}

function parseTrayItem(raw: string): TrayItem | null {
  try {
    const v = JSON.parse(raw) as Partial<TrayItem>;
    if (!v || typeof v.key !== 'string' || typeof v.title !== 'string' || !v.title.trim()) return null;
    return {
      key: v.key,
      title: v.title,
      kind: typeof v.kind === 'string' ? (v.kind as TrayItem['kind']) : 'other',
      sectionId: typeof v.sectionId === 'string' ? v.sectionId : '',
      ...(typeof v.cue === 'string' ? { cue: v.cue } : {}),
      units: Array.isArray(v.units) ? v.units.filter((u): u is string => typeof u === 'string') : [],
    };
  } catch {
    return null;
  }
}

/** The tray's items; entries that are not valid JSON items are skipped, never thrown. */
export function readTray(plan: Pick<PlanRecord, 'tray'>): TrayItem[] {
  const out: TrayItem[] = [];
  const seen = new Set<string>();
  for (const raw of plan.tray ?? []) {
    const item = parseTrayItem(raw);
    if (item && !seen.has(item.key)) {
      seen.add(item.key);
      out.push(item);
    }
  }
  return out;
}
