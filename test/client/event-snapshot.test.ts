import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createEvent, readEvents } from '@shared/schema';
import { EVENT_KINDS } from '@shared/schema/types';
import { addDays, effectiveEnd } from '@shared/time/dates';
import { openWorkspace } from '../../client/src/storage/open-workspace';
import { db } from '../../client/src/storage/db';
import { sameBytes } from '../../client/src/storage/bytes';
import { mulberry32 } from '../helpers/prng';
import type * as Y from 'yjs';

const rand = mulberry32(11);
const int = (n: number) => Math.floor(rand() * n);

/** What a long-range query must return: live events overlapping [from, to), and every series. */
function bruteForce(doc: Y.Doc, from: string, to: string): string[] {
  return readEvents(doc)
    .events.filter((e) => e.deletedAt === undefined && (e.rrule || (e.start < to && effectiveEnd(e.start, e.end) > from)))
    .map((e) => e.id)
    .sort();
}

const randomRange = () => {
  const from = addDays('2025-10-01', int(500));
  return { from, to: addDays(from, 93 + int(700)) };
};

async function snapshotCurrent(ws: string): Promise<boolean> {
  const row = await db().workspaces.get(ws);
  return sameBytes(row?.snapshotState, row?.indexedState);
}

describe("the events' snapshot (one stored value for long ranges before the doc loads)", () => {
  it('answers long ranges like the doc, without reading the rows, and is ignored once the rows moved on', async () => {
    const ws = 'snapshot-1';
    const first = await openWorkspace(ws, '测试');
    first.load();
    await first.loaded;
    for (let i = 0; i < 300; i++) {
      const start = addDays('2026-01-01', int(400) - 30);
      const r = rand();
      createEvent(first.doc, {
        title: `活动${i}`,
        kind: EVENT_KINDS[int(EVENT_KINDS.length)]!,
        status: 'planned',
        start: r < 0.5 ? start : `${start}T09:30`,
        ...(r < 0.2 ? { end: addDays(start, 2 + int(120)) } : {}),
        ...(r > 0.95 ? { rrule: 'FREQ=WEEKLY;COUNT=5' } : {}),
      });
    }
    await first.index.settled();
    first.close(); // a snapshot still waiting is written at once
    await expect.poll(() => snapshotCurrent(ws)).toBe(true);

    const where = vi.spyOn(db().eventIndex, 'where');
    const second = await openWorkspace(ws);
    for (let i = 0; i < 25; i++) {
      const { from, to } = randomRange();
      const got = (await second.index.query(from, to)).map((e) => e.id).sort();
      expect(got, `${from}..${to}`).toEqual(bruteForce(first.doc, from, to));
    }
    expect(where).not.toHaveBeenCalled();
    // A month is still read from the rows.
    await second.index.query('2026-03-01', '2026-04-01');
    expect(where).toHaveBeenCalled();
    second.close();

    // Rows written after the snapshot (a change in the last moments before a crash): the
    // snapshot no longer matches them and long ranges read the rows, which are right.
    await db().workspaces.update(ws, { snapshotState: new Uint8Array([9]) });
    where.mockClear();
    const third = await openWorkspace(ws);
    const { from, to } = randomRange();
    expect((await third.index.query(from, to)).map((e) => e.id).sort()).toEqual(bruteForce(first.doc, from, to));
    expect(where).toHaveBeenCalled();
    where.mockRestore();
    // Once loaded, the index notices the stale snapshot and writes a new one.
    third.load();
    await third.loaded;
    third.close();
    await expect.poll(() => snapshotCurrent(ws)).toBe(true);
  });
});
