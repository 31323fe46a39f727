/**
 * Soak: 1,000 clients over 200 rooms for SOAK_MINUTES (default 10) on one relay
 * (embedded store) and on two relays + Redis (appendfsync always; clients of each room
 * alternate between the relays). Prints figures only.
 *
 *   npm run bench -- soak      (not part of `all`)
 *
 * SOAK_MINUTES (10), SOAK_ROOMS (200), SOAK_CLIENTS (1000), SOAK_RATE (updates per
 * second per client, 0.2), SOAK_FULL_PER_ROOM (2), SOAK_TARGETS=one,two; reconnects:
 * SOAK_RECONNECT (1; 0 turns them off), SOAK_RECONNECT_PER_ROOM (1), SOAK_RECONNECT_S (30),
 * SOAK_OFFLINE_S (5).
 *
 * Clients. This machine has 2 cores shared by the relays, Redis and this process, so
 * most clients are raw protocol clients like load.ts's: each owns a small Y.Doc that
 * produces its real updates, and incoming frames are only peeked at (client id + clock
 * of the first struct) to count deliveries; they never apply what they receive. In every
 * room SOAK_FULL_PER_ROOM clients are full Y.Doc clients speaking the y-websocket sync
 * protocol (y-protocols/sync: answer the relay's step 1, apply step 2 and updates), and
 * at the end one fresh full client per room connects (to the last relay) and syncs; the
 * room converged if all its full clients (the reconnecting ones included) and that late
 * joiner have equal state vectors and no struct missing in either direction, equal
 * content, and equal encodeStateAsUpdate bytes (reported separately: equal content can
 * encode differently).
 *
 * Reconnecting clients (on by default; SOAK_RECONNECT=0 gives the run without them).
 * In every room SOAK_RECONNECT_PER_ROOM of the full clients drop their socket every
 * SOAK_RECONNECT_S seconds (each interval drawn from 0.5–1.5 × that; the first one from
 * 0–1 ×): half of the drops are a graceful close (close frame), half an abrupt
 * `terminate()` (the TCP socket destroyed, as a lost network would look to the relay).
 * Right after the drop the client makes one edit, and it keeps editing at SOAK_RATE while
 * disconnected (offline edits: applied to its Y.Doc, never sent as updates). A quarter
 * of the reconnects open the new socket at once, in the same tick as the drop (the relay
 * may still hold the old one); the others wait 0–SOAK_OFFLINE_S seconds. With two relays
 * the client reconnects to the OTHER relay, so it moves between relays at every
 * reconnect. On reconnect it resyncs as the stock y-websocket client does: sends sync
 * step 1 with its state vector, applies the relay's step 2 and answers the relay's
 * step 1 with its own step 2 (its offline edits); its updates are sent as soon as the
 * socket is open. When the load stops, disconnected clients reconnect at once and
 * everyone waits for them to be synced before the drain. Reported: reconnections (and
 * failed attempts), offline edits made, offline edits the late joiner has (its state
 * vector covers them), and offline edits the other clients of the room received live
 * (in the resync update the relay forwards).
 *
 * Delivered: every update a client sends while connected must reach every other
 * counted client of its room, once; counted per (update, receiver), with duplicates and
 * strays counted apart. Reconnecting clients are EXCLUDED as receivers (they send, and
 * their live updates are expected at every other client, but what they receive is not
 * counted: while disconnected nothing is expected and on reconnect they get a merged
 * step 2), so with reconnects on each update is expected at the 3 other clients of its
 * room that do not reconnect (4 for a reconnecting client's update), not at all 4 others.
 * A frame holding more than one struct (a forwarded resync) is decoded in full and each
 * struct's (client, clock) is counted: a live update that reached others only inside a
 * resync (the relay lost it around a drop and got it again from the client's step 2)
 * counts as delivered and is also reported apart, as are duplicates that came inside one.
 * RSS: each relay's VmRSS every 10 s; "after warm-up" is the first sample at or after
 * SOAK_WARMUP_S (default min(60, a quarter of the run)). With each sample the relay's
 * GET /metrics is read for what it exposes of memory: nodejs_heap_used_bytes (V8 heap in
 * use at that instant, garbage not yet collected included), relay_rooms_loaded and
 * relay_connections; it exposes no `external`/ArrayBuffer figure, so RSS minus heap used
 * is everything else (V8 heap reserved but not in use, external buffers, code, tsx).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import os from 'node:os';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { writeUpdate } from '../../server/src/relay/messages';
import { peek, percentile } from './load';
import { startRelayCluster, type ClusterServer } from './cluster';
import { startBenchServer, type BenchServer } from './servers';

const num = (v: string | undefined, d: number) => (v ? Number(v) : d);
const fmt = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '-');
const mib = (b: number) => b / 1024 / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every (client, clock) of every struct in a step2/update frame (Skip structs left out). */
function allKeys(frame: Uint8Array): string[] {
  const d = decoding.createDecoder(frame);
  d.pos = 2;
  const update = decoding.readVarUint8Array(d);
  const keys: string[] = [];
  for (const st of Y.decodeUpdate(update).structs) {
    if (st instanceof Y.Skip) continue;
    for (let k = 0; k < st.length; k++) keys.push(`${st.id.client}:${st.id.clock + k}`);
  }
  return keys;
}

/** What a relay's GET /metrics says about its memory (NaN when it could not be read). */
interface RelayMem {
  heapUsed: number;
  rooms: number;
  conns: number;
}

async function relayMem(httpUrl: string): Promise<RelayMem> {
  try {
    const text = await (await fetch(`${httpUrl}/metrics`)).text();
    const val = (name: string) => Number(new RegExp(`^${name} ([0-9.e+]+)`, 'm').exec(text)?.[1] ?? NaN);
    return { heapUsed: val('nodejs_heap_used_bytes'), rooms: val('relay_rooms_loaded'), conns: val('relay_connections') };
  } catch {
    return { heapUsed: NaN, rooms: NaN, conns: NaN };
  }
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
  /** Drops its socket and reconnects now and then (a full client). */
  reconnecting?: boolean;
  /** Index into Target.relays of the relay it is connected to. */
  relayIdx?: number;
  reconnectTimer?: NodeJS.Timeout;
  /** performance.now() of each drop. */
  dropTimes?: number[];
  /** A reconnect attempt is under way (its socket not open yet). */
  connecting?: boolean;
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

type FrameHandler = (c: SoakClient, f: Uint8Array, ws: WebSocket) => void;

function openSocket(url: string, client: SoakClient, onFrame: FrameHandler): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    ws.on('message', (d) => onFrame(client, d as Buffer, ws));
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

async function openFull(url: string, c: Omit<SoakClient, 'ws'>, onFrame: FrameHandler): Promise<SoakClient> {
  const client = c as SoakClient;
  client.ws = await openSocket(url, client, onFrame);
  return client;
}

/** Full client: y-protocols sync on its Y.Doc, answering on the socket the frame came in on. Raw client: nothing beyond the peek in onFrame. */
function handleFull(c: SoakClient, frame: Uint8Array, ws: WebSocket): void {
  const dec = decoding.createDecoder(frame);
  if (decoding.readVarUint(dec) !== 0) return; // awareness / auth / query: not used here
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  const t = syncProtocol.readSyncMessage(dec, enc, c.doc, 'remote');
  if (t === syncProtocol.messageYjsSyncStep2 && ws === c.ws) c.synced = true;
  if (encoding.length(enc) > 1 && ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(enc));
}

/** Sync step 1 with the doc's state vector (empty for a new doc), as y-websocket sends on open. */
function step1(doc: Y.Doc): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  syncProtocol.writeSyncStep1(enc, doc);
  return encoding.toUint8Array(enc);
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
  duplicatesInResync: number;
  strays: number;
  closedEarly: number;
  closeCodes: string[];
  p50Ms: number;
  p99Ms: number;
  rssWarm: number[];
  rssEnd: number[];
  memWarm: RelayMem[];
  memEnd: RelayMem[];
  redisRssWarm?: number;
  redisRssEnd?: number;
  divergent: number;
  byteDifferent: number;
  lateJoinerUnsynced: number;
  relayCpuPct: number;
  redisCpuPct?: number;
  benchCpuPct: number;
  benchLoopP99Ms: number;
  reconnectingClients: number;
  drops: number;
  abruptDrops: number;
  immediateReconnects: number;
  reconnections: number;
  reconnectFailures: number;
  reconnectUnsynced: number;
  offlineEdits: number;
  offlineAtLateJoiner: number;
  offlineLiveExpected: number;
  offlineLiveReceived: number;
  deliveredViaResync: number;
  /** A diagnosis when some update did not reach every counted receiver. */
  undelivered: string[];
}

async function soakOne(targetName: string): Promise<SoakResult> {
  const minutes = num(process.env.SOAK_MINUTES, 10);
  const roomsN = num(process.env.SOAK_ROOMS, 200);
  const clientsN = num(process.env.SOAK_CLIENTS, 1000);
  const rate = num(process.env.SOAK_RATE, 0.2);
  const perRoom = Math.max(2, Math.round(clientsN / roomsN));
  const fullPerRoom = Math.min(perRoom, num(process.env.SOAK_FULL_PER_ROOM, 2));
  const reconnectOn = process.env.SOAK_RECONNECT !== '0';
  const reconnectPerRoom = reconnectOn ? Math.min(fullPerRoom, num(process.env.SOAK_RECONNECT_PER_ROOM, 1)) : 0;
  const reconnectMs = num(process.env.SOAK_RECONNECT_S, 30) * 1000;
  const offlineMs = num(process.env.SOAK_OFFLINE_S, 5) * 1000;
  const durationMs = minutes * 60_000;
  const warmupMs = num(process.env.SOAK_WARMUP_S, Math.min(60, (minutes * 60) / 4)) * 1000;
  const target = await startTarget(targetName);
  const tag = Math.random().toString(36).slice(2, 8);
  // Receivers counted for delivery: every client of a room but the reconnecting ones (idx < reconnectPerRoom).
  const recvBits = ((1 << perRoom) - 1) & ~((1 << reconnectPerRoom) - 1);
  const bitsOf = (m: number) => {
    let k = 0;
    for (; m; m &= m - 1) k++;
    return k;
  };
  const wantMask = (from: number) => recvBits & ~(1 << from);

  const inflight = new Map<string, Sent>();
  /** Offline edits by key, for the live-receipt count (mask of counted receivers that got it). */
  const offline = new Map<string, Sent>();
  const offlineList: { room: number; client: number; clock: number }[] = [];
  const latencies: number[] = [];
  let delivered = 0;
  let deliveredViaResync = 0;
  let duplicates = 0;
  let duplicatesInResync = 0;
  let strays = 0;
  let sent = 0;
  let expected = 0;
  let offlineLiveExpected = 0;
  let offlineLiveReceived = 0;
  let counting = false;
  let t0 = performance.now();
  const closeCodes = new Map<string, number>();
  /** One (update, receiver) pair: true when it matched an update or offline edit of this room. */
  const count = (c: SoakClient, key: string, resync: boolean): boolean => {
    const bit = 1 << c.idx;
    const s = inflight.get(key);
    if (s !== undefined && s.room === c.room && s.from !== c.idx) {
      if (s.mask & bit) {
        duplicates++;
        if (resync) duplicatesInResync++;
      } else {
        s.mask |= bit;
        delivered++;
        if (resync) deliveredViaResync++;
        latencies.push(performance.now() - s.t);
        if (s.mask === wantMask(s.from)) inflight.delete(key);
      }
      return true;
    }
    const o = offline.get(key);
    if (o !== undefined && o.room === c.room && o.from !== c.idx) {
      if (!(o.mask & bit)) {
        o.mask |= bit;
        offlineLiveReceived++;
      }
      return true;
    }
    return false;
  };
  const onFrame: FrameHandler = (c, frame, ws) => {
    if (counting && !c.reconnecting) {
      const p = peek(frame);
      if (p !== null) {
        if (!p.multi) {
          if (!count(c, p.key, false)) strays++; // not an update sent in this room by another client (an echo to its sender counts here too)
        } else {
          // A resync forwarded by the relay (several structs): count each of them.
          let any = false;
          for (const k of allKeys(frame)) any = count(c, k, true) || any;
          if (!any) strays++;
        }
      }
    }
    if (c.full) handleFull(c, frame, ws);
  };

  // Connect, 10 rooms at a time.
  const rooms: SoakClient[][] = [];
  const names = Array.from({ length: roomsN }, (_, i) => `soak-${tag}-${i}`);
  const tokens: string[] = [];
  const relayIdxOf = (url: string) => Math.max(0, target.relays.findIndex((r) => url.startsWith(r.wsUrl + '/')));
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
            await openFull(
              url,
              { room, idx, full: idx < fullPerRoom, doc: new Y.Doc(), pending: null, synced: false, closedEarly: false, reconnecting: idx < reconnectPerRoom, relayIdx: relayIdxOf(url) },
              onFrame,
            ),
          );
        }
        return clients;
      }),
    );
    rooms.push(...batch);
  }
  const all = rooms.flat();
  let running = true;
  /** Sockets we closed on purpose (drops), whose close is not an early close. */
  const dropped = new WeakSet<WebSocket>();
  /** Drops and reconnects go on (set once `reconnect` below exists). */
  let reconnectActive = false;
  const watchClose = (c: SoakClient, ws: WebSocket) =>
    ws.on('close', (code: number, reason: Buffer) => {
      if (!running || dropped.has(ws)) return;
      c.closedEarly = true;
      // A reconnecting client whose socket the relay closed comes back after 1 s, as y-websocket does (raw clients stay away).
      if (reconnectActive && c.reconnecting && ws === c.ws) {
        if (c.reconnectTimer) clearTimeout(c.reconnectTimer);
        c.reconnectTimer = setTimeout(() => void reconnect(c), 1000);
      }
      const k = `${code}${reason.length ? ' ' + reason.toString() : ''} (${c.reconnecting ? 'reconnecting' : c.full ? 'full' : 'raw'} client, t=${((performance.now() - t0) / 1000).toFixed(0)} s)`;
      closeCodes.set(k, (closeCodes.get(k) ?? 0) + 1);
    });
  for (const c of all) {
    c.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') c.pending = u;
    });
    watchClose(c, c.ws);
    c.ws.send(new Uint8Array([0, 0, 1, 0])); // sync step 1, empty state vector
  }
  await sleep(2000);

  // Load: each client edits an event-sized entry (20 per room, overwritten) at `rate`.
  // A reconnecting client keeps editing while its socket is down (offline edits).
  const timers: NodeJS.Timeout[] = [];
  let n = 0;
  let offlineEdits = 0;
  const interval = 1000 / rate;
  const online = (c: SoakClient) => c.ws.readyState === WebSocket.OPEN;
  const edit = (c: SoakClient) => {
    const live = online(c);
    if (!live && !c.reconnecting) return;
    c.doc.getMap('events').set(`e${n % 20}`, { title: `活动 ${n}`, start: '2026-05-04', by: c.idx });
    n++;
    const u = c.pending;
    c.pending = null;
    if (!u) return;
    const frame = writeUpdate(u);
    const p = peek(frame);
    if (!live) {
      if (p) {
        offlineEdits++;
        offlineList.push({ room: c.room, client: p.client, clock: p.clock });
        offline.set(p.key, { room: c.room, from: c.idx, mask: 0, t: performance.now() });
        offlineLiveExpected += bitsOf(wantMask(c.idx));
      }
      return;
    }
    if (p && counting) {
      inflight.set(p.key, { room: c.room, from: c.idx, mask: 0, t: performance.now() });
      sent++;
      expected += bitsOf(wantMask(c.idx));
    }
    c.ws.send(frame);
  };
  for (const c of all) {
    timers.push(
      setTimeout(() => {
        edit(c);
        timers.push(setInterval(() => edit(c), interval));
      }, Math.random() * interval),
    );
  }
  counting = true;

  // Reconnects: drop, one edit at once (offline), reconnect (to the other relay) now or after 0–offlineMs.
  const reconnecting = all.filter((c) => c.reconnecting);
  reconnectActive = reconnectPerRoom > 0;
  let drops = 0;
  let abruptDrops = 0;
  let immediateReconnects = 0;
  let reconnections = 0;
  let reconnectFailures = 0;
  const reconnect = async (c: SoakClient): Promise<void> => {
    c.reconnectTimer = undefined;
    const next = (c.relayIdx! + 1) % target.relays.length;
    c.synced = false;
    c.connecting = true;
    try {
      const ws = await openSocket(target.relays[next]!.roomUrl(names[c.room]!, tokens[c.room]), c, onFrame);
      c.ws = ws;
      c.connecting = false;
      c.relayIdx = next;
      watchClose(c, ws);
      reconnections++;
      ws.send(step1(c.doc));
      if (reconnectActive) c.reconnectTimer = setTimeout(() => drop(c), reconnectMs * (0.5 + Math.random()));
    } catch {
      c.connecting = false;
      reconnectFailures++;
      c.reconnectTimer = setTimeout(() => void reconnect(c), 1000);
    }
  };
  const drop = (c: SoakClient) => {
    c.reconnectTimer = undefined;
    if (!reconnectActive || !online(c)) return;
    drops++;
    (c.dropTimes ??= []).push(performance.now());
    const ws = c.ws;
    dropped.add(ws);
    if (Math.random() < 0.5) {
      abruptDrops++;
      ws.terminate();
    } else ws.close(1000);
    edit(c); // an offline edit right as the socket goes
    if (Math.random() < 0.25) {
      immediateReconnects++;
      void reconnect(c);
    } else c.reconnectTimer = setTimeout(() => void reconnect(c), Math.random() * offlineMs);
  };
  for (const c of reconnecting) c.reconnectTimer = setTimeout(() => drop(c), Math.random() * reconnectMs);

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu0 = target.relays.reduce((s, r) => s + r.cpuMs(), 0);
  const redisCpu0 = target.redis ? await target.redis.redisCpuMs() : 0;
  const bench0 = process.cpuUsage();
  t0 = performance.now();
  const samples: { t: number; rss: number[]; mem: RelayMem[]; redis?: number }[] = [];
  const sample = async () => {
    const t = (performance.now() - t0) / 1000;
    const rss = target.relays.map((r) => r.rssBytes());
    const redis = target.redis?.redisRssBytes();
    const mem = await Promise.all(target.relays.map((r) => relayMem(r.httpUrl)));
    samples.push({ t, rss, mem, redis });
  };
  await sample();
  while (performance.now() - t0 < durationMs) {
    await sleep(Math.min(10_000, durationMs - (performance.now() - t0)));
    await sample();
    const last = samples[samples.length - 1]!;
    if (samples.length % 3 === 1 || performance.now() - t0 >= durationMs)
      console.log(
        `    ${target.name} t=${last.t.toFixed(0)} s: relay RSS ${last.rss.map((b) => fmt(mib(b), 1)).join(' + ')} MiB (heap used ${last.mem.map((m) => fmt(mib(m.heapUsed), 1)).join(' + ')} MiB, rooms loaded ${last.mem.map((m) => m.rooms).join(' + ')}, sockets ${last.mem.map((m) => m.conns).join(' + ')})${last.redis ? `, Redis ${fmt(mib(last.redis), 1)} MiB` : ''}, sent ${sent}, delivered ${delivered}/${expected}${reconnectPerRoom ? `, reconnections ${reconnections}, offline edits ${offlineEdits}` : ''}, load ${os.loadavg()[0]!.toFixed(2)}`,
      );
  }
  for (const t of timers) clearInterval(t);
  const elapsedS = (performance.now() - t0) / 1000;
  // Stop dropping; whoever is disconnected reconnects now; wait until every reconnecting client is synced.
  reconnectActive = false;
  for (const c of reconnecting) {
    if (c.reconnectTimer) clearTimeout(c.reconnectTimer);
    c.reconnectTimer = undefined;
    if (!online(c) && !c.connecting) void reconnect(c);
  }
  const syncUntil = Date.now() + 15_000;
  while (reconnecting.some((c) => !online(c) || !c.synced) && Date.now() < syncUntil) await sleep(100);
  const reconnectUnsynced = reconnecting.filter((c) => !online(c) || !c.synced).length;
  await sleep(5000); // drain
  counting = false;
  const relayCpuMs = target.relays.reduce((s, r) => s + r.cpuMs(), 0) - cpu0;
  const redisCpuMs = target.redis ? (await target.redis.redisCpuMs()) - redisCpu0 : undefined;
  const bench = process.cpuUsage(bench0);
  loop.disable();
  const closedEarly = all.filter((c) => c.closedEarly).length;

  // Convergence: full clients of each room (reconnecting ones included), plus a late joiner on the last relay.
  let divergent = 0;
  let byteDifferent = 0;
  let lateJoinerUnsynced = 0;
  const late: SoakClient[] = [];
  for (let i = 0; i < roomsN; i += 20) {
    late.push(
      ...(await Promise.all(
        names.slice(i, i + 20).map((name, j) =>
          openFull(target.lastRelay.roomUrl(name, tokens[i + j]), { room: i + j, idx: perRoom, full: true, doc: new Y.Doc(), pending: null, synced: false, closedEarly: false }, (c, f, ws) =>
            handleFull(c, f, ws),
          ).then((c) => {
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
  // Offline edits the late joiner has: its state vector covers their clock.
  const lateSv = late.map((c) => Y.decodeStateVector(Y.encodeStateVector(c.doc)));
  const offlineAtLateJoiner = offlineList.filter((o) => (lateSv[o.room]!.get(o.client) ?? 0) > o.clock).length;
  // Updates some counted receiver never got: where are they?
  const undelivered: string[] = [];
  if (inflight.size > 0) {
    let fromReconnecting = 0;
    let lateHas = 0;
    let fullHas = 0;
    let fullMissing = 0;
    let missingPairs = 0;
    const dropGaps: number[] = [];
    let atClosed = 0;
    const byReceiver = new Map<number, number>();
    for (const [key, s] of inflight) {
      const [client, clock] = key.split(':').map(Number) as [number, number];
      const sender = rooms[s.room]![s.from]!;
      const missing = wantMask(s.from) & ~s.mask;
      missingPairs += bitsOf(missing);
      for (let i = 0; i < perRoom; i++)
        if (missing & (1 << i)) {
          byReceiver.set(i, (byReceiver.get(i) ?? 0) + 1);
          if (rooms[s.room]![i]!.closedEarly) atClosed++;
        }
      if (sender.reconnecting) {
        fromReconnecting++;
        const next = (sender.dropTimes ?? []).find((t) => t >= s.t);
        if (next !== undefined) dropGaps.push(next - s.t);
      }
      if ((lateSv[s.room]!.get(client) ?? 0) > clock) lateHas++;
      for (const c of rooms[s.room]!)
        if (c.full && !c.reconnecting && missing & (1 << c.idx)) {
          if ((Y.decodeStateVector(Y.encodeStateVector(c.doc)).get(client) ?? 0) > clock) fullHas++;
          else fullMissing++;
        }
    }
    const gaps = Float64Array.from(dropGaps).sort();
    undelivered.push(
      `${inflight.size} updates not delivered to every counted receiver (${missingPairs} pairs, ${atClosed} of them at a receiver the relay closed early; missing at receiver idx ${[...byReceiver].map(([i, k]) => `${i}: ${k}`).join(', ')}); ` +
        `${fromReconnecting} sent by a reconnecting client (time from send to its next drop: p50 ${fmt(percentile(gaps, 50), 0)} ms, max ${fmt(gaps[gaps.length - 1] ?? NaN, 0)} ms, ${dropGaps.length} followed by a drop); ` +
        `${lateHas} are in the late joiner's document; at a counted full receiver missing them: ${fullHas} in its document, ${fullMissing} not`,
    );
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
    duplicatesInResync,
    strays,
    closedEarly,
    closeCodes: [...closeCodes].map(([k, v]) => `${v} × ${k}`),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    rssWarm: warm.rss,
    rssEnd: end.rss,
    memWarm: warm.mem,
    memEnd: end.mem,
    redisRssWarm: warm.redis,
    redisRssEnd: end.redis,
    divergent,
    byteDifferent,
    lateJoinerUnsynced,
    relayCpuPct: pct(relayCpuMs),
    redisCpuPct: redisCpuMs === undefined ? undefined : pct(redisCpuMs),
    benchCpuPct: pct((bench.user + bench.system) / 1000),
    benchLoopP99Ms: loop.percentile(99) / 1e6,
    reconnectingClients: reconnecting.length,
    drops,
    abruptDrops,
    immediateReconnects,
    reconnections,
    reconnectFailures,
    reconnectUnsynced,
    offlineEdits,
    offlineAtLateJoiner,
    offlineLiveExpected,
    offlineLiveReceived,
    deliveredViaResync,
    undelivered,
  };
}

export async function runSoak(): Promise<void> {
  const targets = (process.env.SOAK_TARGETS ?? 'one,two').split(',');
  const results: SoakResult[] = [];
  console.log(
    `  ${num(process.env.SOAK_CLIENTS, 1000)} clients over ${num(process.env.SOAK_ROOMS, 200)} rooms, ${num(process.env.SOAK_RATE, 0.2)} updates/s each, ${num(process.env.SOAK_MINUTES, 10)} min per target; ` +
      `${num(process.env.SOAK_FULL_PER_ROOM, 2)} full Y.Doc clients per room (${process.env.SOAK_RECONNECT === '0' ? 'no reconnects' : `${num(process.env.SOAK_RECONNECT_PER_ROOM, 1)} of them reconnecting every ~${num(process.env.SOAK_RECONNECT_S, 30)} s, offline up to ${num(process.env.SOAK_OFFLINE_S, 5)} s`}), the rest raw protocol clients (they send real updates but never apply what they receive: ` +
      `1,000 full docs plus two relays and Redis on 2 shared cores would make this process part of what is measured); load average ${os.loadavg()[0]!.toFixed(2)}`,
  );
  for (const t of targets) results.push(await soakOne(t));

  const rss = (bs: number[]) => bs.map((b) => fmt(mib(b), 1)).join(' + ');
  const heap = (ms: RelayMem[]) => ms.map((m) => fmt(mib(m.heapUsed), 1)).join(' + ');
  console.log(
    '\n| target | relay RSS after warm-up → end MiB | change | relay heap used after warm-up → end MiB (rooms loaded) | updates sent | delivered (to clients that do not reconnect) | duplicates (inside a resync) / strays | early closes | p50 / p99 ms | divergent rooms (of full clients, reconnecting ones included, + late joiner) | byte-different | relay CPU % of a core | Redis CPU % | bench CPU % / loop p99 ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const change = r.rssEnd.map((e, i) => `${e >= r.rssWarm[i]! ? '+' : ''}${fmt(((e - r.rssWarm[i]!) / r.rssWarm[i]!) * 100, 1)}%`).join(' / ');
    const redisRss = r.redisRssWarm ? ` (Redis ${fmt(mib(r.redisRssWarm), 1)} → ${fmt(mib(r.redisRssEnd!), 1)})` : '';
    console.log(
      `| ${r.target} | ${rss(r.rssWarm)} → ${rss(r.rssEnd)}${redisRss} | ${change} | ${heap(r.memWarm)} → ${heap(r.memEnd)} (${r.memEnd.map((m) => m.rooms).join(' + ')}) | ${r.sent} | ${r.delivered}/${r.expected} = ${fmt((r.delivered / r.expected) * 100, 3)}% | ${r.duplicates} (${r.duplicatesInResync}) / ${r.strays} | ${r.closedEarly} | ${fmt(r.p50Ms)} / ${fmt(r.p99Ms)} | ${r.divergent} of ${r.rooms}${r.lateJoinerUnsynced ? ` (${r.lateJoinerUnsynced} late joiners unsynced)` : ''} | ${r.byteDifferent} | ${fmt(r.relayCpuPct, 1)} | ${r.redisCpuPct === undefined ? '-' : fmt(r.redisCpuPct, 1)} | ${fmt(r.benchCpuPct, 1)} / ${fmt(r.benchLoopP99Ms, 1)} |`,
    );
  }
  if (results.some((r) => r.reconnectingClients > 0)) {
    console.log(
      '\n| target | reconnecting clients | drops (abrupt) | reconnections (at once) / failed attempts | unsynced at end | offline edits | offline edits the late joiner has | offline edits received live by the counted clients | live updates delivered only inside a resync |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const r of results)
      console.log(
        `| ${r.target} | ${r.reconnectingClients} | ${r.drops} (${r.abruptDrops}) | ${r.reconnections} (${r.immediateReconnects}) / ${r.reconnectFailures} | ${r.reconnectUnsynced} | ${r.offlineEdits} | ${r.offlineAtLateJoiner}/${r.offlineEdits}${r.offlineAtLateJoiner === r.offlineEdits ? ' (all)' : ' (MISSING SOME)'} | ${r.offlineLiveReceived}/${r.offlineLiveExpected} = ${fmt((r.offlineLiveReceived / r.offlineLiveExpected) * 100, 3)}% | ${r.deliveredViaResync} |`,
      );
  }
  for (const r of results) for (const u of r.undelivered) console.log(`  ${r.target}: ${u}`);
  for (const r of results) if (r.closeCodes.length) console.log(`  ${r.target}: sockets closed during the run (code reason): ${r.closeCodes.join('; ')}`);
  console.log(`  load average ${os.loadavg()[0]!.toFixed(2)} at end (other work shares this machine; figures are noisy)`);
}
