import * as decoding from 'lib0/decoding';

/**
 * A structural reading of a Yjs update (format v1, what y-websocket sends) that
 * creates no Yjs objects: enough to judge what applying it would cost before it
 * touches a document (see update-limits.ts). It mirrors Yjs's own reader
 * (readClientsStructRefs, readItemContent, readDeleteSet) so lengths and clocks come
 * out the same; test/server/update-scan.test.ts checks it against Y.decodeUpdate.
 *
 * Struct fields live in parallel number arrays rather than one object per struct:
 * an update may hold hundreds of thousands of them.
 */
export const enum ContentRef {
  GC = 0,
  Deleted = 1,
  JSON = 2,
  Binary = 3,
  String = 4,
  Embed = 5,
  Format = 6,
  Type = 7,
  Any = 8,
  Doc = 9,
  Skip = 10,
}

/** No id (origin, right origin or parent absent). */
export const NONE = -1;

export interface UpdateShape {
  /** Per struct, in the order written (client sections one after another). */
  client: number[];
  clock: number[];
  length: number[];
  ref: number[];
  originClient: number[];
  originClock: number[];
  rightClient: number[];
  rightClock: number[];
  /** Parent written explicitly: a root type's name, or the id of the item holding the parent type. */
  parentRoot: Array<string | null>;
  parentClient: number[];
  parentClock: number[];
  parentSub: Array<string | null>;
  /** Per client section: [client, first clock, clock after the last struct]. */
  sections: Array<[client: number, from: number, to: number]>;
  /** Delete set: [client, clock, length] per range. */
  deletes: Array<[client: number, clock: number, len: number]>;
}

export class UpdateScanError extends Error {}

/**
 * Reads the update's structure; stops with UpdateScanError past `maxStructs` structs or
 * `maxDeletes` delete ranges (so a huge count costs nothing to refuse) or when the bytes
 * do not parse.
 */
export function scanUpdate(update: Uint8Array, limits: { maxStructs: number; maxDeletes: number }): UpdateShape {
  const d = decoding.createDecoder(update);
  const s: UpdateShape = {
    client: [],
    clock: [],
    length: [],
    ref: [],
    originClient: [],
    originClock: [],
    rightClient: [],
    rightClock: [],
    parentRoot: [],
    parentClient: [],
    parentClock: [],
    parentSub: [],
    sections: [],
    deletes: [],
  };
  try {
    const sections = decoding.readVarUint(d);
    for (let i = 0; i < sections; i++) {
      const n = decoding.readVarUint(d);
      if (s.client.length + n > limits.maxStructs) throw new UpdateScanError(`more than ${limits.maxStructs} structs`);
      const client = decoding.readVarUint(d);
      let clock = decoding.readVarUint(d);
      const from = clock;
      for (let j = 0; j < n; j++) {
        const info = decoding.readUint8(d);
        const ref = info & 0b11111;
        let origin: [number, number] | null = null;
        let right: [number, number] | null = null;
        let root: string | null = null;
        let parent: [number, number] | null = null;
        let sub: string | null = null;
        let len: number;
        if (ref === ContentRef.GC || ref === ContentRef.Skip) {
          len = decoding.readVarUint(d);
        } else {
          if (info & 0x80) origin = [decoding.readVarUint(d), decoding.readVarUint(d)];
          if (info & 0x40) right = [decoding.readVarUint(d), decoding.readVarUint(d)];
          if ((info & 0xc0) === 0) {
            if (decoding.readVarUint(d) === 1) root = decoding.readVarString(d);
            else parent = [decoding.readVarUint(d), decoding.readVarUint(d)];
            if (info & 0x20) sub = decoding.readVarString(d);
          }
          len = readContent(d, ref);
        }
        if (len < 1 && ref !== ContentRef.String) throw new UpdateScanError('empty struct');
        s.client.push(client);
        s.clock.push(clock);
        s.length.push(len);
        s.ref.push(ref);
        s.originClient.push(origin ? origin[0] : NONE);
        s.originClock.push(origin ? origin[1] : NONE);
        s.rightClient.push(right ? right[0] : NONE);
        s.rightClock.push(right ? right[1] : NONE);
        s.parentRoot.push(root);
        s.parentClient.push(parent ? parent[0] : NONE);
        s.parentClock.push(parent ? parent[1] : NONE);
        s.parentSub.push(sub);
        clock += len;
      }
      s.sections.push([client, from, clock]);
    }
    const dsClients = decoding.readVarUint(d);
    for (let i = 0; i < dsClients; i++) {
      const client = decoding.readVarUint(d);
      const ranges = decoding.readVarUint(d);
      if (s.deletes.length + ranges > limits.maxDeletes) throw new UpdateScanError(`more than ${limits.maxDeletes} delete ranges`);
      for (let j = 0; j < ranges; j++) s.deletes.push([client, decoding.readVarUint(d), decoding.readVarUint(d)]);
    }
  } catch (err) {
    if (err instanceof UpdateScanError) throw err;
    throw new UpdateScanError(`malformed update: ${(err as Error).message}`);
  }
  return s;
}

/** Skips one item's content and returns its length in clock units (as ContentX.getLength()). */
function readContent(d: decoding.Decoder, ref: number): number {
  switch (ref) {
    case ContentRef.Deleted:
      return decoding.readVarUint(d);
    case ContentRef.JSON: {
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) decoding.readVarString(d);
      return n;
    }
    case ContentRef.Binary:
      decoding.readVarUint8Array(d);
      return 1;
    case ContentRef.String:
      return decoding.readVarString(d).length;
    case ContentRef.Embed:
      decoding.readVarString(d);
      return 1;
    case ContentRef.Format:
      decoding.readVarString(d);
      decoding.readVarString(d);
      return 1;
    case ContentRef.Type: {
      const typeRef = decoding.readVarUint(d);
      if (typeRef > 6) throw new UpdateScanError(`unknown type ${typeRef}`);
      // YXmlElement and YXmlHook carry a name.
      if (typeRef === 3 || typeRef === 5) decoding.readVarString(d);
      return 1;
    }
    case ContentRef.Any: {
      const n = decoding.readVarUint(d);
      skipAny(d, n);
      return n;
    }
    case ContentRef.Doc:
      decoding.readVarString(d);
      skipAny(d, 1);
      return 1;
    default:
      throw new UpdateScanError(`unknown content ${ref}`);
  }
}

/** Skips a length-prefixed byte run (a string's UTF-8 or a buffer) without decoding it. */
function skipBytes(d: decoding.Decoder): void {
  const len = decoding.readVarUint(d);
  if (d.pos + len > d.arr.length) throw new UpdateScanError('length past the end');
  d.pos += len;
}

/**
 * Skips `count` values in lib0's `writeAny` format (what ContentAny holds) without
 * building them; with its own stack, so nesting cannot overflow the call stack.
 */
function skipAny(d: decoding.Decoder, count: number): void {
  // Each frame: values left to skip in one container, and whether a key precedes each (objects).
  const stack: Array<{ left: number; keyed: boolean }> = [{ left: count, keyed: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.left === 0) {
      stack.pop();
      continue;
    }
    top.left--;
    if (top.keyed) skipBytes(d);
    const type = decoding.readUint8(d);
    switch (type) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        break;
      case 125:
        decoding.readVarInt(d);
        break;
      case 124:
        d.pos += 4;
        break;
      case 123:
      case 122:
        d.pos += 8;
        break;
      case 119: // string
      case 116: // Uint8Array
        skipBytes(d);
        break;
      case 118: // object: n × (key, value)
        stack.push({ left: decoding.readVarUint(d), keyed: true });
        break;
      case 117: // array
        stack.push({ left: decoding.readVarUint(d), keyed: false });
        break;
      default:
        throw new UpdateScanError(`unknown value type ${type}`);
    }
    if (d.pos > d.arr.length) throw new UpdateScanError('value past the end');
  }
}
