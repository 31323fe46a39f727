import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import type { CampaignRecord, EventRecord, PlanRecord, SectionRecord, TeamRecord, UnitRecord } from '@shared/schema/types';
import type { Role } from '@shared/protocol';
import { journalMiddleware } from './unsaved-journal';

/** How this device reaches a workspace on the relay (absent: the workspace is local only). */
export interface WorkspaceAccess {
  role: Role;
  token: string;
  /** Kept by the owner, to show share links and rotate them. */
  links?: { ownerToken: string; editToken: string; viewToken: string };
}

/** One row per workspace known on this device; `doc` is the workspace's Y.Doc, stored by y-dexie. */
export interface WorkspaceRow {
  id: string;
  name: string;
  createdAt: number;
  openedAt: number;
  doc: Y.Doc;
  /** State vector of the doc when the event index was last brought up to date (skip rebuilds on open). */
  indexedState?: Uint8Array;
  /** State vector of the rows when the events' snapshot was written (it is valid while equal to indexedState). */
  snapshotState?: Uint8Array;
  /** Longest event span in days, so range queries by start can reach back far enough. */
  maxSpanDays?: number;
  /** Relay access for this workspace; absent while it is local only. */
  access?: WorkspaceAccess;
}

/**
 * Projection of live (not deleted, valid) events for range queries by start.
 * Derived data: rebuilt from the doc whenever it may be stale, never the source of truth.
 */
export interface EventIndexRow {
  ws: string;
  id: string;
  start: string;
  /** Effective exclusive end (defaults applied), comparable as a string with `start`. */
  end: string;
  /** 1 when the event has an RRULE: those are expanded per range instead of indexed by start. */
  recurring: 0 | 1;
  record: EventRecord;
  /** A value of this event was overwritten by a concurrent edit (see shared/src/schema/history.ts). */
  conflicted?: boolean;
}

/**
 * The small records screens group by (plans, sections, campaigns, teams, units) as of the last time
 * they changed: derived from the doc like the event index, so the timeline and the outline can
 * paint before the doc has loaded. Never the source of truth.
 */
export interface GroupRecordsRow {
  ws: string;
  plans: PlanRecord[];
  sections: SectionRecord[];
  /** Live and trashed. */
  campaigns: CampaignRecord[];
  teams: TeamRecord[];
  /** Live and trashed (absent in rows written before the units directory). */
  units?: UnitRecord[];
}

/** Every live event of a workspace as one JSON value (see event-snapshot.ts). */
export interface EventSnapshotRow {
  ws: string;
  /** JSON of the IndexedEvent[] the rows held. */
  events: string;
}

/** A reminder this device has shown (so it never shows twice), by its stable key. */
export interface ShownReminderRow {
  key: string;
  ws: string;
  shownAt: number;
}

export type CalendarDb = Dexie & {
  workspaces: EntityTable<WorkspaceRow, 'id'>;
  eventIndex: EntityTable<EventIndexRow, 'id'>;
  groupRecords: EntityTable<GroupRecordsRow, 'ws'>;
  eventSnapshots: EntityTable<EventSnapshotRow, 'ws'>;
  shownReminders: EntityTable<ShownReminderRow, 'key'>;
};

export const DB_NAME = 'campaign-calendar';

export function openDb(name = DB_NAME): CalendarDb {
  const db = new Dexie(name, { addons: [yDexie] }) as CalendarDb;
  db.version(1).stores({
    workspaces: 'id, openedAt, doc: Y.Doc',
    eventIndex: '[ws+id], [ws+start], [ws+recurring]',
  });
  db.version(2).stores({ groupRecords: 'ws', eventSnapshots: 'ws' });
  db.version(3).stores({ shownReminders: 'key, ws' });
  db.use(journalMiddleware);
  return db;
}

let shared: CalendarDb | undefined;
/** The app's single database connection. */
export function db(): CalendarDb {
  shared ??= openDb();
  return shared;
}
