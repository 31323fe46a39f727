import type { Socket } from 'node:net';
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

  /** The TCP socket under ws, for pre-framed broadcast writes (see wireFrame). */
  private get socket(): Socket | undefined {
    return (this.ws as unknown as { _socket?: Socket })._socket;
  }

  /**
   * Writes bytes already encoded as WebSocket frames (wireFrame), in one
   * socket write (one syscall, no cork/writev machinery). Safe next to
   * ws.send because the relay never compresses or sends Blobs, so ws's own
   * sender never holds data back.
   */
  sendWire(frames: Uint8Array): void {
    const ws = this.ws;
    if (this.closed || ws.readyState !== ws.OPEN) return;
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    if (socket.writableLength > this.limits.maxBufferedBytes) {
      this.log.warn('slow consumer, closing', { conn: this.id, buffered: socket.writableLength });
      this.close(CloseCode.SlowConsumer, 'slow consumer');
      ws.terminate();
      return;
    }
    socket.write(frames);
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
