import path from 'node:path';
import type { LogLevel } from './log';

/** Server settings, all from the environment (see server/PROTOCOL.md and README). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string;
  logLevel: LogLevel;
  /** HS256 secret for tokens; if unset, one is generated into DATA_DIR/secret. */
  relaySecret: string | undefined;
  /** Largest accepted WebSocket message; larger ones close the socket with 1009. */
  maxMessageBytes: number;
  /** Allowed `Origin` values for WebSocket upgrades and API calls; empty = any. */
  allowedOrigins: string[];
  /** Awareness messages per connection per second (token bucket, burst = 2x). */
  awarenessRatePerSec: number;
  /** Compact a document's update log when it has more than this many entries. */
  compactAfterUpdates: number;
  /** Event-loop ms per second one room may use before its frames wait. */
  roomCpuMsPerSec: number;
  /** An update slower than this (plus 1 ms per 2 KB) to apply is undone and refused. */
  slowApplyBaseMs: number;
  /** Keep a room with no clients in memory this long before unloading it. */
  roomIdleMs: number;
  /** Store appends in the write-ahead log (default) or directly as synced LevelDB batches (`RELAY_WAL=0`). */
  wal: boolean;
  /** Log batches in flight at once (`RELAY_WAL_PIPELINE`, default 2; 1 = strict group commit). */
  walPipeline: number;
  /** `RELAY_WAL_SYNC`: `odsync` (default, O_DSYNC writes) or `fdatasync`. */
  walSync: 'odsync' | 'fdatasync';
  /** `REGISTRATION`: `open` (default: anyone may register a workspace) or `token` (only with REGISTRATION_TOKEN). */
  registration: 'open' | 'token';
  /** The bearer token registration needs when `registration` is `token`. */
  registrationToken: string | undefined;
  /** `API_RATE`: registrations and link rotations per minute per address (burst the same). */
  apiRatePerMin: number;
  /** `HANDSHAKE_TIMEOUT_MS`: a request's headers (a socket's upgrade included) must arrive within this. */
  handshakeTimeoutMs: number;
  /** `PENDING_HANDSHAKES`: sockets one address may hold before their headers are complete. */
  pendingHandshakesPerAddress: number;
  /** `REDIS_URL`: set = several relays share one Redis (registry, tokens' generation, documents); unset = embedded storage. */
  redisUrl: string | undefined;
  /** `REDIS_TRIM_GRACE_MS`: compaction keeps stream entries younger than this for relays whose reader lags (default 60 s). */
  redisTrimGraceMs: number;
  /** `REDIS_HEARTBEAT_MS`: relay heartbeat period; a relay silent for 3 periods is dead and its clients' presence cleared (default 3 s). */
  redisHeartbeatMs: number;
}

const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

function int(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const level = (env.LOG_LEVEL ?? 'info').toLowerCase() as LogLevel;
  return {
    port: int('PORT', env.PORT, 8080),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(cwd, env.DATA_DIR || './data'),
    staticDir: path.resolve(cwd, env.STATIC_DIR || 'dist/client'),
    logLevel: LEVELS.includes(level) ? level : 'info',
    relaySecret: env.RELAY_SECRET || undefined,
    maxMessageBytes: int('MAX_MESSAGE_BYTES', env.MAX_MESSAGE_BYTES, 16 * 1024 * 1024, 1024),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    awarenessRatePerSec: int('AWARENESS_RATE', env.AWARENESS_RATE, 20, 1),
    compactAfterUpdates: int('COMPACT_AFTER_UPDATES', env.COMPACT_AFTER_UPDATES, 500, 1),
    roomCpuMsPerSec: int('ROOM_CPU_MS', env.ROOM_CPU_MS, 300, 10),
    slowApplyBaseMs: int('SLOW_APPLY_MS', env.SLOW_APPLY_MS, 100, 0),
    roomIdleMs: int('ROOM_IDLE_MS', env.ROOM_IDLE_MS, 0, 0),
    wal: env.RELAY_WAL !== '0',
    walSync: env.RELAY_WAL_SYNC === 'fdatasync' ? 'fdatasync' : 'odsync',
    walPipeline: int('RELAY_WAL_PIPELINE', env.RELAY_WAL_PIPELINE, 2, 1),
    ...registrationOf(env),
    apiRatePerMin: int('API_RATE', env.API_RATE, 10, 1),
    handshakeTimeoutMs: int('HANDSHAKE_TIMEOUT_MS', env.HANDSHAKE_TIMEOUT_MS, 10_000, 100),
    pendingHandshakesPerAddress: int('PENDING_HANDSHAKES', env.PENDING_HANDSHAKES, 64, 1),
    ...redisOf(env),
  };
}

function registrationOf(env: NodeJS.ProcessEnv): Pick<Config, 'registration' | 'registrationToken'> {
  const mode = (env.REGISTRATION ?? 'open').toLowerCase();
  if (mode !== 'open' && mode !== 'token') throw new Error(`REGISTRATION must be open or token, got ${JSON.stringify(env.REGISTRATION)}`);
  const token = env.REGISTRATION_TOKEN || undefined;
  if (mode === 'token' && (!token || token.length < 16)) throw new Error('REGISTRATION=token needs REGISTRATION_TOKEN of at least 16 characters');
  return { registration: mode, registrationToken: mode === 'token' ? token : undefined };
}

function redisOf(env: NodeJS.ProcessEnv): Pick<Config, 'redisUrl' | 'redisTrimGraceMs' | 'redisHeartbeatMs'> {
  const url = env.REDIS_URL || undefined;
  if (url && !/^rediss?:\/\//.test(url)) throw new Error(`REDIS_URL must start with redis:// or rediss://, got ${JSON.stringify(url)}`);
  // Every relay must sign and check tokens with the same key; a generated DATA_DIR/secret is per machine.
  if (url && !env.RELAY_SECRET) throw new Error('REDIS_URL needs RELAY_SECRET (the same on every relay, at least 16 characters)');
  return {
    redisUrl: url,
    redisTrimGraceMs: int('REDIS_TRIM_GRACE_MS', env.REDIS_TRIM_GRACE_MS, 60_000, 1000),
    redisHeartbeatMs: int('REDIS_HEARTBEAT_MS', env.REDIS_HEARTBEAT_MS, 3000, 100),
  };
}
