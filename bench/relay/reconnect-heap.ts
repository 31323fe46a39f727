/**
 * What a reconnect leaves behind in the relay: stock y-websocket clients (20, over 10 rooms)
 * disconnect, make one offline edit and reconnect, RECONNECT_HEAP_N times (3,000) after a warm-up
 * of 300; the relay runs with --heapsnapshot-signal, and the live heap (a snapshot is taken after
 * a full GC) is compared by constructor between the two points. A per-connection leak shows as
 * objects growing with the reconnect count that are neither document content (Yjs Item / ID /
 * ContentDeleted: one per offline edit) nor stored updates waiting for the room's compaction
 * (Uint8Array / ArrayBuffer: one per update, bounded by the compaction threshold).
 *
 *   npm run bench -- reconnect-heap      (not part of `all`; about a minute)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { freePort } from './servers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Live heap by node type + constructor name: count and self size. */
function heapSummary(file: string): { total: number; by: Map<string, [number, number]> } {
  const s = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const f = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const [iT, iN, iS] = [f.indexOf('type'), f.indexOf('name'), f.indexOf('self_size')];
  const by = new Map<string, [number, number]>();
  let total = 0;
  for (let i = 0; i < s.nodes.length; i += f.length) {
    const key = `${types[s.nodes[i + iT]]}:${s.strings[s.nodes[i + iN]].slice(0, 50)}`;
    const e = by.get(key) ?? [0, 0];
    e[0]++;
    e[1] += s.nodes[i + iS];
    by.set(key, e);
    total += s.nodes[i + iS];
  }
  return { total, by };
}

export async function runReconnectHeapBench(): Promise<void> {
  const n = Number(process.env.RECONNECT_HEAP_N ?? 3000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relay-heap-'));
  const port = await freePort();
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const child = spawn(process.execPath, ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${dir}`, '--import', 'tsx', path.join(root, 'server/src/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: path.join(dir, 'data'), STATIC_DIR: path.join(dir, 'no-app'), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  const clients: { p: WebsocketProvider; doc: Y.Doc }[] = [];
  for (let r = 0; r < 10; r++) {
    const id = `heap${r}x${Date.now()}`;
    const res = await fetch(`${base}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id }) });
    const { editToken } = (await res.json()) as { editToken: string };
    for (let k = 0; k < 2; k++) {
      const doc = new Y.Doc();
      const p = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, id, doc, { WebSocketPolyfill: WebSocket as never, params: { token: editToken }, disableBc: true });
      clients.push({ p, doc });
    }
  }
  const churn = async (count: number, from: number) => {
    for (let i = 0; i < count; i++) {
      const c = clients[i % clients.length];
      c.p.disconnect();
      c.doc.getMap('m').set('k', from + i);
      c.p.connect();
      const t = performance.now();
      while (!c.p.synced) {
        await sleep(2);
        if (performance.now() - t > 10_000) throw new Error(`reconnect ${from + i} not synced after 10 s (socket ${c.p.wsconnected ? 'open' : c.p.wsconnecting ? 'connecting' : 'closed'})`);
      }
    }
  };
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;
  const snapshot = async () => {
    const before = new Set(readdirSync(dir));
    child.kill('SIGUSR2');
    for (;;) {
      await sleep(300);
      const f = readdirSync(dir).find((x) => x.endsWith('.heapsnapshot') && !before.has(x));
      if (!f) continue;
      // (written in one go once it has a size that stops changing)
      const size = statSync(path.join(dir, f)).size;
      await sleep(700);
      if (size > 0 && statSync(path.join(dir, f)).size === size) return path.join(dir, f);
    }
  };
  try {
    await churn(300, 0);
    const a = await snapshot();
    const rssA = rss();
    const t0 = performance.now();
    await churn(n, 300);
    const secs = (performance.now() - t0) / 1000;
    const b = await snapshot();
    const rssB = rss();
    const A = heapSummary(a);
    const B = heapSummary(b);
    console.log(`  ${n} reconnects (with one offline edit each) in ${secs.toFixed(1)} s after a warm-up of 300`);
    console.log(`  live heap ${(A.total / 2 ** 20).toFixed(2)} → ${(B.total / 2 ** 20).toFixed(2)} MiB (${(((B.total - A.total) / n) | 0)} bytes per reconnect); RSS ${rssA.toFixed(1)} → ${rssB.toFixed(1)} MiB`);
    console.log('  growth by constructor (bytes, count):');
    const rows = [...B.by]
      .map(([k, [c, sz]]) => [k, c - (A.by.get(k)?.[0] ?? 0), sz - (A.by.get(k)?.[1] ?? 0)] as const)
      .sort((x, y) => y[2] - x[2])
      .slice(0, 12);
    for (const [k, c, sz] of rows) console.log(`    ${String(sz).padStart(9)} ${String(c).padStart(6)}  ${k}`);
  } finally {
    for (const c of clients) c.p.destroy();
    child.kill('SIGTERM');
    await sleep(300);
    rmSync(dir, { recursive: true, force: true });
  }
}
