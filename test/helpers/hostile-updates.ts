/**
 * Well-formed Yjs updates (format v1) that are cheap to send and expensive to apply:
 * what a hostile client holding an ordinary edit link can craft. Written by hand with
 * lib0, because Yjs itself never encodes such structure (it merges runs, and its
 * clients never put thousands of concurrent siblings at one position).
 *
 * Used by the hostile-client tests (at sizes that broke the relay before it checked
 * structure) and by `npm run bench:relay -- hostile` at full size.
 */
import * as encoding from 'lib0/encoding';

const enum Ref {
  Deleted = 1,
  Type = 7,
  Any = 8,
}
const YMAP = 1;
const HAS_ORIGIN = 0x80;
const HAS_RIGHT_ORIGIN = 0x40;
const HAS_PARENT_SUB = 0x20;

export interface Id {
  client: number;
  clock: number;
}

/** One struct as the v1 encoder writes it; `parent` only when there is neither origin nor right origin. */
export interface RawItem {
  origin?: Id;
  rightOrigin?: Id;
  parent?: { root: string } | { item: Id };
  parentSub?: string;
  content: { any: unknown[] } | { type: 'map' } | { deleted: number };
}

export interface ClientStructs {
  client: number;
  clock: number;
  items: RawItem[];
}

export interface DeleteRange {
  client: number;
  ranges: Array<[clock: number, len: number]>;
}

/** Encodes structs per client and a delete set as one v1 update. */
export function encodeUpdate(clients: ClientStructs[], ds: DeleteRange[] = []): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, clients.length);
  for (const c of clients) {
    encoding.writeVarUint(e, c.items.length);
    encoding.writeVarUint(e, c.client);
    encoding.writeVarUint(e, c.clock);
    for (const it of c.items) writeItem(e, it);
  }
  encoding.writeVarUint(e, ds.length);
  for (const d of ds) {
    encoding.writeVarUint(e, d.client);
    encoding.writeVarUint(e, d.ranges.length);
    for (const [clock, len] of d.ranges) {
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint(e, len);
    }
  }
  return encoding.toUint8Array(e);
}

function writeItem(e: encoding.Encoder, it: RawItem): void {
  const ref = 'any' in it.content ? Ref.Any : 'type' in it.content ? Ref.Type : Ref.Deleted;
  const info = ref | (it.origin ? HAS_ORIGIN : 0) | (it.rightOrigin ? HAS_RIGHT_ORIGIN : 0) | (it.parentSub !== undefined ? HAS_PARENT_SUB : 0);
  encoding.writeUint8(e, info);
  if (it.origin) writeId(e, it.origin);
  if (it.rightOrigin) writeId(e, it.rightOrigin);
  if (!it.origin && !it.rightOrigin) {
    const parent = it.parent ?? { root: 'a' };
    if ('root' in parent) {
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, parent.root);
    } else {
      encoding.writeVarUint(e, 0);
      writeId(e, parent.item);
    }
    if (it.parentSub !== undefined) encoding.writeVarString(e, it.parentSub);
  }
  if ('any' in it.content) {
    encoding.writeVarUint(e, it.content.any.length);
    for (const v of it.content.any) encoding.writeAny(e, v as never);
  } else if ('type' in it.content) encoding.writeVarUint(e, YMAP);
  else encoding.writeVarUint(e, it.content.deleted);
}

function writeId(e: encoding.Encoder, id: Id): void {
  encoding.writeVarUint(e, id.client);
  encoding.writeVarUint(e, id.clock);
}

/**
 * `n` one-item inserts into root array `root`, each right after the previous one, from
 * one client: Yjs merges such a run on apply, copying the whole array once per item.
 * With `from` it continues a run that an earlier update started (its first item's
 * origin is the last item before `from`).
 */
export function unmergedRun(n: number, opts: { client: number; from?: number; root?: string }): Uint8Array {
  const from = opts.from ?? 0;
  const items: RawItem[] = [];
  for (let i = 0; i < n; i++) {
    const clock = from + i;
    items.push(clock === 0 ? { parent: { root: opts.root ?? 'a' }, content: { any: [i] } } : { origin: { client: opts.client, clock: clock - 1 }, content: { any: [i] } });
  }
  return encodeUpdate([{ client: opts.client, clock: from, items }]);
}

/**
 * `n` items from one client all inserted right after `after` (concurrent siblings at one
 * position): integrating each scans all the others, so cost grows with n².
 */
export function siblingsAt(n: number, opts: { client: number; after: Id; clock?: number }): Uint8Array {
  const items: RawItem[] = Array.from({ length: n }, (_, i) => ({ origin: opts.after, content: { any: [i] } }));
  return encodeUpdate([{ client: opts.client, clock: opts.clock ?? 0, items }]);
}

/** A chain of Y.Maps nested `depth` deep under root map `root`, key `k`. */
export function deepMaps(depth: number, opts: { client: number; root?: string }): Uint8Array {
  const items: RawItem[] = [];
  for (let i = 0; i < depth; i++) {
    items.push({
      parent: i === 0 ? { root: opts.root ?? 'm' } : { item: { client: opts.client, clock: i - 1 } },
      parentSub: 'k',
      content: { type: 'map' },
    });
  }
  return encodeUpdate([{ client: opts.client, clock: 0, items }]);
}

/** A delete set of `n` one-clock ranges spread over clients the document has never seen. */
export function phantomDeletes(n: number, opts: { firstClient: number; clients?: number }): Uint8Array {
  const clients = opts.clients ?? 100;
  const ds: DeleteRange[] = [];
  const per = Math.ceil(n / clients);
  for (let c = 0; c < clients && c * per < n; c++) {
    const ranges: Array<[number, number]> = [];
    for (let i = 0; i < per && c * per + i < n; i++) ranges.push([i * 2, 1]);
    ds.push({ client: opts.firstClient + c, ranges });
  }
  return encodeUpdate([], ds);
}

/**
 * `n` structs from one client that wait for a struct nobody has (client `missing`):
 * Yjs keeps them pending and re-merges them with every later update.
 */
export function pendingStructs(n: number, opts: { client: number; missing: number; clock?: number }): Uint8Array {
  const items: RawItem[] = [{ origin: { client: opts.missing, clock: 1_000_000 }, content: { any: [0] } }];
  for (let i = 1; i < n; i++) items.push({ origin: { client: opts.missing, clock: 1_000_000 + i * 2 }, content: { any: [i] } });
  return encodeUpdate([{ client: opts.client, clock: opts.clock ?? 0, items }]);
}

/** The first item of root array `root` from `client` at clock 0 (something to insert after). */
export function anchor(opts: { client: number; root?: string }): Uint8Array {
  return encodeUpdate([{ client: opts.client, clock: 0, items: [{ parent: { root: opts.root ?? 'a' }, content: { any: ['anchor'] } }] }]);
}

