import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/start-server';
import { connect, createWorkspace, rawSocket, sleep, synced, waitFor, type Client } from '../helpers/relay-client';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { redisCommandCalls } from './helpers/redis-stats';

process.setMaxListeners(200);

const SECRET = 'test-secret-shared-by-all-relays';

/** True when doc holds at least everything that `seen` (a state vector) describes. */
function covers(doc: Y.Doc, seen: Map<number, number>): boolean {
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of seen) if ((sv.get(client) ?? 0) < clock) return false;
  return true;
}

describe('several relays on one Redis', () => {
  let redis: TestRedis;
  let r1: TestServer;
  let r2: TestServer;
  const clients: Client[] = [];
  const open = (srv: TestServer, room: string, token: string, doc?: Y.Doc) => {
    const c = connect(srv, room, token, doc);
    clients.push(c);
    return c;
  };
  const relayEnv = (extra: Record<string, string> = {}) => ({ REDIS_URL: redis.url, RELAY_SECRET: SECRET, COMPACT_AFTER_UPDATES: '10000', ...extra });

  beforeAll(async () => {
    redis = await startRedis();
    [r1, r2] = await Promise.all([startServer({ env: relayEnv() }), startServer({ env: relayEnv() })]);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all([r1?.kill(), r2?.kill()]);
    await redis?.kill();
  });

  it('clients on each relay converge; a late joiner on relay 2 gets edits not yet compacted; tokens from one relay work on the other', async () => {
    const ws = await createWorkspace(r1, { name: '两个中继' });
    const a = open(r1, ws.id, ws.editToken);
    const b = open(r2, ws.id, ws.editToken);
    await Promise.all([synced(a), synced(b)]);
    for (let i = 0; i < 20; i++) a.doc.getMap('events').set(`a${i}`, i);
    for (let i = 0; i < 20; i++) b.doc.getMap('events').set(`b${i}`, i);
    await waitFor(() => a.doc.getMap('events').size === 40 && b.doc.getMap('events').size === 40, 10_000, 'convergence');
    expect(a.doc.getMap('events').toJSON()).toEqual(b.doc.getMap('events').toJSON());
    expect(r1.logs.some((l) => l.msg === 'room compacted')).toBe(false);
    const late = open(r2, ws.id, ws.viewToken);
    await synced(late);
    await waitFor(() => late.doc.getMap('events').size === 40, 5000, 'late joiner');
  });

  it('view tokens stay read-only on every relay', async () => {
    const ws = await createWorkspace(r2);
    const editor = open(r1, ws.id, ws.editToken);
    const v1 = open(r1, ws.id, ws.viewToken);
    const v2 = open(r2, ws.id, ws.viewToken);
    await Promise.all([synced(editor), synced(v1), synced(v2)]);
    editor.doc.getMap('events').set('e1', 'by editor');
    await waitFor(() => v1.doc.getMap('events').get('e1') === 'by editor' && v2.doc.getMap('events').get('e1') === 'by editor', 5000, 'viewers receive');
    v1.doc.getMap('events').set('x1', 'by viewer 1');
    v2.doc.getMap('events').set('x2', 'by viewer 2');
    await sleep(400);
    expect(editor.doc.getMap('events').has('x1')).toBe(false);
    expect(editor.doc.getMap('events').has('x2')).toBe(false);
    const fresh = open(r2, ws.id, ws.editToken);
    await synced(fresh);
    await sleep(100);
    expect(fresh.doc.getMap('events').toJSON()).toEqual({ e1: 'by editor' });
  });

  it('a rotation on one relay closes old tokens on the other, and they are refused there', async () => {
    const ws = await createWorkspace(r1);
    const old = open(r2, ws.id, ws.editToken);
    await synced(old);
    old.provider.shouldConnect = true;
    const res = await fetch(`${r1.url}/api/workspaces/${ws.id}/rotate`, { method: 'POST', headers: { Authorization: `Bearer ${ws.ownerToken}` } });
    expect(res.status).toBe(200);
    await waitFor(() => old.closes.includes(4401), 5000, 'old socket closed with 4401');
    const sock = await rawSocket(`${r2.wsUrl}/sync/${ws.id}?token=${ws.editToken}`);
    expect((await sock.closed).code).toBe(4401);
  });

  it('presence crosses relays', async () => {
    const ws = await createWorkspace(r1);
    const a = open(r1, ws.id, ws.editToken);
    const b = open(r2, ws.id, ws.viewToken);
    await Promise.all([synced(a), synced(b)]);
    b.provider.awareness.setLocalStateField('user', { name: '李四' });
    await waitFor(() => a.provider.awareness.getStates().has(b.doc.clientID), 5000, 'presence across relays');
    b.provider.disconnect();
    await waitFor(() => !a.provider.awareness.getStates().has(b.doc.clientID), 5000, 'presence removal across relays');
  });

  it('Redis operations per update are bounded (one XADD, one XREAD wake-up per relay in the room)', async () => {
    const ws = await createWorkspace(r1);
    const a = open(r1, ws.id, ws.editToken);
    const b = open(r2, ws.id, ws.editToken);
    await Promise.all([synced(a), synced(b)]);
    await sleep(300);
    const before = await redisCommandCalls(redis.url);
    const N = 200;
    for (let i = 0; i < N; i++) {
      a.doc.getMap('m').set(`k${i}`, i);
      await sleep(2);
    }
    await waitFor(() => b.doc.getMap('m').size === N, 10_000, 'all updates');
    const after = await redisCommandCalls(redis.url);
    const diff: Record<string, number> = {};
    for (const [k, v] of Object.entries(after)) if (v - (before[k] ?? 0) > 0) diff[k] = v - (before[k] ?? 0);
    delete diff.info;
    const total = Object.values(diff).reduce((x, y) => x + y, 0);
    console.log(`redis commands for ${N} updates (2 relays): ${JSON.stringify(diff)}, ${(total / N).toFixed(2)} per update`);
    expect(diff.xadd).toBe(N);
    // Heartbeats and presence pings in the window are a handful; the rest is ≤ one XREAD per relay per update.
    expect(total / N).toBeLessThanOrEqual(3.2);
  });
});
