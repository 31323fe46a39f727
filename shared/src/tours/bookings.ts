/**
 * The merged state prepared for checking: every active event's occurrences in the checked
 * range, and their bookings grouped by resource and sorted by start. findConflicts sweeps
 * these lists; the conflict index searches them.
 */
import type { EventRecord } from '../schema/types';
import { compareBookings, type Booking } from './clash';
import { DEFAULT_BUFFER_MINUTES, type ConflictOptions, type PairKind } from './conflict-types';
import { campaignSpans, type CampaignSpan } from './day-conflicts';
import { placeOccurrences, type CheckedRange, type PlacedOccurrence } from './occurrences';
import { bookingOf, byResource, eventResources, resourceValues, type ByResource } from './resources';
import { isActiveEvent } from './session';
import { zoneClock, type ZoneClock } from './zone-clock';

export interface CheckSetup {
  range: CheckedRange;
  clock: ZoneClock;
  bufferMs: number;
  campaigns: ReadonlyMap<string, CampaignSpan>;
}

export interface Bucket {
  kind: PairKind;
  /** Sorted by compareBookings. */
  bookings: Booking[];
}

export interface CollectedBookings {
  occurrences: PlacedOccurrence[];
  buckets: ByResource<Bucket>;
}

export function setupCheck(options: ConflictOptions): CheckSetup {
  const clock = zoneClock(options.timezone);
  const minutes = options.bufferMinutes ?? DEFAULT_BUFFER_MINUTES;
  return {
    range: { from: options.from, to: options.to },
    clock,
    // A negative buffer would let overlapping sessions pass as apart; NaN would match nothing.
    bufferMs: Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : 0,
    campaigns: campaignSpans(options.campaigns ?? [], clock),
  };
}

/** The occurrences an event has in the checked range; none when deleted or cancelled. */
export function occurrencesOf(event: EventRecord, setup: CheckSetup): PlacedOccurrence[] {
  return isActiveEvent(event) ? placeOccurrences(event, setup.range, setup.clock) : [];
}

export function collectBookings(events: readonly EventRecord[], setup: CheckSetup): CollectedBookings {
  const occurrences: PlacedOccurrence[] = [];
  const buckets = byResource<Bucket>();
  for (const event of events) {
    const occs = occurrencesOf(event, setup);
    if (occs.length === 0) continue;
    const resources = eventResources(event);
    for (const r of resources) {
      const lists = buckets[r.kind];
      let list = lists.get(r.key);
      if (!list) lists.set(r.key, (list = { kind: r.kind, bookings: [] }));
      for (const occ of occs) list.bookings.push(bookingOf(occ, r));
    }
    for (const occ of occs) occurrences.push(occ);
  }
  for (const list of resourceValues(buckets)) list.bookings.sort(compareBookings);
  return { occurrences, buckets };
}
