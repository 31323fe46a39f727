import type { Persistence, WorkspaceRecord } from '../persistence/persistence';

/** Registered workspaces (id, name, link generation), cached over the store. */
export class WorkspaceRegistry {
  private readonly cache = new Map<string, WorkspaceRecord>();
  /** Serialises writes per id so create/rotate cannot interleave. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly store: Persistence) {}

  async get(id: string): Promise<WorkspaceRecord | undefined> {
    const hit = this.cache.get(id);
    if (hit) return hit;
    const rec = await this.store.getWorkspace(id);
    if (rec) this.cache.set(id, rec);
    return rec;
  }

  private locked<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(id) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => undefined);
    this.locks.set(id, tail);
    void tail.then(() => {
      if (this.locks.get(id) === tail) this.locks.delete(id);
    });
    return next;
  }

  /** Registers id; undefined if it already exists. */
  create(id: string, name: string): Promise<WorkspaceRecord | undefined> {
    return this.locked(id, async () => {
      if (await this.get(id)) return undefined;
      const rec: WorkspaceRecord = { id, name, gen: 1, createdAt: Date.now() };
      await this.store.putWorkspace(rec);
      this.cache.set(id, rec);
      return rec;
    });
  }

  /** Bumps the link generation, so every earlier token stops working. */
  rotate(id: string): Promise<WorkspaceRecord | undefined> {
    return this.locked(id, async () => {
      const cur = await this.get(id);
      if (!cur) return undefined;
      const rec: WorkspaceRecord = { ...cur, gen: cur.gen + 1 };
      await this.store.putWorkspace(rec);
      this.cache.set(id, rec);
      return rec;
    });
  }
}
