import { spawn, execSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A relay under test, as a child process whose CPU and memory we read from /proc. */
export interface BenchServer {
  kind: ServerKind;
  pid: number;
  httpUrl: string;
  wsUrl: string;
  /** URL for a client of room `room` holding `token` (ignored by the reference). */
  roomUrl(room: string, token?: string): string;
  /** Registers a workspace (ours) and returns an edit token; the reference needs none. */
  prepareRoom(room: string): Promise<string | undefined>;
  cpuMs(): number;
  rssBytes(): number;
  stop(): Promise<void>;
}

/** Variants of our relay, for comparison: extra environment per kind. */
const VARIANTS: Record<string, Record<string, string>> = {
  ours: {},
  /** Every batch a synced LevelDB write (no write-ahead log): the first version's storage. */
  'ours-leveldb': { RELAY_WAL: '0' },
  /** Log made durable with write + fdatasync instead of O_DSYNC writes. */
  'ours-fdatasync': { RELAY_WAL_SYNC: 'fdatasync' },
  /** Strict group commit: one log batch in flight at a time. */
  'ours-p1': { RELAY_WAL_PIPELINE: '1' },
  /** Documents in memory only (memory-relay.ts): what our relay costs without storage. */
  'ours-nostore': {},
};

export type ServerKind = 'ours' | 'ours-leveldb' | 'ours-fdatasync' | 'ours-p1' | 'ours-nostore' | 'reference' | 'floor';

/** Servers that take any room name and no token (the stock server, and the bench's floor-server.mjs). */
const tokenless = (kind: ServerKind) => kind === 'reference' || kind === 'floor';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let clkTck = 100;
try {
  clkTck = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
} catch {
  /* default */
}

/** BENCH_NODE_FLAGS: extra Node/V8 flags for our relay's process (GC settings to compare, e.g. --max-semi-space-size=32). */
const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function procCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is state (field 3); utime is field 14, stime field 15.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / clkTck;
}

function procRss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

async function waitHttp(url: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startBenchServer(kind: ServerKind): Promise<BenchServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `relay-bench-${kind}-`));
  const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
  const child =
    kind === 'floor'
      ? spawn(process.execPath, [path.join(root, 'bench/relay/floor-server.mjs')], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] })
      : kind !== 'reference'
      ? spawn(process.execPath, [...nodeFlags, ...(process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []), '--import', 'tsx', path.join(root, kind === 'ours-nostore' ? 'bench/relay/memory-relay.ts' : 'server/src/main.ts')], {
          cwd: root,
          env: { ...env, DATA_DIR: dataDir, STATIC_DIR: path.join(dataDir, 'no-app'), LOG_LEVEL: 'warn', ...VARIANTS[kind] },
          stdio: ['ignore', 'ignore', 'inherit'],
        })
      : spawn(process.execPath, [path.join(root, 'node_modules/@y/websocket-server/src/server.js')], {
          cwd: root,
          env: { ...env, YPERSISTENCE: dataDir },
          stdio: ['ignore', 'ignore', 'inherit'],
        });
  const httpUrl = `http://127.0.0.1:${port}`;
  await waitHttp(!tokenless(kind) ? `${httpUrl}/healthz` : httpUrl, child);
  const pid = child.pid!;
  return {
    kind,
    pid,
    httpUrl,
    wsUrl: `ws://127.0.0.1:${port}`,
    roomUrl: (room, token) =>
      !tokenless(kind) ? `ws://127.0.0.1:${port}/sync/${room}?token=${token}` : `ws://127.0.0.1:${port}/${room}`,
    async prepareRoom(room) {
      if (tokenless(kind)) return undefined;
      const res = await fetch(`${httpUrl}/api/workspaces`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: room }),
      });
      if (res.status !== 201) throw new Error(`register ${room}: ${res.status}`);
      return ((await res.json()) as { editToken: string }).editToken;
    },
    cpuMs: () => procCpuMs(pid),
    rssBytes: () => procRss(pid),
    async stop() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
