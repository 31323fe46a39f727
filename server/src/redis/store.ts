import crypto from 'node:crypto';
import * as Y from 'yjs';
import type { RedisClientType } from 'redis';
import type { Logger } from '../log';
import type { LoadedDoc, Persistence, RemoteListener, WorkspaceRecord } from '../persistence/persistence';
import { compareIds, idOfKey, keys, STORAGE_UNAVAILABLE } from './keys';
import { relayMetrics } from '../metrics';

/**
 * The Redis store (REDIS_URL mode), behind the same seam as the embedded LevelDB store.
 *
 * - `append` is one XADD to the document's stream (`cc:log:{id}`) carrying this relay's id;
 *   it resolves once Redis answered, so the relay forwards only what Redis holds (as durable
 *   as Redis's `appendfsync` makes it: `always` = the embedded log's promise, `everysec` =
 *   up to a second at risk).
 * - `load` reads snapshot + tail in one script (atomic against a concurrent compaction).
 * - Fan-out: one dedicated connection runs `XREAD BLOCK` over every subscribed room's stream
 *   from its last id and hands other relays' entries to the room (its own are skipped by the
 *   `r` field). A bad entry is logged and skipped; it touches its room only.
 * - `compact`: under a lock (SET NX PX) with a fencing token (INCR), merges the tail the room
 *   has not seen into the room's snapshot and writes it to `cc:snap:{id}` with a script that
 *   refuses a stale fence, then trims the stream up to the merged id (sparing the last
 *   `trimGraceMs` of entries for relays whose reader lags).
 * - Unreachable Redis: commands fail at once (no offline queue); `accepting()` is false so
 *   rooms refuse writes up front with STORAGE_UNAVAILABLE; the clients reconnect with
 *   backoff and node-redis reconnects by itself; the reader then resyncs every room.
 */
export interface RedisStoreOptions {
  url: string;
  log: Logger;
  /** Unique per process (default: random). */
  relayId?: string;
  /** Keep stream entries this much younger than Redis's clock when trimming (default 60 s). */
  trimGraceMs?: number;
  /** Compaction lock lifetime (default 10 s). */
  lockMs?: number;
  /** XREAD BLOCK timeout (default 2 s; a room joining wakes it at once). */
  blockMs?: number;
}

type Client = RedisClientType;
type Reply = unknown;

interface DocState {
  /** Last stream id this room has (applied or skipped as its own, or merged in a snapshot it loaded). */
  cursor: string;
  /** Entries not merged into a snapshot yet (plus one for an existing snapshot), as entries() reports. */
  tail: number;
  hasSnap: boolean;
  /** Monotonic count of entries seen (own appends and remote reads), for entries() after a compaction. */
  seen: number;
  listener?: RemoteListener;
}

/** snapshot + tail, atomically: returns {snap.u | false, snap.id | false, XRANGE (after snap.id)}. */
const LOAD_SCRIPT = `
local u = redis.call('HGET', KEYS[1], 'u')
local id = redis.call('HGET', KEYS[1], 'id')
local from = '-'
if id then from = '(' .. id end
return {u, id, redis.call('XRANGE', KEYS[2], from, '+')}`;

/** Snapshot id (and bytes if it is past ARGV[1]) and the entries after ARGV[1]. KEYS: snap, log. */
const TAIL_BODY = `
local id = redis.call('HGET', KEYS[1], 'id')
local u = false
local function num(s) local a, b = string.match(s, '(%d+)-(%d+)') return tonumber(a), tonumber(b) end
if id then
  local am, as = num(id)
  local bm, bs = num(ARGV[1])
  if am > bm or (am == bm and as > bs) then u = redis.call('HGET', KEYS[1], 'u') end
end`;
const RESYNC_SCRIPT = TAIL_BODY + "\nreturn {id, u}";
/**
 * Compaction start. KEYS: snap, log, lock, fence. ARGV: cursor, token, lockMs. Takes the lock
 * (SET NX PX) and only then a fencing token (INCR); returns {0} when someone else holds it.
 */
const BEGIN_SCRIPT = TAIL_BODY + `
if not redis.call('SET', KEYS[3], ARGV[2], 'NX', 'PX', ARGV[3]) then return {0} end
local f = redis.call('INCR', KEYS[4])
return {f, id, u, redis.call('XRANGE', KEYS[2], '(' .. ARGV[1], '+')}`;

/**
 * Fenced snapshot write. KEYS: snap, log, fence, lock. ARGV: fence, mergedId, bytes, graceMs, lockToken.
 * Refuses (0) when a newer fence was issued (the lock expired and someone else took it) or a
 * snapshot at or past mergedId exists; else writes the snapshot, trims the stream up to
 * min(mergedId, now - grace), releases the lock (if still ours) and returns 1.
 */
const WRITE_SCRIPT = `
local cur = tonumber(redis.call('GET', KEYS[3]) or '0')
if cur ~= tonumber(ARGV[1]) then return 0 end
local function num(s) local a, b = string.match(s, '(%d+)-(%d+)') return tonumber(a), tonumber(b) end
local old = redis.call('HGET', KEYS[1], 'id')
local mm, ms = num(ARGV[2])
if old then
  local om, os = num(old)
  if om > mm or (om == mm and os >= ms) then return 0 end
end
redis.call('HSET', KEYS[1], 'u', ARGV[3], 'id', ARGV[2], 'fence', ARGV[1])
local t = redis.call('TIME')
local limit = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) - tonumber(ARGV[4])
local tm, ts = mm, ms + 1
if limit < mm or (limit == mm) then tm, ts = limit, 0 end
if tm > 0 then redis.call('XTRIM', KEYS[2], 'MINID', tm .. '-' .. ts) end
if redis.call('GET', KEYS[4]) == ARGV[5] then redis.call('DEL', KEYS[4]) end
return 1`;

const ROTATE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if ARGV[1] ~= '' and redis.call('HGET', KEYS[1], 'gen') ~= ARGV[1] then return -2 end
return redis.call('HINCRBY', KEYS[1], 'gen', 1)`;

const str = (b: unknown): string => (Buffer.isBuffer(b) ? b.toString('utf8') : String(b));

export class StoreUnavailableError extends Error {
  readonly closeCode = STORAGE_UNAVAILABLE;
  constructor(cause: unknown) {
    super(`redis unavailable: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

export class RedisStore implements Persistence {
  readonly shared = true;
  readonly unavailableCode = STORAGE_UNAVAILABLE;
  readonly relayId: string;
  /** Commands sent (all connections), for tests and metrics. */
  ops = 0;
  /** Compactions written / refused (stale fence or someone else's newer snapshot) / skipped (lock held elsewhere). */
  compactions = { written: 0, refused: 0, skipped: 0 };
  private readonly docs = new Map<string, DocState>();
  private readonly keyToDoc = new Map<string, string>();
  private closed = false;
  private readerId: Reply = null;
  private blocked = false;
  private resyncNeeded = false;
  private wake: (() => void) | null = null;
  private readerLoop: Promise<void> | null = null;
  private readonly grace: number;
  private readonly lockMs: number;
  private readonly blockMs: number;
  private readonly log: Logger;

  private constructor(
    readonly cmd: Client,
    private readonly reader: Client,
    opts: RedisStoreOptions,
  ) {
    this.relayId = opts.relayId ?? crypto.randomBytes(6).toString('hex');
    this.grace = opts.trimGraceMs ?? 60_000;
    this.lockMs = opts.lockMs ?? 10_000;
    this.blockMs = opts.blockMs ?? 2000;
    this.log = opts.log;
  }

  static async open(opts: RedisStoreOptions): Promise<RedisStore> {
    // Loaded here, not at the top: the embedded mode never loads the client library.
    const { createClient, RESP_TYPES } = await import('redis');
    const make = (name: string) => {
      const c = createClient({
        url: opts.url,
        disableOfflineQueue: true,
        pingInterval: 5000,
        socket: { connectTimeout: 3000, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000) + Math.floor(Math.random() * 50) },
        commandOptions: { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } },
      }) as unknown as Client;
      let down = false;
      c.on('error', (err: Error) => {
        if (!down) opts.log.warn('redis connection error', { conn: name, err });
        down = true;
      });
      c.on('ready', () => {
        if (down) opts.log.info('redis connection back', { conn: name });
        down = false;
      });
      return c;
    };
    const cmd = make('cmd');
    const reader = make('reader');
    await cmd.connect();
    await reader.connect();
    const store = new RedisStore(cmd, reader, opts);
    reader.on('ready', () => {
      store.readerId = null;
      store.resyncNeeded = true;
    });
    store.readerLoop = store.readLoop();
    return store;
  }

  /** Duplicate connection (pub/sub needs its own). */
  duplicate(): Client {
    return this.cmd.duplicate() as unknown as Client;
  }

  /** False while Redis is unreachable: rooms refuse writes up front (STORAGE_UNAVAILABLE) instead of accepting and dropping. */
  accepting(): boolean {
    return !this.closed && this.cmd.isReady;
  }

  private send(args: Array<string | Buffer>, client: Client = this.cmd): Promise<Reply> {
    this.ops++;
    // metrics: redis_commands_total{command=args[0]}
    return client.sendCommand(args).catch((err: unknown) => {
      throw this.closed || this.cmd.isReady ? err : new StoreUnavailableError(err);
    });
  }

  private state(docId: string): DocState {
    let st = this.docs.get(docId);
    if (!st) {
      st = { cursor: '0-0', tail: 0, hasSnap: false, seen: 0 };
      this.docs.set(docId, st);
      this.keyToDoc.set(keys.log(docId), docId);
    }
    return st;
  }

  async load(docId: string): Promise<LoadedDoc> {
    const [u, id, entries] = (await this.send(['EVAL', LOAD_SCRIPT, '2', keys.snap(docId), keys.log(docId)])) as [Buffer | null, Buffer | null, Array<[Buffer, Buffer[]]>];
    const st = this.state(docId);
    const updates: Uint8Array[] = [];
    if (u) updates.push(new Uint8Array(u));
    st.cursor = id ? str(id) : '0-0';
    st.hasSnap = !!u;
    for (const [eid, fields] of entries) {
      const upd = field(fields, 'u');
      if (upd) updates.push(new Uint8Array(upd));
      st.cursor = str(eid);
    }
    st.tail = entries.length;
    return { updates };
  }

  append(docId: string, update: Uint8Array): Promise<void> {
    const st = this.state(docId);
    if (!this.accepting()) return Promise.reject(new StoreUnavailableError(new Error('not connected')));
    st.tail++;
    st.seen++;
    return this.send(['XADD', keys.log(docId), '*', 'r', this.relayId, 'u', Buffer.from(update.buffer, update.byteOffset, update.byteLength)]).then(() => undefined);
  }

  /**
   * Merges what the room has (`snapshot`, everything up to its cursor) with the entries
   * after the cursor, and writes it under the lock and fence. Another relay holding the lock:
   * nothing to do (it compacts). Appends made after this call are kept: the tail is read in
   * the same pipeline, before them.
   */
  async compact(docId: string, snapshot: Uint8Array): Promise<void> {
    const st = this.state(docId);
    const cursor = st.cursor;
    const mark = st.seen;
    const token = `${this.relayId}:${crypto.randomBytes(6).toString('hex')}`;
    // Sent now, before any append called after this: lock, fence and tail in one script.
    const begun = (await this.send(['EVAL', BEGIN_SCRIPT, '4', keys.snap(docId), keys.log(docId), keys.lock(docId), keys.fence(docId), cursor, token, String(this.lockMs)])) as
      | [number]
      | [number, Buffer | null, Buffer | null, Array<[Buffer, Buffer[]]>];
    if (begun.length === 1) {
      this.compactions.skipped++;
      return;
    }
    const [f, snapId, snapU, entries] = begun;
    let merged = snapshot;
    let mergedId = cursor;
    // This relay's own entries are in the room's snapshot already: only others' need merging.
    const foreign = entries.filter(([, fields]) => str(field(fields, 'r') ?? '') !== this.relayId);
    if (entries.length > 0) mergedId = str(entries[entries.length - 1]![0]);
    if (snapU || foreign.length > 0) {
      const doc = new Y.Doc({ gc: true });
      Y.applyUpdate(doc, snapshot);
      if (snapU) Y.applyUpdate(doc, new Uint8Array(snapU));
      if (snapId && compareIds(str(snapId), mergedId) > 0) mergedId = str(snapId);
      for (const [eid, fields] of foreign) {
        const upd = field(fields, 'u');
        try {
          if (upd) Y.applyUpdate(doc, new Uint8Array(upd));
        } catch (err) {
          this.log.error('redis: bad stream entry skipped while compacting', { room: docId, id: str(eid), err: err as Error });
        }
      }
      merged = Y.encodeStateAsUpdate(doc);
      doc.destroy();
    }
    if (mergedId === '0-0') {
      await this.send(['EVAL', "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end", '1', keys.lock(docId), token]);
      return;
    }
    const written = await this.send([
      'EVAL', WRITE_SCRIPT, '4', keys.snap(docId), keys.log(docId), keys.fence(docId), keys.lock(docId),
      String(f), mergedId, Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength), String(this.grace), token,
    ]);
    if (Number(written) !== 1) {
      this.compactions.refused++;
      this.log.warn('redis: compaction refused (stale fence or newer snapshot)', { room: docId, fence: Number(f) });
      return;
    }
    this.compactions.written++;
    // metrics: compactions_total
    st.hasSnap = true;
    st.tail = Math.max(0, st.seen - mark);
  }

  /** Writes a snapshot with a given fence, bypassing the lock: for the stale-fence test only. */
  async writeFenced(docId: string, fence: number, mergedId: string, snapshot: Uint8Array): Promise<boolean> {
    const r = await this.send(['EVAL', WRITE_SCRIPT, '4', keys.snap(docId), keys.log(docId), keys.fence(docId), keys.lock(docId), String(fence), mergedId, Buffer.from(snapshot), String(this.grace), '-']);
    return Number(r) === 1;
  }

  entries(docId: string): number {
    const st = this.docs.get(docId);
    return st ? st.tail + (st.hasSnap ? 1 : 0) : 0;
  }

  release(docId: string): void {
    this.docs.delete(docId);
    this.keyToDoc.delete(keys.log(docId));
  }

  /** Fan-out: hand entries other relays append to docId to `listener`, from the id the last load reached. */
  subscribe(docId: string, listener: RemoteListener): () => void {
    const st = this.state(docId);
    st.listener = listener;
    this.poke();
    return () => {
      if (st.listener === listener) st.listener = undefined;
    };
  }

  /** Wakes the reader so it reads a new set of streams. */
  private poke(): void {
    if (this.wake) {
      const w = this.wake;
      this.wake = null;
      w();
    } else if (this.blocked && this.readerId !== null) {
      this.send(['CLIENT', 'UNBLOCK', str(this.readerId)]).catch(() => undefined);
    }
  }

  private async readLoop(): Promise<void> {
    let failures = 0;
    while (!this.closed) {
      const rooms = [...this.docs.entries()].filter(([, st]) => st.listener);
      if (rooms.length === 0) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, this.blockMs).unref();
        });
        this.wake = null;
        continue;
      }
      try {
        if (this.readerId === null) this.readerId = await this.send(['CLIENT', 'ID'], this.reader);
        if (this.resyncNeeded) {
          this.resyncNeeded = false;
          await this.resync(rooms.map(([id]) => id));
        }
        const args = ['XREAD', 'COUNT', '1000', 'BLOCK', String(this.blockMs), 'STREAMS', ...rooms.map(([id]) => keys.log(id)), ...rooms.map(([, st]) => st.cursor)];
        this.blocked = true;
        const res = (await this.send(args, this.reader).finally(() => (this.blocked = false))) as Array<[Buffer, Array<[Buffer, Buffer[]]>]> | null;
        failures = 0;
        // metrics: redis_stream_lag_ms (Redis time of the newest entry read minus now), per room
        if (res) for (const [key, entries] of res) this.deliver(this.keyToDoc.get(str(key)) ?? idOfKey(str(key)), entries);
      } catch (err) {
        if (this.closed) return;
        failures++;
        this.resyncNeeded = true;
        if (failures === 1) this.log.warn('redis: fan-out read failed, retrying', { err: err as Error });
        await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** failures, 2000)));
      }
    }
  }

  private deliver(docId: string, entries: Array<[Buffer, Buffer[]]>): void {
    const st = this.docs.get(docId);
    if (!st?.listener) return;
    for (const [eid, fields] of entries) {
      const id = str(eid);
      if (compareIds(id, st.cursor) <= 0) continue;
      st.cursor = id;
      const from = field(fields, 'r');
      if (from && str(from) === this.relayId) continue;
      // Stream ids start with the appending Redis's clock in ms (includes any clock difference to this host).
      relayMetrics.streamLag.set(Math.max(0, Date.now() - Number(id.split('-')[0])) / 1000);
      st.tail++;
      st.seen++;
      const upd = field(fields, 'u');
      if (!upd) {
        this.log.error('redis: stream entry without an update skipped', { room: docId, id });
        continue;
      }
      try {
        st.listener(new Uint8Array(upd), 'entry');
      } catch (err) {
        // One bad entry: its room logs it and goes on; other rooms never see it.
        this.log.error('redis: stream entry could not be applied, skipped', { room: docId, id, err: err as Error });
      }
    }
  }

  /**
   * After the reader lost Redis: a room whose cursor fell behind the stored snapshot (the
   * entries it missed may be trimmed) gets the snapshot, then reads on after it.
   */
  private async resync(docIds: string[]): Promise<void> {
    for (const docId of docIds) {
      const st = this.docs.get(docId);
      if (!st?.listener) continue;
      const [id, u] = (await this.send(['EVAL', RESYNC_SCRIPT, '2', keys.snap(docId), keys.log(docId), st.cursor])) as [Buffer | null, Buffer | null];
      if (id && u && compareIds(str(id), st.cursor) > 0) {
        st.cursor = str(id);
        this.log.info('redis: room resynced from the snapshot', { room: docId });
        try {
          st.listener(new Uint8Array(u), 'snapshot');
        } catch (err) {
          this.log.error('redis: snapshot could not be applied', { room: docId, err: err as Error });
        }
      }
    }
    if (docIds.length) this.log.info('redis: fan-out resumed', { rooms: docIds.length });
  }

  async getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
    const r = (await this.send(['HGETALL', keys.workspace(id)])) as Buffer[] | Record<string, Buffer>;
    const flat = Array.isArray(r) ? r : Object.entries(r).flat();
    if (flat.length === 0) return undefined;
    const h: Record<string, string> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) h[str(flat[i])] = str(flat[i + 1]);
    return { id: h.id ?? id, name: h.name ?? '', gen: Number(h.gen), createdAt: Number(h.createdAt) };
  }

  async putWorkspace(rec: WorkspaceRecord): Promise<void> {
    await this.send(['HSET', keys.workspace(rec.id), 'id', rec.id, 'name', rec.name, 'gen', String(rec.gen), 'createdAt', String(rec.createdAt)]);
  }

  /** Registers rec unless the id exists (atomic across relays). */
  async createWorkspace(rec: WorkspaceRecord): Promise<boolean> {
    const r = await this.send([
      'EVAL',
      "if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end redis.call('HSET', KEYS[1], 'id', ARGV[1], 'name', ARGV[2], 'gen', ARGV[3], 'createdAt', ARGV[4]) return 1",
      '1', keys.workspace(rec.id), rec.id, rec.name, String(rec.gen), String(rec.createdAt),
    ]);
    return Number(r) === 1;
  }

  /** Bumps the link generation atomically (only from `fromGen` when given). */
  async rotateWorkspace(id: string, fromGen?: number): Promise<WorkspaceRecord | undefined | 'stale'> {
    const r = Number(await this.send(['EVAL', ROTATE_SCRIPT, '1', keys.workspace(id), fromGen === undefined ? '' : String(fromGen)]));
    if (r === -1) return undefined;
    if (r === -2) return 'stale';
    return this.getWorkspace(id);
  }

  async flush(): Promise<void> {
    // Every append resolves on Redis's answer; nothing is queued here.
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.poke();
    await Promise.allSettled([this.reader.destroy(), this.cmd.close()]);
    await this.readerLoop?.catch(() => undefined);
  }
}

function field(fields: Buffer[], name: string): Buffer | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (str(fields[i]) === name) return fields[i + 1];
  return undefined;
}
