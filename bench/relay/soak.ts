/**
 * Soak: 1,000 clients over 200 rooms for SOAK_MINUTES (default 10) on one relay
 * (embedded store) and on two relays + Redis (appendfsync always; clients of each room
 * alternate between the relays). Prints figures only.
 *
 *   npm run bench -- soak      (not part of `all`)
 *
 * SOAK_MINUTES (10), SOAK_ROOMS (200), SOAK_CLIENTS (1000), SOAK_RATE (updates per
 * second per client, 0.2), SOAK_FULL_PER_ROOM (2), SOAK_TARGETS=one,two.
 *
 * Clients. This machine has 2 cores shared by the relays, Redis and this process, so
 * most clients are raw protocol clients like load.ts's: each owns a small Y.Doc that
 * produces its real updates, and incoming frames are only peeked at (client id + clock
 * of the first struct) to count deliveries; they never apply what they receive. In every
 * room SOAK_FULL_PER_ROOM clients are full Y.Doc clients speaking the y-websocket sync
 * protocol (y-protocols/sync: answer the relay's step 1, apply step 2 and updates), and
 * at the end one fresh full client per room connects (to the last relay) and syncs; the
 * room converged if all its full clients and that late joiner have equal state vectors
 * and no struct missing in either direction, equal content, and equal
 * encodeStateAsUpdate bytes (reported separately: equal content can encode differently).
 *
 * Delivered: every update a client sends must reach every other client of its room,
 * once; counted per (update, receiver), with duplicates and strays counted apart.
 * RSS: each relay's VmRSS every 10 s; "after warm-up" is the first sample at or after
 * SOAK_WARMUP_S (default min(60, a quarter of the run)).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import os from 'node:os';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { writeUpdate } from '../../server/src/relay/messages';
import { percentile } from './load';
import { startRelayCluster, type ClusterServer } from './cluster';
import { startBenchServer, type BenchServer } from './servers';

const num = (v: string | undefined, d: number) => (v ? Number(v) : d);
const fmt = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '-');
const mib = (b: number) => b / 1024 / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Same as load.ts: `${client}:${clock}` of the first struct of a step2/update frame. */
function keyOf(frame: Uint8Array): string | null {
  if (frame[0] !== 0 || (frame[1] !== 2 && frame[1] !== 1)) return null;
  const d = decoding.createDecoder(frame);
  d.pos = 2;
  decoding.readVarUint(d);
  if (decoding.readVarUint(d) === 0) return null;
  decoding.readVarUint(d);
  const client = decoding.readVarUint(d);
  const clock = decoding.readVarUint(d);
  return `${client}:${clock}`;
}

interface SoakClient {
  room: number;
  idx: number;
  full: boolean;
  ws: WebSocket;
  doc: Y.Doc;
  pending: Uint8Array | null;
  synced: boolean;
  closedEarly: boolean;
}

interface Sent {
  room: number;
  from: number;
  mask: number;
  t: number;
}

interface Target {
  name: string;
  /** For connecting: one BenchServer (the cluster alternates relays by itself). */
  server: BenchServer;
  /** Relays whose RSS is sampled. */
  relays: BenchServer[];
  redis?: ClusterServer;
  /** Where the late joiner of each room connects. */
  lastRelay: BenchServer;
  stop(): Promise<void>;
}

function openFull(url: string, c: Omit<SoakClient, 'ws'>, onFrame: (c: SoakClient, f: Uint8Array) => void): Promise<SoakClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    const client = c as SoakClient;
    client.ws = ws;
    ws.on('message', (d) => onFrame(client, d as Buffer));
    ws.once('open', () => resolve(client));
    ws.once('error', reject);
  });
}

/** Full client: y-protocols sync on its Y.Doc. Raw client: nothing beyond the peek in onFrame. */
function handleFull(c: SoakClient, frame: Uint8Array): void {
  const dec = decoding.createDecoder(frame);
  if (decoding.readVarUint(dec) !== 0) return; // awareness / auth / query: not used here
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  const t = syncProtocol.readSyncMessage(dec, enc, c.doc, 'remote');
  if (t === syncProtocol.messageYjsSyncStep2) c.synced = true;
  if (encoding.length(enc) > 1 && c.ws.readyState === WebSocket.OPEN) c.ws.send(encoding.toUint8Array(enc));
}

async function startTarget(name: string): Promise<Target> {
  if (name === 'one') {
    const s = await startBenchServer('ours');
    return { name: 'one relay (embedded store)', server: s, relays: [s], lastRelay: s, stop: () => s.stop() };
  }
  const c = await startRelayCluster(2, 'always');
  return { name: 'two relays + Redis (appendfsync always)', server: c, relays: c.relays, redis: c, lastRelay: c.relays[c.relays.length - 1]!, stop: () => c.stop() };
}

export interface SoakResult {
  target: string;
  minutes: number;
  clients: number;
  rooms: number;
  full: number;
  sent: number;
  expected: number;
  delivered: number;
  duplicates: number;
  strays: number;
  closedEarly: number;
  closeCodes: string[];
  p50Ms: number;
  p99Ms: number;
  rssWarm: number[];
  rssEnd: number[];
  redisRssWarm?: number;
  redisRssEnd?: number;
  divergent: number;
  byteDifferent: number;
  lateJoinerUnsynced: number;
  relayCpuPct: number;
  redisCpuPct?: number;
  benchCpuPct: number;
  benchLoopP99Ms: number;
}

async function soakOne(targetName: string): Promise<SoakResult> {
  const minutes = num(process.env.SOAK_MINUTES, 10);
  const roomsN = num(process.env.SOAK_ROOMS, 200);
  const clientsN = num(process.env.SOAK_CLIENTS, 1000);
  const rate = num(process.env.SOAK_RATE, 0.2);
  const perRoom = Math.max(2, Math.round(clientsN / roomsN));
  const fullPerRoom = Math.min(perRoom, num(process.env.SOAK_FULL_PER_ROOM, 2));
  const durationMs = minutes * 60_000;
  const warmupMs = num(process.env.SOAK_WARMUP_S, Math.min(60, (minutes * 60) / 4)) * 1000;
  const target = await startTarget(targetName);
  const tag = Math.random().toString(36).slice(2, 8);

  const inflight = new Map<string, Sent>();
  const latencies: number[] = [];
  let delivered = 0;
  let duplicates = 0;
  let strays = 0;
  let sent = 0;
  let expected = 0;
  let counting = false;
  let t0 = performance.now();
  const closeCodes = new Map<string, number>();
  const onFrame = (c: SoakClient, frame: Uint8Array) => {
    const key = keyOf(frame);
    if (key !== null && counting) {
      const s = inflight.get(key);
      if (s === undefined || s.room !== c.room || s.from === c.idx) {
        strays++; // not an update sent in this room by another client (an echo to its sender counts here too)
      } else {
        const bit = 1 << c.idx;
        if (s.mask & bit) duplicates++;
        else {
          s.mask |= bit;
          delivered++;
          latencies.push(performance.now() - s.t);
          if (s.mask === (((1 << perRoom) - 1) & ~(1 << s.from))) inflight.delete(key);
        }
      }
    }
    if (c.full) handleFull(c, frame);
  };

  // Connect, 10 rooms at a time.
  const rooms: SoakClient[][] = [];
  const names = Array.from({ length: roomsN }, (_, i) => `soak-${tag}-${i}`);
  const tokens: string[] = [];
  for (let i = 0; i < roomsN; i += 10) {
    const batch = await Promise.all(
      names.slice(i, i + 10).map(async (name, j) => {
        const room = i + j;
        const token = await target.server.prepareRoom(name);
        tokens[room] = token!;
        const clients: SoakClient[] = [];
        for (let idx = 0; idx < perRoom; idx++) {
          const url = target.server.roomUrl(name, token); // alternates relays in the cluster
          clients.push(
            await openFull(url, { room, idx, full: idx < fullPerRoom, doc: new Y.Doc(), pending: null, synced: false, closedEarly: false }, onFrame),
          );
        }
        return clients;
      }),
    );
    rooms.push(...batch);
  }
  const all = rooms.flat();
  let running = true;
  for (const c of all) {
    c.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') c.pending = u;
    });
    c.ws.on('close', (code: number, reason: Buffer) => {
      if (!running) return;
      c.closedEarly = true;
      const k = `${code}${reason.length ? ' ' + reason.toString() : ''} (${c.full ? 'full' : 'raw'} client, t=${((performance.now() - t0) / 1000).toFixed(0)} s)`;
      closeCodes.set(k, (closeCodes.get(k) ?? 0) + 1);
    });
    c.ws.send(new Uint8Array([0, 0, 1, 0])); // sync step 1, empty state vector
  }
  await sleep(2000);

  // Load: each client edits an event-sized entry (20 per room, overwritten) at `rate`.
  const timers: NodeJS.Timeout[] = [];
  let n = 0;
  const interval = 1000 / rate;
  for (const c of all) {
    const send = () => {
      if (c.ws.readyState !== WebSocket.OPEN) return;
      c.doc.getMap('events').set(`e${n % 20}`, { title: `活动 ${n}`, start: '2026-05-04', by: c.idx });
      n++;
      const u = c.pending;
      c.pending = null;
      if (!u) return;
      const frame = writeUpdate(u);
      const key = keyOf(frame);
      if (key && counting) {
        inflight.set(key, { room: c.room, from: c.idx, mask: 0, t: performance.now() });
        sent++;
        expected += perRoom - 1;
      }
      c.ws.send(frame);
    };
    timers.push(
      setTimeout(() => {
        send();
        timers.push(setInterval(send, interval));
      }, Math.random() * interval),
    );
  }
  counting = true;

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu0 = target.relays.reduce((s, r) => s + r.cpuMs(), 0);
  const redisCpu0 = target.redis ? await target.redis.redisCpuMs() : 0;
  const bench0 = process.cpuUsage();
  t0 = performance.now();
  const samples: { t: number; rss: number[]; redis?: number }[] = [];
  const sample = () =>
    samples.push({ t: (performance.now() - t0) / 1000, rss: target.relays.map((r) => r.rssBytes()), redis: target.redis?.redisRssBytes() });
  sample();
  while (performance.now() - t0 < durationMs) {
    await sleep(Math.min(10_000, durationMs - (performance.now() - t0)));
    sample();
    const last = samples[samples.length - 1]!;
    if (samples.length % 3 === 1 || performance.now() - t0 >= durationMs)
      console.log(
        `    ${target.name} t=${last.t.toFixed(0)} s: relay RSS ${last.rss.map((b) => fmt(mib(b), 1)).join(' + ')} MiB${last.redis ? `, Redis ${fmt(mib(last.redis), 1)} MiB` : ''}, sent ${sent}, delivered ${delivered}/${expected}, load ${os.loadavg()[0]!.toFixed(2)}`,
      );
  }
  for (const t of timers) clearInterval(t);
  const elapsedS = (performance.now() - t0) / 1000;
  await sleep(5000); // drain
  counting = false;
  const relayCpuMs = target.relays.reduce((s, r) => s + r.cpuMs(), 0) - cpu0;
  const redisCpuMs = target.redis ? (await target.redis.redisCpuMs()) - redisCpu0 : undefined;
  const bench = process.cpuUsage(bench0);
  loop.disable();
  const closedEarly = all.filter((c) => c.closedEarly).length;

  // Convergence: full clients of each room, plus a late joiner on the last relay.
  let divergent = 0;
  let byteDifferent = 0;
  let lateJoinerUnsynced = 0;
  const late: SoakClient[] = [];
  for (let i = 0; i < roomsN; i += 20) {
    late.push(
      ...(await Promise.all(
        names.slice(i, i + 20).map((name, j) =>
          openFull(target.lastRelay.roomUrl(name, tokens[i + j]), { room: i + j, idx: perRoom, full: true, doc: new Y.Doc(), pending: null, synced: false, closedEarly: false }, (c, f) => handleFull(c, f)).then((c) => {
            c.ws.send(new Uint8Array([0, 0, 1, 0]));
            return c;
          }),
        ),
      )),
    );
  }
  const until = Date.now() + 10_000;
  while (late.some((c) => !c.synced) && Date.now() < until) await sleep(100);
  lateJoinerUnsynced = late.filter((c) => !c.synced).length;
  // Y.Map#toJSON follows the order keys arrived in, which differs between clients: sort them.
  const content = (d: Y.Doc) => {
    const m = d.getMap('events').toJSON();
    return JSON.stringify(Object.keys(m).sort().map((k) => [k, m[k]]));
  };
  const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
  for (let r = 0; r < roomsN; r++) {
    const docs = [...rooms[r]!.filter((c) => c.full), late[r]!].map((c) => c.doc);
    const ref = docs[0]!;
    const refSv = Y.encodeStateVector(ref);
    const refUpdate = Y.encodeStateAsUpdate(ref);
    const refJson = content(ref);
    let diverged = false;
    let bytes = false;
    for (const d of docs.slice(1)) {
      const sv = Y.encodeStateVector(d);
      // No struct of one missing in the other: the diff against the other's state vector is empty.
      const missing = Y.decodeUpdate(Y.encodeStateAsUpdate(d, refSv)).structs.length + Y.decodeUpdate(Y.encodeStateAsUpdate(ref, sv)).structs.length;
      if (!same(sv, refSv) || missing > 0 || content(d) !== refJson) diverged = true;
      if (!same(Y.encodeStateAsUpdate(d), refUpdate)) bytes = true;
    }
    if (diverged) divergent++;
    if (bytes) byteDifferent++;
  }
  running = false;
  for (const c of [...all, ...late]) c.ws.terminate();

  const warmIdx = samples.findIndex((s) => s.t * 1000 >= warmupMs);
  const warm = samples[warmIdx >= 0 ? warmIdx : 0]!;
  const end = samples[samples.length - 1]!;
  const sorted = Float64Array.from(latencies).sort();
  await target.stop();
  const pct = (ms: number) => (ms / 1000 / elapsedS) * 100;
  return {
    target: target.name,
    minutes,
    clients: all.length,
    rooms: roomsN,
    full: fullPerRoom * roomsN,
    sent,
    expected,
    delivered,
    duplicates,
    strays,
    closedEarly,
    closeCodes: [...closeCodes].map(([k, v]) => `${v} × ${k}`),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    rssWarm: warm.rss,
    rssEnd: end.rss,
    redisRssWarm: warm.redis,
    redisRssEnd: end.redis,
    divergent,
    byteDifferent,
    lateJoinerUnsynced,
    relayCpuPct: pct(relayCpuMs),
    redisCpuPct: redisCpuMs === undefined ? undefined : pct(redisCpuMs),
    benchCpuPct: pct((bench.user + bench.system) / 1000),
    benchLoopP99Ms: loop.percentile(99) / 1e6,
  };
}

export async function runSoak(): Promise<void> {
  const targets = (process.env.SOAK_TARGETS ?? 'one,two').split(',');
  const results: SoakResult[] = [];
  console.log(
    `  ${num(process.env.SOAK_CLIENTS, 1000)} clients over ${num(process.env.SOAK_ROOMS, 200)} rooms, ${num(process.env.SOAK_RATE, 0.2)} updates/s each, ${num(process.env.SOAK_MINUTES, 10)} min per target; ` +
      `${num(process.env.SOAK_FULL_PER_ROOM, 2)} full Y.Doc clients per room, the rest raw protocol clients (they send real updates but never apply what they receive: ` +
      `1,000 full docs plus two relays and Redis on 2 shared cores would make this process part of what is measured); load average ${os.loadavg()[0]!.toFixed(2)}`,
  );
  for (const t of targets) results.push(await soakOne(t));

  const rss = (bs: number[]) => bs.map((b) => fmt(mib(b), 1)).join(' + ');
  console.log('\n| target | relay RSS after warm-up → end MiB | change | updates sent | delivered | duplicates / strays | early closes | p50 / p99 ms | divergent rooms (of full clients + late joiner) | byte-different | relay CPU % of a core | Redis CPU % | bench CPU % / loop p99 ms |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const change = r.rssEnd.map((e, i) => `${e >= r.rssWarm[i]! ? '+' : ''}${fmt(((e - r.rssWarm[i]!) / r.rssWarm[i]!) * 100, 1)}%`).join(' / ');
    const redisRss = r.redisRssWarm ? ` (Redis ${fmt(mib(r.redisRssWarm), 1)} → ${fmt(mib(r.redisRssEnd!), 1)})` : '';
    console.log(
      `| ${r.target} | ${rss(r.rssWarm)} → ${rss(r.rssEnd)}${redisRss} | ${change} | ${r.sent} | ${r.delivered}/${r.expected} = ${fmt((r.delivered / r.expected) * 100, 3)}% | ${r.duplicates} / ${r.strays} | ${r.closedEarly} | ${fmt(r.p50Ms)} / ${fmt(r.p99Ms)} | ${r.divergent} of ${r.rooms}${r.lateJoinerUnsynced ? ` (${r.lateJoinerUnsynced} late joiners unsynced)` : ''} | ${r.byteDifferent} | ${fmt(r.relayCpuPct, 1)} | ${r.redisCpuPct === undefined ? '-' : fmt(r.redisCpuPct, 1)} | ${fmt(r.benchCpuPct, 1)} / ${fmt(r.benchLoopP99Ms, 1)} |`,
    );
  }
  for (const r of results) if (r.closeCodes.length) console.log(`  ${r.target}: sockets closed during the run (code reason): ${r.closeCodes.join('; ')}`);
  console.log(`  load average ${os.loadavg()[0]!.toFixed(2)} at end (other work shares this machine; figures are noisy)`);
}
