/**
 * Conflicts of one event against a fixed state, fast enough to run on every frame of a drag.
 * Each resource's bookings are kept sorted by start with a running maximum of their padded
 * ends; a candidate then finds the only bookings that can clash with it by two binary searches
 * (first padded end after its start, first start at or after its padded end) instead of
 * looking at every session.
 */
import type { EventRecord } from '../schema/types';
import { clashes, compareBookings, reach, sweepClashes, type Booking } from './clash';
import { collectBookings, occurrencesOf, setupCheck, type Bucket } from './bookings';
import { compareConflicts, pairConflict, PAIR_KINDS, type Conflict, type ConflictOptions, type PairKind } from './conflict-types';
import { conflictsByEvent, conflictsOfBookings } from './conflicts';
import { singleConflicts } from './day-conflicts';
import { bufferFor, byResource, resourceBookings, resourceValues } from './resources';

export interface ConflictIndex {
  /**
   * The conflicts `candidate` would have with the indexed events: a new event, or an unsaved
   * edit of an indexed one (which then stands in for it). Equals the conflicts involving its id
   * that findConflicts would report on the state with the candidate in place.
   */
  check(candidate: EventRecord): Conflict[];
  /** Every conflict of the indexed events, as findConflicts reports them (computed once). */
  all(): Conflict[];
  /** all() by event id (conflictsByEvent). */
  byId(): Map<string, Conflict[]>;
  /**
   * Puts an event into the index, replacing one with the same id (a deleted or cancelled one
   * just takes it out): later checks and all() see it. For building a schedule one session at
   * a time (the tour proposer); costs O(bookings of the resources it touches), plus a pass over
   * all lists when it replaces an indexed id.
   */
  add(event: EventRecord): void;
}

interface SearchList {
  kind: PairKind;
  buffer: number;
  bookings: Booking[];
  starts: number[];
  /** reachMax[i] = the largest padded end among bookings[0..i]: non-decreasing, so searchable. */
  reachMax: number[];
}

function searchList({ kind, bookings }: Bucket, bufferMs: number): SearchList {
  const list = { kind, buffer: bufferFor(kind, bufferMs), bookings, starts: [] as number[], reachMax: [] as number[] };
  refresh(list);
  return list;
}

/** Recomputes the searchable arrays after `bookings` changed. */
function refresh(list: SearchList): void {
  const { bookings, buffer } = list;
  const starts: number[] = [];
  const reachMax: number[] = [];
  let max = -Infinity;
  for (const b of bookings) {
    starts.push(b.s);
    max = Math.max(max, reach(b, buffer));
    reachMax.push(max);
  }
  list.starts = starts;
  list.reachMax = reachMax;
}

/** The first index in [0, n) where the monotone `pred` holds, or n. */
function firstWhere(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function forEachClash(list: SearchList, q: Booking, visit: (b: Booking) => void): void {
  const n = list.bookings.length;
  const lo = firstWhere(n, (i) => list.reachMax[i] > q.s);
  const qReach = reach(q, list.buffer);
  const hi = firstWhere(n, (i) => list.starts[i] >= qReach);
  for (let i = lo; i < hi; i++) {
    const b = list.bookings[i];
    if (clashes(b, q, list.buffer)) visit(b);
  }
}

export function createConflictIndex(events: readonly EventRecord[], options: ConflictOptions): ConflictIndex {
  const setup = setupCheck(options);
  const collected = collectBookings(events, setup);
  let occurrences = collected.occurrences;
  const lists = byResource<SearchList>();
  for (const kind of PAIR_KINDS) for (const [key, bucket] of collected.buckets[kind]) lists[kind].set(key, searchList(bucket, setup.bufferMs));
  let everything: Conflict[] | undefined;
  const all = () => (everything ??= conflictsOfBookings(occurrences, resourceValues(lists), setup.bufferMs, setup.campaigns));

  function add(event: EventRecord): void {
    everything = undefined;
    const changed = new Set<SearchList>();
    if (occurrences.some((o) => o.event.id === event.id)) {
      occurrences = occurrences.filter((o) => o.event.id !== event.id);
      for (const list of resourceValues(lists)) {
        const kept = list.bookings.filter((b) => b.occ.event.id !== event.id);
        if (kept.length !== list.bookings.length) {
          list.bookings = kept;
          changed.add(list);
        }
      }
    }
    for (const occ of occurrencesOf(event, setup)) {
      occurrences.push(occ);
      for (const { kind, key, booking } of resourceBookings(occ)) {
        let list = lists[kind].get(key);
        if (!list) lists[kind].set(key, (list = searchList({ kind, bookings: [] }, setup.bufferMs)));
        const at = firstWhere(list.bookings.length, (i) => compareBookings(list!.bookings[i], booking) > 0);
        list.bookings.splice(at, 0, booking);
        changed.add(list);
      }
    }
    for (const list of changed) refresh(list);
  }

  function check(candidate: EventRecord): Conflict[] {
    const out: Conflict[] = [];
    // The candidate's own bookings, for a series whose occurrences clash with each other.
    const own = byResource<Bucket>();
    for (const occ of occurrencesOf(candidate, setup)) {
      for (const { kind, key, booking } of resourceBookings(occ)) {
        let mine = own[kind].get(key);
        if (!mine) own[kind].set(key, (mine = { kind, bookings: [] }));
        mine.bookings.push(booking);
        const list = lists[kind].get(key);
        if (!list) continue;
        forEachClash(list, booking, (other) => {
          if (other.occ.event.id !== candidate.id) out.push(pairConflict(kind, booking, other));
        });
      }
      out.push(...singleConflicts(occ, setup.campaigns));
    }
    for (const { kind, bookings } of resourceValues(own)) {
      if (bookings.length < 2) continue;
      bookings.sort(compareBookings);
      sweepClashes(bookings, bufferFor(kind, setup.bufferMs), (x, y) => out.push(pairConflict(kind, x, y)));
    }
    return out.sort(compareConflicts);
  }

  return { check, all, byId: () => conflictsByEvent(all()), add };
}
