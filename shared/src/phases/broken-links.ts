/**
 * Links that no longer hold. Two people moving phases offline can each leave a valid plan and
 * still merge into one where a phase starts before its predecessor's end + lag (CRDT merges
 * keep both moves). brokenLinks reports them; fixLinks re-applies one main event's links,
 * moving late phases forward only (a phase with slack keeps it: nothing is pulled earlier).
 */
import type { EventRecord } from '../schema/types';
import { compareDateValues, effectiveEnd, type DateValue } from '../time/dates';
import { assertNoCycle, buildGraph, downstream, phasesOf, predecessor } from './graph';
import { earliestStart } from './links';
import { linkOf, movedTo, Positions, type PhaseChange } from './positions';

export interface BrokenLink {
  id: string;
  afterId: string;
  /** Where the phase could start at the earliest given its predecessor's current position. */
  earliestStart: DateValue;
}

/** Every live, non-series event starting before its predecessor's end + lag, in start order. */
export function brokenLinks(events: readonly EventRecord[]): BrokenLink[] {
  const g = buildGraph(events);
  const out: BrokenLink[] = [];
  const sorted = [...g.byId.values()].sort((a, b) => compareDateValues(a.start, b.start) || (a.id < b.id ? -1 : 1));
  for (const e of sorted) {
    const pred = predecessor(g, e);
    if (!pred) continue;
    const earliest = earliestStart(effectiveEnd(pred.start, pred.end), linkOf(e), e.start);
    if (compareDateValues(e.start, earliest) < 0) out.push({ id: e.id, afterId: pred.id, earliestStart: earliest });
  }
  return out;
}

/** The changes that make every link among `mainId`'s phases hold again (and re-span the main). */
export function fixLinks(events: readonly EventRecord[], mainId: string): PhaseChange[] {
  const g = buildGraph(events);
  const phases = phasesOf(g, mainId);
  assertNoCycle(g, phases.map((p) => p.id));
  const inGroup = new Set(phases.map((p) => p.id));
  const roots = phases.filter((p) => {
    const pred = predecessor(g, p);
    return !pred || !inGroup.has(pred.id);
  });
  const pos = new Positions(g);
  // Upstream first, so a phase moved forward pushes its own successors in turn.
  for (const e of downstream(g, roots)) {
    const pred = predecessor(g, e);
    if (!pred) continue;
    const current = pos.get(e);
    const earliest = earliestStart(pos.get(pred).end, linkOf(e), current.start);
    if (compareDateValues(current.start, earliest) < 0) pos.set(e.id, movedTo(e, earliest));
  }
  pos.respanMain(mainId);
  return pos.changes();
}
