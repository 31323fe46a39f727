import type * as Y from 'yjs';
import { UNIT_FIELD_TABLE } from './fields';
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
import type { UnitFields, UnitRecord, InvalidRecord, ReadResult } from './types';
import { validateUnitFields } from './validate';

export const UNITS: CollectionDef<UnitFields> = {
  name: 'units',
  noun: 'unit',
  table: UNIT_FIELD_TABLE,
  validate: validateUnitFields,
  stamped: false,
};

export function createUnit(doc: Y.Doc, fields: UnitFields, opts?: CreateOptions): string {
  return createRecord(doc, UNITS, fields, opts);
}

export function updateUnit(doc: Y.Doc, id: string, patch: Partial<UnitFields>, opts?: WriteOptions): boolean {
  return updateRecord(doc, UNITS, id, patch, opts);
}

export function softDeleteUnit(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return setRecordDeleted(doc, UNITS, id, true, opts);
}

export function restoreUnit(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return setRecordDeleted(doc, UNITS, id, false, opts);
}

export function purgeUnit(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return purgeRecord(doc, UNITS, id, opts);
}

export function readUnit(doc: Y.Doc, id: string): ReadResult<UnitRecord> | undefined {
  return readRecord(doc, UNITS, id);
}

export function readUnits(doc: Y.Doc): { units: UnitRecord[]; invalid: InvalidRecord[] } {
  const { records, invalid } = readRecords(doc, UNITS);
  return { units: records, invalid };
}
