/**
 * The disk's synced-write latency *while a server runs*, as an update arriving at a random
 * moment meets it in a store that writes before it forwards. A child process takes one
 * 200-byte record every 1/rate s on a fixed schedule (open loop: arrivals do not wait for
 * the disk) and writes them as the relay's log does: O_DSYNC writes into a preallocated
 * file, two in flight at most, records that arrive meanwhile together in the next write
 * (group commit). Each record is timed from its arrival to the end of its write: what an
 * ideal relay (no work of its own) would add to a delivery on this disk at that moment.
 *
 * Why open loop and during the run: disk-sync.ts's probe runs between the servers' runs and
 * waits for each write before the next, so a 300 ms stall costs it one slow sample out of
 * hundreds, while a relay that writes before it forwards delays every update that arrives
 * during the stall. The p99 goal compares ours with the reference plus these latencies.
 *
 *   child: node --import tsx bench/relay/disk-probe.ts <dir> <ratePerSec>   (SIGTERM: print JSON, exit)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantile, type DiskLatency } from './disk-sync';

const RECORD = 200;
const SLOTS = 1 << 15; // 6.4 MB file, written round and round
/** Log writes in flight at once (the relay's RELAY_WAL_PIPELINE default). */
const PIPELINE = 2;

export interface DiskProbe {
  /** Stops the probe; its figures over the whole time it ran. */
  stop(): Promise<DiskLatency>;
}

/** Starts the probe in a child process (its own event loop and thread pool, so neither the load generator nor the server shares them). */
export async function startDiskProbe(ratePerSec = 200, dir = os.tmpdir()): Promise<DiskProbe> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), dir, String(ratePerSec)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (s: string) => (out += s));
  // Ready once the file is preallocated (it prints "ready\n").
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (out.includes('ready\n')) {
        child.stdout!.off('data', onData);
        out = out.slice(out.indexOf('ready\n') + 6);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`disk probe exited early (${code})`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopped: Promise<DiskLatency> | null = null;
  return {
    // Idempotent: the second call (a finally after a normal stop) gets the same figures.
    stop: () =>
      (stopped ??= (async () => {
        child.kill('SIGTERM');
        await exited;
        try {
          return JSON.parse(out) as DiskLatency;
        } catch {
          throw new Error(`disk probe printed no figures: ${out.slice(0, 200)}`);
        }
      })()),
  };
}

function runChild(dir: string, ratePerSec: number): void {
  const work = fs.mkdtempSync(path.join(dir, 'disk-probe-'));
  const file = path.join(work, 'probe.wal');
  const fd = fs.openSync(file, 'w+');
  fs.writeSync(fd, Buffer.alloc(RECORD * SLOTS));
  fs.fsyncSync(fd);
  const dsync = fs.openSync(file, fs.constants.O_WRONLY | (fs.constants.O_DSYNC ?? 0));
  const times: number[] = [];
  const period = 1000 / ratePerSec;
  const t0 = performance.now();
  let i = 0;
  let slot = 0;
  let timer: NodeJS.Timeout | null = null;
  // Group commit as the relay's log does it (wal.ts, leveldb.ts): arrivals wait while
  // `PIPELINE` writes are in flight and then go together in one write.
  let waiting: number[] = [];
  let inflight = 0;
  const issue = () => {
    while (inflight < PIPELINE && waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      inflight++;
      const buf = Buffer.alloc(RECORD * batch.length, 7);
      if (slot + batch.length > SLOTS) slot = 0;
      fs.write(dsync, buf, 0, buf.length, slot * RECORD, () => {
        inflight--;
        const now = performance.now();
        for (const due of batch) times.push(now - due);
        issue();
      });
      slot += batch.length;
    }
  };
  const tick = () => {
    // Every arrival whose time has come, each timed from when it was due.
    const now = performance.now();
    while (t0 + i * period <= now) waiting.push(t0 + i++ * period);
    issue();
    timer = setTimeout(tick, Math.max(0, t0 + i * period - performance.now()));
  };
  process.on('SIGTERM', () => {
    if (timer) clearTimeout(timer);
    // Writes still in flight count as taking at least until now.
    const now = performance.now();
    for (let k = times.length; k < i; k++) times.push(now - (t0 + k * period));
    times.sort((a, b) => a - b);
    const figures: DiskLatency = { writes: times.length, p50Ms: quantile(times, 0.5), p99Ms: quantile(times, 0.99) };
    process.stdout.write(JSON.stringify(figures), () => {
      fs.rmSync(work, { recursive: true, force: true });
      process.exit(0);
    });
  });
  process.stdout.write('ready\n');
  tick();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runChild(process.argv[2] ?? os.tmpdir(), Number(process.argv[3] ?? 200));
}
