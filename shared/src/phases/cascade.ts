/**
 * What else moves when a phase or a main event is moved.
 *
 * - 'keep-gaps': every phase downstream of the moved one (following `after` links) keeps the gap
 *   it had to its predecessor: its lag exactly, or the larger gap the plan left (measured in the
 *   link's unit). With working-day lags this is a working-day-aware offset, not a calendar one
 *   (moving across 国庆 stretches the calendar gap). A link broken before the move is restored.
 * - 'on-overlap': a successor moves only when its link is now violated, and then to exactly its
 *   earliest start; a phase moved earlier pulls nothing with it.
 *
 * The moved phase's own incoming link is the user's explicit choice and is not enforced here
 * (brokenLinks reports it). Moving a main event moves its first phases (those following nothing)
 * by the same wall-clock offset and the rest in keep-gaps mode; the main event then spans its
 * phases. After a phase move the main event is re-spanned too. Series (rrule) and deleted events
 * are not phases and are ignored. A loop of links throws PhaseCycleError.
 */
import type { EventRecord } from '../schema/types';
import { compareDateValues, toMinuteNumber, type DateValue } from '../time/dates';
import { assertNoCycle, buildGraph, downstream, phasesOf, predecessor, type PhaseGraph } from './graph';
import { earliestStart, measureLag } from './links';
import { linkOf, movedTo, Positions, shiftBy, spanOf, type PhaseChange } from './positions';

export type CascadeMode = 'keep-gaps' | 'on-overlap';

export function cascadeMove(
  events: readonly EventRecord[],
  movedId: string,
  newStart: DateValue,
  newEnd: DateValue | undefined,
  mode: CascadeMode,
): PhaseChange[] {
  const g = buildGraph(events);
  const moved = g.byId.get(movedId);
  if (!moved) throw new Error(`cascadeMove: no live, non-series event ${movedId}`);
  const pos = new Positions(g);
  const phases = phasesOf(g, movedId);

  if (phases.length > 0) {
    assertNoCycle(g, phases.map((p) => p.id));
    const offset = toMinuteNumber(newStart) - toMinuteNumber(moved.start);
    const inGroup = new Set(phases.map((p) => p.id));
    const roots = phases.filter((p) => {
      const pred = predecessor(g, p);
      return !pred || !inGroup.has(pred.id);
    });
    for (const r of roots) pos.set(r.id, movedTo(r, shiftBy(r.start, offset)));
    placeDownstream(g, pos, roots, 'keep-gaps');
    pos.respanMain(movedId);
    return pos.changes(new Set([movedId]));
  }

  const group = moved.parentId !== undefined ? phasesOf(g, moved.parentId).map((p) => p.id) : [];
  assertNoCycle(g, [moved.id, ...group]);
  pos.set(moved.id, newEnd !== undefined && compareDateValues(newEnd, newStart) > 0 ? { start: newStart, end: newEnd } : movedTo(moved, newStart));
  placeDownstream(g, pos, [moved], mode);
  if (moved.parentId !== undefined) pos.respanMain(moved.parentId);
  return pos.changes(new Set([moved.id]));
}

/** Places the successors of `roots` (already positioned) by their links, in the given mode. */
function placeDownstream(g: PhaseGraph, pos: Positions, roots: readonly EventRecord[], mode: CascadeMode): void {
  if (mode === 'keep-gaps') {
    for (const e of downstream(g, roots).slice(roots.length)) place(g, pos, e, true);
    return;
  }
  // Only successors of phases that actually moved can be newly violated.
  const queue = [...roots];
  while (queue.length > 0) {
    const cur = queue.shift()!;
    for (const succ of g.next.get(cur.id) ?? []) if (place(g, pos, succ, false)) queue.push(succ);
  }
}

/**
 * Positions `e` after its predecessor's new position; returns whether it moved. `exact`
 * (keep-gaps) keeps the gap the phase had: its lag, or more when the plan left slack, measured
 * in the link's unit so a working-day gap stays a working-day gap.
 */
function place(g: PhaseGraph, pos: Positions, e: EventRecord, exact: boolean): boolean {
  const pred = predecessor(g, e);
  if (!pred) return false;
  const current = pos.get(e);
  const link = linkOf(e);
  if (exact) link.lagDays = Math.max(link.lagDays, measureLag(spanOf(pred).end, e.start, link.lagUnit));
  const earliest = earliestStart(pos.get(pred).end, link, current.start);
  const cmp = compareDateValues(current.start, earliest);
  if (cmp === 0 || (!exact && cmp > 0)) return false;
  pos.set(e.id, movedTo(e, earliest));
  return true;
}
