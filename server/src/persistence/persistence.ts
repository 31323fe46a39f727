/**
 * Storage seam of the relay: an append-only log of Yjs updates per document,
 * compacted into a snapshot now and then, plus a tiny workspace registry.
 *
 * Contract: `append` resolves only once the update is durable (on disk and
 * flushed); the relay forwards an update to other clients only after that.
 * Appends and compactions of one store run in call order.
 */
export interface WorkspaceRecord {
  id: string;
  name: string;
  /** Link generation: tokens with another generation are refused. */
  gen: number;
  createdAt: number;
}

export interface LoadedDoc {
  /** Updates in the order they were stored (a compacted snapshot comes first). */
  updates: Uint8Array[];
}

/**
 * An update another relay stored (`entry`), or, after a lost connection, the stored snapshot
 * (`snapshot`: the room applies it and forwards only what it lacked).
 */
export type RemoteListener = (update: Uint8Array, kind: 'entry' | 'snapshot') => void;

export interface Persistence {
  /** All stored updates of a document (empty for an unknown one). */
  load(docId: string): Promise<LoadedDoc>;
  /** Store one update durably. The store may keep `update` (do not modify it afterwards). */
  append(docId: string, update: Uint8Array): Promise<void>;
  /**
   * Replace everything stored so far for docId by `snapshot` (which must
   * contain all of it). Appends made after this call are kept.
   */
  compact(docId: string, snapshot: Uint8Array): Promise<void>;
  /** Number of log entries stored for docId since its last compaction (or load). */
  entries(docId: string): number;
  /** Forget per-document bookkeeping (after the room is unloaded). */
  release(docId: string): void;

  getWorkspace(id: string): Promise<WorkspaceRecord | undefined>;
  /** Durably create or replace a workspace record. */
  putWorkspace(rec: WorkspaceRecord): Promise<void>;

  /**
   * Shared stores (Redis: several relays on one store) only. Absent for the embedded stores.
   *
   * - `shared`: other processes write too, so the workspace registry reads through (no cache).
   * - `accepting()`: false while the store cannot take writes; rooms then refuse updates up
   *   front, closing the writer with `unavailableCode` (nothing accepted and dropped).
   * - `subscribe(docId, fn)`: fan-out of what other relays store for docId, from where the
   *   last `load` ended; returns the unsubscribe function.
   * - `createWorkspace` / `rotateWorkspace`: atomic across relays.
   */
  readonly shared?: boolean;
  readonly unavailableCode?: number;
  accepting?(): boolean;
  subscribe?(docId: string, listener: RemoteListener): () => void;
  createWorkspace?(rec: WorkspaceRecord): Promise<boolean>;
  rotateWorkspace?(id: string, fromGen?: number): Promise<WorkspaceRecord | undefined | 'stale'>;

  /** Wait for everything queued so far to be durable. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
