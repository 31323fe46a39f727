import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/start-server';
import { connect, createWorkspace, sleep, synced, waitFor, type Client } from '../helpers/relay-client';

process.setMaxListeners(50);

/** True when doc holds at least everything that `seen` (a state vector) describes. */
function covers(doc: Y.Doc, seen: Map<number, number>): boolean {
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of seen) if ((sv.get(client) ?? 0) < clock) return false;
  return true;
}

describe('kill -9 and restart: nothing clients sent is lost', () => {
  let srv: TestServer;
  const clients: Client[] = [];
  const open = (room: string, token: string, doc?: Y.Doc) => {
    const c = connect(srv, room, token, doc);
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    // A low compaction threshold so compaction runs (and is crash-tested) too.
    srv = await startServer({ env: { COMPACT_AFTER_UPDATES: '50' } });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv?.kill();
  });

  it('documents are intact after SIGKILL mid-session and offline edits arrive after reconnect', async () => {
    const ws = await createWorkspace(srv);
    const a = open(ws.id, ws.editToken);
    const b = open(ws.id, ws.editToken);
    await Promise.all([synced(a), synced(b)]);

    // A writes continuously; B only ever sees what the relay stored before forwarding.
    const events = a.doc.getMap('events');
    let n = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        events.set(`e${n}`, { title: `活动 ${n}`, start: '2026-05-04' });
        n++;
        await sleep(n % 10 === 0 ? 5 : 0);
      }
    })();
    await waitFor(() => b.doc.getMap('events').size > 300, 15_000, 'traffic');
    await srv.stop('SIGKILL');
    const seenByB = Y.decodeStateVector(Y.encodeStateVector(b.doc));
    const seenCount = b.doc.getMap('events').size;
    writing = false;
    await writer;

    // While the relay is down both keep editing, including the same field of one event.
    a.doc.getMap('events').set('offline-a', { title: 'A 离线新增' });
    b.doc.getMap('events').set('offline-b', { title: 'B 离线新增' });
    a.doc.getMap('meta').set('name', 'A 改名');
    b.doc.getMap('meta').set('name', 'B 改名');
    // Keep A and B away until we have checked what the relay itself kept.
    a.provider.disconnect();
    b.provider.disconnect();

    await srv.start();
    const fresh = open(ws.id, ws.viewToken);
    await synced(fresh);
    await sleep(100);
    expect(fresh.doc.getMap('events').size).toBeGreaterThanOrEqual(seenCount);
    expect(covers(fresh.doc, seenByB)).toBe(true);

    a.provider.connect();
    b.provider.connect();
    await Promise.all([synced(a), synced(b)]);
    await waitFor(
      () => ['offline-a', 'offline-b', `e${n - 1}`].every((k) => fresh.doc.getMap('events').has(k)),
      10_000,
      'offline edits reach the relay',
    );
    await waitFor(() => a.doc.getMap('meta').get('name') === b.doc.getMap('meta').get('name'), 5000, 'same-field merge');
    expect(fresh.doc.getMap('events').toJSON()).toEqual(a.doc.getMap('events').toJSON());
    expect(fresh.doc.getMap('events').size).toBe(n + 2);
  });

  it('a client that was offline the whole time merges its local edits on first connect', async () => {
    const ws = await createWorkspace(srv);
    const a = open(ws.id, ws.editToken);
    await synced(a);
    a.doc.getMap('events').set('server-side', 1);
    await sleep(200);
    // A doc edited with no network, then connected for the first time.
    const local = new Y.Doc();
    local.getMap('events').set('made-offline', 2);
    const b = open(ws.id, ws.editToken, local);
    await synced(b);
    await waitFor(() => a.doc.getMap('events').has('made-offline') && b.doc.getMap('events').has('server-side'), 5000, 'merge');
    await srv.restart({ signal: 'SIGKILL' });
    const c = open(ws.id, ws.viewToken);
    await synced(c);
    await sleep(100);
    expect(c.doc.getMap('events').toJSON()).toEqual({ 'server-side': 1, 'made-offline': 2 });
  });
});
