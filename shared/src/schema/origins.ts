import * as Y from 'yjs';

/**
 * Transaction origins. Every write through these accessors carries one, so observers can
 * tell a user's own edit from a synced, loaded or undone one, and the client's
 * Y.UndoManager can track only what the local user did (an undo must never revert a
 * colleague's edit or the initial load from IndexedDB).
 *
 * Origins are compared by identity (that is how Y.UndoManager's trackedOrigins works),
 * so always pass these exact frozen objects, never a look-alike literal.
 */
export type OriginKind = 'local' | 'remote' | 'persistence' | 'system' | 'undo';

export interface TxOrigin {
  readonly kind: Exclude<OriginKind, 'undo'>;
}

/** An edit made by the person at this device; the only origin the UndoManager tracks. */
export const LOCAL_ORIGIN: TxOrigin = Object.freeze({ kind: 'local' });
/** Updates received from the relay or another peer. */
export const REMOTE_ORIGIN: TxOrigin = Object.freeze({ kind: 'remote' });
/** Updates replayed from local storage when a workspace opens. */
export const PERSISTENCE_ORIGIN: TxOrigin = Object.freeze({ kind: 'persistence' });
/** Housekeeping the user did not ask for directly (initialisation, migrations). */
export const SYSTEM_ORIGIN: TxOrigin = Object.freeze({ kind: 'system' });
/**
 * A record being created by a local command, born in the trash; the command's own
 * LOCAL_ORIGIN write then takes it out (see shared/src/workspace/api.ts). Untracked by undo on
 * purpose: undoing the creation puts the record back in the trash instead of removing it.
 */
export const BIRTH_ORIGIN: TxOrigin = Object.freeze({ kind: 'local' });

/** The set to hand to `new Y.UndoManager(types, { trackedOrigins })`. */
export function undoTrackedOrigins(): Set<unknown> {
  return new Set<unknown>([LOCAL_ORIGIN]);
}

/**
 * Classifies any transaction origin. Undo/redo transactions carry the UndoManager itself
 * as origin; providers may use their own objects, which count as remote because they
 * did not come from this user's hands.
 */
export function originKind(origin: unknown): OriginKind {
  if (origin === LOCAL_ORIGIN || origin === BIRTH_ORIGIN) return 'local';
  if (origin === PERSISTENCE_ORIGIN) return 'persistence';
  if (origin === SYSTEM_ORIGIN) return 'system';
  if (origin instanceof Y.UndoManager) return 'undo';
  return 'remote';
}

/** True for edits the local user made, directly or by undo/redo. */
export function isLocalUserChange(origin: unknown): boolean {
  const kind = originKind(origin);
  return kind === 'local' || kind === 'undo';
}
