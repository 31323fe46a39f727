/**
 * Lanes of a row that holds phases of contests or exhibitions: each main event's phases share
 * one lane, joined by their finish-to-start links, under a thin bracket for the main event.
 *
 * Why a bracket, not nothing: phase bars show their own short name (复赛, 决赛), and a row can
 * hold several contests and other activities, so without the main event's title a phase would
 * not say whose it is. The bracket spans the phases with the main's title, opens the main
 * event on a click and moves the whole contest on a drag (event.move of the main event moves
 * every phase). It costs one lane per contest, which is what a Gantt summary row costs too.
 *
 * Phases of one lane can overlap in time (a phase started before the one it follows ended, or
 * two timed phases on one day): the later one goes to a half-lane lower sub-lane, drawn over
 * the other and offset, so both stay visible. Nothing is ever dropped.
 *
 * Lanes are in units of a lane (LANE_H in the chart); a phase on the sub-lane has a lane of
 * n + 0.5, and a row's lane count can end in .5. Rows without phases keep assignLanes' layout.
 */
import type { TimelineItem } from './items';
import { assignLanes } from './lanes';

/** A connector from the end of a phase's predecessor to the start of the phase, in one row. */
export interface PhaseLink {
  /** The phase's record id and the one it follows. */
  id: string;
  afterId: string;
  /** Item keys of the predecessor and of the phase. */
  fromKey: string;
  toKey: string;
  /** Day positions: the predecessor's end (its start when it is a marker: the chart adds the dot) and the phase's start. */
  s1: number;
  fromMarker: boolean;
  s2: number;
  lane1: number;
  lane2: number;
}

/** What a row with phases adds to its lanes. */
export interface RowPhases {
  /** Keys of main events drawn as a bracket over their phases. */
  brackets: ReadonlySet<string>;
  /** Keys of phase items (drawn in their main event's colour, with their own name). */
  phaseKeys: ReadonlySet<string>;
  links: PhaseLink[];
  /** For a phase, the day position where the next phase of its sub-lane starts: how far its label may run. */
  labelUntil: ReadonlyMap<string, number>;
}

export interface RowLanes {
  lanes: number[];
  count: number;
  phases?: RowPhases;
}

interface Unit {
  s: number;
  e: number;
  /** Height in half lanes. */
  h: number;
  /** The lane it was given. */
  lane: number;
}

const span = (i: TimelineItem) => ({ s: i.window ? Math.min(i.s, i.window.s) : i.s, e: i.window ? Math.max(i.e, i.window.e) : i.e });

/**
 * Lanes for a row's items (in the row's order). `markerDays` is a marker's footprint with its
 * label (as in assignLanes); `dotDays` a phase marker's own footprint (its dot), which decides
 * whether two phases of a lane overlap: a phase's label is cut at the next phase instead.
 */
export function layoutRowLanes(items: readonly TimelineItem[], markerDays = 1, dotDays = markerDays): RowLanes {
  let mains: Set<string> | null = null;
  for (const it of items) if (it.parentId !== undefined) (mains ??= new Set()).add(it.parentId);
  if (!mains) return assignLanes(items.map(span), markerDays);

  // Groups: a main event's phases in this row, with the main itself when it is here too.
  const groups = new Map<string, { main?: number; phases: number[] }>();
  const group = (id: string) => {
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { phases: [] }));
    return g;
  };
  const units: Unit[] = [];
  const unitOf = new Array<Unit>(items.length);
  items.forEach((it, i) => {
    if (it.parentId !== undefined) group(it.parentId).phases.push(i);
    else if (it.type === 'event' && !it.occurrence && mains!.has(it.id)) group(it.id).main = i;
    else {
      const { s, e } = span(it);
      const u = { s, e: Math.max(e, s + markerDays), h: 2, lane: 0 };
      units.push(u);
      unitOf[i] = u;
    }
  });

  // Within a group: phases in start order, each on the sub-lane it fits (0 first), else on the
  // one that frees first (drawn over it, offset: both stay visible).
  const sub = new Map<number, number>();
  const labelUntil = new Map<string, number>();
  const groupUnits: Array<{ unit: Unit; g: { main?: number; phases: number[] } }> = [];
  for (const g of groups.values()) {
    g.phases.sort((a, b) => items[a]!.s - items[b]!.s || items[b]!.e - items[a]!.e);
    const ends = [-Infinity, -Infinity];
    let s = Infinity;
    let e = -Infinity;
    for (const i of g.phases) {
      const it = items[i]!;
      const footprint = it.marker ? it.s + dotDays : it.e;
      const k = ends[0]! <= it.s ? 0 : ends[1]! <= it.s ? 1 : ends[0]! <= ends[1]! ? 0 : 1;
      ends[k] = Math.max(ends[k]!, footprint);
      sub.set(i, k);
      s = Math.min(s, it.s);
      e = Math.max(e, it.marker ? it.s + markerDays : it.e);
    }
    // A label runs to the next phase of its sub-lane, or to one of the other sub-lane that starts
    // clear of its dot (the sub-lanes overlap by most of a bar's height).
    g.phases.forEach((i, n) => {
      const it = items[i]!;
      let until = Infinity;
      for (const j of g.phases.slice(n + 1)) {
        const o = items[j]!;
        if (sub.get(j) === sub.get(i) || o.s >= it.s + dotDays) until = Math.min(until, o.s);
      }
      if (until < Infinity) labelUntil.set(it.key, until);
    });
    if (g.main !== undefined) {
      const m = items[g.main]!;
      s = Math.min(s, m.s);
      e = Math.max(e, m.e);
    }
    const h = (g.main !== undefined ? 2 : 0) + 2 + (g.phases.some((i) => sub.get(i) === 1) ? 1 : 0);
    const unit = { s, e, h, lane: 0 };
    units.push(unit);
    groupUnits.push({ unit, g });
  }

  // Pack: in start order (longer first), each unit at the lowest whole lane whose half lanes
  // are all free at its start. With only one-lane units this is assignLanes' greedy.
  const slotEnds: number[] = [];
  let used = 0;
  for (const u of [...units].sort((a, b) => a.s - b.s || b.e - a.e)) {
    let lane = 0;
    for (;; lane++) {
      let free = true;
      for (let k = 2 * lane; k < 2 * lane + u.h; k++) if ((slotEnds[k] ?? -Infinity) > u.s) free = false;
      if (free) break;
    }
    for (let k = 2 * lane; k < 2 * lane + u.h; k++) slotEnds[k] = u.e;
    u.lane = lane;
    used = Math.max(used, 2 * lane + u.h);
  }

  const lanes = new Array<number>(items.length);
  items.forEach((_, i) => {
    if (unitOf[i]) lanes[i] = unitOf[i]!.lane;
  });
  const brackets = new Set<string>();
  const phaseKeys = new Set<string>();
  const links: PhaseLink[] = [];
  for (const { unit, g } of groupUnits) {
    const top = unit.lane + (g.main !== undefined ? 1 : 0);
    if (g.main !== undefined) {
      lanes[g.main] = unit.lane;
      brackets.add(items[g.main]!.key);
    }
    const byId = new Map<string, number>();
    for (const i of g.phases) {
      lanes[i] = top + sub.get(i)! * 0.5;
      phaseKeys.add(items[i]!.key);
      byId.set(items[i]!.id, i);
    }
    for (const i of g.phases) {
      const it = items[i]!;
      const p = it.after !== undefined ? byId.get(it.after) : undefined;
      if (p === undefined || p === i) continue;
      const pred = items[p]!;
      links.push({ id: it.id, afterId: pred.id, fromKey: pred.key, toKey: it.key, s1: pred.marker ? pred.s : pred.e, fromMarker: pred.marker, s2: it.s, lane1: lanes[p]!, lane2: lanes[i]! });
    }
  }
  return { lanes, count: Math.max(1, used / 2), phases: { brackets, phaseKeys, links, labelUntil } };
}

export interface ConnectorOptions {
  /** Width of a marker's dot, px. */
  markerPx: number;
  laneH: number;
  /** Top padding of the row, px. */
  rowPad: number;
  /** Height of a bar, px. */
  barH: number;
  /** A drag in progress of the predecessor's end and of the phase's start, px. */
  dx1?: number;
  dx2?: number;
}

export interface ConnectorGeometry {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** SVG path: straight when the phase starts on the same lane after its predecessor, elbows otherwise. */
  d: string;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Where a link is drawn, in a row's pixels: from the predecessor's right edge to the phase's
 * left edge, at the middle of their bars. A phase starting at or after its predecessor's end
 * gets a line (with a step when it is on the other sub-lane); one starting before (an overlap,
 * or a broken link) gets a loop below the bars back to its start, so it is never hidden under them.
 */
export function connectorGeometry(link: PhaseLink, xOfDay: (day: number) => number, o: ConnectorOptions): ConnectorGeometry {
  const x1 = r1(xOfDay(link.s1) + (link.fromMarker ? o.markerPx : 0) + (o.dx1 ?? 0));
  const x2 = r1(xOfDay(link.s2) + (o.dx2 ?? 0));
  const y1 = r1(o.rowPad + link.lane1 * o.laneH + o.barH / 2);
  const y2 = r1(o.rowPad + link.lane2 * o.laneH + o.barH / 2);
  let d: string;
  // Starting under a marker's dot is touching it, not going back (a loop there reads as a glitch).
  const back = x2 < x1 - (link.fromMarker ? o.markerPx : 0) - 0.5;
  if (!back) d = y1 === y2 ? `M${x1} ${y1}H${x2}` : `M${x1} ${y1}H${r1(x2 - Math.min(4, Math.max(0, (x2 - x1) / 2)))}V${y2}H${x2}`;
  else {
    const below = r1(Math.max(y1, y2) + o.barH / 2 + 2);
    d = `M${x1} ${y1}h4V${below}H${r1(x2 - 4)}V${y2}H${x2}`;
  }
  return { x1, y1, x2, y2, d };
}
