import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { writeUpdate } from '../../server/src/relay/messages';
import type { BenchServer } from './servers';

/**
 * Raw y-websocket clients: each owns a small Y.Doc that produces real updates
 * (so the relay has to apply, store and forward them), while incoming frames
 * are only peeked at (client id and clock of the first struct) to match them
 * with their send time. No Yjs work on the receiving side.
 */
export interface Scenario {
  name: string;
  rooms: number;
  clientsPerRoom: number;
  /** Updates per second per client. */
  rate: number;
  seconds: number;
  warmupSeconds: number;
  drainSeconds: number;
}

export interface ScenarioResult {
  scenario: string;
  server: string;
  sent: number;
  expected: number;
  delivered: number;
  share: number;
  cpuMs: number;
  cpuUsPerDelivered: number;
  p50Ms: number;
  p99Ms: number;
  rssPerConnKiB: number;
}

interface BenchClient {
  id: number;
  ws: WebSocket;
  doc: Y.Doc;
  pending: Uint8Array | null;
}

/**
 * The first struct of a sync frame carrying an update (step 2 or update): `${client}:${clock}` as its key, and
 * `multi` when the update holds more than one struct; null for other frames and empty updates.
 */
export function peek(frame: Uint8Array): { key: string; client: number; clock: number; multi: boolean } | null {
  if (frame[0] !== 0 || (frame[1] !== 2 && frame[1] !== 1)) return null;
  const d = decoding.createDecoder(frame);
  d.pos = 2;
  decoding.readVarUint(d); // payload length
  const clients = decoding.readVarUint(d);
  if (clients === 0) return null;
  const structs = decoding.readVarUint(d);
  const client = decoding.readVarUint(d);
  const clock = decoding.readVarUint(d);
  return { key: `${client}:${clock}`, client, clock, multi: clients > 1 || structs > 1 };
}

const keyOf = (frame: Uint8Array): string | null => peek(frame)?.key ?? null;

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

let nextClientId = 1;

function open(url: string, id: number, onMessage: (receiver: number, data: Uint8Array) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    ws.on('message', (d) => onMessage(id, d as Buffer));
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Connects clients (a few at a time), each sending sync step 1 like a stock client. */
export async function connectRooms(
  server: BenchServer,
  rooms: string[],
  perRoom: number,
  onMessage: (receiver: number, data: Uint8Array) => void,
): Promise<BenchClient[][]> {
  const out: BenchClient[][] = [];
  for (const room of rooms) {
    const token = await server.prepareRoom(room);
    const clients: BenchClient[] = [];
    await Promise.all(
      Array.from({ length: perRoom }, async () => {
        const id = nextClientId++;
        const ws = await open(server.roomUrl(room, token), id, onMessage);
        const doc = new Y.Doc();
        const client: BenchClient = { id, ws, doc, pending: null };
        doc.on('update', (u: Uint8Array) => {
          client.pending = u;
        });
        ws.send(new Uint8Array([0, 0, 1, 0])); // sync step 1 with an empty state vector
        clients.push(client);
      }),
    );
    out.push(clients);
  }
  return out;
}

export async function runScenario(server: BenchServer, sc: Scenario): Promise<ScenarioResult> {
  const sentAt = new Map<string, { t: number; from: number }>();
  let measuring = false;
  let delivered = 0;
  let echoes = 0;
  const latencies: number[] = [];
  const onMessage = (receiver: number, data: Uint8Array) => {
    const key = keyOf(data);
    if (key === null) return;
    const sent = sentAt.get(key);
    if (sent === undefined) return;
    // The reference server echoes updates to their sender; that is not a delivery.
    if (sent.from === receiver) {
      echoes++;
      return;
    }
    const t = sent.t;
    delivered++;
    latencies.push(performance.now() - t);
  };

  const rssBefore = server.rssBytes();
  const tag = Math.random().toString(36).slice(2, 8);
  const roomNames = Array.from({ length: sc.rooms }, (_, i) => `bench-${tag}-${i}`);
  const rooms = await connectRooms(server, roomNames, sc.clientsPerRoom, onMessage);
  await new Promise((r) => setTimeout(r, 500));
  const conns = sc.rooms * sc.clientsPerRoom;
  const rssPerConn = (server.rssBytes() - rssBefore) / conns;

  let sent = 0;
  let expected = 0;
  const timers: NodeJS.Timeout[] = [];
  const interval = 1000 / sc.rate;
  let counter = 0;
  for (const clients of rooms) {
    for (const c of clients) {
      const send = () => {
        c.doc.getMap('m').set('v', counter++);
        const u = c.pending;
        c.pending = null;
        if (!u || c.ws.readyState !== WebSocket.OPEN) return;
        const frame = writeUpdate(u);
        if (measuring) {
          const key = keyOf(frame);
          if (key) {
            sentAt.set(key, { t: performance.now(), from: c.id });
            sent++;
            expected += clients.length - 1;
          }
        }
        c.ws.send(frame);
      };
      // Random phase so clients do not fire in lockstep.
      timers.push(
        setTimeout(() => {
          send();
          timers.push(setInterval(send, interval));
        }, Math.random() * interval),
      );
    }
  }

  await new Promise((r) => setTimeout(r, sc.warmupSeconds * 1000));
  const cpu0 = server.cpuMs();
  measuring = true;
  await new Promise((r) => setTimeout(r, sc.seconds * 1000));
  measuring = false;
  for (const t of timers) clearInterval(t);
  await new Promise((r) => setTimeout(r, sc.drainSeconds * 1000));
  const cpuMs = server.cpuMs() - cpu0;

  for (const clients of rooms) for (const c of clients) c.ws.terminate();
  void echoes;
  const sorted = Float64Array.from(latencies).sort();
  return {
    scenario: sc.name,
    server: server.kind,
    sent,
    expected,
    delivered,
    share: expected ? delivered / expected : NaN,
    cpuMs,
    cpuUsPerDelivered: delivered ? (cpuMs * 1000) / delivered : NaN,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    rssPerConnKiB: rssPerConn / 1024,
  };
}

/** 1,000 rooms with one client each: server RSS with them open, and after they all leave. */
export async function idleRooms(server: BenchServer, count: number): Promise<{ rssBaseMiB: number; rssOpenMiB: number; rssAfterMiB: number }> {
  const rssBase = server.rssBytes();
  const names = Array.from({ length: count }, (_, i) => `idle-room-${i}`);
  const all: BenchClient[] = [];
  const batch = 50;
  for (let i = 0; i < names.length; i += batch) {
    const rooms = await Promise.all(names.slice(i, i + batch).map((n) => connectRooms(server, [n], 1, () => undefined)));
    for (const r of rooms) for (const clients of r) all.push(...clients);
  }
  // Give every room a little content (an event-sized map entry).
  for (const c of all) {
    c.doc.getMap('events').set('e1', { title: '活动', start: '2026-05-04', location: '会议室' });
    if (c.pending) c.ws.send(writeUpdate(c.pending));
  }
  await new Promise((r) => setTimeout(r, 2000));
  const rssOpen = server.rssBytes();
  for (const c of all) c.ws.close();
  await new Promise((r) => setTimeout(r, 4000));
  const rssAfter = server.rssBytes();
  const mib = (b: number) => +(b / 1024 / 1024).toFixed(1);
  return { rssBaseMiB: mib(rssBase), rssOpenMiB: mib(rssOpen), rssAfterMiB: mib(rssAfter) };
}
