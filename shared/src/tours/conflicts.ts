/**
 * Conflict detection on the merged state. Two offline edits can both book a speaker, and
 * neither replica could have refused the other's edit, so we find and show conflicts instead
 * of preventing them. Rules (clash.ts for the interval test):
 *
 * - hard `speaker`: one speaker (trimmed name) in two sessions closer than the buffer;
 * - hard `team`: one teamId in two sessions closer than the buffer;
 * - hard `location`: one place (session.ts locationKey) in two overlapping events;
 * - soft `unit-day`: one hostUnitId twice on a calendar day;
 * - soft `outside-campaign`: a session not within its campaign's [start, end);
 * - soft `holiday`: a session on a statutory holiday.
 *
 * Deleted and cancelled events are ignored; series are expanded over [from, to).
 */
import type { EventRecord } from '../schema/types';
import { sweepClashes } from './clash';
import { collectBookings, setupCheck, type Bucket } from './bookings';
import { compareConflicts, pairConflict, type Conflict, type ConflictOptions } from './conflict-types';
import { singleConflicts, type CampaignSpan } from './day-conflicts';
import type { PlacedOccurrence } from './occurrences';
import { bufferFor, resourceValues } from './resources';

export function findConflicts(events: readonly EventRecord[], options: ConflictOptions): Conflict[] {
  const setup = setupCheck(options);
  const { occurrences, buckets } = collectBookings(events, setup);
  return conflictsOfBookings(occurrences, resourceValues(buckets), setup.bufferMs, setup.campaigns);
}

/** Every conflict of prepared bookings, sorted (compareConflicts). */
export function conflictsOfBookings(
  occurrences: readonly PlacedOccurrence[],
  buckets: Iterable<Bucket>,
  bufferMs: number,
  campaigns: ReadonlyMap<string, CampaignSpan>,
): Conflict[] {
  const out: Conflict[] = [];
  for (const { kind, bookings } of buckets) {
    sweepClashes(bookings, bufferFor(kind, bufferMs), (x, y) => out.push(pairConflict(kind, x, y)));
  }
  for (const occ of occurrences) out.push(...singleConflicts(occ, campaigns));
  return out.sort(compareConflicts);
}

/** Each event's conflicts (an event appears under its own id for side a or b), for marking every involved event. */
export function conflictsByEvent(conflicts: readonly Conflict[]): Map<string, Conflict[]> {
  const byId = new Map<string, Conflict[]>();
  const add = (id: string, c: Conflict) => {
    const list = byId.get(id);
    if (list) {
      if (list[list.length - 1] !== c) list.push(c);
    } else byId.set(id, [c]);
  };
  for (const c of conflicts) {
    add(c.a.id, c);
    if (c.b) add(c.b.id, c);
  }
  return byId;
}
