import { describe, expect, it } from 'vitest';
import {
  paginateRows,
  pieceHeight,
  placeTrackItems,
  rowHeight,
  type PageLayout,
  type PageRow,
  type TimelinePage,
} from '../../../shared/src/print/timeline-pages';

const row = (lanes: number, extra: Partial<PageRow> = {}): PageRow => ({ lanes, laneHeight: 10, fixed: 4, minHeight: 14, ...extra });

/** Every lane of every row exactly once, in order, and the page's `used` adds up. */
function checkCover(rows: readonly PageRow[], pages: readonly TimelinePage[], layout: PageLayout): void {
  const seen: string[] = [];
  for (const p of pages) for (const s of p.slices) for (let l = s.fromLane; l < s.toLane; l++) seen.push(`${s.row}:${l}`);
  const want = rows.flatMap((r, i) => Array.from({ length: Math.max(1, r.lanes) }, (_, l) => `${i}:${l}`));
  expect(seen).toEqual(want);
  pages.forEach((p, i) => {
    const sum = p.slices.reduce((a, s) => a + s.height, 0) + layout.header + (i === 0 ? layout.first ?? 0 : 0) + (p.last ? layout.last ?? 0 : 0);
    expect(p.used).toBeCloseTo(sum);
    expect(p.first).toBe(i === 0);
    expect(p.last).toBe(i === pages.length - 1);
    if (!p.overflow) expect(p.used).toBeLessThanOrEqual(layout.pageHeight + 1e-6);
    for (const s of p.slices) expect(s.height).toBe(pieceHeight(rows[s.row]!, s.toLane - s.fromLane));
  });
}

describe('paginateRows', () => {
  it('puts rows on one page when they fit, with the extras', () => {
    const rows = [row(1), row(2), row(1)];
    const layout = { pageHeight: 200, header: 20, first: 30, last: 20 };
    const pages = paginateRows(rows, layout);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.slices.map((s) => s.row)).toEqual([0, 1, 2]);
    expect(pages[0]!.used).toBe(20 + 30 + 14 + 24 + 14 + 20);
    checkCover(rows, pages, layout);
  });

  it('has one page with the header and the signature when there are no rows', () => {
    const pages = paginateRows([], { pageHeight: 100, header: 10, first: 20, last: 10 });
    expect(pages).toEqual([{ slices: [], used: 40, first: true, last: true, overflow: false }]);
  });

  it('moves a row that does not fit to the next page whole, each page under the header', () => {
    // 60 rows of 14: first page holds (200 - 20 - 30) / 14 = 10, later pages (200 - 20) / 14 = 12.
    const rows = Array.from({ length: 60 }, () => row(1));
    const layout = { pageHeight: 200, header: 20, first: 30, last: 0 };
    const pages = paginateRows(rows, layout);
    expect(pages.map((p) => p.slices.length)).toEqual([10, 12, 12, 12, 12, 2]);
    expect(pages.every((p) => p.slices.every((s) => !s.continued && !s.continues))).toBe(true);
    checkCover(rows, pages, layout);
  });

  it('uses the label height when it is taller than the lanes', () => {
    const r = row(1, { minHeight: 30 });
    expect(rowHeight(r)).toBe(30);
    expect(rowHeight(row(3))).toBe(34);
    const pages = paginateRows([r, r, r], { pageHeight: 80, header: 10 });
    expect(pages.map((p) => p.slices.length)).toEqual([2, 1]);
  });

  it('splits a row taller than a page between lanes, starting where a lane fits', () => {
    const rows = [row(1), row(30), row(1)];
    const layout = { pageHeight: 120, header: 20 };
    const pages = paginateRows(rows, layout);
    checkCover(rows, pages, layout);
    // Page 1: the small row (14) and 8 lanes (4 + 80 = 84 ≤ 86) of the tall one.
    expect(pages[0]!.slices).toEqual([
      { row: 0, fromLane: 0, toLane: 1, height: 14, continued: false, continues: false },
      { row: 1, fromLane: 0, toLane: 8, height: 84, continued: false, continues: true },
    ]);
    expect(pages[1]!.slices[0]).toMatchObject({ row: 1, fromLane: 8, toLane: 17, continued: true, continues: true });
    expect(pages.at(-1)!.slices.at(-1)).toMatchObject({ row: 2 });
    expect(pages.some((p) => p.overflow)).toBe(false);
  });

  it('never leaves a heading alone at the foot of a page', () => {
    // Page room 90: rows 0–4 take 70, the heading (5) fits at 84, its child (6) does not.
    const rows = [row(1), row(1), row(1), row(1), row(1), row(1, { keepWithNext: true }), row(1)];
    const layout = { pageHeight: 100, header: 10 };
    const pages = paginateRows(rows, layout);
    expect(pages.map((p) => p.slices.map((s) => s.row))).toEqual([[0, 1, 2, 3, 4], [5, 6]]);
    checkCover(rows, pages, layout);
  });

  it('keeps room for the signature on the last page, taking the last row along when needed', () => {
    const rows = Array.from({ length: 6 }, () => row(1));
    // 6 × 14 = 84 fits in 90 but not with a 10-high signature line.
    const layout = { pageHeight: 100, header: 10, last: 10 };
    const pages = paginateRows(rows, layout);
    expect(pages.map((p) => p.slices.map((s) => s.row))).toEqual([[0, 1, 2, 3, 4], [5]]);
    expect(pages[1]!.used).toBe(10 + 14 + 10);
    checkCover(rows, pages, layout);
  });

  it('always makes progress, marking a page whose one label cannot fit', () => {
    const rows = [row(1, { minHeight: 500 }), row(1)];
    const layout = { pageHeight: 100, header: 10 };
    const pages = paginateRows(rows, layout);
    checkCover(rows, pages, layout);
    expect(pages[0]!.overflow).toBe(true);
    expect(pages[1]!.overflow).toBe(false);
  });

  it('covers every lane for random rows and layouts', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let t = 0; t < 300; t++) {
      const rows = Array.from({ length: Math.floor(rnd() * 80) }, () =>
        row(1 + Math.floor(rnd() ** 3 * 40), { minHeight: 8 + rnd() * 30, keepWithNext: rnd() < 0.2 }),
      );
      const layout = { pageHeight: 150 + rnd() * 300, header: 10 + rnd() * 20, first: rnd() * 40, last: rnd() * 30 };
      const pages = paginateRows(rows, layout);
      checkCover(rows, pages, layout);
      expect(pages.some((p) => p.overflow)).toBe(false);
    }
  });
});

describe('placeTrackItems', () => {
  const opts = { gap: 4, markerWidth: 6, insidePad: 2 };

  it('puts a title inside a bar that is wide enough, else after it', () => {
    const { items, laneCount } = placeTrackItems(
      [
        { left: 10, right: 110, marker: false, labelWidth: 50 },
        { left: 200, right: 210, marker: false, labelWidth: 50 },
      ],
      1000,
      opts,
    );
    expect(items[0]).toMatchObject({ side: 'inside', left: 10, width: 100, labelLeft: 12, lane: 0 });
    expect(items[1]).toMatchObject({ side: 'right', labelLeft: 214, lane: 0 });
    expect(laneCount).toBe(1);
  });

  it('puts the title of an item near the right edge before it, never past the edge', () => {
    const { items } = placeTrackItems(
      [
        { left: 990, right: 990, marker: true, labelWidth: 120 },
        { left: 900, right: 1000, marker: false, labelWidth: 300 },
        { left: 0, right: 1000, marker: false, labelWidth: 1200 },
        { left: 1020, right: 1030, marker: true, labelWidth: 40 },
      ],
      1000,
      opts,
    );
    for (const p of items) {
      expect(p.labelLeft).toBeGreaterThanOrEqual(0);
      expect(p.labelLeft + p.labelWidth).toBeLessThanOrEqual(1000);
      expect(p.left + p.width).toBeLessThanOrEqual(1000);
    }
    expect(items[0]!.side).toBe('left');
    expect(items[0]!.left).toBe(987);
    expect(items[1]!.side).toBe('left');
    expect(items[2]).toMatchObject({ side: 'over', labelClipped: true, labelWidth: 1000 });
    // Outside the window: drawn at the edge.
    expect(items[3]).toMatchObject({ left: 994, side: 'left' });
  });

  it('puts items whose titles would overlap in different lanes, and shares a lane otherwise', () => {
    const { items, laneCount } = placeTrackItems(
      [
        { left: 100, right: 100, marker: true, labelWidth: 80 },
        { left: 150, right: 150, marker: true, labelWidth: 80 }, // under the first one's title
        { left: 300, right: 300, marker: true, labelWidth: 80 },
      ],
      1000,
      opts,
    );
    expect(items.map((p) => p.lane)).toEqual([0, 1, 0]);
    expect(laneCount).toBe(2);
  });

  it('counts a planned window band in the footprint', () => {
    const { items, laneCount } = placeTrackItems(
      [
        { left: 400, right: 400, marker: true, labelWidth: 20, window: { left: 100, right: 500 } },
        { left: 200, right: 200, marker: true, labelWidth: 20 },
      ],
      1000,
      opts,
    );
    expect(items[0]!.window).toEqual({ left: 100, width: 400 });
    // The title goes after the band, not over it.
    expect(items[0]).toMatchObject({ side: 'right', labelLeft: 504 });
    expect(items.map((p) => p.lane)).toEqual([0, 1]);
    expect(laneCount).toBe(2);
  });

  it('draws at least a thin bar for a zero-width span and one lane for no items', () => {
    expect(placeTrackItems([{ left: 50, right: 50, marker: false, labelWidth: 0 }], 100, opts).items[0]!.width).toBe(2);
    expect(placeTrackItems([], 100, opts).laneCount).toBe(1);
  });
});
