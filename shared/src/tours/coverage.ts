/**
 * How far a year's tour has reached: sessions per host unit and team, the share of target
 * units reached (by category and by team), and sessions and audience by month.
 *
 * A session is a live, not cancelled event with a teamId and a hostUnitId. With `year`, a
 * series counts once per occurrence starting in that year (each with the series' status and
 * audience); without it, every record counts once, at its start, since an open-ended series
 * has no count. A session whose team or unit is not a live record is left out of every figure
 * and listed in `unmatched`, so that the matrix, the shares and the totals always add up.
 */
import type { EventRecord, TeamRecord, UnitCategory, UnitRecord } from '../schema/types';
import { UNIT_CATEGORIES } from '../schema/types';
import { isValidDateValue } from '../time/dates';
import { cachedOccurrences } from './expansion-cache';
import { isActiveEvent, isLive } from './session';

export interface SessionCounts {
  /** All sessions, done ones included. */
  planned: number;
  done: number;
}

/** Target units reached (≥ 1 done session) out of target units; percent 0–100, null without targets. */
export interface CoverageShare {
  targets: number;
  reached: number;
  percent: number | null;
}

export interface CoverageRow {
  unitId: string;
  target: boolean;
  /** One per `teamIds`, in that order. */
  cells: SessionCounts[];
  sessions: SessionCounts;
  reached: boolean;
}

export interface MonthCoverage {
  /** YYYY-MM */
  month: string;
  sessions: number;
  done: number;
  /** Sum of `audience` over done sessions: people actually reached. */
  audience: number;
  /** Sum of `audience` over sessions not yet done: people still expected. */
  plannedAudience: number;
}

export interface Coverage {
  year?: number;
  /** Live teams, in the given order: the matrix's columns. */
  teamIds: string[];
  /** Live units, in the given order: the matrix's rows. */
  rows: CoverageRow[];
  byCategory: Record<UnitCategory, CoverageShare>;
  /** Each team's sessions, and the target units it has reached itself. */
  byTeam: Record<string, CoverageShare & SessionCounts>;
  total: CoverageShare & SessionCounts & { audience: number; plannedAudience: number };
  /** With `year`, all twelve months; otherwise the months that have sessions, in order. */
  months: MonthCoverage[];
  /** Ids of sessions naming a team or unit that is missing or deleted. */
  unmatched: string[];
}

export interface CoverageInput {
  events: readonly EventRecord[];
  teams: readonly TeamRecord[];
  units: readonly UnitRecord[];
  year?: number;
}

interface Counted {
  event: EventRecord;
  month: string;
  done: boolean;
}

const share = (targets: number, reached: number): CoverageShare => ({
  targets,
  reached,
  percent: targets === 0 ? null : (reached / targets) * 100,
});

const audienceOf = (e: EventRecord) => (Number.isFinite(e.audience) && e.audience! > 0 ? e.audience! : 0);

/** The occurrences of one session that count: YYYY-MM of each start. */
function countedMonths(event: EventRecord, year: number | undefined): string[] {
  if (year === undefined) return isValidDateValue(event.start) ? [event.start.slice(0, 7)] : [];
  const from = `${String(year).padStart(4, '0')}-01-01`;
  const to = `${String(year + 1).padStart(4, '0')}-01-01`;
  // expandOccurrences gives overlaps; a session starting on 31 December belongs to that year only.
  const months: string[] = [];
  for (const o of cachedOccurrences(event, from, to, 100_000)) if (o.start >= from) months.push(o.start.slice(0, 7));
  return months;
}

function monthsOf(year: number | undefined, counted: readonly Counted[]): MonthCoverage[] {
  const keys =
    year === undefined
      ? [...new Set(counted.map((c) => c.month))].sort()
      : Array.from({ length: 12 }, (_, i) => `${String(year).padStart(4, '0')}-${String(i + 1).padStart(2, '0')}`);
  const months = new Map(keys.map((month) => [month, { month, sessions: 0, done: 0, audience: 0, plannedAudience: 0 }]));
  for (const c of counted) {
    const m = months.get(c.month)!;
    m.sessions++;
    if (c.done) {
      m.done++;
      m.audience += audienceOf(c.event);
    } else m.plannedAudience += audienceOf(c.event);
  }
  return [...months.values()];
}

export function computeCoverage({ events, teams, units, year }: CoverageInput): Coverage {
  const liveTeams = teams.filter(isLive);
  const liveUnits = units.filter(isLive);
  const teamIndex = new Map(liveTeams.map((t, i) => [t.id, i]));
  const unitIndex = new Map(liveUnits.map((u, i) => [u.id, i]));
  const rows: CoverageRow[] = liveUnits.map((u) => ({
    unitId: u.id,
    target: u.target === true,
    cells: liveTeams.map(() => ({ planned: 0, done: 0 })),
    sessions: { planned: 0, done: 0 },
    reached: false,
  }));
  const counted: Counted[] = [];
  const unmatched: string[] = [];
  for (const event of events) {
    if (!isActiveEvent(event) || !event.teamId || !event.hostUnitId) continue;
    const t = teamIndex.get(event.teamId);
    const u = unitIndex.get(event.hostUnitId);
    if (t === undefined || u === undefined) {
      unmatched.push(event.id);
      continue;
    }
    const done = event.status === 'done';
    for (const month of countedMonths(event, year)) {
      counted.push({ event, month, done });
      const row = rows[u];
      row.cells[t].planned++;
      row.sessions.planned++;
      if (done) {
        row.cells[t].done++;
        row.sessions.done++;
        row.reached = true;
      }
    }
  }

  // One pass over the matrix for the shares (units × teams cells; no closure per cell).
  const categoryTargets = new Map<UnitCategory, { targets: number; reached: number }>(UNIT_CATEGORIES.map((c) => [c, { targets: 0, reached: 0 }]));
  const teamTotals = liveTeams.map(() => ({ reached: 0, planned: 0, done: 0 }));
  let targets = 0;
  let reached = 0;
  for (let u = 0; u < rows.length; u++) {
    const row = rows[u];
    for (let t = 0; t < teamTotals.length; t++) {
      const cell = row.cells[t];
      teamTotals[t].planned += cell.planned;
      teamTotals[t].done += cell.done;
      if (row.target && cell.done > 0) teamTotals[t].reached++;
    }
    if (!row.target) continue;
    // Only a guard: readers validate categories, but a unit must never vanish from the totals.
    const category = categoryTargets.get(liveUnits[u].category) ?? categoryTargets.get('other')!;
    targets++;
    category.targets++;
    if (row.reached) {
      reached++;
      category.reached++;
    }
  }
  const byCategory = {} as Record<UnitCategory, CoverageShare>;
  for (const [category, n] of categoryTargets) byCategory[category] = share(n.targets, n.reached);
  const byTeam: Coverage['byTeam'] = {};
  liveTeams.forEach((team, t) => {
    const n = teamTotals[t];
    byTeam[team.id] = { ...share(targets, n.reached), planned: n.planned, done: n.done };
  });
  const months = monthsOf(year, counted);
  const total = {
    ...share(targets, reached),
    planned: counted.length,
    done: counted.filter((c) => c.done).length,
    audience: months.reduce((n, m) => n + m.audience, 0),
    plannedAudience: months.reduce((n, m) => n + m.plannedAudience, 0),
  };
  return { ...(year === undefined ? {} : { year }), teamIds: liveTeams.map((t) => t.id), rows, byCategory, byTeam, total, months, unmatched };
}
