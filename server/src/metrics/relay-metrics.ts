import { CloseCode } from '../../../shared/src/protocol/close-codes';
import { Counter, Gauge, Histogram, MetricsRegistry } from './registry';

/**
 * The relay's instruments, one set per process (module singletons: several servers started
 * in one test process share them). Served by GET /metrics (server/src/http/metrics.ts).
 *
 *   relayMetrics.received(bytes)                      a client's sync-update message arrived
 *   relayMetrics.forwarded(bytes, recipients)         a stored update was sent on to `recipients` sockets
 *   relayMetrics.rejectedFrames.inc({ reason })       a frame was refused (RejectReason)
 *   relayMetrics.closes.inc({ reason: closeReason(code) })   a socket closed
 *   relayMetrics.storeLatency.observe({ op }, seconds)  (instrumentPersistence does this for you)
 *   relayMetrics.streamLag.set(seconds)               Redis mode only
 *   bindRelayStats(() => relay.stats())               connections and rooms, sampled at each scrape
 */
export const metricsRegistry = new MetricsRegistry();

/** Why a frame was refused (label values of relay_rejected_frames_total). */
export type RejectReason =
  /** A text frame (binary only). */
  | 'text_frame'
  /** Malformed message or update (4400). */
  | 'malformed'
  /** Larger than MAX_MESSAGE_BYTES (1009, closed by ws). */
  | 'too_large'
  /** Well formed but over a structural limit (4413). */
  | 'over_limit'
  /** Too slow to apply, undone (1013). */
  | 'slow_apply'
  /** An update from a view link (dropped). */
  | 'read_only'
  /** Awareness over AWARENESS_RATE (dropped). */
  | 'awareness_rate'
  /** Awareness entries refused (other socket's id, invalid state). */
  | 'awareness_refused'
  /** An unexpected error while handling it (1011). */
  | 'internal';

export const REJECT_REASONS: readonly RejectReason[] = ['text_frame', 'malformed', 'too_large', 'over_limit', 'slow_apply', 'read_only', 'awareness_rate', 'awareness_refused', 'internal'];

/** Storage operations timed by relay_store_seconds. */
export type StoreOp = 'load' | 'append' | 'compact';

const CLOSE_REASONS: Record<number, string> = {
  1000: 'normal',
  [CloseCode.GoingAway]: 'going_away',
  1005: 'no_status',
  1006: 'abnormal',
  [CloseCode.MessageTooBig]: 'too_large',
  [CloseCode.InternalError]: 'internal',
  [CloseCode.TryAgainLater]: 'try_again',
  [CloseCode.BadMessage]: 'bad_message',
  [CloseCode.Unauthorized]: 'unauthorized',
  [CloseCode.ForbiddenOrigin]: 'forbidden_origin',
  [CloseCode.NotFound]: 'not_found',
  [CloseCode.UpdateRefused]: 'update_refused',
  [CloseCode.SlowConsumer]: 'slow_consumer',
};

/** The `reason` label for a close code: a fixed name per code we know, `other` for the rest (clients pick any code, so never the number itself). */
export function closeReason(code: number): string {
  return CLOSE_REASONS[code] ?? 'other';
}

/** Store latency buckets in seconds: a synced log write is ~0.1-5 ms, a load of a big document up to seconds. */
export const STORE_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

const r = metricsRegistry;

const instruments = {
  connections: r.register(new Gauge({ name: 'relay_connections', help: 'Open WebSocket connections (sampled from the relay at each scrape).' })),
  rooms: r.register(new Gauge({ name: 'relay_rooms_loaded', help: 'Rooms (workspace documents) loaded in memory.' })),
  updatesIn: r.register(new Counter({ name: 'relay_updates_received_total', help: 'Document update messages received from clients (sync step 2 and update, view links included), before any check.' })),
  bytesIn: r.register(new Counter({ name: 'relay_update_bytes_received_total', help: 'Bytes of the update payloads counted in relay_updates_received_total.' })),
  updatesOut: r.register(new Counter({ name: 'relay_updates_forwarded_total', help: 'Updates stored and forwarded to the other clients of their room (once per update).' })),
  deliveries: r.register(new Counter({ name: 'relay_update_deliveries_total', help: 'Forwarded updates times the sockets they were sent to.' })),
  bytesOut: r.register(new Counter({ name: 'relay_update_bytes_forwarded_total', help: 'Update payload bytes written to sockets when forwarding (bytes times recipients).' })),
  storeLatency: r.register(
    new Histogram<{ op: StoreOp }>({ name: 'relay_store_seconds', help: 'Latency of storage calls in seconds, by operation (append resolves once the update is durable).', labelNames: ['op'], buckets: STORE_BUCKETS }),
  ),
  storeErrors: r.register(new Counter<{ op: StoreOp }>({ name: 'relay_store_errors_total', help: 'Storage calls that failed, by operation.', labelNames: ['op'] })),
  rejectedFrames: r.register(new Counter<{ reason: RejectReason }>({ name: 'relay_rejected_frames_total', help: 'Frames refused or dropped, by reason.', labelNames: ['reason'] })),
  closes: r.register(new Counter<{ reason: string }>({ name: 'relay_closes_total', help: 'WebSocket connections closed, by close reason (see server/PROTOCOL.md close codes; other = a code we do not use).', labelNames: ['reason'] })),
  streamLag: r.register(
    new Gauge({
      name: 'relay_redis_stream_lag_seconds',
      help: 'Redis mode only (no sample otherwise): seconds between a stream entry being appended (its id time) and this relay reading it, for the last entry read.',
      emptyUntilSet: true,
    }),
  ),
};

export const relayMetrics = {
  ...instruments,
  /** A client's update message arrived (before checks). */
  received(bytes: number): void {
    instruments.updatesIn.inc();
    instruments.bytesIn.inc(bytes);
  },
  /** A stored update was sent on to `recipients` sockets. */
  forwarded(bytes: number, recipients: number): void {
    instruments.updatesOut.inc();
    instruments.deliveries.inc(recipients);
    instruments.bytesOut.inc(bytes * recipients);
  },
};

export type RelayMetrics = typeof relayMetrics;

const statsSources = new Set<() => { rooms: number; sockets: number }>();

/**
 * Samples connections and rooms from `stats` (e.g. `() => relay.stats()`) at each scrape;
 * several sources (servers in one process) are summed. Returns an unbind function.
 */
export function bindRelayStats(stats: () => { rooms: number; sockets: number }): () => void {
  statsSources.add(stats);
  return () => void statsSources.delete(stats);
}

r.onCollect(() => {
  if (statsSources.size === 0) return;
  let rooms = 0;
  let sockets = 0;
  for (const s of statsSources) {
    const st = s();
    rooms += st.rooms;
    sockets += st.sockets;
  }
  instruments.connections.set(sockets);
  instruments.rooms.set(rooms);
});

// Process basics, the names Prometheus' own client libraries use.
const startTime = r.register(new Gauge({ name: 'process_start_time_seconds', help: 'Start time of the process since the Unix epoch in seconds.' }));
const cpu = r.register(new Counter({ name: 'process_cpu_seconds_total', help: 'User and system CPU time spent in seconds.' }));
const rss = r.register(new Gauge({ name: 'process_resident_memory_bytes', help: 'Resident memory size in bytes.' }));
const heap = r.register(new Gauge({ name: 'nodejs_heap_used_bytes', help: 'V8 heap in use in bytes.' }));
startTime.set(Math.round(Date.now() / 1000 - process.uptime()));
r.onCollect(() => {
  const u = process.cpuUsage();
  cpu.sample((u.user + u.system) / 1e6);
  const m = process.memoryUsage();
  rss.set(m.rss);
  heap.set(m.heapUsed);
});
