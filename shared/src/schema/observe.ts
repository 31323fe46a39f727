import type * as Y from 'yjs';
import { roots } from './doc';
import type { CollectionName } from './types';

/**
 * Reports which record ids a transaction touched (added, removed, replaced, or any field
 * or list inside changed), so a view can refresh just those rows instead of re-reading
 * ten thousand events.
 */
export function observeRecords(
  doc: Y.Doc,
  collection: CollectionName,
  cb: (changedIds: Set<string>, tx: Y.Transaction) => void,
): () => void {
  const map = roots(doc)[collection];
  const handler = (events: Array<Y.YEvent<any>>, tx: Y.Transaction): void => {
    const ids = new Set<string>();
    for (const event of events) {
      if (event.target === map) {
        for (const key of event.changes.keys.keys()) ids.add(key);
      } else {
        // The path from the collection map starts with the record id.
        const first = event.path[0];
        if (typeof first === 'string') ids.add(first);
      }
    }
    if (ids.size) cb(ids, tx);
  };
  map.observeDeep(handler);
  return () => map.unobserveDeep(handler);
}

export function observeEvents(doc: Y.Doc, cb: (changedIds: Set<string>, tx: Y.Transaction) => void): () => void {
  return observeRecords(doc, 'events', cb);
}
