/**
 * Generated phase trees (seeded, so a failure replays): after cascadeMove, keep-gaps leaves every
 * downstream link exactly at its lag (and a gap the plan left larger than the lag as it was); on-overlap leaves no downstream link violated and moves
 * nothing whose link still held.
 */
import { describe, expect, it } from 'vitest';
import { brokenLinks, cascadeMove, earliestStart, fixLinks, measureLag } from '../../../shared/src/phases';
import type { EventRecord } from '../../../shared/src/schema/types';
import { addDays, compareDateValues, effectiveEnd, toMinuteNumber } from '../../../shared/src/time/dates';
import { mulberry32 } from '../../helpers/prng';
import { apply, byId, chain, type ChainLink } from './fixtures';

const link = (e: EventRecord) => ({ lagDays: e.lagDays ?? 0, lagUnit: e.lagUnit ?? ('day' as const) });
const pad = (n: number) => String(n).padStart(2, '0');

/** A tree of 2–9 phases, each after a random earlier one, placed on or after its link point. */
function generate(rand: () => number, withSlack = true): EventRecord[] {
  const n = 2 + Math.floor(rand() * 8);
  const links: ChainLink[] = [];
  const ends = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const id = `p${i}`;
    const timed = rand() < 0.4;
    const time = `${pad(8 + Math.floor(rand() * 10))}:${rand() < 0.5 ? '00' : '30'}`;
    const lagDays = Math.floor(rand() * 4);
    const lagUnit = rand() < 0.5 ? ('workday' as const) : ('day' as const);
    const after = i === 0 ? undefined : `p${Math.floor(rand() * i)}`;
    const slack = !withSlack || rand() < 0.5 ? 0 : Math.floor(rand() * 4);
    let start: string;
    if (after === undefined) start = timed ? `2026-09-2${Math.floor(rand() * 8)}T${time}` : `2026-09-2${Math.floor(rand() * 8)}`;
    else start = addDays(earliestStart(ends.get(after)!, { lagDays, lagUnit }, timed ? time : null), slack);
    const end = timed ? shiftMinutes(start, 30 + Math.floor(rand() * 8) * 30) : addDays(start, 1 + Math.floor(rand() * 3));
    ends.set(id, end);
    links.push({ id, start, end, ...(after ? { after, lagDays, lagUnit } : {}) });
  }
  return chain(links);
}

function shiftMinutes(v: string, m: number): string {
  const t = toMinuteNumber(v) + m;
  const day = addDays('1970-01-01', Math.floor(t / 1440));
  const rest = t % 1440;
  return `${day}T${pad(Math.floor(rest / 60))}:${pad(rest % 60)}`;
}

/** Ids downstream of `id` (not including it). */
function descendants(events: EventRecord[], id: string): Set<string> {
  const out = new Set<string>();
  const queue = [id];
  while (queue.length > 0) {
    const cur = queue.shift()!;
    for (const e of events) {
      if (e.after !== cur || out.has(e.id)) continue;
      out.add(e.id);
      queue.push(e.id);
    }
  }
  return out;
}

function earliestOf(all: Map<string, EventRecord>, e: EventRecord): string {
  const pred = all.get(e.after!)!;
  return earliestStart(effectiveEnd(pred.start, pred.end), link(e), e.start);
}

describe('cascadeMove over generated phase trees', () => {
  it('keep-gaps: every link downstream of the moved phase sits exactly on its lag', () => {
    const rand = mulberry32(20261001);
    for (let run = 0; run < 300; run++) {
      const events = generate(rand, false);
      const phases = events.slice(1);
      const moved = phases[Math.floor(rand() * phases.length)]!;
      const newStart = addDays(moved.start, Math.floor(rand() * 21) - 7);
      const after = byId(apply(events, cascadeMove(events, moved.id, newStart, undefined, 'keep-gaps')));
      for (const id of descendants(events, moved.id)) {
        const e = after.get(id)!;
        expect(e.start, `run ${run}, ${id}`).toBe(earliestOf(after, e));
        // Lengths and times of day survive the move.
        const was = events.find((x) => x.id === id)!;
        expect(toMinuteNumber(effectiveEnd(e.start, e.end)) - toMinuteNumber(e.start)).toBe(
          toMinuteNumber(effectiveEnd(was.start, was.end)) - toMinuteNumber(was.start),
        );
        expect(e.start.slice(10)).toBe(was.start.slice(10));
      }
      // Nothing upstream or beside the moved phase changes.
      const down = descendants(events, moved.id);
      for (const e of phases) if (e.id !== moved.id && !down.has(e.id)) expect(after.get(e.id)!.start).toBe(e.start);
    }
  });

  it('keep-gaps with slack: every downstream gap, measured in its unit, is what it was', () => {
    const rand = mulberry32(99);
    for (let run = 0; run < 300; run++) {
      const events = generate(rand);
      const before = byId(events);
      const moved = events[1 + Math.floor(rand() * (events.length - 1))]!;
      const newStart = addDays(moved.start, Math.floor(rand() * 21) - 7);
      const after = byId(apply(events, cascadeMove(events, moved.id, newStart, undefined, 'keep-gaps')));
      const gap = (all: Map<string, EventRecord>, e: EventRecord) => {
        const pred = all.get(e.after!)!;
        return measureLag(effectiveEnd(pred.start, pred.end), e.start, link(e).lagUnit);
      };
      for (const id of descendants(events, moved.id)) {
        const e = after.get(id)!;
        expect(gap(after, e), `run ${run}, ${id}`).toBe(gap(before, before.get(id)!));
        expect(e.start).toBe(earliestStart(effectiveEnd(after.get(e.after!)!.start, after.get(e.after!)!.end), { ...link(e), lagDays: gap(after, e) }, e.start));
      }
    }
  });

  it('on-overlap: no downstream link is violated and only phases whose link broke moved', () => {
    const rand = mulberry32(7);
    for (let run = 0; run < 300; run++) {
      const events = generate(rand);
      const phases = events.slice(1);
      const moved = phases[Math.floor(rand() * phases.length)]!;
      const newStart = addDays(moved.start, Math.floor(rand() * 21) - 7);
      const changes = cascadeMove(events, moved.id, newStart, undefined, 'on-overlap');
      const after = byId(apply(events, changes));
      const down = descendants(events, moved.id);
      for (const e of phases) {
        const now = after.get(e.id)!;
        if (e.id === moved.id) continue;
        if (!down.has(e.id)) {
          expect(now.start).toBe(e.start);
          continue;
        }
        const earliest = earliestOf(after, now);
        expect(compareDateValues(now.start, earliest), `run ${run}, ${e.id}`).toBeGreaterThanOrEqual(0);
        if (now.start !== e.start) {
          // It moved: then its old start broke the link, and it sits exactly on its earliest start.
          expect(compareDateValues(e.start, earliestOf(after, e)), `run ${run}, ${e.id} moved needlessly`).toBeLessThan(0);
          expect(now.start).toBe(earliest);
        }
      }
    }
  });

  it('fixLinks after random concurrent moves: no link broken, nothing earlier, untouched links untouched', () => {
    const rand = mulberry32(4242);
    for (let run = 0; run < 200; run++) {
      const events = generate(rand);
      // Two "offline" moves of random phases, applied without their cascades (last writer wins).
      let merged = events;
      for (let k = 0; k < 2; k++) {
        const e = merged[1 + Math.floor(rand() * (merged.length - 1))]!;
        const start = addDays(e.start, Math.floor(rand() * 11) - 5);
        merged = apply(merged, cascadeMove(merged, e.id, start, undefined, 'on-overlap').slice(0, 1));
      }
      const broken = new Set(brokenLinks(merged).map((b) => b.id));
      const fixed = byId(apply(merged, fixLinks(merged, 'main')));
      expect(brokenLinks([...fixed.values()]), `run ${run}`).toEqual([]);
      const reach = new Set<string>();
      for (const id of broken) for (const d of [id, ...descendants(merged, id)]) reach.add(d);
      for (const e of merged.slice(1)) {
        const now = fixed.get(e.id)!;
        expect(compareDateValues(now.start, e.start), `run ${run}, ${e.id}`).toBeGreaterThanOrEqual(0);
        if (!reach.has(e.id)) expect(now.start).toBe(e.start);
      }
    }
  });
});
