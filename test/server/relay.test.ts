import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/start-server';
import { connect, createWorkspace, sleep, synced, waitFor, type Client } from '../helpers/relay-client';

// Each stock provider adds a process 'exit' listener in Node.
process.setMaxListeners(200);

describe('relay: live collaboration with stock y-websocket clients', () => {
  let srv: TestServer;
  const clients: Client[] = [];
  const open = (room: string, token: string) => {
    const c = connect(srv, room, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv?.kill();
  });

  it('two clients converge', async () => {
    const ws = await createWorkspace(srv, { name: 'two' });
    const a = open(ws.id, ws.editToken);
    const b = open(ws.id, ws.ownerToken);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('events').set('e1', 'from a');
    b.doc.getMap('events').set('e2', 'from b');
    await waitFor(() => a.doc.getMap('events').size === 2 && b.doc.getMap('events').size === 2, 5000, 'convergence');
    expect(a.doc.getMap('events').toJSON()).toEqual(b.doc.getMap('events').toJSON());
  });

  it('a client joining later gets the whole document', async () => {
    const ws = await createWorkspace(srv);
    const a = open(ws.id, ws.editToken);
    await synced(a);
    const text = a.doc.getText('t');
    for (let i = 0; i < 20; i++) text.insert(text.length, `line ${i}\n`);
    await sleep(200);
    const late = open(ws.id, ws.viewToken);
    await synced(late);
    await waitFor(() => late.doc.getText('t').toString() === text.toString(), 5000, 'late join');
  });

  it('50 clients in one room converge', async () => {
    const ws = await createWorkspace(srv);
    const many = Array.from({ length: 50 }, () => open(ws.id, ws.editToken));
    await Promise.all(many.map((c) => synced(c, 20_000)));
    many.forEach((c, i) => c.doc.getMap('m').set(`k${i}`, i));
    await waitFor(() => many.every((c) => c.doc.getMap('m').size === 50), 20_000, '50-way convergence');
    const expected = many[0]!.doc.getMap('m').toJSON();
    for (const c of many) expect(c.doc.getMap('m').toJSON()).toEqual(expected);
    for (const c of many) c.provider.disconnect();
  });

  it('echoes awareness so a lone client keeps its connection', async () => {
    const ws = await createWorkspace(srv);
    const a = open(ws.id, ws.editToken);
    await synced(a);
    let got = 0;
    a.provider.ws!.addEventListener('message', (ev: MessageEvent) => {
      if (new Uint8Array(ev.data as ArrayBuffer)[0] === 1) got++;
    });
    a.provider.awareness.setLocalStateField('user', { name: '张三' });
    await waitFor(() => got > 0, 3000, 'awareness echo');
  });

  it('presence of others reaches a client, and leaves when they disconnect', async () => {
    const ws = await createWorkspace(srv);
    const a = open(ws.id, ws.editToken);
    const b = open(ws.id, ws.viewToken);
    await Promise.all([synced(a), synced(b)]);
    b.provider.awareness.setLocalStateField('user', { name: '李四' });
    await waitFor(() => a.provider.awareness.getStates().has(b.doc.clientID), 3000, 'presence');
    b.provider.disconnect();
    await waitFor(() => !a.provider.awareness.getStates().has(b.doc.clientID), 3000, 'presence removal');
  });

  it('a view token receives everything, but its writes are not applied, forwarded or stored', async () => {
    const ws = await createWorkspace(srv);
    const editor = open(ws.id, ws.editToken);
    const viewer = open(ws.id, ws.viewToken);
    const denied: string[] = [];
    viewer.provider.on('status', () => undefined);
    const origWarn = console.warn;
    await Promise.all([synced(editor), synced(viewer)]);
    editor.doc.getMap('events').set('e1', 'by editor');
    await waitFor(() => viewer.doc.getMap('events').get('e1') === 'by editor', 5000, 'viewer receives');

    // permissionDenied reaches the client through the auth message handler.
    const handler = viewer.provider.messageHandlers[2]!;
    viewer.provider.messageHandlers[2] = (...args) => {
      denied.push('permissionDenied');
      console.warn = () => undefined;
      try {
        handler(...args);
      } finally {
        console.warn = origWarn;
      }
    };
    viewer.doc.getMap('events').set('e2', 'by viewer');
    await waitFor(() => denied.length > 0, 3000, 'permissionDenied');
    await sleep(300);
    expect(editor.doc.getMap('events').has('e2')).toBe(false);

    // A fresh client does not get it either, and neither does one after a restart.
    const fresh = open(ws.id, ws.editToken);
    await synced(fresh);
    await sleep(100);
    expect(fresh.doc.getMap('events').get('e1')).toBe('by editor');
    expect(fresh.doc.getMap('events').has('e2')).toBe(false);
    viewer.provider.disconnect();

    await srv.restart();
    const afterRestart = open(ws.id, ws.editToken);
    await synced(afterRestart);
    await sleep(100);
    expect(afterRestart.doc.getMap('events').get('e1')).toBe('by editor');
    expect(afterRestart.doc.getMap('events').has('e2')).toBe(false);
  });
});

describe('stored document survives a graceful restart', () => {
  it('SIGTERM stores everything, closes sockets with 1001, and the restarted server serves the same doc', async () => {
    const srv = await startServer();
    try {
      const ws = await createWorkspace(srv);
      const a = connect(srv, ws.id, ws.editToken);
      await synced(a);
      const map = a.doc.getMap('events');
      for (let i = 0; i < 100; i++) map.set(`e${i}`, { title: `活动 ${i}` });
      await sleep(300);
      a.provider.shouldConnect = false; // keep it from reconnecting by itself
      await srv.stop('SIGTERM');
      await waitFor(() => a.closes.length > 0, 3000, 'close');
      expect(a.closes[0]).toBe(1001);
      a.destroy();
      await srv.start();
      const b = connect(srv, ws.id, ws.viewToken);
      await synced(b);
      await waitFor(() => b.doc.getMap('events').size === 100, 5000, 'reload');
      expect(b.doc.getMap<{ title: string }>('events').get('e42')).toEqual({ title: '活动 42' });
      b.destroy();
      const doc = new Y.Doc();
      expect(doc.getMap('events').size).toBe(0);
    } finally {
      await srv.kill();
    }
  });
});
