import type * as Y from 'yjs';
import { TEAM_FIELD_TABLE } from './fields';
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
import type { TeamFields, TeamRecord, InvalidRecord, ReadResult } from './types';
import { validateTeamFields } from './validate';

export const TEAMS: CollectionDef<TeamFields> = {
  name: 'teams',
  noun: 'team',
  table: TEAM_FIELD_TABLE,
  validate: validateTeamFields,
  stamped: false,
};

export function createTeam(doc: Y.Doc, fields: TeamFields, opts?: CreateOptions): string {
  return createRecord(doc, TEAMS, fields, opts);
}

export function updateTeam(doc: Y.Doc, id: string, patch: Partial<TeamFields>, opts?: WriteOptions): boolean {
  return updateRecord(doc, TEAMS, id, patch, opts);
}

export function softDeleteTeam(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return setRecordDeleted(doc, TEAMS, id, true, opts);
}

export function restoreTeam(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return setRecordDeleted(doc, TEAMS, id, false, opts);
}

export function purgeTeam(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return purgeRecord(doc, TEAMS, id, opts);
}

export function readTeam(doc: Y.Doc, id: string): ReadResult<TeamRecord> | undefined {
  return readRecord(doc, TEAMS, id);
}

export function readTeams(doc: Y.Doc): { teams: TeamRecord[]; invalid: InvalidRecord[] } {
  const { records, invalid } = readRecords(doc, TEAMS);
  return { teams: records, invalid };
}
