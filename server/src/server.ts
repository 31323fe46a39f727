import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSecret } from './auth/secret';
import { Tokens } from './auth/tokens';
import type { Config } from './config';
import { createApiHandler, json } from './http/api';
import { createStaticHandler } from './http/static';
import { createIcalFeedHandler, watchAppends } from './http/ical-feed';
import { setSecurityHeaders } from './http/security-headers';
import { guardHandshakes } from './http/handshake-guard';
import { serveMetrics } from './http/metrics';
import { bindRelayStats, instrumentPersistence } from './metrics';
import type { Logger } from './log';
import { LevelPersistence } from './persistence/leveldb';
import type { Persistence } from './persistence/persistence';
import { Relay } from './relay/relay';
import type { PresenceBus } from './relay/cluster';
import { WorkspaceRegistry } from './workspaces/registry';

export interface RunningServer {
  http: http.Server;
  port: number;
  relay: Relay;
  /** Graceful stop: refuse new work, store documents, close sockets (1001), close HTTP and storage. */
  close(): Promise<void>;
}

const startedAt = Date.now();

export async function startServer(config: Config, log: Logger, store?: Persistence): Promise<RunningServer> {
  // REDIS_URL: the Redis store and presence bus, loaded only then (the embedded mode never loads the client).
  let presence: (PresenceBus & { onRotated: ((id: string, gen: number) => void) | null; publishRotation(id: string, gen: number): void; close(): Promise<void> }) | undefined;
  let persistence: Persistence;
  if (store) persistence = store;
  else if (config.redisUrl) {
    const { RedisStore } = await import('./redis/store');
    const { RedisPresence } = await import('./redis/presence');
    const redis = await RedisStore.open({ url: config.redisUrl, log, trimGraceMs: config.redisTrimGraceMs });
    presence = await RedisPresence.open(redis, log, config.redisHeartbeatMs);
    persistence = redis;
    log.info('storage: redis', { relayId: redis.relayId });
  } else persistence = await LevelPersistence.open(config.dataDir, { noWal: !config.wal, walPipeline: config.walPipeline, walSync: config.walSync });
  // Every store call timed for GET /metrics (a pass-through: order and errors unchanged).
  persistence = instrumentPersistence(persistence);
  if (persistence instanceof LevelPersistence) {
    persistence.onStorageError = (err) => log.error('storage: checkpoint into LevelDB failed; updates stay in the log, retrying', { err });
    persistence.onStorageRecovered = () => log.info('storage: checkpoint succeeded again');
  }
  const tokens = new Tokens(loadSecret(config.dataDir, config.relaySecret));
  const registry = new WorkspaceRegistry(persistence);
  // GET /ical/<id>.ics: read from the relay's rooms; cached feeds of a workspace are dropped
  // as soon as an update of it is stored (embedded store; see ical-feed.ts for Redis).
  let relayRef: Relay | undefined;
  const feed = createIcalFeedHandler({
    registry,
    tokens,
    store: persistence,
    log,
    // The relay's own room lookup, as for a connecting socket (see ical-feed.ts for why).
    openRoom: (id) => relayRef!.roomFor(id),
    loadedRoom: (id) => relayRef!.rooms.get(id),
  });
  if (!(persistence as Persistence).shared) persistence = watchAppends(persistence, (id) => feed.changed(id));
  const relay = new Relay(persistence, registry, tokens, log, {
    maxMessageBytes: config.maxMessageBytes,
    allowedOrigins: config.allowedOrigins,
    awarenessRatePerSec: config.awarenessRatePerSec,
    compactAfterUpdates: config.compactAfterUpdates,
    roomCpuMsPerSec: config.roomCpuMsPerSec,
    slowApplyBaseMs: config.slowApplyBaseMs,
    roomIdleMs: config.roomIdleMs,
    presence,
  });
  relayRef = relay;
  if (presence) presence.onRotated = (id, gen) => relay.revoke(id, gen);
  const unbindStats = bindRelayStats(() => relay.stats());
  const api = createApiHandler({
    registry,
    tokens,
    log,
    allowedOrigins: config.allowedOrigins,
    onRotate: (id, gen) => {
      relay.revoke(id, gen);
      presence?.publishRotation(id, gen);
    },
    registrationToken: config.registrationToken,
    ratePerMin: config.apiRatePerMin,
  });
  const serveStatic = createStaticHandler(config.staticDir);

  // Node checks header timeouts on this interval (default 30 s, too coarse for the handshake limit).
  const server = http.createServer({ connectionsCheckingInterval: Math.min(1000, config.handshakeTimeoutMs) }, (req, res) => {
    const t0 = performance.now();
    setSecurityHeaders(res);
    let urlPath: string;
    try {
      urlPath = new URL(req.url ?? '/', 'http://x').pathname;
    } catch {
      json(res, 400, { error: 'bad_request' });
      return;
    }
    res.on('finish', () => {
      log.debug('http', { method: req.method, path: urlPath, status: res.statusCode, ms: +(performance.now() - t0).toFixed(1) });
    });
    if (urlPath === '/healthz') {
      const storage = (persistence instanceof LevelPersistence && persistence.unhealthy) || (persistence.accepting && !persistence.accepting()) ? 'degraded' : 'ok';
      json(res, 200, { ok: true, uptimeS: Math.round((Date.now() - startedAt) / 1000), ...relay.stats(), storage });
      return;
    }
    if (urlPath === '/metrics') return serveMetrics(req, res);
    if (urlPath.startsWith('/ical/')) return feed.handle(req, res, new URL(req.url ?? '/', 'http://x'));
    if (urlPath === '/api' || urlPath.startsWith('/api/')) {
      void api(req, res, urlPath);
      return;
    }
    serveStatic(req, res, urlPath);
  });

  guardHandshakes(server, { timeoutMs: config.handshakeTimeoutMs, perAddress: config.pendingHandshakesPerAddress });

  server.on('upgrade', (req, socket, head) => {
    if (!relay.handleUpgrade(req, socket, head)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    http: server,
    port,
    relay,
    async close() {
      const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      unbindStats();
      await relay.shutdown();
      await presence?.close();
      await persistence.close();
      setTimeout(() => server.closeAllConnections(), 1000).unref();
      await httpClosed;
    },
  };
}
