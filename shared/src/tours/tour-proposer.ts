/**
 * A draft tour: a team's sessions at the chosen units, on the working days of a range, in the
 * given time slots. The user reviews the drafts before anything is saved (session.createMany).
 *
 * Each unit, in tour order, takes the earliest free slot: a working day (weekends and statutory
 * holidays skipped unless allowed; 调休 make-up Saturdays and Sundays count as working days) with
 * fewer than `perDay` sessions of the team, where the session would have no hard conflict (the
 * conflict engine's rules, buffer included) with `existing` or with the drafts placed before it:
 * the team is free, enough of its speakers are free, and the unit's place is free. Units that
 * find no slot are reported, with a reason, instead of being squeezed in.
 */
import type { DateValue, EventFields, EventRecord, TeamRecord, UnitRecord } from '../schema/types';
import { addDays, datePart, isValidDateValue, lastDayInclusive, shiftDateValue, weekday } from '../time/dates';
import { holidayOn } from '../time/holidays';
import { createConflictIndex } from './conflict-index';
import { DEFAULT_BUFFER_MINUTES } from './conflict-types';
import { cachedOccurrences } from './expansion-cache';
import type { Locale } from '../i18n/locale';
import { isActiveEvent, isLive, locationLabel } from './session';
import { groupUnits } from './unit-order';

export interface TourRequest {
  team: TeamRecord;
  /** The chosen units, in the user's order. */
  units: readonly UnitRecord[];
  /** First day and the day after the last (YYYY-MM-DD). */
  from: DateValue;
  to: DateValue;
  /** The team's sessions a day at most, existing ones included. */
  perDay: number;
  /** Start times, `HH:mm`. */
  slots: readonly string[];
  durationMinutes: number;
  allowWeekends?: boolean;
  allowHolidays?: boolean;
  /**
   * How many of the team's members speak at each session (default all of them), chosen among
   * the free ones, fewest sessions first; or the very names that must speak at every session.
   */
  speakersPerSession?: number | readonly string[];
  /** Every other event of the workspace, to book around. */
  existing: readonly EventRecord[];
  timezone: string;
  /** Travel time between two sessions of a speaker or the team; default 60. */
  bufferMinutes?: number;
  /** 'grouped' (default): by category, address prefix, name (unit-order.ts); 'given': as listed. */
  order?: 'given' | 'grouped';
  /** Default: "<team> · <unit>". */
  title?: (unit: UnitRecord) => string;
}

export type UnplacedReason = 'no-free-slot' | 'deleted' | 'duplicate';

export interface TourProposal {
  /** Sorted by start: kind lecture, status planned, timed start/end, team, speakers, unit, location. */
  drafts: EventFields[];
  unplaced: Array<{ unitId: string; reason: UnplacedReason }>;
}

export const UNPLACED_REASON_LABELS: Readonly<Record<Locale, Readonly<Record<UnplacedReason, string>>>> = {
  zh: { 'no-free-slot': '范围内没有空闲时段', deleted: '单位已删除', duplicate: '单位重复' },
  en: { 'no-free-slot': 'No free slot in the range', deleted: 'Unit deleted', duplicate: 'Unit listed twice' },
};

const SLOT_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A draft's id while it is being placed; drafts carry no id (the document assigns one). */
const draftId = (i: number) => `\u0000tour-draft-${i}`;

/** Days a session may be held on. 调休 working days always qualify; holidays only when allowed. */
export function isTourDay(day: string, allowWeekends = false, allowHolidays = false): boolean {
  const h = holidayOn(day);
  if (h) return h.kind === 'workday' || allowHolidays;
  const wd = weekday(day);
  return allowWeekends || (wd !== 0 && wd !== 6);
}

function checkRequest(r: TourRequest): void {
  if (!isValidDateValue(r.from) || !isValidDateValue(r.to)) throw new RangeError(`Invalid tour range: ${r.from} – ${r.to}`);
  if (!Number.isInteger(r.perDay) || r.perDay < 1) throw new RangeError(`perDay must be a whole number ≥ 1, got ${r.perDay}`);
  if (!Number.isInteger(r.durationMinutes) || r.durationMinutes < 1 || r.durationMinutes > 1440)
    throw new RangeError(`durationMinutes must be a whole number of minutes in 1–1440, got ${r.durationMinutes}`);
  for (const slot of r.slots) if (!SLOT_RE.test(slot)) throw new RangeError(`Invalid slot ${JSON.stringify(slot)}: use HH:mm`);
  const n = r.speakersPerSession;
  if (typeof n === 'number' && (!Number.isInteger(n) || n < 0)) throw new RangeError(`speakersPerSession must be a whole number ≥ 0, got ${n}`);
}

/** The team's sessions per day already in `existing` (for perDay). */
function existingPerDay(r: TourRequest, from: string, to: string): Map<string, number> {
  const perDay = new Map<string, number>();
  for (const e of r.existing) {
    if (e.teamId !== r.team.id || !isActiveEvent(e)) continue;
    for (const o of cachedOccurrences(e, from, to)) {
      for (let d = datePart(o.start); d <= lastDayInclusive(o.start, o.end); d = addDays(d, 1)) perDay.set(d, (perDay.get(d) ?? 0) + 1);
    }
  }
  return perDay;
}

/** Free speakers to book, the least booked first (ties in the team's order); null when too few. */
function chooseSpeakers(pool: readonly string[], wanted: number, busy: ReadonlySet<string>, booked: Map<string, number>): string[] | null {
  const free = pool.filter((name) => !busy.has(name));
  if (free.length < wanted) return null;
  return free
    .map((name, i) => ({ name, i, n: booked.get(name) ?? 0 }))
    .sort((a, b) => a.n - b.n || a.i - b.i)
    .slice(0, wanted)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.name);
}

export function proposeTour(r: TourRequest): TourProposal {
  checkRequest(r);
  const from = datePart(r.from);
  const to = datePart(r.to);
  const bufferMinutes = r.bufferMinutes ?? DEFAULT_BUFFER_MINUTES;
  const members = [...new Set(r.team.members.map((m) => m.trim()).filter(Boolean))];
  const fixed = Array.isArray(r.speakersPerSession) ? [...new Set((r.speakersPerSession as readonly string[]).map((m) => m.trim()).filter(Boolean))] : null;
  const pool = fixed ?? members;
  const wanted = fixed ? fixed.length : Math.min(typeof r.speakersPerSession === 'number' ? r.speakersPerSession : members.length, members.length);
  const title = r.title ?? ((u: UnitRecord) => `${r.team.name} · ${u.name}`);

  // Padded by the buffer so sessions just outside the range still count against the first and last days.
  const pad = Math.ceil(Math.max(0, bufferMinutes) / 1440) + 1;
  const index = createConflictIndex(r.existing, { from: addDays(from, -pad), to: addDays(to, pad), timezone: r.timezone, bufferMinutes });
  const perDay = existingPerDay(r, from, to);
  const slots = [...new Set(r.slots)].sort();
  const positions: Array<{ day: string; start: string }> = [];
  for (let day = from; day < to; day = addDays(day, 1)) {
    if (isTourDay(day, r.allowWeekends, r.allowHolidays)) for (const slot of slots) positions.push({ day, start: `${day}T${slot}` });
  }
  // Positions ruled out whatever the unit (team or speakers booked): bookings only grow.
  const dead = new Uint8Array(positions.length);
  const booked = new Map<string, number>();
  const drafts: EventFields[] = [];
  const unplaced: TourProposal['unplaced'] = [];
  const seen = new Set<string>();

  for (const unit of r.order === 'given' ? r.units : groupUnits(r.units)) {
    if (seen.has(unit.id)) {
      unplaced.push({ unitId: unit.id, reason: 'duplicate' });
      continue;
    }
    seen.add(unit.id);
    if (!isLive(unit)) {
      unplaced.push({ unitId: unit.id, reason: 'deleted' });
      continue;
    }
    const location = locationLabel(unit.address ?? '') || locationLabel(unit.name);
    let placed = false;
    for (let p = 0; p < positions.length && !placed; p++) {
      const { day, start } = positions[p];
      if (dead[p] || (perDay.get(day) ?? 0) >= r.perDay) continue;
      const candidate: EventRecord = {
        id: draftId(drafts.length),
        title: title(unit),
        kind: 'lecture',
        status: 'planned',
        start,
        end: shiftDateValue(start, 0, r.durationMinutes),
        teamId: r.team.id,
        speakers: pool,
        hostUnitId: unit.id,
        location,
        ...(r.team.campaignId ? { campaignId: r.team.campaignId } : {}),
      };
      const hard = index.check(candidate).filter((c) => c.severity === 'hard');
      if (hard.some((c) => c.kind === 'team')) {
        dead[p] = 1;
        continue;
      }
      const speakers = chooseSpeakers(pool, wanted, new Set(hard.filter((c) => c.kind === 'speaker').map((c) => c.resource)), booked);
      if (!speakers) {
        dead[p] = 1;
        continue;
      }
      if (hard.some((c) => c.kind === 'location')) continue;
      const draft: EventRecord = { ...candidate, speakers };
      if (speakers.length === 0) delete draft.speakers; // a team with no members yet
      index.add(draft);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      for (const s of speakers) booked.set(s, (booked.get(s) ?? 0) + 1);
      const { id: _id, ...fields } = draft;
      drafts.push(fields);
      placed = true;
    }
    if (!placed) unplaced.push({ unitId: unit.id, reason: 'no-free-slot' });
  }
  drafts.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return { drafts, unplaced };
}
