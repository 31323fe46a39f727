import { createStore, produce } from 'solid-js/store';
import type * as Y from 'yjs';
import type { EventRecord, InvalidRecord } from '@shared/schema/types';
import { readEvent, readEvents, observeEvents } from '@shared/schema';

export interface RecordLists {
  /** Soft-deleted events, for the trash page. */
  deleted: Record<string, EventRecord>;
  /** Records that failed validation, for "needs attention". */
  invalid: Record<string, InvalidRecord>;
}

/**
 * The small lists the calendar index leaves out (trash, needs attention), kept per changed id
 * so a change never re-walks 10,000 events. The first full scan waits for an idle moment.
 */
export function createRecordLists(doc: Y.Doc): { lists: RecordLists; start: () => void; dispose: () => void } {
  const [lists, setLists] = createStore<RecordLists>({ deleted: {}, invalid: {} });

  const apply = (ids: Iterable<string>) =>
    setLists(
      produce((s) => {
        for (const id of ids) {
          const read = readEvent(doc, id);
          delete s.deleted[id];
          delete s.invalid[id];
          if (!read) continue;
          if (!read.ok) s.invalid[id] = read.invalid;
          else if (read.record.deletedAt !== undefined) s.deleted[id] = read.record;
        }
      }),
    );

  let unobserve: (() => void) | undefined;
  let handle: number | ReturnType<typeof setTimeout> | undefined;
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => number }).requestIdleCallback;
  const scan = () => {
    const { events, invalid } = readEvents(doc);
    setLists(
      produce((s) => {
        for (const e of events) if (e.deletedAt !== undefined) s.deleted[e.id] = e;
        for (const r of invalid) s.invalid[r.id] = r;
      }),
    );
  };
  /** Call once the doc has loaded. */
  const start = () => {
    unobserve = observeEvents(doc, (ids) => apply(ids));
    handle = idle ? idle(scan) : setTimeout(scan, 50);
  };
  return {
    lists,
    start,
    dispose() {
      unobserve?.();
      const cancel = (globalThis as { cancelIdleCallback?: (h: number) => void }).cancelIdleCallback;
      if (handle === undefined) return;
      if (idle && cancel) cancel(handle as number);
      else clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
}
