/**
 * When two bookings of one resource clash, and the sweep that finds every clashing pair.
 *
 * A speaker or a team needs time to travel, so two timed sessions clash when they come closer
 * than the buffer: a.s < b.e + buffer and b.s < a.e + buffer (exactly `buffer` apart is fine).
 * An all-day booking already blocks its whole days, so a pair with an all-day side clashes
 * only when the intervals themselves overlap: the buffer never reaches past the day. Rooms and
 * host-unit days take buffer 0, which is plain half-open overlap.
 */
import type { PlacedOccurrence } from './occurrences';

/** One booking of one resource. `s`/`e` are instants, or day numbers for unit days. */
export interface Booking {
  occ: PlacedOccurrence;
  s: number;
  e: number;
  allDay: boolean;
  /** How the resource is written on this booking (a location's text), for the report. */
  label: string;
}

export function clashes(a: Booking, b: Booking, buffer: number): boolean {
  if (a.allDay || b.allDay) return a.s < b.e && b.s < a.e;
  return a.s < b.e + buffer && b.s < a.e + buffer;
}

/** The latest point a booking can clash with something starting there: its padded end. */
export function reach(b: Booking, buffer: number): number {
  return b.allDay ? b.e : b.e + buffer;
}

/** Orders bookings by start; the rest only makes the order of equal starts repeatable. */
export function compareBookings(a: Booking, b: Booking): number {
  return a.s - b.s || a.e - b.e || (a.occ.event.id < b.occ.event.id ? -1 : a.occ.event.id > b.occ.event.id ? 1 : 0);
}

/**
 * Every clashing pair of `sorted` (ordered by compareBookings), each once. Sweeping by start
 * with the set of bookings still within reach costs O(n log n + pairs) instead of all n² pairs:
 * a booking whose padded end is at or before the current start cannot clash with it or with
 * anything later.
 */
export function sweepClashes(sorted: readonly Booking[], buffer: number, emit: (earlier: Booking, later: Booking) => void): void {
  const active: Booking[] = [];
  for (const b of sorted) {
    let kept = 0;
    for (const a of active) if (reach(a, buffer) > b.s) active[kept++] = a;
    active.length = kept;
    for (const a of active) if (clashes(a, b, buffer)) emit(a, b);
    active.push(b);
  }
}
