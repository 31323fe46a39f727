import fs from 'node:fs';
import path from 'node:path';
import { ClassicLevel } from 'classic-level';
import type { LoadedDoc, Persistence, WorkspaceRecord } from './persistence';

/**
 * LevelDB (classic-level) store under DATA_DIR/db.
 *
 * Keys (utf8):  d!<docId>!<seq as 12 hex digits>  -> one Yjs update (or a compacted snapshot)
 *               w!<workspaceId>                   -> WorkspaceRecord as JSON
 *
 * Writes go through one queue with group commit: everything queued while a
 * write is in flight is written next as one batch with `sync: true` (fsync),
 * and each caller's promise resolves only after its batch is on disk.
 */
type Op =
  | { type: 'put'; key: string; value: Uint8Array | string }
  | { type: 'del'; key: string };

interface Pending {
  ops: Op[];
  resolve: () => void;
  reject: (err: Error) => void;
}

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

export class LevelPersistence implements Persistence {
  private readonly db: ClassicLevel<string, Uint8Array>;
  private readonly docs = new Map<string, DocState>();
  private queue: Pending[] = [];
  private writing: Promise<void> | null = null;
  /** Batches written, for stats. */
  batches = 0;

  private constructor(db: ClassicLevel<string, Uint8Array>) {
    this.db = db;
  }

  static async open(dataDir: string): Promise<LevelPersistence> {
    const location = path.join(dataDir, 'db');
    fs.mkdirSync(location, { recursive: true });
    const db = new ClassicLevel<string, Uint8Array>(location, { keyEncoding: 'utf8', valueEncoding: 'view' });
    await db.open();
    return new LevelPersistence(db);
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
    return this.enqueue([{ type: 'put', key: docKey(docId, st.next++), value: update }]);
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

  private enqueue(ops: Op[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ ops, resolve, reject });
      if (!this.writing) this.writing = this.drain();
    });
  }

  private async drain(): Promise<void> {
    // Let callers in the same tick join this batch.
    await new Promise<void>((r) => setImmediate(r));
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      const chained = this.db.batch();
      for (const p of batch) {
        for (const op of p.ops) {
          if (op.type === 'del') chained.del(op.key);
          else chained.put(op.key, typeof op.value === 'string' ? new TextEncoder().encode(op.value) : op.value);
        }
      }
      try {
        await chained.write({ sync: true });
        this.batches++;
        for (const p of batch) p.resolve();
      } catch (err) {
        for (const p of batch) p.reject(err as Error);
      }
    }
    this.writing = null;
  }

  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.db.close();
  }
}
