import * as Y from 'yjs';
import type { EventRecord } from '@shared/schema/types';
import { readEvent, readEvents, observeEvents, observeHistory, lostValues, roots } from '@shared/schema';
import { addDays, diffDays, effectiveEnd } from '@shared/time/dates';
import { needsExpansion } from '@shared/time/series';
import { db, type EventIndexRow } from './db';
import { MemoryIndex, spanDaysOf, type IndexedEvent, type MemoryEntry } from './memory-index';
import { sameBytes } from './bytes';
import { readEventSnapshot, SNAPSHOT_DELAY_MS, SNAPSHOT_MIN_DAYS, writeEventSnapshot } from './event-snapshot';

/**
 * A range holding every event a workspace can have ("all of them"). Four-digit years on both
 * ends: a query reaches back by the longest span with addDays, which is only a date for
 * four-digit years (0001-01-01 minus a year is no date).
 */
export const ALL_DATES = { from: '1000-01-01', to: '9999-01-01' } as const;

/** Longest single task while the memory index is built from a loaded doc. */
const BUILD_SLICE_MS = 8;

/** What a range query returns: the record, plus whether it carries an overwritten value. */
export type { IndexedEvent } from './memory-index';

/** Index entry of a live event (deleted and invalid records are not indexed: they have their own lists). */
function toEntry(record: EventRecord, doc: Y.Doc): MemoryEntry {
  const conflicted = lostValues(doc, record).length > 0;
  return {
    id: record.id,
    start: record.start,
    end: effectiveEnd(record.start, record.end),
    recurring: needsExpansion(record),
    value: conflicted ? { ...record, conflicted: true } : record,
  };
}

function toRow(ws: string, entry: MemoryEntry): EventIndexRow {
  const { conflicted, ...record } = entry.value;
  const row: EventIndexRow = { ws, id: entry.id, start: entry.start, end: entry.end, recurring: entry.recurring ? 1 : 0, record };
  if (conflicted) row.conflicted = true;
  return row;
}

/**
 * Range queries over one workspace's live events.
 *
 * Before the Y.Doc has loaded, queries read the Dexie projection (table eventIndex), so the
 * calendar's first paint needs no doc. Once start() has run they are answered from an in-memory
 * index built from the doc (memory-index.ts) and kept up to date per changed id by the same
 * observers that keep the projection written in the background for the next cold open.
 */
export class EventIndex {
  private maxSpanDays = 1;
  /** State vector the projection claimed when primed: what the first paint was read from. */
  private primedState: Uint8Array | undefined;
  /** Ids whose projection rows wait to be written. */
  private pending = new Set<string>();
  /** Ids whose in-memory entries wait to be re-read from the doc (before the next query). */
  private changed = new Set<string>();
  private memory: MemoryIndex | null = null;
  private notifyQueued = false;
  private flushing: Promise<void> | null = null;
  private starting: Promise<void> | null = null;
  /** Set once the projection matches the doc; until then observed ids wait in `pending`. */
  private following = false;
  /** State vector the rows were last written at (or found at, when already current). */
  private writtenState: Uint8Array | undefined;
  /** Before the doc loads: whether the events' snapshot matches the rows (see event-snapshot.ts). */
  private snapshotValid = false;
  private snapshotRead: Promise<IndexedEvent[] | null> | null = null;
  private snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  private unobserve: (() => void) | null = null;
  private listeners = new Set<() => void>();

  constructor(
    readonly ws: string,
    readonly doc: Y.Doc,
  ) {}

  /** Make the persisted projection queryable before the doc has loaded. */
  async prime(): Promise<void> {
    const row = await db().workspaces.get(this.ws);
    this.maxSpanDays = row?.maxSpanDays ?? 1;
    this.primedState = row?.indexedState;
    this.snapshotValid = sameBytes(row?.snapshotState, row?.indexedState);
  }

  /**
   * Once the doc is loaded: answer queries from memory, rebuild the projection when the doc
   * changed since it was written (another device, a write lost in a crash), then follow changes.
   */
  start(): Promise<void> {
    return (this.starting ??= this.begin());
  }

  private async begin(): Promise<void> {
    // Observe first: a change landing while the projection is checked or rebuilt (an await
    // away) would otherwise never reach the index. Projection writes wait until the rebuild is
    // done, so its snapshot cannot overwrite them; the memory index takes them at once.
    const onIds = (ids: Set<string>) => {
      for (const id of ids) {
        this.pending.add(id);
        this.changed.add(id);
      }
      this.queueNotify();
      if (this.following) void this.flush();
    };
    const offEvents = observeEvents(this.doc, onIds);
    // History can change without the event (a dismissed conflict): its mark must follow.
    // (History also covers campaigns and teams: only events' ids concern the index.)
    const events = roots(this.doc).events;
    const offHistory = observeHistory(this.doc, (ids) => {
      const ours = new Set([...ids].filter((id) => events.has(id)));
      if (ours.size) onIds(ours);
    });
    this.unobserve = () => {
      offEvents();
      offHistory();
    };
    const memory = await this.buildMemory();
    if (!memory) return;
    // Reads of the projection are no longer needed.
    this.cache = [];
    this.snapshotRead = null;
    // What was painted came from a projection of another state (or the doc changed while the
    // index was built): show the doc's.
    let notified = false;
    if (!sameBytes(this.primedState, Y.encodeStateVector(this.doc))) {
      notified = true;
      this.notify();
    }
    const row = await db().workspaces.get(this.ws);
    if (!row || !sameBytes(row.indexedState, Y.encodeStateVector(this.doc))) {
      this.applyChanged();
      await this.writeAll(memory.all());
      if (!notified) this.notify();
    } else {
      this.writtenState = row.indexedState;
    }
    this.following = true;
    if (!row || !sameBytes(row.snapshotState, this.writtenState)) this.scheduleSnapshot();
    if (this.pending.size > 0) await this.flush();
  }

  stop(): void {
    this.unobserve?.();
    this.unobserve = null;
    this.stopped = true;
    // A change of the last moments still reaches the next cold open's snapshot.
    if (this.snapshotTimer !== undefined) {
      clearTimeout(this.snapshotTimer);
      this.snapshotTimer = undefined;
      void this.saveSnapshot();
    }
  }

  /** Rewrites the events' snapshot once changes have been quiet for a while. */
  private scheduleSnapshot(): void {
    if (this.snapshotTimer !== undefined) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      void this.saveSnapshot();
    }, SNAPSHOT_DELAY_MS);
  }

  /** The snapshot holds what the rows hold: only taken when no row write is waiting or under way. */
  private async saveSnapshot(): Promise<void> {
    if (!this.memory || !this.writtenState) return;
    if (this.pending.size > 0 || this.flushing) return this.scheduleSnapshot();
    const state = this.writtenState;
    try {
      await writeEventSnapshot(this.ws, state, this.memory.all().map((e) => e.value));
    } catch {
      // Without a snapshot the first paint reads the rows: slower, never wrong.
    }
  }

  private stopped = false;

  /**
   * Reads every event of the doc into the memory index, a few milliseconds at a time: reading
   * (and validating) ten thousand events takes over 100 ms, which as one task would hold up
   * whatever the user does just after the doc loaded. Until it is done, queries still read the
   * projection. Events that change meanwhile are in `changed` (observed from the start) and
   * re-read at the end, so the index matches the doc as it is then. Null if stopped meanwhile.
   */
  private async buildMemory(): Promise<MemoryIndex | null> {
    const t0 = performance.now();
    const map = roots(this.doc).events;
    const ids = [...map.keys()];
    const entries: MemoryEntry[] = [];
    let busy = 0;
    for (let i = 0; i < ids.length; ) {
      const sliceStart = performance.now();
      const until = sliceStart + BUILD_SLICE_MS;
      for (; i < ids.length && performance.now() < until; i++) {
        const entry = this.readEntry(ids[i]);
        if (entry) entries.push(entry);
      }
      busy += performance.now() - sliceStart;
      if (i < ids.length) await new Promise((r) => setTimeout(r, 0));
      if (this.stopped) return null;
    }
    const memory = new MemoryIndex();
    memory.reset(entries);
    this.memory = memory;
    this.applyChanged();
    performance.measure('cc:index-build', { start: t0, end: performance.now(), detail: { events: memory.size, busy } });
    return memory;
  }

  /** Called after the index changed, so views refetch their range. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  /** Changes of one tick (a bulk import fires many observers) make one notification. */
  private queueNotify(): void {
    if (this.notifyQueued) return;
    this.notifyQueued = true;
    queueMicrotask(() => {
      this.notifyQueued = false;
      // While the memory index is being built, views would only re-read the projection, which
      // lags: they hear once it is ready instead (see begin).
      if (!this.memory) return;
      this.applyChanged();
      this.notify();
    });
  }

  /** Brings the memory index up to date with every change observed so far. */
  private applyChanged(): void {
    if (!this.memory || this.changed.size === 0) return;
    const ids = [...this.changed];
    this.changed.clear();
    this.memory.update(ids.map((id) => [id, this.readEntry(id)] as [string, MemoryEntry | null]));
  }

  private readEntry(id: string): MemoryEntry | null {
    const read = readEvent(this.doc, id);
    return read?.ok && read.record.deletedAt === undefined ? toEntry(read.record, this.doc) : null;
  }

  private readAll(): MemoryEntry[] {
    return readEvents(this.doc)
      .events.filter((e) => e.deletedAt === undefined)
      .map((e) => toEntry(e, this.doc));
  }

  /** Rebuild the projection (and, once started, the memory index) from the doc. */
  async rebuild(): Promise<void> {
    const entries = this.readAll();
    if (this.memory) {
      this.memory.reset(entries);
      this.changed.clear();
    }
    await this.writeAll(entries);
  }

  /** Replace the projection by `entries`, a snapshot of the doc as it is now. */
  private async writeAll(entries: MemoryEntry[]): Promise<void> {
    const d = db();
    // Whatever changes from here on is observed and written after this snapshot.
    this.pending.clear();
    const rows = entries.map((e) => toRow(this.ws, e));
    this.maxSpanDays = rows.reduce((m, r) => Math.max(m, spanDaysOf(r.start, r.end)), 1);
    const state = Y.encodeStateVector(this.doc);
    await d.transaction('rw', [d.eventIndex, d.workspaces], async () => {
      await d.eventIndex.where('[ws+id]').between([this.ws, ''], [this.ws, '\uffff']).delete();
      await d.eventIndex.bulkPut(rows);
      await d.workspaces.update(this.ws, { indexedState: state, maxSpanDays: this.maxSpanDays });
    });
    this.writtenState = state;
    if (this.following) this.scheduleSnapshot();
  }

  /** Resolves once every change seen so far is in the memory index and written to the projection. */
  async settled(): Promise<void> {
    if (this.starting) await this.starting;
    this.applyChanged();
    while (this.flushing) await this.flushing;
  }

  /** What settled() still waits for, for a test to say why it never resolved. */
  pendingWork(): { starting: boolean; memory: boolean; flushing: boolean; pending: number } {
    return { starting: !!this.starting && !this.following, memory: !!this.memory, flushing: !!this.flushing, pending: this.pending.size };
  }

  private flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = (async () => {
      try {
        // Batch everything observed in the same tick (a bulk import fires many observers).
        await Promise.resolve();
        while (this.pending.size > 0) {
          const ids = [...this.pending];
          this.pending.clear();
          await this.write(ids);
        }
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  private async write(ids: string[]): Promise<void> {
    performance.mark('cc:index-write', { detail: ids.length });
    this.applyChanged();
    const d = db();
    const put: EventIndexRow[] = [];
    const del: [string, string][] = [];
    for (const id of ids) {
      const entry = this.memory ? this.memory.get(id) : (this.readEntry(id) ?? undefined);
      if (entry) put.push(toRow(this.ws, entry));
      else del.push([this.ws, id]);
    }
    for (const r of put) this.maxSpanDays = Math.max(this.maxSpanDays, spanDaysOf(r.start, r.end));
    const state = Y.encodeStateVector(this.doc);
    await d.transaction('rw', [d.eventIndex, d.workspaces], async () => {
      if (put.length) await d.eventIndex.bulkPut(put);
      if (del.length) await d.eventIndex.bulkDelete(del as unknown as string[]);
      await d.workspaces.update(this.ws, { indexedState: state, maxSpanDays: this.maxSpanDays });
    });
    this.writtenState = state;
    if (this.following) this.scheduleSnapshot();
  }

  /**
   * Events that may touch [from, to) (`YYYY-MM-DD`, `to` exclusive): one-off events overlapping
   * it, plus every recurring series (expanded by the caller).
   */
  query(from: string, to: string): Promise<IndexedEvent[]> {
    const now = this.queryNow(from, to);
    return now ? Promise.resolve(now) : this.queryStored(from, to);
  }

  /** The same answer without waiting, once the doc has loaded (start() has run); else null. */
  queryNow(from: string, to: string): IndexedEvent[] | null {
    if (!this.memory) return null;
    this.applyChanged();
    return this.memory.query(from, to);
  }

  /** Read ahead of need (the months either side of the visible one), only what is not cached yet. */
  async prefetch(from: string, to: string): Promise<void> {
    if (this.memory) return;
    const gap = this.firstGap(from, to);
    if (gap) await this.read(gap.from, gap.to);
  }

  // ---- The persisted projection, read before the doc has loaded ----

  /**
   * Recently read ranges (rows), so a month already fetched or prefetched is answered without
   * another read. Only used before start(): edits are not observed until then, and from then on
   * the memory index answers.
   */
  private cache: { from: string; to: string; rows: Promise<EventIndexRow[]> }[] = [];

  /** By the start index reaching back by the longest span, plus every recurring series. */
  private async queryStored(from: string, to: string): Promise<IndexedEvent[]> {
    if (this.snapshotValid && diffDays(from, to) > SNAPSHOT_MIN_DAYS) {
      const all = await (this.snapshotRead ??= readEventSnapshot(this.ws));
      if (all) {
        const out = all.filter((e) => needsExpansion(e) || (e.start < to && effectiveEnd(e.start, e.end) > from));
        return this.queryNow(from, to) ?? out;
      }
    }
    const parts = this.cover(from, to) ?? [this.read(from, to)];
    const seen = new Set<string>();
    const out: IndexedEvent[] = [];
    for (const rows of await Promise.all(parts)) {
      for (const r of rows) {
        if (seen.has(r.id) || !(r.recurring === 1 || (r.start < to && r.end > from))) continue;
        seen.add(r.id);
        out.push(r.conflicted ? { ...r.record, conflicted: true } : r.record);
      }
    }
    // The doc loaded while the projection was read: it is the source of truth.
    return this.queryNow(from, to) ?? out;
  }

  /** Cached reads (done or in flight) whose ranges together cover [from, to), or null. */
  private cover(from: string, to: string): Promise<EventIndexRow[]>[] | null {
    if (this.firstGap(from, to)) return null;
    return this.cache.filter((c) => c.from < to && c.to > from).map((c) => c.rows);
  }

  private firstGap(from: string, to: string): { from: string; to: string } | null {
    let at = from;
    const ranges = this.cache.filter((c) => c.to > from && c.from < to).sort((a, b) => (a.from < b.from ? -1 : 1));
    for (const r of ranges) {
      if (r.from > at) return { from: at, to: r.from };
      if (r.to > at) at = r.to;
      if (at >= to) return null;
    }
    return at < to ? { from: at, to } : null;
  }

  /** Reads are cached while in flight too, so a prefetch under way serves the query that needs it. */
  private read(from: string, to: string): Promise<EventIndexRow[]> {
    const d = db();
    const reachBack = addDays(from, -this.maxSpanDays);
    const rows = Promise.all([
      d.eventIndex.where('[ws+start]').between([this.ws, reachBack], [this.ws, to], true, false).toArray(),
      d.eventIndex.where('[ws+recurring]').equals([this.ws, 1]).toArray(),
    ]).then(([oneOff, series]) => [...oneOff.filter((r) => r.recurring === 0 && r.end > from), ...series]);
    const entry = { from, to, rows };
    this.cache.unshift(entry);
    this.cache.length = Math.min(this.cache.length, 8);
    rows.catch(() => (this.cache = this.cache.filter((c) => c !== entry)));
    return rows;
  }
}
