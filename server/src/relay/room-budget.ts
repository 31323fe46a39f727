/**
 * How much of the event loop one room may use: a token bucket of milliseconds that
 * refills at `msPerSec` per second (burst: one second's worth). While a room is in
 * debt its frames wait and its sockets stop being read (TCP pushes back on the
 * senders), so a room whose document became expensive to edit slows only itself and
 * every other room keeps getting its turn.
 */
export class RoomBudget {
  private tokens: number;
  private last: number;

  constructor(
    private readonly msPerSec: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = msPerSec;
    this.last = now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.msPerSec, this.tokens + ((t - this.last) / 1000) * this.msPerSec);
    this.last = t;
  }

  /** Records `ms` of work done for the room. */
  charge(ms: number): void {
    this.refill();
    this.tokens -= ms;
  }

  /** Milliseconds until the room may work again (0: now). */
  waitMs(): number {
    this.refill();
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.msPerSec) * 1000);
  }
}
