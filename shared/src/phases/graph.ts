/**
 * The `after` links among one main event's phases, as a graph. Each phase follows at most one
 * other, so the links form a forest unless an edit (or two merged offline edits) closed a loop;
 * a loop has no valid placement, so every operation refuses it with `PhaseCycleError` naming the
 * phases instead of looping or silently picking an order.
 */
import type { EventRecord } from '../schema/types';

export class PhaseCycleError extends Error {
  override readonly name = 'PhaseCycleError';
  /** Ids of the phases on the loop, in link order. */
  readonly ids: string[];
  /** Their titles, same order, for the message shown to the user. */
  readonly titles: string[];
  constructor(ids: string[], titles: string[]) {
    super(`Phase links form a loop: ${titles.join(' → ')} → ${titles[0] ?? ''}`);
    this.ids = ids;
    this.titles = titles;
  }
}

/** Events that take part in phase scheduling: live, and not a series (a series is not a phase). */
export function isSchedulable(e: EventRecord): boolean {
  return e.deletedAt === undefined && !e.rrule;
}

export interface PhaseGraph {
  byId: Map<string, EventRecord>;
  /** Successors of each id, in start order (stable output). */
  next: Map<string, EventRecord[]>;
}

export function buildGraph(events: readonly EventRecord[]): PhaseGraph {
  const byId = new Map<string, EventRecord>();
  for (const e of events) if (isSchedulable(e)) byId.set(e.id, e);
  const next = new Map<string, EventRecord[]>();
  for (const e of byId.values()) {
    if (e.after === undefined || !byId.has(e.after) || e.after === e.id) continue;
    const list = next.get(e.after) ?? [];
    list.push(e);
    next.set(e.after, list);
  }
  for (const list of next.values()) list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  return { byId, next };
}

/** The predecessor of `e` in the graph, if its `after` names a live event. */
export function predecessor(g: PhaseGraph, e: EventRecord): EventRecord | undefined {
  return e.after === undefined || e.after === e.id ? undefined : g.byId.get(e.after);
}

/** Throws PhaseCycleError for the first loop among `ids` (following `after` links), if any. */
export function assertNoCycle(g: PhaseGraph, ids: Iterable<string>): void {
  const done = new Set<string>();
  for (const start of ids) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let cur: EventRecord | undefined = g.byId.get(start);
    while (cur && !done.has(cur.id)) {
      if (onPath.has(cur.id)) {
        const loop = path.slice(path.indexOf(cur.id)).reverse();
        throw new PhaseCycleError(loop, loop.map((id) => g.byId.get(id)?.title ?? id));
      }
      onPath.add(cur.id);
      path.push(cur.id);
      // A self-link is a loop of one.
      if (cur.after === cur.id) throw new PhaseCycleError([cur.id], [cur.title]);
      cur = predecessor(g, cur);
    }
    for (const id of path) done.add(id);
  }
}

/** Phases of a main event (live, not series). */
export function phasesOf(g: PhaseGraph, mainId: string): EventRecord[] {
  return [...g.byId.values()].filter((e) => e.parentId === mainId && e.id !== mainId);
}

/**
 * `roots` and everything downstream of them, each after its predecessor (breadth first). Call
 * assertNoCycle first: a loop has no downstream order.
 */
export function downstream(g: PhaseGraph, roots: readonly EventRecord[]): EventRecord[] {
  const out: EventRecord[] = [];
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const e = queue.shift()!;
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
    queue.push(...(g.next.get(e.id) ?? []));
  }
  return out;
}
