import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/log';
import { RedisStore } from '../../server/src/redis/store';
import { keys } from '../../server/src/redis/keys';
import { startRedis, type TestRedis } from './helpers/redis-server';

/** The Redis store's own rules, beyond the shared persistence contract (persistence.test.ts). */
const quiet = createLogger('silent');

function edits(count: number, key = 'k'): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getMap('m').set(`${key}${i}`, i);
  return updates;
}

const waitFor = async (cond: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('redis store', () => {
  let redis: TestRedis;
  const stores: RedisStore[] = [];
  const open = async (opts: { trimGraceMs?: number } = {}) => {
    const s = await RedisStore.open({ url: redis.url, log: quiet, trimGraceMs: opts.trimGraceMs ?? 0 });
    stores.push(s);
    return s;
  };
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await redis?.kill();
  });

  it('fans out another relay’s appends, skipping its own, and compaction trims the stream; a late joiner gets snapshot + tail', async () => {
    const a = await open();
    const b = await open();
    await a.load('doc-f');
    await b.load('doc-f');
    const gotA: Uint8Array[] = [];
    const gotB: Uint8Array[] = [];
    a.subscribe('doc-f', (u) => gotA.push(u));
    b.subscribe('doc-f', (u) => gotB.push(u));
    const ups = edits(30);
    for (const u of ups.slice(0, 20)) await a.append('doc-f', u);
    await waitFor(() => gotB.length === 20);
    expect(gotA).toHaveLength(0);
    // b compacts what it has (a's 20, via fan-out); a appends 10 more meanwhile.
    const docB = new Y.Doc();
    for (const u of gotB) Y.applyUpdate(docB, u);
    const compacting = b.compact('doc-f', Y.encodeStateAsUpdate(docB));
    for (const u of ups.slice(20)) void a.append('doc-f', u);
    await compacting;
    await waitFor(() => gotB.length === 30);
    expect(b.compactions.written).toBe(1);
    const len = Number(await a.cmd.sendCommand(['XLEN', keys.log('doc-f')]));
    expect(len).toBeLessThanOrEqual(10);
    const late = await open();
    const { updates } = await late.load('doc-f');
    expect(updates.length).toBe(1 + len);
    const doc = new Y.Doc();
    for (const u of updates) Y.applyUpdate(doc, u);
    expect(doc.getMap('m').size).toBe(30);
  });

  it('refuses a snapshot written with a stale fencing token, and skips compaction while another relay holds the lock', async () => {
    const a = await open();
    await a.load('doc-l');
    for (const u of edits(5)) await a.append('doc-l', u);
    const fence = Number(await a.cmd.sendCommand(['INCR', keys.fence('doc-l')]));
    // Someone else took the lock after us (the lock expired): the fence moved on.
    await a.cmd.sendCommand(['INCR', keys.fence('doc-l')]);
    const last = (await a.cmd.sendCommand(['XREVRANGE', keys.log('doc-l'), '+', '-', 'COUNT', '1'])) as Array<[Buffer, Buffer[]]>;
    const lastId = last[0]![0].toString();
    expect(await a.writeFenced('doc-l', fence, lastId, new Uint8Array([0, 0]))).toBe(false);
    expect(await a.writeFenced('doc-l', fence + 1, lastId, new Uint8Array([0, 0]))).toBe(true);
    expect(Number(await a.cmd.sendCommand(['XLEN', keys.log('doc-l')]))).toBe(0);
    // Lock held by another relay: compaction is skipped (that relay compacts), nothing written.
    await a.cmd.sendCommand(['SET', keys.lock('doc-l'), 'other', 'PX', '10000']);
    for (const u of edits(3, 'z')) await a.append('doc-l', u);
    await a.compact('doc-l', new Uint8Array([0, 0]));
    expect(a.compactions.skipped).toBe(1);
    expect(Number(await a.cmd.sendCommand(['XLEN', keys.log('doc-l')]))).toBe(3);
  });

  it('trimming spares entries younger than the grace period (for lagging readers), but a reload does not see them twice', async () => {
    const a = await open({ trimGraceMs: 60_000 });
    await a.load('doc-g');
    const ups = edits(10);
    for (const u of ups) await a.append('doc-g', u);
    const doc = new Y.Doc();
    for (const u of ups) Y.applyUpdate(doc, u);
    await a.compact('doc-g', Y.encodeStateAsUpdate(doc));
    expect(Number(await a.cmd.sendCommand(['XLEN', keys.log('doc-g')]))).toBe(10);
    expect(a.entries('doc-g')).toBe(1);
    const { updates } = await (await open()).load('doc-g');
    expect(updates).toHaveLength(1);
  });

  it('a reader that lost Redis while another relay compacted past it resyncs from the snapshot by itself', async () => {
    const a = await open();
    const b = await open();
    await b.load('doc-r');
    const ups = edits(12);
    // b's room is behind: a stores and compacts (trimming everything) before b reads anything.
    for (const u of ups) await a.append('doc-r', u);
    const full = new Y.Doc();
    for (const u of ups) Y.applyUpdate(full, u);
    await a.compact('doc-r', Y.encodeStateAsUpdate(full));
    expect(Number(await a.cmd.sendCommand(['XLEN', keys.log('doc-r')]))).toBe(0);
    const got: Array<[Uint8Array, string]> = [];
    b.subscribe('doc-r', (u, kind) => got.push([u, kind]));
    // Cut b's reader connection: it reconnects and resyncs.
    const readerId = String((b as unknown as { readerId: unknown }).readerId ?? '');
    await waitFor(() => String((b as unknown as { readerId: unknown }).readerId ?? '') !== '');
    await a.cmd.sendCommand(['CLIENT', 'KILL', 'ID', String((b as unknown as { readerId: unknown }).readerId ?? readerId)]);
    await waitFor(() => got.some(([, k]) => k === 'snapshot'), 8000);
    const doc = new Y.Doc();
    for (const [u] of got) Y.applyUpdate(doc, u);
    expect(doc.getMap('m').size).toBe(12);
    // And reads on after it.
    await a.append('doc-r', edits(13)[12]!);
    await waitFor(() => got.length === 2);
  });

  it('one bad stream entry is logged and skipped in its room only; the reader goes on', async () => {
    const a = await open();
    const b = await open();
    for (const d of ['doc-x', 'doc-y']) await b.load(d);
    const got = { 'doc-x': [] as Uint8Array[], 'doc-y': [] as Uint8Array[] };
    for (const d of ['doc-x', 'doc-y'] as const)
      b.subscribe(d, (u) => {
        Y.applyUpdate(new Y.Doc(), u); // throws on garbage, as a room would
        got[d].push(u);
      });
    await a.cmd.sendCommand(['XADD', keys.log('doc-x'), '*', 'r', 'evil', 'u', Buffer.from([255, 255, 255, 1, 2])]);
    await a.cmd.sendCommand(['XADD', keys.log('doc-x'), '*', 'r', 'evil', 'x', 'no update field']);
    const ups = edits(4);
    await a.append('doc-x', ups[0]!);
    await a.append('doc-y', ups[1]!);
    await waitFor(() => got['doc-x'].length === 1 && got['doc-y'].length === 1);
    await a.append('doc-x', ups[2]!);
    await waitFor(() => got['doc-x'].length === 2);
  });
});

describe('embedded mode never loads the Redis client', () => {
  it('no server module imports `redis` at load time (only the Redis store, dynamically, in REDIS_URL mode)', () => {
    const files = fs.readdirSync('server/src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const offenders = files.filter((f) => /^\s*import\s+(?!type\b)[^;]*from\s+['"](redis|@redis\/[^'"]+)['"]/m.test(fs.readFileSync(path.join('server/src', f), 'utf8')));
    expect(offenders).toEqual([]);
    expect(fs.readFileSync('server/src/redis/store.ts', 'utf8')).toContain("await import('redis')");
    expect(fs.readFileSync('server/src/server.ts', 'utf8')).toContain("await import('./redis/store')");
  });
});

describe('REDIS_URL configuration', () => {
  it('unset: embedded storage, nothing else needed; set: needs the shared RELAY_SECRET and a redis:// URL', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/RELAY_SECRET/);
    expect(() => loadConfig({ REDIS_URL: 'http://x', RELAY_SECRET: 'x'.repeat(16) })).toThrow(/redis:\/\//);
    expect(() => loadConfig({ REDIS_URL: 'redis://x', RELAY_SECRET: 'x'.repeat(16), REDIS_TRIM_GRACE_MS: '0' })).toThrow(/REDIS_TRIM_GRACE_MS/);
    const c = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', RELAY_SECRET: 'x'.repeat(16) });
    expect([c.redisUrl, c.redisTrimGraceMs, c.redisHeartbeatMs]).toEqual(['redis://127.0.0.1:6379', 60_000, 3000]);
  });
});
