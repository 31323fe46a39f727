import { describe, expect, it } from 'vitest';
import { assignLanes, type Span } from '../../../shared/src/timeline';
import { mulberry32 } from '../../helpers/prng';

/** The span an item occupies in its lane: at least `minWidth` long. */
const footprint = (it: Span, minWidth: number): Span => ({ s: it.s, e: Math.max(it.e, it.s + minWidth) });

/** Brute force: the most footprints covering one point (a maximum is always reached at some start). */
function maxOverlap(items: readonly Span[], minWidth: number): number {
  let best = 0;
  for (const p of items) {
    const n = items.filter((it) => {
      const f = footprint(it, minWidth);
      return f.s <= p.s && p.s < f.e;
    }).length;
    best = Math.max(best, n);
  }
  return best;
}

function expectValid(items: readonly Span[], minWidth: number, got: { lanes: number[]; count: number }): void {
  expect(got.lanes).toHaveLength(items.length);
  for (let i = 0; i < items.length; i++) {
    expect(Number.isInteger(got.lanes[i])).toBe(true);
    expect(got.lanes[i]).toBeGreaterThanOrEqual(0);
    expect(got.lanes[i]).toBeLessThan(got.count);
    for (let j = i + 1; j < items.length; j++) {
      if (got.lanes[i] !== got.lanes[j]) continue;
      const a = footprint(items[i]!, minWidth);
      const b = footprint(items[j]!, minWidth);
      // Half-open spans in one lane must not intersect.
      if (a.s < b.e && b.s < a.e) expect({ i, j, a, b, lane: got.lanes[i] }).toBe('no overlap in one lane');
    }
  }
  // As few lanes as possible: exactly the greatest overlap (at least one lane, even when empty).
  expect(got.count).toBe(Math.max(1, maxOverlap(items, minWidth)));
  // No lane is left empty.
  expect(new Set(got.lanes).size).toBe(items.length === 0 ? 0 : got.count);
}

describe('assignLanes', () => {
  it('has one (empty) lane for no items', () => {
    expect(assignLanes([])).toEqual({ lanes: [], count: 1 });
  });

  it('keeps disjoint and touching spans (half-open) in one lane', () => {
    expect(assignLanes([{ s: 0, e: 2 }, { s: 2, e: 4 }, { s: 5, e: 6 }])).toEqual({ lanes: [0, 0, 0], count: 1 });
  });

  it('stacks overlapping spans and reuses the lowest free lane', () => {
    const items = [{ s: 0, e: 10 }, { s: 1, e: 3 }, { s: 2, e: 5 }, { s: 4, e: 6 }];
    const got = assignLanes(items);
    expect(got.lanes).toEqual([0, 1, 2, 1]);
    expect(got.count).toBe(3);
  });

  it('answers in the input order whatever the order of starts', () => {
    const items = [{ s: 4, e: 6 }, { s: 0, e: 10 }, { s: 2, e: 5 }, { s: 1, e: 3 }];
    expect(assignLanes(items).lanes).toEqual([1, 0, 2, 1]);
  });

  it('gives markers at least minWidth so two on one day stack', () => {
    // Two timed events on one day (10:00–11:00 and 15:00–16:00) as day positions.
    const timed = [{ s: 100 + 10 / 24, e: 100 + 11 / 24 }, { s: 100 + 15 / 24, e: 100 + 16 / 24 }];
    expect(assignLanes(timed).count).toBe(1);
    expect(assignLanes(timed, 1)).toEqual({ lanes: [0, 1], count: 2 });
    // Zero-length points on one day.
    expect(assignLanes([{ s: 5, e: 5 }, { s: 5, e: 5 }], 1)).toEqual({ lanes: [0, 1], count: 2 });
    // …but a marker the next day fits back in lane 0.
    expect(assignLanes([{ s: 5, e: 5 }, { s: 6, e: 6 }], 1)).toEqual({ lanes: [0, 0], count: 1 });
  });

  it('matches a brute-force oracle on random intervals (whole days)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = mulberry32(seed);
      const n = Math.floor(rnd() * 40);
      const items: Span[] = Array.from({ length: n }, () => {
        const s = Math.floor(rnd() * 60);
        return { s, e: s + 1 + Math.floor(rnd() * (rnd() < 0.2 ? 30 : 5)) };
      });
      expectValid(items, 0, assignLanes(items));
    }
  });

  it('matches a brute-force oracle on random fractional intervals and markers with a minimum width', () => {
    for (let seed = 1000; seed <= 1300; seed++) {
      const rnd = mulberry32(seed);
      const n = 1 + Math.floor(rnd() * 30);
      const minWidth = [0, 0.5, 1, 2][Math.floor(rnd() * 4)]!;
      const items: Span[] = Array.from({ length: n }, () => {
        const s = Math.round(rnd() * 30 * 48) / 48;
        const e = rnd() < 0.4 ? s + 1 / 24 : s + Math.round((0.1 + rnd() * 6) * 48) / 48;
        return { s, e };
      });
      expectValid(items, minWidth, assignLanes(items, minWidth));
    }
  });

  it('the oracle itself catches a bad assignment', () => {
    const items = [{ s: 0, e: 3 }, { s: 1, e: 2 }];
    expect(() => expectValid(items, 0, { lanes: [0, 0], count: 1 })).toThrow();
    expect(() => expectValid(items, 0, { lanes: [0, 1], count: 3 })).toThrow();
  });
});
