import * as Y from 'yjs';
import type { EventFields } from '../../../shared/src/schema';

/** An event with every field of Contract 1 set. */
export function fullEvent(): EventFields {
  return {
    title: '“强国复兴有我”主题知识竞赛',
    kind: 'contest',
    start: '2026-09-25T14:30',
    end: '2026-09-25T17:00',
    status: 'confirmed',
    location: '机关礼堂',
    leadUnit: '机关党委',
    units: ['宣传部', '团委'],
    participants: '各支部党员',
    contact: '张三 13800000000',
    notes: '决赛',
    sectionIds: ['sec-1', 'sec-2'],
    campaignId: 'camp-1',
    teamId: 'team-1',
    parentId: 'parent-1',
    rrule: 'FREQ=WEEKLY;BYDAY=FR',
    exdates: ['2026-10-02T14:30'],
    deletedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_001,
    updatedBy: '李四',
  };
}

export function minimalEvent(over: Partial<EventFields> = {}): EventFields {
  return { title: '国庆升旗仪式', kind: 'anniversary', start: '2026-10-01', status: 'planned', ...over };
}

export function snapshot(doc: Y.Doc): string {
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('hex');
}

/** Brings two replicas to the same state, as a relay would. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  const ua = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const ub = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, ua);
  Y.applyUpdate(a, ub);
}

/** Every (record id, key) pair written by a transaction, read from an observeDeep listener. */
export function recordKeysTouched(doc: Y.Doc, run: () => void): string[] {
  const touched: string[] = [];
  const events = doc.getMap('events');
  const handler = (evs: Array<Y.YEvent<any>>) => {
    for (const ev of evs) {
      if (ev.target === events) for (const k of ev.changes.keys.keys()) touched.push(k);
      else if (ev.target instanceof Y.Map) for (const k of ev.changes.keys.keys()) touched.push(`${ev.path.join('/')}/${k}`);
      else touched.push(`${ev.path.join('/')}[]`);
    }
  };
  events.observeDeep(handler);
  try {
    run();
  } finally {
    events.unobserveDeep(handler);
  }
  return touched.sort();
}
