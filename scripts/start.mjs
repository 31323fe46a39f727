#!/usr/bin/env node
// `npm start`: build the client if dist/client is missing or older than its
// sources, then run the server (TypeScript through tsx) and pass signals on.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist', 'client', 'index.html');
const SOURCES = ['client', 'shared/src', 'vite.config.ts', 'index.html'];
const SKIP = new Set(['node_modules', '.git', 'dist']);

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

function needsBuild() {
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

const reason = process.env.SKIP_BUILD ? null : needsBuild();
if (reason) {
  console.log(JSON.stringify({ t: new Date().toISOString(), level: 'info', msg: 'building client', reason }));
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const build = spawnSync(npx, ['vite', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) {
    console.error(`vite build failed (${build.error?.message ?? `exit ${build.status ?? build.signal}`})`);
    process.exit(build.status || 1);
  }
}

const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'src', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});

for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(sig, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig === 'SIGHUP' ? 'SIGTERM' : sig);
  });
}

child.on('exit', (code, signal) => {
  if (code !== null) process.exit(code);
  const signals = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  process.exit(128 + (signals[signal] ?? 1));
});
