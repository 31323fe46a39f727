import type * as Y from 'yjs';
import { DexieYProvider } from 'y-dexie';
import { initWorkspaceDoc, migrateWorkspaceDoc, readMeta } from '@shared/schema';
import { db } from './db';
import { ensureWorkspace, setRegistryName, touchWorkspace } from './workspace-registry';
import { EventIndex } from './event-index';
import { readGroupRecords, type GroupRecords } from './group-records';
import { journalUpdates, replayUnsaved } from './unsaved-journal';

export interface OpenWorkspace {
  id: string;
  doc: Y.Doc;
  index: EventIndex;
  /** Name from the device's registry, shown until the doc has loaded. */
  registryName: string;
  /** Plans, sections, campaigns and teams as last persisted (null if never): shown until the doc has loaded. */
  groupRecords: GroupRecords | null;
  /** Resolves once the doc is loaded from IndexedDB and the index is checked against it. */
  loaded: Promise<void>;
  /**
   * Start loading the doc. Applying a large workspace's updates holds the main thread for a
   * while, so the calendar asks for it after its first paint from the index (see CalendarPage).
   */
  load(): void;
  close(): void;
}

/**
 * Open a workspace from IndexedDB (an unknown id becomes an empty local workspace).
 * The persisted event index answers range queries at once, so the calendar paints while
 * the Y.Doc loads; once it has, the index is checked against it (and rebuilt if stale).
 * Other tabs' edits arrive through y-dexie.
 */
export async function openWorkspace(id: string, nameIfNew = ''): Promise<OpenWorkspace> {
  const row = await ensureWorkspace(id, nameIfNew);
  const doc = row.doc;
  const index = new EventIndex(id, doc);
  const [, groupRecords] = await Promise.all([index.prime(), readGroupRecords(id)]);
  let closed = false;
  let provider: DexieYProvider | undefined;
  let stopJournal = () => {};
  let startLoad!: () => void;
  const requested = new Promise<void>((resolve) => (startLoad = resolve));
  const loaded = (async () => {
    await requested;
    if (closed) return;
    // The journal listens before y-dexie does, so each update is copied before y-dexie writes it.
    stopJournal = journalUpdates(id, doc, (origin) => origin === provider);
    provider = DexieYProvider.load(doc);
    await provider.whenLoaded;
    if (closed) return;
    replayUnsaved(id, doc);
    initWorkspaceDoc(doc, { name: row.name || nameIfNew });
    migrateWorkspaceDoc(doc);
    const meta = readMeta(doc);
    if (meta.name && meta.name !== row.name) await setRegistryName(id, meta.name);
    void touchWorkspace(id);
    await index.start();
  })();
  return {
    id,
    doc,
    index,
    registryName: row.name,
    groupRecords,
    loaded,
    load: startLoad,
    close() {
      closed = true;
      index.stop();
      stopJournal();
      if (provider) DexieYProvider.release(doc);
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
