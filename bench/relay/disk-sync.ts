/**
 * This disk's synced-write latency, measured the way our relay's log writes: small records
 * into a preallocated file opened with O_DSYNC (server/src/persistence/wal.ts), each write
 * returning once the data is on disk. The relay forwards an update only after such a write
 * (durable before forwarded), while the reference never syncs; so the p99 goal of issue 14 is
 * "ours ≤ reference + this p99 + 1 ms", with this figure taken in the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface DiskLatency {
  writes: number;
  p50Ms: number;
  p99Ms: number;
}

export interface DiskSync extends DiskLatency {
  /**
   * CPU time one synced write costs the writing process (user + system, all threads: the
   * thread-pool job, the kernel's write-through and flush), over the same paced loop with
   * no write. The least a relay that stores each update before forwarding it pays per update.
   */
  cpuUsPerWrite: number;
}

/** The q-quantile of sorted figures (NaN when there are none). */
export const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);

/** `writes` synced 200-byte appends at `ratePerSec` (spread out like a relay's, not back to back). */
export async function measureDiskSync(writes = 400, ratePerSec = 200, dir = os.tmpdir()): Promise<DiskSync> {
  const work = fs.mkdtempSync(path.join(dir, 'disk-sync-'));
  const file = path.join(work, 'probe.wal');
  const record = Buffer.alloc(200, 7);
  const size = writes * record.length;
  const fd = fs.openSync(file, 'w+');
  fs.writeSync(fd, Buffer.alloc(size));
  fs.fsyncSync(fd);
  const dsync = fs.openSync(file, fs.constants.O_WRONLY | (fs.constants.O_DSYNC ?? 0));
  const times: number[] = [];
  const pause = () => new Promise((r) => setTimeout(r, 1000 / ratePerSec));
  let cpuUs = 0;
  try {
    const c0 = process.cpuUsage();
    for (let i = 0; i < writes; i++) {
      const t0 = performance.now();
      // Through the thread pool, as the relay does (fs.write with a callback).
      await new Promise<void>((resolve, reject) => fs.write(dsync, record, 0, record.length, i * record.length, (e) => (e ? reject(e) : resolve())));
      times.push(performance.now() - t0);
      await pause();
    }
    const withWrites = process.cpuUsage(c0);
    const c1 = process.cpuUsage();
    for (let i = 0; i < writes; i++) await pause();
    const idle = process.cpuUsage(c1);
    cpuUs = withWrites.user + withWrites.system - (idle.user + idle.system);
  } finally {
    fs.closeSync(dsync);
    fs.closeSync(fd);
    fs.rmSync(work, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  return { writes, p50Ms: quantile(times, 0.5), p99Ms: quantile(times, 0.99), cpuUsPerWrite: Math.max(0, cpuUs / writes) };
}
