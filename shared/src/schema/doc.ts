import * as Y from 'yjs';
import { LOCAL_ORIGIN, SYSTEM_ORIGIN } from './origins';
import { SchemaError } from './errors';

/** Top-level shared types of a workspace document (Contract 1). */
export const ROOT_NAMES = {
  meta: 'meta',
  events: 'events',
  plans: 'plans',
  sections: 'sections',
  campaigns: 'campaigns',
  teams: 'teams',
  units: 'units',
  observances: 'observances',
  templates: 'templates',
} as const;

export type RootName = keyof typeof ROOT_NAMES;

/**
 * Bump only together with a migration (see migrateWorkspaceDoc and docs/schema.md).
 * 2: the `units` directory; teams' `leadUnit` and `campaignId`; events' `speakers`,
 *    `hostUnitId` and `audience`. Additions since, which need no version of their own (older
 *    apps keep unknown fields): events' `phase`, `after`, `lagDays`, `lagUnit`, `reminders`;
 *    the `observances` map; the `templates` map; meta `phaseCascade`.
 */
export const SCHEMA_VERSION = 2;

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** Names a workspace has before anyone names it: none, or the app's default (`untitledWorkspace` in client/src/i18n, both languages). */
export const UNTITLED_WORKSPACE_NAMES: readonly string[] = ['', '未命名工作区', 'Untitled workspace'];

/**
 * Values are typed `unknown`: a document is shared with other replicas and app versions,
 * so nothing read from it can be trusted to have the expected shape.
 */
export type WorkspaceRoots = { readonly [K in RootName]: Y.Map<unknown> };

export function roots(doc: Y.Doc): WorkspaceRoots {
  return {
    meta: doc.getMap<unknown>(ROOT_NAMES.meta),
    events: doc.getMap<unknown>(ROOT_NAMES.events),
    plans: doc.getMap<unknown>(ROOT_NAMES.plans),
    sections: doc.getMap<unknown>(ROOT_NAMES.sections),
    campaigns: doc.getMap<unknown>(ROOT_NAMES.campaigns),
    teams: doc.getMap<unknown>(ROOT_NAMES.teams),
    units: doc.getMap<unknown>(ROOT_NAMES.units),
    observances: doc.getMap<unknown>(ROOT_NAMES.observances),
    templates: doc.getMap<unknown>(ROOT_NAMES.templates),
  };
}

export interface WorkspaceMeta {
  name: string;
  timezone: string;
  schema: number;
  /** Travel time between two timed sessions of one speaker or team (conflict rule); default 60. */
  travelBufferMinutes: number;
  /** How moving a phase moves the phases after it (remembered per workspace); default keep-gaps. */
  phaseCascade: PhaseCascade;
}

export const PHASE_CASCADES = ['keep-gaps', 'on-overlap'] as const;
export type PhaseCascade = (typeof PHASE_CASCADES)[number];
export const isPhaseCascade = (v: unknown): v is PhaseCascade => PHASE_CASCADES.includes(v as PhaseCascade);

export const DEFAULT_TRAVEL_BUFFER_MINUTES = 60;
/** A buffer longer than a day would make every session of a week clash. */
export const MAX_TRAVEL_BUFFER_MINUTES = 24 * 60;

export function isTravelBuffer(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TRAVEL_BUFFER_MINUTES;
}

/** An IANA zone name this runtime knows. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * Fills in meta keys only where they are missing. Every replica runs this when it opens
 * a workspace, possibly offline; writing unconditionally would make each replica's open
 * a competing edit that could overwrite a rename made elsewhere.
 */
export function initWorkspaceDoc(
  doc: Y.Doc,
  init: { name: string; timezone?: string },
  origin: unknown = SYSTEM_ORIGIN,
): void {
  const { meta } = roots(doc);
  const wanted: Record<string, unknown> = {
    name: init.name,
    timezone: init.timezone ?? DEFAULT_TIMEZONE,
    schema: SCHEMA_VERSION,
  };
  const missing = Object.keys(wanted).filter((k) => !meta.has(k));
  if (missing.length === 0) return;
  doc.transact(() => {
    for (const k of missing) meta.set(k, wanted[k]);
  }, origin);
}

/**
 * Brings a document written by an older app up to SCHEMA_VERSION, keeping every field (run
 * after initWorkspaceDoc on every open). Version 2 only adds optional fields and a new map,
 * so a version-1 document is already valid: the migration records the version, which tells
 * version-1 apps the document now holds data they do not know (they open it read-only rather
 * than edit around the directory), and gives teams whose `members` is missing an empty list.
 * Idempotent and the same on every replica, so two replicas migrating offline agree.
 * Returns whether anything was written.
 */
export function migrateWorkspaceDoc(doc: Y.Doc, origin: unknown = SYSTEM_ORIGIN): boolean {
  const { meta, teams } = roots(doc);
  const schema = meta.get('schema');
  if (typeof schema !== 'number' || schema >= SCHEMA_VERSION) return false;
  doc.transact(() => {
    if (schema < 2) {
      for (const team of teams.values()) {
        if (team instanceof Y.Map && !team.has('members')) team.set('members', new Y.Array<string>());
      }
    }
    meta.set('schema', SCHEMA_VERSION);
  }, origin);
  return true;
}

/**
 * Never throws: a garbage meta value falls back to a default so the workspace still
 * opens. A missing schema means the doc was never initialised, i.e. the current version.
 */
export function readMeta(doc: Y.Doc): WorkspaceMeta {
  const { meta } = roots(doc);
  const name = meta.get('name');
  const timezone = meta.get('timezone');
  const schema = meta.get('schema');
  const buffer = meta.get('travelBufferMinutes');
  const cascade = meta.get('phaseCascade');
  return {
    phaseCascade: isPhaseCascade(cascade) ? cascade : 'keep-gaps',
    travelBufferMinutes: isTravelBuffer(buffer) ? buffer : DEFAULT_TRAVEL_BUFFER_MINUTES,
    name: typeof name === 'string' ? name : '',
    timezone: isTimeZone(timezone) ? timezone : DEFAULT_TIMEZONE,
    schema: typeof schema === 'number' && Number.isInteger(schema) && schema > 0 ? schema : SCHEMA_VERSION,
  };
}

/** True when the document was written by a newer app: this one must not edit it. */
export function isNewerSchema(doc: Y.Doc): boolean {
  return readMeta(doc).schema > SCHEMA_VERSION;
}

export function setWorkspaceName(doc: Y.Doc, name: string, origin: unknown = LOCAL_ORIGIN): void {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new SchemaError('invalid', 'Workspace name must be non-empty text', ['name: must be non-empty text']);
  }
  const { meta } = roots(doc);
  if (meta.get('name') === name) return;
  doc.transact(() => meta.set('name', name), origin);
}

export function setWorkspaceTimezone(doc: Y.Doc, timezone: string, origin: unknown = LOCAL_ORIGIN): boolean {
  if (!isTimeZone(timezone)) {
    throw new SchemaError('invalid', `Not a time zone: "${String(timezone)}"`, ['timezone: must be an IANA time zone such as Asia/Shanghai']);
  }
  const { meta } = roots(doc);
  if (meta.get('timezone') === timezone) return false;
  doc.transact(() => meta.set('timezone', timezone), origin);
  return true;
}
