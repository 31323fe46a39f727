import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/log';
import { LevelPersistence } from '../../server/src/persistence/leveldb';
import { RedisStore } from '../../server/src/redis/store';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { MemoryPersistence } from '../../server/src/persistence/memory';
import { decodeRecords, encodeRecords } from '../../server/src/persistence/wal';
import type { Persistence } from '../../server/src/persistence/persistence';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function edits(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getMap('m').set(`k${i}`, i);
  return { doc, updates };
}

function replay(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

// One redis-server for the Redis store's runs of the contract (started on first use).
let redis: TestRedis | undefined;
afterAll(async () => {
  await redis?.kill();
});
async function freshRedis(): Promise<TestRedis> {
  redis ??= await startRedis();
  const store = await RedisStore.open({ url: redis.url, log: createLogger('silent') });
  await store.cmd.sendCommand(['FLUSHALL']);
  await store.close();
  return redis;
}

const impls: Array<[string, () => Promise<{ store: Persistence; reopen?: () => Promise<Persistence> }>]> = [
  ['memory', async () => ({ store: new MemoryPersistence() })],
  [
    'leveldb',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-level-'));
      dirs.push(dir);
      const store = await LevelPersistence.open(dir);
      return {
        store,
        reopen: async () => {
          await store.close();
          return LevelPersistence.open(dir);
        },
      };
    },
  ],
  [
    'redis',
    async () => {
      const { url } = await freshRedis();
      const store = await RedisStore.open({ url, log: createLogger('silent'), trimGraceMs: 0 });
      return {
        store,
        reopen: async () => {
          await store.close();
          return RedisStore.open({ url, log: createLogger('silent'), trimGraceMs: 0 });
        },
      };
    },
  ],
];

describe.each(impls)('%s persistence', (_name, make) => {
  it('stores updates in order and loads them back', async () => {
    const { store, reopen } = await make();
    const { doc, updates } = edits(20);
    await store.load('doc-1');
    await Promise.all(updates.map((u) => store.append('doc-1', u)));
    const again = reopen ? await reopen() : store;
    const { updates: loaded } = await again.load('doc-1');
    expect(loaded).toHaveLength(20);
    expect(replay(loaded).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    expect((await again.load('other-doc')).updates).toHaveLength(0);
    await again.close();
  });

  it('compaction replaces earlier entries and keeps later appends', async () => {
    const { store, reopen } = await make();
    const { doc, updates } = edits(30);
    await store.load('doc-2');
    const first = updates.slice(0, 20);
    for (const u of first) void store.append('doc-2', u);
    const snapshot = Y.encodeStateAsUpdate(replay(first));
    const compacted = store.compact('doc-2', snapshot); // queued behind the appends
    for (const u of updates.slice(20)) void store.append('doc-2', u);
    await compacted;
    await store.flush();
    expect(store.entries('doc-2')).toBe(11);
    const again = reopen ? await reopen() : store;
    const { updates: loaded } = await again.load('doc-2');
    expect(loaded).toHaveLength(11);
    expect(replay(loaded).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    await again.close();
  });

  it('keeps workspace records', async () => {
    const { store, reopen } = await make();
    await store.putWorkspace({ id: 'ws-aaaaaaaa', name: '测试', gen: 3, createdAt: 1 });
    const again = reopen ? await reopen() : store;
    expect(await again.getWorkspace('ws-aaaaaaaa')).toEqual({ id: 'ws-aaaaaaaa', name: '测试', gen: 3, createdAt: 1 });
    expect(await again.getWorkspace('ws-missing')).toBeUndefined();
    await again.close();
  });
});

describe('leveldb group commit', () => {
  it('writes appends made in the same tick as one synced batch', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-level-'));
    dirs.push(dir);
    const store = await LevelPersistence.open(dir);
    await store.load('doc-3');
    const { updates } = edits(100);
    await Promise.all(updates.map((u) => store.append('doc-3', u)));
    expect(store.batches).toBe(1);
    await store.close();
  });
});

describe('write-ahead log', () => {
  it('frames records and ignores a torn or corrupted tail', () => {
    const recs = [
      { docId: 'doc-a', seq: 1, update: new Uint8Array([1, 2, 3]) },
      { docId: '文档-b', seq: 2 ** 40, update: new Uint8Array(300).fill(7) },
      { docId: 'doc-a', seq: 2, update: new Uint8Array([9]) },
    ];
    const buf = encodeRecords(5, recs);
    expect(decodeRecords(buf, 5).records).toEqual(recs);
    // Every truncation point yields a clean prefix of whole records.
    const ends: number[] = [];
    for (let n = 0; n <= buf.length; n++) {
      const { records, end } = decodeRecords(buf.subarray(0, n), 5);
      expect(records).toEqual(recs.slice(0, records.length));
      ends.push(end);
    }
    const whole = new Set(ends);
    expect(whole.size).toBe(4); // 0 and the end of each of the three records
    // A flipped byte in the second record drops it and everything after.
    const bad = Buffer.from(buf);
    const second = [...whole].sort((a, b) => a - b)[1]!;
    bad[second + 20] ^= 0xff;
    expect(decodeRecords(bad, 5).records).toEqual(recs.slice(0, 1));
    // Records of another epoch (leftovers of a previous round) are not read.
    expect(decodeRecords(buf, 4).records).toEqual([]);
    // Zeros (preallocated space) end the log.
    expect(decodeRecords(Buffer.concat([buf, Buffer.alloc(64)]), 5).records).toEqual(recs);
  });

  it('recovers appends after a crash (data dir copied while open), dropping a torn last record', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-wal-'));
    dirs.push(dir);
    const store = await LevelPersistence.open(dir, { walIdleMs: 60_000 });
    await store.load('doc-w');
    const { doc, updates } = edits(40);
    await Promise.all(updates.slice(0, 25).map((u) => store.append('doc-w', u)));
    await Promise.all(updates.slice(25).map((u) => store.append('doc-w', u)));
    expect(store.checkpoints).toBe(0); // everything is in the log only
    // "Crash": copy the data dir as it is on disk, then add a torn record after the valid ones.
    const crashed = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-wal-'));
    dirs.push(crashed);
    fs.cpSync(dir, crashed, { recursive: true });
    fs.rmSync(path.join(crashed, 'db', 'LOCK'), { force: true });
    // A fresh store starts at epoch 2 (recovery moves 0 -> 2), in file 2 % 2.
    const wal = path.join(crashed, 'updates-0.wal');
    const raw = fs.readFileSync(wal);
    const { end, records: inLog } = decodeRecords(raw, 2);
    expect(inLog).toHaveLength(40);
    const torn = encodeRecords(2, [{ docId: 'doc-w', seq: 999, update: new Uint8Array(50).fill(1) }]).subarray(0, 30);
    const fd = fs.openSync(wal, 'r+');
    fs.writeSync(fd, torn, 0, torn.length, end);
    fs.closeSync(fd);
    await store.close();

    // Appends made while a checkpoint was being written (next epoch, other file) that never committed.
    const more0 = new Y.Doc();
    Y.applyUpdate(more0, Y.encodeStateAsUpdate(doc));
    const extra0: Uint8Array[] = [];
    more0.on('update', (u: Uint8Array) => extra0.push(u));
    more0.getMap('m').set('during-checkpoint', 1);
    const during = encodeRecords(3, [{ docId: 'doc-w', seq: 40, update: extra0[0]! }]);
    const fd1 = fs.openSync(path.join(crashed, 'updates-1.wal'), 'r+');
    fs.writeSync(fd1, during, 0, during.length, 0);
    fs.closeSync(fd1);

    const again = await LevelPersistence.open(crashed);
    const { updates: loaded } = await again.load('doc-w');
    expect(loaded).toHaveLength(41);
    expect(replay(loaded).getMap('m').get('during-checkpoint')).toBe(1);
    // Appends continue after the recovered ones, and survive another restart.
    const more = new Y.Doc();
    Y.applyUpdate(more, Y.encodeStateAsUpdate(replay(loaded)));
    const extra: Uint8Array[] = [];
    more.on('update', (u: Uint8Array) => extra.push(u));
    more.getMap('m').set('late', 1);
    await again.append('doc-w', extra[0]!);
    expect(again.entries('doc-w')).toBe(42);
    await again.close();
    const third = await LevelPersistence.open(crashed);
    const { updates: final } = await third.load('doc-w');
    expect(final).toHaveLength(42);
    expect(replay(final).getMap('m').get('k39')).toBe(39);
    expect(replay(final).getMap('m').get('late')).toBe(1);
    await third.close();
  });

  it('checkpoints into LevelDB past the size limit and before a compaction, keeping order', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-wal-'));
    dirs.push(dir);
    const store = await LevelPersistence.open(dir, { walCheckpointBytes: 2048, walIdleMs: 60_000 });
    await store.load('doc-c');
    const { doc, updates } = edits(200);
    for (const u of updates.slice(0, 150)) await store.append('doc-c', u);
    expect(store.checkpoints).toBeGreaterThan(0);
    const snap = Y.encodeStateAsUpdate(replay(updates.slice(0, 150)));
    void store.compact('doc-c', snap);
    await Promise.all(updates.slice(150).map((u) => store.append('doc-c', u)));
    expect(store.entries('doc-c')).toBe(51);
    // Reloaded in the same process (room unloaded and opened again): LevelDB + log.
    store.release('doc-c');
    const { updates: same } = await store.load('doc-c');
    expect(same).toHaveLength(51);
    expect(replay(same).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    await store.close();
    const again = await LevelPersistence.open(dir);
    const { updates: loaded } = await again.load('doc-c');
    expect(loaded).toHaveLength(51);
    expect(replay(loaded).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    await again.close();
  });
});

describe('write-ahead log pipelining', () => {
  it('acknowledges batches in order while several are in flight, and all of them are stored', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-wal-'));
    dirs.push(dir);
    const store = await LevelPersistence.open(dir, { walPipeline: 3, walIdleMs: 60_000 });
    await store.load('doc-p');
    const { doc, updates } = edits(60);
    const acked: number[] = [];
    const all: Promise<void>[] = [];
    for (let i = 0; i < updates.length; i++) {
      all.push(store.append('doc-p', updates[i]!).then(() => void acked.push(i)));
      if (i % 3 === 2) await new Promise((r) => setImmediate(r)); // new batches while others are in flight
    }
    await Promise.all(all);
    expect(acked).toEqual(updates.map((_, i) => i));
    expect(store.batches).toBeGreaterThan(1);
    await store.close();
    const again = await LevelPersistence.open(dir);
    const { updates: loaded } = await again.load('doc-p');
    expect(loaded).toHaveLength(60);
    expect(replay(loaded).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    await again.close();
  });
});

describe('flush under load', () => {
  it('a flush (as before a room load) returns while other documents keep appending', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-wal-'));
    dirs.push(dir);
    const store = await LevelPersistence.open(dir, { walIdleMs: 60_000 });
    await store.load('busy');
    const { updates } = edits(5000);
    let i = 0;
    let running = true;
    const writer = (async () => {
      while (running && i < updates.length) {
        void store.append('busy', updates[i++]!);
        if (i % 5 === 0) await new Promise((r) => setImmediate(r));
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    const { updates: other } = await store.load('quiet'); // flushes first
    const ms = performance.now() - t0;
    running = false;
    await writer;
    expect(other).toHaveLength(0);
    expect(ms).toBeLessThan(1000);
    await store.flush();
    const { updates: busy } = await store.load('busy');
    expect(busy).toHaveLength(i);
    await store.close();
  });
});

describe('storage faults', () => {
  /** What a crash leaves: the data folder as it is on disk at this moment. */
  function crashCopy(dir: string): string {
    const crashed = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-crash-'));
    dirs.push(crashed);
    fs.cpSync(dir, crashed, { recursive: true });
    fs.rmSync(path.join(crashed, 'db', 'LOCK'), { force: true });
    return crashed;
  }

  it('a failed log write is not acknowledged, nor is anything after it, and later writes overwrite it: every acknowledged update survives a crash', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-fault-'));
    dirs.push(dir);
    let failNext = 0;
    const store = await LevelPersistence.open(dir, {
      walIdleMs: 60_000,
      faults: { wal: () => (failNext-- > 0 ? Object.assign(new Error('EIO (injected)'), { code: 'EIO' }) : undefined) },
    });
    await store.load('doc-f');
    const { updates } = edits(30);
    const acknowledged: Uint8Array[] = [];
    const track = (u: Uint8Array) =>
      store.append('doc-f', u).then(
        () => acknowledged.push(u),
        () => undefined,
      );
    await Promise.all(updates.slice(0, 10).map(track));
    failNext = 1;
    const outcomes = await Promise.allSettled(updates.slice(10, 12).map((u) => store.append('doc-f', u)));
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    for (const u of updates.slice(12)) await track(u);
    expect(acknowledged).toHaveLength(28);
    const again = await LevelPersistence.open(crashCopy(dir));
    const { updates: loaded } = await again.load('doc-f');
    const hex = (u: Uint8Array) => Buffer.from(u).toString('hex');
    const stored = new Set(loaded.map(hex));
    expect(acknowledged.filter((u) => !stored.has(hex(u)))).toEqual([]);
    // (The two refused ones were never acknowledged; their client resends them.)
    await again.close();
    await store.close();
  });

  it('a failed checkpoint (disk full, then space freed) leaves the log in use, is retried by itself, and loses nothing, crash or not', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-fault-'));
    dirs.push(dir);
    let full = false;
    const store = await LevelPersistence.open(dir, {
      walIdleMs: 60_000,
      faults: { level: () => (full ? Object.assign(new Error('ENOSPC (injected)'), { code: 'ENOSPC' }) : undefined) },
    });
    await store.load('doc-c');
    const { updates } = edits(40);
    for (const u of updates.slice(0, 10)) await store.append('doc-c', u);
    full = true;
    await expect(store.checkpoint()).rejects.toThrow(/ENOSPC/);
    expect(store.unhealthy).toBe(true);
    // Appends keep working (into the log) while LevelDB cannot write, and loads see them.
    for (const u of updates.slice(10, 25)) await store.append('doc-c', u);
    await expect(store.checkpoint()).rejects.toThrow(/ENOSPC/);
    for (const u of updates.slice(25, 30)) await store.append('doc-c', u);
    // A crash now: the stored epoch still points at the log holding the first records.
    const crashed = await LevelPersistence.open(crashCopy(dir));
    expect(replay((await crashed.load('doc-c')).updates).getMap('m').size).toBe(30);
    await crashed.close();
    // Space freed: the retry (every 100 ms, doubling) succeeds by itself.
    full = false;
    const failedBefore = store.checkpoints;
    await waitForCondition(() => !store.unhealthy && store.checkpoints > failedBefore, 10_000);
    for (const u of updates.slice(30)) await store.append('doc-c', u);
    await store.checkpoint();
    expect(store.failedCheckpoints).toBeGreaterThanOrEqual(2);
    const crashed2 = await LevelPersistence.open(crashCopy(dir));
    expect(replay((await crashed2.load('doc-c')).updates).getMap('m').size).toBe(40);
    await crashed2.close();
    await store.close();
    const reopened = await LevelPersistence.open(dir);
    expect(replay((await reopened.load('doc-c')).updates).getMap('m').size).toBe(40);
    await reopened.close();
  });
});

async function waitForCondition(cond: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
