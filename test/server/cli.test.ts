/**
 * `npm run cli -- workspace …` as a child process (scripts/cli.mjs, as `npm run cli` runs it)
 * against the data folder of a real relay: list, export → import into another data folder
 * (the same document, and links that work there), rotate (old links stop working), the
 * store lock while the relay runs, and bad input.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/start-server';
import { connect, createWorkspace, synced, waitFor, type Client } from '../helpers/relay-client';
import { startRedis, type TestRedis } from './helpers/redis-server';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const launcher = path.join(repoRoot, 'scripts/cli.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-cli-'));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(dataDir: string, ...args: string[]): Promise<Run> {
  return cliWith({ DATA_DIR: dataDir }, ...args);
}

function cliWith(extra: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.REDIS_URL;
    delete env.RELAY_SECRET;
    Object.assign(env, extra);
    const child = spawn(process.execPath, [launcher, 'workspace', ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const json = (r: Run) => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};

function fill(doc: Y.Doc): void {
  const events = doc.getMap<Y.Map<unknown>>('events');
  doc.transact(() => {
    doc.getMap('meta').set('name', '宣传部 2026');
    for (let i = 0; i < 30; i++) {
      const e = new Y.Map<unknown>();
      e.set('title', `活动 ${i} "引号" <b>`);
      e.set('start', `2026-03-${String((i % 28) + 1).padStart(2, '0')}`);
      e.set('units', Y.Array.from(['机关党委', '文明办']));
      events.set(`e${i}`, e);
    }
  });
  events.get('e3')!.set('status', 'done');
  events.delete('e7');
  doc.getText('notes').insert(0, '备注');
}

/** The document's content by its top-level types (toJSON of a doc lists only the types it has touched). */
const content = (doc: Y.Doc) => ({ meta: doc.getMap('meta').toJSON(), events: doc.getMap('events').toJSON(), notes: doc.getText('notes').toString() });

process.setMaxListeners(50);

describe('workspace CLI', () => {
  let srv: TestServer;
  let srv2: TestServer | undefined;
  const clients: Client[] = [];
  let ws: { id: string; ownerToken: string; editToken: string; viewToken: string };
  let expected: unknown;
  const dir2 = path.join(tmp, 'restored');

  beforeAll(async () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-server.mjs'), '--if-stale', 'cli'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    srv = await startServer();
    ws = await createWorkspace(srv, { id: 'cli-test-ws1', name: '宣传部' });
    const a = connect(srv, ws.id, ws.editToken);
    clients.push(a);
    await synced(a);
    fill(a.doc);
    // A second client seeing everything means the relay stored it (it forwards only after).
    const b = connect(srv, ws.id, ws.viewToken);
    clients.push(b);
    await synced(b);
    await waitFor(() => b.doc.getMap('events').size === 29 && b.doc.getText('notes').toString() === '备注', 10_000, 'second client');
    expected = content(a.doc);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv2?.kill();
    await srv?.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses to open the store while the relay runs on it, and changes nothing', async () => {
    const r = await cli(srv.dataDir, 'rotate', ws.id);
    expect(r.code).toBe(75);
    expect(r.stderr).toMatch(/stop the server first or use the HTTP API|stop the server first, or use the HTTP API/);
    // The relay still serves the old links.
    const c = connect(srv, ws.id, ws.editToken);
    clients.push(c);
    await synced(c);
    for (const x of clients) x.provider.disconnect();
    await srv.stop();
  });

  it('lists the workspace with its stored updates', async () => {
    const rows = json(await cli(srv.dataDir, 'list', '--json')) as unknown as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: ws.id, name: '宣传部', gen: 1 });
    expect(rows[0]!.updates as number).toBeGreaterThan(0);
    expect(rows[0]!.bytes as number).toBeGreaterThan(100);
    expect(Date.parse(rows[0]!.createdAt as string)).toBeGreaterThan(Date.now() - 120_000);
    const text = await cli(srv.dataDir, 'list');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ID\s+NAME\s+CREATED\s+UPDATES\s+BYTES/);
    expect(text.stdout).toContain(ws.id);
    expect(text.stdout).toContain('宣传部');
  });

  it('exports a plain Yjs update any Yjs program loads, and the record beside it', async () => {
    const file = path.join(tmp, 'backup.yjs');
    const out = json(await cli(srv.dataDir, 'export', ws.id, file, '--json'));
    expect(out.file).toBe(file);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(fs.readFileSync(file)));
    expect(content(doc)).toEqual(expected);
    const rec = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8'));
    expect(rec).toMatchObject({ format: 'campaign-calendar.workspace', version: 1, id: ws.id, name: '宣传部', update: { encoding: 'yjs-update-v1', bytes: fs.statSync(file).size } });
    expect(typeof rec.createdAt).toBe('number');
    // No overwrite without --force.
    const again = await cli(srv.dataDir, 'export', ws.id, file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists; pass --force/);
    expect((await cli(srv.dataDir, 'export', ws.id, file, '--force')).code).toBe(0);
  });

  it('imports into another data folder: the same document, served with the links it prints', async () => {
    const file = path.join(tmp, 'backup.yjs');
    fs.mkdirSync(dir2);
    const out = json(await cli(dir2, 'import', file, '--json'));
    expect(out).toMatchObject({ id: ws.id, name: '宣传部', created: true, replaced: false });
    // Export from the new folder: byte for byte the same document state.
    const file2 = path.join(tmp, 'again.yjs');
    json(await cli(dir2, 'export', ws.id, file2, '--json'));
    const d1 = new Y.Doc();
    const d2 = new Y.Doc();
    Y.applyUpdate(d1, new Uint8Array(fs.readFileSync(file)));
    Y.applyUpdate(d2, new Uint8Array(fs.readFileSync(file2)));
    expect(Buffer.from(Y.encodeStateAsUpdate(d2))).toEqual(Buffer.from(Y.encodeStateAsUpdate(d1)));
    expect(JSON.parse(fs.readFileSync(`${file2}.json`, 'utf8')).createdAt).toBe(JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')).createdAt);

    // A second import is refused; --force replaces.
    const refused = await cli(dir2, 'import', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds a document.*--force/);
    expect(json(await cli(dir2, 'import', file, '--force', '--json'))).toMatchObject({ replaced: true, created: false });

    srv2 = await startServer({ dataDir: dir2 });
    const c = connect(srv2, ws.id, out.editToken as string);
    clients.push(c);
    await synced(c);
    await waitFor(() => c.doc.getMap('events').size === 29, 5000, 'restored document');
    expect(content(c.doc)).toEqual(expected);
    c.provider.disconnect();
    await srv2.stop();
  });

  it('imports under another id with another name', async () => {
    const out = json(await cli(dir2, 'import', path.join(tmp, 'backup.yjs'), '--id', 'copy-of-ws1', '--name', '副本', '--json'));
    expect(out).toMatchObject({ id: 'copy-of-ws1', name: '副本', created: true });
    const rows = json(await cli(dir2, 'list', '--json')) as unknown as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.id).sort()).toEqual(['cli-test-ws1', 'copy-of-ws1']);
  });

  it('rotate: old links stop working, the printed ones work', async () => {
    const out = json(await cli(srv.dataDir, 'rotate', ws.id, '--origin', 'https://cal.example.org/ignored', '--json'));
    expect(out.gen).toBe(2);
    expect(out.editLink).toBe(`https://cal.example.org/w/${ws.id}?token=${out.editToken as string}`);
    const text = await cli(srv.dataDir, 'rotate', ws.id);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`edit link: +/w/${ws.id}\\?token=`));
    const viewToken = /view link: +\/w\/[^?]+\?token=(\S+)/.exec(text.stdout)![1]!;
    await srv.start();
    const old = connect(srv, ws.id, ws.editToken);
    const stale = connect(srv, ws.id, out.editToken as string);
    const fresh = connect(srv, ws.id, decodeURIComponent(viewToken));
    clients.push(old, stale, fresh);
    await waitFor(() => old.closes.includes(4401) && stale.closes.includes(4401), 5000, '4401 for old tokens');
    await synced(fresh);
    await waitFor(() => fresh.doc.getMap('events').size === 29, 5000, 'document with the new link');
    for (const x of [old, stale, fresh]) x.provider.disconnect();
    await srv.stop();
  });

  it('bad input: a clear message and a non-zero exit, nothing changed', async () => {
    const junk = path.join(tmp, 'junk.bin');
    fs.writeFileSync(junk, Buffer.from('this is not a yjs update at all, just text'));
    // Refused before the store is opened: run side by side.
    const early: Array<[string[], number, RegExp]> = [
      [['export', 'bad id!', path.join(tmp, 'x.yjs')], 1, /bad workspace id/],
      [['export', ws.id], 2, /usage/],
      [['rotate', ws.id, '--origin', 'ftp://x'], 1, /--origin must be/],
      [['import', junk, '--id', 'junk-import'], 1, /not a Yjs update|not a whole document/],
      [['import', path.join(tmp, 'missing.yjs')], 1, /file not found/],
      [['list', '--bogus'], 2, /unknown option/],
      [['frobnicate'], 2, /unknown workspace command/],
    ];
    // These open the store (one process at a time).
    const late: Array<[string[], number, RegExp]> = [
      [['export', 'no-such-ws', path.join(tmp, 'x.yjs')], 1, /no workspace no-such-ws/],
      [['rotate', 'no-such-ws'], 1, /no workspace no-such-ws/],
    ];
    const check = ([args, code, message]: [string[], number, RegExp], r: Run) => {
      expect({ args, code: r.code }).toEqual({ args, code });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    };
    const results = await Promise.all(early.map(([args]) => cli(srv.dataDir, ...args)));
    early.forEach((c, i) => check(c, results[i]!));
    for (const c of late) check(c, await cli(srv.dataDir, ...c[0]));
    const none = await cli(path.join(tmp, 'empty-dir'), 'list');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no data in .*DATA_DIR/);
    const rows = json(await cli(srv.dataDir, 'list', '--json')) as unknown as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.id)).toEqual([ws.id]);
    // A damaged backup (bytes not matching its record) is refused.
    const file = path.join(tmp, 'backup.yjs');
    const damaged = path.join(tmp, 'damaged.yjs');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 3] ^= 0xff;
    fs.writeFileSync(damaged, bytes);
    fs.copyFileSync(`${file}.json`, `${damaged}.json`);
    const r = await cli(srv.dataDir, 'import', damaged, '--id', 'damaged-ws');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not match/);
  });
});

describe('workspace CLI on Redis (REDIS_URL), next to a running relay', () => {
  let redis: TestRedis;
  let relay: TestServer;
  const clients: Client[] = [];
  const secret = 'cli-test-relay-secret-0123456789';
  let env: Record<string, string>;
  const rtmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-cli-redis-'));

  beforeAll(async () => {
    redis = await startRedis();
    env = { REDIS_URL: redis.url, RELAY_SECRET: secret, DATA_DIR: path.join(rtmp, 'unused') };
    relay = await startServer({ env: { REDIS_URL: redis.url, RELAY_SECRET: secret } });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await relay?.kill();
    await redis?.kill();
    fs.rmSync(rtmp, { recursive: true, force: true });
  });

  it('export → import gives the same document; rotate closes live sockets holding old links', async () => {
    const ws = await createWorkspace(relay, { id: 'redis-cli-ws', name: '文明办' });
    const a = connect(relay, ws.id, ws.editToken);
    clients.push(a);
    await synced(a);
    fill(a.doc);
    const expected = content(a.doc);
    const file = path.join(rtmp, 'redis.yjs');
    // The relay forwards only what Redis stored; a second client seeing it all means it is there.
    const b = connect(relay, ws.id, ws.viewToken);
    clients.push(b);
    await synced(b);
    await waitFor(() => b.doc.getMap('events').size === 29, 5000, 'stored');

    json(await cliWith(env, 'export', ws.id, file, '--json'));
    const d = new Y.Doc();
    Y.applyUpdate(d, new Uint8Array(fs.readFileSync(file)));
    expect(content(d)).toEqual(expected);
    const listed = json(await cliWith(env, 'list', '--json')) as unknown as Array<Record<string, unknown>>;
    expect(listed.map((r) => r.id)).toContain(ws.id);

    // Into the same Redis under another id: served by the running relay with the printed link.
    const out = json(await cliWith(env, 'import', file, '--id', 'redis-cli-copy', '--json'));
    expect(out).toMatchObject({ id: 'redis-cli-copy', name: '文明办', created: true });
    const c = connect(relay, 'redis-cli-copy', out.editToken as string);
    clients.push(c);
    await synced(c);
    await waitFor(() => c.doc.getMap('events').size === 29, 5000, 'imported copy');
    expect(content(c.doc)).toEqual(expected);
    expect((await cliWith(env, 'import', file, '--id', 'redis-cli-copy')).code).toBe(1);

    // Rotation from the shell reaches the relay: the live writer is closed with 4401.
    const r = json(await cliWith(env, 'rotate', ws.id, '--json'));
    expect(r.gen).toBe(2);
    await waitFor(() => a.closes.includes(4401), 5000, 'old link closed');
    const fresh = connect(relay, ws.id, r.editToken as string);
    clients.push(fresh);
    await synced(fresh);
  });

  it('without RELAY_SECRET, or with Redis unreachable: a clear message', async () => {
    const noSecret = await cliWith({ REDIS_URL: redis.url }, 'list');
    expect(noSecret.code).toBe(1);
    expect(noSecret.stderr).toMatch(/RELAY_SECRET/);
    const down = await cliWith({ REDIS_URL: 'redis://127.0.0.1:1', RELAY_SECRET: secret }, 'list');
    expect(down.code).toBe(75);
    expect(down.stderr).toMatch(/cannot reach Redis/);
  });
});
