/**
 * In-memory range index of a workspace's live events, kept beside the Y.Doc once it has loaded.
 *
 * One-off events sit in buckets by span: bucket k holds the events spanning at most 2^k days,
 * sorted by start. A query for [from, to) binary-searches each bucket from `from` − 2^k days and
 * walks forward while the start is before `to`; an event there that ends by `from` spans more
 * than 2^(k−1) days yet starts within 2^k days of `from`, so at most half of what a bucket walks
 * is discarded. That makes a query O(B·log n + k) for B (≤ ~20) non-empty buckets and k hits,
 * however long the longest event is. Recurring series are kept aside: every query returns them
 * (callers expand them per range), as the persisted projection does.
 *
 * Values compare as strings, like the Dexie projection: `YYYY-MM-DD` < `YYYY-MM-DDTHH:mm` of the
 * same day, and a range's bounds are days.
 */
import { addDays, diffDays } from '@shared/time/dates';
import type { EventRecord } from '@shared/schema/types';

export type IndexedEvent = EventRecord & { conflicted?: boolean };

export interface MemoryEntry {
  id: string;
  start: string;
  /** Effective exclusive end (defaults applied). */
  end: string;
  recurring: boolean;
  /** What a query hands out: the record, with `conflicted: true` when a value was overwritten. */
  value: IndexedEvent;
}

/** Days an event spans for the reach-back of a query by start (at least 1). */
export function spanDaysOf(start: string, end: string): number {
  return Math.max(1, diffDays(start.slice(0, 10), end.slice(0, 10)));
}

function bucketOf(span: number): number {
  return span <= 1 ? 0 : 32 - Math.clz32(span - 1);
}

const before = (a: MemoryEntry, b: MemoryEntry) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** First position in `list` (sorted by start) whose start is ≥ `start`. */
function lowerBound(list: MemoryEntry[], start: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Above this many changes at once (a sync, an import), buckets are re-sorted instead of spliced. */
const BULK = 64;

export class MemoryIndex {
  private byId = new Map<string, { entry: MemoryEntry; bucket: number }>();
  private buckets: MemoryEntry[][] = [];
  private series = new Map<string, MemoryEntry>();
  /** Buckets need a re-sort before the next query (after a bulk change). */
  private dirty = false;

  get size(): number {
    return this.byId.size;
  }

  /** Replace everything (a snapshot of the doc). */
  reset(entries: Iterable<MemoryEntry>): void {
    this.byId.clear();
    this.series.clear();
    this.buckets = [];
    this.dirty = true;
    for (const e of entries) this.place(e, false);
  }

  /** Apply changes by id: an entry replaces the id's previous one, null removes it. */
  update(changes: Iterable<[string, MemoryEntry | null]>): void {
    const list = [...changes];
    const bulk = list.length > BULK;
    for (const [id, entry] of list) {
      this.remove(id, bulk);
      if (entry) this.place(entry, !bulk);
    }
  }

  get(id: string): MemoryEntry | undefined {
    return this.byId.get(id)?.entry;
  }

  all(): MemoryEntry[] {
    return [...this.byId.values()].map((x) => x.entry);
  }

  /** Live events that may touch [from, to): one-offs overlapping it, plus every recurring series. */
  query(from: string, to: string): IndexedEvent[] {
    this.sortIfDirty();
    const out: IndexedEvent[] = [];
    for (let k = 0; k < this.buckets.length; k++) {
      const list = this.buckets[k];
      if (!list || list.length === 0) continue;
      for (let i = lowerBound(list, addDays(from, -(2 ** k))); i < list.length; i++) {
        const e = list[i];
        if (e.start >= to) break;
        if (e.end > from) out.push(e.value);
      }
    }
    for (const e of this.series.values()) out.push(e.value);
    return out;
  }

  private place(entry: MemoryEntry, splice: boolean): void {
    if (entry.recurring) {
      this.series.set(entry.id, entry);
      this.byId.set(entry.id, { entry, bucket: -1 });
      return;
    }
    const k = bucketOf(spanDaysOf(entry.start, entry.end));
    this.byId.set(entry.id, { entry, bucket: k });
    if (!splice || this.dirty) {
      // Sorted wholesale before the next query.
      this.dirty = true;
      return;
    }
    const list = (this.buckets[k] ??= []);
    let i = lowerBound(list, entry.start);
    while (i < list.length && before(list[i], entry) < 0) i++;
    list.splice(i, 0, entry);
  }

  private remove(id: string, bulk: boolean): void {
    const had = this.byId.get(id);
    if (!had) return;
    this.byId.delete(id);
    if (had.bucket < 0) {
      this.series.delete(id);
      return;
    }
    const list = this.buckets[had.bucket];
    if (this.dirty || bulk || !list) {
      // Rebuilt from `byId` before the next query.
      this.dirty = true;
      return;
    }
    for (let i = lowerBound(list, had.entry.start); i < list.length && list[i].start === had.entry.start; i++) {
      if (list[i].id === id) {
        list.splice(i, 1);
        return;
      }
    }
  }

  private sortIfDirty(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const buckets: MemoryEntry[][] = [];
    for (const { entry, bucket } of this.byId.values()) if (bucket >= 0) (buckets[bucket] ??= []).push(entry);
    for (const list of buckets) list?.sort(before);
    this.buckets = buckets;
  }
}
