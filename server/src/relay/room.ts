import * as Y from 'yjs';
import { CloseCode } from '../../../shared/src/protocol/close-codes';
import type { Logger } from '../log';
import type { Persistence } from '../persistence/persistence';
import { RoomAwareness } from './awareness';
import { RoomBudget } from './room-budget';
import { CpuClock } from './cpu-clock';
import { relayMetrics } from '../metrics';
import { checkUpdate, STORED_LIMITS, type UpdateLimits } from './update-limits';
import type { Connection } from './connection';
import { RemoteRelay, type PresenceBus, type PresenceLink, type PresenceMember } from './cluster';
import {
  ProtocolError,
  readMessage,
  writeAwareness,
  writePermissionDenied,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
  wireFrame,
  type Incoming,
} from './messages';

/** Transaction origin of updates read back from storage (never stored or forwarded again). */
export const LOAD_ORIGIN = Symbol('load');
/** Transaction origin of updates another relay stored (REDIS_URL mode): forwarded, never stored again. */
export const REMOTE_ORIGIN = Symbol('remote');

export interface RoomOptions {
  compactAfterUpdates: number;
  idleMs: number;
  /** Event-loop milliseconds per second the room may use before its frames wait (RoomBudget). */
  cpuMsPerSec: number;
  /** Structural limits on client updates (update-limits.ts). */
  limits: UpdateLimits;
  /** Base of the slow-apply guard (slowApplyMs). */
  slowApplyBaseMs: number;
  /** Presence across relays (REDIS_URL mode). */
  presence?: PresenceBus;
}

/**
 * An update that passed the checks but took longer than this to apply is undone (the
 * room reloads from storage, which never got it) and its socket closed with 1013 (try
 * again later): what the checks do not foresee still cannot make a document permanently
 * expensive, and the time it took is charged to the room's budget, so resending it only
 * slows that room. Retryable, because an honest update can meet a GC pause. Generous for
 * honest uploads (10,000 activities: 1.6 MB, 90,000 structs, applied in about 0.3 s).
 */
export const slowApplyMs = (bytes: number, baseMs = 100) => baseMs + bytes / 2000;

/** One for the process (CPU time is the process's): see CpuClock for why readings are reused. */
const cpuClock = new CpuClock();

type RoomState = 'loading' | 'ready' | 'unloading' | 'closed';

/** An empty Yjs update (no structs, empty delete set): what a client with nothing new sends as step 2. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/**
 * One workspace document in memory and the clients editing it.
 *
 * Lifecycle: loading (read from storage; client messages wait) -> ready ->
 * unloading (last client left: wait for writes, compact) -> closed.
 * An update from a client is parsed whole (Y.decodeUpdate), applied to the
 * doc, stored durably, and only then forwarded to the other clients.
 */
export class Room implements PresenceMember {
  doc = new Y.Doc({ gc: true });
  readonly conns = new Set<Connection>();
  readonly awareness = new RoomAwareness<Connection | RemoteRelay>();
  /** Fan-out subscription to what other relays store (shared store only). */
  private unsubscribe: (() => void) | null = null;
  private readonly link: PresenceLink | null;
  private readonly remotes = new Map<string, RemoteRelay>();
  state: RoomState = 'loading';
  ready: Promise<void>;
  /** Resolves when the room has left memory. */
  unloaded: Promise<void> | null = null;
  private waiting = new Map<Connection, Uint8Array[]>();
  private lastWrite: Promise<void> = Promise.resolve();
  private inflight = 0;
  private compacting = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private failed = false;
  /** Set by the last client transaction when it changed the document. */
  private changed = false;
  private readonly budget: RoomBudget;
  /** Frames held while the room is over its budget, in arrival order. */
  private deferred: Array<[Connection, Uint8Array]> = [];
  private resumeTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly id: string,
    private readonly store: Persistence,
    private readonly log: Logger,
    private readonly opts: RoomOptions,
    private readonly onClosed: (room: Room) => void,
  ) {
    this.budget = new RoomBudget(opts.cpuMsPerSec);
    this.doc.on('afterTransaction', this.onAfterTransaction);
    this.link = opts.presence?.join(id, this) ?? null;
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    const t0 = performance.now();
    try {
      const { updates } = await this.store.load(this.id);
      // From where this load ended, in the same tick (nothing another relay stores is missed).
      if (this.store.subscribe && this.state === 'loading') this.unsubscribe = this.store.subscribe(this.id, this.onRemote);
      // One transaction per stored update, so Yjs merges each one's runs as it goes (one
      // transaction for all of them merged everything at the end, at a cost that grows with
      // the square of a run continued across updates). Each goes through the same
      // structural rules as a live one (without the size caps: a snapshot is big); one that
      // fails them (stored by an older relay) is skipped, so it cannot harm the process again.
      let bad = 0;
      let refused = 0;
      for (const u of updates) {
        const refusal = checkUpdate(this.doc, u, STORED_LIMITS);
        if (refusal) {
          refused++;
          this.log.error('stored update over the limits, skipped', { room: this.id, rule: refusal.rule, bytes: u.length });
          continue;
        }
        try {
          Y.applyUpdate(this.doc, u, LOAD_ORIGIN);
        } catch {
          bad++;
        }
      }
      if (bad) this.log.error('stored updates could not be applied', { room: this.id, bad });
      // Parts waiting for ids nobody has, beyond what the room may hold (stored by an older
      // relay): Yjs would retry them with every later update, for good.
      const trimmed = this.trimPending();
      if (refused || trimmed) this.scheduleCompaction();
      if (this.state !== 'loading') return; // frozen by shutdown meanwhile
      this.state = 'ready';
      this.log.debug('room loaded', { room: this.id, updates: updates.length, ms: +(performance.now() - t0).toFixed(1) });
      if (updates.length > this.opts.compactAfterUpdates) this.scheduleCompaction();
    } catch (err) {
      this.log.error('room load failed', { room: this.id, err: err as Error });
      this.fail();
      return;
    }
    for (const [conn, frames] of this.waiting) {
      this.greet(conn);
      for (const f of frames) this.receive(conn, f);
    }
    this.waiting.clear();
    if (this.conns.size === 0) this.scheduleUnload();
  }

  /**
   * Throws the in-memory document away and reads it back from storage (which holds
   * every update acknowledged so far). Clients stay connected; their frames wait as
   * during the first load. No client has seen what is undone: it was neither stored
   * nor forwarded, and no diff was computed in between (all synchronous).
   */
  private reload(): void {
    this.state = 'loading';
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const c of this.conns) if (!this.waiting.has(c)) this.waiting.set(c, []);
    this.doc.off('afterTransaction', this.onAfterTransaction);
    this.doc.destroy();
    this.doc = new Y.Doc({ gc: true });
    this.doc.on('afterTransaction', this.onAfterTransaction);
    this.ready = this.load();
  }

  /** Drops pending structs or deletions over the room's limit; true if it did. */
  private trimPending(): boolean {
    const store = this.doc.store;
    const { maxRoomPendingBytes, maxRoomPendingDeleteBytes } = this.opts.limits;
    const structs = store.pendingStructs?.update.length ?? 0;
    const deletes = store.pendingDs?.length ?? 0;
    if (structs <= maxRoomPendingBytes && deletes <= maxRoomPendingDeleteBytes) return false;
    if (structs > maxRoomPendingBytes) store.pendingStructs = null;
    if (deletes > maxRoomPendingDeleteBytes) store.pendingDs = null;
    this.log.error('stored parts waiting for missing ids over the limit, dropped', { room: this.id, structBytes: structs, deleteBytes: deletes });
    return true;
  }

  /** Adds a connection; its messages are held until the document is loaded. */
  add(conn: Connection): void {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    this.conns.add(conn);
    if (this.state === 'loading') this.waiting.set(conn, []);
    else this.greet(conn);
  }

  private greet(conn: Connection): void {
    const states = this.awareness.snapshot();
    if (states.length > 0) conn.send(writeAwareness(states));
  }

  remove(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    this.waiting.delete(conn);
    const gone = this.awareness.removeOwner(conn);
    if (gone.length > 0) {
      const frame = writeAwareness(gone);
      this.broadcast(frame, null);
      this.link?.publish(frame);
    }
    if (this.conns.size === 0) this.scheduleUnload();
  }

  /**
   * A frame from a client. A malformed or unappliable one closes that socket only (4400), and
   * a bug while handling one closes it with 1011; either way nothing escapes to the caller.
   * Frames held while the room loaded come through here too, so one bad frame in the queue
   * cannot stop the others (or the load) from being handled.
   */
  receive(conn: Connection, frame: Uint8Array): void {
    if (this.state === 'loading') {
      this.waiting.get(conn)?.push(frame);
      return;
    }
    if (this.state !== 'ready' || conn.closed) return;
    if (this.deferred.length > 0 || this.budget.waitMs() > 0) {
      this.defer(conn, frame);
      return;
    }
    this.handle(conn, frame);
  }

  /** Handles one frame now and charges the time it took to the room's budget. */
  private handle(conn: Connection, frame: Uint8Array): void {
    const t0 = performance.now();
    try {
      this.dispatch(conn, readMessage(frame), frame);
    } catch (err) {
      if (err instanceof ProtocolError) {
        conn.log.warn('bad message, closing socket', { room: this.id, conn: conn.id, err, bytes: frame.length });
        relayMetrics.rejectedFrames.inc({ reason: 'malformed' });
        conn.close(CloseCode.BadMessage, 'bad message');
      } else {
        conn.log.error('error handling message', { room: this.id, conn: conn.id, err: err as Error, stack: (err as Error).stack });
        relayMetrics.rejectedFrames.inc({ reason: 'internal' });
        conn.close(CloseCode.InternalError, 'internal error');
      }
    }
    this.budget.charge(performance.now() - t0);
  }

  /** Over budget: hold the frame, stop reading this room's sockets, and go on when the budget allows. */
  private defer(conn: Connection, frame: Uint8Array): void {
    if (this.deferred.length === 0) this.log.info('room over its time budget, frames wait', { room: this.id, waitMs: this.budget.waitMs() });
    this.deferred.push([conn, frame]);
    for (const c of this.conns) c.ws.pause();
    if (!this.resumeTimer) this.resumeTimer = setTimeout(this.resume, Math.max(1, this.budget.waitMs()));
  }

  private resume = (): void => {
    this.resumeTimer = null;
    // Loading again (a reload): the held frames go first once it is ready.
    if (this.state === 'loading') {
      this.resumeTimer = setTimeout(this.resume, 10);
      return;
    }
    if (this.state !== 'ready') return;
    while (this.deferred.length > 0) {
      const wait = this.budget.waitMs();
      if (wait > 0) {
        this.resumeTimer = setTimeout(this.resume, wait);
        return;
      }
      const [c, f] = this.deferred.shift()!;
      if (!c.closed) this.handle(c, f);
      if (this.state !== 'ready') {
        this.resumeTimer = setTimeout(this.resume, 10);
        return;
      }
    }
    for (const c of this.conns) c.ws.resume();
  };

  private dispatch(conn: Connection, msg: Incoming, frame: Uint8Array): void {
    switch (msg.kind) {
      case 'sync-step1': {
        let diff: Uint8Array;
        try {
          diff = Y.encodeStateAsUpdate(this.doc, msg.stateVector);
        } catch {
          throw new ProtocolError('malformed state vector');
        }
        conn.send(writeSyncStep2(diff));
        // Ask writers for what we lack (their offline edits); readers' answers would be dropped anyway.
        if (!conn.readOnly) conn.send(writeSyncStep1(Y.encodeStateVector(this.doc)));
        return;
      }
      case 'sync-update': {
        relayMetrics.received(msg.update.length);
        if (conn.readOnly) {
          if (!isEmptyUpdate(msg.update)) relayMetrics.rejectedFrames.inc({ reason: 'read_only' });
          if (!isEmptyUpdate(msg.update) && !conn.deniedSent) {
            conn.deniedSent = true;
            conn.send(writePermissionDenied('read-only access: updates are not accepted'));
            conn.log.info('update from read-only client dropped', { room: this.id, conn: conn.id });
          }
          return;
        }
        // The store cannot take writes now (Redis unreachable): refuse before applying, so
        // nothing is accepted and dropped; readers keep the document from memory meanwhile.
        if (this.store.accepting && !this.store.accepting()) {
          if (isEmptyUpdate(msg.update)) return;
          conn.log.warn('storage unavailable, write refused', { room: this.id, conn: conn.id });
          // metrics: closes_total{reason="storage_unavailable"}
          conn.close(this.store.unavailableCode ?? CloseCode.TryAgainLater, 'storage unavailable: try again later');
          return;
        }
        // Read the whole update's structure first (structs and delete set): a malformed
        // one, or one that would cost too much to apply, is refused before it touches the
        // document.
        const refusal = checkUpdate(this.doc, msg.update, this.opts.limits);
        if (refusal?.rule === 'malformed') throw new ProtocolError(`malformed update: ${refusal.message}`);
        if (refusal) {
          conn.log.warn('update over the limits, closing socket', { room: this.id, conn: conn.id, rule: refusal.rule, why: refusal.message, bytes: msg.update.length });
          relayMetrics.rejectedFrames.inc({ reason: 'over_limit' });
          conn.close(CloseCode.UpdateRefused, `update refused: ${refusal.rule}`);
          return;
        }
        // Apply, then store and forward the client's update as received (a
        // copy — Buffer#slice would be a view into the socket chunk). No 'update'
        // listener is registered, so Yjs does not re-encode every transaction.
        // Skipped when it changed nothing (a duplicate); kept when part of it
        // waits for missing structs (Yjs holds that part in memory only).
        // A resent update whose missing part is already pending adds nothing: compare what is
        // pending before and after, so duplicates are not stored and forwarded again and again.
        this.changed = false;
        const store = this.doc.store;
        const pendingBefore = [store.pendingStructs?.update, store.pendingDs] as const;
        const t0 = performance.now();
        const cpu0 = cpuClock.mark(t0);
        try {
          Y.applyUpdate(this.doc, msg.update, conn);
        } catch (err) {
          throw new ProtocolError(`update cannot be applied: ${(err as Error).message}`);
        }
        let ms = performance.now() - t0;
        const allowed = slowApplyMs(msg.update.length, this.opts.slowApplyBaseMs);
        // The guard prices the update, not the machine: when the process was not running for most of
        // that wall time (a busy host, another process's burst), its CPU time is the fairer measure,
        // so an honest 100-byte update is not refused because the relay was descheduled.
        if (ms > allowed) ms = Math.min(ms, cpuClock.msSince(cpu0));
        if (ms > allowed && (this.changed || store.pendingStructs || store.pendingDs)) {
          conn.log.warn('update too slow to apply, undone', { room: this.id, conn: conn.id, ms: Math.round(ms), bytes: msg.update.length });
          relayMetrics.rejectedFrames.inc({ reason: 'slow_apply' });
          conn.close(CloseCode.TryAgainLater, 'update too slow to apply: try again later');
          this.reload();
          return;
        }
        const pendingGrew = !sameBytes(pendingBefore[0], store.pendingStructs?.update) || !sameBytes(pendingBefore[1], store.pendingDs);
        if (this.changed || pendingGrew) this.persistAndForward(new Uint8Array(msg.update), conn);
        return;
      }
      case 'awareness': {
        if (!conn.takeAwarenessToken()) return void relayMetrics.rejectedFrames.inc({ reason: 'awareness_rate' });
        // Forward the frame as received to everyone, the sender included: the
        // stock client treats 30 s without any message as a dead connection.
        // Refused entries (another socket's id, invalid JSON) are left out of what is forwarded.
        const applied = this.awareness.apply(conn, msg.entries);
        if (applied.refused) relayMetrics.rejectedFrames.inc({ reason: 'awareness_refused' });
        if (applied.changed) {
          const out = applied.refused ? writeAwareness(applied.accepted) : frame;
          this.broadcast(out, null);
          this.link?.publish(out);
        }
        return;
      }
      case 'query-awareness':
        conn.send(writeAwareness(this.awareness.snapshot()));
        return;
      case 'auth':
        return;
    }
  }

  /**
   * An update another relay stored (fan-out). Applied and forwarded to every local client;
   * never stored again. A snapshot (resync after a lost connection) is forwarded as the diff
   * it made. One that cannot be applied throws to the store, which logs and skips it.
   */
  private onRemote = (update: Uint8Array, kind: 'entry' | 'snapshot'): void => {
    if (this.state === 'closed' || this.failed) return;
    const before = kind === 'snapshot' ? Y.encodeStateVector(this.doc) : null;
    this.changed = false;
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    if (!this.changed) return;
    this.queueForward(before ? Y.encodeStateAsUpdate(this.doc, before) : update, null);
  };

  private remote(relayId: string): RemoteRelay {
    let r = this.remotes.get(relayId);
    if (!r) this.remotes.set(relayId, (r = new RemoteRelay(relayId)));
    return r;
  }

  onRemoteAwareness(relayId: string, frame: Uint8Array): void {
    if (this.state === 'closed') return;
    let msg: Incoming;
    try {
      msg = readMessage(frame);
    } catch {
      this.log.warn('bad presence frame from another relay, skipped', { room: this.id, relay: relayId });
      return;
    }
    if (msg.kind !== 'awareness') return;
    // Checked by the relay its client is on; one relay speaks for all of its clients.
    const applied = this.awareness.apply(this.remote(relayId), msg.entries, Date.now(), Infinity);
    if (applied.changed) this.broadcast(applied.refused ? writeAwareness(applied.accepted) : frame, null);
  }

  onQuery(): void {
    const mine = this.awareness.snapshot(Date.now(), (o) => !(o instanceof RemoteRelay));
    if (mine.length > 0) this.link?.publish(writeAwareness(mine));
  }

  onRelayGone(relayId: string): void {
    const r = this.remotes.get(relayId);
    if (!r) return;
    this.remotes.delete(relayId);
    const gone = this.awareness.removeOwner(r);
    if (gone.length > 0) this.broadcast(writeAwareness(gone), null);
  }

  /** Whether the last transaction changed the document (what Yjs checks before emitting 'update'). */
  private onAfterTransaction = (tr: Y.Transaction): void => {
    if (tr.deleteSet.clients.size > 0) {
      this.changed = true;
      return;
    }
    for (const [client, clock] of tr.afterState) {
      if (tr.beforeState.get(client) !== clock) {
        this.changed = true;
        return;
      }
    }
  };

  /** Stores a client's change durably, then forwards it to the other clients. */
  private persistAndForward(update: Uint8Array, from: Connection): void {
    if (this.failed) return;
    this.inflight++;
    this.lastWrite = this.store.append(this.id, update).then(
      () => {
        this.inflight--;
        if (this.failed) return;
        this.queueForward(update, from);
        if (this.store.entries(this.id) > this.opts.compactAfterUpdates) this.scheduleCompaction();
      },
      (err: Error) => {
        this.inflight--;
        this.log.error('storing an update failed; dropping the room', { room: this.id, err });
        this.fail();
      },
    );
  }

  /**
   * Updates made durable by one storage batch resolve in the same microtask
   * run; forward them together: each frame is framed once, and each client
   * gets all of them (minus its own) in one corked write.
   */
  private outbox: Array<{ update: Uint8Array; from: Connection | null }> = [];

  private queueForward(update: Uint8Array, from: Connection | null): void {
    this.outbox.push({ update, from });
    if (this.outbox.length === 1) queueMicrotask(this.flushOutbox);
  }

  private flushOutbox = (): void => {
    const batch = this.outbox;
    this.outbox = [];
    if (batch.length === 0 || this.failed) return;
    // One buffer with every frame of the batch, written as is to each client
    // that sent none of them; a sender gets the others' frames only.
    const frames = batch.map((b) => wireFrame(writeUpdate(b.update)));
    const all = frames.length === 1 ? frames[0]! : Buffer.concat(frames);
    let senders: Map<Connection | null, number[]> | null = null;
    batch.forEach((b, i) => {
      senders ??= new Map();
      const own = senders.get(b.from);
      if (own) own.push(i);
      else senders.set(b.from, [i]);
    });
    for (const c of this.conns) {
      const own = senders!.get(c);
      if (!own) c.sendWire(all);
      else if (own.length < frames.length) c.sendWire(Buffer.concat(frames.filter((_, i) => !own.includes(i))));
    }
    for (const b of batch) relayMetrics.forwarded(b.update.length, this.conns.size - (b.from && this.conns.has(b.from) ? 1 : 0));
  };

  private broadcast(frame: Uint8Array, except: Connection | null): void {
    for (const c of this.conns) if (c !== except) c.send(frame);
  }

  private scheduleCompaction(): void {
    if (this.compacting || this.failed) return;
    this.compacting = true;
    setImmediate(() => {
      if (this.state === 'closed' || this.failed) return;
      const snapshot = Y.encodeStateAsUpdate(this.doc);
      const t0 = performance.now();
      this.store
        .compact(this.id, snapshot)
        .then(
          () => this.log.debug('room compacted', { room: this.id, bytes: snapshot.length, ms: +(performance.now() - t0).toFixed(1) }),
          (err: Error) => this.log.error('compaction failed', { room: this.id, err }),
        )
        .finally(() => {
          this.compacting = false;
        });
    });
  }

  private scheduleUnload(): void {
    if (this.state !== 'ready' || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.conns.size === 0 && this.state === 'ready') void this.unload();
    }, this.opts.idleMs);
  }

  /** Shutdown: stop taking messages (they would not be stored) and never unload. */
  freeze(): void {
    if (this.state === 'ready' || this.state === 'loading') this.state = 'unloading';
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Waits until every update received so far is durable. */
  async settle(): Promise<void> {
    while (this.inflight > 0) await this.lastWrite.catch(() => undefined);
  }

  /** Store what is pending, compact if worthwhile, then drop the document from memory. */
  unload(): Promise<void> {
    if (this.unloaded) return this.unloaded;
    this.state = 'unloading';
    // What other relays store from now on is not in this document (compaction merges it).
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.unloaded = (async () => {
      await this.settle();
      if (!this.failed && this.store.entries(this.id) > 1) {
        try {
          await this.store.compact(this.id, Y.encodeStateAsUpdate(this.doc));
        } catch (err) {
          this.log.error('compaction on unload failed', { room: this.id, err: err as Error });
        }
      }
      this.close();
    })();
    return this.unloaded;
  }

  private close(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.link?.leave();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.resumeTimer) clearTimeout(this.resumeTimer);
    this.deferred = [];
    this.doc.off('afterTransaction', this.onAfterTransaction);
    this.doc.destroy();
    this.store.release(this.id);
    this.log.debug('room unloaded', { room: this.id });
    this.onClosed(this);
  }

  /**
   * Storage failed: close every socket with 1013 (try again later). The clients keep
   * what was not acknowledged and resend it to a fresh room when they reconnect, which
   * they do by themselves, with backoff, until storage works again.
   */
  private fail(): void {
    if (this.failed) return;
    this.failed = true;
    for (const c of this.conns) c.close(this.store.unavailableCode ?? CloseCode.TryAgainLater, 'storage unavailable');
    this.conns.clear();
    this.waiting.clear();
    this.unloaded = Promise.resolve();
    this.state = 'unloading';
    this.close();
  }
}

/** Same bytes, or both absent. */
function sameBytes(a: Uint8Array | null | undefined, b: Uint8Array | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
