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

  /** Wait for everything queued so far to be durable. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
