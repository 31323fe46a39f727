import type { EventRecord } from '../schema/types';
import { addDays, compareDateValues, datePart, diffDays, effectiveEnd, isAllDay, shiftDateValue, type DateValue } from '../time/dates';
import { dayToDate } from './scale';

/**
 * What a drag on the timeline does to Contract 1 values. Moves and resizes work in whole
 * days (the timeline's finest unit) and keep each value's form: an all-day event stays
 * all-day with an exclusive end, a timed one keeps its times of day.
 */

/** Whole days a horizontal drag of `dx` pixels means. */
export function dragDays(dx: number, pxPerDay: number): number {
  return Math.round(dx / pxPerDay);
}

/** A range moved by `days`. */
export function moveRange(start: DateValue, end: DateValue | undefined, days: number): { start: DateValue; end: DateValue } {
  const eff = effectiveEnd(start, end);
  return { start: shiftDateValue(start, days), end: shiftDateValue(eff, days) };
}

/**
 * The end dragged by `days`: never before the start (at least one day for all-day
 * ranges, half an hour for timed ones).
 */
export function resizeEnd(start: DateValue, end: DateValue | undefined, days: number): { start: DateValue; end: DateValue } {
  const eff = effectiveEnd(start, end);
  let next = shiftDateValue(eff, days);
  const min = isAllDay(start) ? addDays(start, 1) : shiftDateValue(start, 0, 30);
  if (compareDateValues(next, min) < 0) next = min;
  return { start, end: next };
}

/** The start dragged by `days`: never past the end. */
export function resizeStart(start: DateValue, end: DateValue | undefined, days: number): { start: DateValue; end: DateValue } {
  const eff = effectiveEnd(start, end);
  let next = shiftDateValue(start, days);
  const max = isAllDay(start) ? addDays(eff, -1) : shiftDateValue(eff, 0, -30);
  if (compareDateValues(next, max) > 0) next = max;
  return { start: next, end: eff };
}

/** The all-day range a drag across empty row space covers, from the day pressed to the day released (both included). */
export function rangeBetweenDays(dayA: number, dayB: number): { start: string; end: string } {
  const lo = Math.min(dayA, dayB);
  const hi = Math.max(dayA, dayB);
  return { start: dayToDate(lo), end: dayToDate(hi + 1) };
}

/** Days between a range's old and new start (what its activities move by, keeping their offsets). */
export function shiftOf(oldStart: DateValue, newStart: DateValue): number {
  return diffDays(datePart(oldStart), datePart(newStart));
}

/** An activity moved with its campaign: start, end and skipped occurrences move together. */
export function shiftedEvent(e: EventRecord, days: number): Pick<EventRecord, 'start' | 'end' | 'exdates'> {
  const out: Pick<EventRecord, 'start' | 'end' | 'exdates'> = { start: shiftDateValue(e.start, days) };
  if (e.end !== undefined) out.end = shiftDateValue(e.end, days);
  if (e.exdates?.length) out.exdates = e.exdates.map((x) => shiftDateValue(x, days));
  return out;
}
