/**
 * Phases of a contest on the timeline: one lane per main event under its bracket, in the row
 * of the main event, joined by connectors; overlapping phases on a half-lane sub-lane.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initWorkspaceDoc, readEvents } from '../../../shared/src/schema';
import type { EventKind, EventRecord } from '../../../shared/src/schema/types';
import { createWorkspaceApi } from '../../../shared/src/workspace';
import {
  assignLanes,
  buildRows,
  connectorGeometry,
  createScale,
  eventItems,
  layoutRowLanes,
  phaseName,
  windowFor,
  type RowsInput,
  type TimelineRow,
} from '../../../shared/src/timeline';

const names: RowsInput['names'] = { unlinked: '未关联', kind: (k: EventKind) => `kind:${k}` };
const Q4 = windowFor('quarter', '2026-10-01');
const Y26 = windowFor('year', '2026-01-01');

function contest(fields: Record<string, unknown> = {}) {
  const doc = new Y.Doc();
  initWorkspaceDoc(doc, { name: '竞赛' });
  const api = createWorkspaceApi(doc, { locale: () => 'zh' });
  const r = api.run('contest.createFromTemplate', { template: 'knowledge-contest', title: '读书知识竞赛', anchor: { phaseKey: 'final', start: '2026-10-16' }, fields });
  if (!r.ok) throw new Error(r.error.message);
  return { doc, api, ...r.value, events: () => readEvents(doc).events };
}

const ev = (id: string, f: Partial<EventRecord> = {}): EventRecord => ({ id, title: id, kind: 'meeting', start: '2026-10-10', status: 'planned', ...f });
const byKey = (r: TimelineRow, key: string) => r.lanes[r.items.findIndex((i) => i.key === key)]!;

describe('phaseName', () => {
  it('strips the main title and the separator, keeps a renamed title whole', () => {
    expect(phaseName('读书知识竞赛·复赛', '读书知识竞赛')).toBe('复赛');
    expect(phaseName('Reading contest – Final', 'Reading contest')).toBe('Final');
    expect(phaseName('复赛（线上）', '读书知识竞赛')).toBe('复赛（线上）');
    expect(phaseName('读书知识竞赛', '读书知识竞赛')).toBe('读书知识竞赛');
  });
});

describe('eventItems of a contest', () => {
  it('gives phases their main event, link, name and the main kind', () => {
    const c = contest();
    const items = eventItems(c.events(), Y26);
    const final = items.find((i) => i.id === c.phaseIds[4])!;
    expect(final).toMatchObject({ parentId: c.mainId, after: c.phaseIds[3], phaseName: '决赛', mainKind: 'contest' });
    const notice = items.find((i) => i.id === c.phaseIds[0])!;
    expect(notice.kind).toBe('publicity');
    expect(notice.mainKind).toBe('contest');
    const main = items.find((i) => i.id === c.mainId)!;
    expect(main.parentId).toBeUndefined();
    expect(main.phaseName).toBeUndefined();
  });
});

describe('rows with a contest', () => {
  it('puts the main as a bracket and its six phases on the one lane below it, joined by five links', () => {
    const c = contest({ sectionIds: ['s1'] });
    const rows = buildRows({ groupBy: 'section', items: eventItems(c.events(), Y26), sections: [{ id: 's1', planId: 'p', parentId: '', order: 0, label: '一、', title: '读书', level: 1 }], plans: [{ id: 'p', title: '要点', year: 2026 }], names, markerDays: 5, dotDays: 1 });
    const r = rows.find((x) => x.key === 's1')!;
    expect(r.items).toHaveLength(7);
    expect(r.phases).toBeDefined();
    expect([...r.phases!.brackets]).toEqual([c.mainId]);
    expect(byKey(r, c.mainId)).toBe(0);
    for (const id of c.phaseIds) expect(byKey(r, id), id).toBe(1);
    expect(r.laneCount).toBe(2);
    expect(r.phases!.links.map((l) => [l.afterId, l.id])).toEqual(c.phaseIds.slice(1).map((id, i) => [c.phaseIds[i], id]));
    const fin = r.phases!.links.find((l) => l.id === c.phaseIds[4])!;
    expect(fin).toMatchObject({ fromKey: c.phaseIds[3], toKey: c.phaseIds[4], fromMarker: true, lane1: 1, lane2: 1 });
    expect(fin.s2).toBeGreaterThan(fin.s1);
    // A label runs up to the next phase of its lane; the last one is free.
    expect(r.phases!.labelUntil.get(c.phaseIds[3])).toBe(r.items.find((i) => i.id === c.phaseIds[4])!.s);
    expect(r.phases!.labelUntil.has(c.phaseIds[5])).toBe(false);
  });

  it('keeps phases with their main when their own grouping differs (kind, section)', () => {
    const c = contest({ sectionIds: ['s1'] });
    const rows = buildRows({ groupBy: 'kind', items: eventItems(c.events(), Y26), names });
    // 发布通知 is a publicity phase: it still sits in the contest row with the rest.
    expect(rows.map((r) => r.key)).toEqual(['contest']);
    expect(rows[0]!.items).toHaveLength(7);
    // A phase moved to another section by hand stays with its main too.
    const events = c.events().map((e) => (e.id === c.phaseIds[2] ? { ...e, sectionIds: ['s2'] } : e));
    const bySection = buildRows({
      groupBy: 'section',
      items: eventItems(events, Y26),
      plans: [{ id: 'p', title: '要点', year: 2026 }],
      sections: [
        { id: 's1', planId: 'p', parentId: '', order: 0, label: '一、', title: '读书', level: 1 },
        { id: 's2', planId: 'p', parentId: '', order: 1, label: '二、', title: '其他', level: 1 },
      ],
      names,
    });
    expect(bySection.find((r) => r.key === 's1')!.items).toHaveLength(7);
    expect(bySection.find((r) => r.key === 's2')!.empty).toBe(true);
  });

  it('by campaign: a phase without the main campaign follows the main', () => {
    const c = contest({ campaignId: 'camp' });
    const events = c.events().map((e) => (e.id === c.phaseIds[5] ? { ...e, campaignId: undefined } : e));
    const rows = buildRows({ groupBy: 'campaign', items: eventItems(events, Y26), campaigns: [{ id: 'camp', title: '读书月', start: '2026-09-01', end: '2026-12-01' }], names });
    expect(rows.map((r) => r.key)).toEqual(['camp']);
    expect(rows[0]!.items.some((i) => i.id === c.phaseIds[5])).toBe(true);
  });

  it('leaves a row without phases exactly as assignLanes lays it out', () => {
    const events = [ev('a', { start: '2026-10-01', end: '2026-10-09' }), ev('b', { start: '2026-10-03', end: '2026-10-05' }), ev('c', { start: '2026-10-07' })];
    const items = eventItems(events, Q4).sort((x, y) => x.s - y.s);
    const r = layoutRowLanes(items, 2, 1);
    expect(r.phases).toBeUndefined();
    expect(r).toEqual(assignLanes(items, 2));
  });

  it('offsets a phase that overlaps the one before it by half a lane, never drops one', () => {
    const events = [
      ev('m', { title: '展', kind: 'exhibition', start: '2026-10-01', end: '2026-10-21' }),
      ev('p1', { title: '展·布展', parentId: 'm', start: '2026-10-01', end: '2026-10-11' }),
      // Starts before 布展 ends (a broken link, or a plan that overlaps on purpose).
      ev('p2', { title: '展·开幕', parentId: 'm', after: 'p1', start: '2026-10-08', end: '2026-10-15' }),
      ev('p3', { title: '展·撤展', parentId: 'm', after: 'p2', start: '2026-10-15', end: '2026-10-21' }),
      // Something else that starts in the middle: it goes below the whole contest.
      ev('x', { start: '2026-10-05', end: '2026-10-07' }),
    ];
    const rows = buildRows({ groupBy: 'kind', items: eventItems(events, Q4), names });
    const ex = rows.find((r) => r.key === 'exhibition')!;
    expect(ex.items.map((i) => i.id).sort()).toEqual(['m', 'p1', 'p2', 'p3']);
    expect(byKey(ex, 'm')).toBe(0);
    expect(byKey(ex, 'p1')).toBe(1);
    expect(byKey(ex, 'p2')).toBe(1.5);
    expect(byKey(ex, 'p3')).toBe(1);
    expect(ex.laneCount).toBe(2.5);
    expect(ex.items.find((i) => i.id === 'p2')!.mainKind).toBe('exhibition');
    // Labels stop at the next phase, whichever sub-lane it is on (the sub-lanes overlap).
    const at = (id: string) => ex.items.find((i) => i.id === id)!.s;
    expect(ex.phases!.labelUntil.get('p1')).toBe(at('p2'));
    expect(ex.phases!.labelUntil.get('p2')).toBe(at('p3'));
    expect(ex.phases!.labelUntil.has('p3')).toBe(false);

    const mixed = layoutRowLanes(eventItems(events, Q4).sort((a, b) => a.s - b.s), 1, 1);
    const keys = eventItems(events, Q4).sort((a, b) => a.s - b.s).map((i) => i.key);
    const lane = (k: string) => mixed.lanes[keys.indexOf(k)];
    expect(lane('x')).toBe(3); // below the contest's 2.5 lanes, on a whole lane
    expect(mixed.count).toBe(4);
    expect(mixed.phases!.links.map((l) => [l.afterId, l.id, l.lane1, l.lane2])).toEqual([
      ['p1', 'p2', 1, 1.5],
      ['p2', 'p3', 1.5, 1],
    ]);
  });

  it('groups phases whose main event is not among the items on one lane, without a bracket', () => {
    const events = [ev('p1', { parentId: 'gone', start: '2026-10-01', end: '2026-10-03' }), ev('p2', { parentId: 'gone', after: 'p1', start: '2026-10-03', end: '2026-10-05' })];
    const r = layoutRowLanes(eventItems(events, Q4), 1, 1);
    expect(r.lanes).toEqual([0, 0]);
    expect(r.count).toBe(1);
    expect(r.phases!.brackets.size).toBe(0);
    expect(r.phases!.links).toHaveLength(1);
  });
});

describe('connectorGeometry', () => {
  const sc = createScale(Q4);
  const o = { markerPx: 10, laneH: 24, rowPad: 6, barH: 20 };
  const day = (d: string) => sc.firstDay + (Date.parse(d) - Date.parse(Q4.from)) / 864e5;

  it('runs straight from the end of the predecessor to the start of the phase on one lane', () => {
    const g = connectorGeometry({ id: 'b', afterId: 'a', fromKey: 'a', toKey: 'b', s1: day('2026-10-05'), fromMarker: false, s2: day('2026-10-08'), lane1: 1, lane2: 1 }, sc.xOfDay, o);
    expect(g).toEqual({ x1: 4 * 14, y1: 40, x2: 7 * 14, y2: 40, d: 'M56 40H98' });
  });

  it('starts at the right edge of a marker, follows a drag, and steps to a sub-lane', () => {
    const g = connectorGeometry({ id: 'b', afterId: 'a', fromKey: 'a', toKey: 'b', s1: day('2026-10-05'), fromMarker: true, s2: day('2026-10-08'), lane1: 1, lane2: 1.5 }, sc.xOfDay, { ...o, dx2: 14 });
    expect(g.x1).toBe(56 + 10);
    expect(g.x2).toBe(98 + 14);
    expect(g.d).toBe('M66 40H108V52H112');
  });

  it('steps straight down to a phase on the sub-lane that starts right at the end of its predecessor', () => {
    const g = connectorGeometry({ id: 'b', afterId: 'a', fromKey: 'a', toKey: 'b', s1: day('2026-10-08'), fromMarker: false, s2: day('2026-10-08'), lane1: 1, lane2: 1.5 }, sc.xOfDay, o);
    expect(g.d).toBe('M98 40H98V52H98');
  });

  it('does not loop back for a phase that starts under the dot of its predecessor', () => {
    const s1 = day('2026-10-08');
    const g = connectorGeometry({ id: 'b', afterId: 'a', fromKey: 'a', toKey: 'b', s1, fromMarker: true, s2: s1 + 0.5, lane1: 1, lane2: 1.5 }, sc.xOfDay, o);
    expect(g.d).toBe('M108 40H105V52H105');
  });

  it('loops below the bars back to a phase that starts before its predecessor ends', () => {
    const g = connectorGeometry({ id: 'b', afterId: 'a', fromKey: 'a', toKey: 'b', s1: day('2026-10-11'), fromMarker: false, s2: day('2026-10-08'), lane1: 1, lane2: 1.5 }, sc.xOfDay, o);
    expect(g.d).toBe('M140 40h4V64H94V52H98');
  });
});
