import type { LoadedDoc, Persistence, WorkspaceRecord } from './persistence';

/** In-memory twin of the LevelDB store, for unit tests. Same ordering semantics. */
export class MemoryPersistence implements Persistence {
  readonly docs = new Map<string, Uint8Array[]>();
  readonly workspaces = new Map<string, WorkspaceRecord>();
  private chain: Promise<void> = Promise.resolve();

  private run(fn: () => void): Promise<void> {
    this.chain = this.chain.then(fn);
    return this.chain;
  }

  async load(docId: string): Promise<LoadedDoc> {
    await this.chain;
    return { updates: [...(this.docs.get(docId) ?? [])] };
  }

  append(docId: string, update: Uint8Array): Promise<void> {
    const copy = update.slice();
    return this.run(() => {
      const log = this.docs.get(docId) ?? [];
      log.push(copy);
      this.docs.set(docId, log);
    });
  }

  compact(docId: string, snapshot: Uint8Array): Promise<void> {
    const copy = snapshot.slice();
    // Runs after every append called before it, and before any called after it.
    return this.run(() => void this.docs.set(docId, [copy]));
  }

  entries(docId: string): number {
    return this.docs.get(docId)?.length ?? 0;
  }

  release(): void {}

  async getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
    const rec = this.workspaces.get(id);
    return rec && { ...rec };
  }

  putWorkspace(rec: WorkspaceRecord): Promise<void> {
    return this.run(() => void this.workspaces.set(rec.id, { ...rec }));
  }

  flush(): Promise<void> {
    return this.chain;
  }

  async close(): Promise<void> {
    await this.chain;
  }
}
