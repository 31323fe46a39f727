/**
 * Plain-date arithmetic on DateValue strings (`YYYY-MM-DD` / `YYYY-MM-DDTHH:mm`).
 *
 * Everything here works on calendar fields and integer day numbers, never on the
 * host's local time zone: the same workspace must render the same dates in
 * Shanghai, in Los Angeles and on a server running in UTC. The only place an
 * instant (epoch ms) appears is `toUtcMs`/`fromUtcMs`, which take the zone
 * explicitly.
 */
/** `YYYY-MM-DD` (all-day) or `YYYY-MM-DDTHH:mm` (wall-clock time in the workspace zone): Contract 1's two date forms. */
export type DateValue = string;

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export interface DateParts {
  y: number;
  m: number;
  d: number;
  hh?: number;
  mm?: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const MINUTES_PER_DAY = 1440;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Field-checked parse; `2026-02-30` and `24:00` are rejected rather than rolled over. */
export function parseDateValue(v: unknown): DateParts | null {
  if (typeof v !== 'string') return null;
  const timed = DATETIME_RE.exec(v);
  const match = timed ?? DATE_RE.exec(v);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  if (!timed) return { y, m, d };
  const hh = Number(match[4]);
  const mm = Number(match[5]);
  if (hh > 23 || mm > 59) return null;
  return { y, m, d, hh, mm };
}

export function isValidDateValue(v: unknown): v is DateValue {
  return parseDateValue(v) !== null;
}

/** True for the date-only form. Says nothing about validity (see isValidDateValue). */
export function isAllDay(v: DateValue): boolean {
  return typeof v === 'string' && !v.includes('T');
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatDateValue(p: DateParts): DateValue {
  const date = `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
  return p.hh === undefined ? date : `${date}T${pad(p.hh)}:${pad(p.mm ?? 0)}`;
}

function mustParse(v: DateValue): DateParts {
  const p = parseDateValue(v);
  if (!p) throw new RangeError(`Invalid date value: ${JSON.stringify(v)}`);
  return p;
}

/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil). Integer maths, so it cannot be skewed by any zone or DST.
 */
export function toDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): { y: number; m: number; d: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** Wall-clock minutes since 1970-01-01T00:00 of the same (floating) clock; all-day values count as 00:00. */
export function toMinuteNumber(v: DateValue): number {
  const p = mustParse(v);
  return toDayNumber(p.y, p.m, p.d) * MINUTES_PER_DAY + (p.hh ?? 0) * 60 + (p.mm ?? 0);
}

export function fromMinuteNumber(n: number, allDay: boolean): DateValue {
  const day = Math.floor(n / MINUTES_PER_DAY);
  const { y, m, d } = fromDayNumber(day);
  if (allDay) return formatDateValue({ y, m, d });
  const rest = n - day * MINUTES_PER_DAY;
  return formatDateValue({ y, m, d, hh: Math.floor(rest / 60), mm: rest % 60 });
}

/** The `YYYY-MM-DD` part of either form. */
export function datePart(v: DateValue): string {
  return v.slice(0, 10);
}

/** Accepts either form; a timed value keeps its time. */
export function addDays(date: DateValue, n: number): DateValue {
  return shiftDateValue(date, n);
}

/** Whole days from `a` to `b` (b − a), so `addDays(a, diffDays(a, b)) === b`. Times are ignored. */
export function diffDays(a: DateValue, b: DateValue): number {
  const pa = mustParse(a);
  const pb = mustParse(b);
  return toDayNumber(pb.y, pb.m, pb.d) - toDayNumber(pa.y, pa.m, pa.d);
}

/** 0 = Sunday … 6 = Saturday, matching JS `getDay()` and FullCalendar. */
export function weekday(date: DateValue): number {
  const p = mustParse(date);
  return weekdayOfDayNumber(toDayNumber(p.y, p.m, p.d));
}

/** The same for a day number (toDayNumber). */
export function weekdayOfDayNumber(n: number): number {
  // 1970-01-01 was a Thursday.
  return (((n + 4) % 7) + 7) % 7;
}

/**
 * Moves a value by days and minutes on the wall clock, keeping its form. All-day
 * values ignore `minutes`: a date has no time to move. Wall-clock arithmetic
 * (not instant arithmetic) is deliberate: "the same time next week" must stay
 * 14:30 even across a DST change in the workspace zone.
 */
export function shiftDateValue(v: DateValue, days: number, minutes = 0): DateValue {
  const allDay = isAllDay(v);
  const delta = days * MINUTES_PER_DAY + (allDay ? 0 : minutes);
  return fromMinuteNumber(toMinuteNumber(v) + delta, allDay);
}

/** Orders values of either form; an all-day value sorts as 00:00 of its day. */
export function compareDateValues(a: DateValue, b: DateValue): number {
  return toMinuteNumber(a) - toMinuteNumber(b);
}

/**
 * The exclusive end an event really has. A missing, invalid or backwards `end`
 * falls back to the spec default (one day / one hour) so that a damaged record
 * still renders somewhere sensible instead of vanishing. An `end` of the other
 * form is converted to the start's form. A timed `end` equal to the start is a
 * zero-length event (a deadline; iCalendar's DTSTART = DTEND) and stays so.
 */
export function effectiveEnd(start: DateValue, end?: DateValue | null): DateValue {
  const allDay = isAllDay(start);
  const fallback = allDay ? shiftDateValue(start, 1) : shiftDateValue(start, 0, 60);
  if (end === undefined || end === null || !isValidDateValue(end)) return fallback;
  let normalised = end;
  if (allDay && !isAllDay(end)) {
    // A timed end on an all-day event: the day it falls in still counts.
    const p = mustParse(end);
    normalised = p.hh === 0 && p.mm === 0 ? datePart(end) : addDays(datePart(end), 1);
  } else if (!allDay && isAllDay(end)) {
    normalised = `${end}T00:00`;
  }
  const order = compareDateValues(normalised, start);
  return order > 0 || (order === 0 && !allDay && !isAllDay(end)) ? normalised : fallback;
}

/**
 * The last calendar day an event touches (`YYYY-MM-DD`), for "3月5日—3月7日"
 * style display. A timed event ending exactly at midnight does not touch the
 * next day.
 */
export function lastDayInclusive(start: DateValue, end?: DateValue | null): string {
  const eff = effectiveEnd(start, end);
  if (isAllDay(start)) return addDays(eff, -1);
  return fromMinuteNumber(toMinuteNumber(eff) - 1, true);
}

/**
 * Half-open interval overlap: [start, end) ∩ [rangeStart, rangeEnd) ≠ ∅. Mixed forms are fine.
 * A zero-length event is a point: it overlaps a range that contains its instant.
 */
export function overlapsRange(
  start: DateValue,
  end: DateValue | undefined | null,
  rangeStart: DateValue,
  rangeEnd: DateValue,
): boolean {
  const s = toMinuteNumber(start);
  const e = toMinuteNumber(effectiveEnd(start, end));
  const from = toMinuteNumber(rangeStart);
  return s < toMinuteNumber(rangeEnd) && (e > from || (e === s && s >= from));
}

/** `YYYY-MM` → the month's first day and the next month's first day (exclusive). */
export function monthRange(month: string): { start: string; end: string } {
  const p = parseDateValue(`${month}-01`);
  if (!p || month.length !== 7) throw new RangeError(`Invalid month: ${JSON.stringify(month)}`);
  const start = formatDateValue({ y: p.y, m: p.m, d: 1 });
  const end = p.m === 12 ? formatDateValue({ y: p.y + 1, m: 1, d: 1 }) : formatDateValue({ y: p.y, m: p.m + 1, d: 1 });
  return { start, end };
}

// ---------------------------------------------------------------------------
// Zone conversion. Intl is the only zone database available identically in
// Node and browsers; formatters are cached because constructing one is slow.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallFieldsAt(ms: number, timeZone: string) {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) fields[part.type] = part.value;
  let y = Number(fields.year);
  // en-US uses BC/AD eras; turn BC years into astronomical numbering.
  if (fields.era === 'BC' || fields.era === 'B') y = 1 - y;
  return {
    y,
    m: Number(fields.month),
    d: Number(fields.day),
    hh: Number(fields.hour) % 24,
    mm: Number(fields.minute),
    ss: Number(fields.second),
  };
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (east positive). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const w = wallFieldsAt(ms, timeZone);
  const asUtc = (toDayNumber(w.y, w.m, w.d) * MINUTES_PER_DAY + w.hh * 60 + w.mm) * 60_000 + w.ss * 1000;
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * Wall-clock value in `timeZone` → epoch ms. All-day values mean 00:00.
 * Ambiguous times (DST fall-back) resolve to the earlier instant; times that do
 * not exist (spring-forward gap) move forward by the gap, matching Temporal's
 * "compatible" disambiguation so that both runtimes agree if we switch later.
 */
export function toUtcMs(value: DateValue, timeZone: string = DEFAULT_TIMEZONE): number {
  const local = toMinuteNumber(value) * 60_000;
  const before = zoneOffsetMs(local - 86_400_000, timeZone);
  const after = zoneOffsetMs(local + 86_400_000, timeZone);
  const candidates = [before, after]
    .map((offset) => local - offset)
    .filter((t) => zoneOffsetMs(t, timeZone) === local - t)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0];
  return local - before;
}

/** Epoch ms → wall-clock value in `timeZone`, in all-day or timed form. Seconds are dropped. */
export function fromUtcMs(ms: number, timeZone: string = DEFAULT_TIMEZONE, allDay = false): DateValue {
  const w = wallFieldsAt(ms, timeZone);
  return formatDateValue(allDay ? { y: w.y, m: w.m, d: w.d } : { y: w.y, m: w.m, d: w.d, hh: w.hh, mm: w.mm });
}

const knownZones = new Map<string, boolean>();

/** True when Intl knows this IANA zone name (Europe/Berlin, UTC). Cached: Intl throws slowly. */
export function isKnownZone(name: string): boolean {
  let ok = knownZones.get(name);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      ok = name.trim() !== '';
    } catch {
      ok = false;
    }
    knownZones.set(name, ok);
  }
  return ok;
}

/**
 * True when `zone` has `other`'s UTC offset at every instant of [fromMs, toMs] (sampled
 * weekly: zones never change twice in a week). An imported series from such a zone is
 * simply converted: keeping the zone would add nothing.
 */
export function sameOffsetThroughout(zone: string, other: string, fromMs: number, toMs: number): boolean {
  if (zone === other) return true;
  for (let t = fromMs; t <= toMs + 7 * 86_400_000; t += 7 * 86_400_000) {
    if (zoneOffsetMs(t, zone) !== zoneOffsetMs(t, other)) return false;
  }
  return true;
}

/** Today's date in the workspace zone (not the device's), `YYYY-MM-DD`. */
export function todayIn(timeZone: string = DEFAULT_TIMEZONE, nowMs: number = Date.now()): string {
  return fromUtcMs(nowMs, timeZone, true);
}
