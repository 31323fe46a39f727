/**
 * Opens the store the server uses, for the `workspace` commands: the one place to extend
 * when another store appears (see openStore).
 *
 *   embedded (default)  LevelDB + write-ahead log under DATA_DIR (server/src/persistence/leveldb.ts),
 *                       opened with the server's own settings (RELAY_WAL, RELAY_WAL_SYNC, …)
 *   REDIS_URL set       the Redis store (server/src/redis/store.ts), with RELAY_SECRET; safe next to
 *                       running relays (they share it): rotations are announced to them (cc:rotated)
 *
 * LevelDB allows one process at a time: while a relay runs on DATA_DIR, opening fails with
 * LEVEL_LOCKED before anything is read or written (the write-ahead log is opened only after
 * the database), and the CLI says so (StoreBusyError) instead of touching the data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadSecret } from '../auth/secret';
import type { Config } from '../config';
import type { Persistence, WorkspaceRecord } from '../persistence/persistence';

export interface CliStore {
  /** 'embedded' or 'redis'. */
  readonly kind: string;
  /** Where the data lives, for messages. */
  readonly where: string;
  readonly store: Persistence;
  /** Every registered workspace record, in id order. */
  listWorkspaces(): AsyncIterable<WorkspaceRecord>;
  /** The token signing secret the server uses (RELAY_SECRET, else DATA_DIR/secret). */
  secret(): Uint8Array;
  /** Tells running relays that id's links were rotated (a shared store; no-op otherwise). */
  announceRotation(id: string, gen: number): Promise<void>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** EX_TEMPFAIL: the store is in use; try again once the server is stopped. */
export const EXIT_STORE_BUSY = 75;

export interface OpenOptions {
  /** Create the store when there is none yet (import); otherwise a missing one is an error. */
  create?: boolean;
}

/** A store that can list its workspaces itself (a method the seam may grow). */
interface Listing {
  listWorkspaces(): AsyncIterable<WorkspaceRecord>;
}
const hasListing = (s: object): s is Listing => typeof (s as Partial<Listing>).listWorkspaces === 'function';

export async function openStore(config: Config, opts: OpenOptions = {}): Promise<CliStore> {
  if (config.redisUrl) return openRedis(config);
  return openEmbedded(config, opts);
}

async function openRedis(config: Config): Promise<CliStore> {
  if (!config.relaySecret) throw new StoreError('REDIS_URL is set: set RELAY_SECRET too, the secret the relays share (tokens are signed with it)', 1);
  const [{ RedisStore }, { keys }, { createLogger }] = await Promise.all([import('../redis/store'), import('../redis/keys'), import('../log')]);
  // The client reconnects forever; find out first whether anything listens there at all.
  await reachable(config.redisUrl!);
  let store: Awaited<ReturnType<typeof RedisStore.open>>;
  try {
    store = await RedisStore.open({ url: config.redisUrl!, log: createLogger('silent') });
  } catch (err) {
    throw new StoreError(`cannot reach Redis at ${redact(config.redisUrl!)}: ${(err as Error).message}`, EXIT_STORE_BUSY);
  }
  const cmd = store.cmd as unknown as { sendCommand(args: string[]): Promise<unknown> };
  const text = (b: unknown) => (Buffer.isBuffer(b) ? b.toString('utf8') : String(b));
  return {
    kind: 'redis',
    where: redact(config.redisUrl!),
    store,
    async *listWorkspaces() {
      const ids: string[] = [];
      let cursor = '0';
      do {
        const [next, found] = (await cmd.sendCommand(['SCAN', cursor, 'MATCH', keys.workspace('*'), 'COUNT', '1000'])) as [unknown, unknown[]];
        cursor = text(next);
        for (const k of found) ids.push(text(k).slice(text(k).indexOf('{') + 1, -1));
      } while (cursor !== '0');
      for (const id of [...new Set(ids)].sort()) {
        const rec = await store.getWorkspace(id);
        if (rec) yield rec;
      }
    },
    secret: () => new TextEncoder().encode(config.relaySecret!),
    async announceRotation(id, gen) {
      await cmd.sendCommand(['PUBLISH', keys.rotated, `${id} ${gen}`]);
    },
    close: () => store.close(),
  };
}

/** Resolves once a TCP connection to the Redis address succeeds; StoreError after 3 s or a refusal. */
async function reachable(url: string): Promise<void> {
  const net = await import('node:net');
  const u = new URL(url);
  await new Promise<void>((resolve, reject) => {
    const sock = net.connect({ host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(u.port || 6379) });
    const fail = (why: string) => {
      sock.destroy();
      reject(new StoreError(`cannot reach Redis at ${redact(url)}: ${why}`, EXIT_STORE_BUSY));
    };
    sock.setTimeout(3000, () => fail('no answer within 3 s'));
    sock.once('error', (err) => fail(err.message));
    sock.once('connect', () => {
      sock.destroy();
      resolve();
    });
  });
}

/** The Redis address without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'REDIS_URL';
  }
}

async function openEmbedded(config: Config, opts: OpenOptions): Promise<CliStore> {
  const dbDir = path.join(config.dataDir, 'db');
  if (!opts.create && !fs.existsSync(path.join(dbDir, 'CURRENT'))) {
    throw new StoreError(`no data in ${config.dataDir} (set DATA_DIR to the server's data folder)`, 1);
  }
  const { LevelPersistence } = await import('../persistence/leveldb');
  let store: Awaited<ReturnType<typeof LevelPersistence.open>>;
  try {
    store = await LevelPersistence.open(config.dataDir, { noWal: !config.wal, walPipeline: config.walPipeline, walSync: config.walSync });
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    if (e.code === 'LEVEL_LOCKED' || e.cause?.code === 'LEVEL_LOCKED') {
      throw new StoreError(
        `the data in ${config.dataDir} is in use by a running relay (its database is locked): stop the server first, or use the HTTP API (POST /api/workspaces/<id>/rotate) while it runs; nothing was changed`,
        EXIT_STORE_BUSY,
      );
    }
    throw err;
  }
  return {
    kind: 'embedded',
    where: config.dataDir,
    store,
    listWorkspaces: () => (hasListing(store) ? store.listWorkspaces() : levelWorkspaces(store)),
    secret: () => loadSecret(config.dataDir, config.relaySecret),
    announceRotation: async () => undefined,
    close: () => store.close(),
  };
}

/**
 * Workspace records of the LevelDB store (keys `w!<id>`, see leveldb.ts), read through its
 * database handle until the Persistence seam has a listWorkspaces() of its own. Records are
 * written straight into LevelDB (never only in the log), so this sees all of them.
 */
async function* levelWorkspaces(store: object): AsyncIterable<WorkspaceRecord> {
  const db = (store as { db?: { iterator?: (o: object) => AsyncIterable<[string, Uint8Array]> } }).db;
  if (!db?.iterator) throw new StoreError('this store cannot list its workspaces', 1);
  await (store as Persistence).flush();
  const text = new TextDecoder();
  for await (const [, value] of db.iterator({ gt: 'w!', lt: 'w"' })) {
    yield JSON.parse(text.decode(value)) as WorkspaceRecord;
  }
}
