import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import type { Logger } from './log';
import { createStaticHandler } from './http/static';

export interface RunningServer {
  http: http.Server;
  port: number;
  /** Graceful stop: refuse new work, store documents, close sockets (1001), close HTTP. */
  close(): Promise<void>;
}

const startedAt = Date.now();

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const serveStatic = createStaticHandler(config.staticDir);

  const server = http.createServer((req, res) => {
    const t0 = performance.now();
    let urlPath: string;
    try {
      urlPath = new URL(req.url ?? '/', 'http://x').pathname;
    } catch {
      sendJson(res, 400, { error: 'bad_request' });
      return;
    }
    res.on('finish', () => {
      log.debug('http', { method: req.method, path: urlPath, status: res.statusCode, ms: +(performance.now() - t0).toFixed(1) });
    });
    if (urlPath === '/healthz') {
      sendJson(res, 200, { ok: true, uptimeS: Math.round((Date.now() - startedAt) / 1000) });
      return;
    }
    if (urlPath === '/api' || urlPath.startsWith('/api/')) {
      sendJson(res, 404, { error: 'not_found' });
      return;
    }
    serveStatic(req, res, urlPath);
  });

  server.on('upgrade', (_req, socket) => {
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
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
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      });
    },
  };
}
