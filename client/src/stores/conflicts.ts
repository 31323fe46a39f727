import { createEffect, createSignal, type Accessor } from 'solid-js';
import type { CampaignRecord, EventRecord } from '@shared/schema/types';
import type { ConflictIndex } from '@shared/tours';
import { ALL_DATES as EVER } from '../storage/event-index';

const whenIdle = (run: () => void): void => {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(run, { timeout: 1000 });
  else setTimeout(run, 0);
};

export interface ConflictStore {
  /** Conflicts of the merged state (both sides of every pair), null until first computed. */
  index: Accessor<ConflictIndex | null>;
}

/**
 * The conflict rules run on the merged document, not at write time: two organisers offline can
 * each book the same speaker, and both must see it once their edits meet. Rebuilt after each
 * change of the events (the index's revision), of the campaigns, the time zone or the travel
 * buffer; series are expanded from a year back to two years ahead of `today`.
 */
export function createConflictStore(deps: {
  revision: Accessor<number>;
  ready: Accessor<boolean>;
  timezone: Accessor<string>;
  bufferMinutes: Accessor<number>;
  campaigns: Accessor<CampaignRecord[]>;
  today: () => string;
  queryAll: (from: string, to: string) => Promise<EventRecord[]>;
}): ConflictStore {
  const [index, setIndex] = createSignal<ConflictIndex | null>(null);
  let seq = 0;
  createEffect(() => {
    deps.revision();
    const ready = deps.ready();
    const timezone = deps.timezone();
    const bufferMinutes = deps.bufferMinutes();
    const campaigns = deps.campaigns();
    if (!ready) return;
    const year = Number(deps.today().slice(0, 4));
    const token = ++seq;
    // The rules (and the recurrence library they expand series with) load with the first check,
    // after the calendar's first paint: they are not part of the initial bundle.
    // Built when the main thread is idle: the first build in a page costs a few hundred
    // milliseconds (the rules warming up), which would otherwise land right after the doc's load.
    void Promise.all([deps.queryAll(EVER.from, EVER.to), import('@shared/tours')]).then(([events, { createConflictIndex }]) =>
      whenIdle(() => {
        if (token !== seq) return;
        setIndex(createConflictIndex(events, { from: `${year - 1}-01-01`, to: `${year + 2}-01-01`, timezone, bufferMinutes, campaigns }));
      }),
    );
  });
  return { index };
}
