#!/usr/bin/env node
// `npm start`: build what is missing or older than its sources (the client with
// Vite into dist/client, the server with esbuild into dist/server), then run the
// compiled server, dist/server/main.js, in this same process: no tsx, and no
// second Node process. The server's own SIGTERM/SIGINT handlers shut it down.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleReason } from './build-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist', 'client', 'index.html');
const SOURCES = ['client', 'shared/src', 'vite.config.ts', 'index.html'];
const SKIP = new Set(['node_modules', '.git', 'dist']);

const info = (msg, fields) => console.log(JSON.stringify({ t: new Date().toISOString(), level: 'info', msg, ...fields }));

/** Newest mtime (ms) of a file or of any file below a directory; 0 if absent. */
function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry.name)));
  }
  return newest;
}

function clientNeedsBuild() {
  let built;
  try {
    built = fs.statSync(builtIndex).mtimeMs;
  } catch {
    return 'dist/client/index.html is missing';
  }
  for (const src of SOURCES) {
    if (newestMtime(path.join(root, src)) > built) return `${src} changed since the last build`;
  }
  return null;
}

function run(what, args, env = process.env) {
  const r = spawnSync(args[0], args.slice(1), { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', env });
  if (r.status !== 0) {
    console.error(`${what} failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`})`);
    process.exit(r.status || 1);
  }
}

// SKIP_BUILD skips only the (slow) client build; the server build takes a tenth of a second.
const clientReason = process.env.SKIP_BUILD ? null : clientNeedsBuild();
if (clientReason) {
  info('building client', { reason: clientReason });
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  run('vite build', [npx, 'vite', 'build'], { ...process.env, NODE_ENV: 'production' });
}
const serverReason = staleReason('server');
if (serverReason) {
  info('building server', { reason: serverReason });
  // In a child process, so esbuild never loads into the server's own.
  run('server build', [process.execPath, path.join(root, 'scripts', 'build-server.mjs'), 'server']);
}

// SIGHUP (a closed terminal, `kill -HUP`) stops the server cleanly too.
process.on('SIGHUP', () => process.kill(process.pid, 'SIGTERM'));

// npm runs this script through `sh -c`; on SIGTERM npm signals that shell, which
// dies without passing the signal on. When our parent changes like that, stop.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    process.kill(process.pid, 'SIGTERM');
  }, 250).unref();
}

await import('../dist/server/main.js');
