import * as Y from 'yjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/start-server';
import { connect, createWorkspace, sleep, synced, waitFor, type Client } from '../helpers/relay-client';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { redisRaw } from './helpers/redis-stats';

process.setMaxListeners(200);

const SECRET = 'test-secret-shared-by-all-relays';

/** True when doc holds at least everything that `seen` (a state vector) describes. */
function covers(doc: Y.Doc, seen: Map<number, number>): boolean {
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of seen) if ((sv.get(client) ?? 0) < clock) return false;
  return true;
}
const stateOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

describe('Redis mode when a relay or Redis fails', () => {
  let redis: TestRedis;
  let r1: TestServer;
  let r2: TestServer;
  const clients: Client[] = [];
  const open = (srv: TestServer, room: string, token: string, doc?: Y.Doc) => {
    const c = connect(srv, room, token, doc);
    clients.push(c);
    return c;
  };
  /** What a load balancer does when a relay dies: the client's next connection goes to another one. */
  const moveTo = (c: Client, srv: TestServer, room: string, token: string) => {
    c.provider.destroy();
    return open(srv, room, token, c.doc);
  };

  let restartR1 = false;
  beforeEach(async () => {
    if (restartR1) await r1.start();
    restartR1 = false;
  });

  beforeAll(async () => {
    redis = await startRedis({ appendfsync: 'always' });
    // Low thresholds so compaction (with its lock and fence) runs during the bursts, trimming after 1 s.
    const env = { REDIS_URL: redis.url, RELAY_SECRET: SECRET, COMPACT_AFTER_UPDATES: '100', REDIS_TRIM_GRACE_MS: '1000', REDIS_HEARTBEAT_MS: '500' };
    [r1, r2] = await Promise.all([startServer({ env }), startServer({ env })]);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all([r1?.kill(), r2?.kill()]);
    await redis?.kill();
  });

  it('writers on both relays while both compact (lock + fence): every client converges, late joiners on each relay get snapshot + tail', async () => {
    const ws = await createWorkspace(r2);
    const a = open(r1, ws.id, ws.editToken);
    const b = open(r2, ws.id, ws.editToken);
    await Promise.all([synced(a), synced(b)]);
    for (let i = 0; i < 300; i++) {
      a.doc.getMap('m').set(`a${i}`, i);
      b.doc.getMap('m').set(`b${i}`, i);
      if (i % 20 === 0) await sleep(5);
    }
    await waitFor(() => a.doc.getMap('m').size === 600 && b.doc.getMap('m').size === 600, 20_000, 'convergence');
    expect(await redisRaw(redis.url, 'EXISTS', `cc:snap:{${ws.id}}`)).toBe(':1\r\n');
    const late1 = open(r1, ws.id, ws.viewToken);
    const late2 = open(r2, ws.id, ws.viewToken);
    await Promise.all([synced(late1), synced(late2)]);
    await waitFor(() => late1.doc.getMap('m').size === 600 && late2.doc.getMap('m').size === 600, 5000, 'late joiners');
    // Both rooms unload (compacting), then a fresh load reads snapshot + tail only.
    for (const c of [a, b, late1, late2]) c.provider.disconnect();
    await sleep(300);
    const fresh = open(r1, ws.id, ws.viewToken);
    await synced(fresh);
    await waitFor(() => fresh.doc.getMap('m').size === 600, 5000, 'reload');
  });

  it('kill -9 relay 1 mid-burst: its clients move to relay 2 and nothing another client received is lost', async () => {
    const ws = await createWorkspace(r1);
    const a = open(r1, ws.id, ws.editToken);
    const c = open(r1, ws.id, ws.viewToken);
    const b = open(r2, ws.id, ws.editToken);
    await Promise.all([synced(a), synced(b), synced(c)]);
    c.provider.awareness.setLocalStateField('user', { name: '王五' });
    await waitFor(() => b.provider.awareness.getStates().has(c.doc.clientID), 5000, 'presence of c on relay 2');

    let n = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        a.doc.getMap('events').set(`e${n}`, { title: `活动 ${n}` });
        n++;
        await sleep(n % 10 === 0 ? 5 : 0);
      }
    })();
    await waitFor(() => b.doc.getMap('events').size > 300, 20_000, 'traffic');
    await r1.stop('SIGKILL');
    restartR1 = true;
    const seen = [stateOf(b.doc), stateOf(c.doc)];
    writing = false;
    await writer;
    // What relay 2 holds now, before the moved clients resend anything.
    const probe = open(r2, ws.id, ws.viewToken);
    await synced(probe);
    await sleep(200);
    for (const s of seen) expect(covers(probe.doc, s)).toBe(true);
    // Relay 1's clients reconnect through the balancer to relay 2; a resends what was not acknowledged.
    moveTo(c, r2, ws.id, ws.viewToken);
    const a2 = moveTo(a, r2, ws.id, ws.editToken);
    await synced(a2);
    await waitFor(() => probe.doc.getMap('events').size === n && b.doc.getMap('events').size === n, 15_000, 'every update of the burst');
    // Compaction ran meanwhile (a snapshot exists) and the stream holds only a tail.
    expect(await redisRaw(redis.url, 'EXISTS', `cc:snap:{${ws.id}}`)).toBe(':1\r\n');
  });

  it('a dead relay’s clients vanish from the others’ presence once its heartbeat expires', async () => {
    const ws = await createWorkspace(r1);
    const here = open(r2, ws.id, ws.editToken);
    const there = open(r1, ws.id, ws.editToken);
    await Promise.all([synced(here), synced(there)]);
    there.provider.awareness.setLocalStateField('user', { name: '赵六' });
    await waitFor(() => here.provider.awareness.getStates().has(there.doc.clientID), 5000, 'presence across relays');
    there.provider.shouldConnect = false;
    await r1.stop('SIGKILL');
    restartR1 = true;
    await waitFor(() => !here.provider.awareness.getStates().has(there.doc.clientID), 8000, 'presence of the dead relay’s client cleared');
  });

  it('Redis killed and restarted (AOF, appendfsync always): relays resync by themselves and nothing acknowledged is lost', async () => {
    const ws = await createWorkspace(r1);
    const a = open(r1, ws.id, ws.editToken);
    const b = open(r2, ws.id, ws.editToken);
    await Promise.all([synced(a), synced(b)]);
    for (let i = 0; i < 150; i++) a.doc.getMap('m').set(`before${i}`, i);
    await waitFor(() => b.doc.getMap('m').size === 150, 10_000, 'before');
    await redis.stop('SIGKILL');
    await sleep(300);
    await redis.start();
    // Edits on both sides after the restart reach the other relay's clients (fan-out resumed).
    await waitFor(() => a.provider.wsconnected && b.provider.wsconnected, 10_000, 'clients connected');
    a.doc.getMap('m').set('after-a', 1);
    b.doc.getMap('m').set('after-b', 2);
    await waitFor(() => a.doc.getMap('m').size === 152 && b.doc.getMap('m').size === 152, 20_000, 'after restart');
    const late = open(r2, ws.id, ws.viewToken);
    await synced(late);
    await waitFor(() => late.doc.getMap('m').size === 152, 5000, 'late joiner after restart');
    expect(r1.logs.some((l) => l.msg === 'redis: fan-out resumed') || r2.logs.some((l) => l.msg === 'redis: fan-out resumed')).toBe(true);
  });

  it('Redis stopped: writes are refused with 4503 (retryable), readers keep the document, then everything recovers by itself', async () => {
    const ws = await createWorkspace(r1);
    const a = open(r1, ws.id, ws.editToken);
    const reader = open(r2, ws.id, ws.viewToken);
    await Promise.all([synced(a), synced(reader)]);
    a.doc.getMap('m').set('before', 1);
    await waitFor(() => reader.doc.getMap('m').get('before') === 1, 5000, 'before');
    await redis.stop('SIGTERM');
    await waitFor(() => r1.logs.some((l) => l.msg === 'redis connection error'), 5000, 'relay noticed');
    const health = async () => ((await (await fetch(`${r1.url}/healthz`)).json()) as { storage: string }).storage;
    let storage = await health();
    for (let i = 0; i < 50 && storage !== 'degraded'; i++) storage = (await sleep(100), await health());
    expect(storage).toBe('degraded');
    a.doc.getMap('m').set('during', 2);
    await waitFor(() => a.closes.includes(4503), 5000, 'write refused with 4503');
    expect(r1.logs.some((l) => l.msg === 'storage unavailable, write refused')).toBe(true);
    // The reader is still served (its room stays in memory), and a newcomer to that room too.
    expect(reader.closes).toEqual([]);
    const newcomer = open(r2, ws.id, ws.viewToken);
    await synced(newcomer);
    expect(newcomer.doc.getMap('m').get('before')).toBe(1);
    expect(reader.doc.getMap('m').has('during')).toBe(false);
    await sleep(500);
    await redis.start();
    // The writer keeps retrying with backoff; once Redis is back its edit goes through.
    await waitFor(() => reader.doc.getMap('m').get('during') === 2 && newcomer.doc.getMap('m').get('during') === 2, 20_000, 'recovered');
    const fresh = open(r1, ws.id, ws.viewToken);
    await synced(fresh);
    await waitFor(() => fresh.doc.getMap('m').get('during') === 2, 5000, 'stored');
  });
});
