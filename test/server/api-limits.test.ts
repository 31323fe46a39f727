import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/start-server';
import { createWorkspace } from '../helpers/relay-client';
import { RateLimiter } from '../../server/src/http/rate-limit';

const register = (srv: TestServer, headers: Record<string, string> = {}) =>
  fetch(`${srv.url}/api/workspaces`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });

describe('API limits', () => {
  it('a bucket allows its burst, then answers how long to wait, and refills', () => {
    const l = new RateLimiter(6, 3);
    expect([l.take('a', 0), l.take('a', 0), l.take('a', 0)]).toEqual([0, 0, 0]);
    expect(l.take('a', 0)).toBe(10);
    expect(l.take('b', 0)).toBe(0);
    expect(l.take('a', 10_000)).toBe(0);
  });

  describe('registration flood', () => {
    let srv: TestServer;
    beforeAll(async () => {
      srv = await startServer({ env: { API_RATE: '5' } });
    });
    afterAll(async () => {
      await srv?.kill();
    });

    it('answers 429 with Retry-After beyond the limit, and registers nothing more', async () => {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 30; i++) {
        const r = await register(srv);
        statuses.push(r.status);
        if (r.status === 429) retryAfter = r.headers.get('retry-after');
        await r.body?.cancel();
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(25);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    });
  });

  describe('registration by token', () => {
    let srv: TestServer;
    const TOKEN = 'registration-token-for-tests';
    beforeAll(async () => {
      srv = await startServer({ env: { REGISTRATION: 'token', REGISTRATION_TOKEN: TOKEN } });
    });
    afterAll(async () => {
      await srv?.kill();
    });

    it('refuses registration without the token and accepts it with', async () => {
      const none = await register(srv);
      expect(none.status).toBe(403);
      expect((await none.json()).error).toBe('registration_token_required');
      expect((await register(srv, { Authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(403);
      expect((await register(srv, { Authorization: `Bearer ${TOKEN}` })).status).toBe(201);
    });
  });

  describe('token rotation', () => {
    let srv: TestServer;
    beforeAll(async () => {
      srv = await startServer();
    });
    afterAll(async () => {
      await srv?.kill();
    });

    it('two concurrent rotations with one owner token: one wins, the other is refused, and the winner’s links work', async () => {
      const ws = await createWorkspace(srv);
      const rotate = () =>
        fetch(`${srv.url}/api/workspaces/${ws.id}/rotate`, { method: 'POST', headers: { Authorization: `Bearer ${ws.ownerToken}` } });
      const results = await Promise.all([rotate(), rotate(), rotate()]);
      const ok = results.filter((r) => r.status === 200);
      expect(ok).toHaveLength(1);
      expect(results.filter((r) => r.status === 401)).toHaveLength(2);
      const fresh = (await ok[0].json()) as { ownerToken: string };
      const again = await fetch(`${srv.url}/api/workspaces/${ws.id}/rotate`, { method: 'POST', headers: { Authorization: `Bearer ${fresh.ownerToken}` } });
      expect(again.status).toBe(200);
    });
  });
});

describe('slow handshakes', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startServer({ env: { HANDSHAKE_TIMEOUT_MS: '1500', PENDING_HANDSHAKES: '20' } });
  });
  afterAll(async () => {
    await srv?.kill();
  });

  it('caps half-open handshakes per address, closes them after the timeout, and keeps serving', async () => {
    const net = await import('node:net');
    const sockets = Array.from({ length: 60 }, () => {
      const s = net.connect(srv.port, '127.0.0.1');
      const closedAt: { t?: number } = {};
      s.on('error', () => {});
      s.on('connect', () => s.write(`GET /sync/abcdefgh?token=x HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n`));
      s.on('close', () => (closedAt.t = Date.now()));
      return closedAt;
    });
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, 500));
    // Beyond the cap: closed at once.
    expect(sockets.filter((s) => s.t !== undefined).length).toBeGreaterThanOrEqual(40);
    const health = await fetch(`${srv.url}/healthz`);
    expect(health.status).toBe(200);
    // The rest: closed by the header timeout (1.5 s, checked every second).
    await new Promise((r) => setTimeout(r, 3500));
    expect(sockets.every((s) => s.t !== undefined && s.t - t0 < 4000)).toBe(true);
  });
});
