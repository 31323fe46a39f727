import type * as Y from 'yjs';
import { OBSERVANCE_FIELD_TABLE } from './fields';
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
import type { ObservanceFields, ObservanceRecord, InvalidRecord, ReadResult } from './types';
import { validateObservanceFields } from './validate';

export const OWN_OBSERVANCES: CollectionDef<ObservanceFields> = {
  name: 'observances',
  noun: 'observance',
  table: OBSERVANCE_FIELD_TABLE,
  validate: validateObservanceFields,
  stamped: false,
};

export function createObservance(doc: Y.Doc, fields: ObservanceFields, opts?: CreateOptions): string {
  return createRecord(doc, OWN_OBSERVANCES, fields, opts);
}

export function updateObservance(doc: Y.Doc, id: string, patch: Partial<ObservanceFields>, opts?: WriteOptions): boolean {
  return updateRecord(doc, OWN_OBSERVANCES, id, patch, opts);
}

export function softDeleteObservance(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return setRecordDeleted(doc, OWN_OBSERVANCES, id, true, opts);
}

export function restoreObservance(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return setRecordDeleted(doc, OWN_OBSERVANCES, id, false, opts);
}

export function purgeObservance(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return purgeRecord(doc, OWN_OBSERVANCES, id, opts);
}

export function readOwnObservance(doc: Y.Doc, id: string): ReadResult<ObservanceRecord> | undefined {
  return readRecord(doc, OWN_OBSERVANCES, id);
}

export function readOwnObservances(doc: Y.Doc): { observances: ObservanceRecord[]; invalid: InvalidRecord[] } {
  const { records, invalid } = readRecords(doc, OWN_OBSERVANCES);
  return { observances: records, invalid };
}
