import * as Y from 'yjs';
import { LOCAL_ORIGIN } from './origins';
import { readEvent, updateEvent, createEvent } from './events';
import type { CreateOptions, WriteOptions } from './records';
import type { EventFields, EventRecord } from './types';

/**
 * Field history of events: who set which field to what, and when, kept in the document
 * (top-level `history` map: event id → Y.Array of entries) so it syncs and merges like
 * everything else.
 *
 * Why: when two people change the same field concurrently (say both offline), Yjs keeps
 * one value — chosen by client id, not by time. Each entry records the value its author
 * replaced (`p`). A value that is not current and that nobody ever replaced knowingly
 * (no entry has it as `p`) was lost to a concurrent edit: the event is marked and the
 * value can be restored. Restoring or dismissing writes a new entry, which clears the mark.
 */
export const HISTORY_ROOT = 'history';

/** Fields whose history is kept: what a person edits (not stamps or the trash flag). */
const TRACKED = new Set<keyof EventFields>([
  'title', 'kind', 'start', 'end', 'status', 'location', 'leadUnit', 'units', 'participants',
  'contact', 'notes', 'sectionIds', 'campaignId', 'teamId', 'parentId', 'rrule', 'exdates',
]);

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

function diffEntries(before: Partial<EventRecord>, after: Partial<EventRecord>, by: string | undefined, at: number, c: number): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const f of TRACKED) {
    if (same(before[f], after[f])) continue;
    const entry: HistoryEntry = { f, at, c };
    if (after[f] !== undefined) entry.v = after[f];
    if (before[f] !== undefined) entry.p = before[f];
    if (by) entry.by = by;
    out.push(entry);
  }
  return out;
}

/** createEvent, recording the initial values. */
export function createEventWithHistory(doc: Y.Doc, fields: EventFields, opts: CreateOptions = {}): string {
  let id = '';
  doc.transact(() => {
    id = createEvent(doc, fields, opts);
    const read = readEvent(doc, id);
    if (read?.ok) append(doc, id, diffEntries({}, read.record, opts.by, opts.now ?? Date.now(), doc.clientID));
  }, opts.origin ?? LOCAL_ORIGIN);
  return id;
}

/** updateEvent, recording each changed field with the value it replaced. */
export function updateEventWithHistory(doc: Y.Doc, id: string, patch: Partial<EventFields>, opts: WriteOptions = {}): boolean {
  let changed = false;
  doc.transact(() => {
    const before = readEvent(doc, id);
    changed = updateEvent(doc, id, patch, opts);
    const after = readEvent(doc, id);
    if (changed && before?.ok && after?.ok) {
      append(doc, id, diffEntries(before.record, after.record, opts.by, opts.now ?? Date.now(), doc.clientID));
    }
  }, opts.origin ?? LOCAL_ORIGIN);
  return changed;
}

/**
 * Values of `record` lost to concurrent edits: set by someone, never knowingly replaced,
 * and not the current value. Newest first; one per field and value.
 */
export function lostValues(doc: Y.Doc, record: EventRecord): LostValue[] {
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
export function dismissLostValue(doc: Y.Doc, record: EventRecord, lost: LostValue, opts: WriteOptions = {}): void {
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
export function restoreFieldValue(doc: Y.Doc, id: string, field: keyof EventFields, value: unknown, opts: WriteOptions = {}): boolean {
  return updateEventWithHistory(doc, id, { [field]: value === undefined ? undefined : value } as Partial<EventFields>, opts);
}

/** Which event ids' history changed in a transaction (an entry can arrive without the event changing). */
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
