/**
 * Which rows to put in the DOM: rows have different heights (their lanes), so their tops
 * are prefix sums and the first visible row is found by binary search. Only those rows
 * (plus `overscan` pixels either side) are rendered.
 */
export interface RowLayout {
  /** Top of each row, and the total height as the last entry. */
  tops: number[];
}

export function layoutRows(heights: readonly number[]): RowLayout {
  const tops = new Array<number>(heights.length + 1);
  tops[0] = 0;
  for (let i = 0; i < heights.length; i++) tops[i + 1] = tops[i]! + heights[i]!;
  return { tops };
}

/** Index range [from, to) of the rows that intersect [scrollTop − overscan, scrollTop + height + overscan). */
export function visibleRows(layout: RowLayout, scrollTop: number, height: number, overscan = 200): { from: number; to: number } {
  const n = layout.tops.length - 1;
  const top = scrollTop - overscan;
  const bottom = scrollTop + height + overscan;
  // First row whose bottom is below `top`.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (layout.tops[mid + 1]! <= top) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < n && layout.tops[to]! < bottom) to++;
  return { from: lo, to };
}
