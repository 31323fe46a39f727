import type * as Y from 'yjs';
import { readCampaign, readCampaigns } from '../schema/campaigns';
import { readMeta } from '../schema/doc';
import { readEvent, readEvents } from '../schema/events';
import { lostValues, readHistory } from '../schema/history';
import { readPlan, readPlans, readTray } from '../schema/plans';
import { isDeleted } from '../schema/records';
import { readSections } from '../schema/sections';
import { readTeams } from '../schema/teams';

/**
 * The read side that screens get (through the client's stores) instead of the Y.Doc: every
 * reader validates and never throws, so a damaged record comes back as "needs attention".
 */
export function createWorkspaceReader(doc: Y.Doc) {
  return {
    meta: () => readMeta(doc),
    event: (id: string) => readEvent(doc, id),
    /** All events, soft-deleted included, and the invalid ones. */
    events: () => readEvents(doc),
    liveEvents: () => readEvents(doc).events.filter((e) => !isDeleted(e)),
    /** Field history of a record, oldest first. */
    history: (id: string) => readHistory(doc, id),
    /** Values of the record overwritten by concurrent edits (see schema/history.ts). */
    lostValues: (record: { id: string }) => lostValues(doc, record),
    plan: (id: string) => readPlan(doc, id),
    plans: () => readPlans(doc),
    /** The tray of a live plan: undated drafts waiting for a day. */
    tray: (planId: string) => {
      const read = readPlan(doc, planId);
      return read?.ok ? readTray(read.record) : [];
    },
    sections: (planId?: string) => readSections(doc, planId),
    campaign: (id: string) => readCampaign(doc, id),
    liveCampaigns: () => readCampaigns(doc).campaigns.filter((c) => !isDeleted(c)),
    liveTeams: () => readTeams(doc).teams.filter((t) => !isDeleted(t)),
  };
}

export type WorkspaceReader = ReturnType<typeof createWorkspaceReader>;
