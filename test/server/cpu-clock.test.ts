import { afterEach, describe, expect, it, vi } from 'vitest';
import { CpuClock } from '../../server/src/relay/cpu-clock';

/** Burns about `ms` of CPU on this thread. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x += Math.sqrt(x + 1);
  expect(x).toBeGreaterThan(0);
}

describe('CpuClock (the slow-apply guard reads the CPU time through it)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reuses a reading younger than its maximum age, and reads again after it', () => {
    const clock = new CpuClock(20);
    const reads = vi.spyOn(process, 'cpuUsage');
    const first = clock.mark(1000);
    expect(clock.mark(1010)).toBe(first);
    expect(clock.mark(1020)).toBe(first);
    expect(reads).toHaveBeenCalledTimes(1);
    clock.mark(1021);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('counts the CPU used since a mark, including the work in between', () => {
    const clock = new CpuClock(20);
    const mark = clock.mark();
    spin(60);
    const used = clock.msSince(mark);
    // The process ran the loop for ~60 ms; a reused reading can only add time before the mark.
    expect(used).toBeGreaterThanOrEqual(40);
    expect(used).toBeLessThan(60 + 20 + 200);
  });

  it('never counts less than the CPU used since a reused reading was taken', () => {
    const clock = new CpuClock(1_000_000);
    const early = clock.mark();
    spin(30);
    const reused = clock.mark(); // same reading: the 30 ms of spinning is counted as after it
    expect(reused).toBe(early);
    spin(30);
    expect(clock.msSince(reused)).toBeGreaterThanOrEqual(45);
  });
});
