import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { sameBytes } from './bytes';

/**
 * A synchronous copy of each change until IndexedDB has committed it.
 *
 * y-dexie stores every Y.Doc update with its own IndexedDB transaction, which commits some
 * milliseconds later (over a hundred on a slow machine). A reload or a closed tab in between aborts
 * the transaction and the edit is gone, though the screen had shown it saved
 * (test/browser/durability.test.ts). localStorage is written synchronously, so each update is copied
 * there first, removed once the transaction that stored it completes, and applied again the next time
 * the workspace opens (Yjs ignores what the doc already has).
 */

const PREFIX = 'cc-unsaved:';
/** Updates this large are a relay's first sync or a big import: too large for localStorage's few MB. */
const MAX_BYTES = 1 << 20;
/** y-dexie's table of stored updates for WorkspaceRow.doc (`$<table>.<prop>_updates`). */
export const UPDATES_TABLE = '$workspaces.doc_updates';

interface Pending {
  key: string;
  update: Uint8Array;
}

/** Copies not yet known to be committed, across open workspaces (usually none or one). */
const pending = new Set<Pending>();
const tab = Math.random().toString(36).slice(2, 10);
let seq = 0;

const wsPrefix = (ws: string) => `${PREFIX}${ws}:`;

/** The keys of a workspace's copies (collected first: removing while walking `store.key(i)` would skip some). */
function keysOf(store: Storage, ws: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(wsPrefix(ws))) keys.push(key);
  }
  return keys;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

/**
 * Copy every update of `doc` not loaded from IndexedDB (`isStored(origin)`) until it is committed.
 * Attach it before y-dexie's provider: its copy must exist when y-dexie's write reaches the middleware.
 */
export function journalUpdates(ws: string, doc: Y.Doc, isStored: (origin: unknown) => boolean): () => void {
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (isStored(origin) || update.length > MAX_BYTES) return;
    const store = storage();
    if (!store) return;
    const key = `${wsPrefix(ws)}${tab}:${++seq}`;
    try {
      store.setItem(key, toBase64(update));
    } catch {
      return; // quota: no worse than without the copy
    }
    pending.add({ key, update });
  };
  doc.on('updateV2', onUpdate);
  return () => doc.off('updateV2', onUpdate);
}

/**
 * Apply the copies a previous page left for `ws` (its writes were cut short), then drop them: what was
 * new to the doc is a fresh update, which y-dexie stores and the journal copies again.
 * Returns how many copies were read.
 */
export function replayUnsaved(ws: string, doc: Y.Doc): number {
  const store = storage();
  if (!store) return 0;
  const mine = new Set([...pending].map((p) => p.key));
  const keys = keysOf(store, ws).filter((key) => !mine.has(key));
  Y.transact(doc, () => {
    for (const key of keys) {
      try {
        Y.applyUpdateV2(doc, fromBase64(store.getItem(key) ?? ''));
      } catch {
        // A damaged copy (edited by hand, or cut short) holds nothing we can apply.
      }
    }
  }, 'unsaved-journal');
  for (const key of keys) store.removeItem(key);
  return keys.length;
}

/** Forget every copy for a workspace that is being deleted from this device. */
export function dropUnsaved(ws: string): void {
  const store = storage();
  if (!store) return;
  for (const p of [...pending]) if (p.key.startsWith(wsPrefix(ws))) pending.delete(p);
  for (const key of keysOf(store, ws)) store.removeItem(key);
}

function committed(entries: Pending[]): void {
  const store = storage();
  for (const p of entries) {
    pending.delete(p);
    store?.removeItem(p.key);
  }
}

/**
 * Dexie middleware: when a transaction that adds stored updates completes, the copies of those updates
 * are no longer needed. An aborted transaction keeps them for the next open.
 */
export const journalMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'unsavedJournal',
  create: (down) => ({
    ...down,
    table(name: string): DBCoreTable {
      const table = down.table(name);
      if (name !== UPDATES_TABLE) return table;
      return {
        ...table,
        mutate(req: DBCoreMutateRequest) {
          if (req.type === 'add' && pending.size > 0) {
            const written = [...pending].filter((p) =>
              req.values.some((v: { u?: unknown }) => v.u instanceof Uint8Array && sameBytes(v.u, p.update)),
            );
            const trans = req.trans as unknown as EventTarget;
            if (written.length > 0) trans.addEventListener('complete', () => committed(written));
          }
          return table.mutate(req);
        },
      };
    },
  }),
};
