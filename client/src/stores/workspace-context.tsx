import { createContext, createEffect, createMemo, createSignal, getOwner, onCleanup, runWithOwner, useContext, type Accessor, type ParentProps } from 'solid-js';
import * as Y from 'yjs';
import type { CampaignRecord, ObservanceRecord, PhaseTemplateRecord, PlanRecord, SectionRecord, TeamRecord, UnitRecord } from '@shared/schema/types';
import { SYSTEM_ORIGIN, readCampaigns, readMeta, readPhaseTemplates, readPlans, readOwnObservances, readSections, readTeams, readUnits, roots } from '@shared/schema';
import type { ReadOnlyReason, Result, WorkspaceApi } from '@shared/workspace';
import { createWorkspaceReader, type WorkspaceReader } from '@shared/workspace/reader';
import type { IndexedEvent } from '../storage/event-index';
export { ALL_DATES } from '../storage/event-index';
import type { OpenWorkspace } from '../storage/open-workspace';
import { setRegistryName } from '../storage/workspace-registry';
import { createGroupRecordsWriter } from '../storage/group-records';
import { locale } from '../i18n';
import { createRecordLists, type RecordLists } from './record-lists';
import { displayName } from './display-name';
import { createSyncStore, type SyncApi } from './sync-store';
import { createLinkCounts, type LinkCount } from './link-counts';
import { createConflictStore, type ConflictStore } from './conflicts';
import { createPhaseLinkStore, type PhaseLinkStore } from './phase-links';
import { createReminderNotifier } from './reminder-notifier';
import type { ConflictIndex } from '@shared/tours';
import type { BrokenLink } from '@shared/phases';
import type { PhaseCascade } from '@shared/schema/doc';
import { todayIn } from '@shared/time/dates';

/**
 * Benchmarks and browser tests seed large workspaces through this hook (a Yjs update is
 * what a sync would deliver anyway); it exposes nothing a user's own devtools could not reach.
 */
function exposeTestHook(open: OpenWorkspace): void {
  (globalThis as { __cc?: unknown }).__cc = {
    id: open.id,
    applyUpdate: (update: Uint8Array) => Y.applyUpdate(open.doc, update, SYSTEM_ORIGIN),
    settled: () => open.index.settled(),
    pendingWork: () => open.index.pendingWork(),
    eventCount: () => roots(open.doc).events.size,
    query: (from: string, to: string) => open.index.query(from, to),
    doc: open.doc,
  };
}

/**
 * What a workspace screen gets: signals to read, the workspace reader, and the one write API
 * (`run`). Screens never see the Y.Doc: every change is a command (shared/src/workspace),
 * validated, recorded in the field history, undoable, and refused while read-only.
 */
export interface WorkspaceStore {
  id: string;
  lists: RecordLists;
  sync: SyncApi;
  name: Accessor<string>;
  timezone: Accessor<string>;
  /** The doc has loaded: edits may start (the calendar already shows the persisted index). */
  ready: Accessor<boolean>;
  /** Why nothing can be changed (a view link, a document from a newer app), or null. */
  readOnly: Accessor<ReadOnlyReason | null>;
  /** Loaded and not read-only. */
  canEdit: Accessor<boolean>;
  /** Bumps whenever the event index changed, so range views refetch. */
  revision: Accessor<number>;
  /** The document holds at least one event (live or in the trash); false until it has loaded. */
  hasEvents: Accessor<boolean>;
  /**
   * Plans, sections, campaigns and teams are known: from the doc, or before it has loaded from
   * their persisted copy (absent on a first open). Screens that group by them wait for this.
   */
  groupsKnown: Accessor<boolean>;
  /** Live (not deleted) plans, oldest first; small, re-read on any plan change. */
  plans: Accessor<PlanRecord[]>;
  /** Sections of the live plans, in outline order. */
  sections: Accessor<SectionRecord[]>;
  /** Live campaigns and teams: a few hundred at most, re-read on any change to them. */
  campaigns: Accessor<CampaignRecord[]>;
  /** Campaigns in the trash, newest first. */
  trashedCampaigns: Accessor<CampaignRecord[]>;
  teams: Accessor<TeamRecord[]>;
  /** Teams in the trash, newest first. */
  trashedTeams: Accessor<TeamRecord[]>;
  /** Live host units of the directory, by name; and those in the trash. */
  units: Accessor<UnitRecord[]>;
  trashedUnits: Accessor<UnitRecord[]>;
  /** The workspace's own anniversaries (live), shown with the observance catalogue. */
  ownObservances: Accessor<ObservanceRecord[]>;
  /** Look for due reminders now (after notifications were allowed); resolves to how many were shown. */
  checkReminders(): Promise<number>;
  /** Travel time between two sessions of one speaker or team (meta.travelBufferMinutes). */
  travelBuffer: Accessor<number>;
  /** Conflicts of the merged state (speakers, teams, places booked twice…); computed once asked for. */
  conflicts: Accessor<ConflictIndex | null>;
  /** Phases that start before their link allows (after merged offline moves), by id; computed once asked for. */
  brokenPhaseLinks: Accessor<ReadonlyMap<string, BrokenLink> | null>;
  /** How a move treats later phases (meta.phaseCascade). */
  phaseCascade: Accessor<PhaseCascade>;
  /** Phase templates saved in the workspace (live), and those in the trash. */
  savedTemplates: Accessor<PhaseTemplateRecord[]>;
  trashedTemplates: Accessor<PhaseTemplateRecord[]>;
  /** Own anniversaries in the trash, newest first. */
  trashedObservances: Accessor<ObservanceRecord[]>;
  /** Linked and done activities per section id, kept per changed event. */
  linkCounts: Accessor<Map<string, LinkCount>>;
  run: WorkspaceApi['run'];
  read: WorkspaceReader;
  /** Live events that may touch [from, to) (recurring series are returned whole, for expansion). */
  queryEvents(from: string, to: string): Promise<IndexedEvent[]>;
  /** The same answer without waiting, once the doc has loaded; null before (then ask queryEvents). */
  queryEventsNow(from: string, to: string): IndexedEvent[] | null;
  /** Read a range ahead of need. */
  prefetchEvents(from: string, to: string): Promise<void>;
  /** Start loading the doc now, and resolve once it (and the index check) has loaded. */
  whenLoaded(): Promise<void>;
  /** Ask for the doc to load (after the calendar's first paint from the index). */
  load(): void;
  canUndo: Accessor<boolean>;
  canRedo: Accessor<boolean>;
  undo(): void;
  redo(): void;
}

const Ctx = createContext<WorkspaceStore>();

export function useWorkspace(): WorkspaceStore {
  const store = useContext(Ctx);
  if (!store) throw new Error('useWorkspace outside a WorkspaceProvider');
  return store;
}

/**
 * Record lists compare by content: the doc's load re-reads what the persisted copy already
 * showed, and equal lists must not redraw the timeline (every bar would be re-created under
 * the user's pointer) or refetch the calendar.
 */
const sameContent = <T,>(a: T, b: T): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Everything a workspace screen needs, built once per opened workspace (like solid-realworld's store factories). */
export function WorkspaceProvider(props: ParentProps<{ open: OpenWorkspace }>) {
  const { doc, id } = props.open;
  const meta = roots(doc).meta;
  const [name, setName] = createSignal(props.open.registryName);
  const [ready, setReady] = createSignal(false);
  const [timezone, setTimezone] = createSignal(readMeta(doc).timezone);
  const [travelBuffer, setTravelBuffer] = createSignal(readMeta(doc).travelBufferMinutes);
  const [phaseCascade, setPhaseCascade] = createSignal<PhaseCascade>(readMeta(doc).phaseCascade);
  const [metaRevision, setMetaRevision] = createSignal(0);
  const onMeta = () => {
    const m = readMeta(doc);
    if (m.name) setName(m.name);
    setTimezone(m.timezone);
    setTravelBuffer(m.travelBufferMinutes);
    setPhaseCascade(m.phaseCascade);
    setMetaRevision((r) => r + 1);
    if (m.name) void setRegistryName(id, m.name);
  };
  meta.observe(onMeta);

  const [revision, setRevision] = createSignal(0);
  const offIndex = props.open.index.onChange(() => setRevision((r) => r + 1));

  // Plans and sections: a few hundred records at most, so a change simply re-reads them.
  // Until the doc has loaded they come from the persisted copy, so the timeline and the outline
  // paint at once; every change after the load is written back for the next cold open.
  const early = props.open.groupRecords;
  const [plans, setPlans] = createSignal<PlanRecord[]>([], { equals: sameContent });
  const [sections, setSections] = createSignal<SectionRecord[]>([], { equals: sameContent });
  const [allPlans, setAllPlans] = createSignal<PlanRecord[]>(early?.plans ?? []);
  const [allSections, setAllSections] = createSignal<SectionRecord[]>(early?.sections ?? []);
  const showOutline = (all: PlanRecord[], allS: SectionRecord[]) => {
    const live = all.filter((p) => p.deletedAt === undefined);
    const ids = new Set(live.map((p) => p.id));
    setPlans(live);
    setSections(allS.filter((s) => ids.has(s.planId)));
  };
  showOutline(allPlans(), allSections());
  const readOutline = () => {
    const all = readPlans(doc).plans;
    const allS = readSections(doc).sections;
    setAllPlans(all);
    setAllSections(allS);
    showOutline(all, allS);
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

  const [campaigns, setCampaigns] = createSignal<CampaignRecord[]>([], { equals: sameContent });
  const [trashedCampaigns, setTrashedCampaigns] = createSignal<CampaignRecord[]>([], { equals: sameContent });
  const [teams, setTeams] = createSignal<TeamRecord[]>([], { equals: sameContent });
  const [trashedTeams, setTrashedTeams] = createSignal<TeamRecord[]>([], { equals: sameContent });
  const [allCampaigns, setAllCampaigns] = createSignal<CampaignRecord[]>([]);
  const [allTeams, setAllTeams] = createSignal<TeamRecord[]>([]);
  const [units, setUnits] = createSignal<UnitRecord[]>([], { equals: sameContent });
  const [trashedUnits, setTrashedUnits] = createSignal<UnitRecord[]>([], { equals: sameContent });
  const [allUnits, setAllUnits] = createSignal<UnitRecord[]>([]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh');
  const showGroups = (all: CampaignRecord[], allT: TeamRecord[], allU: UnitRecord[]) => {
    setAllCampaigns(all);
    setAllTeams(allT);
    setAllUnits(allU);
    setCampaigns(all.filter((c) => c.deletedAt === undefined));
    setTrashedCampaigns(all.filter((c) => c.deletedAt !== undefined).sort((a, b) => b.deletedAt! - a.deletedAt!));
    setTeams(allT.filter((t) => t.deletedAt === undefined));
    setTrashedTeams(allT.filter((t) => t.deletedAt !== undefined).sort((a, b) => b.deletedAt! - a.deletedAt!));
    setUnits(allU.filter((u) => u.deletedAt === undefined).sort(byName));
    setTrashedUnits(allU.filter((u) => u.deletedAt !== undefined).sort((a, b) => b.deletedAt! - a.deletedAt!));
  };
  if (early) showGroups(early.campaigns, early.teams, early.units ?? []);
  // Compared by content: the calendar refetches when these change, and every change of a
  // campaign, team or unit re-reads them.
  const [ownObservances, setOwnObservances] = createSignal<ObservanceRecord[]>([], { equals: sameContent });
  const [trashedObservances, setTrashedObservances] = createSignal<ObservanceRecord[]>([], { equals: sameContent });
  const readGroups = () => {
    showGroups(readCampaigns(doc).campaigns, readTeams(doc).teams, readUnits(doc).units);
    const own = readOwnObservances(doc).observances;
    setOwnObservances(own.filter((o) => o.deletedAt === undefined));
    setTrashedObservances(own.filter((o) => o.deletedAt !== undefined).sort((a, b) => b.deletedAt! - a.deletedAt!));
  };
  let groupsQueued = false;
  const onGroups = () => {
    if (groupsQueued) return;
    groupsQueued = true;
    queueMicrotask(() => {
      groupsQueued = false;
      readGroups();
    });
  };
  roots(doc).campaigns.observeDeep(onGroups);
  roots(doc).teams.observeDeep(onGroups);
  roots(doc).units.observeDeep(onGroups);
  roots(doc).observances.observeDeep(onGroups);

  const sync = createSyncStore(props.open);
  // The write API (command table, draft and holiday rules) loads with the doc, after the
  // calendar's first paint from the index: nothing can be edited before the doc is loaded anyway.
  const [api, setApi] = createSignal<WorkspaceApi | null>(null);
  let offUndo = () => {};
  const [undoRevision, setUndoRevision] = createSignal(0);
  const readOnly = createMemo(() => {
    sync.access();
    metaRevision();
    return api()?.readOnly() ?? null;
  });
  const canUndo = createMemo(() => (undoRevision(), readOnly(), api()?.canUndo() ?? false));
  const canRedo = createMemo(() => (undoRevision(), readOnly(), api()?.canRedo() ?? false));
  const notReady: Result<never> = { ok: false, error: { code: 'failed', message: 'The workspace is still loading', problems: [] } };
  const run: WorkspaceApi['run'] = (name, input) => api()?.run(name, input) ?? notReady;

  const groupWriter = createGroupRecordsWriter(id);
  createEffect(() => {
    if (!ready()) return;
    const records = { plans: allPlans(), sections: allSections(), campaigns: allCampaigns(), teams: allTeams(), units: allUnits() };
    groupWriter.schedule(() => records);
  });

  const { lists, start: startLists, dispose } = createRecordLists(doc);
  // Counted only once someone looks (the outline panel, the plan page): one walk of the events.
  let counts: ReturnType<typeof createLinkCounts> | undefined;
  const linkCounts = () => (counts ??= createLinkCounts(doc)).counts();

  // Computed only once a screen asks (the teams page, an editor, a chart that marks conflicts).
  const owner = getOwner();
  let conflictStore: ConflictStore | undefined;
  const conflicts = () =>
    (conflictStore ??= runWithOwner(owner, () =>
      createConflictStore({
        revision,
        ready,
        timezone,
        bufferMinutes: travelBuffer,
        campaigns,
        today: () => todayIn(timezone()),
        queryAll: (from, to) => props.open.index.query(from, to),
      }),
    )!).index();

  let phaseLinkStore: PhaseLinkStore | undefined;
  const brokenPhaseLinks = () =>
    (phaseLinkStore ??= runWithOwner(owner, () => createPhaseLinkStore({ revision, ready, queryAll: (from, to) => props.open.index.query(from, to) }))!).broken();

  const [savedTemplates, setSavedTemplates] = createSignal<PhaseTemplateRecord[]>([], { equals: sameContent });
  const [trashedTemplates, setTrashedTemplates] = createSignal<PhaseTemplateRecord[]>([], { equals: sameContent });
  const readTemplates = () => {
    const all = readPhaseTemplates(doc).templates;
    setSavedTemplates(all.filter((t) => t.deletedAt === undefined));
    setTrashedTemplates(all.filter((t) => t.deletedAt !== undefined).sort((a, b) => b.deletedAt! - a.deletedAt!));
  };
  roots(doc).templates.observeDeep(readTemplates);
  onCleanup(() => roots(doc).templates.unobserveDeep(readTemplates));

  // Reminders become system notifications while the app is open (checked once loaded, then
  // every minute and whenever the tab becomes visible).
  const notifier = createReminderNotifier({ ws: id, ready, timezone, queryAll: (from, to) => props.open.index.query(from, to) });
  createEffect(() => ready() && void notifier.check());

  let disposed = false;
  void Promise.all([props.open.loaded, import('@shared/workspace')]).then(([, { createWorkspaceApi }]) => {
    if (disposed) return;
    const a = createWorkspaceApi(doc, { role: () => sync.access()?.role, by: () => displayName() || undefined, locale });
    offUndo = a.onUndoChange(() => setUndoRevision((r) => r + 1));
    setApi(a);
    onMeta();
    readOutline();
    readGroups();
    readTemplates();
    startLists();
    setReady(true);
  });

  exposeTestHook(props.open);
  // Tests ask for a check at once instead of waiting for the minute.
  ((globalThis as unknown as { __cc: Record<string, unknown> }).__cc).checkReminders = () => notifier.check();

  onCleanup(() => {
    disposed = true;
    (globalThis as { __cc?: unknown }).__cc = undefined;
    meta.unobserve(onMeta);
    roots(doc).plans.unobserveDeep(onOutline);
    roots(doc).sections.unobserveDeep(onOutline);
    roots(doc).campaigns.unobserveDeep(onGroups);
    roots(doc).teams.unobserveDeep(onGroups);
    roots(doc).units.unobserveDeep(onGroups);
    roots(doc).observances.unobserveDeep(onGroups);
    offIndex();
    offUndo();
    groupWriter.dispose();
    api()?.destroy();
    counts?.dispose();
    dispose();
  });

  const store: WorkspaceStore = {
    id,
    lists,
    sync,
    name,
    timezone,
    ready,
    groupsKnown: () => early !== null || ready(),
    readOnly,
    canEdit: () => ready() && readOnly() === null,
    revision,
    hasEvents: () => (revision(), ready() && roots(doc).events.size > 0),
    plans,
    sections,
    campaigns,
    trashedCampaigns,
    teams,
    trashedTeams,
    units,
    trashedUnits,
    ownObservances,
    linkCounts,
    travelBuffer,
    brokenPhaseLinks,
    phaseCascade,
    savedTemplates,
    trashedTemplates,
    trashedObservances,
    conflicts,
    checkReminders: () => notifier.check(),
    run,
    read: createWorkspaceReader(doc),
    queryEvents: (from, to) => props.open.index.query(from, to),
    queryEventsNow: (from, to) => props.open.index.queryNow(from, to),
    prefetchEvents: (from, to) => props.open.index.prefetch(from, to),
    whenLoaded: () => {
      props.open.load();
      return props.open.loaded;
    },
    load: () => props.open.load(),
    canUndo,
    canRedo,
    undo: () => void api()?.undo(),
    redo: () => void api()?.redo(),
  };
  return <Ctx.Provider value={store}>{props.children}</Ctx.Provider>;
}
