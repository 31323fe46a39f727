import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createEventWithHistory,
  dismissLostValue,
  lostValues,
  readEvent,
  readHistory,
  restoreFieldValue,
  updateEventWithHistory,
} from '../../../shared/src/schema';

function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync };
}
const rec = (doc: Y.Doc, id: string) => {
  const r = readEvent(doc, id);
  if (!r?.ok) throw new Error('unreadable');
  return r.record;
};

describe('event field history', () => {
  it('records who set which field to what, with the value replaced', () => {
    const doc = new Y.Doc();
    const id = createEventWithHistory(doc, { title: '座谈会', kind: 'meeting', status: 'planned', start: '2026-05-04' }, { by: '张三', now: 1 });
    updateEventWithHistory(doc, id, { location: '三楼会议室' }, { by: '李四', now: 2 });
    const h = readHistory(doc, id);
    expect(h.filter((e) => e.f === 'title')).toEqual([expect.objectContaining({ v: '座谈会', by: '张三', at: 1 })]);
    expect(h.find((e) => e.f === 'location')).toMatchObject({ v: '三楼会议室', by: '李四', at: 2 });
    expect(h.find((e) => e.f === 'location')!.p).toBeUndefined();
    expect(lostValues(doc, rec(doc, id))).toEqual([]);
  });

  it('keeps the losing value of a concurrent same-field edit recoverable on both replicas', () => {
    const { a, b, sync } = pair();
    const id = createEventWithHistory(a, { title: '宣讲', kind: 'lecture', status: 'planned', start: '2026-06-01', location: '礼堂' }, { now: 1 });
    sync();
    updateEventWithHistory(a, id, { location: '党校报告厅' }, { by: '张三', now: 10 });
    updateEventWithHistory(b, id, { location: '文化馆' }, { by: '李四', now: 11 });
    sync();
    const winner = rec(a, id).location;
    expect(rec(b, id).location).toBe(winner);
    const loser = winner === '党校报告厅' ? '文化馆' : '党校报告厅';
    for (const doc of [a, b]) {
      const lost = lostValues(doc, rec(doc, id));
      expect(lost).toHaveLength(1);
      expect(lost[0]).toMatchObject({ field: 'location', value: loser });
    }
    // Restoring the lost value clears the mark everywhere; the replaced winner is not "lost".
    restoreFieldValue(b, id, 'location', loser, { by: '李四', now: 20 });
    sync();
    expect(rec(a, id).location).toBe(loser);
    expect(lostValues(a, rec(a, id))).toEqual([]);
  });

  it('does not report sequential edits or concurrent edits to different fields', () => {
    const { a, b, sync } = pair();
    const id = createEventWithHistory(a, { title: '培训', kind: 'training', status: 'planned', start: '2026-07-01' }, { now: 1 });
    sync();
    updateEventWithHistory(a, id, { title: '新闻写作培训' }, { now: 2 });
    sync();
    updateEventWithHistory(b, id, { title: '新闻写作专题培训' }, { now: 3 });
    updateEventWithHistory(a, id, { location: '二楼' }, { now: 4 });
    sync();
    expect(rec(a, id)).toMatchObject({ title: '新闻写作专题培训', location: '二楼' });
    expect(lostValues(a, rec(a, id))).toEqual([]);
  });

  it('lets a user dismiss a lost value, keeping the current one', () => {
    const { a, b, sync } = pair();
    const id = createEventWithHistory(a, { title: '展览', kind: 'exhibition', status: 'planned', start: '2026-08-01' }, { now: 1 });
    sync();
    updateEventWithHistory(a, id, { status: 'confirmed' }, { now: 5 });
    updateEventWithHistory(b, id, { status: 'cancelled' }, { now: 6 });
    sync();
    const [lost] = lostValues(a, rec(a, id));
    expect(lost.field).toBe('status');
    dismissLostValue(a, rec(a, id), lost, { now: 7 });
    sync();
    expect(lostValues(b, rec(b, id))).toEqual([]);
  });

  it('ignores malformed history entries written by other tools', () => {
    const doc = new Y.Doc();
    const id = createEventWithHistory(doc, { title: '学习', kind: 'study', status: 'planned', start: '2026-09-01' });
    const list = doc.getMap('history').get(id) as Y.Array<unknown>;
    list.push(['garbage', null, { f: 1 }]);
    expect(readHistory(doc, id).every((e) => typeof e.f === 'string')).toBe(true);
    expect(lostValues(doc, rec(doc, id))).toEqual([]);
  });
});
