import { phaseName } from '../phases/names';
import type { CampaignRecord, EventKind, EventRecord, EventStatus } from '../schema/types';
import { addDays, effectiveEnd, isAllDay, isValidDateValue, overlapsRange, type DateValue } from '../time/dates';
import { expandOccurrences, needsExpansion } from '../time/recurrence';
import { dayPosition } from './scale';
import type { TimeWindow } from './zoom';

/** One bar or marker on the chart. A series gives one item per occurrence in the window. */
export interface TimelineItem {
  /** Unique among the items drawn: the record id, or id + "@" + occurrence start for a series. */
  key: string;
  /** The record (Contract 1 id): what a click opens and a drag changes. */
  id: string;
  type: 'campaign' | 'event';
  title: string;
  /** Contract 1 values of this piece (end exclusive, the effective one when absent). */
  start: DateValue;
  end: DateValue;
  /** Positions on the day axis (dayPosition). */
  s: number;
  e: number;
  /** Drawn as a point, not a bar: one day, or a timed event. */
  marker: boolean;
  /** Start of this occurrence, for a series. */
  occurrence?: string;
  kind?: EventKind;
  status?: EventStatus;
  color?: string;
  campaignId?: string;
  sectionIds: string[];
  teamId?: string;
  leadUnit?: string;
  /**
   * The plan's time window of an activity whose date is only proposed (an accepted draft
   * dated "3月上旬": the note keeps the window; status still `planned`): drawn as a band.
   */
  window?: { from: string; to: string; s: number; e: number };
  /** Campaigns: their activities done / all. */
  progress?: { done: number; total: number };
  /** A phase of a contest or an exhibition: its main event's id. */
  parentId?: string;
  /** A phase: the phase it follows (finish-to-start). */
  after?: string;
  /** A phase whose main event is among the events: its title minus the main's ("复赛" of "读书知识竞赛·复赛"). */
  phaseName?: string;
  /** A phase whose main event is among the events: the main's kind, whose colour the phase wears. */
  mainKind?: EventKind;
}

export { phaseName } from '../phases/names';

const WINDOW_RE = [/（(\d{4}-\d{2}-\d{2}) 至 (\d{4}-\d{2}-\d{2})）/, /\((\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})\)/];

/** The plan window written in an event's note by draft acceptance (drafts.ts windowText), as [from, to). */
export function plannedWindow(notes: string | undefined): { from: string; to: string } | null {
  if (!notes || (!notes.includes(' 至 ') && !notes.includes(' to '))) return null;
  for (const re of WINDOW_RE) {
    const m = re.exec(notes);
    if (m && isValidDateValue(m[1]) && isValidDateValue(m[2]) && m[1]! <= m[2]!) return { from: m[1]!, to: addDays(m[2]!, 1) };
  }
  return null;
}

function eventItem(e: EventRecord, start: DateValue, end: DateValue, occurrence?: string, s = dayPosition(start), eEnd = dayPosition(end), planned = e.status === 'planned' && !e.rrule ? plannedWindow(e.notes) : null): TimelineItem {
  return {
    key: occurrence ? `${e.id}@${occurrence}` : e.id,
    id: e.id,
    type: 'event',
    title: e.title,
    start,
    end,
    s,
    e: eEnd,
    marker: !isAllDay(start) || eEnd - s <= 1,
    occurrence,
    kind: e.kind,
    status: e.status,
    campaignId: e.campaignId,
    sectionIds: e.sectionIds ?? [],
    teamId: e.teamId,
    leadUnit: e.leadUnit,
    window: planned ? { ...planned, s: dayPosition(planned.from), e: dayPosition(planned.to) } : undefined,
    ...(e.parentId !== undefined && !e.rrule ? { parentId: e.parentId, after: e.after } : {}),
  };
}

/** The events' pieces that touch the window (series expanded, at most `perSeries` occurrences each). */
/** `zone`: the workspace zone (meta.timezone), where series kept in their own zone are placed. */
export function eventItems(events: readonly EventRecord[], w: Pick<TimeWindow, 'from' | 'to'>, perSeries = 400, zone?: string): TimelineItem[] {
  const out: TimelineItem[] = [];
  // Positions once per event (10,000 of them at year zoom): each value is parsed once.
  const from = dayPosition(w.from);
  const to = dayPosition(w.to);
  let phases = false;
  for (const e of events) {
    if (e.deletedAt !== undefined) continue;
    if (e.parentId !== undefined && !e.rrule) phases = true;
    if (needsExpansion(e)) {
      for (const o of expandOccurrences(e, w.from, w.to, perSeries, zone)) out.push(eventItem(e, o.start, o.end, o.start));
      continue;
    }
    const end = effectiveEnd(e.start, e.end);
    const s = dayPosition(e.start);
    const eEnd = dayPosition(end);
    const planned = e.status === 'planned' && e.notes ? plannedWindow(e.notes) : null;
    const inWindow = s < to && eEnd > from;
    if (inWindow || (planned && dayPosition(planned.from) < to && dayPosition(planned.to) > from)) out.push(eventItem(e, e.start, end, undefined, s, eEnd, planned));
  }
  // Phases wear their main event's colour and show their own name (only when there are phases:
  // a workspace without contests pays nothing here).
  if (phases) {
    const byId = new Map<string, EventRecord>();
    for (const e of events) if (e.deletedAt === undefined) byId.set(e.id, e);
    for (const it of out) {
      const main = it.parentId !== undefined ? byId.get(it.parentId) : undefined;
      if (!main) continue;
      it.phaseName = phaseName(it.title, main.title);
      it.mainKind = main.kind;
    }
  }
  return out;
}

/** Campaign bars that touch the window, with their progress over all their (live) activities. */
export function campaignItems(campaigns: readonly CampaignRecord[], events: readonly EventRecord[], w: Pick<TimeWindow, 'from' | 'to'>): TimelineItem[] {
  const progress = new Map<string, { done: number; total: number }>();
  for (const e of events) {
    if (!e.campaignId || e.deletedAt !== undefined || e.status === 'cancelled') continue;
    const p = progress.get(e.campaignId) ?? { done: 0, total: 0 };
    p.total++;
    if (e.status === 'done') p.done++;
    progress.set(e.campaignId, p);
  }
  const out: TimelineItem[] = [];
  for (const c of campaigns) {
    if (c.deletedAt !== undefined) continue;
    const end = effectiveEnd(c.start, c.end);
    if (!overlapsRange(c.start, end, w.from, w.to)) continue;
    out.push({
      key: c.id,
      id: c.id,
      type: 'campaign',
      title: c.title,
      start: c.start,
      end,
      s: dayPosition(c.start),
      e: dayPosition(end),
      marker: false,
      color: c.color,
      sectionIds: c.sectionIds ?? [],
      leadUnit: c.leadUnit,
      progress: progress.get(c.id) ?? { done: 0, total: 0 },
    });
  }
  return out;
}
