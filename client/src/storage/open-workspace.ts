import type * as Y from 'yjs';
import { DexieYProvider } from 'y-dexie';
import { initWorkspaceDoc, readMeta } from '@shared/schema';
import { db } from './db';
import { ensureWorkspace, setRegistryName, touchWorkspace } from './workspace-registry';
import { EventIndex } from './event-index';

export interface OpenWorkspace {
  id: string;
  doc: Y.Doc;
  index: EventIndex;
  close(): void;
}

/**
 * Load a workspace's Y.Doc from IndexedDB (creating an empty one for an unknown id)
 * and bring its event index up to date. Other tabs' edits arrive through y-dexie.
 */
export async function openWorkspace(id: string, nameIfNew = ''): Promise<OpenWorkspace> {
  const row = await ensureWorkspace(id, nameIfNew);
  const doc = row.doc;
  const provider = DexieYProvider.load(doc);
  await provider.whenLoaded;
  initWorkspaceDoc(doc, { name: row.name || nameIfNew });
  const meta = readMeta(doc);
  if (meta.name && meta.name !== row.name) await setRegistryName(id, meta.name);
  void touchWorkspace(id);
  const index = new EventIndex(id, doc);
  await index.start();
  return {
    id,
    doc,
    index,
    close() {
      index.stop();
      DexieYProvider.release(doc);
    },
  };
}

/** Ask once for storage the browser will not evict under pressure; returns whether it is granted. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}

export { db };
