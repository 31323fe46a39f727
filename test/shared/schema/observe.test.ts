import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createEvent,
  LOCAL_ORIGIN,
  observeEvents,
  observeRecords,
  purgeEvent,
  REMOTE_ORIGIN,
  softDeleteEvent,
  updateEvent,
  createTeam,
  updateTeam,
} from '../../../shared/src/schema';
import { minimalEvent, sync } from './fixtures';

function collect(doc: Y.Doc) {
  const calls: Array<{ ids: string[]; origin: unknown }> = [];
  const stop = observeEvents(doc, (ids, tx) => calls.push({ ids: [...ids].sort(), origin: tx.origin }));
  return { calls, stop };
}

describe('observeEvents', () => {
  it('reports exactly the ids a transaction touched', () => {
    const doc = new Y.Doc();
    createEvent(doc, minimalEvent(), { id: 'a' });
    createEvent(doc, minimalEvent(), { id: 'b' });
    createEvent(doc, minimalEvent({ units: ['x'] }), { id: 'c' });
    const { calls } = collect(doc);

    createEvent(doc, minimalEvent(), { id: 'd' });
    updateEvent(doc, 'a', { title: '改' });
    updateEvent(doc, 'c', { units: ['x', 'y'] });
    softDeleteEvent(doc, 'b');
    purgeEvent(doc, 'd');
    doc.transact(() => {
      updateEvent(doc, 'a', { location: '礼堂' });
      updateEvent(doc, 'b', { notes: '备注' });
    });
    doc.getMap('events').set('junk', 42);

    expect(calls.map((c) => c.ids)).toEqual([['d'], ['a'], ['c'], ['b'], ['d'], ['a', 'b'], ['junk']]);
    expect(calls[0].origin).toBe(LOCAL_ORIGIN);
  });

  it('reports changes arriving from another replica, with their origin', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    createEvent(a, minimalEvent(), { id: 'one' });
    createEvent(a, minimalEvent(), { id: 'two' });
    sync(a, b);
    const { calls } = collect(b);
    updateEvent(a, 'two', { exdates: ['2026-10-08'] , rrule: 'FREQ=WEEKLY' });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE_ORIGIN);
    expect(calls).toEqual([{ ids: ['two'], origin: REMOTE_ORIGIN }]);
  });

  it('ignores other collections and stops after unsubscribe', () => {
    const doc = new Y.Doc();
    const { calls, stop } = collect(doc);
    createTeam(doc, { name: '宣讲分队', members: [] });
    expect(calls).toEqual([]);
    stop();
    createEvent(doc, minimalEvent());
    expect(calls).toEqual([]);
  });

  it('works for any collection via observeRecords', () => {
    const doc = new Y.Doc();
    const id = createTeam(doc, { name: '宣讲分队', members: ['甲'] });
    const seen: string[][] = [];
    observeRecords(doc, 'teams', (ids) => seen.push([...ids]));
    updateTeam(doc, id, { members: ['甲', '乙'] });
    expect(seen).toEqual([[id]]);
  });
});
