/**
 * New positions worked out by a move or a repair, and the changes they amount to. Shared by
 * cascade and fixLinks so both report the same shape: `{ id, start, end }` per event whose
 * position changes, the main event re-spanned over its phases when they moved.
 */
import type { EventRecord } from '../schema/types';
import { effectiveEnd, isAllDay, shiftDateValue, toMinuteNumber, type DateValue } from '../time/dates';
import type { PhaseGraph } from './graph';
import { phasesOf } from './graph';
import { mainSpan } from './instantiate';
import type { PhaseLink, Span } from './links';
import { spanMinutes } from './links';

export interface PhaseChange {
  id: string;
  start: DateValue;
  end: DateValue;
}

/** The event's link; a missing lag is zero calendar days ("starts when the previous ends"). */
export function linkOf(e: EventRecord): PhaseLink {
  const lag = e.lagDays;
  return { lagDays: typeof lag === 'number' && Number.isFinite(lag) && lag > 0 ? Math.floor(lag) : 0, lagUnit: e.lagUnit ?? 'day' };
}

export function spanOf(e: EventRecord): Span {
  return { start: e.start, end: effectiveEnd(e.start, e.end) };
}

/** Length-keeping placement of `e` at `start`. */
export function movedTo(e: EventRecord, start: DateValue): Span {
  const length = spanMinutes(e.start, e.end);
  const end = shiftDateValue(start, isAllDay(start) ? Math.round(length / 1440) : 0, isAllDay(start) ? 0 : length);
  // A phase changing form (all-day ↔ timed) keeps the default length of its new form.
  return { start, end: isAllDay(start) === isAllDay(e.start) ? end : effectiveEnd(start) };
}

/** Shift by a wall-clock offset; all-day values move by whole days (rounded). */
export function shiftBy(v: DateValue, minutes: number): DateValue {
  return isAllDay(v) ? shiftDateValue(v, Math.round(minutes / 1440)) : shiftDateValue(v, 0, minutes);
}

export class Positions {
  private readonly spans = new Map<string, Span>();
  private readonly order: string[] = [];
  constructor(private readonly g: PhaseGraph) {}

  get(e: EventRecord): Span {
    return this.spans.get(e.id) ?? spanOf(e);
  }

  set(id: string, span: Span): void {
    if (!this.spans.has(id)) this.order.push(id);
    this.spans.set(id, span);
  }

  /** Re-spans the main event over its phases' new positions (no-op for a missing main). */
  respanMain(mainId: string): void {
    const main = this.g.byId.get(mainId);
    const phases = phasesOf(this.g, mainId);
    if (!main || phases.length === 0) return;
    this.set(mainId, mainSpan(phases.map((p) => this.get(p))));
  }

  /** Changes in the order set, leaving out unchanged positions except those in `always`. */
  changes(always: ReadonlySet<string> = new Set()): PhaseChange[] {
    const out: PhaseChange[] = [];
    for (const id of this.order) {
      const span = this.spans.get(id)!;
      const e = this.g.byId.get(id);
      const was = e ? spanOf(e) : undefined;
      const same = was && toMinuteNumber(was.start) === toMinuteNumber(span.start) && was.start.length === span.start.length && was.end === span.end;
      if (!same || always.has(id)) out.push({ id, start: span.start, end: span.end });
    }
    return out;
  }
}
