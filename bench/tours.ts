/**
 * Tours benchmark: a generated year (2026, Asia/Shanghai) with 50 teams, 500 host units and
 * 2,000 sessions, 100 of them monthly or weekly series. Prints median and p95 over repeated
 * runs for: the full conflict check (findConflicts over the year), building the conflict index,
 * the incremental check of one dragged session (60 drag positions, 15 minutes apart, for
 * several sessions), coverage for the year, and the proposer for a 30-unit tour; each against
 * its goal (full ≤ 20 ms, incremental ≤ 2 ms a frame, coverage ≤ 20 ms). The first call of the
 * process is printed apart ("cold"): it fills the zone and holiday caches. Asserts nothing.
 *
 *   npm run bench -- tours
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CampaignRecord, EventRecord, TeamRecord, UnitRecord } from '../shared/src/schema/types';
import { UNIT_CATEGORIES } from '../shared/src/schema/types';
import { addDays, fromMinuteNumber, toMinuteNumber } from '../shared/src/time/dates';
import { isWorkingDay } from '../shared/src/time/working-days';
import { computeCoverage, createConflictIndex, findConflicts, proposeTour, type ConflictOptions } from '../shared/src/tours';
import { mulberry32 } from '../test/helpers/prng';

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * (xs.length - 1) + 0.5))] ?? NaN;
const fmt = (xs: number[]) => `median ${q(xs, 0.5).toFixed(2)} ms, p95 ${q(xs, 0.95).toFixed(2)} ms`;
const verdict = (xs: number[], goal: number) => (q(xs, 0.95) <= goal ? `ok (goal ≤ ${goal} ms)` : `OVER ${goal} ms at p95`);

export interface ToursWorkspace {
  teams: TeamRecord[];
  units: UnitRecord[];
  campaigns: CampaignRecord[];
  events: EventRecord[];
}

/** The generated year; the same seed gives the same workspace. */
export function toursWorkspace(seed = 2026): ToursWorkspace {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
  // 160 speakers for 50 teams of 3–6: some speak for two teams, as in real 宣讲团.
  const people = Array.from({ length: 160 }, (_, i) => `${surnames[i % 20]}${given[Math.floor(i / 20) % 25]}${i >= 100 ? given[i % 25] : ''}`);
  const campaigns: CampaignRecord[] = Array.from({ length: 5 }, (_, i) => ({
    id: `c${i}`,
    title: `专题宣讲 ${i + 1}`,
    start: `2026-${String(1 + i * 2).padStart(2, '0')}-01`,
    end: `2026-${String(3 + i * 2).padStart(2, '0')}-15`,
  }));
  const teams: TeamRecord[] = Array.from({ length: 50 }, (_, i) => ({
    id: `team${i}`,
    name: `宣讲分队${i + 1}`,
    members: Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pick(people)).filter((m, k, a) => a.indexOf(m) === k),
    campaignId: `c${i % 5}`,
  }));
  const districts = ['玄武区', '秦淮区', '建邺区', '鼓楼区', '栖霞区', '雨花台区', '江宁区', '浦口区'];
  const units: UnitRecord[] = Array.from({ length: 500 }, (_, i) => ({
    id: `unit${i}`,
    name: `单位${i + 1}`,
    category: pick(UNIT_CATEGORIES),
    address: `南京市${pick(districts)}${pick(['新街口', '孝陵卫', '东山', '汤山', '燕子矶'])}街道${1 + Math.floor(rand() * 200)}号`,
    target: rand() < 0.8,
  }));
  const workingDays: string[] = [];
  for (let d = '2026-01-01'; d < '2027-01-01'; d = addDays(d, 1)) if (isWorkingDay(d)) workingDays.push(d);
  const slots = ['08:30', '09:00', '10:00', '14:00', '14:30', '15:00', '19:00'];
  const events: EventRecord[] = [];
  for (let i = 0; i < 2000; i++) {
    const team = pick(teams);
    const host = pick(units);
    const day = pick(workingDays);
    const allDay = rand() < 0.02;
    const start = allDay ? day : `${day}T${pick(slots)}`;
    const series = i % 20 === 0;
    events.push({
      id: `s${String(i).padStart(4, '0')}`,
      title: `${team.name}走进${host.name}`,
      kind: 'lecture',
      status: pick(['planned', 'planned', 'confirmed', 'done', 'done', 'cancelled'] as const),
      start,
      end: allDay ? addDays(day, 1) : fromMinuteNumber(toMinuteNumber(start) + pick([60, 90, 120]), false),
      teamId: team.id,
      speakers: team.members.filter(() => rand() < 0.7),
      hostUnitId: host.id,
      location: host.address,
      audience: 20 + Math.floor(rand() * 300),
      campaignId: team.campaignId,
      ...(series ? { rrule: pick(['FREQ=MONTHLY;COUNT=6', 'FREQ=WEEKLY;COUNT=8', 'FREQ=MONTHLY;INTERVAL=2;COUNT=4']) } : {}),
    });
  }
  return { teams, units, campaigns, events };
}

/** `runs` timed calls after `warm` untimed ones (JIT), like plan-parse.ts. */
function time<T>(runs: number, f: () => T, warm = 5): { times: number[]; last: T } {
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < warm; i++) last = f();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = f();
    times.push(performance.now() - t0);
  }
  return { times, last };
}

export async function runToursBench(runs = 50): Promise<void> {
  const ws = toursWorkspace();
  const options: ConflictOptions = { from: '2026-01-01', to: '2027-01-01', timezone: 'Asia/Shanghai', bufferMinutes: 60, campaigns: ws.campaigns };
  const series = ws.events.filter((e) => e.rrule).length;
  console.log(`tours: ${ws.teams.length} teams, ${ws.units.length} units, ${ws.events.length} sessions (${series} series)`);

  const cold = time(1, () => findConflicts(ws.events, options), 0);
  const full = time(runs, () => findConflicts(ws.events, options));
  const conflicts = full.last;
  const hard = conflicts.filter((c) => c.severity === 'hard').length;
  console.log(`tours full check: ${fmt(full.times)} over ${runs} runs [${verdict(full.times, 20)}]; cold ${cold.times[0].toFixed(1)} ms; ${conflicts.length} conflicts (${hard} hard)`);
  const berlin = { ...options, timezone: 'Europe/Berlin' };
  console.log(`tours full check in Europe/Berlin (DST): ${fmt(time(runs, () => findConflicts(ws.events, berlin)).times)}`);

  const build = time(runs, () => createConflictIndex(ws.events, options));
  console.log(`tours index build: ${fmt(build.times)}`);

  // A drag: the same session offered at 60 positions, 15 minutes apart, as a pointer moves.
  const index = build.last;
  const frames: number[] = [];
  const dragged = ws.events.filter((e, i) => i % 97 === 0 || (e.rrule && i % 7 === 0)).slice(0, 12);
  for (const e of dragged) {
    for (let step = 0; step < 60; step++) {
      const shift = (v: string) => fromMinuteNumber(toMinuteNumber(v) + (v.includes('T') ? step * 15 : Math.floor(step / 10) * 1440), !v.includes('T'));
      const candidate = { ...e, start: shift(e.start), ...(e.end ? { end: shift(e.end) } : {}) };
      const t0 = performance.now();
      index.check(candidate);
      frames.push(performance.now() - t0);
    }
  }
  console.log(`tours incremental check (drag): ${fmt(frames)} per frame over ${frames.length} frames of ${dragged.length} sessions (${dragged.filter((e) => e.rrule).length} series) [${verdict(frames, 2)}]`);

  const coverage = time(runs, () => computeCoverage({ events: ws.events, teams: ws.teams, units: ws.units, year: 2026 }));
  const c = coverage.last;
  console.log(`tours coverage (year): ${fmt(coverage.times)} [${verdict(coverage.times, 20)}]; ${c.total.planned} sessions, ${c.total.reached}/${c.total.targets} targets reached`);

  const team = ws.teams[0];
  const tourUnits = ws.units.slice(100, 130);
  const propose = time(Math.max(5, Math.floor(runs / 3)), () =>
    proposeTour({
      team,
      units: tourUnits,
      from: '2026-09-01',
      to: '2026-11-01',
      perDay: 2,
      slots: ['09:00', '14:30'],
      durationMinutes: 90,
      existing: ws.events,
      timezone: 'Asia/Shanghai',
      bufferMinutes: 60,
      speakersPerSession: 2,
    }),
  );
  const p = propose.last;
  console.log(`tours proposer (30 units, Sep–Oct, 2,000 existing): ${fmt(propose.times)}; ${p.drafts.length} drafts, ${p.unplaced.length} unplaced`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runToursBench();
}
