import type { EventInput } from 'fullcalendar';
import type { IndexedEvent } from '../storage/event-index';
import { DEFAULT_TIMEZONE, effectiveEnd, isAllDay, toMinuteNumber } from '@shared/time/dates';
import { needsExpansion } from '@shared/time/series';
import { KIND_COLORS } from '@shared/display/kind-colors';

type Recurrence = typeof import('@shared/time/recurrence');
let recurrence: Promise<Recurrence> | undefined;
/** rrule is only fetched once a visible range holds a recurring series. */
const loadRecurrence = () => (recurrence ??= import('@shared/time/recurrence'));

/** Who has which event open in their editor (from presence). */
export type EditingBy = ReadonlyMap<string, string>;

/**
 * Scheduling conflicts by event id (shared/src/tours): hard or a warning, and why in words;
 * `linkBroken`: a phase starting before its link allows (shared/src/phases).
 */
export type ConflictMarks = ReadonlyMap<string, { hard: boolean; text: string; linkBroken?: boolean }>;

/**
 * How a record sits in a contest's phases within one fetch: a phase wears its main event's
 * colour (the main event spans its phases, so it is in every range a phase is in); a main event
 * with phases is not resized by hand, since it spans its phases by rule.
 */
interface PhaseRole {
  mainKind?: IndexedEvent['kind'];
  isMain: boolean;
}
const NO_ROLE: PhaseRole = { isMain: false };

function input(e: IndexedEvent, start: string, end: string, editingBy: EditingBy, conflicts: ConflictMarks, role: PhaseRole): EventInput {
  const color = KIND_COLORS[role.mainKind ?? e.kind];
  const classNames = ['cc-event', `kind-${e.kind}`, `status-${e.status}`];
  if (e.rrule || e.rdates?.length) classNames.push('recurring');
  if (e.parentId !== undefined) classNames.push('cc-phase');
  if (role.isMain) classNames.push('cc-phase-main');
  if (e.conflicted) classNames.push('cc-conflicted');
  const editor = editingBy.get(e.id);
  if (editor) classNames.push('cc-editing');
  const clash = conflicts.get(e.id);
  if (clash) classNames.push(clash.hard ? 'cc-clash-hard' : 'cc-clash-soft');
  return {
    id: needsExpansion(e) ? `${e.id}@${start}` : e.id,
    title: e.title,
    start,
    end,
    allDay: isAllDay(e.start),
    color,
    contrastColor: '#fff',
    className: classNames.join(' '),
    // A single occurrence of a series is edited through the dialog, not dragged.
    // (Only set when false: FullCalendar reads a present `undefined` as false.)
    ...(needsExpansion(e) ? { editable: false } : {}),
    ...(role.isMain ? { durationEditable: false } : {}),
    extendedProps: { eventId: e.id, editingBy: editor, clash },
  };
}

/**
 * effectiveEnd for an indexed (validated) record: its end has the start's form and comes after
 * it, so it is the end as stored; without one, a day or an hour, worked out once per start.
 */
const defaultEnds = new Map<string, string>();
function endOf(e: IndexedEvent): string {
  const { start, end } = e;
  if (end !== undefined && end.length === start.length && end > start) return end;
  if (end !== undefined) return effectiveEnd(start, end);
  let fallback = defaultEnds.get(start);
  if (fallback === undefined) {
    if (defaultEnds.size > 20_000) defaultEnds.clear();
    defaultEnds.set(start, (fallback = effectiveEnd(start)));
  }
  return fallback;
}

/**
 * Inputs are kept per record object (the event index hands out a new one when the event
 * changes), so a refetch after an edit elsewhere, or a month seen before, builds none again.
 * FullCalendar only reads them (and the per-day budget copies what it keeps).
 */
const built = new WeakMap<object, { record: IndexedEvent; editor: string | undefined; clash: unknown; mainKind: string | undefined; isMain: boolean; input: EventInput }>();

/** `key`: the record for a one-off, the cached occurrence for a series' occurrence. */
function cachedInput(key: object, e: IndexedEvent, start: string, end: string | null, editingBy: EditingBy, conflicts: ConflictMarks, role: PhaseRole = NO_ROLE): EventInput {
  const editor = editingBy.get(e.id);
  const clash = conflicts.get(e.id);
  const hit = built.get(key);
  if (hit && hit.record === e && hit.editor === editor && hit.clash === clash && hit.mainKind === role.mainKind && hit.isMain === role.isMain) return hit.input;
  const made = input(e, start, end ?? endOf(e), editingBy, conflicts, role);
  built.set(key, { record: e, editor, clash, mainKind: role.mainKind, isMain: role.isMain, input: made });
  return made;
}

/** Phase roles of the records of one fetch (empty when none is a phase: the common case costs one pass). */
function phaseRoles(records: readonly IndexedEvent[]): Map<string, PhaseRole> {
  const roles = new Map<string, PhaseRole>();
  const mains = new Set<string>();
  for (const e of records) if (e.parentId !== undefined) mains.add(e.parentId);
  if (mains.size === 0) return roles;
  const kinds = new Map<string, IndexedEvent['kind']>();
  for (const e of records) if (mains.has(e.id)) kinds.set(e.id, e.kind);
  for (const e of records) {
    const mainKind = e.parentId !== undefined ? kinds.get(e.parentId) : undefined;
    const isMain = kinds.has(e.id);
    if (mainKind !== undefined || isMain) roles.set(e.id, { mainKind, isMain });
  }
  return roles;
}

// ---- Occurrences of recurring series, cached per series and month ----

interface Occ {
  start: string;
  end: string;
  /** start and end as minute numbers, for overlap tests across the two date forms */
  s: number;
  e: number;
}

type Expand = Recurrence['expandOccurrences'];

/**
 * Expanding 120 series through rrule.js costs about as much as everything else a fetch does,
 * and a month switch or an edit elsewhere asks for the same occurrences again. So they are kept
 * per series and calendar month, keyed by what the occurrences depend on (id, start, end, rule,
 * exceptions): a series whose timing changes is expanded afresh, and the same series read from
 * the persisted index before load and from the doc after it shares one entry.
 */
const expanded = new Map<string, Map<string, Occ[]>>();
/** Series timings seen (edits make new ones): forget everything past this many. */
const MAX_SERIES = 5000;

const timingKey = (e: IndexedEvent) => JSON.stringify([e.id, e.start, e.end, e.rrule, e.exdates, e.rdates, e.timezone]);

const monthOf = (day: string) => day.slice(0, 7);
function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
function prevMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Calendar months (`YYYY-MM`) that [from, to) touches (`to` exclusive). */
function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = monthOf(from); `${m}-01` < to; m = nextMonth(m)) out.push(m);
  return out;
}

/** Expand the months of `run` (consecutive, none cached yet) with one rrule.js pass. */
function fill(series: IndexedEvent, cache: Map<string, Occ[]>, run: string[], expand: Expand): void {
  const from = `${run[0]}-01`;
  const to = `${nextMonth(run[run.length - 1])}-01`;
  const all = expand(series, from, to).map((o) => ({ start: o.start, end: o.end, s: toMinuteNumber(o.start), e: toMinuteNumber(o.end) }));
  for (const m of run) {
    const ms = toMinuteNumber(`${m}-01`);
    const me = toMinuteNumber(`${nextMonth(m)}-01`);
    cache.set(
      m,
      all.filter((o) => o.s < me && (o.e > ms || (o.e === o.s && o.s >= ms))),
    );
  }
}

function ensureMonths(series: IndexedEvent, months: string[], expand: Expand): Map<string, Occ[]> {
  const key = timingKey(series);
  let cache = expanded.get(key);
  if (!cache) {
    if (expanded.size >= MAX_SERIES) expanded.clear();
    expanded.set(key, (cache = new Map()));
  }
  for (let i = 0; i < months.length; ) {
    if (cache.has(months[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < months.length && !cache.has(months[j])) j++;
    fill(series, cache, months.slice(i, j), expand);
    i = j;
  }
  return cache;
}

/** Same as expandOccurrences(series, from, to), from the per-month cache. */
export function occurrencesIn(series: IndexedEvent, from: string, to: string, expand: Expand): { start: string; end: string }[] {
  const months = monthsOf(from, to);
  const cache = ensureMonths(series, months, expand);
  const fromMin = toMinuteNumber(from);
  const toMin = toMinuteNumber(to);
  const out: Occ[] = [];
  let last = -Infinity;
  for (const m of months) {
    for (const o of cache.get(m)!) {
      // Months ascend and so do occurrences within one: one spanning a month boundary shows up
      // again at the head of the next month's list.
      if (o.s <= last || o.s >= toMin || (o.e <= fromMin && !(o.e === o.s && o.s >= fromMin))) continue;
      out.push(o);
      last = o.s;
    }
  }
  return out;
}

/**
 * After a fetch, expand the month after it (paging forward), before it (paging back) or both
 * once the result is on screen, so the next month switch finds it ready: in slices of a few milliseconds, each its own task, starting
 * after the next frame (so the paint is not held). Idle callbacks would be the textbook choice,
 * but a page being clicked through month by month rarely has idle periods long enough. Only the
 * latest request is kept.
 */
const SLICE_MS = 4;
let ahead: { series: IndexedEvent[]; months: string[]; expand: Expand } | null = null;
let aheadScheduled = false;
const afterPaint = (cb: () => void) =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => setTimeout(cb, 0)) : setTimeout(cb, 0);

function aheadSlice(): void {
  const job = ahead;
  if (!job) {
    aheadScheduled = false;
    return;
  }
  const until = performance.now() + SLICE_MS;
  while (job.series.length > 0 && performance.now() < until) {
    const s = job.series.pop()!;
    for (const m of job.months) ensureMonths(s, [m], job.expand);
  }
  if (job.series.length > 0 || ahead !== job) {
    setTimeout(aheadSlice, 0);
    return;
  }
  ahead = null;
  aheadScheduled = false;
}

/** Where the previous fetch started: the way the user is paging decides which side is expanded. */
let lastFrom: string | null = null;

function expandAhead(series: IndexedEvent[], from: string, to: string, expand: Expand): void {
  const months = monthsOf(from, to);
  if (months.length === 0) return;
  const next = nextMonth(months[months.length - 1]);
  const prev = prevMonth(months[0]);
  const wanted = lastFrom === null || lastFrom === from ? [next, prev] : lastFrom < from ? [next] : [prev];
  lastFrom = from;
  ahead = { series, months: wanted, expand };
  if (aheadScheduled) return;
  aheadScheduled = true;
  afterPaint(aheadSlice);
}

/** The zone the cached occurrences were expanded for: a workspace changing zone starts afresh. */
let cachedZone = DEFAULT_TIMEZONE;

/** Occurrences of `records` within [from, to) as FullCalendar inputs, coloured by kind, on `zone`'s wall clock (meta.timezone). */
export async function toEventInputs(
  records: IndexedEvent[],
  from: string,
  to: string,
  editingBy: EditingBy = new Map(),
  conflicts: ConflictMarks = new Map(),
  zone: string = DEFAULT_TIMEZONE,
): Promise<EventInput[]> {
  if (zone !== cachedZone) {
    expanded.clear();
    cachedZone = zone;
  }
  const out: EventInput[] = [];
  const series: IndexedEvent[] = [];
  const roles = phaseRoles(records);
  for (const e of records) {
    if (needsExpansion(e)) series.push(e);
    else out.push(cachedInput(e, e, e.start, null, editingBy, conflicts, roles.get(e.id)));
  }
  if (series.length) {
    const { expandOccurrences } = await loadRecurrence();
    const expand: Expand = (e, f, t, limit) => expandOccurrences(e, f, t, limit, zone);
    // (Cached occurrences are objects of the series' cache: with the record, they key its inputs.)
    for (const e of series) for (const occ of occurrencesIn(e, from, to, expand)) out.push(cachedInput(occ, e, occ.start, occ.end, editingBy, conflicts));
    expandAhead([...series], from, to, expand);
  }
  return out;
}
