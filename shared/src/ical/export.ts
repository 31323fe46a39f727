/**
 * iCalendar (RFC 5545) export of workspace events, written with ical.js.
 *
 * - UID is `<event id>@campaign-calendar`, so re-importing (here or in another
 *   calendar) updates instead of duplicating, and `parseIcs` maps it back to the id.
 * - All-day events: `DTSTART;VALUE=DATE` with the exclusive `DTEND;VALUE=DATE`
 *   (our `end` already is exclusive). Timed events: `TZID=<workspace zone>` wall
 *   clock, plus a VTIMEZONE for that zone.
 * - RRULE as stored; a timed series' UNTIL is rewritten to UTC as RFC 5545
 *   requires (a date-only UNTIL means "through that day", i.e. 23:59:59 wall clock).
 *   EXDATE in the same form as DTSTART.
 * - Human-readable DESCRIPTION (notes, 牵头单位, 配合单位, 参加对象, 联系人, 对应工作要点)
 *   for other calendars, and X-CC-* properties holding the exact fields so a
 *   round trip through `parseIcs` loses nothing.
 * - The caller decides which events go in: pass only live ones (filter out
 *   `deletedAt`); this function exports whatever it is given.
 */
import ICAL from './ical-lib';
import type { EventRecord, EventStatus, ObservanceRecord } from '../schema/types';
import { effectiveEnd, formatDateValue, fromUtcMs, isAllDay, isValidDateValue, toUtcMs, DEFAULT_TIMEZONE } from '../time/dates';
import { parseUntil } from '../time/rrule-validate';
import { inStartForm, ruleYieldsStart, shiftCount, zonedSeries } from '../time/recurrence';
import { KIND_LABELS } from '../display/record-labels';
import { vtimezoneLines } from './zones';
import { UID_SUFFIX } from './props';
import { dateValue, durationValue, escapeText, fold, line, paramValue, utcValue } from './lines';
import { observanceComponents, observanceExportRange } from './own-observances-ics';

export { UID_SUFFIX, icsText } from './props';
export const PRODID = '-//Campaign Calendar//campaign-calendar 0.1//ZH';

export interface ExportIcsOptions {
  /** X-WR-CALNAME, shown by Google/Apple/Outlook as the calendar's name. */
  calendarName: string;
  /** The workspace zone (meta.timezone); timed values are wall-clock times in it. */
  timezone?: string;
  /** Label paths of linked plan sections ("一、(一) 1、…"), written into DESCRIPTION for readers. */
  sectionPaths?: (ids: string[]) => string[];
  /** Clock for DTSTAMP (ms); defaults to now. Also picks the years written for lunar and solar-term anniversaries. */
  now?: number;
  /**
   * The workspace's own anniversaries, written as yearly all-day VEVENTs
   * (own-observances-ics.ts). Deleted ones are left out here, unlike events.
   */
  observances?: readonly ObservanceRecord[];
}

export const STATUS_TO_ICAL: Record<EventStatus, 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'> = {
  planned: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  done: 'CONFIRMED',
  cancelled: 'CANCELLED',
};

/** Labels used in DESCRIPTION lines; import.ts reads them back from other calendars. */
export const DESCRIPTION_LABELS = {
  leadUnit: '牵头单位',
  units: '配合单位',
  participants: '参加对象',
  contact: '联系人',
  sections: '对应工作要点',
} as const;

/** DTSTART, DTEND, EXDATE, RDATE: a DATE, or a wall-clock DATE-TIME with its TZID. */
function dateLine(name: string, value: string, timezone: string): string {
  // Written directly (no parameter object): this runs a few times for each of 10,000 events in a feed.
  return value.length === 10 ? `${name};VALUE=DATE:${dateValue(value)}` : `${name};TZID=${zoneParam(timezone)}:${dateValue(value)}`;
}

const zoneParams = new Map<string, string>();
function zoneParam(zone: string): string {
  let p = zoneParams.get(zone);
  if (p === undefined) zoneParams.set(zone, (p = paramValue(zone)));
  return p;
}

/** UNTIL in the form RFC 5545 wants for this DTSTART (DATE for all-day, UTC for zoned times). */
export function exportRRule(rrule: string, start: string, timezone: string): string {
  const allDay = isAllDay(start);
  return rrule
    .replace(/^RRULE:/i, '')
    .split(';')
    .filter((part) => part !== '')
    .map((part) => {
      const [name, value = ''] = part.split('=');
      if (name.toUpperCase() !== 'UNTIL') return part;
      const u = parseUntil(value.toUpperCase());
      if (!u) return part;
      const date = formatDateValue({ y: u.y, m: u.m, d: u.d });
      const isUtc = /Z$/i.test(value);
      if (allDay) {
        const day = u.time !== null && isUtc ? fromUtcMs(Date.UTC(u.y, u.m - 1, u.d, +u.time.slice(0, 2), +u.time.slice(2, 4)), timezone, true) : date;
        return `UNTIL=${day.replace(/-/g, '')}`;
      }
      if (isUtc) return `UNTIL=${value.toUpperCase()}`;
      const wall = u.time === null ? `${date}T23:59` : `${date}T${u.time.slice(0, 2)}:${u.time.slice(2, 4)}`;
      const seconds = u.time === null ? 59 : Number(u.time.slice(4, 6));
      const ms = toUtcMs(wall, timezone) + seconds * 1000;
      return `UNTIL=${utcValue(ms)}`;
    })
    .join(';');
}

function description(event: EventRecord, opts: ExportIcsOptions): string {
  const lines: string[] = [];
  if (event.notes) lines.push(event.notes, '');
  if (event.leadUnit) lines.push(`${DESCRIPTION_LABELS.leadUnit}：${event.leadUnit}`);
  if (event.units?.length) lines.push(`${DESCRIPTION_LABELS.units}：${event.units.join('、')}`);
  if (event.participants) lines.push(`${DESCRIPTION_LABELS.participants}：${event.participants}`);
  if (event.contact) lines.push(`${DESCRIPTION_LABELS.contact}：${event.contact}`);
  const paths = event.sectionIds?.length && opts.sectionPaths ? opts.sectionPaths(event.sectionIds).filter(Boolean) : [];
  if (paths.length) lines.push(`${DESCRIPTION_LABELS.sections}：${paths.join('；')}`);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** The year of a date value, for the VTIMEZONE's span (a cheap read: the span only needs bounds). */
function yearOf(value: string | undefined): number | null {
  if (typeof value !== 'string' || value.length < 10 || value.charCodeAt(4) !== 45 /* - */) return null;
  const y = Number(value.slice(0, 4));
  return Number.isInteger(y) ? y : null;
}

/**
 * The recurrence lines, written so that an RFC 5545 reader (which counts DTSTART as the first
 * occurrence, also toward COUNT) expands exactly what our views show. A start the rule does
 * not yield is an occurrence for us only when it is also in `rdates`: then it is left out of
 * RDATE (DTSTART already is one) and COUNT grows by one; otherwise an EXDATE removes it.
 */
function recurrenceLines(out: string[], event: EventRecord, zone: string | null, timezone: string): void {
  const tzid = zone ?? timezone;
  const rdates = (event.rdates ?? []).filter(isValidDateValue).map((r) => inStartForm(r, event.start));
  const exdates = (event.exdates ?? []).filter(isValidDateValue).map((x) => inStartForm(x, event.start));
  let rrule = event.rrule;
  if (rrule && !ruleYieldsStart(event)) {
    rrule = shiftCount(rrule, 1);
    if (!rdates.includes(event.start) && !exdates.includes(event.start)) exdates.push(event.start);
  }
  if (!rrule && rdates.length === 0) return;
  if (rrule) out.push(line('RRULE', normalisedRule(exportRRule(rrule, event.start, tzid))));
  for (const r of new Set(rdates)) if (r !== event.start && !exdates.includes(r)) out.push(dateLine('RDATE', r, tzid));
  for (const x of new Set(exdates)) out.push(dateLine('EXDATE', x, tzid));
}

/** The rule as ical.js writes it (FREQ first, parts in its order), memoised: a few thousand series share few rules. */
const normalisedRules = new Map<string, string>();
function normalisedRule(rule: string): string {
  let out = normalisedRules.get(rule);
  if (out === undefined) {
    out = ICAL.Recur.fromString(rule).toString();
    if (normalisedRules.size > 10_000) normalisedRules.clear();
    normalisedRules.set(rule, out);
  }
  return out;
}

const text = (name: string, value: string) => line(name, escapeText(value));

/** DTSTAMP is the same for every event of one export: formatted once. */
let lastStamp: { ms: number; text: string } = { ms: NaN, text: '' };
function stampOf(ms: number): string {
  if (lastStamp.ms !== ms) lastStamp = { ms, text: utcValue(ms) };
  return lastStamp.text;
}

/** The unfolded content lines of one VEVENT for a (valid) event record. */
export function eventLines(event: EventRecord, opts: ExportIcsOptions): string[] {
  const timezone = opts.timezone ?? DEFAULT_TIMEZONE;
  // A series keeping its own zone is written in it, so BYDAY and daylight saving mean what they meant.
  const zone = zonedSeries(event, timezone);
  const out: string[] = ['BEGIN:VEVENT'];
  out.push(`UID:${event.id}${UID_SUFFIX}`, `DTSTAMP:${stampOf(opts.now ?? Date.now())}`);
  out.push(dateLine('DTSTART', event.start, zone ?? timezone));
  // Always an end: without one RFC 5545 reads a timed event as zero-length. A stored end of
  // the other form (or a backwards one) is read the way the calendar reads it.
  out.push(dateLine('DTEND', effectiveEnd(event.start, event.end), zone ?? timezone));
  recurrenceLines(out, event, zone, timezone);
  out.push(text('SUMMARY', event.title));
  if (event.location) out.push(text('LOCATION', event.location));
  const desc = description(event, opts);
  if (desc) out.push(text('DESCRIPTION', desc));
  out.push(line('STATUS', STATUS_TO_ICAL[event.status] ?? 'TENTATIVE'));
  out.push(text('CATEGORIES', KIND_LABELS.zh[event.kind] ?? event.kind));
  if (typeof event.updatedAt === 'number' && Number.isFinite(event.updatedAt)) out.push(line('LAST-MODIFIED', utcValue(event.updatedAt)));
  // Exact values for a lossless round trip.
  out.push(text('X-CC-KIND', event.kind), text('X-CC-STATUS', event.status));
  if (event.sectionIds?.length) out.push(text('X-CC-SECTIONS', event.sectionIds.join(',')));
  if (event.notes) out.push(text('X-CC-NOTES', event.notes));
  if (event.leadUnit) out.push(text('X-CC-LEAD-UNIT', event.leadUnit));
  for (const unit of event.units ?? []) out.push(text('X-CC-UNIT', unit));
  if (event.participants) out.push(text('X-CC-PARTICIPANTS', event.participants));
  if (event.contact) out.push(text('X-CC-CONTACT', event.contact));
  if (event.campaignId) out.push(text('X-CC-CAMPAIGN', event.campaignId));
  if (event.teamId) out.push(text('X-CC-TEAM', event.teamId));
  if (event.parentId) out.push(text('X-CC-PARENT', event.parentId));
  if (event.updatedBy) out.push(text('X-CC-UPDATED-BY', event.updatedBy));
  if (event.phase) out.push(text('X-CC-PHASE', event.phase));
  if (event.after) out.push(text('X-CC-AFTER', `${event.after};${event.lagDays ?? 0};${event.lagUnit ?? 'day'}`));
  // Kept from an import (URL, ORGANIZER, ATTENDEE, SEQUENCE): given back as they came, once ical.js has read them.
  for (const kept of event.icalProps ?? []) {
    const checked = keptLine(kept);
    if (checked) out.push(checked);
  }
  // Reminders: one display alarm each, so Outlook, Google and phones remind as we would.
  for (const minutes of event.reminders ?? []) {
    if (!Number.isInteger(minutes) || minutes < 0) continue;
    out.push('BEGIN:VALARM', line('ACTION', 'DISPLAY'), line('TRIGGER', durationValue(-minutes)), text('DESCRIPTION', event.title), 'END:VALARM');
  }
  out.push('END:VEVENT');
  return out;
}

/** A kept line as ical.js writes it, or null when it is not one of ours to keep or does not parse. */
function keptLine(raw: string): string | null {
  if (/[\r\n]/.test(raw)) return null;
  try {
    const prop = ICAL.Property.fromString(raw);
    return /^(url|organizer|attendee|sequence)$/.test(prop.name) ? prop.toICALString() : null;
  } catch {
    return null; // a line ical.js cannot read is not written: the rest of the event still is
  }
}

/**
 * A complete VCALENDAR text (CRLF line ends, lines folded at 75 octets by ical.js).
 * Events with an invalid start are skipped; deleted events are the caller's to exclude.
 * Own anniversaries (`opts.observances`) follow the events.
 */
export function exportIcs(events: readonly EventRecord[], opts: ExportIcsOptions): string {
  const timezone = opts.timezone ?? DEFAULT_TIMEZONE;
  const out: string[] = [
    'BEGIN:VCALENDAR',
    line('PRODID', PRODID),
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    text('X-WR-CALNAME', opts.calendarName),
    text('X-WR-TIMEZONE', timezone),
  ];
  const exportable = events.filter((e) => isValidDateValue(e.start));
  // One VTIMEZONE per zone the timed values are written in, for the years they use (a series:
  // ten more, as far as readers are likely to look).
  const years = new Map<string, { from: number; to: number }>();
  for (const e of exportable) {
    if (isAllDay(e.start)) continue;
    const zone = zonedSeries(e, timezone) ?? timezone;
    let span = years.get(zone);
    if (!span) years.set(zone, (span = { from: Infinity, to: -Infinity }));
    const add = (value: string | undefined) => {
      const y = yearOf(value);
      if (y === null) return;
      if (y < span!.from) span!.from = y;
      const to = e.rrule ? y + 10 : y;
      if (to > span!.to) span!.to = to;
    };
    add(e.start);
    add(e.end);
    for (const x of e.exdates ?? []) add(x);
    for (const r of e.rdates ?? []) add(r);
  }
  for (const [zone, span] of [...years].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (span.from <= span.to) out.push(...vtimezoneLines(zone, span.from, span.to));
  }
  for (let i = 0; i < out.length; i++) out[i] = fold(out[i]);
  const stamp = stampOf(opts.now ?? Date.now());
  for (const event of exportable) out.push(eventBlock(event, opts, timezone, stamp));
  if (opts.observances?.length) {
    const now = opts.now ?? Date.now();
    const range = observanceExportRange(now, timezone);
    for (const vevent of observanceComponents(opts.observances, { range, now })) for (const l of unfoldedLines(vevent)) out.push(fold(l));
  }
  out.push('END:VCALENDAR');
  return out.join('\r\n') + '\r\n';
}

/**
 * Folded VEVENT text per event, kept between exports around its DTSTAMP: a subscription feed
 * renders the whole workspace again after every change, and all but the changed events come
 * out the same. The key is everything the text depends on: the record as stored, the zone and
 * the section paths its description names. Bounded; a miss only costs the writing.
 */
const blocks = new Map<string, { json: string; zone: string; paths: string; head: string; tail: string }>();
/** A record's JSON, per record object: callers that keep unchanged records (the relay's feed) pay it once. Records are not mutated. */
const recordJson = new WeakMap<EventRecord, string>();
const MAX_BLOCKS = 60_000;

function eventBlock(event: EventRecord, opts: ExportIcsOptions, timezone: string, stamp: string): string {
  const paths = event.sectionIds?.length && opts.sectionPaths ? opts.sectionPaths(event.sectionIds) : [];
  let json = recordJson.get(event);
  if (json === undefined) recordJson.set(event, (json = JSON.stringify(event)));
  const pathKey = paths.length ? paths.join('\u0001') : '';
  const hit = blocks.get(event.id);
  // The same JSON string object for a kept record: the comparison is a pointer check.
  if (hit && hit.json === json && hit.zone === timezone && hit.paths === pathKey) return hit.head + stamp + hit.tail;
  const lines = eventLines(event, { ...opts, now: 0 });
  // lines[2] is DTSTAMP (eventLines writes BEGIN, UID, DTSTAMP first).
  const head = `${fold(lines[0])}\r\n${fold(lines[1])}\r\nDTSTAMP:`;
  let tail = '';
  for (let i = 3; i < lines.length; i++) tail += `\r\n${fold(lines[i])}`;
  if (blocks.size >= MAX_BLOCKS) blocks.clear();
  blocks.set(event.id, { json, zone: timezone, paths: pathKey, head, tail });
  return head + stamp + tail;
}

/** An ical.js component's content lines, unfolded (the caller folds them with ours). */
function unfoldedLines(component: ICAL.Component): string[] {
  const foldLength = ICAL.foldLength;
  ICAL.foldLength = 1_000_000;
  try {
    return component.toString().split(/\r\n/).filter((l) => l !== '');
  } finally {
    ICAL.foldLength = foldLength;
  }
}
