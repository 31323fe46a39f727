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
import { datePart, effectiveEnd, formatDateValue, fromUtcMs, isAllDay, isValidDateValue, parseDateValue, toUtcMs, DEFAULT_TIMEZONE } from '../time/dates';
import { parseUntil } from '../time/rrule-validate';
import { ruleYieldsStart, zonedSeries } from '../time/recurrence';
import { KIND_LABELS } from '../display/record-labels';
import { vtimezoneLines } from './zones';
import { UID_SUFFIX, textProp, utcTime } from './props';
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

/** A floating ICAL.Time carrying the value's own fields (no host zone involved). */
function wallTime(value: string): ICAL.Time {
  const p = parseDateValue(value);
  if (!p) throw new RangeError(`Invalid date value ${JSON.stringify(value)}`);
  if (p.hh === undefined) return ICAL.Time.fromData({ year: p.y, month: p.m, day: p.d, isDate: true });
  return ICAL.Time.fromData({ year: p.y, month: p.m, day: p.d, hour: p.hh, minute: p.mm ?? 0, second: 0, isDate: false });
}

function dateProp(name: string, value: string, timezone: string): ICAL.Property {
  const prop = new ICAL.Property(name);
  prop.setValue(wallTime(value));
  if (!isAllDay(value)) prop.setParameter('tzid', timezone);
  return prop;
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
      return `UNTIL=${utcTime(ms).toICALString()}`;
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

function yearOf(value: string | undefined): number | null {
  return value && isValidDateValue(value) ? Number(value.slice(0, 4)) : null;
}

/**
 * The recurrence lines, written so that an RFC 5545 reader (which counts DTSTART as the first
 * occurrence, also toward COUNT) expands exactly what our views show. A start the rule does
 * not yield is an occurrence for us only when it is also in `rdates`: then it is left out of
 * RDATE (DTSTART already is one) and COUNT grows by one; otherwise an EXDATE removes it.
 */
function recurrenceProps(vevent: ICAL.Component, event: EventRecord, zone: string | null, timezone: string): void {
  const tzid = zone ?? timezone;
  const rdates = (event.rdates ?? []).filter(isValidDateValue).map((r) => sameForm(r, event.start));
  const exdates = (event.exdates ?? []).filter(isValidDateValue).map((x) => sameForm(x, event.start));
  let rrule = event.rrule;
  if (rrule && !ruleYieldsStart(event)) {
    const count = /(?:^|;)COUNT=(\d+)/i.exec(rrule);
    if (count) rrule = rrule.replace(/(^|;)COUNT=\d+/i, `$1COUNT=${Number(count[1]) + 1}`);
    if (!rdates.includes(event.start) && !exdates.includes(event.start)) exdates.push(event.start);
  }
  if (!rrule && rdates.length === 0) return;
  if (rrule) vevent.addPropertyWithValue('rrule', ICAL.Recur.fromString(exportRRule(rrule, event.start, tzid)));
  for (const r of new Set(rdates)) if (r !== event.start && !exdates.includes(r)) vevent.addProperty(dateProp('rdate', r, tzid));
  for (const x of new Set(exdates)) vevent.addProperty(dateProp('exdate', x, tzid));
}

/** EXDATE and RDATE must have DTSTART's form. */
function sameForm(value: string, start: string): string {
  return isAllDay(start) ? datePart(value) : isAllDay(value) ? `${value}T${start.slice(11, 16)}` : value;
}

/** One VEVENT for a (valid) event record. */
export function eventComponent(event: EventRecord, opts: ExportIcsOptions): ICAL.Component {
  const timezone = opts.timezone ?? DEFAULT_TIMEZONE;
  // A series keeping its own zone is written in it, so BYDAY and daylight saving mean what they meant.
  const zone = zonedSeries(event, timezone);
  const vevent = new ICAL.Component('vevent');
  vevent.addPropertyWithValue('uid', `${event.id}${UID_SUFFIX}`);
  vevent.addPropertyWithValue('dtstamp', utcTime(opts.now ?? Date.now()));
  vevent.addProperty(dateProp('dtstart', event.start, zone ?? timezone));
  // Always an end: without one RFC 5545 reads a timed event as zero-length. A stored end of
  // the other form (or a backwards one) is read the way the calendar reads it.
  vevent.addProperty(dateProp('dtend', effectiveEnd(event.start, event.end), zone ?? timezone));
  recurrenceProps(vevent, event, zone, timezone);
  vevent.addProperty(textProp('summary', event.title));
  if (event.location) vevent.addProperty(textProp('location', event.location));
  const desc = description(event, opts);
  if (desc) vevent.addProperty(textProp('description', desc));
  vevent.addPropertyWithValue('status', STATUS_TO_ICAL[event.status] ?? 'TENTATIVE');
  const categories = new ICAL.Property('categories');
  categories.setValues([KIND_LABELS.zh[event.kind] ?? event.kind]);
  vevent.addProperty(categories);
  if (typeof event.updatedAt === 'number' && Number.isFinite(event.updatedAt)) {
    vevent.addPropertyWithValue('last-modified', utcTime(event.updatedAt));
  }
  // Exact values for a lossless round trip.
  vevent.addProperty(textProp('x-cc-kind', event.kind));
  vevent.addProperty(textProp('x-cc-status', event.status));
  if (event.sectionIds?.length) vevent.addProperty(textProp('x-cc-sections', event.sectionIds.join(',')));
  if (event.notes) vevent.addProperty(textProp('x-cc-notes', event.notes));
  if (event.leadUnit) vevent.addProperty(textProp('x-cc-lead-unit', event.leadUnit));
  for (const unit of event.units ?? []) vevent.addProperty(textProp('x-cc-unit', unit));
  if (event.participants) vevent.addProperty(textProp('x-cc-participants', event.participants));
  if (event.contact) vevent.addProperty(textProp('x-cc-contact', event.contact));
  if (event.campaignId) vevent.addProperty(textProp('x-cc-campaign', event.campaignId));
  if (event.teamId) vevent.addProperty(textProp('x-cc-team', event.teamId));
  if (event.parentId) vevent.addProperty(textProp('x-cc-parent', event.parentId));
  if (event.updatedBy) vevent.addProperty(textProp('x-cc-updated-by', event.updatedBy));
  if (event.phase) vevent.addProperty(textProp('x-cc-phase', event.phase));
  if (event.after) vevent.addProperty(textProp('x-cc-after', `${event.after};${event.lagDays ?? 0};${event.lagUnit ?? 'day'}`));
  // Kept from an import (URL, ORGANIZER, ATTENDEE, SEQUENCE): given back as they came.
  for (const line of event.icalProps ?? []) {
    try {
      const prop = ICAL.Property.fromString(line);
      if (/^(url|organizer|attendee|sequence)$/.test(prop.name)) vevent.addProperty(prop);
    } catch {
      // A line ical.js cannot read is not written: the rest of the event still is.
    }
  }
  // Reminders: one display alarm each, so Outlook, Google and phones remind as we would.
  for (const minutes of event.reminders ?? []) {
    if (!Number.isInteger(minutes) || minutes < 0) continue;
    vevent.addSubcomponent(alarmComponent(minutes, event.title));
  }
  return vevent;
}

/** `TRIGGER:-PT…` relative to the start (RFC 5545 §3.6.6); 0 is at the start. */
function alarmComponent(minutes: number, title: string): ICAL.Component {
  const alarm = new ICAL.Component('valarm');
  alarm.addPropertyWithValue('action', 'DISPLAY');
  const trigger = new ICAL.Property('trigger');
  trigger.setValue(ICAL.Duration.fromSeconds(-minutes * 60));
  alarm.addProperty(trigger);
  alarm.addProperty(textProp('description', title));
  return alarm;
}

/**
 * A complete VCALENDAR text (CRLF line ends, lines folded at 75 octets by ical.js).
 * Events with an invalid start are skipped; deleted events are the caller's to exclude.
 * Own anniversaries (`opts.observances`) follow the events.
 */
export function exportIcs(events: readonly EventRecord[], opts: ExportIcsOptions): string {
  const timezone = opts.timezone ?? DEFAULT_TIMEZONE;
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('prodid', PRODID);
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  cal.addProperty(textProp('x-wr-calname', opts.calendarName));
  cal.addProperty(textProp('x-wr-timezone', timezone));

  const exportable = events.filter((e) => isValidDateValue(e.start));
  // One VTIMEZONE per zone the timed values are written in, for the years they use.
  const years = new Map<string, number[]>();
  for (const e of exportable) {
    if (isAllDay(e.start)) continue;
    const zone = zonedSeries(e, timezone) ?? timezone;
    const list = years.get(zone) ?? [];
    list.push(...[yearOf(e.start), yearOf(e.end), ...(e.exdates ?? []).map(yearOf), ...(e.rdates ?? []).map(yearOf)].filter((y): y is number => y !== null));
    if (e.rrule) list.push(Math.max(...list) + 10);
    years.set(zone, list);
  }
  for (const [zone, list] of [...years].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    cal.addSubcomponent(ICAL.Component.fromString(vtimezoneLines(zone, Math.min(...list), Math.max(...list)).join('\r\n')));
  }
  for (const event of exportable) cal.addSubcomponent(eventComponent(event, opts));
  if (opts.observances?.length) {
    const now = opts.now ?? Date.now();
    const range = observanceExportRange(now, timezone);
    for (const vevent of observanceComponents(opts.observances, { range, now })) cal.addSubcomponent(vevent);
  }
  // ical.js folds into 75-octet chunks and then prefixes continuation lines with
  // the space, giving 76; RFC 5545 counts the space, so fold at 74.
  const foldLength = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return cal.toString() + '\r\n';
  } finally {
    ICAL.foldLength = foldLength;
  }
}
