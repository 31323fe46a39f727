import { createSignal, type Accessor } from 'solid-js';
import * as Y from 'yjs';
import { observeEvents, roots } from '@shared/schema';

/** How many live events link to a section, and how many of them are done. */
export interface LinkCount {
  total: number;
  done: number;
}

interface Entry {
  sections: string[];
  done: boolean;
}

/** Reads only the three keys the counts need, straight from the event's Y.Map (no validation pass). */
function entryOf(value: unknown): Entry | null {
  if (!(value instanceof Y.Map)) return null;
  if (typeof value.get('deletedAt') === 'number') return null;
  const ids = value.get('sectionIds');
  const list = ids instanceof Y.Array ? ids.toArray() : Array.isArray(ids) ? ids : [];
  const sections = [...new Set(list.filter((x): x is string => typeof x === 'string'))];
  if (sections.length === 0) return null;
  return { sections, done: value.get('status') === 'done' };
}

/**
 * Per-section link counts over the whole document: one pass over the events when the outline
 * opens, then per changed event (observeEvents), so 10,000 events cost one walk, not one per
 * render. `counts()` changes identity on every update for Solid to notice.
 */
export function createLinkCounts(doc: Y.Doc): { counts: Accessor<Map<string, LinkCount>>; dispose: () => void } {
  const entries = new Map<string, Entry>();
  const totals = new Map<string, LinkCount>();
  const bump = (e: Entry, sign: 1 | -1) => {
    for (const id of e.sections) {
      const c = totals.get(id) ?? { total: 0, done: 0 };
      c.total += sign;
      if (e.done) c.done += sign;
      if (c.total <= 0) totals.delete(id);
      else totals.set(id, c);
    }
  };
  const events = roots(doc).events;
  for (const [id, value] of events.entries()) {
    const e = entryOf(value);
    if (e) {
      entries.set(id, e);
      bump(e, 1);
    }
  }
  const [counts, setCounts] = createSignal(new Map(totals));
  const off = observeEvents(doc, (ids) => {
    for (const id of ids) {
      const old = entries.get(id);
      if (old) {
        bump(old, -1);
        entries.delete(id);
      }
      const e = entryOf(events.get(id));
      if (e) {
        entries.set(id, e);
        bump(e, 1);
      }
    }
    setCounts(new Map(totals));
  });
  return { counts, dispose: off };
}
