import fs from 'node:fs';
import path from 'node:path';
import { ClassicLevel } from 'classic-level';
import type { LoadedDoc, Persistence, WorkspaceRecord } from './persistence';
import { WriteAheadLog, type WalRecord } from './wal';

/**
 * LevelDB (classic-level) store under DATA_DIR/db.
 *
 * Keys (utf8):  d!<docId>!<seq as 12 hex digits>  -> one Yjs update (or a compacted snapshot)
 *               w!<workspaceId>                   -> WorkspaceRecord as JSON
 *
 *               m!walEpoch                        -> epoch of the write-ahead log (decimal)
 *
 * Writes go through one queue with group commit: everything queued while a
 * write is in flight is written next as one batch, and each caller's promise
 * resolves only after its batch is on disk.
 *
 * Hot path: document appends go to the write-ahead log (DATA_DIR/updates-{0,1}.wal,
 * see wal.ts): one O_DSYNC write per batch, up to `walPipeline` batches in
 * flight, acknowledged in order. Those records are kept in memory (`pending`)
 * and moved into LevelDB by a checkpoint — one `sync: true` batch that also
 * records the log's next epoch — when the log passes `walCheckpointBytes`,
 * after `walIdleMs` without appends, with any other write (compaction,
 * workspace record) and on close. While a checkpoint is written, appends
 * continue in the next epoch (the other file). On open, records of the stored
 * epoch and the next one (a crash during a checkpoint) are stored in LevelDB
 * first; a torn last record is ignored (it was never acknowledged: its write
 * had not returned).
 */
type Op =
  | { type: 'put'; key: string; value: Uint8Array | string }
  | { type: 'del'; key: string };

interface Pending {
  ops: Op[];
  /** Set for a document append: goes to the write-ahead log. */
  record?: WalRecord;
  /** flush(): resolves once everything queued before it is durable; writes nothing. */
  barrier?: boolean;
  resolve: () => void;
  reject: (err: Error) => void;
}

export interface LevelOptions {
  /** Checkpoint the log into LevelDB beyond this many bytes (default 4 MiB). */
  walCheckpointBytes?: number;
  /** Checkpoint after this long without appends (default 2 s). */
  walIdleMs?: number;
  /** Disable the log: every batch is a synced LevelDB write (the old path; for comparison). */
  noWal?: boolean;
  /** Make log writes durable with O_DSYNC (default) or write + fdatasync. */
  walSync?: 'odsync' | 'fdatasync';
  /** Log batches allowed in flight at once (default 2; 1 = strict group commit). */
  walPipeline?: number;
  /** Test hooks: return an error to fail the next log write or LevelDB batch (a full or failing disk). */
  faults?: { wal?: () => Error | undefined; level?: () => Error | undefined };
}

/** Retry a failed checkpoint after this long, doubling up to REPAIR_MAX_MS. */
const REPAIR_FIRST_MS = 100;
const REPAIR_MAX_MS = 5000;

const EPOCH_KEY = 'm!walEpoch';

interface DocState {
  /** Lowest stored seq (the snapshot's, after compaction). */
  first: number;
  /** Next seq to assign. */
  next: number;
}

const SEQ_DIGITS = 12;
const docPrefix = (docId: string) => `d!${docId}!`;
const docKey = (docId: string, seq: number) => docPrefix(docId) + seq.toString(16).padStart(SEQ_DIGITS, '0');
const wsKey = (id: string) => `w!${id}`;
const noop = () => undefined;

export class LevelPersistence implements Persistence {
  private readonly db: ClassicLevel<string, Uint8Array>;
  private readonly docs = new Map<string, DocState>();
  private queue: Pending[] = [];
  private writing: Promise<void> | null = null;
  /** Appends durable in the log but not yet in LevelDB, per document, in seq order. */
  private pending = new Map<string, WalRecord[]>();
  private pendingCount = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly checkpointBytes: number;
  private readonly idleMs: number;
  private readonly walPipeline: number;
  /** Batches written (log or LevelDB), for stats. */
  batches = 0;
  /** Checkpoints into LevelDB, for stats. */
  checkpoints = 0;

  private readonly faults: LevelOptions['faults'];

  private constructor(
    db: ClassicLevel<string, Uint8Array>,
    private readonly wal: WriteAheadLog | null,
    opts: LevelOptions,
  ) {
    this.db = db;
    this.faults = opts.faults;
    if (wal && opts.faults?.wal) wal.fault = opts.faults.wal;
    this.checkpointBytes = opts.walCheckpointBytes ?? 4 * 1024 * 1024;
    this.idleMs = opts.walIdleMs ?? 2000;
    this.walPipeline = Math.max(1, opts.walPipeline ?? 2);
  }

  static async open(dataDir: string, opts: LevelOptions = {}): Promise<LevelPersistence> {
    const location = path.join(dataDir, 'db');
    fs.mkdirSync(location, { recursive: true });
    const db = new ClassicLevel<string, Uint8Array>(location, { keyEncoding: 'utf8', valueEncoding: 'view' });
    await db.open();
    if (opts.noWal) return new LevelPersistence(db, null, opts);
    const raw = await db.get(EPOCH_KEY);
    const epoch = raw === undefined ? 0 : Number(new TextDecoder().decode(raw));
    const checkpointBytes = opts.walCheckpointBytes ?? 4 * 1024 * 1024;
    const { wal, records } = WriteAheadLog.open(path.join(dataDir, 'updates'), epoch, Math.max(1 << 20, checkpointBytes * 2), opts.walSync !== 'fdatasync');
    // Recovery: whatever the log holds for this epoch and the next goes into
    // LevelDB in one synced batch that moves to the epoch after those.
    const chained = db.batch();
    for (const r of records) chained.put(docKey(r.docId, r.seq), r.update);
    chained.put(EPOCH_KEY, new TextEncoder().encode(String(epoch + 2)));
    await chained.write({ sync: true });
    wal.restart(epoch + 2);
    return new LevelPersistence(db, wal, opts);
  }

  async load(docId: string): Promise<LoadedDoc> {
    await this.flush();
    const updates: Uint8Array[] = [];
    const prefix = docPrefix(docId);
    let first = -1;
    let last = -1;
    for await (const [key, value] of this.db.iterator({ gt: prefix, lt: `d!${docId}"` })) {
      const seq = parseInt(key.slice(prefix.length), 16);
      if (first < 0) first = seq;
      last = seq;
      updates.push(value);
    }
    // Appends not checkpointed yet all come after what LevelDB holds (any
    // compaction checkpoints first).
    for (const r of [...(this.checkpointing?.get(docId) ?? []), ...(this.pending.get(docId) ?? [])]) {
      if (r.seq <= last) continue;
      if (first < 0) first = r.seq;
      last = r.seq;
      updates.push(r.update);
    }
    const known = this.docs.get(docId);
    if (!known) this.docs.set(docId, { first: Math.max(first, 0), next: last + 1 });
    return { updates };
  }

  private state(docId: string): DocState {
    const st = this.docs.get(docId);
    if (!st) throw new Error(`document ${docId} used before load()`);
    return st;
  }

  append(docId: string, update: Uint8Array): Promise<void> {
    const st = this.state(docId);
    const seq = st.next++;
    if (!this.wal) return this.enqueue([{ type: 'put', key: docKey(docId, seq), value: update }]);
    return new Promise<void>((resolve, reject) => {
      // In log mode the record is the write; LevelDB keys are made only at checkpoint time.
      this.queue.push({ ops: [], record: { docId, seq, update }, resolve, reject });
      this.wake();
    });
  }

  compact(docId: string, snapshot: Uint8Array): Promise<void> {
    const st = this.state(docId);
    const ops: Op[] = [];
    if (st.next === st.first) st.next++;
    const at = st.next - 1;
    for (let seq = st.first; seq < at; seq++) ops.push({ type: 'del', key: docKey(docId, seq) });
    ops.push({ type: 'put', key: docKey(docId, at), value: snapshot });
    st.first = at;
    return this.enqueue(ops);
  }

  entries(docId: string): number {
    const st = this.docs.get(docId);
    return st ? st.next - st.first : 0;
  }

  release(docId: string): void {
    this.docs.delete(docId);
  }

  async getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
    await this.flush();
    const raw = await this.db.get(wsKey(id));
    return raw === undefined ? undefined : (JSON.parse(new TextDecoder().decode(raw)) as WorkspaceRecord);
  }

  putWorkspace(rec: WorkspaceRecord): Promise<void> {
    return this.enqueue([{ type: 'put', key: wsKey(rec.id), value: JSON.stringify(rec) }]);
  }

  /** Moves the log's records into LevelDB now (tests; normally automatic). */
  checkpoint(): Promise<void> {
    return this.enqueue([]);
  }

  private enqueue(ops: Op[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ ops, resolve, reject });
      this.wake();
    });
  }

  private wake(): void {
    if (!this.writing) this.writing = this.drain();
    else this.kick?.();
  }

  /** Log appends written but not yet acknowledged, oldest first (each: whether it and all before it were durable). */
  private walInflight: Promise<boolean>[] = [];
  /** The LevelDB batch being written (a checkpoint, compaction or workspace record), if any. */
  private levelInflight: Promise<void> | null = null;
  /** Appends of the epoch being checkpointed right now (still readable by load()). */
  private checkpointing: Map<string, WalRecord[]> | null = null;
  /**
   * A checkpoint failed (LevelDB could not write: disk full, I/O error). Its records are
   * pending again and stay in their log file, so that file must not be reused: until a
   * checkpoint succeeds, checkpoints write into LevelDB without moving the log to the next
   * epoch, and are retried with backoff. Appends keep going to the log meanwhile.
   */
  private degraded: Error | null = null;
  private repairTimer: NodeJS.Timeout | null = null;
  private repairDelay = REPAIR_FIRST_MS;
  /** Failed checkpoints, for stats and tests. */
  failedCheckpoints = 0;
  /** Wakes a drain that waits on in-flight writes when new work is queued. */
  private kick: (() => void) | null = null;

  private async drain(): Promise<void> {
    // Let callers in the same tick join this batch.
    await new Promise<void>((r) => setImmediate(r));
    for (;;) {
      const head = this.queue[0];
      const wal = this.wal;
      // A log write failed: once nothing is in flight, the next write overwrites it.
      if (wal && wal.failedAt !== null && this.walInflight.length === 0) wal.rewind();
      if (head?.barrier && this.walInflight.length === 0 && !this.levelInflight) {
        this.queue.shift();
        head.resolve();
        continue;
      }
      if (head && wal && head.record && this.walInflight.length < this.walPipeline && wal.failedAt === null) {
        // Leading appends: one write of the log (O_DSYNC), possibly while the
        // previous batch and a LevelDB checkpoint are still running.
        // Batches are acknowledged in order.
        let n = 1;
        while (n < this.queue.length && this.queue[n]!.record) n++;
        const batch = this.queue.splice(0, n);
        const records = batch.map((p) => p.record!);
        for (const r of records) {
          const list = this.pending.get(r.docId);
          if (list) list.push(r);
          else this.pending.set(r.docId, [r]);
        }
        this.pendingCount += records.length;
        const io = wal.append(records);
        const prev = this.walInflight.at(-1);
        // A batch is acknowledged only if every earlier one was: after a failed write the
        // log ends there for recovery, so a later batch is not durable even if its own write
        // went through. A refused batch's records are forgotten (a room loaded meanwhile must
        // not serve them as stored); their clients resend them.
        const done = Promise.allSettled([io, prev]).then(([res, before]) => {
          this.walInflight.shift();
          const earlierOk = prev === undefined || (before.status === 'fulfilled' && before.value === true);
          if (res.status === 'fulfilled' && earlierOk) {
            this.batches++;
            this.walFailing = false;
            for (const p of batch) p.resolve();
            return true;
          }
          const err = res.status === 'rejected' ? (res.reason as Error) : new Error('an earlier write-ahead log write failed');
          this.walFailing = true;
          this.forget(records);
          for (const p of batch) p.reject(err);
          return false;
        });
        this.walInflight.push(done);
        if (wal.bytes >= this.checkpointBytes && !this.degraded && !this.queue.some((p) => !p.record)) this.queue.push({ ops: [], resolve: noop, reject: noop });
        else this.armIdle();
        continue;
      }
      if (head && !head.record && !head.barrier && !this.levelInflight && (!wal || this.walInflight.length === 0)) {
        this.startLevelBatch();
        continue;
      }
      if (!head && this.walInflight.length === 0 && !this.levelInflight) {
        // Synchronously with the emptiness check: a later enqueue starts a new drain.
        this.writing = null;
        return;
      }
      // Wait for an in-flight write, or for new work that could start next to it.
      const woken = new Promise<void>((r) => (this.kick = r));
      await Promise.race([this.walInflight[0], this.levelInflight, woken].filter(Boolean));
      this.kick = null;
      if (this.queue.length > 0 && this.queue[0]!.record) await new Promise<void>((r) => setImmediate(r));
    }
  }

  /**
   * Leading non-append items (compaction, workspace record, checkpoint
   * request) as one synced LevelDB batch, preceded by every log record of
   * the current epoch, which moves the log to the next epoch (other file):
   * appends continue there while this batch is written.
   */
  private startLevelBatch(): void {
    let n = 1;
    while (n < this.queue.length && !this.queue[n]!.record && !this.queue[n]!.barrier) n++;
    const batch = this.queue.splice(0, n);
    const wal = this.wal;
    const chained = this.db.batch();
    const ckpt = wal !== null && this.pendingCount > 0;
    // After a failed checkpoint, the log stays in its epoch (see `degraded`): records the
    // stored epoch points at are then all in LevelDB, and replaying the current file again
    // on recovery rewrites the same keys.
    const advance = ckpt && !this.degraded;
    if (ckpt) {
      for (const list of this.pending.values()) for (const r of list) chained.put(docKey(r.docId, r.seq), r.update);
      chained.put(EPOCH_KEY, new TextEncoder().encode(String(advance ? wal.epoch + 1 : wal.epoch)));
      this.checkpointing = this.pending;
      this.pending = new Map();
      this.pendingCount = 0;
      if (advance) wal.restart(wal.epoch + 1);
    }
    for (const p of batch) {
      for (const op of p.ops) {
        if (op.type === 'del') chained.del(op.key);
        else chained.put(op.key, typeof op.value === 'string' ? new TextEncoder().encode(op.value) : op.value);
      }
    }
    const injected = chained.length > 0 ? this.faults?.level?.() : undefined;
    const write = injected ? chained.close().then(() => Promise.reject(injected)) : chained.length > 0 ? chained.write({ sync: true }) : chained.close();
    this.levelInflight = write.then(
      () => {
        this.batches++;
        if (ckpt) {
          this.checkpoints++;
          if (this.degraded) this.recovered();
        }
        this.checkpointing = null;
        this.levelInflight = null;
        for (const p of batch) p.resolve();
      },
      (err: Error) => {
        if (ckpt) this.checkpointFailed(err);
        this.levelInflight = null;
        for (const p of batch) p.reject(err);
      },
    );
  }

  /** Drops records of a refused log write from those waiting for a checkpoint. */
  private forget(records: readonly WalRecord[]): void {
    const gone = new Set(records);
    for (const docId of new Set(records.map((r) => r.docId))) {
      const list = this.pending.get(docId);
      if (!list) continue;
      const kept = list.filter((x) => !gone.has(x));
      this.pendingCount -= list.length - kept.length;
      if (kept.length > 0) this.pending.set(docId, kept);
      else this.pending.delete(docId);
    }
  }

  /** Puts a failed checkpoint's records back in front of what came since, and retries later. */
  private checkpointFailed(err: Error): void {
    const failed = this.checkpointing ?? new Map<string, WalRecord[]>();
    this.checkpointing = null;
    for (const [docId, list] of failed) {
      this.pending.set(docId, [...list, ...(this.pending.get(docId) ?? [])]);
      this.pendingCount += list.length;
    }
    this.degraded = err;
    this.failedCheckpoints++;
    this.onStorageError?.(err);
    if (this.repairTimer) return;
    this.repairTimer = setTimeout(() => {
      this.repairTimer = null;
      void this.checkpoint().catch(noop);
    }, this.repairDelay);
    this.repairTimer.unref();
    this.repairDelay = Math.min(REPAIR_MAX_MS, this.repairDelay * 2);
  }

  private recovered(): void {
    this.degraded = null;
    this.repairDelay = REPAIR_FIRST_MS;
    this.onStorageRecovered?.();
  }

  /** Told when LevelDB refuses a checkpoint and when one succeeds again (logging). */
  onStorageError: ((err: Error) => void) | null = null;
  onStorageRecovered: (() => void) | null = null;

  /** The last log write failed (until one succeeds). */
  private walFailing = false;

  /** Whether the last log write or the last checkpoint failed. */
  get unhealthy(): boolean {
    return this.degraded !== null || this.walFailing;
  }

  private armIdle(): void {
    if (this.idleTimer) this.idleTimer.refresh();
    else {
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null;
        if (this.pendingCount > 0) void this.checkpoint().catch(noop);
      }, this.idleMs);
      this.idleTimer.unref();
    }
  }

  /**
   * Waits until everything queued so far is durable (not for what is queued
   * later, so a busy store cannot starve a room load).
   */
  flush(): Promise<void> {
    if (!this.writing && this.queue.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ ops: [], barrier: true, resolve, reject });
      this.wake();
    });
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.repairTimer) clearTimeout(this.repairTimer);
    if (this.pendingCount > 0) await this.checkpoint();
    this.wal?.close();
    await this.db.close();
  }
}
