import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * Starts the real server (`node --import tsx server/src/main.ts`) as a child
 * process on a free port, with a temporary DATA_DIR, and waits for /healthz.
 * `run: 'compiled'` starts the esbuild output `node dist/server/main.js` instead
 * (built first when stale), `run: 'npm-start'` goes through `npm start`.
 *
 *   const srv = await startServer({ staticDir });
 *   fetch(srv.url + '/healthz'); new WebsocketProvider(srv.wsUrl + '/sync', id, doc, ...)
 *   await srv.restart({ signal: 'SIGKILL' });  // same port, same DATA_DIR
 *   await srv.kill();                          // SIGTERM (default) and remove the temp dirs it made
 */
export interface StartServerOptions {
  /** Folder served as the app; default: an empty temp folder (so app routes answer 503). */
  staticDir?: string;
  /** Reuse a data folder (default: a fresh temp folder, removed by kill()). */
  dataDir?: string;
  /** Extra environment (e.g. MAX_MESSAGE_BYTES, RELAY_SECRET, LOG_LEVEL). */
  env?: Record<string, string>;
  /** Fixed port; default: let the server pick one (PORT=0). */
  port?: number;
  /** Echo the server's output to this process's stderr (debugging). */
  verbose?: boolean;
  /**
   * What to start: 'tsx' (default) the TypeScript sources through tsx; 'compiled'
   * dist/server/main.js; 'npm-start' `npm start` with SKIP_BUILD=1 (no client
   * build), whose pid() and signals are npm's.
   */
  run?: 'tsx' | 'compiled' | 'npm-start';
}

export interface TestServer {
  url: string;
  wsUrl: string;
  port: number;
  dataDir: string;
  /** Server log lines (parsed JSON when possible), newest last, across restarts. */
  logs: Array<Record<string, unknown>>;
  pid(): number | undefined;
  /** Stop the server (SIGTERM by default; SIGKILL for a crash) and clean up temp folders. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  /** Stop (SIGTERM by default) and start again on the same port and DATA_DIR. */
  restart(opts?: { signal?: NodeJS.Signals; env?: Record<string, string> }): Promise<void>;
  /** Stop without cleaning up (for tests that restart later by hand). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  start(env?: Record<string, string>): Promise<void>;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function startServer(opts: StartServerOptions = {}): Promise<TestServer> {
  const made: string[] = [];
  const tmp = (prefix: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
  const dataDir = opts.dataDir ?? tmp('cc-data-');
  const staticDir = opts.staticDir ?? tmp('cc-static-');
  let port = opts.port ?? 0;
  let child: ChildProcess | undefined;
  const logs: Array<Record<string, unknown>> = [];

  const run = opts.run ?? 'tsx';
  if (run === 'compiled') buildServerIfStale();
  const [cmd, ...args] =
    run === 'compiled'
      ? [process.execPath, path.join(repoRoot, 'dist/server/main.js')]
      : run === 'npm-start'
        ? [process.platform === 'win32' ? 'npm.cmd' : 'npm', 'start', '--silent']
        : [process.execPath, '--import', 'tsx', path.join(repoRoot, 'server/src/main.ts')];

  const launch = (extraEnv: Record<string, string> = {}) =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(cmd!, args, {
        cwd: repoRoot,
        env: {
          ...process.env,
          ...(run === 'npm-start' ? { SKIP_BUILD: '1' } : {}),
          NODE_ENV: 'test',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
          // Suites register many workspaces from one address; the limit has its own test.
          API_RATE: '100000',
          ...opts.env,
          ...extraEnv,
          PORT: String(port),
          DATA_DIR: dataDir,
          STATIC_DIR: staticDir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      let stderr = '';
      let done = false;
      const timer = setTimeout(() => fail(new Error('server did not start within 20 s')), 20_000);
      const fail = (err: Error) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        proc.kill('SIGKILL');
        reject(new Error(`${err.message}\n${stderr}`));
      };
      proc.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (opts.verbose) process.stderr.write(chunk);
      });
      readline.createInterface({ input: proc.stdout! }).on('line', (line) => {
        if (opts.verbose) process.stderr.write(`[server] ${line}\n`);
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line);
        } catch {
          entry = { raw: line };
        }
        logs.push(entry);
        if (!done && entry.msg === 'listening' && typeof entry.port === 'number') {
          port = entry.port;
          waitHealthy(`http://127.0.0.1:${port}/healthz`).then(
            () => {
              done = true;
              clearTimeout(timer);
              resolve();
            },
            (err: Error) => fail(err),
          );
        }
      });
      proc.once('exit', (code, signal) => fail(new Error(`server exited early (${code ?? signal})`)));
    });

  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<number | null>((resolve) => {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve(proc?.exitCode ?? null);
      const t = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      proc.once('exit', (code) => {
        clearTimeout(t);
        resolve(code);
      });
      proc.kill(signal);
    });

  await launch();

  const srv: TestServer = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get wsUrl() {
      return `ws://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    dataDir,
    logs,
    pid: () => child?.pid,
    stop,
    start: (env) => launch(env),
    async restart(o = {}) {
      await stop(o.signal ?? 'SIGTERM');
      await launch(o.env);
    },
    async kill(signal = 'SIGTERM') {
      const code = await stop(signal);
      for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
  return srv;
}

/** `node scripts/build-server.mjs --if-stale server`: a stat of its inputs, or a build of ~0.1 s. */
export function buildServerIfStale(): void {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-server.mjs'), '--if-stale', 'server'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`server build failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
}

async function waitHealthy(url: string): Promise<void> {
  const until = Date.now() + 15_000;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
