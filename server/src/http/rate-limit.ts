/**
 * Per-address token buckets for the JSON API: a burst of `burst` calls, refilled at
 * `perMinute`. Beyond it a caller gets 429 with how many seconds to wait. The table holds at
 * most `maxAddresses` buckets; full, idle ones are dropped first, so a flood of addresses
 * cannot grow memory without bound.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly maxAddresses = 10_000,
  ) {}

  /** 0 when the call may go ahead, else the seconds until it may. */
  take(address: string, now = Date.now()): number {
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(address) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.buckets.delete(address);
    this.buckets.set(address, b);
    if (this.buckets.size > this.maxAddresses) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
  }
}
