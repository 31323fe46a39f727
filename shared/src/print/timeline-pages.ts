/**
 * Layout of the printed campaign timeline (工作推进图): where each item's title goes on a track
 * of fixed width, the lanes that keeps titles from overlapping, and which rows (or pieces of a
 * very tall row) go on which page. Pure: the print page measures, this decides, the page draws.
 *
 * Units are whatever the caller measures in (the page uses CSS px); only ratios matter.
 */
import { assignLanes } from '../timeline/lanes';

// ---- items on a track -------------------------------------------------------------------

/** One item as the print page sees it, in track units (x = 0 at the track's left edge). */
export interface TrackItemInput {
  /** Start and end on the track; equal (or nearly) for a marker. May fall outside [0, width]. */
  left: number;
  right: number;
  /** Drawn as a dot at `left` with its title beside it. */
  marker: boolean;
  /** Width of the title text (for a campaign, title and progress together). */
  labelWidth: number;
  /** A planned window drawn as a band behind the item, in track units. */
  window?: { left: number; right: number };
}

/** Where the title sits: inside the bar, after it, before it, or (no room either side) over it. */
export type LabelSide = 'inside' | 'right' | 'left' | 'over';

export interface TrackItemPlacement {
  /** The bar (or the dot) clamped to the track. */
  left: number;
  width: number;
  side: LabelSide;
  /** The title's box: always inside [0, trackWidth]. */
  labelLeft: number;
  labelWidth: number;
  /** The title is longer than the track itself and is shortened (an extreme case). */
  labelClipped: boolean;
  /** The window band clamped to the track, if any. */
  window?: { left: number; width: number };
  lane: number;
}

export interface TrackOptions {
  /** Space between a bar (or dot) and a title beside it, and between neighbours in a lane. */
  gap: number;
  /** Diameter of a marker's dot. */
  markerWidth: number;
  /** Padding on each side of a title inside a bar. */
  insidePad: number;
  /** Narrowest bar drawn. */
  minBarWidth?: number;
}

/**
 * Places the items of one row on a track `width` wide. A title goes inside its bar when it
 * fits; otherwise after the bar (or dot), or before it when that would run past the right
 * edge, or over the bar, shifted left to stay on the track: no title ever runs off the
 * track's right (or left) edge. Lanes are then assigned over each item's whole footprint
 * (bar, title and window band), so no two titles overlap.
 */
export function placeTrackItems(items: readonly TrackItemInput[], width: number, opts: TrackOptions): { items: TrackItemPlacement[]; laneCount: number } {
  const minBar = opts.minBarWidth ?? 2;
  const clamp = (v: number) => Math.min(width, Math.max(0, v));
  const placed = items.map((it) => {
    const labelClipped = it.labelWidth > width;
    const labelWidth = Math.min(it.labelWidth, width);
    let left: number;
    let right: number;
    if (it.marker) {
      const c = clamp(it.left);
      left = Math.min(Math.max(0, c - opts.markerWidth / 2), Math.max(0, width - opts.markerWidth));
      right = Math.min(width, left + opts.markerWidth);
    } else {
      left = clamp(it.left);
      right = clamp(it.right);
      if (right - left < minBar) {
        right = Math.min(width, left + minBar);
        left = Math.max(0, right - minBar);
      }
    }
    const band = it.window ? { left: clamp(it.window.left), width: Math.max(0, clamp(it.window.right) - clamp(it.window.left)) } : undefined;
    // A title beside the item goes beside its window band too, not over it.
    const outerLeft = band && band.width > 0 ? Math.min(left, band.left) : left;
    const outerRight = band && band.width > 0 ? Math.max(right, band.left + band.width) : right;
    let side: LabelSide;
    let labelLeft: number;
    if (!it.marker && labelWidth + 2 * opts.insidePad <= right - left) {
      side = 'inside';
      labelLeft = left + opts.insidePad;
    } else if (outerRight + opts.gap + labelWidth <= width) {
      side = 'right';
      labelLeft = outerRight + opts.gap;
    } else if (outerLeft - opts.gap - labelWidth >= 0) {
      side = 'left';
      labelLeft = outerLeft - opts.gap - labelWidth;
    } else {
      side = 'over';
      labelLeft = Math.max(0, Math.min(left, width - labelWidth));
    }
    const s = Math.min(left, labelLeft, band && band.width > 0 ? band.left : Infinity);
    const e = Math.max(right, labelLeft + labelWidth, band && band.width > 0 ? band.left + band.width : -Infinity);
    return { left, width: right - left, side, labelLeft, labelWidth, labelClipped, window: band, span: { s, e: e + opts.gap } };
  });
  const { lanes, count } = assignLanes(placed.map((p) => p.span));
  return {
    items: placed.map(({ span: _span, ...p }, i) => ({ ...p, lane: lanes[i]! })),
    laneCount: count,
  };
}

// ---- rows on pages ----------------------------------------------------------------------

/** One row's vertical needs. A row is drawn `fixed + lanes × laneHeight` high, and never lower than `minHeight` (its label). */
export interface PageRow {
  lanes: number;
  laneHeight: number;
  /** Height besides the lanes (top and bottom padding). */
  fixed: number;
  /** The least height of the row or of any piece of it (its label, repeated on a continued piece). */
  minHeight: number;
  /** A heading (a section with subsections): not left alone at the foot of a page when what follows moves on. */
  keepWithNext?: boolean;
}

export interface PageLayout {
  /** Usable height of one page. */
  pageHeight: number;
  /** The column (month) header drawn at the top of every page. */
  header: number;
  /** Extra on the first page (title, legend) and on the last page (signature line). */
  first?: number;
  last?: number;
}

/** Lanes [fromLane, toLane) of one row on one page. */
export interface PageSlice {
  row: number;
  fromLane: number;
  toLane: number;
  height: number;
  /** This piece continues a row begun on an earlier page. */
  continued: boolean;
  /** The row goes on onto the next page. */
  continues: boolean;
}

export interface TimelinePage {
  slices: PageSlice[];
  /** Height used, header and extras included. */
  used: number;
  /** Carries the title and legend / the signature line. */
  first: boolean;
  last: boolean;
  /** Something on this page is taller than a page (a label that cannot fit): drawn anyway, cut. */
  overflow: boolean;
}

/** Height of `lanes` lanes of a row. */
export function pieceHeight(row: PageRow, lanes: number): number {
  return Math.max(row.minHeight, row.fixed + Math.max(1, lanes) * row.laneHeight);
}

/** Height of a whole row. */
export function rowHeight(row: PageRow): number {
  return pieceHeight(row, row.lanes);
}

/**
 * Rows onto pages, in order, every page starting with the header. A row that fits on the
 * page goes there whole; one that does not moves to the next page, unless it would not fit
 * on a whole page either, when it is split between lanes (each piece repeats the label) and
 * starts on the current page if one lane fits there. A heading left last on a page moves on
 * with the row after it. The last page keeps room for `last`; when it has none, the last row
 * moves on with it (or, if that cannot fit, `last` gets a page of its own). There is always
 * at least one page; every lane of every row is on exactly one page.
 */
export function paginateRows(rows: readonly PageRow[], layout: PageLayout): TimelinePage[] {
  const first = layout.first ?? 0;
  const last = layout.last ?? 0;
  const pages: TimelinePage[] = [];
  const freshRoom = layout.pageHeight - layout.header;
  const open = (): TimelinePage => {
    const p: TimelinePage = { slices: [], used: layout.header + (pages.length === 0 ? first : 0), first: pages.length === 0, last: false, overflow: false };
    pages.push(p);
    return p;
  };
  const room = (p: TimelinePage) => layout.pageHeight - p.used;
  const push = (p: TimelinePage, s: PageSlice) => {
    p.slices.push(s);
    p.used += s.height;
    if (p.used > layout.pageHeight + 1e-6) p.overflow = true;
  };
  /** Start a new page, taking along a heading left last on the current one. */
  const turn = (p: TimelinePage): TimelinePage => {
    const next = open();
    const tail = p.slices.at(-1);
    if (tail && p.slices.length > 1 && rows[tail.row]!.keepWithNext && !tail.continues && !tail.continued && tail.height <= room(next)) {
      p.slices.pop();
      p.used -= tail.height;
      push(next, tail);
    }
    return next;
  };

  let page = open();
  rows.forEach((row, i) => {
    const lanes = Math.max(1, row.lanes);
    let from = 0;
    while (from < lanes) {
      const rest = lanes - from;
      const whole = pieceHeight(row, rest);
      if (whole <= room(page)) {
        push(page, { row: i, fromLane: from, toLane: lanes, height: whole, continued: from > 0, continues: false });
        return;
      }
      // Would it fit whole on a fresh page? Then move it there rather than split it.
      if (whole <= freshRoom && page.slices.length > 0) {
        page = turn(page);
        continue;
      }
      // Too tall for any page: as many lanes as fit here (at least one on an empty page).
      let n = 0;
      while (n < rest && pieceHeight(row, n + 1) <= room(page)) n++;
      if (n === 0 && page.slices.length > 0) {
        page = turn(page);
        continue;
      }
      n = Math.max(1, n);
      push(page, { row: i, fromLane: from, toLane: from + n, height: pieceHeight(row, n), continued: from > 0, continues: from + n < lanes });
      from += n;
      if (from < lanes) page = open();
    }
  });

  if (last > room(page)) {
    const tail = page.slices.at(-1);
    const next = open();
    if (tail && page.slices.length > 1 && !tail.continued && tail.height + last <= room(next)) {
      const moved = [page.slices.pop()!];
      // …with the heading above it, if that is now last on its page.
      const head = page.slices.at(-1);
      if (head && page.slices.length > 1 && rows[head.row]!.keepWithNext && !head.continued && head.height + tail.height + last <= room(next)) moved.unshift(page.slices.pop()!);
      for (const s of moved) {
        page.used -= s.height;
        push(next, s);
      }
    }
    page = next;
  }
  page.used += last;
  page.last = true;
  if (page.used > layout.pageHeight + 1e-6) page.overflow = true;
  return pages;
}
