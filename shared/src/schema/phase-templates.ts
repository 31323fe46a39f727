import type * as Y from 'yjs';
import { PHASE_TEMPLATE_FIELD_TABLE } from './fields';
import { readRecords, type CollectionDef } from './records';
import type { InvalidRecord, PhaseTemplateFields, PhaseTemplateRecord } from './types';
import { validatePhaseTemplateFields } from './validate';

/** Phase templates the workspace saved (from a contest's phases), beside the built-in ones. */
export const PHASE_TEMPLATES: CollectionDef<PhaseTemplateFields> = {
  name: 'templates',
  noun: 'template',
  table: PHASE_TEMPLATE_FIELD_TABLE,
  validate: validatePhaseTemplateFields,
  stamped: false,
};

export function readPhaseTemplates(doc: Y.Doc): { templates: PhaseTemplateRecord[]; invalid: InvalidRecord[] } {
  const { records, invalid } = readRecords(doc, PHASE_TEMPLATES);
  return { templates: records, invalid };
}
