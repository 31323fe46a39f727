import { createEffect, createSignal, type Accessor } from 'solid-js';
import type { EventRecord } from '@shared/schema/types';
import type { BrokenLink } from '@shared/phases';
import { ALL_DATES } from '../storage/event-index';

export interface PhaseLinkStore {
  /** Phases starting before their link allows, by phase id; null until first computed. */
  broken: Accessor<ReadonlyMap<string, BrokenLink> | null>;
}

const sameBroken = (a: ReadonlyMap<string, BrokenLink> | null, b: ReadonlyMap<string, BrokenLink> | null): boolean => {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y || y.afterId !== x.afterId || y.earliestStart !== x.earliestStart) return false;
  }
  return true;
};

/**
 * Broken phase links of the merged state, checked after every change of the events. They are
 * only reported: nothing here (or anywhere) moves a phase because a colleague's edit arrived,
 * since two clients each repairing the other's move would fight. A person repairs them with
 * `phase.fixLinks` from the editor or the calendar's mark.
 */
export function createPhaseLinkStore(deps: {
  revision: Accessor<number>;
  ready: Accessor<boolean>;
  queryAll: (from: string, to: string) => Promise<EventRecord[]>;
}): PhaseLinkStore {
  const [broken, setBroken] = createSignal<ReadonlyMap<string, BrokenLink> | null>(null, { equals: sameBroken });
  let seq = 0;
  createEffect(() => {
    deps.revision();
    if (!deps.ready()) return;
    const token = ++seq;
    // The phase rules load with the first check, after the first paint.
    void Promise.all([deps.queryAll(ALL_DATES.from, ALL_DATES.to), import('@shared/phases')]).then(([events, { brokenLinks }]) => {
      if (token !== seq) return;
      // Only events in a phase group can have a link: skip the check's work for everything else.
      const linked = events.filter((e) => e.after !== undefined);
      if (linked.length === 0) return setBroken(new Map());
      const ids = new Set(linked.map((e) => e.after!));
      const relevant = events.filter((e) => e.after !== undefined || ids.has(e.id));
      setBroken(new Map(brokenLinks(relevant).map((b) => [b.id, b])));
    });
  });
  return { broken };
}
