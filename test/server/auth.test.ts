import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/start-server';
import { connect, createWorkspace, rawSocket, synced, waitFor, type Client } from '../helpers/relay-client';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('workspaces API and tokens', () => {
  let srv: TestServer;
  const clients: Client[] = [];
  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv?.kill();
  });

  it('registers a workspace: 201 with tokens, 409 for a taken id, 400 for bad input', async () => {
    const res = await post(`${srv.url}/api/workspaces`, { id: 'offline-made-123', name: '宣传部 2026' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, string>;
    expect(body.id).toBe('offline-made-123');
    for (const k of ['ownerToken', 'editToken', 'viewToken']) expect(typeof body[k]).toBe('string');

    expect((await post(`${srv.url}/api/workspaces`, { id: 'offline-made-123' })).status).toBe(409);
    const generated = (await (await post(`${srv.url}/api/workspaces`, {})).json()) as { id: string };
    expect(generated.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);

    for (const bad of [{ id: 'short' }, { id: 'has space in it' }, { id: 'x'.repeat(65) }, { id: 12345678 }, { name: 42 }, []]) {
      expect((await post(`${srv.url}/api/workspaces`, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    const notJson = await fetch(`${srv.url}/api/workspaces`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{nope' });
    expect(notJson.status).toBe(400);
  });

  it('refuses missing, forged and other-workspace tokens with 4401 and sends no data', async () => {
    const a = await createWorkspace(srv);
    const b = await createWorkspace(srv);
    const forged = await new SignJWT({ ws: a.id, role: 'owner', gen: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('not-the-server-secret-at-all'));
    const tampered = a.viewToken.replace(/\.([^.]+)\./, (_m, p: string) => {
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      return '.' + Buffer.from(JSON.stringify({ ...claims, role: 'owner' })).toString('base64url') + '.';
    });
    const urls = {
      missing: `${srv.wsUrl}/sync/${a.id}`,
      empty: `${srv.wsUrl}/sync/${a.id}?token=`,
      garbage: `${srv.wsUrl}/sync/${a.id}?token=abc.def.ghi`,
      forged: `${srv.wsUrl}/sync/${a.id}?token=${forged}`,
      tampered: `${srv.wsUrl}/sync/${a.id}?token=${tampered}`,
      otherWorkspace: `${srv.wsUrl}/sync/${a.id}?token=${b.editToken}`,
    };
    for (const [what, url] of Object.entries(urls)) {
      const sock = await rawSocket(url);
      // Say hello like a client would; nothing may come back.
      sock.ws.send(Buffer.from([0, 0, 1, 0]));
      const { code } = await sock.closed;
      expect(code, what).toBe(4401);
      expect(sock.messages, what).toHaveLength(0);
    }
    // A stock client stops retrying after 4401.
    const c = connect(srv, a.id, forged);
    clients.push(c);
    await waitFor(() => c.closes.length > 0, 3000, 'close');
    await new Promise((r) => setTimeout(r, 700));
    expect(c.closes).toEqual([4401]);
    expect(c.provider.synced).toBe(false);
  });

  it('refuses bad workspace ids with 4404', async () => {
    const a = await createWorkspace(srv);
    const sock = await rawSocket(`${srv.wsUrl}/sync/bad?token=${a.editToken}`);
    expect((await sock.closed).code).toBe(4404);
  });

  it('rotating links locks out old tokens, including live sockets, and needs the owner token', async () => {
    const ws = await createWorkspace(srv);
    const live = connect(srv, ws.id, ws.editToken);
    clients.push(live);
    await synced(live);

    const rotateUrl = `${srv.url}/api/workspaces/${ws.id}/rotate`;
    expect((await post(rotateUrl, {})).status).toBe(401);
    expect((await post(rotateUrl, {}, { Authorization: `Bearer ${ws.editToken}` })).status).toBe(401);
    const res = await post(rotateUrl, {}, { Authorization: `Bearer ${ws.ownerToken}` });
    expect(res.status).toBe(200);
    const fresh = (await res.json()) as { ownerToken: string; editToken: string; viewToken: string };
    expect(fresh.editToken).not.toBe(ws.editToken);

    await waitFor(() => live.closes.includes(4401), 3000, 'live socket closed');
    for (const old of [ws.ownerToken, ws.editToken, ws.viewToken]) {
      const sock = await rawSocket(`${srv.wsUrl}/sync/${ws.id}?token=${old}`);
      expect((await sock.closed).code).toBe(4401);
      expect(sock.messages).toHaveLength(0);
    }
    expect((await post(rotateUrl, {}, { Authorization: `Bearer ${ws.ownerToken}` })).status).toBe(401);

    const next = connect(srv, ws.id, fresh.editToken);
    clients.push(next);
    await synced(next);
  });
});
