import type * as Y from 'yjs';
import { OBSERVANCE_FIELD_TABLE } from './fields';
import { createRecord, readRecords, type CollectionDef, type CreateOptions } from './records';
import type { ObservanceFields, ObservanceRecord, InvalidRecord } from './types';
import { validateObservanceFields } from './validate';

/** Written through the `observance.*` commands (recordCommands); these two serve seeding and reading. */
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

export function readOwnObservances(doc: Y.Doc): { observances: ObservanceRecord[]; invalid: InvalidRecord[] } {
  const { records, invalid } = readRecords(doc, OWN_OBSERVANCES);
  return { observances: records, invalid };
}
