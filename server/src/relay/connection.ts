import type { WebSocket } from 'ws';
import { CloseCode } from '../../../shared/src/protocol/close-codes';
import type { Grant } from '../auth/tokens';
import type { Logger } from '../log';

let nextId = 1;

/**
 * One client socket: the transport side (send, close, rate limits, liveness).
 * What a message means is decided by its Room.
 */
export class Connection {
  readonly id = nextId++;
  readonly readOnly: boolean;
  /** Told the client once that its writes are refused. */
  deniedSent = false;
  closed = false;
  private tokens: number;
  private lastRefill = Date.now();

  constructor(
    readonly ws: WebSocket,
    readonly grant: Grant,
    readonly log: Logger,
    private readonly limits: { awarenessRatePerSec: number; maxBufferedBytes: number },
  ) {
    this.readOnly = grant.role === 'view';
    this.tokens = limits.awarenessRatePerSec * 2;
  }

  send(frame: Uint8Array): void {
    const ws = this.ws;
    if (this.closed || ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.log.warn('slow consumer, closing', { conn: this.id, buffered: ws.bufferedAmount });
      this.close(CloseCode.SlowConsumer, 'slow consumer');
      ws.terminate();
      return;
    }
    ws.send(frame, { binary: true });
  }

  /** Token bucket for awareness messages: rate per second, burst of twice that. */
  takeAwarenessToken(now = Date.now()): boolean {
    const rate = this.limits.awarenessRatePerSec;
    this.tokens = Math.min(rate * 2, this.tokens + ((now - this.lastRefill) / 1000) * rate);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
  }
}
