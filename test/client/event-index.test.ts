import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEvent, softDeleteEvent, updateEvent, purgeEvent } from '@shared/schema';
import { openWorkspace } from '../../client/src/storage/open-workspace';
import { db } from '../../client/src/storage/db';
import { EventIndex } from '../../client/src/storage/event-index';
import * as Y from 'yjs';

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
