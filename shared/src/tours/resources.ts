/**
 * The resources one occurrence books, each under a key: its speakers, its team, its room and
 * its host unit's day. Two bookings under the same kind and key are compared by clash.ts.
 */
import type { Booking } from './clash';
import type { PairKind } from './conflict-types';
import type { PlacedOccurrence } from './occurrences';
import { locationKey, locationLabel, speakerNames } from './session';

export interface ResourceBooking {
  kind: PairKind;
  /** kind + key: the list the booking goes into. */
  bucket: string;
  booking: Booking;
}

/** People travel (the buffer); rooms and unit days do not. */
export function bufferFor(kind: PairKind, bufferMs: number): number {
  return kind === 'speaker' || kind === 'team' ? bufferMs : 0;
}

export function resourceBookings(occ: PlacedOccurrence): ResourceBooking[] {
  const out: ResourceBooking[] = [];
  const timed = (kind: PairKind, key: string, label: string) =>
    out.push({ kind, bucket: `${kind}\u0000${key}`, booking: { occ, s: occ.s, e: occ.e, allDay: occ.allDay, label } });
  const { event } = occ;
  for (const name of speakerNames(event)) timed('speaker', name, name);
  if (typeof event.teamId === 'string' && event.teamId) timed('team', event.teamId, event.teamId);
  if (typeof event.location === 'string') {
    const key = locationKey(event.location);
    if (key) timed('location', key, locationLabel(event.location));
  }
  if (typeof event.hostUnitId === 'string' && event.hostUnitId) {
    // Day numbers, not instants: "twice on one calendar day" is about the wall calendar.
    const booking = { occ, s: occ.firstDay, e: occ.endDay, allDay: true, label: event.hostUnitId };
    out.push({ kind: 'unit-day', bucket: `unit-day\u0000${event.hostUnitId}`, booking });
  }
  return out;
}
