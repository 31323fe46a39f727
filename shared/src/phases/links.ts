/**
 * The one rule every phase link follows (finish-to-start): a phase may start once its
 * predecessor has ended and `lagDays` more days have passed, counted as calendar days
 * ('day') or working days ('workday', weekends and statutory holidays skipped, 调休 make-up
 * days counted). A 'workday' successor also starts on a working day, so lag 0 means "the next
 * working day". A phase keeps its own time of day: a timed successor starts at its time on the
 * first day that satisfies the link, an all-day one at that day's 00:00.
 *
 * Every other file (instantiate, cascade, broken links) goes through `earliestStart`, so the
 * placement, the check and the repair can never disagree.
 */
import {
  addDays,
  compareDateValues,
  datePart,
  effectiveEnd,
  fromMinuteNumber,
  isAllDay,
  shiftDateValue,
  toMinuteNumber,
  type DateValue,
} from '../time/dates';
import { isWorkingDay } from '../time/working-days';

export type LagUnit = 'day' | 'workday';

export interface PhaseLink {
  lagDays: number;
  lagUnit: LagUnit;
}

/** A phase's position: start and exclusive end of the same form. */
export interface Span {
  start: DateValue;
  end: DateValue;
}

/** Search bound: a lag or a gap longer than ten years is a data error, not a plan. */
const MAX_DAYS = 3660;

/** Length in minutes (timed) or days × 1440 (all-day), of a span, with effectiveEnd defaults. */
export function spanMinutes(start: DateValue, end?: DateValue): number {
  return toMinuteNumber(effectiveEnd(start, end)) - toMinuteNumber(start);
}

/** The same phase starting at `start`, keeping its length (and its form, given by `start`). */
export function placeAt(start: DateValue, lengthMinutes: number): Span {
  return { start, end: fromMinuteNumber(toMinuteNumber(start) + lengthMinutes, isAllDay(start)) };
}

/** "HH:mm" of a timed value; null for all-day. */
export function timeOfDay(v: DateValue): string | null {
  return isAllDay(v) ? null : v.slice(11, 16);
}

/** The value on `day` in the form of `like` (all-day, or timed at the time of day of `like`). */
export function onDay(day: string, like: DateValue | string | null): DateValue {
  const t = like === null ? null : like.length === 5 ? like : timeOfDay(like);
  return t === null ? day : `${day}T${t}`;
}

/**
 * The earliest start of a successor after a predecessor ending at `predEnd` (exclusive), in the
 * form of `like` (the successor's current start, or an 'HH:mm' time of day, or null for all-day).
 */
export function earliestStart(predEnd: DateValue, link: PhaseLink, like: DateValue | string | null): DateValue {
  const lag = Math.max(0, Math.floor(link.lagDays));
  // First day the predecessor does not touch: the working-day count starts there.
  const free = isAllDay(predEnd) || predEnd.endsWith('T00:00') ? datePart(predEnd) : addDays(datePart(predEnd), 1);
  const ready = link.lagUnit === 'day' ? shiftDateValue(predEnd, lag) : predEnd;
  let counted = 0;
  let countedUpTo = free;
  for (let i = 0, day = datePart(predEnd); i <= MAX_DAYS + lag * 3; i++, day = addDays(day, 1)) {
    if (link.lagUnit === 'workday') {
      // Working days strictly before `day`, from `free`: the gap the link asks for.
      while (countedUpTo < day) {
        if (isWorkingDay(countedUpTo)) counted++;
        countedUpTo = addDays(countedUpTo, 1);
      }
      if (!isWorkingDay(day) || counted < lag) continue;
    }
    const candidate = onDay(day, like);
    if (compareDateValues(candidate, ready) >= 0) return candidate;
  }
  return onDay(datePart(shiftDateValue(predEnd, lag)), like);
}

/** Whether `succStart` satisfies the link after `predEnd`. */
export function linkHolds(predEnd: DateValue, link: PhaseLink, succStart: DateValue): boolean {
  return compareDateValues(succStart, earliestStart(predEnd, link, succStart)) >= 0;
}

/**
 * The gap between two placed phases expressed as a lag in `unit`: the largest lag the successor
 * still satisfies (0 when it does not even satisfy lag 0). `earliestStart` of that lag is the
 * successor's start exactly when the successor sits tight on its link.
 */
export function measureLag(predEnd: DateValue, succStart: DateValue, unit: LagUnit): number {
  if (!linkHolds(predEnd, { lagDays: 0, lagUnit: unit }, succStart)) return 0;
  // Calendar days bound the answer from above (a working-day lag is never longer).
  let hi = Math.min(MAX_DAYS, Math.max(0, Math.ceil((toMinuteNumber(succStart) - toMinuteNumber(predEnd)) / 1440) + 1));
  let lo = 0;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (linkHolds(predEnd, { lagDays: mid, lagUnit: unit }, succStart)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The latest placement of a predecessor of length `lengthMinutes` (form and time of day of
 * `like`) whose link still lets the successor start at `succStart`: backwards anchoring.
 */
export function latestPredecessorStart(
  succStart: DateValue,
  link: PhaseLink,
  lengthMinutes: number,
  like: DateValue | string | null,
): DateValue {
  const fits = (day: string) => {
    const span = placeAt(onDay(day, like), lengthMinutes);
    return compareDateValues(earliestStart(span.end, link, succStart), succStart) <= 0;
  };
  // A first guess from calendar arithmetic, then walk back until it fits and forward while it fits.
  let day = datePart(shiftDateValue(succStart, -link.lagDays, -lengthMinutes));
  for (let i = 0; i < MAX_DAYS && !fits(day); i++) day = addDays(day, -1);
  for (let i = 0; i < MAX_DAYS && fits(addDays(day, 1)); i++) day = addDays(day, 1);
  return onDay(day, like);
}
