import * as Y from 'yjs';
import { roots } from './doc';
import { isArrayField, type FieldTable } from './fields';
import { newId } from './ids';
import { LOCAL_ORIGIN } from './origins';
import type { CollectionName, InvalidRecord, ReadResult, Validation } from './types';
import { describeValue } from './validate';
import { SchemaError } from './errors';

/**
 * The generic record store behind events, campaigns and teams. Each record is one Y.Map
 * in its collection map, so concurrent edits to different fields merge instead of one
 * replica's whole record replacing the other's.
 *
 * Writers validate first and throw before opening a transaction: the document must never
 * receive an invalid record from this app, and a rejected edit leaves it byte-identical.
 * Readers never throw: bad records come back as InvalidRecord for a "needs attention" list.
 */

export interface CollectionDef<F> {
  name: CollectionName;
  /** Singular noun for error messages. */
  noun: string;
  table: FieldTable;
  validate(raw: Record<string, unknown>): Validation<F>;
  /** Whether writes stamp `updatedAt`/`updatedBy`. */
  stamped: boolean;
}

export interface WriteOptions {
  /** Display name of the editor, stored as `updatedBy` on stamped collections. */
  by?: string;
  /** Clock override (ms), for deterministic tests and imports. */
  now?: number;
  /** Transaction origin; defaults to LOCAL_ORIGIN so the edit is undoable. */
  origin?: unknown;
}

export interface CreateOptions extends WriteOptions {
  id?: string;
}

export type WithId<F> = F & { id: string };

export function isDeleted(record: { deletedAt?: number }): boolean {
  return typeof record.deletedAt === 'number';
}

function plain(value: unknown): unknown {
  if (value instanceof Y.Array) return value.toArray().map(plain);
  if (value instanceof Y.Map) return value.toJSON();
  if (value instanceof Y.Text) return value.toString();
  if (value instanceof Y.AbstractType) return value.toJSON();
  return value;
}

/** Every key of a record map as plain values, unknown keys included (for display). */
export function readRaw(map: Y.Map<unknown>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of map.entries()) raw[k] = plain(v);
  return raw;
}

function collection<F>(doc: Y.Doc, def: CollectionDef<F>): Y.Map<unknown> {
  return roots(doc)[def.name];
}

function recordMap<F>(doc: Y.Doc, def: CollectionDef<F>, id: string): Y.Map<unknown> {
  const value = collection(doc, def).get(id);
  if (value === undefined) throw new SchemaError('not-found', `No ${def.noun} with id "${id}"`);
  if (!(value instanceof Y.Map)) {
    throw new SchemaError('invalid', `The ${def.noun} "${id}" is not a record (found ${describeValue(value)}); it can only be purged`);
  }
  return value as Y.Map<unknown>;
}

function rejectUnknownKeys<F>(def: CollectionDef<F>, fields: object): void {
  const unknown = Object.keys(fields).filter((k) => !(k in def.table));
  if (unknown.length) throw new SchemaError('invalid', `Unknown ${def.noun} field(s): ${unknown.join(', ')}`, unknown.map((k) => `${k}: is not a ${def.noun} field`));
}

function assertValid<F>(def: CollectionDef<F>, raw: Record<string, unknown>): Record<string, unknown> {
  const { record, problems } = def.validate(raw);
  if (!record) throw new SchemaError('invalid', `Invalid ${def.noun}: ${problems.join('; ')}`, problems);
  return record as Record<string, unknown>;
}

function stamp<F>(def: CollectionDef<F>, values: Record<string, unknown>, opts: WriteOptions): void {
  if (!def.stamped) return;
  values.updatedAt = opts.now ?? Date.now();
  if (opts.by !== undefined) values.updatedBy = opts.by;
}

function sameList(a: unknown, b: readonly unknown[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Rewrites a stored list with the smallest splice instead of a fresh Y.Array, so an item
 * a colleague added concurrently elsewhere in the list survives (lists are sets in
 * meaning; readers drop the duplicates this can produce).
 */
function writeList(map: Y.Map<unknown>, key: string, next: readonly (string | number)[]): void {
  const current = map.get(key);
  if (!(current instanceof Y.Array)) {
    const fresh = new Y.Array<string | number>();
    fresh.push([...next]);
    map.set(key, fresh);
    return;
  }
  const old = current.toArray();
  const max = Math.min(old.length, next.length);
  let head = 0;
  while (head < max && old[head] === next[head]) head++;
  let tail = 0;
  while (tail < max - head && old[old.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  if (old.length - head - tail > 0) current.delete(head, old.length - head - tail);
  if (next.length - head - tail > 0) current.insert(head, next.slice(head, next.length - tail));
}

function writeField(map: Y.Map<unknown>, table: FieldTable, key: string, value: unknown): void {
  if (value === undefined) map.delete(key);
  else if (isArrayField(table[key])) writeList(map, key, value as (string | number)[]);
  else map.set(key, value);
}

/**
 * Everything createRecord checks, without writing: the new record's id (given or minted).
 * Throws a SchemaError exactly where createRecord would.
 */
export function checkCreate<F>(doc: Y.Doc, def: CollectionDef<F>, fields: F, opts: CreateOptions = {}): { id: string; record: Record<string, unknown> } {
  rejectUnknownKeys(def, fields as object);
  const values: Record<string, unknown> = { ...(fields as Record<string, unknown>) };
  stamp(def, values, opts);
  const record = assertValid(def, values);
  const id = opts.id ?? newId();
  if (typeof id !== 'string' || id === '') throw new SchemaError('invalid', `A ${def.noun} id must be non-empty text`);
  if (collection(doc, def).has(id)) throw new SchemaError('exists', `A ${def.noun} with id "${id}" already exists`);
  return { id, record };
}

export function createRecord<F>(doc: Y.Doc, def: CollectionDef<F>, fields: F, opts: CreateOptions = {}): string {
  const { id, record } = checkCreate(doc, def, fields, opts);
  const coll = collection(doc, def);
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    coll.set(id, map);
    for (const key of Object.keys(def.table)) {
      if (record[key] !== undefined) writeField(map, def.table, key, record[key]);
    }
  }, opts.origin ?? LOCAL_ORIGIN);
  return id;
}

/**
 * Writes only the keys whose value actually changes, so an edit touching one field
 * cannot clobber a concurrent edit to another. `undefined` (or '' for an optional field)
 * removes a key. Returns false, writing nothing, when the patch changes nothing.
 */
export function updateRecord<F>(
  doc: Y.Doc,
  def: CollectionDef<F>,
  id: string,
  patch: Partial<F>,
  opts: WriteOptions = {},
): boolean {
  rejectUnknownKeys(def, patch as object);
  const map = recordMap(doc, def, id);
  const stored = readRaw(map);
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === undefined || (value === '' && !def.table[key].required && def.table[key].type !== 'ref')) delete merged[key];
    else merged[key] = value;
  }
  stamp(def, merged, opts);
  const record = assertValid(def, merged);

  const changed = (key: string): boolean => {
    const next = record[key];
    if (next === undefined) return map.has(key);
    if (isArrayField(def.table[key])) return !(map.get(key) instanceof Y.Array) || !sameList(stored[key], next as unknown[]);
    return stored[key] !== next;
  };
  const keys = Object.keys(patch as object).filter(changed);
  if (keys.length === 0) return false;
  if (def.stamped) keys.push(...['updatedAt', 'updatedBy'].filter((k) => !keys.includes(k) && changed(k)));

  doc.transact(() => {
    for (const key of keys) writeField(map, def.table, key, record[key]);
  }, opts.origin ?? LOCAL_ORIGIN);
  return true;
}

/**
 * Soft delete and restore touch only `deletedAt` (plus the stamp) and skip full
 * validation on purpose: a broken record must still be movable to and from the trash.
 */
export function setRecordDeleted<F>(
  doc: Y.Doc,
  def: CollectionDef<F>,
  id: string,
  deleted: boolean,
  opts: WriteOptions = {},
): boolean {
  const map = recordMap(doc, def, id);
  const now = opts.now ?? Date.now();
  if (!Number.isFinite(now)) throw new SchemaError('invalid', 'The clock value must be a finite number');
  const isIn = typeof map.get('deletedAt') === 'number';
  if (deleted === isIn && (deleted || !map.has('deletedAt'))) return false;
  const stamps: Record<string, unknown> = {};
  stamp(def, stamps, { ...opts, now });
  doc.transact(() => {
    if (deleted) map.set('deletedAt', now);
    else map.delete('deletedAt');
    for (const [k, v] of Object.entries(stamps)) if (map.get(k) !== v) map.set(k, v);
  }, opts.origin ?? LOCAL_ORIGIN);
  return true;
}

/** Hard delete, for emptying the trash; also removes values that are not records at all. */
export function purgeRecord<F>(doc: Y.Doc, def: CollectionDef<F>, id: string, opts: WriteOptions = {}): boolean {
  const coll = collection(doc, def);
  if (!coll.has(id)) return false;
  doc.transact(() => coll.delete(id), opts.origin ?? LOCAL_ORIGIN);
  return true;
}

function readValue<F>(def: CollectionDef<F>, id: string, value: unknown): ReadResult<WithId<F>> {
  if (!(value instanceof Y.Map)) {
    const raw = value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Y.AbstractType)
      ? { ...(value as Record<string, unknown>) }
      : { value: plain(value) };
    return {
      ok: false,
      invalid: { collection: def.name, id, problems: [`record: must be a Y.Map of fields, found ${describeValue(value)}`], raw },
    };
  }
  const raw = readRaw(value as Y.Map<unknown>);
  const { record, problems } = def.validate(raw);
  if (!record) return { ok: false, invalid: { collection: def.name, id, problems, raw } };
  return { ok: true, record: { ...record, id } };
}

/** Undefined when no record has this id. */
export function readRecord<F>(doc: Y.Doc, def: CollectionDef<F>, id: string): ReadResult<WithId<F>> | undefined {
  const coll = collection(doc, def);
  if (!coll.has(id)) return undefined;
  return readValue(def, id, coll.get(id));
}

/** All records, soft-deleted ones included (filter with isDeleted). */
export function readRecords<F>(doc: Y.Doc, def: CollectionDef<F>): { records: WithId<F>[]; invalid: InvalidRecord[] } {
  const records: WithId<F>[] = [];
  const invalid: InvalidRecord[] = [];
  for (const [id, value] of collection(doc, def).entries()) {
    const result = readValue(def, id, value);
    if (result.ok) records.push(result.record);
    else invalid.push(result.invalid);
  }
  return { records, invalid };
}
