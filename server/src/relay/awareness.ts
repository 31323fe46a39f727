import type { AwarenessEntry } from './messages';
import { isNullState, NULL_JSON } from './messages';

/** States older than this are not sent to newcomers (the stock client's own timeout). */
const OUTDATED_MS = 30_000;
/** Presence ids one socket may speak for (a tab has one; reconnects and a second doc in a tab, a few). */
export const MAX_IDS_PER_SOCKET = 4;
/** Largest presence state (a name, a colour, the event being edited, a cursor): a few hundred bytes. */
export const MAX_STATE_BYTES = 4096;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A state every stock client can read: `null` or a JSON object, within the size bound. */
function acceptableState(state: Uint8Array): boolean {
  if (isNullState(state)) return true;
  if (state.length > MAX_STATE_BYTES) return false;
  try {
    const value: unknown = JSON.parse(utf8.decode(state));
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

export interface AppliedAwareness {
  /** Entries that passed the checks (valid state, an id this socket owns), in frame order. */
  accepted: AwarenessEntry[];
  /** Some entry was refused: forward `accepted` re-encoded, not the frame as received. */
  refused: boolean;
  /** Some accepted entry changed the room's presence. */
  changed: boolean;
}

interface Held<Owner> {
  clock: number;
  state: Uint8Array;
  updated: number;
  owner: Owner;
}

/**
 * Awareness (presence) of one room, kept as raw JSON bytes and ordered by clock the way
 * y-protocols does (newer clock wins; a `null` state at the same clock removes).
 *
 * A presence id belongs to the socket that first spoke for it, while that socket holds a live
 * state for it (or until it leaves), and a
 * socket may speak for a few ids only: nobody — a view link included — can overwrite or clear
 * a colleague's presence, or flood newcomers with thousands of ids. A state must be `null` or a
 * JSON object within MAX_STATE_BYTES, since every stock client parses it (invalid JSON throws
 * in all of them); refused entries are dropped and never forwarded.
 */
export class RoomAwareness<Owner> {
  private readonly states = new Map<number, Held<Owner>>();
  /** Last clock seen per client id, also after removal, so stale renewals are refused. */
  private readonly clocks = new Map<number, number>();
  /** Which socket speaks for each id, and the ids of each socket. */
  private readonly owners = new Map<number, Owner>();
  private readonly claims = new Map<Owner, Set<number>>();

  private owns(owner: Owner, clientId: number, now: number, maxIds: number): boolean {
    const current = this.owners.get(clientId);
    if (current === owner) return true;
    if (current !== undefined) {
      // A reconnecting client may come back on a new socket before the old one is noticed
      // dead: once the old socket's state for the id is gone or outdated, the id moves over.
      const held = this.states.get(clientId);
      if (held && now - held.updated < OUTDATED_MS) return false;
      this.claims.get(current)?.delete(clientId);
      this.owners.delete(clientId);
    }
    const mine = this.claims.get(owner) ?? new Set<number>();
    if (mine.size >= maxIds) return false;
    mine.add(clientId);
    this.claims.set(owner, mine);
    this.owners.set(clientId, owner);
    return true;
  }

  /** Applies the acceptable entries from owner (see the class comment) and says what to forward. */
  apply(owner: Owner, entries: readonly AwarenessEntry[], now = Date.now(), maxIds = MAX_IDS_PER_SOCKET): AppliedAwareness {
    let changed = false;
    const accepted: AwarenessEntry[] = [];
    for (const e of entries) {
      if (!acceptableState(e.state) || !this.owns(owner, e.clientId, now, maxIds)) continue;
      accepted.push(e);
      const cur = this.clocks.get(e.clientId);
      const gone = isNullState(e.state);
      const has = this.states.has(e.clientId);
      if (cur === undefined || cur < e.clock || (cur === e.clock && gone && has)) {
        this.clocks.set(e.clientId, e.clock);
        if (gone) this.states.delete(e.clientId);
        // Copy: the entry is a view into a frame buffer that ws may reuse.
        else this.states.set(e.clientId, { clock: e.clock, state: new Uint8Array(e.state), updated: now, owner });
        changed = true;
      }
    }
    return { accepted, refused: accepted.length < entries.length, changed };
  }

  /** Removes every state held by owner and returns the entries announcing it. */
  removeOwner(owner: Owner): AwarenessEntry[] {
    for (const id of this.claims.get(owner) ?? []) this.owners.delete(id);
    this.claims.delete(owner);
    const out: AwarenessEntry[] = [];
    for (const [clientId, held] of this.states) {
      if (held.owner !== owner) continue;
      this.states.delete(clientId);
      const clock = held.clock + 1;
      this.clocks.set(clientId, clock);
      out.push({ clientId, clock, state: NULL_JSON });
    }
    return out;
  }

  /** Current, not outdated states (of the owners `only` accepts), for a newcomer or a query. */
  snapshot(now = Date.now(), only?: (owner: Owner) => boolean): AwarenessEntry[] {
    const out: AwarenessEntry[] = [];
    for (const [clientId, held] of this.states) {
      if (now - held.updated < OUTDATED_MS && (!only || only(held.owner))) out.push({ clientId, clock: held.clock, state: held.state });
    }
    return out;
  }

  get size(): number {
    return this.states.size;
  }
}
