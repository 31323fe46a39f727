import type { Persistence, WorkspaceRecord } from '../persistence/persistence';

/** Records kept in memory; the least recently used go first (the store has them all). */
const CACHE_SIZE = 10_000;

/** Registered workspaces (id, name, link generation), cached over the store (bounded, LRU). */
export class WorkspaceRegistry {
  private readonly cache = new Map<string, WorkspaceRecord>();
  /** Serialises writes per id so create/rotate cannot interleave. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly store: Persistence) {}

  async get(id: string): Promise<WorkspaceRecord | undefined> {
    // A shared store (Redis) is written by other relays too: read through, so a rotation made
    // elsewhere counts at once; the cached record serves only while the store is unreachable.
    if (this.store.shared) {
      try {
        const rec = await this.store.getWorkspace(id);
        if (rec) this.remember(rec);
        else this.cache.delete(id);
        return rec;
      } catch (err) {
        const hit = this.cache.get(id);
        if (hit) return hit;
        throw err;
      }
    }
    const hit = this.cache.get(id);
    if (hit) {
      this.remember(hit);
      return hit;
    }
    const rec = await this.store.getWorkspace(id);
    if (rec) this.remember(rec);
    return rec;
  }

  get cachedCount(): number {
    return this.cache.size;
  }

  private remember(rec: WorkspaceRecord): void {
    this.cache.delete(rec.id);
    this.cache.set(rec.id, rec);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
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
      const rec: WorkspaceRecord = { id, name, gen: 1, createdAt: Date.now() };
      if (this.store.createWorkspace) {
        if (!(await this.store.createWorkspace(rec))) return undefined;
        this.remember(rec);
        return rec;
      }
      if (await this.get(id)) return undefined;
      await this.store.putWorkspace(rec);
      this.remember(rec);
      return rec;
    });
  }

  /**
   * Bumps the link generation, so every earlier token stops working. With `fromGen`, only if
   * the generation is still that one ('stale' otherwise: someone rotated first).
   */
  rotate(id: string, fromGen?: number): Promise<WorkspaceRecord | undefined | 'stale'> {
    return this.locked(id, async () => {
      if (this.store.rotateWorkspace) {
        const r = await this.store.rotateWorkspace(id, fromGen);
        if (r && r !== 'stale') this.remember(r);
        return r;
      }
      const cur = await this.get(id);
      if (!cur) return undefined;
      if (fromGen !== undefined && cur.gen !== fromGen) return 'stale' as const;
      const rec: WorkspaceRecord = { ...cur, gen: cur.gen + 1 };
      await this.store.putWorkspace(rec);
      this.remember(rec);
      return rec;
    });
  }
}
