import { flattenTree, sectionTree } from '../schema/sections';
import type { CampaignRecord, EventKind, PlanRecord, SectionRecord, TeamRecord } from '../schema/types';
import { EVENT_KINDS } from '../schema/types';
import type { TimelineItem } from './items';
import { layoutRowLanes, type RowPhases } from './phase-lanes';

export type GroupBy = 'section' | 'campaign' | 'team' | 'kind' | 'unit';
export const GROUP_BYS: readonly GroupBy[] = ['section', 'campaign', 'team', 'kind', 'unit'];

/** Key of the row for items linked to nothing (未关联). */
export const UNLINKED = '__unlinked';

/** One row of the chart: a group's header and its items, stacked in lanes. */
export interface TimelineRow {
  /** `data-group`: section, plan, campaign or team id, kind, unit name, or UNLINKED. */
  key: string;
  title: string;
  /** Section label (一、 (一) 1、), sections only. */
  label?: string;
  /** Nesting for sections (a plan header is 0, its top sections 1). */
  depth: number;
  items: TimelineItem[];
  /** Lane of each item (same order); a phase overlapping another of its lane sits half a lane lower (n + 0.5). */
  lanes: number[];
  /** Lanes the row needs (can end in .5 when a row holds overlapping phases). */
  laneCount: number;
  /** Contests and exhibitions in this row: brackets, phases and their links (absent in a row without phases). */
  phases?: RowPhases;
  /** Activities (occurrences of a series count once) and how many are done. */
  counts: { activities: number; done: number };
  /** Nothing scheduled in this window (尚无安排). */
  empty: boolean;
  /** Has nested rows (a section with subsections, or a plan). */
  parent: boolean;
  collapsed: boolean;
  unlinked?: boolean;
}

export interface RowsInput {
  groupBy: GroupBy;
  items: readonly TimelineItem[];
  plans?: readonly PlanRecord[];
  sections?: readonly SectionRecord[];
  campaigns?: readonly CampaignRecord[];
  teams?: readonly TeamRecord[];
  /** Keys of collapsed rows (sections or plans): their descendants are hidden. */
  collapsed?: ReadonlySet<string>;
  /** Row titles that depend on the language. */
  names: { unlinked: string; kind: (k: EventKind) => string };
  /** Minimum lane footprint of a marker, in days (so two markers on a day stack). */
  markerDays?: number;
  /** Footprint of a phase's dot, in days: phases of one lane closer than this overlap (default markerDays). */
  dotDays?: number;
}

interface Draft {
  key: string;
  title: string;
  label?: string;
  depth: number;
  items: TimelineItem[];
  parent?: boolean;
  unlinked?: boolean;
  /** Hidden under a collapsed ancestor. */
  hidden?: boolean;
}

function finish(d: Draft, collapsed: ReadonlySet<string>, markerDays: number, dotDays: number): TimelineRow {
  const items = [...d.items].sort((a, b) => a.s - b.s || (a.type === b.type ? 0 : a.type === 'campaign' ? -1 : 1));
  const { lanes, count, phases } = layoutRowLanes(items, markerDays, dotDays);
  const activities = new Map<string, boolean>();
  for (const i of items) if (i.type === 'event') activities.set(i.id, (activities.get(i.id) ?? false) || i.status === 'done');
  return {
    key: d.key,
    title: d.title,
    label: d.label,
    depth: d.depth,
    items,
    lanes,
    laneCount: count,
    ...(phases ? { phases } : {}),
    counts: { activities: activities.size, done: [...activities.values()].filter(Boolean).length },
    empty: items.length === 0,
    parent: !!d.parent,
    collapsed: collapsed.has(d.key),
    unlinked: d.unlinked,
  };
}

/**
 * Groups items into rows. By section: every live plan's outline in its order and nesting
 * (a plan header row first when there are several plans), an item in the row of each
 * section it links to; by campaign: a row per campaign with its bar and its activities;
 * by team, kind or lead unit: a row per value. Items linked to nothing go to a last
 * 未关联 row (only when there are some). Rows under a collapsed row are left out.
 *
 * A phase of a contest or an exhibition goes wherever its main event goes (when the main is
 * among the items), even if its own sections, campaign, team, kind or unit differ, so a
 * contest is never split over rows; in its row its phases share a lane (layoutRowLanes).
 */
export function buildRows(input: RowsInput): TimelineRow[] {
  const collapsed = input.collapsed ?? new Set<string>();
  const markerDays = input.markerDays ?? 1;
  const dotDays = input.dotDays ?? markerDays;
  const drafts: Draft[] = [];
  const unlinked: TimelineItem[] = [];
  const byKey = new Map<string, Draft>();
  const add = (d: Draft) => {
    drafts.push(d);
    byKey.set(d.key, d);
  };
  // The item whose grouping decides where an item goes: a phase's main event when it is here.
  let mainOf: Map<string, TimelineItem> | null = null;
  for (const item of input.items) if (item.parentId !== undefined) (mainOf ??= new Map()).set(item.parentId, item);
  if (mainOf) {
    const ids = mainOf;
    mainOf = new Map();
    for (const item of input.items) if (item.type === 'event' && !item.occurrence && item.parentId === undefined && ids.has(item.id)) mainOf.set(item.id, item);
  }
  const by = (item: TimelineItem): TimelineItem => (mainOf && item.parentId !== undefined ? mainOf.get(item.parentId) ?? item : item);
  const place = (keys: readonly string[], item: TimelineItem) => {
    const rows = keys.map((k) => byKey.get(k)).filter((d): d is Draft => !!d);
    if (rows.length === 0) unlinked.push(item);
    for (const d of rows) d.items.push(item);
  };

  switch (input.groupBy) {
    case 'section': {
      const plans = input.plans ?? [];
      const sections = input.sections ?? [];
      const livePlans = plans.filter((p) => p.deletedAt === undefined);
      const header = livePlans.length > 1;
      for (const plan of livePlans) {
        const nodes = flattenTree(sectionTree(sections.filter((s) => s.planId === plan.id)));
        if (header) add({ key: plan.id, title: plan.title, depth: 0, items: [], parent: nodes.length > 0 });
        for (const n of nodes) add({ key: n.section.id, title: n.section.title, label: n.section.label, depth: n.depth, items: [], parent: n.children.length > 0 });
      }
      for (const item of input.items) place(by(item).sectionIds, item);
      break;
    }
    case 'campaign': {
      for (const c of input.campaigns ?? []) if (c.deletedAt === undefined) add({ key: c.id, title: c.title, depth: 0, items: [] });
      for (const item of input.items) {
        const g = by(item);
        place(g.type === 'campaign' ? [g.id] : g.campaignId ? [g.campaignId] : [], item);
      }
      break;
    }
    case 'team': {
      for (const t of input.teams ?? []) if (t.deletedAt === undefined) add({ key: t.id, title: t.name, depth: 0, items: [] });
      for (const item of input.items) {
        const g = by(item);
        place(g.teamId ? [g.teamId] : [], item);
      }
      break;
    }
    case 'kind': {
      for (const k of EVENT_KINDS) add({ key: k, title: input.names.kind(k), depth: 0, items: [] });
      for (const item of input.items) {
        const g = by(item);
        place(g.kind ? [g.kind] : [], item);
      }
      // Kinds with nothing are noise here (eleven of them): keep only those in use.
      for (const k of EVENT_KINDS) if (byKey.get(k)!.items.length === 0) drafts.splice(drafts.indexOf(byKey.get(k)!), 1);
      break;
    }
    case 'unit': {
      const units = [...new Set(input.items.map((i) => by(i).leadUnit?.trim()).filter((u): u is string => !!u))].sort((a, b) => a.localeCompare(b, 'zh'));
      for (const u of units) add({ key: u, title: u, depth: 0, items: [] });
      for (const item of input.items) {
        const u = by(item).leadUnit?.trim();
        place(u ? [u] : [], item);
      }
      break;
    }
  }
  if (unlinked.length > 0) drafts.push({ key: UNLINKED, title: input.names.unlinked, depth: 0, items: unlinked, unlinked: true });

  // Hide what is under a collapsed row (depth-first order: descendants follow their row with a greater depth).
  const out: TimelineRow[] = [];
  let hideBelow: number | null = null;
  for (const d of drafts) {
    if (hideBelow !== null && d.depth > hideBelow && !d.unlinked) continue;
    hideBelow = null;
    const row = finish(d, collapsed, markerDays, dotDays);
    if (row.collapsed && row.parent) hideBelow = d.depth;
    out.push(row);
  }
  return out;
}
