import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/start-server';
import { connect, createWorkspace, rawSocket, synced, waitFor, type Client } from '../helpers/relay-client';
import { writeUpdate } from '../../server/src/relay/messages';

process.setMaxListeners(200);

describe('frames that arrive while a room loads', () => {
  let srv: TestServer;
  const clients: Client[] = [];
  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv?.kill();
  });

  it('a bad frame in the queue closes only its socket; every other waiting client syncs', async () => {
    const ws = await createWorkspace(srv, { name: 'load' });
    // A document big enough that loading it after a restart takes a moment.
    const writer = connect(srv, ws.id, ws.editToken);
    await synced(writer);
    writer.doc.transact(() => {
      for (let i = 0; i < 3000; i++) writer.doc.getMap('events').set(`e${i}`, { title: `活动${i}`, start: '2026-05-04' });
    });
    await new Promise((r) => setTimeout(r, 500));
    writer.destroy();
    await srv.restart();

    const url = `${srv.wsUrl}/sync/${ws.id}?token=${encodeURIComponent(ws.editToken)}`;
    const opening = Array.from({ length: 3 }, () => rawSocket(url));
    for (let i = 0; i < 25; i++) clients.push(connect(srv, ws.id, ws.editToken, new Y.Doc()));
    const bad = await Promise.all(opening);
    // Garbage the moment the sockets open, while the room is still loading.
    for (const b of bad) b.ws.send(new Uint8Array([0, 2, 200, 1, 2, 3, 4]));
    await Promise.all(clients.map((c) => synced(c, 20_000)));
    for (const c of clients) expect(c.doc.getMap('events').size).toBe(3000);
    for (const b of bad) expect((await b.closed).code).toBe(4400);
    const health = await fetch(`${srv.url}/healthz`);
    expect(health.status).toBe(200);
    expect(srv.logs.filter((l) => l.msg === 'unhandled rejection')).toEqual([]);
  });
});

describe('updates waiting on missing structs', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    await srv?.kill();
  });

  it('stores and forwards a resent pending update once, not once per copy', async () => {
    const ws = await createWorkspace(srv, { name: 'pending' });
    const source = new Y.Doc();
    source.getMap('events').set('a', 'first');
    const afterFirst = Y.encodeStateVector(source);
    const first = Y.encodeStateAsUpdate(source);
    source.getMap('events').set('b', 'second');
    const second = Y.encodeStateAsUpdate(source, afterFirst); // depends on `first`, which the relay lacks
    const url = `${srv.wsUrl}/sync/${ws.id}?token=${encodeURIComponent(ws.editToken)}`;
    const listener = await rawSocket(url);
    const sender = await rawSocket(url);
    await new Promise((r) => setTimeout(r, 300));
    const forwardedUpdates = () => listener.messages.filter((m) => m[0] === 0 && m[1] === 2).length;
    const before = forwardedUpdates();
    for (let i = 0; i < 300; i++) sender.ws.send(writeUpdate(second));
    await new Promise((r) => setTimeout(r, 800));
    expect(forwardedUpdates() - before).toBe(1);
    sender.ws.send(writeUpdate(first));
    await waitFor(() => forwardedUpdates() - before === 2, 5000, 'the missing update forwarded');
    const late = connect(srv, ws.id, ws.editToken);
    await synced(late);
    expect(late.doc.getMap('events').toJSON()).toEqual({ a: 'first', b: 'second' });
    late.destroy();
    listener.ws.close();
    sender.ws.close();
  });
});
