import { CloseCode } from '../../../shared/src/protocol/close-codes';
/**
 * Redis key layout (REDIS_URL mode). Every key of one workspace carries the hash tag
 * `{<id>}` so that a document's keys share one cluster slot (the compaction script
 * touches several of them at once).
 *
 *   cc:ws:{<id>}          hash    workspace record: id, name, gen (link generation), createdAt
 *   cc:log:{<id>}         stream  the document's updates since its snapshot: fields r (relay id), u (update)
 *   cc:snap:{<id>}        hash    u (merged snapshot), id (last stream id merged into it), fence
 *   cc:lock:{<id>}        string  compaction lock (SET NX PX), value = holder's token
 *   cc:fence:{<id>}       string  fencing counter (INCR on every lock acquisition)
 *   cc:aw:{<id>}          channel presence (awareness) frames between relays
 *   cc:relay:<relayId>    string  heartbeat of a live relay (PX), gone when it dies
 *   cc:rotated            channel `<workspaceId> <gen>` after a link rotation
 */
export const keys = {
  workspace: (id: string) => `cc:ws:{${id}}`,
  log: (id: string) => `cc:log:{${id}}`,
  snap: (id: string) => `cc:snap:{${id}}`,
  lock: (id: string) => `cc:lock:{${id}}`,
  fence: (id: string) => `cc:fence:{${id}}`,
  awareness: (id: string) => `cc:aw:{${id}}`,
  relay: (relayId: string) => `cc:relay:${relayId}`,
  rotated: 'cc:rotated',
};

/** The workspace id of a `cc:log:{<id>}` or `cc:aw:{<id>}` key. */
export function idOfKey(key: string): string {
  const open = key.indexOf('{');
  return key.slice(open + 1, key.length - 1);
}

/** Stream ids `ms-seq`, compared numerically. */
export function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-');
  const [bm, bs] = b.split('-');
  const d = Number(am) - Number(bm);
  return d !== 0 ? Math.sign(d) : Math.sign(Number(as ?? 0) - Number(bs ?? 0));
}

/** WebSocket close code for "storage (Redis) unreachable: write refused, retry later". Outside 4400-4499, so stock clients reconnect. */
export const STORAGE_UNAVAILABLE = CloseCode.StorageUnavailable;
