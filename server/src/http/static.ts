import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Serves the built app (dist/client) with SPA fallback for app routes
 * (Contract 3). Hashed files under /assets/ are cached for a year; everything
 * else (index.html, sw.js, workbox files, manifest, icons) is `no-cache` so a
 * deploy shows up on the next load.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** Paths the SPA fallback never answers: they belong to the API, the relay, or health. */
const RESERVED = /^\/(api|sync|healthz)(\/|$)/;

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function cacheControl(urlPath: string): string {
  if (urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

/**
 * Maps a URL path to a file inside root, or null when the path is malformed
 * or would leave root (`..`, encoded slashes and backslashes, NUL bytes).
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((seg) => seg === '..')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

function statFile(file: string): fs.Stats | null {
  try {
    const st = fs.statSync(file);
    return st.isFile() ? st : null;
  } catch {
    return null;
  }
}

export interface StaticHandler {
  (req: IncomingMessage, res: ServerResponse, urlPath: string): void;
}

export function createStaticHandler(rootDir: string): StaticHandler {
  const root = path.resolve(rootDir);
  const indexFile = path.join(root, 'index.html');

  const serveFile = (req: IncomingMessage, res: ServerResponse, file: string, st: fs.Stats, cache: string) => {
    const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    const headers: Record<string, string | number> = {
      'Content-Type': contentType(file),
      'Cache-Control': cache,
      ETag: etag,
      'Last-Modified': st.mtime.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    headers['Content-Length'] = st.size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = fs.createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };

  return (req, res, urlPath) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, 'Method not allowed\n');
      return;
    }
    if (RESERVED.test(urlPath)) {
      send(res, 404, 'Not found\n');
      return;
    }
    const indexStat = statFile(indexFile);
    if (!indexStat) {
      send(res, 503, `The app is not built (no ${path.relative(process.cwd(), indexFile) || indexFile}). Run \`npx vite build\`; \`npm start\` does it for you.\n`);
      return;
    }
    const file = resolveInside(root, urlPath);
    if (file === null) {
      send(res, 400, 'Bad path\n');
      return;
    }
    const st = file === root ? null : statFile(file);
    if (st) {
      serveFile(req, res, file, st, file === indexFile ? 'no-cache' : cacheControl(urlPath));
      return;
    }
    // Missing hashed assets and missing files with a static extension are real 404s:
    // answering them with index.html would hide deploy mistakes (and confuse the service worker).
    const ext = path.extname(urlPath).toLowerCase();
    if (urlPath.startsWith('/assets/') || (ext !== '' && ext !== '.html' && ext in TYPES)) {
      send(res, 404, 'Not found\n');
      return;
    }
    serveFile(req, res, indexFile, indexStat, 'no-cache');
  };
}
