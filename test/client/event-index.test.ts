import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import {
  createEvent,
  softDeleteEvent,
  updateEvent,
  purgeEvent,
  restoreEvent,
  readEvent,
  readEvents,
  lostValues,
  dismissLostValue,
  updateEventWithHistory,
  roots,
  LOCAL_ORIGIN,
} from '@shared/schema';
import { EVENT_KINDS } from '@shared/schema/types';
import { addDays, effectiveEnd } from '@shared/time/dates';
import { openWorkspace } from '../../client/src/storage/open-workspace';
import { db } from '../../client/src/storage/db';
import { EventIndex, type IndexedEvent } from '../../client/src/storage/event-index';
import * as Y from 'yjs';
import { mulberry32 } from '../helpers/prng';

const titles = (records: { title: string }[]) => records.map((r) => r.title).sort();

describe('event index (Dexie projection of the workspace doc)', () => {
  it('answers range queries and follows creates, moves, deletes and purges', async () => {
    const ws = await openWorkspace('index-test-1', '测试');
    ws.load();
    await ws.loaded;
    const { doc, index } = ws;
    createEvent(doc, { title: '三月会议', kind: 'meeting', status: 'planned', start: '2026-03-10T09:00' });
    const moving = createEvent(doc, { title: '四月展览', kind: 'exhibition', status: 'planned', start: '2026-04-02' });
    createEvent(doc, { title: '长期展览', kind: 'exhibition', status: 'planned', start: '2026-01-15', end: '2026-04-16' });
    createEvent(doc, {
      title: '每周五学习',
      kind: 'study',
      status: 'planned',
      start: '2026-01-02T15:00',
      rrule: 'FREQ=WEEKLY;BYDAY=FR',
    });
    await index.settled();

    expect(titles(await index.query('2026-03-01', '2026-04-01'))).toEqual(['三月会议', '每周五学习', '长期展览']);
    expect(titles(await index.query('2026-04-01', '2026-05-01'))).toEqual(['四月展览', '每周五学习', '长期展览']);

    updateEvent(doc, moving, { start: '2026-03-20' });
    await index.settled();
    expect(titles(await index.query('2026-03-01', '2026-04-01'))).toContain('四月展览');

    softDeleteEvent(doc, moving);
    await index.settled();
    expect(titles(await index.query('2026-03-01', '2026-04-01'))).not.toContain('四月展览');
    purgeEvent(doc, moving);
    await index.settled();
    expect(await db().eventIndex.where('[ws+id]').equals(['index-test-1', moving]).count()).toBe(0);
    ws.close();
  });

  it('rebuilds a stale projection on open and skips the rebuild when nothing changed', async () => {
    const first = await openWorkspace('index-test-2');
    first.load();
    await first.loaded;
    createEvent(first.doc, { title: '国庆专题宣传', kind: 'publicity', status: 'planned', start: '2026-09-25' });
    await first.index.settled();
    first.close();

    // A projection that no longer matches the doc (another device's updates arrived while the
    // index was not listening) is rebuilt on open from the doc, the source of truth.
    await db().eventIndex.where('[ws+id]').between(['index-test-2', ''], ['index-test-2', '\uffff']).delete();
    await db().workspaces.update('index-test-2', { indexedState: new Uint8Array([0]) });
    const second = await openWorkspace('index-test-2');
    second.load();
    await second.loaded;
    expect(titles(await second.index.query('2026-09-01', '2026-10-01'))).toEqual(['国庆专题宣传']);
    second.close();
  });

  it('indexes every change made while the projection is being checked and rebuilt', async () => {
    const doc = new Y.Doc();
    createEvent(doc, { title: '已有活动', kind: 'meeting', status: 'planned', start: '2026-04-01' });
    await db().workspaces.put({ id: 'index-test-3', name: '', createdAt: 0, openedAt: 0 } as never);
    const index = new EventIndex('index-test-3', doc);
    const started = index.start();
    // Changes land at every await point of start(): before, during and after the rebuild.
    for (let i = 0; i < 30; i++) {
      createEvent(doc, { title: `并发${i}`, kind: 'study', status: 'planned', start: '2026-04-02' });
      await (i % 2 ? Promise.resolve() : new Promise((r) => setTimeout(r, 0)));
    }
    await started;
    await index.settled();
    const got = titles(await index.query('2026-04-01', '2026-04-03'));
    expect(got).toHaveLength(31);
    expect(got).toContain('并发0');
    expect(got).toContain('并发29');
    index.stop();
  });
});

/** The oracle: every live, valid event of the doc touching [from, to), plus every live series. */
function bruteForce(doc: Y.Doc, from: string, to: string): IndexedEvent[] {
  return readEvents(doc)
    .events.filter((e) => e.deletedAt === undefined)
    .filter((e) => e.rrule || (e.start < to && effectiveEnd(e.start, e.end) > from))
    .map((e) => (lostValues(doc, e).length ? { ...e, conflicted: true } : e));
}

const canonical = (xs: IndexedEvent[]) => JSON.stringify([...xs].sort((a, b) => (a.id < b.id ? -1 : 1)));

describe('event index once the doc has loaded (memory index)', () => {
  it('answers like a brute-force filter of the doc after every batch of random edits', async () => {
    const rand = mulberry32(7);
    const int = (n: number) => Math.floor(rand() * n);
    const pick = <T>(xs: readonly T[]) => xs[int(xs.length)];
    const pad = (n: number) => String(n).padStart(2, '0');
    const dayAt = (n: number) => addDays('2026-01-01', n);
    const timed = (n: number) => `${dayAt(n)}T${pad(int(24))}:${pick(['00', '15', '30', '45'])}`;
    const randomStart = () => (rand() < 0.6 ? dayAt(int(500) - 60) : timed(int(500) - 60));
    /** No end, an ordinary end, a long span (up to 400 days), or an end before the start (ignored). */
    const randomEnd = (start: string): string | undefined => {
      const r = rand();
      const day = start.slice(0, 10);
      if (r < 0.3) return undefined;
      if (r < 0.7) return start.length === 10 ? addDays(day, 1 + int(5)) : `${addDays(day, int(2))}T${pad(int(24))}:00`;
      if (r < 0.9) return addDays(day, 10 + int(400));
      return addDays(day, -1 - int(3));
    };

    const ws = 'index-oracle';
    await db().workspaces.put({ id: ws, name: '', createdAt: 0, openedAt: 0 } as never);
    const doc = new Y.Doc();
    const ids: string[] = [];
    const create = () => {
      const start = randomStart();
      const end = randomEnd(start);
      ids.push(createEvent(doc, { title: `活动${ids.length}`, kind: pick(EVENT_KINDS), status: 'planned', start, ...(end ? { end } : {}) }));
    };
    /** An edit the schema refuses (an end before the start) writes nothing: skip it. */
    const attempt = (edit: () => void) => {
      try {
        edit();
      } catch (e) {
        if ((e as Error).name !== 'SchemaError') throw e;
      }
    };
    for (let i = 0; i < 300; i++) attempt(create);
    const index = new EventIndex(ws, doc);
    let notified = 0;
    index.onChange(() => notified++);
    await index.start();

    const edits: (() => void)[] = [
      create,
      // move (keeping the length of a day or two), or move to another form (all-day ↔ timed)
      () => updateEventWithHistory(doc, pick(ids), { start: randomStart(), end: undefined }),
      () => {
        const start = randomStart();
        updateEvent(doc, pick(ids), { start, end: randomEnd(start) });
      },
      // resize
      () => {
        const id = pick(ids);
        const read = readEvent(doc, id);
        if (read?.ok) updateEvent(doc, id, { end: randomEnd(read.record.start) });
      },
      () => softDeleteEvent(doc, pick(ids)),
      () => restoreEvent(doc, pick(ids)),
      () => updateEvent(doc, pick(ids), { rrule: pick(['FREQ=WEEKLY;BYDAY=FR', 'FREQ=MONTHLY', 'FREQ=DAILY;COUNT=5']) }),
      () => updateEvent(doc, pick(ids), { rrule: undefined }),
      () => {
        const id = ids.splice(int(ids.length), 1)[0];
        if (id) purgeEvent(doc, id);
      },
      // A record damaged by hand (or by an older client) is no longer valid: it leaves the index.
      () => {
        const map = roots(doc).events.get(pick(ids));
        if (map instanceof Y.Map) map.set('start', rand() < 0.5 ? 'not a date' : randomStart());
      },
      // A concurrent edit of the same field: one value is lost and the event is marked conflicted.
      () => {
        const id = pick(ids);
        const other = new Y.Doc();
        Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
        updateEventWithHistory(other, id, { title: `对方${int(100)}` }, { origin: LOCAL_ORIGIN });
        updateEventWithHistory(doc, id, { title: `本机${int(100)}` });
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
      },
      // Dismissing the loss changes the history only: the mark goes.
      () => {
        const id = pick(ids);
        const read = readEvent(doc, id);
        if (!read?.ok) return;
        const lost = lostValues(doc, read.record)[0];
        if (lost) dismissLostValue(doc, read.record, lost);
      },
    ];

    const ranges = () =>
      Array.from({ length: 6 }, () => {
        const from = dayAt(int(560) - 90);
        return { from, to: addDays(from, 1 + int(rand() < 0.8 ? 45 : 200)) };
      });

    let conflictedSeen = 0;
    for (let batch = 0; batch < 25; batch++) {
      const before = notified;
      const stateBefore = Y.encodeStateVector(doc).join();
      const n = batch === 10 ? 200 : 1 + int(40); // one large batch: the bulk path
      const inOneTransaction = rand() < 0.3;
      const run = () => {
        // (A remote update is its own transaction: not applied inside a local one.)
        for (let i = 0; i < n; i++) attempt(pick(inOneTransaction ? edits.slice(0, -2) : edits));
      };
      if (inOneTransaction) doc.transact(run);
      else run();
      // Answers follow at once, without waiting for the projection to be written.
      for (const { from, to } of ranges()) expect(canonical(await index.query(from, to)), `batch ${batch} ${from}..${to}`).toBe(canonical(bruteForce(doc, from, to)));
      await index.settled();
      // Listeners hear of every change (the calendar refetches).
      if (Y.encodeStateVector(doc).join() !== stateBefore) expect(notified).toBeGreaterThan(before);
      for (const { from, to } of ranges()) {
        const got = await index.query(from, to);
        conflictedSeen += got.filter((e) => e.conflicted).length;
        expect(canonical(got), `batch ${batch} ${from}..${to}`).toBe(canonical(bruteForce(doc, from, to)));
      }
    }
    expect(conflictedSeen).toBeGreaterThan(0);

    // The projection written in the background answers the same before the next load.
    index.stop();
    const cold = new EventIndex(ws, new Y.Doc());
    await cold.prime();
    for (const { from, to } of ranges()) expect(canonical(await cold.query(from, to))).toBe(canonical(bruteForce(doc, from, to)));
  });

  it('builds the memory index in slices, taking in what changes meanwhile', async () => {
    const ws = 'index-slices';
    await db().workspaces.put({ id: ws, name: '', createdAt: 0, openedAt: 0 } as never);
    const doc = new Y.Doc();
    const ids: string[] = [];
    doc.transact(() => {
      for (let i = 0; i < 4000; i++) ids.push(createEvent(doc, { title: `活动${i}`, kind: 'study', status: 'planned', start: addDays('2026-01-01', i % 365) }));
    });
    const index = new EventIndex(ws, doc);
    const build = new Promise<PerformanceEntry>((resolve) => {
      const obs = new PerformanceObserver((list) => {
        const hit = list.getEntriesByName('cc:index-build')[0];
        if (hit) {
          obs.disconnect();
          resolve(hit);
        }
      });
      obs.observe({ entryTypes: ['measure'] });
    });
    let done = false;
    const started = index.start().then(() => (done = true));
    // Edits land between the slices: early ids (read already), late ones (not yet), new ones.
    let rounds = 0;
    while (!done) {
      updateEvent(doc, ids[rounds], { start: '2027-03-01' });
      softDeleteEvent(doc, ids[ids.length - 1 - rounds]);
      createEvent(doc, { title: `新${rounds}`, kind: 'meeting', status: 'planned', start: '2027-03-02' });
      rounds++;
      await new Promise((r) => setTimeout(r, 0));
    }
    await started;
    expect(rounds).toBeGreaterThan(2);
    expect(((await build) as PerformanceMeasure).detail.busy).toBeGreaterThan(0);
    for (const [from, to] of [['2027-03-01', '2027-04-01'], ['2026-12-01', '2027-01-01'], ['2026-01-01', '2027-01-01']]) {
      expect(canonical(await index.query(from, to))).toBe(canonical(bruteForce(doc, from, to)));
    }
    index.stop();
  });

  it('edits update the index in place: no IndexedDB reads after load, unrelated ranges unchanged', async () => {
    const ws = await openWorkspace('index-test-inplace', '测试');
    ws.load();
    await ws.loaded;
    const { doc, index } = ws;
    const march = createEvent(doc, { title: '三月会议', kind: 'meeting', status: 'planned', start: '2026-03-10T09:00' });
    createEvent(doc, { title: '六月展览', kind: 'exhibition', status: 'planned', start: '2026-06-02', end: '2026-06-20' });
    await index.settled();
    const reads = vi.spyOn(db().eventIndex, 'where');
    const june = await index.query('2026-06-01', '2026-07-01');
    expect(titles(await index.query('2026-03-01', '2026-04-01'))).toEqual(['三月会议']);

    let changes = 0;
    let seenInListener: string[] = [];
    index.onChange(() => {
      changes++;
      void index.query('2026-03-01', '2026-04-01').then((r) => (seenInListener = titles(r)));
    });
    updateEvent(doc, march, { title: '三月座谈会', start: '2026-03-12' });
    // Visible at once, before the projection write lands.
    expect(titles(await index.query('2026-03-01', '2026-04-01'))).toEqual(['三月座谈会']);
    await index.settled();
    expect(changes).toBe(1);
    expect(seenInListener).toEqual(['三月座谈会']);
    // The untouched month is the same answer, down to the objects.
    const juneAgain = await index.query('2026-06-01', '2026-07-01');
    expect(juneAgain).toHaveLength(1);
    expect(juneAgain[0]).toBe(june[0]);
    // prefetch has nothing to read either.
    await index.prefetch('2026-07-01', '2026-08-15');
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    // …while the projection was still written for the next cold open.
    const row = await db().eventIndex.get(['index-test-inplace', march] as never);
    expect((row as { record: { title: string } } | undefined)?.record.title).toBe('三月座谈会');
    ws.close();
  });
});
