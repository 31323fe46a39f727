import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/log';
import { LevelPersistence } from '../../server/src/persistence/leveldb';
import type { Persistence } from '../../server/src/persistence/persistence';
import { RedisStore } from '../../server/src/redis/store';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { ATTACKS, fuzzFrames, sendUpdate, type AttackOutcome } from '../helpers/hostile-attacks';
import * as H from '../helpers/hostile-updates';
import { connect, createWorkspace, rawSocket, sleep, synced, waitFor, type Client } from '../helpers/relay-client';
import { startRoundTripProbe, type RoundTripProbe } from '../helpers/round-trip-probe';
import { startServer, type TestServer } from '../helpers/start-server';

/**
 * Issue 9's attacks, each from an ordinary edit link against its own workspace, while
 * honest colleagues work in another room. Outcomes only (refusals, nothing lost, no
 * restart, everything reopens); the round trips under attack are measured at full size
 * by `npm run bench:relay -- hostile`. Run against the embedded store and against Redis
 * (REDIS_URL mode: what is stored goes to a stream, a restarted relay reads it back).
 */
describe.each(['embedded', 'redis'] as const)('hostile clients with an edit link (%s storage)', (mode) => {
  let srv: TestServer;
  let redis: TestRedis | undefined;
  let probe: RoundTripProbe;
  const outcomes = new Map<string, AttackOutcome>();
  const clients: Client[] = [];
  /** The relay's store, opened from the test while the relay is stopped. */
  const openStore = async (): Promise<Persistence> =>
    redis ? RedisStore.open({ url: redis.url, log: createLogger('silent') }) : LevelPersistence.open(srv.dataDir);

  beforeAll(async () => {
    if (mode === 'redis') redis = await startRedis({ appendfsync: 'everysec' });
    // The slow-apply guard has its own test below; here an accepted update that meets a busy
    // 2-core machine (the whole suite runs in parallel) must not be undone with 1013.
    const env = { SLOW_APPLY_MS: '2000', ...(redis ? { REDIS_URL: redis.url, RELAY_SECRET: 'hostile-suite-shared-secret' } : {}) };
    srv = await startServer({ env });
    probe = await startRoundTripProbe(srv);
  });
  afterAll(async () => {
    probe?.stop();
    for (const c of clients) c.destroy();
    await srv?.kill();
    await redis?.kill();
  });

  for (const attack of ATTACKS) {
    it(`${attack.name}: ${attack.expected}; the relay and the other room carry on`, async () => {
      const pid = srv.pid();
      const outcome = await attack.run(srv, 'test');
      outcomes.set(attack.name, outcome);
      for (const code of outcome.closes) expect(code).toBe(attack.refusedWith);
      const honest = await probe.drain();
      expect(honest.lost).toBe(0);
      expect(honest.sent).toBeGreaterThan(0);
      expect(srv.pid()).toBe(pid);
      expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
    }, 60_000);
  }

  it('20,000 randomly mutated frames: bad ones close their socket, the relay and the other room carry on', async () => {
    const pid = srv.pid();
    const closes = await fuzzFrames(srv, 20_000);
    expect([...closes.keys()].every((c) => c === 4400 || c === 4413 || c === 1005 || c === 1000)).toBe(true);
    // How many sockets close (rather than frames landing on an already closed one) depends on
    // timing; the Redis mode's extra process on this 2-core machine closes a few less.
    expect(closes.get(4400) ?? 0).toBeGreaterThan(mode === 'redis' ? 200 : 300);
    const honest = await probe.drain();
    expect(honest.lost).toBe(0);
    expect(srv.pid()).toBe(pid);
  }, 60_000);

  it('after a restart every attacked workspace opens, holding exactly what was accepted', async () => {
    probe.stop();
    await srv.restart();
    const open = async (name: string) => {
      const ws = outcomes.get(name)!.workspace;
      const c = connect(srv, ws.id, ws.editToken);
      clients.push(c);
      await synced(c, 20_000);
      return c.doc;
    };
    expect((await open(ATTACKS[0]!.name)).getArray('a').length).toBe(0);
    expect((await open(ATTACKS[1]!.name)).getArray('a').length).toBe(40 * 1_500);
    const siblings = outcomes.get(ATTACKS[2]!.name)!;
    expect(siblings.accepted).toBeGreaterThan(0);
    expect((await open(ATTACKS[2]!.name)).getArray('a').length).toBe(1 + siblings.accepted!);
    expect((await open(ATTACKS[3]!.name)).getMap('m').size).toBe(0);
    const phantom = await open(ATTACKS[4]!.name);
    expect(phantom.store.pendingDs).toBeNull();
    expect((await open(ATTACKS[5]!.name)).store.pendingStructs).toBeNull();
  }, 60_000);

  it('a workspace poisoned by an older relay (a run of 39,000 one-item inserts in three updates, 100,000 phantom deletions, a 5,000-deep chain) opens without harming the process', async () => {
    const ws = await createWorkspace(srv, { name: 'poisoned' });
    await srv.stop();
    const store = await openStore();
    await store.load(ws.id);
    const fine = H.anchor({ client: 2, root: 'ok' });
    await store.append(ws.id, fine);
    for (let i = 0; i < 3; i++) await store.append(ws.id, H.unmergedRun(13_000, { client: 7, from: i * 13_000 }));
    await store.append(ws.id, H.phantomDeletes(100_000, { firstClient: 1000 }));
    await store.append(ws.id, H.deepMaps(5_000, { client: 3 }));
    await store.close();
    await srv.start();
    const pid = srv.pid();
    const c = connect(srv, ws.id, ws.editToken);
    clients.push(c);
    await synced(c, 20_000);
    expect(c.doc.getArray('ok').toArray()).toEqual(['anchor']);
    expect(c.doc.getArray('a').length).toBe(0);
    expect(c.doc.getMap('m').size).toBe(1); // the deep chain is data, cheap to load: kept
    expect(c.doc.store.pendingDs).toBeNull();
    expect(srv.logs.filter((l) => l.msg === 'stored update over the limits, skipped').length).toBeGreaterThanOrEqual(1);
    expect(srv.logs.filter((l) => l.msg === 'stored parts waiting for missing ids over the limit, dropped').length).toBe(1);
    // Later edits work (and are not slowed by 100,000 deletions retried each time).
    c.doc.getArray('ok').push(['later']);
    const d = connect(srv, ws.id, ws.editToken);
    clients.push(d);
    await waitFor(() => d.doc.getArray('ok').length === 2, 10_000, 'a later edit');
    expect(srv.pid()).toBe(pid);
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
  }, 60_000);
});

describe('guards for what the structural checks cannot price', () => {
  const servers: TestServer[] = [];
  const clients: Client[] = [];
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const s of servers) await s.kill();
  });

  it('an update that passed the checks but was slow to apply is undone and its socket told to retry later (1013); the room’s clients keep working', async () => {
    // Almost no slow-apply allowance, so an ordinary (if costly) update trips the guard.
    const srv = await startServer({ env: { SLOW_APPLY_MS: '5' } });
    servers.push(srv);
    const ws = await createWorkspace(srv, { name: 'slow apply' });
    const honest = connect(srv, ws.id, ws.editToken);
    clients.push(honest);
    await synced(honest);
    honest.doc.getMap('events').set('before', '之前');
    const sock = await rawSocket(`${srv.wsUrl}/sync/${ws.id}?token=${ws.editToken}`);
    // 1,990 one-item inserts: just under the merge limit, and merging them takes far longer than 5 ms + 16 KB / 2 KB.
    const code = await sendUpdate(sock, H.unmergedRun(1_990, { client: 7 }));
    expect(code).toBe(1013);
    expect(srv.logs.some((l) => l.msg === 'update too slow to apply, undone')).toBe(true);
    honest.doc.getMap('events').set('after', '之后');
    const late = connect(srv, ws.id, ws.editToken);
    clients.push(late);
    await waitFor(() => late.doc.getMap('events').get('after') === '之后' && late.doc.getMap('events').get('before') === '之前', 10_000, 'edits before and after');
    expect(late.doc.getArray('a').length).toBe(0);
    await srv.restart();
    const fresh = connect(srv, ws.id, ws.editToken);
    clients.push(fresh);
    await synced(fresh, 10_000);
    expect(fresh.doc.getArray('a').length).toBe(0);
    expect(fresh.doc.getMap('events').toJSON()).toEqual({ before: '之前', after: '之后' });
  }, 60_000);

  it('a room over its time budget waits its turn: every update still arrives, in order', async () => {
    const srv = await startServer({ env: { ROOM_CPU_MS: '10' } });
    servers.push(srv);
    const ws = await createWorkspace(srv, { name: 'busy room' });
    const a = connect(srv, ws.id, ws.editToken);
    const b = connect(srv, ws.id, ws.editToken);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    const seen: number[] = [];
    b.doc.getArray<number>('log').observe((ev) => {
      for (const d of ev.changes.delta) if (d.insert) seen.push(...(d.insert as number[]));
    });
    // Newcomers make the relay encode a growing document: real work, with 10 ms/s allowed.
    for (let i = 0; i < 60; i++) {
      a.doc.getArray<number>('log').push([i]);
      a.doc.getMap('bulk').set(`k${i}`, 'x'.repeat(20_000));
      if (i % 10 === 0) clients.push(connect(srv, ws.id, ws.editToken));
      await sleep(5);
    }
    await waitFor(() => seen.length === 60, 30_000, 'every update');
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(srv.logs.some((l) => l.msg === 'room over its time budget, frames wait' && l.room === ws.id)).toBe(true);
  }, 60_000);
});
