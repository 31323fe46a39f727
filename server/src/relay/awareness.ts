import type { AwarenessEntry } from './messages';
import { isNullState, NULL_JSON } from './messages';

/** States older than this are not sent to newcomers (the stock client's own timeout). */
const OUTDATED_MS = 30_000;

interface Held<Owner> {
  clock: number;
  state: Uint8Array;
  updated: number;
  owner: Owner;
}

/**
 * Awareness (presence) of one room, kept as raw JSON bytes: the relay never
 * parses states, it only orders them by clock the way y-protocols does
 * (newer clock wins; a `null` state at the same clock removes).
 */
export class RoomAwareness<Owner> {
  private readonly states = new Map<number, Held<Owner>>();
  /** Last clock seen per client id, also after removal, so stale renewals are refused. */
  private readonly clocks = new Map<number, number>();

  /** Applies entries from owner; returns whether any of them changed something. */
  apply(owner: Owner, entries: readonly AwarenessEntry[], now = Date.now()): boolean {
    let changed = false;
    for (const e of entries) {
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
    return changed;
  }

  /** Removes every state held by owner and returns the entries announcing it. */
  removeOwner(owner: Owner): AwarenessEntry[] {
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

  /** Current, not outdated states, for a newcomer or a query. */
  snapshot(now = Date.now()): AwarenessEntry[] {
    const out: AwarenessEntry[] = [];
    for (const [clientId, held] of this.states) {
      if (now - held.updated < OUTDATED_MS) out.push({ clientId, clock: held.clock, state: held.state });
    }
    return out;
  }

  get size(): number {
    return this.states.size;
  }
}
