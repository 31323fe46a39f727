import type * as Y from 'yjs';
import { EVENT_FIELD_TABLE } from './fields';
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
import type { EventFields, EventRecord, InvalidRecord, ReadResult } from './types';
import { validateEventFields } from './validate';

export const EVENTS: CollectionDef<EventFields> = {
  name: 'events',
  noun: 'event',
  table: EVENT_FIELD_TABLE,
  validate: validateEventFields,
  stamped: true,
};

/** Throws (leaving the doc untouched) if the fields are invalid. Returns the new id. */
export function createEvent(doc: Y.Doc, fields: EventFields, opts?: CreateOptions): string {
  return createRecord(doc, EVENTS, fields, opts);
}

/** Throws if the id is unknown or the merged record would be invalid. False = nothing changed. */
export function updateEvent(doc: Y.Doc, id: string, patch: Partial<EventFields>, opts?: WriteOptions): boolean {
  return updateRecord(doc, EVENTS, id, patch, opts);
}

export function softDeleteEvent(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return setRecordDeleted(doc, EVENTS, id, true, opts);
}

export function restoreEvent(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return setRecordDeleted(doc, EVENTS, id, false, opts);
}

export function purgeEvent(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return purgeRecord(doc, EVENTS, id, opts);
}

export function readEvent(doc: Y.Doc, id: string): ReadResult<EventRecord> | undefined {
  return readRecord(doc, EVENTS, id);
}

export function readEvents(doc: Y.Doc): { events: EventRecord[]; invalid: InvalidRecord[] } {
  const { records, invalid } = readRecords(doc, EVENTS);
  return { events: records, invalid };
}
