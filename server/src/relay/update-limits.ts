import * as Y from 'yjs';
import { ContentRef, NONE, scanUpdate, UpdateScanError, type UpdateShape } from './update-scan';

/**
 * What one update may cost the relay, judged from its structure and the room's
 * document before it is applied. Yjs applies well-formed updates in time that grows
 * with the square of some shapes (see the hostile-client suite); each rule below
 * bounds one of them. The limits are far above what editing produces (a first upload
 * of 10,000 activities is 90,000 structs with every rule at zero) and are listed in
 * server/PROTOCOL.md. A refused update is not applied, stored or forwarded.
 */
export interface UpdateLimits {
  /** Structs in one update. */
  maxStructs: number;
  /** Delete-set ranges in one update. */
  maxDeletes: number;
  /**
   * Yjs merges a run of one-item inserts of JSON values by copying the array once per
   * item: Σ (run length)² / 2 element copies over the update's runs.
   */
  maxMergeCopies: number;
  /**
   * Items of one update inserted at the same place (same origin and right origin). An
   * editor never makes more than a few; thousands are accepted cheaply but make every
   * later insert there scan them all.
   */
  maxSiblings: number;
  /** Nesting of shared types (our schema uses 3). */
  maxDepth: number;
  /**
   * Items Yjs must step over to place the update's items among concurrent ones already in
   * the document (YATA conflict resolution), summed over the update.
   */
  maxConflictSteps: number;
  /** Structs that wait for ids the document does not have (held in memory by Yjs). */
  maxPendingStructs: number;
  /** Delete ranges for ids the document does not have (re-applied with every later update). */
  maxPendingDeletes: number;
  /** Refuse more pending structs once the room already holds this many bytes of them. */
  maxRoomPendingBytes: number;
  /**
   * The same for pending deletions, lower: Yjs re-reads all of them with every later
   * update (100,000 phantom ranges, 600 KB, cost every edit of the room 190 ms).
   */
  maxRoomPendingDeleteBytes: number;
}

export const UPDATE_LIMITS: UpdateLimits = {
  maxStructs: 300_000,
  maxDeletes: 100_000,
  maxMergeCopies: 2_000_000,
  maxSiblings: 100,
  maxDepth: 32,
  maxConflictSteps: 20_000,
  maxPendingStructs: 1_000,
  maxPendingDeletes: 1_000,
  maxRoomPendingBytes: 256 * 1024,
  maxRoomPendingDeleteBytes: 16 * 1024,
};

export interface Refusal {
  rule: keyof UpdateLimits | 'malformed';
  message: string;
}

/**
 * For updates read back from storage: only the rules about what applying costs (runs
 * to merge, conflicts to resolve), so what an older relay stored cannot make loading
 * more than linear. The others count per update, and a compacted snapshot holds the
 * whole document in one; skipping it would lose the workspace. (Pending parts beyond
 * the room's limit are trimmed after loading instead: Room.load.)
 */
export const STORED_LIMITS: UpdateLimits = {
  ...UPDATE_LIMITS,
  maxStructs: Infinity,
  maxDeletes: Infinity,
  maxSiblings: Infinity,
  maxDepth: Infinity,
  maxPendingStructs: Infinity,
  maxPendingDeletes: Infinity,
  maxRoomPendingBytes: Infinity,
  maxRoomPendingDeleteBytes: Infinity,
};

/**
 * Judges `update` against `doc` (read only). Returns null when it may be applied.
 * Linear in the update's size plus at most `maxConflictSteps` steps through the document.
 */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, limits: UpdateLimits = UPDATE_LIMITS): Refusal | null {
  let shape: UpdateShape;
  try {
    shape = scanUpdate(update, limits);
  } catch (err) {
    const message = (err as Error).message;
    if (err instanceof UpdateScanError && /^more than/.test(message)) {
      return { rule: message.includes('delete') ? 'maxDeletes' : 'maxStructs', message: `update has ${message}` };
    }
    return { rule: 'malformed', message };
  }
  return new Checker(doc, shape, limits).run();
}

class Checker {
  private readonly store: Y.Doc['store'];
  /** client -> [first index, end index, first clock, end clock] of its section(s) in the update. */
  private readonly sectionsOf = new Map<number, Array<[number, number, number, number]>>();
  /** client -> delete ranges of this update, sorted by clock. */
  private readonly deletedOf = new Map<number, Array<[number, number]>>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly s: UpdateShape,
    private readonly limits: UpdateLimits,
  ) {
    this.store = doc.store;
    let at = 0;
    for (const [client, from, to] of s.sections) {
      let n = 0;
      while (at + n < s.client.length && s.client[at + n] === client && (n === 0 || s.clock[at + n] === s.clock[at + n - 1]! + s.length[at + n - 1]!)) n++;
      const list = this.sectionsOf.get(client) ?? [];
      list.push([at, at + n, from, to]);
      this.sectionsOf.set(client, list);
      at += n;
    }
    for (const [client, clock, len] of s.deletes) {
      const list = this.deletedOf.get(client) ?? [];
      list.push([clock, clock + len]);
      this.deletedOf.set(client, list);
    }
    for (const list of this.deletedOf.values()) list.sort((a, b) => a[0] - b[0]);
  }

  run(): Refusal | null {
    return this.pending() ?? this.merges() ?? this.siblings() ?? this.depth() ?? this.conflicts();
  }

  /** Clock after the last struct the document holds for `client`. */
  private docState(client: number): number {
    const structs = this.store.clients.get(client);
    if (!structs || structs.length === 0) return 0;
    const last = structs[structs.length - 1]!;
    return last.id.clock + last.length;
  }

  /** Clock up to which ids of `client` exist once this update is applied (without waiting). */
  private known(client: number): number {
    let state = this.docState(client);
    const sections = this.sectionsOf.get(client);
    if (sections) for (const [, , from, to] of [...sections].sort((a, b) => a[2] - b[2])) if (from <= state) state = Math.max(state, to);
    return state;
  }

  private knownCache = new Map<number, number>();
  private isKnown(client: number, clock: number): boolean {
    let k = this.knownCache.get(client);
    if (k === undefined) this.knownCache.set(client, (k = this.known(client)));
    return clock < k;
  }

  private inDoc(client: number, clock: number): boolean {
    return clock < this.docState(client);
  }

  private pending(): Refusal | null {
    const s = this.s;
    let structs = 0;
    for (let i = 0; i < s.client.length; i++) {
      // A struct after a gap in its own client's clocks waits too.
      const waits =
        !this.isKnown(s.client[i]!, s.clock[i]!) ||
        (s.originClient[i] !== NONE && !this.isKnown(s.originClient[i]!, s.originClock[i]!)) ||
        (s.rightClient[i] !== NONE && !this.isKnown(s.rightClient[i]!, s.rightClock[i]!)) ||
        (s.parentClient[i] !== NONE && !this.isKnown(s.parentClient[i]!, s.parentClock[i]!));
      if (waits) structs++;
    }
    if (structs > this.limits.maxPendingStructs) {
      return { rule: 'maxPendingStructs', message: `${structs} structs refer to ids the document does not have (limit ${this.limits.maxPendingStructs})` };
    }
    const held = this.store.pendingStructs?.update.length ?? 0;
    if (structs > 0 && held > this.limits.maxRoomPendingBytes) {
      return { rule: 'maxRoomPendingBytes', message: `the room already holds ${held} bytes of structs waiting for missing ids` };
    }
    let deletes = 0;
    for (const [client, clock, len] of s.deletes) if (!this.isKnown(client, clock + len - 1)) deletes++;
    if (deletes > this.limits.maxPendingDeletes) {
      return { rule: 'maxPendingDeletes', message: `${deletes} deletions refer to ids the document does not have (limit ${this.limits.maxPendingDeletes})` };
    }
    const heldDs = this.store.pendingDs?.length ?? 0;
    if (deletes > 0 && heldDs > this.limits.maxRoomPendingDeleteBytes) {
      return { rule: 'maxRoomPendingDeleteBytes', message: `the room already holds ${heldDs} bytes of deletions waiting for missing ids` };
    }
    return null;
  }

  private deletedHere(client: number, clock: number, len: number): boolean {
    const list = this.deletedOf.get(client);
    if (!list) return false;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]![1] <= clock) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length && list[lo]![0] < clock + len;
  }

  /**
   * Runs of adjacent one-client inserts that Yjs would merge by copying JSON arrays: each
   * merge copies the run so far (Array#concat), so a run of n one-item inserts costs n²/2.
   */
  private merges(): Refusal | null {
    const s = this.s;
    let copies = 0;
    let run = 0;
    for (let i = 0; i < s.client.length; i++) {
      const ref = s.ref[i]!;
      const copying = (ref === ContentRef.Any || ref === ContentRef.JSON) && !this.deletedHere(s.client[i]!, s.clock[i]!, s.length[i]!);
      const continues =
        copying &&
        run > 0 &&
        s.client[i] === s.client[i - 1] &&
        s.ref[i - 1] === ref &&
        s.clock[i] === s.clock[i - 1]! + s.length[i - 1]! &&
        s.originClient[i] === s.client[i] &&
        s.originClock[i] === s.clock[i]! - 1 &&
        s.rightClient[i] === s.rightClient[i - 1] &&
        s.rightClock[i] === s.rightClock[i - 1];
      if (!continues && copying) copies += this.continuedLength(i);
      if (continues) {
        copies += run + s.length[i]!;
        run += s.length[i]!;
        if (copies > this.limits.maxMergeCopies) {
          return { rule: 'maxMergeCopies', message: `merging its runs of unmerged inserts would copy over ${this.limits.maxMergeCopies} values` };
        }
      } else run = copying ? s.length[i]! : 0;
    }
    return null;
  }

  private siblings(): Refusal | null {
    const s = this.s;
    const counts = new Map<string, number>();
    for (let i = 0; i < s.client.length; i++) {
      if (s.originClient[i] === NONE) continue;
      const key = `${s.originClient[i]}:${s.originClock[i]}:${s.rightClient[i]}:${s.rightClock[i]}`;
      const n = (counts.get(key) ?? 0) + 1;
      if (n > this.limits.maxSiblings) {
        return { rule: 'maxSiblings', message: `more than ${this.limits.maxSiblings} items inserted at one place` };
      }
      counts.set(key, n);
    }
    return null;
  }

  /**
   * Values of the document's item that struct i continues (its origin is that item's last
   * id, which the document already has): merging copies them. 0 when it continues nothing.
   */
  private continuedLength(i: number): number {
    const s = this.s;
    const client = s.client[i]!;
    const origin = s.originClock[i]!;
    if (s.originClient[i] !== client || origin !== s.clock[i]! - 1 || !this.inDoc(client, origin)) return 0;
    const left = Y.getItem(this.store, Y.createID(client, origin));
    const copying = left instanceof Y.Item && !left.deleted && (left.content instanceof Y.ContentAny || left.content instanceof Y.ContentJSON);
    return copying && left.id.clock + left.length === s.clock[i] ? left.length : 0;
  }

  /** Index in the update of the struct holding id (client, clock), or -1. */
  private indexOf(client: number, clock: number): number {
    const sections = this.sectionsOf.get(client);
    if (!sections) return -1;
    for (const [a, b, from, to] of sections) {
      if (clock < from || clock >= to) continue;
      let lo = a;
      let hi = b - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.s.clock[mid]! <= clock) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    }
    return -1;
  }

  /** Nesting of the type an existing item holds (root types are 1). */
  private docTypeDepth(item: Y.Item | Y.GC, extra = 0): number {
    let depth = extra;
    let cur: Y.Item | null = item instanceof Y.Item ? item : null;
    while (cur && depth <= this.limits.maxDepth) {
      depth++;
      const parent = cur.parent as Y.AbstractType<any> | null;
      cur = parent && typeof parent === 'object' && '_item' in parent ? parent._item : null;
    }
    return depth;
  }

  /** Depth of the container each struct lands in, computed in order; ids later in the update count as roots. */
  private depth(): Refusal | null {
    const s = this.s;
    const container = new Int32Array(s.client.length);
    const typeDepth = (i: number): number => (s.ref[i] === ContentRef.Type ? container[i]! + 1 : 0);
    const depthOfParentItem = (client: number, clock: number): number => {
      const j = this.indexOf(client, clock);
      if (j >= 0) return j < container.length && container[j]! > 0 ? typeDepth(j) : 1;
      if (!this.inDoc(client, clock)) return 1;
      return this.docTypeDepth(Y.getItem(this.store, Y.createID(client, clock)), 0);
    };
    const containerOfNeighbour = (client: number, clock: number): number => {
      const j = this.indexOf(client, clock);
      if (j >= 0) return container[j]! > 0 ? container[j]! : 1;
      if (!this.inDoc(client, clock)) return 1;
      const item = Y.getItem(this.store, Y.createID(client, clock));
      return item instanceof Y.Item ? this.docTypeDepth(item, 0) - 1 || 1 : 1;
    };
    for (let i = 0; i < s.client.length; i++) {
      let d: number;
      if (s.parentRoot[i] !== null) d = 1;
      else if (s.parentClient[i] !== NONE) d = depthOfParentItem(s.parentClient[i]!, s.parentClock[i]!);
      else if (s.originClient[i] !== NONE) d = containerOfNeighbour(s.originClient[i]!, s.originClock[i]!);
      else if (s.rightClient[i] !== NONE) d = containerOfNeighbour(s.rightClient[i]!, s.rightClock[i]!);
      else d = 1;
      container[i] = d;
      if (typeDepth(i) > this.limits.maxDepth) {
        return { rule: 'maxDepth', message: `shared types nested deeper than ${this.limits.maxDepth}` };
      }
    }
    return null;
  }

  /**
   * For each struct placed next to items already in the document: how many items lie
   * between its left neighbour and its right origin (where Yjs resolves conflicts), or the
   * whole history of a map key it writes without having seen. Bounded walk.
   */
  private conflicts(): Refusal | null {
    const s = this.s;
    const budget = this.limits.maxConflictSteps;
    let steps = 0;
    for (let i = 0; i < s.client.length && steps <= budget; i++) {
      const ref = s.ref[i]!;
      if (ref === ContentRef.GC || ref === ContentRef.Skip) continue;
      if (this.inDoc(s.client[i]!, s.clock[i]!)) continue; // already there: Yjs skips it
      steps += this.zone(i, budget - steps + 1);
    }
    if (steps > budget) {
      return { rule: 'maxConflictSteps', message: `placing the update among concurrent items would take over ${budget} steps` };
    }
    return null;
  }

  private zone(i: number, cap: number): number {
    const s = this.s;
    const store = this.store;
    let right: Y.Item | Y.GC | null = null;
    if (s.rightClient[i] !== NONE) {
      if (this.inDoc(s.rightClient[i]!, s.rightClock[i]!)) right = Y.getItem(store, Y.createID(s.rightClient[i]!, s.rightClock[i]!));
      else if (!this.isKnown(s.rightClient[i]!, s.rightClock[i]!)) return 0; // pending
    }
    let o: Y.Item | null;
    let steps = 0;
    if (s.originClient[i] !== NONE) {
      const oc = s.originClient[i]!;
      const ok = s.originClock[i]!;
      if (!this.inDoc(oc, ok)) return 0; // within this update, or pending
      const left = Y.getItem(store, Y.createID(oc, ok));
      if (!(left instanceof Y.Item)) return 0;
      if (ok < left.id.clock + left.length - 1) {
        // Inserted inside a merged item: its right part is the next item.
        if (s.rightClient[i] === oc && s.rightClock[i] === ok + 1) return 0;
        steps = 1;
      }
      o = left.right;
    } else {
      const parent = this.parentType(i, right);
      if (!parent) return 0;
      if (s.parentSub[i] !== null) {
        o = parent._map.get(s.parentSub[i]!) ?? null;
        while (o && o.left && steps < cap) {
          o = o.left;
          steps++;
        }
      } else o = parent._start;
    }
    while (o && o !== right && steps < cap) {
      steps++;
      o = o.right;
    }
    return steps;
  }

  /** The existing type a struct without origin lands in, if the document has it. */
  private parentType(i: number, right: Y.Item | Y.GC | null): Y.AbstractType<any> | null {
    const s = this.s;
    if (s.parentRoot[i] !== null) return this.doc.share.get(s.parentRoot[i]!) ?? null;
    if (s.parentClient[i] !== NONE) {
      if (!this.inDoc(s.parentClient[i]!, s.parentClock[i]!)) return null;
      const item = Y.getItem(this.store, Y.createID(s.parentClient[i]!, s.parentClock[i]!));
      return item instanceof Y.Item && item.content instanceof Y.ContentType ? item.content.type : null;
    }
    if (right instanceof Y.Item && right.parent && typeof right.parent === 'object') return right.parent as Y.AbstractType<any>;
    return null;
  }
}
