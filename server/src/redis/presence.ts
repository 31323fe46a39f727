import type { RedisClientType } from 'redis';
import type { Logger } from '../log';
import type { PresenceBus, PresenceLink, PresenceMember } from '../relay/cluster';
import { keys } from './keys';
import type { RedisStore } from './store';

const AWARENESS = 0;
const QUERY = 1;

/**
 * Presence between relays over Redis pub/sub (channel `cc:aw:{<room>}`), plus link-rotation
 * notices (`cc:rotated`) and relay heartbeats (`cc:relay:<id>`, PX).
 *
 * Pub/sub delivers at most once, which suits presence: stock clients renew their state every
 * 15 s, and a relay opening a room asks the others for their clients' states (QUERY). A relay
 * that dies stops heartbeating; every `heartbeatMs` the survivors check the relays whose
 * clients they show and remove those states when the key has expired.
 */
export class RedisPresence implements PresenceBus {
  private readonly members = new Map<string, Set<PresenceMember>>();
  private readonly knownRelays = new Set<string>();
  private readonly timer: NodeJS.Timeout;
  private closed = false;
  onRotated: ((workspaceId: string, gen: number) => void) | null = null;

  private constructor(
    private readonly store: RedisStore,
    private readonly sub: RedisClientType,
    private readonly log: Logger,
    private readonly heartbeatMs: number,
  ) {
    this.timer = setInterval(() => void this.beat(), heartbeatMs);
    this.timer.unref();
  }

  static async open(store: RedisStore, log: Logger, heartbeatMs = 3000): Promise<RedisPresence> {
    const sub = store.duplicate();
    sub.on('error', () => undefined); // reported by the store's connections
    await sub.connect();
    const bus = new RedisPresence(store, sub, log, heartbeatMs);
    await sub.subscribe(keys.rotated, (msg: string) => {
      const [id, gen] = msg.split(' ');
      if (id && gen) bus.onRotated?.(id, Number(gen));
    });
    await bus.beat();
    return bus;
  }

  private get relayId(): string {
    return this.store.relayId;
  }

  private frame(kind: number, body?: Uint8Array): Buffer {
    const id = Buffer.from(this.relayId);
    return Buffer.concat([Buffer.from([kind, id.length]), id, body ?? Buffer.alloc(0)]);
  }

  join(roomId: string, member: PresenceMember): PresenceLink {
    let set = this.members.get(roomId);
    const channel = keys.awareness(roomId);
    if (!set) {
      set = new Set();
      this.members.set(roomId, set);
      this.sub
        .subscribe(channel, (msg: Buffer) => this.receive(roomId, msg), true)
        .then(() => this.publish(channel, this.frame(QUERY)))
        .catch((err: Error) => this.log.warn('redis: presence subscribe failed', { room: roomId, err }));
    }
    set.add(member);
    return {
      publish: (frame) => this.publish(channel, this.frame(AWARENESS, frame)),
      leave: () => {
        const s = this.members.get(roomId);
        if (!s?.delete(member) || s.size > 0) return;
        this.members.delete(roomId);
        this.sub.unsubscribe(channel).catch(() => undefined);
      },
    };
  }

  private publish(channel: string, msg: Buffer): void {
    if (this.closed || !this.store.cmd.isReady) return; // at most once anyway; renewals follow
    this.store.ops++;
    this.store.cmd.sendCommand(['PUBLISH', channel, msg]).catch(() => undefined);
  }

  private receive(roomId: string, msg: Buffer): void {
    if (msg.length < 2) return;
    const kind = msg[0]!;
    const idLen = msg[1]!;
    const from = msg.subarray(2, 2 + idLen).toString();
    if (from === this.relayId) return;
    const members = this.members.get(roomId);
    if (!members) return;
    this.knownRelays.add(from);
    for (const m of members) {
      try {
        if (kind === AWARENESS) m.onRemoteAwareness(from, new Uint8Array(msg.subarray(2 + idLen)));
        else if (kind === QUERY) m.onQuery();
      } catch (err) {
        this.log.error('redis: presence message failed', { room: roomId, err: err as Error });
      }
    }
  }

  publishRotation(workspaceId: string, gen: number): void {
    if (!this.store.cmd.isReady) return;
    this.store.ops++;
    this.store.cmd.sendCommand(['PUBLISH', keys.rotated, `${workspaceId} ${gen}`]).catch(() => undefined);
  }

  /** Heartbeat, and clear the presence of relays whose heartbeat expired. */
  private async beat(): Promise<void> {
    if (this.closed || !this.store.cmd.isReady) return;
    const cmd = this.store.cmd;
    try {
      this.store.ops++;
      await cmd.sendCommand(['SET', keys.relay(this.relayId), String(Date.now()), 'PX', String(this.heartbeatMs * 3)]);
      const relays = [...this.knownRelays];
      this.store.ops += relays.length;
      const alive = await Promise.all(relays.map((r) => cmd.sendCommand(['EXISTS', keys.relay(r)])));
      relays.forEach((r, i) => {
        if (Number(alive[i]) !== 0) return;
        this.knownRelays.delete(r);
        this.log.info('redis: relay gone, clearing its presence', { relay: r });
        for (const set of this.members.values()) for (const m of set) m.onRelayGone(r);
      });
    } catch {
      /* Redis unreachable: try again next beat */
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    try {
      if (this.store.cmd.isReady) await this.store.cmd.sendCommand(['DEL', keys.relay(this.relayId)]);
    } catch {
      /* expires by itself */
    }
    await this.sub.close().catch(() => undefined);
  }
}
