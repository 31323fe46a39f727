import * as Y from 'yjs';
import type { EventRecord } from '@shared/schema/types';
import { readEvent, readEvents, observeEvents, observeHistory, lostValues } from '@shared/schema';
import { addDays, diffDays, effectiveEnd } from '@shared/time/dates';
import { db, type EventIndexRow } from './db';

/** What a range query returns: the record, plus whether it carries an overwritten value. */
export type IndexedEvent = EventRecord & { conflicted?: boolean };

/** Rows for a live event: deleted and invalid records are not indexed (they have their own lists). */
function toRow(ws: string, record: EventRecord, doc: Y.Doc): EventIndexRow {
  const row: EventIndexRow = {
    ws,
    id: record.id,
    start: record.start,
    end: effectiveEnd(record.start, record.end),
    recurring: record.rrule ? 1 : 0,
    record,
  };
  if (lostValues(doc, record).length > 0) row.conflicted = true;
  return row;
}

function spanDays(row: EventIndexRow): number {
  return Math.max(1, diffDays(row.start.slice(0, 10), row.end.slice(0, 10)));
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Keeps the Dexie projection of one workspace's events in step with its Y.Doc,
 * so views can ask for a visible range instead of walking the whole document.
 */
export class EventIndex {
  private maxSpanDays = 1;
  private pending = new Set<string>();
  private flushing: Promise<void> | null = null;
  /** Set once the projection matches the doc; until then observed ids wait in `pending`. */
  private following = false;
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
  }

  /**
   * Once the doc is loaded: rebuild when it changed since the last projection (another
   * device, a write lost in a crash), then follow its changes.
   */
  async start(): Promise<void> {
    // Observe first: a change landing while the projection is checked or rebuilt (an await
    // away) would otherwise never reach the index. Writes wait until the rebuild is done, so
    // its snapshot cannot overwrite them.
    const onIds = (ids: Set<string>) => {
      for (const id of ids) this.pending.add(id);
      if (this.following) void this.flush();
    };
    const offEvents = observeEvents(this.doc, onIds);
    // History can change without the event (a dismissed conflict): its mark must follow.
    const offHistory = observeHistory(this.doc, onIds);
    this.unobserve = () => {
      offEvents();
      offHistory();
    };
    const row = await db().workspaces.get(this.ws);
    if (!row || !sameBytes(row.indexedState, Y.encodeStateVector(this.doc))) {
      this.pending.clear();
      await this.rebuild();
      this.notify();
    }
    this.following = true;
    if (this.pending.size > 0) await this.flush();
  }

  stop(): void {
    this.unobserve?.();
    this.unobserve = null;
  }

  /** Called after the index changed, so views refetch their range. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Recently read ranges (rows), so a month already fetched or prefetched is answered from memory. */
  private cache: { from: string; to: string; rows: Promise<EventIndexRow[]> }[] = [];

  private notify(): void {
    this.cache = [];
    for (const l of this.listeners) l();
  }

  async rebuild(): Promise<void> {
    const d = db();
    // Whatever changes from here on is observed and written after this snapshot.
    this.pending.clear();
    const { events } = readEvents(this.doc);
    const rows = events.filter((e) => e.deletedAt === undefined).map((e) => toRow(this.ws, e, this.doc));
    this.maxSpanDays = rows.reduce((m, r) => Math.max(m, spanDays(r)), 1);
    const state = Y.encodeStateVector(this.doc);
    await d.transaction('rw', [d.eventIndex, d.workspaces], async () => {
      await d.eventIndex.where('[ws+id]').between([this.ws, ''], [this.ws, '\uffff']).delete();
      await d.eventIndex.bulkPut(rows);
      await d.workspaces.update(this.ws, { indexedState: state, maxSpanDays: this.maxSpanDays });
    });
  }

  /** Resolves once every change seen so far is written to the index. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = (async () => {
      // Batch everything observed in the same tick (a bulk import fires many observers).
      await Promise.resolve();
      while (this.pending.size > 0) {
        const ids = [...this.pending];
        this.pending.clear();
        await this.write(ids);
      }
      this.flushing = null;
      this.notify();
    })();
    return this.flushing;
  }

  private async write(ids: string[]): Promise<void> {
    performance.mark('cc:index-write', { detail: ids.length });
    const d = db();
    const put: EventIndexRow[] = [];
    const del: [string, string][] = [];
    for (const id of ids) {
      const read = readEvent(this.doc, id);
      if (read?.ok && read.record.deletedAt === undefined) put.push(toRow(this.ws, read.record, this.doc));
      else del.push([this.ws, id]);
    }
    for (const r of put) this.maxSpanDays = Math.max(this.maxSpanDays, spanDays(r));
    const state = Y.encodeStateVector(this.doc);
    await d.transaction('rw', [d.eventIndex, d.workspaces], async () => {
      if (put.length) await d.eventIndex.bulkPut(put);
      if (del.length) await d.eventIndex.bulkDelete(del as unknown as string[]);
      await d.workspaces.update(this.ws, { indexedState: state, maxSpanDays: this.maxSpanDays });
    });
  }

  /**
   * Events that may touch [from, to) (`YYYY-MM-DD`, `to` exclusive): one-off events by the start
   * index reaching back by the longest span, plus every recurring series (expanded by the caller).
   */
  async query(from: string, to: string): Promise<IndexedEvent[]> {
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
    return out;
  }

  /** Read ahead of need (the months either side of the visible one), only what is not cached yet. */
  async prefetch(from: string, to: string): Promise<void> {
    const gap = this.firstGap(from, to);
    if (gap) await this.read(gap.from, gap.to);
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
