import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { metricsRegistry } from '../metrics/relay-metrics';
import { EXPOSITION_CONTENT_TYPE, type MetricsRegistry } from '../metrics/registry';

/**
 * GET /metrics: the Prometheus text exposition (version 0.0.4) of server/src/metrics.
 *
 * Who may read it:
 * - a request from a loopback address (127.0.0.0/8, ::1) that came straight to us — one
 *   carrying `Forwarded`, `X-Forwarded-For` or `X-Real-IP` came through a proxy, which would
 *   make the whole internet look like loopback, and is not trusted as such;
 * - anyone presenting `Authorization: Bearer <METRICS_TOKEN>` when METRICS_TOKEN is set
 *   (at least 16 characters).
 * Others get 403 (no token configured) or 401 (token configured, missing or wrong).
 */
export interface MetricsHandlerOptions {
  /** Bearer token that opens the endpoint from any address; unset: loopback only. */
  token?: string;
  registry?: MetricsRegistry;
}

/** METRICS_TOKEN from the environment, checked (undefined when unset). */
export function metricsTokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && token.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters');
  return token;
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

function sameSecret(a: string, b: string): boolean {
  // Compare digests: equal length whatever was sent, and no early exit.
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y);
}

/** 'ok', or why not: 'unauthorized' (token configured, not presented) or 'forbidden' (no token configured, not loopback). */
export function metricsAccess(req: Pick<IncomingMessage, 'headers' | 'socket'>, token: string | undefined): 'ok' | 'unauthorized' | 'forbidden' {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (token && m && sameSecret(m[1]!, token)) return 'ok';
  const proxied = PROXY_HEADERS.some((h) => req.headers[h] !== undefined);
  if (!proxied && isLoopback(req.socket.remoteAddress)) return 'ok';
  return token ? 'unauthorized' : 'forbidden';
}

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', ...extra });
  res.end(text);
}

export function createMetricsHandler(opts: MetricsHandlerOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const registry = opts.registry ?? metricsRegistry;
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(res, 405, 'use GET\n', { Allow: 'GET, HEAD' });
      return;
    }
    const access = metricsAccess(req, opts.token);
    if (access === 'unauthorized') {
      plain(res, 401, 'metrics need Authorization: Bearer <METRICS_TOKEN>\n', { 'WWW-Authenticate': 'Bearer realm="metrics"' });
      return;
    }
    if (access === 'forbidden') {
      plain(res, 403, 'metrics are served to loopback only; set METRICS_TOKEN to scrape from elsewhere\n');
      return;
    }
    const body = registry.render();
    res.writeHead(200, { 'Content-Type': EXPOSITION_CONTENT_TYPE, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

let defaultHandler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;

/**
 * The handler with METRICS_TOKEN from the environment (read on first use), for the server's
 * router: `if (urlPath === '/metrics') return serveMetrics(req, res);`
 */
export function serveMetrics(req: IncomingMessage, res: ServerResponse): void {
  if (!defaultHandler) {
    try {
      defaultHandler = createMetricsHandler({ token: metricsTokenFromEnv() });
    } catch (err) {
      // A bad METRICS_TOKEN closes the endpoint (fail closed) instead of crashing the relay.
      plain(res, 503, `metrics disabled: ${(err as Error).message}\n`);
      return;
    }
  }
  defaultHandler(req, res);
}
