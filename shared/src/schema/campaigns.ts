import type * as Y from 'yjs';
import { CAMPAIGN_FIELD_TABLE } from './fields';
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
import type { CampaignFields, CampaignRecord, InvalidRecord, ReadResult } from './types';
import { validateCampaignFields } from './validate';

export const CAMPAIGNS: CollectionDef<CampaignFields> = {
  name: 'campaigns',
  noun: 'campaign',
  table: CAMPAIGN_FIELD_TABLE,
  validate: validateCampaignFields,
  stamped: false,
};

export function createCampaign(doc: Y.Doc, fields: CampaignFields, opts?: CreateOptions): string {
  return createRecord(doc, CAMPAIGNS, fields, opts);
}

export function updateCampaign(doc: Y.Doc, id: string, patch: Partial<CampaignFields>, opts?: WriteOptions): boolean {
  return updateRecord(doc, CAMPAIGNS, id, patch, opts);
}

export function softDeleteCampaign(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return setRecordDeleted(doc, CAMPAIGNS, id, true, opts);
}

export function restoreCampaign(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return setRecordDeleted(doc, CAMPAIGNS, id, false, opts);
}

export function purgeCampaign(doc: Y.Doc, id: string, opts?: WriteOptions): boolean {
  return purgeRecord(doc, CAMPAIGNS, id, opts);
}

export function readCampaign(doc: Y.Doc, id: string): ReadResult<CampaignRecord> | undefined {
  return readRecord(doc, CAMPAIGNS, id);
}

export function readCampaigns(doc: Y.Doc): { campaigns: CampaignRecord[]; invalid: InvalidRecord[] } {
  const { records, invalid } = readRecords(doc, CAMPAIGNS);
  return { campaigns: records, invalid };
}
