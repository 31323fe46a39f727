/**
 * The resources an event books, each under a key: its speakers, its team, its room and its
 * host unit's day. Two bookings under the same kind and key are compared by clash.ts.
 */
import type { EventRecord } from '../schema/types';
import type { Booking } from './clash';
import type { PairKind } from './conflict-types';
import type { PlacedOccurrence } from './occurrences';
import { locationKey, locationLabel, speakerNames } from './session';

export interface EventResource {
  kind: PairKind;
  /** Bookings under the same kind and key are compared. */
  key: string;
  /** How the event writes it (a location's text), for the report. */
  label: string;
}

export interface ResourceBooking {
  kind: PairKind;
  key: string;
  booking: Booking;
}

/**
 * Something per resource: one map per kind, keyed by the record's own strings. (One map keyed
 * by "kind + key" would build and hash a new string for every lookup; a string that comes
 * from the record keeps its hash.)
 */
export type ByResource<T> = Record<PairKind, Map<string, T>>;

export function byResource<T>(): ByResource<T> {
  return { speaker: new Map(), team: new Map(), location: new Map(), 'unit-day': new Map() };
}

export function resourceValues<T>(table: ByResource<T>): T[] {
  return [...table.speaker.values(), ...table.team.values(), ...table.location.values(), ...table['unit-day'].values()];
}

/** People travel (the buffer); rooms and unit days do not. */
export function bufferFor(kind: PairKind, bufferMs: number): number {
  return kind === 'speaker' || kind === 'team' ? bufferMs : 0;
}

function resource(kind: PairKind, key: string, label: string): EventResource {
  return { kind, key, label };
}

export function eventResources(event: EventRecord): EventResource[] {
  const out: EventResource[] = [];
  for (const name of speakerNames(event)) out.push(resource('speaker', name, name));
  if (typeof event.teamId === 'string' && event.teamId) out.push(resource('team', event.teamId, event.teamId));
  if (typeof event.location === 'string') {
    const key = locationKey(event.location);
    if (key) out.push(resource('location', key, locationLabel(event.location)));
  }
  if (typeof event.hostUnitId === 'string' && event.hostUnitId) out.push(resource('unit-day', event.hostUnitId, event.hostUnitId));
  return out;
}

/** The booking of one resource by one occurrence. */
export function bookingOf(occ: PlacedOccurrence, { kind, label }: EventResource): Booking {
  // Day numbers, not instants, for unit days: "twice on one calendar day" is about the wall calendar.
  return kind === 'unit-day' ? { occ, s: occ.firstDay, e: occ.endDay, allDay: true, label } : { occ, s: occ.s, e: occ.e, allDay: occ.allDay, label };
}

/** One occurrence's bookings of its event's resources. */
export function resourceBookings(occ: PlacedOccurrence, resources: readonly EventResource[] = eventResources(occ.event)): ResourceBooking[] {
  const out: ResourceBooking[] = [];
  for (const r of resources) out.push({ kind: r.kind, key: r.key, booking: bookingOf(occ, r) });
  return out;
}
