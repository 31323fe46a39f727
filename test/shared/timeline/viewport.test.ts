import { describe, expect, it } from 'vitest';
import { layoutRows, visibleRows } from '../../../shared/src/timeline';
import { mulberry32 } from '../../helpers/prng';

/** Brute force: every row whose [top, bottom) meets [scrollTop − overscan, scrollTop + height + overscan). */
function bruteVisible(heights: readonly number[], scrollTop: number, height: number, overscan: number): number[] {
  const top = scrollTop - overscan;
  const bottom = scrollTop + height + overscan;
  const out: number[] = [];
  let y = 0;
  for (const [i, h] of heights.entries()) {
    if (y < bottom && y + h > top) out.push(i);
    y += h;
  }
  return out;
}

const range = (r: { from: number; to: number }) => Array.from({ length: r.to - r.from }, (_, i) => r.from + i);

describe('layoutRows', () => {
  it('gives prefix sums with the total last', () => {
    expect(layoutRows([]).tops).toEqual([0]);
    expect(layoutRows([30, 52, 30, 74]).tops).toEqual([0, 30, 82, 112, 186]);
  });
});

describe('visibleRows', () => {
  const layout = layoutRows([100, 100, 100, 100, 100]);

  it('takes the rows meeting the viewport, with no overscan', () => {
    expect(visibleRows(layout, 0, 150, 0)).toEqual({ from: 0, to: 2 });
    expect(visibleRows(layout, 150, 100, 0)).toEqual({ from: 1, to: 3 });
    // A row ending exactly at the top, or starting exactly at the bottom, is not visible.
    expect(visibleRows(layout, 100, 100, 0)).toEqual({ from: 1, to: 2 });
    expect(visibleRows(layout, 400, 500, 0)).toEqual({ from: 4, to: 5 });
  });

  it('adds the overscan on both sides (default 200 px)', () => {
    expect(visibleRows(layout, 250, 10)).toEqual({ from: 0, to: 5 });
    expect(visibleRows(layout, 250, 10, 60)).toEqual({ from: 1, to: 4 });
  });

  it('gives an empty range past either end and for no rows', () => {
    expect(visibleRows(layout, 600, 100, 0)).toEqual({ from: 5, to: 5 });
    expect(visibleRows(layout, -300, 100, 0).to - visibleRows(layout, -300, 100, 0).from).toBe(0);
    expect(visibleRows(layoutRows([]), 0, 500)).toEqual({ from: 0, to: 0 });
  });

  it('matches a brute force on random heights, scroll positions and viewports', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const rnd = mulberry32(seed);
      const n = Math.floor(rnd() * 80);
      const heights = Array.from({ length: n }, () => 24 + 26 * Math.floor(rnd() * 6) + (rnd() < 0.1 ? 0.5 : 0));
      const l = layoutRows(heights);
      const total = l.tops[n]!;
      for (let k = 0; k < 10; k++) {
        // Sometimes land exactly on a row boundary.
        const scrollTop = rnd() < 0.3 && n > 0 ? l.tops[Math.floor(rnd() * n)]! : Math.floor(rnd() * (total + 400)) - 200;
        const height = Math.floor(rnd() * 900);
        const overscan = [0, 50, 200][Math.floor(rnd() * 3)]!;
        const got = visibleRows(l, scrollTop, height, overscan);
        const want = bruteVisible(heights, scrollTop, height, overscan);
        expect(range(got), JSON.stringify({ seed, k, scrollTop, height, overscan })).toEqual(want);
        expect(got.from).toBeGreaterThanOrEqual(0);
        expect(got.to).toBeLessThanOrEqual(n);
      }
    }
  });
});
