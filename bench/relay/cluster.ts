/**
 * N relays in Redis mode (`REDIS_URL`, one shared `RELAY_SECRET`) in front of a real
 * redis-server started like the Redis-mode tests do (test/server/helpers/redis-server.ts:
 * AOF on, `appendfsync always` or `everysec`, a free port, a temporary folder).
 *
 * Seen from the load generator it is one `BenchServer`: rooms are registered on the
 * first relay, and successive `roomUrl` calls alternate between relays, so the clients
 * of every room are split across them. `cpuMs`/`rssBytes` are the relays' sums (from
 * /proc, as for one relay); Redis's own CPU is read with `INFO cpu` at the same instants.
 */
import fs from 'node:fs';
import net from 'node:net';
import { startRedis, type TestRedis } from '../../test/server/helpers/redis-server';
import { startBenchServer, type BenchServer, type ServerKind } from './servers';

export type ClusterKind = 'ours-2r-always' | 'ours-2r-everysec';
export type AnyKind = ServerKind | ClusterKind;

export interface ClusterServer extends BenchServer {
  relays: BenchServer[];
  redis: TestRedis;
  /** INFO cpu samples taken each time `cpuMs()` was called (ms of used_cpu_user + used_cpu_sys). */
  redisCpuSamples: Promise<number>[];
  redisCpuMs(): Promise<number>;
  redisRssBytes(): number;
}

process.env.API_RATE ??= '1000000'; // see index.ts
const SECRET = 'bench-relay-secret-0123456789abcdef';

/** `INFO cpu` over a raw socket: used_cpu_user + used_cpu_sys of the main process, in ms. */
export function redisInfoCpuMs(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let buf = '';
    sock.once('error', reject);
    sock.on('data', (d) => {
      buf += d.toString();
      const m = /^\$(\d+)\r\n/.exec(buf);
      if (!m || buf.length < m[0].length + Number(m[1])) return;
      sock.destroy();
      const field = (name: string) => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(buf)?.[1] ?? NaN);
      resolve((field('used_cpu_user') + field('used_cpu_sys')) * 1000);
    });
    sock.once('connect', () => sock.write('INFO cpu\r\n'));
  });
}

function procRss(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Starts one relay with extra environment (startBenchServer copies process.env at spawn). */
async function startRelayWith(env: Record<string, string>): Promise<BenchServer> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await startBenchServer('ours');
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export async function startRelayCluster(count: number, appendfsync: 'always' | 'everysec'): Promise<ClusterServer> {
  const redis = await startRedis({ appendfsync });
  const relays: BenchServer[] = [];
  try {
    for (let i = 0; i < count; i++) relays.push(await startRelayWith({ REDIS_URL: redis.url, RELAY_SECRET: SECRET }));
  } catch (e) {
    for (const r of relays) await r.stop();
    await redis.kill();
    throw e;
  }
  let turn = 0;
  const samples: Promise<number>[] = [];
  const kind = (appendfsync === 'always' ? 'ours-2r-always' : 'ours-2r-everysec') as ClusterKind;
  return {
    kind: kind as unknown as ServerKind,
    pid: relays[0]!.pid,
    httpUrl: relays[0]!.httpUrl,
    wsUrl: relays[0]!.wsUrl,
    relays,
    redis,
    redisCpuSamples: samples,
    roomUrl: (room, token) => relays[turn++ % relays.length]!.roomUrl(room, token),
    prepareRoom: (room) => relays[0]!.prepareRoom(room),
    cpuMs() {
      samples.push(redisInfoCpuMs(redis.port));
      return relays.reduce((s, r) => s + r.cpuMs(), 0);
    },
    rssBytes: () => relays.reduce((s, r) => s + r.rssBytes(), 0),
    redisCpuMs: () => redisInfoCpuMs(redis.port),
    redisRssBytes: () => procRss(redis.pid()),
    async stop() {
      for (const r of relays) await r.stop();
      await redis.kill();
    },
  };
}

export function isCluster(s: BenchServer): s is ClusterServer {
  return 'relays' in s;
}

export async function startAnyServer(kind: AnyKind): Promise<BenchServer> {
  if (kind === 'ours-2r-always') return startRelayCluster(2, 'always');
  if (kind === 'ours-2r-everysec') return startRelayCluster(2, 'everysec');
  return startBenchServer(kind);
}
