import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/start-server';

/** GET with the raw path as written (fetch would normalise `..` away). */
function rawGet(port: number, rawPath: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static app serving', () => {
  let srv: TestServer;
  let base: string;
  const SECRET = 'TOP-SECRET-OUTSIDE-ROOT';

  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-static-test-'));
    const root = path.join(base, 'client');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(base, 'secret.txt'), SECRET);
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
    fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'assets', 'index-abc123.css'), 'body{}');
    fs.writeFileSync(path.join(root, 'assets', 'font-x.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
    fs.writeFileSync(path.join(root, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(root, 'manifest.webmanifest'), '{"name":"app"}');
    fs.writeFileSync(path.join(root, 'sw.js'), 'self.addEventListener("fetch",()=>{})');
    fs.writeFileSync(path.join(root, 'workbox-1234abcd.js'), '//wb');
    srv = await startServer({ staticDir: root });
  });

  afterAll(async () => {
    await srv?.kill();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('answers /healthz with JSON', async () => {
    const res = await fetch(`${srv.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it.each(['/', '/w/abc12345', '/w/abc/timeline', '/w/abc12345/plan', '/w/abc12345/print/month/2026-05'])(
    'serves the app for route %s',
    async (route) => {
      const res = await fetch(srv.url + route);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root">');
    },
  );

  it('sends a strict content security policy, no referrer and no framing on every response', async () => {
    for (const p of ['/', '/w/some-workspace-id', '/assets/index-abc123.js', '/healthz', '/api/workspaces/x/rotate', '/missing.js']) {
      const r = await rawGet(srv.port, p);
      const csp = String(r.headers['content-security-policy'] ?? '');
      expect(csp, p).toContain("script-src 'self'");
      expect(csp, p).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
      expect(csp, p).toContain("frame-ancestors 'none'");
      expect(r.headers['x-content-type-options'], p).toBe('nosniff');
      expect(r.headers['referrer-policy'], p).toBe('no-referrer');
      expect(r.headers['x-frame-options'], p).toBe('DENY');
    }
  });

  it('sends correct content types and cache headers', async () => {
    const cases: Array<[string, RegExp, RegExp]> = [
      ['/assets/index-abc123.js', /^text\/javascript/, /immutable/],
      ['/assets/index-abc123.css', /^text\/css/, /max-age=31536000/],
      ['/assets/font-x.woff2', /^font\/woff2$/, /immutable/],
      ['/icon.svg', /^image\/svg\+xml$/, /no-cache/],
      ['/manifest.webmanifest', /^application\/manifest\+json/, /no-cache/],
      ['/sw.js', /^text\/javascript/, /^no-cache$/],
      ['/workbox-1234abcd.js', /^text\/javascript/, /^no-cache$/],
    ];
    for (const [p, type, cache] of cases) {
      const res = await fetch(srv.url + p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type'), p).toMatch(type);
      expect(res.headers.get('cache-control'), p).toMatch(cache);
      await res.arrayBuffer();
    }
  });

  it('answers 404 for missing assets, API and sync paths instead of the app', async () => {
    for (const p of ['/assets/missing-123.js', '/missing.js', '/api/nope', '/sync']) {
      const res = await fetch(srv.url + p);
      expect(res.status, p).toBe(404);
      expect(await res.text()).not.toContain('<div id="root">');
    }
  });

  it('refuses path traversal', async () => {
    for (const p of [
      '/../secret.txt',
      '/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00../secret.txt',
      '/%E0%A4%A',
    ]) {
      const res = await rawGet(srv.port, p);
      expect(res.body, p).not.toContain(SECRET);
      expect([400, 404], p).toContain(res.status);
    }
  });

  it('supports HEAD and conditional GET', async () => {
    const head = await fetch(`${srv.url}/assets/index-abc123.js`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const etag = head.headers.get('etag')!;
    const again = await fetch(`${srv.url}/assets/index-abc123.js`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });
});

describe('without a built app', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startServer(); // empty static dir
  });
  afterAll(async () => {
    await srv?.kill();
  });

  it('answers app routes with 503 and a clear message, but /healthz still works', async () => {
    const res = await fetch(`${srv.url}/w/abc12345`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/not built/);
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await srv.stop('SIGTERM')).toBe(0);
  });
});
