import { describe, expect, it } from 'vitest';
import type { EventRecord, EventStatus, TeamRecord, UnitRecord } from '../../../shared/src/schema/types';
import { UNIT_CATEGORIES } from '../../../shared/src/schema/types';
import { expandOccurrences } from '../../../shared/src/time/recurrence';
import { computeCoverage } from '../../../shared/src/tours';
import { mulberry32 } from '../../helpers/prng';

const team = (id: string, extra: Partial<TeamRecord> = {}): TeamRecord => ({ id, name: id, members: [], ...extra });
const unit = (id: string, category: UnitRecord['category'], target = true, extra: Partial<UnitRecord> = {}): UnitRecord => ({ id, name: id, category, target, ...extra });
let n = 0;
const session = (teamId: string | undefined, hostUnitId: string | undefined, start: string, status: EventStatus, extra: Partial<EventRecord> = {}): EventRecord => ({
  id: `s${n++}`,
  title: 'S',
  kind: 'lecture',
  status,
  start,
  ...(teamId ? { teamId } : {}),
  ...(hostUnitId ? { hostUnitId } : {}),
  ...extra,
});

describe('computeCoverage: a hand-counted year', () => {
  const teams = [team('t1'), team('t2'), team('gone', { deletedAt: 1 })];
  const units = [
    unit('a1', 'agency'),
    unit('a2', 'agency'),
    unit('v1', 'village'),
    unit('e1', 'enterprise', false), // not a target
    unit('old', 'school', true, { deletedAt: 2 }),
  ];
  const events = [
    session('t1', 'a1', '2026-03-05T09:00', 'done', { audience: 120 }),
    session('t1', 'a1', '2026-03-20T09:00', 'planned', { audience: 80 }),
    session('t2', 'a2', '2026-04-01', 'confirmed', { audience: 50 }),
    session('t2', 'v1', '2026-04-10T14:00', 'done', { audience: 30 }),
    session('t1', 'e1', '2026-05-01T09:00', 'done', { audience: 10 }),
    session('t1', 'v1', '2026-05-02T09:00', 'cancelled', { audience: 999 }), // never counts
    session('t1', 'v1', '2026-05-03T09:00', 'done', { audience: 999, deletedAt: 1 }), // never counts
    session('t1', undefined, '2026-05-04T09:00', 'done'), // not a session: no unit
    session('gone', 'a2', '2026-06-01T09:00', 'done'), // deleted team
    session('t2', 'old', '2026-06-02T09:00', 'done'), // deleted unit
    session('t2', 'nowhere', '2026-06-03T09:00', 'done'), // unknown unit
    session('t2', 'a2', '2025-12-31T20:00', 'done', { audience: 7 }), // last year
    // Monthly series at v1 by t2, Oct–Dec 2026 and on into 2027.
    session('t2', 'v1', '2026-10-15T09:00', 'planned', { rrule: 'FREQ=MONTHLY;COUNT=5', audience: 40 }),
  ];
  const c = computeCoverage({ events, teams, units, year: 2026 });

  it('lists live units and teams as rows and columns, with done and planned per cell', () => {
    expect(c.teamIds).toEqual(['t1', 't2']);
    expect(c.rows.map((r) => [r.unitId, r.cells.map((x) => `${x.done}/${x.planned}`).join(' '), r.reached])).toEqual([
      ['a1', '1/2 0/0', true],
      ['a2', '0/0 0/1', false],
      ['v1', '0/0 1/4', true],
      ['e1', '1/1 0/0', true],
    ]);
    expect(c.unmatched.sort()).toEqual(events.filter((e) => ['gone', 'old', 'nowhere'].some((x) => e.teamId === x || e.hostUnitId === x)).map((e) => e.id).sort());
  });

  it('reached target units by category, by team and overall; no targets → null, not NaN', () => {
    expect(c.byCategory.agency).toEqual({ targets: 2, reached: 1, percent: 50 });
    expect(c.byCategory.village).toEqual({ targets: 1, reached: 1, percent: 100 });
    expect(c.byCategory.enterprise).toEqual({ targets: 0, reached: 0, percent: null });
    expect(c.byCategory.school).toEqual({ targets: 0, reached: 0, percent: null }); // the only school is deleted
    expect(Object.keys(c.byCategory)).toEqual([...UNIT_CATEGORIES]);
    expect(c.byTeam.t1).toEqual({ targets: 3, reached: 1, percent: (1 / 3) * 100, planned: 3, done: 2 });
    expect(c.byTeam.t2).toEqual({ targets: 3, reached: 1, percent: (1 / 3) * 100, planned: 5, done: 1 });
    expect(c.total).toEqual({ targets: 3, reached: 2, percent: (2 / 3) * 100, planned: 8, done: 3, audience: 160, plannedAudience: 80 + 50 + 3 * 40 });
  });

  it('months: all twelve of the year, sessions, done, audience and planned audience', () => {
    expect(c.year).toBe(2026);
    expect(c.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    const m = Object.fromEntries(c.months.filter((x) => x.sessions > 0).map((x) => [x.month, [x.sessions, x.done, x.audience, x.plannedAudience]]));
    expect(m).toEqual({
      '2026-03': [2, 1, 120, 80],
      '2026-04': [2, 1, 30, 50],
      '2026-05': [1, 1, 10, 0],
      '2026-10': [1, 0, 0, 40],
      '2026-11': [1, 0, 0, 40],
      '2026-12': [1, 0, 0, 40],
    });
  });

  it('without a year: every record once at its start, months that have sessions', () => {
    const all = computeCoverage({ events, teams, units });
    expect(all.year).toBeUndefined();
    expect(all.total.planned).toBe(8 - 3 + 1 + 1); // the series once, last year's session too
    expect(all.months.map((x) => x.month)).toEqual(['2025-12', '2026-03', '2026-04', '2026-05', '2026-10']);
  });

  it('an empty directory gives zeros and nulls', () => {
    const empty = computeCoverage({ events: [], teams: [], units: [] });
    expect(empty.total).toEqual({ targets: 0, reached: 0, percent: null, planned: 0, done: 0, audience: 0, plannedAudience: 0 });
    expect(empty.rows).toEqual([]);
    expect(empty.months).toEqual([]);
  });
});

describe('computeCoverage: brute-force recount', () => {
  it('matches counting each figure separately on 300 generated years', () => {
    const rand = mulberry32(21);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    for (let k = 0; k < 300; k++) {
      const teams = Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, i) => team(`t${i}`, rand() < 0.1 ? { deletedAt: 1 } : {}));
      const units = Array.from({ length: 1 + Math.floor(rand() * 12) }, (_, i) =>
        unit(`u${i}`, pick(UNIT_CATEGORIES), rand() < 0.7, rand() < 0.1 ? { deletedAt: 1 } : {}),
      );
      const events = Array.from({ length: Math.floor(rand() * 40) }, () => {
        const month = 1 + Math.floor(rand() * 14) - 1; // 0 = Dec 2025, 13 = Jan 2027
        const y = month === 0 ? 2025 : month === 13 ? 2027 : 2026;
        const m = month === 0 ? 12 : month === 13 ? 1 : month;
        const start = `${y}-${String(m).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}${rand() < 0.8 ? 'T09:00' : ''}`;
        return session(
          rand() < 0.9 ? `t${Math.floor(rand() * 6)}` : undefined,
          rand() < 0.9 ? `u${Math.floor(rand() * 13)}` : undefined,
          start,
          pick(['planned', 'confirmed', 'done', 'done', 'cancelled'] as const),
          {
            ...(rand() < 0.8 ? { audience: Math.floor(rand() * 200) } : {}),
            ...(rand() < 0.05 ? { deletedAt: 1 } : {}),
            ...(rand() < 0.15 ? { rrule: pick(['FREQ=MONTHLY;COUNT=3', 'FREQ=WEEKLY;COUNT=4', 'FREQ=MONTHLY;INTERVAL=2']) } : {}),
          },
        );
      });
      const got = computeCoverage({ events, teams, units, year: 2026 });

      // One flat list of counted occurrences, the slow way.
      const liveTeam = (id?: string) => teams.some((t) => t.id === id && t.deletedAt === undefined);
      const liveUnit = (id?: string) => units.some((u) => u.id === id && u.deletedAt === undefined);
      const occ = events
        .filter((e) => e.deletedAt === undefined && e.status !== 'cancelled' && e.teamId && e.hostUnitId && liveTeam(e.teamId) && liveUnit(e.hostUnitId))
        .flatMap((e) => expandOccurrences(e, '2026-01-01', '2027-01-01', 100_000).filter((o) => o.start.startsWith('2026')).map((o) => ({ e, month: o.start.slice(0, 7) })));
      const targets = units.filter((u) => u.target && u.deletedAt === undefined);
      const reachedBy = (u: UnitRecord, teamId?: string) => occ.some((o) => o.e.hostUnitId === u.id && o.e.status === 'done' && (!teamId || o.e.teamId === teamId));
      const pct = (r: number, t: number) => (t ? (r / t) * 100 : null);

      for (const row of got.rows) {
        got.teamIds.forEach((t, i) => {
          const here = occ.filter((o) => o.e.hostUnitId === row.unitId && o.e.teamId === t);
          expect(row.cells[i]).toEqual({ planned: here.length, done: here.filter((o) => o.e.status === 'done').length });
        });
      }
      for (const category of UNIT_CATEGORIES) {
        const ts = targets.filter((u) => u.category === category);
        const r = ts.filter((u) => reachedBy(u)).length;
        expect(got.byCategory[category]).toEqual({ targets: ts.length, reached: r, percent: pct(r, ts.length) });
      }
      for (const t of got.teamIds) expect(got.byTeam[t].reached).toBe(targets.filter((u) => reachedBy(u, t)).length);
      expect(got.total.planned).toBe(occ.length);
      expect(got.total.reached).toBe(targets.filter((u) => reachedBy(u)).length);
      for (const m of got.months) {
        const here = occ.filter((o) => o.month === m.month);
        const done = here.filter((o) => o.e.status === 'done');
        expect([m.sessions, m.done, m.audience, m.plannedAudience]).toEqual([
          here.length,
          done.length,
          done.reduce((s, o) => s + (o.e.audience ?? 0), 0),
          here.filter((o) => o.e.status !== 'done').reduce((s, o) => s + (o.e.audience ?? 0), 0),
        ]);
      }
    }
  }, 60_000);
});
