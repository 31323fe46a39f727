/**
 * Stacks overlapping spans of one row into lanes: each item takes the lowest lane whose
 * last item has ended (greedy interval partitioning, in start order, which needs as many
 * lanes as the most items overlapping at one time: the fewest possible). Spans are
 * half-open [s, e); a marker (a single day or a timed event) is given at least
 * `minWidth` so that two markers on one day do not overlap.
 */
export interface Span {
  s: number;
  e: number;
}

export function assignLanes<T extends Span>(items: readonly T[], minWidth = 0): { lanes: number[]; count: number } {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.s - items[b]!.s || items[b]!.e - items[a]!.e);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(items.length);
  for (const i of order) {
    const it = items[i]!;
    const end = Math.max(it.e, it.s + minWidth);
    let lane = laneEnds.findIndex((e) => e <= it.s);
    if (lane < 0) lane = laneEnds.push(end) - 1;
    else laneEnds[lane] = end;
    lanes[i] = lane;
  }
  return { lanes, count: Math.max(1, laneEnds.length) };
}
