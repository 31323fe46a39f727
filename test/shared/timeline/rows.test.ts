import { describe, expect, it } from 'vitest';
import type { CampaignRecord, EventKind, EventRecord, PlanRecord, SectionRecord, TeamRecord } from '../../../shared/src/schema/types';
import { EVENT_KINDS } from '../../../shared/src/schema/types';
import { UNLINKED, buildRows, campaignItems, eventItems, windowFor, type RowsInput, type TimelineRow } from '../../../shared/src/timeline';

const W = windowFor('quarter', '2026-03-01');
const names: RowsInput['names'] = { unlinked: '未关联', kind: (k: EventKind) => `kind:${k}` };

const ev = (id: string, f: Partial<EventRecord> = {}): EventRecord => ({ id, title: id, kind: 'meeting', start: '2026-03-10', status: 'confirmed', ...f });
const camp = (id: string, f: Partial<CampaignRecord> = {}): CampaignRecord => ({ id, title: `活动${id}`, start: '2026-03-01', end: '2026-04-01', ...f });
const plan = (id: string, f: Partial<PlanRecord> = {}): PlanRecord => ({ id, title: `要点${id}`, year: 2026, ...f });
const section = (id: string, planId: string, parentId: string, order: number, label = ''): SectionRecord => ({
  id,
  planId,
  parentId,
  order,
  label,
  title: `标题${id}`,
  level: 1,
});

const P = 'p1';
// Given out of order on purpose: rows follow the outline (parents first, siblings by `order`).
const SECTIONS: SectionRecord[] = [
  section('s3', P, '', 2, '三、'),
  section('s1.2', P, 's1', 1, '(二)'),
  section('s1.1.1', P, 's1.1', 0, '1、'),
  section('s1', P, '', 0, '一、'),
  section('s2', P, '', 1, '二、'),
  section('s1.1', P, 's1', 0, '(一)'),
];

const keys = (rows: readonly TimelineRow[]) => rows.map((r) => r.key);
const row = (rows: readonly TimelineRow[], key: string) => {
  const r = rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key} in ${keys(rows).join(', ')}`);
  return r;
};
const itemKeys = (r: TimelineRow) => r.items.map((i) => i.key);

function bySection(events: EventRecord[], extra: Partial<RowsInput> = {}): TimelineRow[] {
  return buildRows({ groupBy: 'section', items: eventItems(events, W), plans: [plan(P)], sections: SECTIONS, names, ...extra });
}

describe('rows by section', () => {
  it('lists the outline in order with depths, labels and parent flags', () => {
    const rows = bySection([ev('a', { sectionIds: ['s2'] })]);
    expect(rows.map((r) => [r.key, r.depth, r.label, r.parent])).toEqual([
      ['s1', 1, '一、', true],
      ['s1.1', 2, '(一)', true],
      ['s1.1.1', 3, '1、', false],
      ['s1.2', 2, '(二)', false],
      ['s2', 1, '二、', false],
      ['s3', 1, '三、', false],
    ]);
    expect(row(rows, 's1').title).toBe('标题s1');
    for (const r of rows) expect(r.collapsed).toBe(false);
  });

  it('puts an item linked to two sections in both rows', () => {
    const rows = bySection([ev('a', { sectionIds: ['s1.1.1', 's3'] })]);
    expect(itemKeys(row(rows, 's1.1.1'))).toEqual(['a']);
    expect(itemKeys(row(rows, 's3'))).toEqual(['a']);
    expect(row(rows, 's1').items).toEqual([]);
    expect(rows.some((r) => r.key === UNLINKED)).toBe(false);
  });

  it('puts unlinked items (no section, or only unknown ones) in a last 未关联 row', () => {
    const rows = bySection([ev('a', { sectionIds: ['s2'] }), ev('b'), ev('c', { sectionIds: ['gone'] })]);
    const last = rows.at(-1)!;
    expect(last).toMatchObject({ key: UNLINKED, title: '未关联', depth: 0, unlinked: true, empty: false });
    expect(itemKeys(last)).toEqual(['b', 'c']);
    expect(itemKeys(row(rows, 's2'))).toEqual(['a']);
  });

  it('marks a row with nothing scheduled as empty', () => {
    const rows = bySection([ev('a', { sectionIds: ['s2'] })]);
    expect(row(rows, 's3')).toMatchObject({ empty: true, items: [], lanes: [], laneCount: 1, counts: { activities: 0, done: 0 } });
    expect(row(rows, 's2').empty).toBe(false);
  });

  it('hides the descendants of a collapsed row, not its siblings', () => {
    const all = bySection([ev('a', { sectionIds: ['s1.1.1'] }), ev('u')]);
    const collapsedS1 = bySection([ev('a', { sectionIds: ['s1.1.1'] }), ev('u')], { collapsed: new Set(['s1']) });
    expect(keys(collapsedS1)).toEqual(['s1', 's2', 's3', UNLINKED]);
    expect(row(collapsedS1, 's1').collapsed).toBe(true);
    // Collapsing a nested row hides only its own subtree.
    expect(keys(bySection([], { collapsed: new Set(['s1.1']) }))).toEqual(['s1', 's1.1', 's1.2', 's2', 's3']);
    // A row without children can be marked collapsed but hides nothing.
    const leaf = bySection([], { collapsed: new Set(['s1.2']) });
    expect(keys(leaf)).toEqual(keys(all).filter((k) => k !== UNLINKED));
    expect(row(leaf, 's1.2').collapsed).toBe(true);
    // Nested collapses: the outer one wins.
    expect(keys(bySection([], { collapsed: new Set(['s1', 's1.1']) }))).toEqual(['s1', 's2', 's3']);
  });

  it('with several live plans, heads each outline with a plan row; a trashed plan and its sections are left out', () => {
    const sections = [...SECTIONS, section('q1', 'p2', '', 0, '一、'), section('q2', 'p2', '', 1, '二、'), section('old1', 'p-old', '', 0, '一、')];
    const plans = [plan(P), plan('p2'), plan('p-old', { deletedAt: 1 }), plan('p-empty')];
    const items = eventItems([ev('a', { sectionIds: ['q2'] }), ev('b', { sectionIds: ['old1'] })], W);
    const rows = buildRows({ groupBy: 'section', items, plans, sections, names });
    expect(rows.map((r) => [r.key, r.depth])).toEqual([
      [P, 0],
      ['s1', 1],
      ['s1.1', 2],
      ['s1.1.1', 3],
      ['s1.2', 2],
      ['s2', 1],
      ['s3', 1],
      ['p2', 0],
      ['q1', 1],
      ['q2', 1],
      ['p-empty', 0],
      [UNLINKED, 0],
    ]);
    expect(row(rows, P)).toMatchObject({ title: '要点p1', parent: true });
    expect(row(rows, 'p-empty').parent).toBe(false);
    expect(itemKeys(row(rows, 'q2'))).toEqual(['a']);
    expect(itemKeys(row(rows, UNLINKED))).toEqual(['b']);

    const collapsed = buildRows({ groupBy: 'section', items, plans, sections, names, collapsed: new Set([P]) });
    expect(keys(collapsed)).toEqual([P, 'p2', 'q1', 'q2', 'p-empty', UNLINKED]);
  });

  it('with a single plan there is no plan row', () => {
    const rows = bySection([], { plans: [plan(P), plan('p-old', { deletedAt: 1 })] });
    expect(keys(rows)).not.toContain(P);
    expect(rows[0]!.key).toBe('s1');
  });

  it('places campaigns by their sections too', () => {
    const items = [...campaignItems([camp('c', { sectionIds: ['s2'] }), camp('d')], [], W), ...eventItems([ev('a', { sectionIds: ['s2'] })], W)];
    const rows = buildRows({ groupBy: 'section', items, plans: [plan(P)], sections: SECTIONS, names });
    expect(itemKeys(row(rows, 's2'))).toEqual(['c', 'a']);
    expect(itemKeys(row(rows, UNLINKED))).toEqual(['d']);
  });
});

describe('rows by campaign, team, kind and unit', () => {
  it('by campaign: one row per live campaign with its bar and activities', () => {
    const campaigns = [camp('c1'), camp('c2', { start: '2026-02-01', end: '2026-02-10' }), camp('gone', { deletedAt: 1 })];
    const events = [ev('a', { campaignId: 'c1' }), ev('b', { campaignId: 'c2', start: '2026-02-03' }), ev('c', { campaignId: 'gone' }), ev('d')];
    const items = [...campaignItems(campaigns, events, W), ...eventItems(events, W)];
    const rows = buildRows({ groupBy: 'campaign', items, campaigns, names });
    expect(keys(rows)).toEqual(['c1', 'c2', UNLINKED]);
    expect(row(rows, 'c1').title).toBe('活动c1');
    expect(itemKeys(row(rows, 'c1'))).toEqual(['c1', 'a']);
    expect(itemKeys(row(rows, 'c2'))).toEqual(['c2', 'b']);
    expect(itemKeys(row(rows, UNLINKED))).toEqual(['c', 'd']);
    // A campaign with nothing in the window is still a row, marked empty.
    const later = buildRows({ groupBy: 'campaign', items: [], campaigns, names });
    expect(later.map((r) => [r.key, r.empty])).toEqual([['c1', true], ['c2', true]]);
  });

  it('by team: one row per live team, by name', () => {
    const teams: TeamRecord[] = [{ id: 't1', name: '青年宣讲团', members: [] }, { id: 't2', name: '志愿队', members: [] }, { id: 't3', name: '解散', members: [], deletedAt: 1 }];
    const items = eventItems([ev('a', { teamId: 't2' }), ev('b', { teamId: 't3' }), ev('c')], W);
    const rows = buildRows({ groupBy: 'team', items, teams, names });
    expect(rows.map((r) => [r.key, r.title, itemKeys(r)])).toEqual([
      ['t1', '青年宣讲团', []],
      ['t2', '志愿队', ['a']],
      [UNLINKED, '未关联', ['b', 'c']],
    ]);
  });

  it('by kind: only the kinds in use, in the kinds’ order, titled by names.kind', () => {
    const items = [...eventItems([ev('a', { kind: 'volunteer' }), ev('b', { kind: 'anniversary' }), ev('c', { kind: 'volunteer' })], W), ...campaignItems([camp('x')], [], W)];
    const rows = buildRows({ groupBy: 'kind', items, names });
    expect(rows.map((r) => [r.key, r.title, itemKeys(r)])).toEqual([
      ['anniversary', 'kind:anniversary', ['b']],
      ['volunteer', 'kind:volunteer', ['a', 'c']],
      [UNLINKED, '未关联', ['x']],
    ]);
    expect(EVENT_KINDS.indexOf('anniversary')).toBeLessThan(EVENT_KINDS.indexOf('volunteer'));
  });

  it('by unit: a row per lead unit (trimmed, sorted), campaigns included', () => {
    const items = [
      ...eventItems([ev('a', { leadUnit: '文明办' }), ev('b', { leadUnit: ' 文明办 ' }), ev('c', { leadUnit: '团委' }), ev('d', { leadUnit: '   ' }), ev('e')], W),
      ...campaignItems([camp('x', { leadUnit: '宣传部' })], [], W),
    ];
    const rows = buildRows({ groupBy: 'unit', items, names });
    const units = ['文明办', '团委', '宣传部'].sort((a, b) => a.localeCompare(b, 'zh'));
    expect(keys(rows)).toEqual([...units, UNLINKED]);
    expect(itemKeys(row(rows, '文明办'))).toEqual(['a', 'b']);
    expect(itemKeys(row(rows, '宣传部'))).toEqual(['x']);
    expect(itemKeys(row(rows, UNLINKED))).toEqual(['d', 'e']);
  });
});

describe('row contents', () => {
  it('counts a series once, and counts it done when it is', () => {
    const items = [
      ...eventItems(
        [
          ev('weekly', { start: '2026-03-02', rrule: 'FREQ=WEEKLY', sectionIds: ['s2'] }),
          ev('done-series', { start: '2026-03-03', rrule: 'FREQ=WEEKLY;COUNT=3', status: 'done', sectionIds: ['s2'] }),
          ev('done', { status: 'done', sectionIds: ['s2'] }),
          ev('planned', { status: 'planned', sectionIds: ['s2'] }),
        ],
        W,
      ),
      ...campaignItems([camp('c', { sectionIds: ['s2'] })], [], W),
    ];
    const r = row(buildRows({ groupBy: 'section', items, plans: [plan(P)], sections: SECTIONS, names }), 's2');
    expect(r.items.filter((i) => i.id === 'weekly').length).toBeGreaterThan(3);
    expect(r.counts).toEqual({ activities: 4, done: 2 });
  });

  it('orders items by start, a campaign first on a tie, and stacks overlaps into lanes', () => {
    const items = [
      ...eventItems(
        [
          ev('late', { start: '2026-03-20', sectionIds: ['s2'] }),
          ev('a', { start: '2026-03-01', end: '2026-03-05', sectionIds: ['s2'] }),
          ev('b', { start: '2026-03-03', sectionIds: ['s2'] }),
          ev('c', { start: '2026-03-05', sectionIds: ['s2'] }),
        ],
        W,
      ),
      ...campaignItems([camp('x', { sectionIds: ['s2'], start: '2026-03-01', end: '2026-03-02' })], [], W),
    ];
    const r = row(buildRows({ groupBy: 'section', items, plans: [plan(P)], sections: SECTIONS, names }), 's2');
    expect(itemKeys(r)).toEqual(['x', 'a', 'b', 'c', 'late']);
    // x [1,2), a [1,5), b [3,4), c [5,6), late [20,21): at most two at once (x and a, then a and b).
    expect(r.laneCount).toBe(2);
    const [x, a, b, c, late] = r.lanes;
    expect(x).not.toBe(a);
    expect(b).not.toBe(a);
    expect(c).toBe(0);
    expect(late).toBe(0);
  });

  it('keeps the given order of items that start together (campaigns first), whatever their number', () => {
    const campaigns = ['c1', 'c2', 'c3'].map((id) => camp(id, { sectionIds: ['s2'] }));
    const events = ['e1', 'e2', 'e3'].map((id) => ev(id, { start: '2026-03-01', sectionIds: ['s2'] }));
    const items = [...eventItems(events, W), ...campaignItems(campaigns, [], W)];
    const r = row(buildRows({ groupBy: 'section', items, plans: [plan(P)], sections: SECTIONS, names }), 's2');
    expect(itemKeys(r)).toEqual(['c1', 'c2', 'c3', 'e1', 'e2', 'e3']);
  });

  it('stacks two markers on one day with the default marker width, and none with markerDays 0', () => {
    const items = eventItems([ev('m1', { start: '2026-03-10T09:00', sectionIds: ['s2'] }), ev('m2', { start: '2026-03-10T15:00', sectionIds: ['s2'] })], W);
    const input = { groupBy: 'section' as const, items, plans: [plan(P)], sections: SECTIONS, names };
    expect(row(buildRows(input), 's2').laneCount).toBe(2);
    expect(row(buildRows({ ...input, markerDays: 0 }), 's2').laneCount).toBe(1);
  });

  it('gives a planned window its room in the lanes', () => {
    const items = eventItems(
      [
        ev('p', { start: '2026-03-01', status: 'planned', notes: '计划时间：3月上旬（2026-03-01 至 2026-03-10）', sectionIds: ['s2'] }),
        ev('q', { start: '2026-03-06', sectionIds: ['s2'] }),
      ],
      W,
    );
    const r = row(buildRows({ groupBy: 'section', items, plans: [plan(P)], sections: SECTIONS, names }), 's2');
    expect(r.laneCount).toBe(2);
    const confirmed = eventItems([ev('p', { start: '2026-03-01', notes: '计划时间：3月上旬（2026-03-01 至 2026-03-10）', sectionIds: ['s2'] }), ev('q', { start: '2026-03-06', sectionIds: ['s2'] })], W);
    expect(row(buildRows({ groupBy: 'section', items: confirmed, plans: [plan(P)], sections: SECTIONS, names }), 's2').laneCount).toBe(1);
  });
});
