import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/log';
import { LevelPersistence } from '../../server/src/persistence/leveldb';
import { startServer, type RunningServer } from '../../server/src/server';
import { connect, createWorkspace, synced, waitFor, type Client } from '../helpers/relay-client';

/**
 * The relay in this process, over real sockets and a real LevelDB, with its disk made to
 * fail on demand: what clients see while storage is unavailable, and after.
 */
describe('storage unavailable, then back', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-faults-'));
  const clients: Client[] = [];
  let running: RunningServer | null = null;
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await running?.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('clients get a retryable close (1013) while writes fail, reconnect by themselves, and nothing they typed is lost', async () => {
    let diskFails = false;
    const eio = () => (diskFails ? Object.assign(new Error('EIO (injected)'), { code: 'EIO' }) : undefined);
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: path.join(dataDir, 'none'), API_RATE: '1000' });
    const store = await LevelPersistence.open(dataDir, { faults: { wal: eio, level: eio } });
    running = await startServer(config, createLogger('silent'), store);
    const srv = { url: `http://127.0.0.1:${running.port}`, wsUrl: `ws://127.0.0.1:${running.port}` };
    const ws = await createWorkspace(srv, { name: 'faults' });
    const a = connect(srv, ws.id, ws.editToken);
    const b = connect(srv, ws.id, ws.editToken);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('events').set('before', '故障前');
    await waitFor(() => b.doc.getMap('events').get('before') === '故障前', 5000, 'before the fault');

    diskFails = true;
    for (let i = 0; i < 5; i++) a.doc.getMap('events').set(`during${i}`, `故障中${i}`);
    b.doc.getMap('events').set('during-b', '故障中B');
    await waitFor(() => a.closes.includes(1013) && b.closes.includes(1013), 5000, 'retryable closes');
    // Nothing unstored was forwarded meanwhile.
    expect(b.doc.getMap('events').get('during0')).toBeUndefined();
    const health = (await (await fetch(`${srv.url}/healthz`)).json()) as { storage: string };
    expect(health.storage).toBe('degraded');

    diskFails = false;
    await waitFor(
      () => ['during0', 'during4'].every((k) => b.doc.getMap('events').has(k)) && a.doc.getMap('events').has('during-b'),
      20_000,
      'recovery by themselves',
    );
    expect(a.closes.filter((c) => c >= 4400 && c < 4500)).toEqual([]);
    await waitFor(() => !store.unhealthy, 10_000, 'storage healthy again');

    // All of it is durable: a fresh relay on the same folder serves it.
    for (const c of clients.splice(0)) c.destroy();
    await running.close();
    running = await startServer(config, createLogger('silent'));
    const srv2 = { wsUrl: `ws://127.0.0.1:${running.port}` };
    const fresh = connect(srv2, ws.id, ws.editToken);
    clients.push(fresh);
    await synced(fresh, 10_000);
    expect(Object.keys(fresh.doc.getMap('events').toJSON()).sort()).toEqual(['before', 'during-b', 'during0', 'during1', 'during2', 'during3', 'during4']);
  }, 60_000);
});
