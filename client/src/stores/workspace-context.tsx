import { createContext, createSignal, onCleanup, useContext, type Accessor, type ParentProps } from 'solid-js';
import * as Y from 'yjs';
import type { EventFields, PlanRecord, SectionRecord } from '@shared/schema/types';
import {
  LOCAL_ORIGIN,
  SYSTEM_ORIGIN,
  createEventWithHistory,
  purgeEvent,
  readMeta,
  restoreEvent,
  roots,
  setWorkspaceName,
  softDeleteEvent,
  updateEventWithHistory,
  HISTORY_ROOT,
  readPlans,
  readSections,
} from '@shared/schema';
import type { OpenWorkspace } from '../storage/open-workspace';
import { setRegistryName } from '../storage/workspace-registry';
import { createRecordLists, type RecordLists } from './record-lists';
import { displayName } from './display-name';
import { createSyncStore, type SyncApi } from './sync-store';

/**
 * Benchmarks and browser tests seed large workspaces through this hook (a Yjs update is
 * what a sync would deliver anyway); it exposes nothing a user's own devtools could not reach.
 */
function exposeTestHook(open: OpenWorkspace): void {
  (globalThis as { __cc?: unknown }).__cc = {
    id: open.id,
    applyUpdate: (update: Uint8Array) => Y.applyUpdate(open.doc, update, SYSTEM_ORIGIN),
    settled: () => open.index.settled(),
    eventCount: () => roots(open.doc).events.size,
    query: (from: string, to: string) => open.index.query(from, to),
    doc: open.doc,
  };
}

/** A new record stores only what was filled in: no empty strings or lists. */
function withoutEmpty(fields: EventFields): EventFields {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as unknown as EventFields;
}

export interface WorkspaceApi {
  id: string;
  doc: Y.Doc;
  open: OpenWorkspace;
  lists: RecordLists;
  sync: SyncApi;
  name: Accessor<string>;
  timezone: Accessor<string>;
  /** The doc has loaded: edits may start (the calendar already shows the persisted index). */
  ready: Accessor<boolean>;
  /** Bumps whenever the event index changed, so range views refetch. */
  revision: Accessor<number>;
  /** Live (not deleted) plans, oldest first; small, re-read on any plan change. */
  plans: Accessor<PlanRecord[]>;
  /** Sections of the live plans, in outline order. */
  sections: Accessor<SectionRecord[]>;
  canUndo: Accessor<boolean>;
  canRedo: Accessor<boolean>;
  rename(name: string): void;
  createEvent(fields: EventFields): string;
  updateEvent(id: string, patch: Partial<EventFields>): void;
  deleteEvent(id: string): void;
  restoreEvent(id: string): void;
  purgeEvent(id: string): void;
  undo(): void;
  redo(): void;
}

const Ctx = createContext<WorkspaceApi>();

export function useWorkspace(): WorkspaceApi {
  const api = useContext(Ctx);
  if (!api) throw new Error('useWorkspace outside a WorkspaceProvider');
  return api;
}

/** Everything a workspace screen needs, built once per opened workspace (like solid-realworld's store factories). */
export function WorkspaceProvider(props: ParentProps<{ open: OpenWorkspace }>) {
  const { doc, id } = props.open;
  const meta = roots(doc).meta;
  const [name, setName] = createSignal(props.open.registryName);
  const [ready, setReady] = createSignal(false);
  const [timezone, setTimezone] = createSignal(readMeta(doc).timezone);
  const onMeta = () => {
    const m = readMeta(doc);
    if (m.name) setName(m.name);
    setTimezone(m.timezone);
    if (m.name) void setRegistryName(id, m.name);
  };
  meta.observe(onMeta);

  const [revision, setRevision] = createSignal(0);
  const offIndex = props.open.index.onChange(() => setRevision((r) => r + 1));

  // Only this user's edits are undoable; edits from other tabs or peers are not.
  // Plans and sections: a few hundred records at most, so a change simply re-reads them.
  const [plans, setPlans] = createSignal<PlanRecord[]>([]);
  const [sections, setSections] = createSignal<SectionRecord[]>([]);
  const readOutline = () => {
    const live = readPlans(doc).plans.filter((p) => p.deletedAt === undefined);
    const ids = new Set(live.map((p) => p.id));
    setPlans(live);
    setSections(readSections(doc).sections.filter((s) => ids.has(s.planId)));
  };
  let outlineQueued = false;
  const onOutline = () => {
    if (outlineQueued) return;
    outlineQueued = true;
    queueMicrotask(() => {
      outlineQueued = false;
      readOutline();
    });
  };
  roots(doc).plans.observeDeep(onOutline);
  roots(doc).sections.observeDeep(onOutline);

  const undoManager = new Y.UndoManager([roots(doc).events, roots(doc).campaigns, roots(doc).teams, roots(doc).plans, roots(doc).sections, doc.getMap(HISTORY_ROOT)], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: 400,
  });
  const [canUndo, setCanUndo] = createSignal(false);
  const [canRedo, setCanRedo] = createSignal(false);
  const onStack = () => {
    setCanUndo(undoManager.undoStack.length > 0);
    setCanRedo(undoManager.redoStack.length > 0);
  };
  undoManager.on('stack-item-added', onStack);
  undoManager.on('stack-item-popped', onStack);
  undoManager.on('stack-cleared', onStack);

  const { lists, start: startLists, dispose } = createRecordLists(doc);
  const sync = createSyncStore(props.open);
  void props.open.loaded.then(() => {
    onMeta();
    readOutline();
    startLists();
    setReady(true);
  });
  const by = () => displayName() || undefined;

  exposeTestHook(props.open);

  onCleanup(() => {
    (globalThis as { __cc?: unknown }).__cc = undefined;
    meta.unobserve(onMeta);
    roots(doc).plans.unobserveDeep(onOutline);
    roots(doc).sections.unobserveDeep(onOutline);
    offIndex();
    undoManager.destroy();
    dispose();
  });

  const api: WorkspaceApi = {
    id,
    doc,
    open: props.open,
    lists,
    sync,
    name,
    timezone,
    ready,
    revision,
    plans,
    sections,
    canUndo,
    canRedo,
    rename: (n) => setWorkspaceName(doc, n, LOCAL_ORIGIN),
    createEvent: (fields) => createEventWithHistory(doc, withoutEmpty(fields), { by: by(), origin: LOCAL_ORIGIN }),
    updateEvent: (eid, patch) => updateEventWithHistory(doc, eid, patch, { by: by(), origin: LOCAL_ORIGIN }),
    deleteEvent: (eid) => softDeleteEvent(doc, eid, { by: by(), origin: LOCAL_ORIGIN }),
    restoreEvent: (eid) => restoreEvent(doc, eid, { by: by(), origin: LOCAL_ORIGIN }),
    purgeEvent: (eid) => purgeEvent(doc, eid, { origin: LOCAL_ORIGIN }),
    undo: () => undoManager.undo(),
    redo: () => undoManager.redo(),
  };
  return <Ctx.Provider value={api}>{props.children}</Ctx.Provider>;
}
