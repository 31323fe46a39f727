/**
 * The live events of a relay's document, kept up to date from its own changes. Reading and
 * validating 10,000 records from the Y.Doc was a third of a feed render, and between two
 * renders of the same workspace almost none of them changed: here only the records a
 * transaction touched are read again, and unchanged records keep their identity, so the
 * exporter's per-event text cache can skip even its signature for them.
 */
import type * as Y from 'yjs';
import { isDeleted, observeEvents, readEvent, readEvents } from '../../../shared/src/schema';
import type { EventRecord } from '../../../shared/src/schema/types';

interface Tracked {
  records: Map<string, EventRecord>;
  dirty: Set<string>;
}

// Keyed by the document: an unloaded room's doc (and its observer) goes with it.
const tracked = new WeakMap<Y.Doc, Tracked>();

/** Live (not deleted, valid) events of `doc`, from the first read on updated per changed record. */
export function liveEvents(doc: Y.Doc): EventRecord[] {
  let t = tracked.get(doc);
  if (!t) {
    const fresh: Tracked = { records: new Map(), dirty: new Set() };
    for (const e of readEvents(doc).events) if (!isDeleted(e)) fresh.records.set(e.id, e);
    observeEvents(doc, (ids) => {
      for (const id of ids) fresh.dirty.add(id);
    });
    tracked.set(doc, (t = fresh));
  } else if (t.dirty.size > 0) {
    for (const id of t.dirty) {
      const read = readEvent(doc, id);
      if (read?.ok && !isDeleted(read.record)) t.records.set(id, read.record);
      else t.records.delete(id);
    }
    t.dirty.clear();
  }
  return [...t.records.values()];
}
