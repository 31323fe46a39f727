import * as Y from 'yjs';
import { LOCAL_ORIGIN } from './origins';
import { createRecord, readRecord, updateRecord, type CollectionDef, type CreateOptions, type WriteOptions } from './records';
import { EVENTS } from './events';
import type { EventFields } from './types';

/**
 * Field history of records (events, campaigns, teams): who set which field to what, and
 * when, kept in the document (top-level `history` map: record id → Y.Array of entries) so it
 * syncs and merges like everything else. Record ids are random across collections, so one
 * map serves them all.
 *
 * Why: when two people change the same field concurrently (say both offline), Yjs keeps
 * one value — chosen by client id, not by time. Each entry records the value its author
 * replaced (`p`). A value that is not current and that nobody ever replaced knowingly
 * (no entry has it as `p`) was lost to a concurrent edit: the record is marked and the
 * value can be restored. Restoring or dismissing writes a new entry, which clears the mark.
 */
export const HISTORY_ROOT = 'history';

/** Keys that are bookkeeping, not something a person edits: never tracked. */
const UNTRACKED = new Set(['deletedAt', 'updatedAt', 'updatedBy']);

const trackedCache = new WeakMap<object, string[]>();
/** Fields whose history is kept: every field of the collection's table but the bookkeeping. */
function trackedFields(def: CollectionDef<unknown>): string[] {
  let list = trackedCache.get(def.table);
  if (!list) {
    list = Object.keys(def.table).filter((k) => !UNTRACKED.has(k));
    trackedCache.set(def.table, list);
  }
  return list;
}

export interface HistoryEntry {
  /** field */
  f: string;
  /** value set (undefined = cleared) */
  v?: unknown;
  /** value it replaced, as its author saw it */
  p?: unknown;
  by?: string;
  at: number;
  /** Y client id of the author's replica */
  c: number;
}

export interface LostValue {
  field: string;
  value: unknown;
  by?: string;
  at: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function historyMap(doc: Y.Doc): Y.Map<Y.Array<HistoryEntry>> {
  return doc.getMap(HISTORY_ROOT);
}

/** Entries of one event, oldest first; anything malformed (another tool's garbage) is skipped. */
export function readHistory(doc: Y.Doc, eventId: string): HistoryEntry[] {
  const list = historyMap(doc).get(eventId);
  if (!(list instanceof Y.Array)) return [];
  return list
    .toArray()
    .filter((e): e is HistoryEntry => !!e && typeof e === 'object' && typeof (e as HistoryEntry).f === 'string' && typeof (e as HistoryEntry).at === 'number')
    .sort((a, b) => a.at - b.at);
}

function append(doc: Y.Doc, eventId: string, entries: HistoryEntry[]): void {
  if (entries.length === 0) return;
  const map = historyMap(doc);
  let list = map.get(eventId);
  if (!(list instanceof Y.Array)) {
    list = new Y.Array<HistoryEntry>();
    map.set(eventId, list);
  }
  list.push(entries);
}

function diffEntries(
  fields: readonly string[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  by: string | undefined,
  at: number,
  c: number,
): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const f of fields) {
    if (same(before[f], after[f])) continue;
    const entry: HistoryEntry = { f, at, c };
    if (after[f] !== undefined) entry.v = after[f];
    if (before[f] !== undefined) entry.p = before[f];
    if (by) entry.by = by;
    out.push(entry);
  }
  return out;
}

const asFields = (r: unknown) => r as Record<string, unknown>;

/** createRecord, recording the initial values. Throws (writing nothing) like createRecord. */
export function createWithHistory<F>(doc: Y.Doc, def: CollectionDef<F>, fields: F, opts: CreateOptions = {}): string {
  let id = '';
  doc.transact(() => {
    id = createRecord(doc, def, fields, opts);
    const read = readRecord(doc, def, id);
    if (read?.ok) append(doc, id, diffEntries(trackedFields(def as CollectionDef<unknown>), {}, asFields(read.record), opts.by, opts.now ?? Date.now(), doc.clientID));
  }, opts.origin ?? LOCAL_ORIGIN);
  return id;
}

/** updateRecord, recording each changed field with the value it replaced. */
export function updateWithHistory<F>(doc: Y.Doc, def: CollectionDef<F>, id: string, patch: Partial<F>, opts: WriteOptions = {}): boolean {
  let changed = false;
  doc.transact(() => {
    const before = readRecord(doc, def, id);
    changed = updateRecord(doc, def, id, patch, opts);
    const after = readRecord(doc, def, id);
    if (changed && before?.ok && after?.ok) {
      append(doc, id, diffEntries(trackedFields(def as CollectionDef<unknown>), asFields(before.record), asFields(after.record), opts.by, opts.now ?? Date.now(), doc.clientID));
    }
  }, opts.origin ?? LOCAL_ORIGIN);
  return changed;
}

export const createEventWithHistory = (doc: Y.Doc, fields: EventFields, opts?: CreateOptions): string =>
  createWithHistory(doc, EVENTS, fields, opts);

export const updateEventWithHistory = (doc: Y.Doc, id: string, patch: Partial<EventFields>, opts?: WriteOptions): boolean =>
  updateWithHistory(doc, EVENTS, id, patch, opts);

/**
 * Values of `record` lost to concurrent edits: set by someone, never knowingly replaced,
 * and not the current value. Newest first; one per field and value.
 */
export function lostValues(doc: Y.Doc, record: { id: string }): LostValue[] {
  const entries = readHistory(doc, record.id);
  if (entries.length < 2) return [];
  const out: LostValue[] = [];
  const reported = new Set<string>();
  for (const e of [...entries].reverse()) {
    const current = (record as unknown as Record<string, unknown>)[e.f];
    if (same(e.v, current)) continue;
    // Someone replaced this value after seeing it: a normal edit, not a loss.
    if (entries.some((o) => o.f === e.f && o !== e && same(o.p, e.v))) continue;
    const key = `${e.f}\u0000${JSON.stringify(e.v ?? null)}`;
    if (reported.has(key)) continue;
    reported.add(key);
    out.push({ field: e.f, value: e.v, by: e.by, at: e.at });
  }
  return out;
}

/** Mark a lost value as seen without restoring it (keep the current one). */
export function dismissLostValue(doc: Y.Doc, record: { id: string }, lost: LostValue, opts: WriteOptions = {}): void {
  const current = (record as unknown as Record<string, unknown>)[lost.field];
  const entry: HistoryEntry = { f: lost.field, p: lost.value, at: opts.now ?? Date.now(), c: doc.clientID };
  if (current !== undefined) entry.v = current;
  if (opts.by) entry.by = opts.by;
  doc.transact(() => append(doc, record.id, [entry]), opts.origin ?? LOCAL_ORIGIN);
}

/**
 * Restore an earlier value of one field. The current value is recorded as replaced, so it
 * is not reported as lost afterwards (it was seen and knowingly replaced).
 */
export function restoreValue<F>(doc: Y.Doc, def: CollectionDef<F>, id: string, field: string, value: unknown, opts: WriteOptions = {}): boolean {
  return updateWithHistory(doc, def, id, { [field]: value } as Partial<F>, opts);
}

export const restoreFieldValue = (doc: Y.Doc, id: string, field: keyof EventFields, value: unknown, opts?: WriteOptions): boolean =>
  restoreValue(doc, EVENTS, id, field, value, opts);

/** Which record ids' history changed in a transaction (an entry can arrive without the event changing). */
export function observeHistory(doc: Y.Doc, cb: (ids: Set<string>) => void): () => void {
  const map = historyMap(doc);
  const handler = (events: Array<Y.YEvent<any>>) => {
    const ids = new Set<string>();
    for (const ev of events) {
      if (ev.target === map) for (const k of ev.changes.keys.keys()) ids.add(k);
      else if (typeof ev.path[0] === 'string') ids.add(ev.path[0]);
    }
    if (ids.size) cb(ids);
  };
  map.observeDeep(handler);
  return () => map.unobserveDeep(handler);
}
