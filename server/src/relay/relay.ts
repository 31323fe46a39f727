import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode } from '../../../shared/src/protocol/close-codes';
import { WORKSPACE_ID_PATTERN } from '../../../shared/src/protocol/message-types';
import type { Grant, Tokens } from '../auth/tokens';
import type { Logger } from '../log';
import type { Persistence } from '../persistence/persistence';
import type { WorkspaceRegistry } from '../workspaces/registry';
import { Connection } from './connection';
import type { PresenceBus } from './cluster';
import { Room } from './room';
import { UPDATE_LIMITS } from './update-limits';
import { closeReason, relayMetrics } from '../metrics';

export interface RelayOptions {
  maxMessageBytes: number;
  allowedOrigins: string[];
  awarenessRatePerSec: number;
  compactAfterUpdates: number;
  roomCpuMsPerSec: number;
  slowApplyBaseMs: number;
  roomIdleMs: number;
  /** Ping every socket this often; one missed pong closes it. */
  pingIntervalMs?: number;
  /** Presence across relays (REDIS_URL mode). */
  presence?: PresenceBus;
}

type Admission = { ok: true; grant: Grant } | { ok: false; code: number; reason: string };

/**
 * The y-websocket relay: admits sockets on /sync/<workspaceId>?token=…,
 * routes them to Rooms, and shuts down cleanly.
 */
export class Relay {
  readonly rooms = new Map<string, Room>();
  private readonly wss: WebSocketServer;
  private readonly pinger: NodeJS.Timeout;
  private stopping = false;
  /** Sockets pinged in the last sweep that have not answered since. */
  private readonly unanswered = new WeakSet<WebSocket>();

  constructor(
    private readonly store: Persistence,
    private readonly registry: WorkspaceRegistry,
    private readonly tokens: Tokens,
    private readonly log: Logger,
    private readonly opts: RelayOptions,
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes, perMessageDeflate: false, clientTracking: true });
    this.pinger = setInterval(() => this.sweep(), opts.pingIntervalMs ?? 30_000);
    this.pinger.unref();
  }

  /** HTTP upgrade handler. Returns false when the path is not ours (caller answers 404). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://x');
    } catch {
      return false;
    }
    if (url.pathname !== '/sync' && !url.pathname.startsWith('/sync/')) return false;
    socket.on('error', () => socket.destroy());
    const workspaceId = url.pathname.slice('/sync/'.length);
    void this.admit(req, url, workspaceId).then(
      (admission) => this.upgrade(req, socket, head, workspaceId, admission),
      (err: Error) => {
        // A shared store (Redis) that cannot be reached: retryable, like a refused write.
        if (this.store.accepting && !this.store.accepting()) {
          this.log.warn('admission: storage unavailable', { room: workspaceId.slice(0, 64) });
          this.upgrade(req, socket, head, workspaceId, { ok: false, code: this.store.unavailableCode ?? CloseCode.TryAgainLater, reason: 'storage unavailable' });
          return;
        }
        this.log.error('admission failed', { err });
        this.upgrade(req, socket, head, workspaceId, { ok: false, code: CloseCode.InternalError, reason: 'internal error' });
      },
    );
    return true;
  }

  private async admit(req: IncomingMessage, url: URL, workspaceId: string): Promise<Admission> {
    if (this.stopping) return { ok: false, code: CloseCode.GoingAway, reason: 'server shutting down' };
    const origin = req.headers.origin;
    if (this.opts.allowedOrigins.length > 0 && (!origin || !this.opts.allowedOrigins.includes(origin))) {
      return { ok: false, code: CloseCode.ForbiddenOrigin, reason: 'origin not allowed' };
    }
    if (!WORKSPACE_ID_PATTERN.test(workspaceId)) return { ok: false, code: CloseCode.NotFound, reason: 'bad workspace id' };
    const grant = await this.tokens.verify(url.searchParams.get('token'));
    if (!grant || grant.ws !== workspaceId) return { ok: false, code: CloseCode.Unauthorized, reason: 'unauthorized' };
    const ws = await this.registry.get(workspaceId);
    if (!ws || ws.gen !== grant.gen) return { ok: false, code: CloseCode.Unauthorized, reason: 'unauthorized' };
    return { ok: true, grant };
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, workspaceId: string, admission: Admission): void {
    if (socket.destroyed) return;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      if (!admission.ok) {
        // Accept, then close: a refused upgrade looks like a network error (1006) to browsers and is retried forever.
        this.log.warn('socket refused', { room: workspaceId.slice(0, 64), code: admission.code, reason: admission.reason, ip: req.socket.remoteAddress });
        relayMetrics.closes.inc({ reason: closeReason(admission.code) });
        ws.close(admission.code, admission.reason);
        return;
      }
      if (this.stopping) {
        ws.close(CloseCode.GoingAway, 'server shutting down');
        return;
      }
      this.attach(ws, workspaceId, admission.grant);
    });
  }

  private attach(ws: WebSocket, workspaceId: string, grant: Grant): void {
    const conn = new Connection(ws, grant, this.log, {
      awarenessRatePerSec: this.opts.awarenessRatePerSec,
      maxBufferedBytes: Math.max(64 * 1024 * 1024, this.opts.maxMessageBytes * 2),
    });
    const clog = { room: workspaceId, conn: conn.id, role: grant.role };
    let room: Room | null = null;
    const early: Uint8Array[] = [];

    const onFrame = (frame: Uint8Array) => {
      if (!room) {
        early.push(frame);
        return;
      }
      room.receive(conn, frame);
    };

    ws.on('message', (data, isBinary) => {
      this.unanswered.delete(ws);
      if (!isBinary) {
        relayMetrics.rejectedFrames.inc({ reason: 'text_frame' });
        this.log.warn('text frame, closing socket', clog);
        conn.close(CloseCode.BadMessage, 'binary frames only');
        return;
      }
      onFrame(Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data);
    });
    ws.on('pong', () => this.unanswered.delete(ws));
    ws.on('error', (err) => {
      // ws closes with 1009 itself when a frame exceeds maxPayload.
      this.log.warn('socket error', { ...clog, err });
    });
    ws.on('close', (code) => {
      relayMetrics.closes.inc({ reason: closeReason(code) });
      if (code === 1009) relayMetrics.rejectedFrames.inc({ reason: 'too_large' });
      conn.closed = true;
      this.log.debug('socket closed', { ...clog, code });
      room?.remove(conn);
    });

    void this.roomFor(workspaceId).then((r) => {
      if (conn.closed) return;
      room = r;
      r.add(conn);
      this.log.debug('socket joined', clog);
      for (const f of early.splice(0)) onFrame(f);
    });
  }

  /**
   * The live room for id, waiting for a previous one to finish unloading. Also how the
   * iCalendar feed reads a document, so it shares the room's bookkeeping (log sequence,
   * Redis cursor) instead of reading the store behind its back.
   */
  async roomFor(id: string): Promise<Room> {
    for (;;) {
      const room = this.rooms.get(id);
      if (!room) break;
      if (room.state === 'loading' || room.state === 'ready') return room;
      await room.unloaded;
      if (this.rooms.get(id) === room) this.rooms.delete(id);
    }
    const room = new Room(
      id,
      this.store,
      this.log,
      { compactAfterUpdates: this.opts.compactAfterUpdates, idleMs: this.opts.roomIdleMs, cpuMsPerSec: this.opts.roomCpuMsPerSec, limits: UPDATE_LIMITS, slowApplyBaseMs: this.opts.slowApplyBaseMs, presence: this.opts.presence },
      (r) => {
        if (this.rooms.get(id) === r) this.rooms.delete(id);
      },
    );
    this.rooms.set(id, room);
    return room;
  }

  /** After a link rotation: close sockets holding tokens of older generations. */
  revoke(workspaceId: string, currentGen: number): number {
    const room = this.rooms.get(workspaceId);
    if (!room) return 0;
    let n = 0;
    for (const c of room.conns) {
      if (c.grant.gen < currentGen) {
        c.close(CloseCode.Unauthorized, 'link rotated');
        n++;
      }
    }
    return n;
  }

  private sweep(): void {
    for (const ws of this.wss.clients) {
      if (this.unanswered.has(ws)) {
        ws.terminate();
        continue;
      }
      this.unanswered.add(ws);
      ws.ping();
    }
  }

  stats(): { rooms: number; sockets: number } {
    return { rooms: this.rooms.size, sockets: this.wss.clients.size };
  }

  /** Graceful stop: refuse newcomers, make every received update durable, then close sockets with 1001. */
  async shutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.pinger);
    for (const r of this.rooms.values()) r.freeze();
    await Promise.all([...this.rooms.values()].map((r) => r.settle()));
    await this.store.flush();
    for (const ws of this.wss.clients) ws.close(CloseCode.GoingAway, 'server shutting down');
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        for (const ws of this.wss.clients) ws.terminate();
        resolve();
      }, 2000);
      t.unref();
      this.wss.close(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }
}
