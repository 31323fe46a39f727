/**
 * `npm run bench -- feed`: GET /ical/<id>.ics for a 10,000-activity workspace (bench/seed-workspace.ts,
 * 120 recurring series) on a real relay (the compiled server, as `npm start` runs it, embedded store,
 * default ROOM_IDLE_MS=0), timed from the client: request sent to the whole body read.
 *
 *   cold      the document changed and no room is in memory: the relay loads it from the store and exports
 *   warm      the document changed while an editor is connected (room in memory): export only
 *   cached    a repeat of the same request: the text from the cache (gzipped, as fetch asks for it; and plain)
 *   304       a repeat with If-None-Match
 *
 * Goals (issue 16): ≤ 200 ms uncached, ≤ 20 ms cached. FEED_SAMPLES (default 15) changed-document
 * samples of each kind, 60 of the cached ones. Prints median and p95; asserts nothing.
 */
import os from 'node:os';
import * as Y from 'yjs';
import { createEvent, readEvents, updateEvent } from '../shared/src/schema';
import { seedWorkspace } from './seed-workspace';
import { startServer } from '../test/helpers/start-server';
import { connect, createWorkspace, sleep, synced, waitFor, type Client } from '../test/helpers/relay-client';

const num = (v: string | undefined, d: number) => (v ? Number(v) : d);
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};
const fmt = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms (n=${xs.length}, min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;

/** `ms`: until the whole body is read (and decoded); `firstMs`: until the status line and headers arrived (the relay's own latency). */
async function timedGet(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; firstMs: number; status: number; text: string; etag: string }> {
  for (;;) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    const firstMs = performance.now() - t0;
    const text = await res.text();
    // The feed's render limit (20 a minute per address and workspace, before any work): wait it out, untimed.
    if (res.status === 429) {
      await sleep(1000 * Number(res.headers.get('retry-after') ?? 1));
      continue;
    }
    return { ms: performance.now() - t0, firstMs, status: res.status, text, etag: res.headers.get('etag') ?? '' };
  }
}

export async function runFeedBench(): Promise<void> {
  const samples = num(process.env.FEED_SAMPLES, 15);
  const srv = await startServer({ run: 'compiled' });
  const clients: Client[] = [];
  try {
    const ws = await createWorkspace(srv, { name: '基准测试工作区' });
    const seed = seedWorkspace(10_000);
    const ids = readEvents(seed).events.map((e) => e.id);
    // Upload the seeded document through a stock client, as the app's first share does.
    const uploader = connect(srv, ws.id, ws.editToken, seed);
    clients.push(uploader);
    await synced(uploader, 60_000);
    await waitFor(() => uploader.provider.ws?.bufferedAmount === 0, 60_000, 'upload sent');
    const url = `${srv.url}/ical/${ws.id}.ics?token=${encodeURIComponent(ws.viewToken)}`;
    // The relay has everything once the feed holds the last event.
    const lastTitle = readEvents(seed).events.find((e) => e.id === ids[ids.length - 1])!.title;
    for (let i = 0; ; i++) {
      const r = await timedGet(url);
      if (r.status === 200 && r.text.includes(lastTitle) && (r.text.match(/BEGIN:VEVENT/g) ?? []).length >= 10_000) {
        console.log(`  feed: ${(r.text.length / 1024 / 1024).toFixed(2)} MB of text, ${(r.text.match(/BEGIN:VEVENT/g) ?? []).length} VEVENTs, ${Y.encodeStateAsUpdate(seed).length} bytes of document`);
        break;
      }
      if (i > 100) throw new Error(`feed never held the whole workspace (status ${r.status})`);
      await sleep(200);
    }
    uploader.destroy();
    clients.length = 0;
    const rooms = async () => ((await (await fetch(`${srv.url}/healthz`)).json()) as { rooms: number }).rooms;

    // cold: an editor changes one title and leaves; once the room is unloaded, the feed is asked for.
    const cold: number[] = [];
    for (let i = 0; i < samples; i++) {
      const ed = connect(srv, ws.id, ws.editToken);
      await synced(ed, 60_000);
      const title = `冷启动改名 ${i}`;
      updateEvent(ed.doc, ids[i]!, { title });
      await waitFor(() => ed.provider.ws?.bufferedAmount === 0, 10_000, 'edit sent');
      await sleep(100);
      ed.destroy();
      for (let t = 0; (await rooms()) > 0; t++) {
        if (t > 200) throw new Error('room did not unload');
        await sleep(25);
      }
      const r = await timedGet(url);
      if (!r.text.includes(title)) throw new Error('cold sample did not see the edit');
      cold.push(r.ms);
    }

    // warm: an editor stays connected (room in memory); each sample follows an edit.
    const ed = connect(srv, ws.id, ws.editToken);
    clients.push(ed);
    await synced(ed, 60_000);
    const warm: number[] = [];
    const warmFirst: number[] = [];
    for (let i = 0; warm.length < samples; i++) {
      const title = `热改名 ${i}`;
      if (i % 2) createEvent(ed.doc, { title, kind: 'meeting', status: 'planned', start: '2026-11-11T10:00' });
      else updateEvent(ed.doc, ids[100 + i]!, { title });
      await waitFor(() => ed.provider.ws?.bufferedAmount === 0, 10_000, 'edit sent');
      await sleep(50);
      const r = await timedGet(url);
      if (r.text.includes(title)) {
        warm.push(r.ms);
        warmFirst.push(r.firstMs);
      }
      if (i > samples * 3) throw new Error('warm samples did not see their edits');
    }

    // cached: the same request again, with and without If-None-Match.
    const first = await timedGet(url);
    const cached: number[] = [];
    const cachedFirst: number[] = [];
    const notModified: number[] = [];
    for (let i = 0; i < 60; i++) {
      const a = await timedGet(url);
      if (a.status !== 200) throw new Error(`cached: ${a.status}`);
      cached.push(a.ms);
      cachedFirst.push(a.firstMs);
      const b = await timedGet(url, { 'If-None-Match': first.etag });
      if (b.status !== 304) throw new Error(`expected 304, got ${b.status}`);
      notModified.push(b.ms);
    }
    ed.destroy();
    clients.length = 0;
    // cached with no room in memory (embedded store: the cache is trusted until an append).
    for (let t = 0; (await rooms()) > 0; t++) {
      if (t > 200) throw new Error('room did not unload');
      await sleep(25);
    }
    const cachedNoRoom: number[] = [];
    const cachedPlain: number[] = [];
    const cachedPlainFirst: number[] = [];
    for (let i = 0; i < 60; i++) {
      cachedNoRoom.push((await timedGet(url)).ms);
      const p = await timedGet(url, { 'Accept-Encoding': 'identity' });
      cachedPlain.push(p.ms);
      cachedPlainFirst.push(p.firstMs);
    }
    const sizes = await Promise.all(['gzip', 'identity'].map(async (enc) => (await fetch(url, { headers: { 'Accept-Encoding': enc } })).headers.get('content-length')));
    if ((await rooms()) !== 0) throw new Error('a cached answer loaded the room');

    console.log(`  load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
    console.log(`  uncached, room not in memory (load + export): ${fmt(cold)}`);
    console.log(`  uncached, room in memory (export):            ${fmt(warm)}`);
    console.log(`    its headers arrived after (render + gzip):  ${fmt(warmFirst)}`);
    console.log(`  cached 200 (room in memory):                  ${fmt(cached)}`);
    console.log(`    its headers arrived after:                  ${fmt(cachedFirst)}`);
    console.log(`  cached 200 (no room in memory):               ${fmt(cachedNoRoom)}`);
    console.log(`  cached 200, not gzipped (Accept-Encoding: identity): ${fmt(cachedPlain)}`);
    console.log(`    its headers arrived after:                  ${fmt(cachedPlainFirst)}`);
    console.log(`  bytes sent: ${sizes[0]} gzipped, ${sizes[1]} plain`);
    console.log(`  304 (If-None-Match):                          ${fmt(notModified)}`);
    const metrics = await (await fetch(`${srv.url}/metrics`)).text();
    for (const line of metrics.split('\n')) if (/^relay_ical_(requests_total|render_seconds_(sum|count))/.test(line)) console.log(`  ${line}`);
  } finally {
    for (const c of clients) c.destroy();
    await srv.kill();
  }
}
