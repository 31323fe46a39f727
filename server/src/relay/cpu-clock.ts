/**
 * The process's CPU time, read cheaply enough to take before every update. `process.cpuUsage()`
 * is a system call (getrusage, ~20 µs on our VM, as much as the checks of a small update), and
 * the slow-apply guard only needs it when an apply ran over its allowance (100 ms or more). So
 * a reading is reused for up to `maxAgeMs`: the CPU time since it then includes up to that much
 * from before the apply, which only errs towards refusing, and never by more than `maxAgeMs`
 * (well under the allowance) of other work.
 */
export class CpuClock {
  private readAt = -Infinity;
  private cpuUs = 0;

  constructor(private readonly maxAgeMs = 20) {}

  /** CPU µs of the process at a reading at most maxAgeMs old (taken now if the last is older). */
  mark(now = performance.now()): number {
    if (now - this.readAt > this.maxAgeMs) {
      const u = process.cpuUsage();
      this.cpuUs = u.user + u.system;
      this.readAt = now;
    }
    return this.cpuUs;
  }

  /** CPU milliseconds the process used since `mark` returned `markUs`. */
  msSince(markUs: number): number {
    const u = process.cpuUsage();
    return (u.user + u.system - markUs) / 1000;
  }
}
