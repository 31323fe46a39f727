/**
 * iCalendar (RFC 5545) import, parsed with ical.js: files written by this app,
 * Google Calendar, Outlook/Exchange and Feishu (飞书).
 *
 * Choices (also in README.md beside this file):
 * - A timed series from another zone keeps it (`timezone`): its values are that
 *   zone's wall clock and it recurs there (see README: "A series keeps its own zone").
 * - Other times: `Z` (UTC) values become wall-clock values in the workspace zone;
 *   `TZID` values are converted from that zone (IANA, Windows names such as
 *   "China Standard Time", or the file's own VTIMEZONE); floating values are
 *   taken as workspace wall clock. Seconds are dropped. `VALUE=DATE` values are
 *   kept exactly as written, whatever the host or workspace zone. Outlook's
 *   `X-MICROSOFT-CDO-ALLDAYEVENT:TRUE` midnight-to-midnight events are all-day,
 *   read on their own wall clock (never shifted).
 * - An end equal to the default (one day / one hour) is dropped, so "no end"
 *   and "the default end" import identically. No DTEND and no DURATION: all-day
 *   lasts one day, timed is zero-length (RFC 5545 §3.6.1), as is DTEND = DTSTART.
 * - RRULE is kept (the first one), RDATE too. A UTC UNTIL becomes the series'
 *   wall clock; 23:59:59 becomes a date-only UNTIL. EXDATE and RDATE values are
 *   converted like DTSTART.
 * - RECURRENCE-ID overrides become separate events (id `<master id>-<YYYYMMDDTHHmm>`)
 *   and their original start is added to the master's `exdates`.
 * - Event id from UID: ours (`<id>@campaign-calendar`) give back the id; a
 *   foreign UID that is already 8–64 characters of [A-Za-z0-9_-] is used as is;
 *   anything else becomes a readable prefix plus a hash of the whole UID. The
 *   same file therefore always yields the same ids.
 * - kind: X-CC-KIND, else the first CATEGORIES value naming a kind (id, label
 *   or a Chinese word such as 会议/座谈 → meeting), else 'other'. status:
 *   X-CC-STATUS, else STATUS (TENTATIVE → planned, CONFIRMED → confirmed,
 *   CANCELLED → cancelled), else confirmed. Defaults are listed in `defaulted`
 *   so applying an import never overwrites a known kind/status with a guess.
 * - Unit fields: X-CC-* when present (our files), else labelled DESCRIPTION
 *   lines (牵头单位：… 配合单位：… 参加对象：… 联系人：…), the rest being notes.
 * - Our own anniversaries (UID `obs-<id>@campaign-calendar`) are skipped and
 *   counted in `skippedObservances`; they are not events.
 */
import ICAL from './ical-lib';
import { EVENT_KINDS, EVENT_STATUSES, type EventFields, type EventKind, type EventStatus } from '../schema/types';
import { validateEventFields } from '../schema/validate';
import {
  DEFAULT_TIMEZONE,
  datePart,
  effectiveEnd,
  formatDateValue,
  fromUtcMs,
  isAllDay,
  sameOffsetThroughout,
  shiftDateValue,
  toMinuteNumber,
  toUtcMs,
} from '../time/dates';
import { parseUntil, validateRRule } from '../time/rrule-validate';
import { inStartForm, ruleYieldsStart, shiftCount, toViewZone } from '../time/recurrence';
import { KIND_LABELS } from '../display/record-labels';
import { DESCRIPTION_LABELS, UID_SUFFIX } from './export';
import { ianaZoneFor, ianaZoneMatching } from './zones';
import { isObservanceUid } from './own-observances-ics';

export type IcsErrorCode = 'empty' | 'not-icalendar' | 'syntax';

/** The file as a whole cannot be read; nothing was imported. */
export class IcsError extends Error {
  override readonly name = 'IcsError';
  constructor(
    readonly code: IcsErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type ImportedEvent = EventFields & { id: string };

export interface ParsedIcs {
  events: ImportedEvent[];
  /** One line per event skipped or field dropped, in English, naming the event. */
  warnings: string[];
  /** X-WR-CALNAME, when the file names its calendar. */
  calendarName?: string;
  /** Per event id, the fields that were defaulted rather than read from the file. */
  defaulted: Record<string, Array<'kind' | 'status'>>;
  /**
   * VEVENTs of the workspace's own anniversaries (UID `obs-<id>@campaign-calendar`, written by
   * our export) that were left out. Optional so hand-built ParsedIcs values stay valid.
   */
  skippedObservances?: number;
}

export interface ParseIcsOptions {
  /** The workspace zone the wall-clock values are written in (meta.timezone). */
  timezone?: string;
}

// ---------------------------------------------------------------------------
// ids

/** cyrb53: a small, fast 53-bit string hash; plenty to tell UIDs apart. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const CLEAN_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The event id an iCalendar UID maps to (deterministic; ours map back to the original id). */
export function idFromUid(uid: string): string {
  const trimmed = uid.trim();
  if (trimmed.endsWith(UID_SUFFIX)) {
    const own = trimmed.slice(0, -UID_SUFFIX.length);
    if (/^[A-Za-z0-9_-]{1,64}$/.test(own)) return own;
  }
  if (CLEAN_ID.test(trimmed)) return trimmed;
  const readable = trimmed.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  return `${readable || 'ics'}-${hash53(trimmed)}`;
}

// ---------------------------------------------------------------------------
// kinds and statuses

const KIND_WORDS: Array<[string, EventKind]> = [
  ['纪念活动', 'anniversary'], ['纪念日', 'anniversary'], ['纪念', 'anniversary'], ['周年', 'anniversary'],
  ['竞赛比赛', 'contest'], ['知识竞赛', 'contest'], ['竞赛', 'contest'], ['比赛', 'contest'], ['大赛', 'contest'], ['比拼', 'contest'],
  ['展览展示', 'exhibition'], ['展览', 'exhibition'], ['展示', 'exhibition'], ['作品展', 'exhibition'],
  ['宣讲报告', 'lecture'], ['宣讲', 'lecture'], ['讲座', 'lecture'], ['报告会', 'lecture'],
  ['培训', 'training'], ['培训班', 'training'],
  ['会议座谈', 'meeting'], ['会议', 'meeting'], ['座谈', 'meeting'], ['例会', 'meeting'], ['开会', 'meeting'],
  ['学习', 'study'], ['理论学习', 'study'],
  ['宣传', 'publicity'],
  ['志愿服务', 'volunteer'], ['志愿', 'volunteer'],
  ['考评表彰', 'assessment'], ['考评', 'assessment'], ['考核', 'assessment'], ['表彰', 'assessment'], ['评比', 'assessment'], ['检查', 'assessment'],
  ['其他', 'other'], ['其它', 'other'],
];
const KIND_WORDS_LONGEST_FIRST = [...KIND_WORDS].sort((a, b) => b[0].length - a[0].length);

/** The kind a CATEGORIES value names, or null: an id, an app label, or a Chinese word (exact, then contained). */
export function kindFromCategory(category: string): EventKind | null {
  const c = category.trim();
  const lower = c.toLowerCase();
  if ((EVENT_KINDS as readonly string[]).includes(lower)) return lower as EventKind;
  for (const labels of Object.values(KIND_LABELS)) {
    for (const [kind, label] of Object.entries(labels)) if (label.toLowerCase() === lower) return kind as EventKind;
  }
  for (const [word, kind] of KIND_WORDS) if (word === c) return kind;
  for (const [word, kind] of KIND_WORDS_LONGEST_FIRST) if (word.length >= 2 && c.includes(word) && kind !== 'other') return kind;
  return null;
}

const STATUS_FROM_ICAL: Record<string, EventStatus> = {
  TENTATIVE: 'planned',
  CONFIRMED: 'confirmed',
  CANCELLED: 'cancelled',
};

// ---------------------------------------------------------------------------
// times

interface Ctx {
  timezone: string;
  zones: Map<string, ICAL.Timezone>;
  warnings: string[];
  label: string;
}

interface Converted {
  value: string;
  allDay: boolean;
}

function wallOf(t: ICAL.Time): string {
  return formatDateValue({ y: t.year, m: t.month, d: t.day, hh: t.hour, mm: t.minute });
}

function isUtc(t: ICAL.Time, prop: ICAL.Property): boolean {
  const tzid = prop.getParameter('tzid');
  return (!tzid && t.zone?.tzid === 'UTC') || (typeof tzid === 'string' && /^(UTC|GMT|Z|Etc\/UTC|Etc\/GMT)$/i.test(tzid));
}

/** Epoch ms of a zoned value, or null for floating ones. */
function instantOf(t: ICAL.Time, prop: ICAL.Property, ctx: Ctx): number | null {
  if (isUtc(t, prop)) return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const tzid = prop.getParameter('tzid');
  if (typeof tzid !== 'string' || tzid === '') return null;
  const iana = ianaZoneFor(tzid);
  if (iana) return toUtcMs(wallOf(t), iana) + t.second * 1000;
  const vtz = ctx.zones.get(tzid);
  if (vtz) {
    const zoned = ICAL.Time.fromData(
      { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second, isDate: false },
      vtz,
    );
    return zoned.toUnixTime() * 1000;
  }
  ctx.warnings.push(`${ctx.label}: unknown time zone "${tzid}", times read as ${ctx.timezone}`);
  return null;
}

/** A value as wall clock in `zone` (default the workspace's; a series' own when it keeps one); floating values as written. */
function convert(t: ICAL.Time, prop: ICAL.Property, ctx: Ctx, zone = ctx.timezone): Converted {
  if (!(t instanceof ICAL.Time) || !Number.isFinite(t.year) || !Number.isFinite(t.day)) {
    throw new Error(`${prop.name.toUpperCase()} is not a date`);
  }
  if (t.isDate) return { value: formatDateValue({ y: t.year, m: t.month, d: t.day }), allDay: true };
  const ms = instantOf(t, prop, ctx);
  return { value: ms === null ? wallOf(t) : fromUtcMs(ms, zone), allDay: false };
}

/**
 * The IANA zone a timed series keeps (see README: "A series keeps its own zone"), or null
 * when its values are simply converted to the workspace zone: floating times, a zone with
 * the workspace zone's offset all the time, or a file-defined zone no IANA zone matches.
 */
function seriesZoneOf(t: ICAL.Time, prop: ICAL.Property, ctx: Ctx): string | null {
  if (t.isDate) return null;
  let zone: string | null = null;
  if (isUtc(t, prop)) zone = 'UTC';
  else {
    const tzid = prop.getParameter('tzid');
    if (typeof tzid !== 'string' || tzid === '') return null;
    zone = ianaZoneFor(tzid);
    const vtz = ctx.zones.get(tzid);
    if (!zone && vtz) zone = ianaZoneMatching((ms) => vtzOffsetMs(vtz, ms), t.year);
  }
  if (!zone) return null;
  const from = Date.UTC(t.year, 0, 1);
  return sameOffsetThroughout(zone, ctx.timezone, from, from + 2 * 366 * 86_400_000) ? null : zone;
}

/** UTC offset (ms) of a file-defined VTIMEZONE at an instant. */
function vtzOffsetMs(vtz: ICAL.Timezone, ms: number): number {
  // utcOffset reads its argument as wall clock in the zone: guess it from the UTC fields, then refine once.
  const wallAt = (offsetMs: number) => {
    const d = new Date(ms + offsetMs);
    return ICAL.Time.fromData({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: 0, isDate: false });
  };
  const first = vtz.utcOffset(wallAt(0)) * 1000;
  return vtz.utcOffset(wallAt(first)) * 1000;
}

function timeValues(prop: ICAL.Property): ICAL.Time[] {
  return prop.getValues().filter((v): v is ICAL.Time => v instanceof ICAL.Time);
}

/** UNTIL in our stored form: wall clock in `zone` (the series' or the workspace's), date-only when it means "through that day". */
function importRRule(rule: string, allDay: boolean, ctx: Ctx, zone: string): string {
  return rule
    .split(';')
    .filter((p) => p !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = part.slice(0, eq).toUpperCase();
      const value = part.slice(eq + 1).toUpperCase();
      if (name !== 'UNTIL') return `${name}=${value}`;
      const u = parseUntil(value);
      if (!u) return `${name}=${value}`;
      const compact = (v: string) => v.replace(/[-:]/g, '');
      if (u.time === null) return `UNTIL=${compact(formatDateValue({ y: u.y, m: u.m, d: u.d }))}`;
      const seconds = Number(u.time.slice(4, 6));
      let wall = formatDateValue({ y: u.y, m: u.m, d: u.d, hh: Number(u.time.slice(0, 2)), mm: Number(u.time.slice(2, 4)) });
      let wallSeconds = seconds;
      if (value.endsWith('Z')) {
        const ms = Date.UTC(u.y, u.m - 1, u.d, Number(u.time.slice(0, 2)), Number(u.time.slice(2, 4)), seconds);
        wall = fromUtcMs(ms, zone);
        wallSeconds = new Date(ms).getUTCSeconds();
      }
      if (allDay) {
        // Outlook ends all-day series at the last day's 00:00 in its zone, Google at the next day's.
        return `UNTIL=${compact(datePart(wall))}`;
      }
      if (wall.endsWith('T23:59') && wallSeconds === 59) return `UNTIL=${compact(datePart(wall))}`;
      return `UNTIL=${compact(wall)}${String(wallSeconds).padStart(2, '0')}`;
    })
    .join(';');
}

// ---------------------------------------------------------------------------
// text

function text(comp: ICAL.Component, name: string): string | undefined {
  const prop = comp.getFirstProperty(name);
  if (!prop) return undefined;
  const v = prop.getFirstValue();
  if (v === null || v === undefined) return undefined;
  return String(v);
}

function texts(comp: ICAL.Component, name: string): string[] {
  return comp.getAllProperties(name).flatMap((p) => p.getValues().map((v) => String(v)));
}

function clean(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = value.replace(/\r\n?/g, '\n').trim();
  return t === '' ? undefined : t;
}

/** Google and Feishu may put HTML in DESCRIPTION; keep the text and line breaks. */
function fromHtml(value: string): string {
  if (!/<\/?(br|p|div|a|b|i|u|span|ul|ol|li|strong|em)\b[^>]*>/i.test(value)) return value;
  return value
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

interface DescriptionParts {
  notes?: string;
  leadUnit?: string;
  units?: string[];
  participants?: string;
  contact?: string;
}

const LABEL_LINE = new RegExp(
  `^\\s*(${Object.values(DESCRIPTION_LABELS).join('|')}|责任单位|配合部门|参会人员|参加人员|联系人及电话|联系方式)\\s*[:：]\\s*(.*)$`,
);

function parseDescription(desc: string | undefined): DescriptionParts {
  if (!desc) return {};
  const out: DescriptionParts = {};
  const rest: string[] = [];
  for (const line of fromHtml(desc).replace(/\r\n?/g, '\n').split('\n')) {
    const m = LABEL_LINE.exec(line);
    const value = m?.[2].trim();
    if (!m || !value) {
      rest.push(line);
      continue;
    }
    switch (m[1]) {
      case '牵头单位':
      case '责任单位':
        out.leadUnit = value;
        break;
      case '配合单位':
      case '配合部门':
        out.units = value.split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean);
        break;
      case '参加对象':
      case '参会人员':
      case '参加人员':
        out.participants = value;
        break;
      case '联系人':
      case '联系人及电话':
      case '联系方式':
        out.contact = value;
        break;
      default:
        break; // 对应工作要点: the section ids travel in X-CC-SECTIONS
    }
  }
  out.notes = clean(rest.join('\n').replace(/\n{3,}/g, '\n\n'));
  return out;
}

// ---------------------------------------------------------------------------
// events

interface RawEvent {
  comp: ICAL.Component;
  uid: string;
  id: string;
  fields: Record<string, unknown>;
  defaulted: Array<'kind' | 'status'>;
  recurrenceId?: Converted;
  /** The changed occurrence's original start as an instant (null: floating or a date). */
  recurrenceMs?: number | null;
}

function compactStamp(v: string): string {
  return v.replace(/[-:]/g, '');
}

function readVEvent(comp: ICAL.Component, ctx: Ctx, index: number): RawEvent {
  const summary = clean(text(comp, 'summary'));
  const uidRaw = clean(text(comp, 'uid'));
  ctx.label = `Event ${index + 1}${summary ? ` "${summary}"` : ''}`;

  const startProp = comp.getFirstProperty('dtstart');
  const startTime = startProp?.getFirstValue();
  if (!startProp || !(startTime instanceof ICAL.Time)) throw new Error('it has no DTSTART');
  // A timed series from another zone keeps it: its values are then wall clock there.
  const recurring = comp.hasProperty('rrule') || comp.hasProperty('rdate');
  let zone = recurring ? seriesZoneOf(startTime, startProp, ctx) : null;
  const valueZone = zone ?? ctx.timezone;
  const conv = (t: ICAL.Time, prop: ICAL.Property) => convert(t, prop, ctx, valueZone);
  let start = conv(startTime, startProp);

  let end: Converted | undefined;
  const endProp = comp.getFirstProperty('dtend');
  const endTime = endProp?.getFirstValue();
  if (endProp && endTime instanceof ICAL.Time) {
    end = conv(endTime, endProp);
  } else {
    const duration = comp.getFirstPropertyValue('duration');
    if (duration instanceof ICAL.Duration) {
      const seconds = duration.toSeconds();
      end = start.allDay
        ? { value: shiftDateValue(start.value, Math.round(seconds / 86400)), allDay: true }
        : { value: fromUtcMs(toUtcMs(start.value, valueZone) + Math.round(seconds / 60) * 60_000, valueZone), allDay: false };
    } else if (!start.allDay) {
      // RFC 5545 §3.6.1: a DATE-TIME DTSTART without DTEND or DURATION ends when it starts.
      end = { value: start.value, allDay: false };
    }
  }

  // Outlook writes all-day events as midnight-to-midnight date-times with this flag.
  const msAllDay = String(comp.getFirstPropertyValue('x-microsoft-cdo-alldayevent') ?? '').toUpperCase() === 'TRUE';
  if (msAllDay && !start.allDay && startTime.hour === 0 && startTime.minute === 0) {
    start = { value: formatDateValue({ y: startTime.year, m: startTime.month, d: startTime.day }), allDay: true };
    end = endTime instanceof ICAL.Time ? { value: formatDateValue({ y: endTime.year, m: endTime.month, d: endTime.day }), allDay: true } : undefined;
  }

  if (end) {
    // The stored end has the start's form; effectiveEnd converts and repairs.
    const normalised = end.allDay === start.allDay ? end.value : effectiveEnd(start.value, end.value);
    const order = toMinuteNumber(normalised) - toMinuteNumber(start.value);
    if (order < 0 || (order === 0 && start.allDay)) {
      if (order < 0) ctx.warnings.push(`${ctx.label}: DTEND before DTSTART ignored`);
      end = undefined;
    } else {
      // order 0 on a timed event: zero length (a deadline), kept as end = start.
      end = { value: normalised, allDay: start.allDay };
    }
  }
  let endValue = end && end.value !== effectiveEnd(start.value) ? end.value : undefined;

  let rrule: string | undefined;
  const rrules = comp.getAllProperties('rrule');
  if (rrules.length > 0) {
    if (rrules.length > 1) ctx.warnings.push(`${ctx.label}: only the first of ${rrules.length} RRULEs is kept`);
    const candidate = importRRule(String(rrules[0].getFirstValue()), start.allDay, ctx, valueZone);
    const problem = validateRRule(candidate);
    if (problem) ctx.warnings.push(`${ctx.label}: recurrence "${candidate}" dropped (${problem}); imported as a single event`);
    else rrule = candidate;
  }

  // EXDATE and RDATE have DTSTART's form; a date on a timed series takes the series' time of day.
  const exdates: string[] = [];
  for (const prop of comp.getAllProperties('exdate')) {
    for (const t of timeValues(prop)) exdates.push(inStartForm(conv(t, prop).value, start.value));
  }
  const rdates: string[] = [];
  for (const prop of comp.getAllProperties('rdate')) {
    for (const v of prop.getValues()) {
      const t = v instanceof ICAL.Period ? v.start : v;
      if (!(t instanceof ICAL.Time)) continue;
      if (v instanceof ICAL.Period) ctx.warnings.push(`${ctx.label}: RDATE period ${v.toString()} kept as an extra start with the event's own length`);
      const r = inStartForm(conv(t, prop).value, start.value);
      if (r !== start.value && !rdates.includes(r)) rdates.push(r);
    }
  }
  // RFC 5545 counts DTSTART as the first occurrence even when the rule does not yield it (and
  // counts it toward COUNT); our expansion, like rrule.js, does not. Make it an RDATE instead.
  if (rrule && !exdates.includes(start.value) && !ruleYieldsStart({ start: start.value, rrule })) {
    rrule = shiftCount(rrule, -1);
    if (!rdates.includes(start.value)) rdates.unshift(start.value);
  }

  if (zone && !rrule && rdates.length === 0) {
    // The recurrence was dropped: a single event, whose values belong in the workspace zone.
    zone = null;
    start = { value: toViewZone(start.value, valueZone, ctx.timezone), allDay: false };
    if (endValue !== undefined) endValue = toViewZone(endValue, valueZone, ctx.timezone);
  }

  let recurrenceId: Converted | undefined;
  let recurrenceMs: number | null = null;
  const ridProp = comp.getFirstProperty('recurrence-id');
  const ridTime = ridProp?.getFirstValue();
  if (ridProp && ridTime instanceof ICAL.Time) {
    recurrenceId = convert(ridTime, ridProp, ctx);
    recurrenceMs = ridTime.isDate ? null : instantOf(ridTime, ridProp, ctx);
  }

  // kind, status
  const defaulted: Array<'kind' | 'status'> = [];
  const xKind = clean(text(comp, 'x-cc-kind'));
  let kind: EventKind | null = xKind && (EVENT_KINDS as readonly string[]).includes(xKind) ? (xKind as EventKind) : null;
  if (!kind) for (const c of texts(comp, 'categories')) if ((kind = kindFromCategory(c))) break;
  if (!kind) {
    kind = 'other';
    defaulted.push('kind');
  }
  const xStatus = clean(text(comp, 'x-cc-status'));
  let status: EventStatus | undefined =
    xStatus && (EVENT_STATUSES as readonly string[]).includes(xStatus) ? (xStatus as EventStatus) : undefined;
  status ??= STATUS_FROM_ICAL[String(text(comp, 'status') ?? '').trim().toUpperCase()];
  if (!status) {
    status = 'confirmed';
    defaulted.push('status');
  }

  // Unit fields: exact X-CC values from our own files, else labelled description lines.
  const ours = xKind !== undefined;
  const desc = parseDescription(text(comp, 'description'));
  const units = texts(comp, 'x-cc-unit').map((u) => u.trim()).filter(Boolean);
  const sections = (clean(text(comp, 'x-cc-sections')) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  // Outlook prefixes cancelled meetings' titles; the status already says it.
  const title = status === 'cancelled' && summary ? summary.replace(/^(已取消|取消|Canceled|Cancelled)\s*[:：]\s*/i, '') || summary : summary;
  const fields: Record<string, unknown> = {
    title: title ?? '（无标题）',
    kind,
    start: start.value,
    end: endValue,
    status,
    location: clean(text(comp, 'location')),
    notes: ours ? clean(text(comp, 'x-cc-notes')) : desc.notes,
    leadUnit: ours ? clean(text(comp, 'x-cc-lead-unit')) : desc.leadUnit,
    units: ours ? (units.length ? units : undefined) : desc.units,
    participants: ours ? clean(text(comp, 'x-cc-participants')) : desc.participants,
    contact: ours ? clean(text(comp, 'x-cc-contact')) : desc.contact,
    sectionIds: sections.length ? sections : undefined,
    campaignId: clean(text(comp, 'x-cc-campaign')),
    teamId: clean(text(comp, 'x-cc-team')),
    parentId: clean(text(comp, 'x-cc-parent')),
    ...phaseFields(comp),
    reminders: remindersOf(comp),
    rrule,
    exdates: (rrule || rdates.length) && exdates.length ? [...new Set(exdates)] : undefined,
    rdates: rdates.length ? rdates : undefined,
    timezone: zone ?? undefined,
    icalProps: keptProps(comp),
  };
  if (!summary) ctx.warnings.push(`${ctx.label}: no SUMMARY, titled （无标题）`);
  const uid = uidRaw ?? `no-uid:${start.value}:${summary ?? ''}`;
  if (!uidRaw) ctx.warnings.push(`${ctx.label}: no UID; its id is derived from its start and title`);
  let id = idFromUid(uid);
  if (recurrenceId) id = overrideId(id, uid, recurrenceId.value);
  return { comp, uid, id, fields, defaulted, recurrenceId, recurrenceMs };
}

/**
 * `<master id>-<YYYYMMDDTHHmm>` for a changed occurrence; when that is over 64 characters the
 * master id is shortened and the whole UID hashed in, so the id stays unique and readable.
 */
function overrideId(masterId: string, uid: string, recurrence: string): string {
  const stamp = compactStamp(recurrence);
  const full = `${masterId}-${stamp}`;
  if (full.length <= 64) return full;
  const tail = `-${hash53(`${uid}\u0000${stamp}`)}-${stamp}`;
  return `${masterId.slice(0, 64 - tail.length)}${tail}`;
}

/** Properties we do not model but must give back on export: who organises, who attends, the link. */
const KEPT_PROPERTIES = ['url', 'organizer', 'attendee', 'sequence'];

function keptProps(comp: ICAL.Component): string[] | undefined {
  const lines: string[] = [];
  for (const name of KEPT_PROPERTIES) {
    for (const prop of comp.getAllProperties(name)) {
      const line = prop.toICALString();
      if (!/[\r\n]/.test(line) && line.length <= 2000) lines.push(line);
    }
  }
  return lines.length ? lines : undefined;
}

/** Our own X-CC-PHASE and X-CC-AFTER ("<id>;<lag>;<unit>"), for a lossless round trip. */
function phaseFields(comp: ICAL.Component): Record<string, unknown> {
  const phase = clean(text(comp, 'x-cc-phase'));
  const [after, lag, unit] = (clean(text(comp, 'x-cc-after')) ?? '').split(';');
  const lagDays = Number(lag);
  return {
    phase,
    after: after || undefined,
    lagDays: after && Number.isInteger(lagDays) && lagDays >= 0 ? lagDays : undefined,
    lagUnit: after && (unit === 'day' || unit === 'workday') ? unit : undefined,
  };
}

/**
 * Minutes-before-start reminders from the VALARMs whose trigger is relative to the start (the
 * common case: Outlook, Google, phones). Alarms after the start, relative to the end or at an
 * absolute time are not reminders of ours and are left out.
 */
function remindersOf(comp: ICAL.Component): number[] | undefined {
  const out = new Set<number>();
  for (const alarm of comp.getAllSubcomponents('valarm')) {
    const trigger = alarm.getFirstProperty('trigger');
    const related = trigger?.getParameter('related');
    const value = trigger?.getFirstValue();
    if (!(value instanceof ICAL.Duration) || (typeof related === 'string' && related.toUpperCase() === 'END')) continue;
    const seconds = value.toSeconds();
    if (seconds <= 0 && seconds > -366 * 86400) out.add(Math.round(-seconds / 60));
  }
  return out.size ? [...out].sort((a, b) => a - b) : undefined;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses iCalendar text into event fields for the workspace. Throws IcsError
 * when the text is not a readable iCalendar file; problems with single events
 * are reported in `warnings` and those events skipped.
 */
export function parseIcs(input: string, opts: ParseIcsOptions = {}): ParsedIcs {
  if (typeof input !== 'string' || input.trim() === '') throw new IcsError('empty', 'The file is empty.');
  const source = stripBom(input);
  if (!/^\s*BEGIN:VCALENDAR/i.test(source)) {
    throw new IcsError('not-icalendar', 'This is not an iCalendar (.ics) file: it does not start with BEGIN:VCALENDAR.');
  }
  let jcal: unknown;
  try {
    jcal = ICAL.parse(source);
  } catch (e) {
    throw new IcsError('syntax', `The iCalendar file could not be read: ${(e as Error).message}`);
  }
  const roots = (Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : (jcal as unknown[])) as unknown[];
  const calendars = roots.map((r) => new ICAL.Component(r as never)).filter((c) => c.name === 'vcalendar');
  if (calendars.length === 0) throw new IcsError('not-icalendar', 'The file holds no VCALENDAR.');

  const timezone = opts.timezone ?? DEFAULT_TIMEZONE;
  const warnings: string[] = [];
  const zones = new Map<string, ICAL.Timezone>();
  for (const cal of calendars) {
    for (const vtz of cal.getAllSubcomponents('vtimezone')) {
      try {
        const tz = new ICAL.Timezone(vtz);
        if (tz.tzid) zones.set(tz.tzid, tz);
      } catch {
        warnings.push('A VTIMEZONE could not be read and was ignored');
      }
    }
  }
  const ctx: Ctx = { timezone, zones, warnings, label: '' };

  const raws: RawEvent[] = [];
  let index = 0;
  let skippedObservances = 0;
  for (const cal of calendars) {
    for (const comp of cal.getAllSubcomponents('vevent')) {
      // Our own anniversaries live in the workspace's observances map, not as events. We skip
      // them rather than map them back: the workspace that exported them already has them, and
      // turning them into events would add a copy on every round trip (and the observances map
      // is not the import's to write). Counted for the import summary.
      if (isObservanceUid(String(comp.getFirstPropertyValue('uid') ?? ''))) {
        skippedObservances++;
        index++;
        continue;
      }
      try {
        raws.push(readVEvent(comp, ctx, index));
      } catch (e) {
        warnings.push(`${ctx.label || `Event ${index + 1}`}: skipped, ${(e as Error).message}`);
      }
      index++;
    }
  }

  // Masters by UID, then overrides become exdates on their master.
  const masters = new Map<string, RawEvent>();
  const seen = new Set<string>();
  const kept: RawEvent[] = [];
  for (const raw of raws) {
    if (seen.has(raw.id)) {
      warnings.push(`"${raw.fields.title}": a second copy of UID ${raw.uid} was ignored`);
      continue;
    }
    seen.add(raw.id);
    kept.push(raw);
    if (!raw.recurrenceId) masters.set(raw.uid, raw);
  }
  for (const raw of kept) {
    if (!raw.recurrenceId) continue;
    const master = masters.get(raw.uid);
    if (!master || typeof master.fields.rrule !== 'string') {
      warnings.push(`"${raw.fields.title}": changed occurrence of a series not in the file, imported on its own`);
      continue;
    }
    const masterStart = master.fields.start as string;
    const masterZone = master.fields.timezone as string | undefined;
    // The original start in the master's own values (its zone when it keeps one).
    const ridValue = masterZone && typeof raw.recurrenceMs === 'number' ? fromUtcMs(raw.recurrenceMs, masterZone) : raw.recurrenceId.value;
    const rid = isAllDay(masterStart)
      ? datePart(ridValue)
      : raw.recurrenceId.allDay
        ? `${ridValue}T${masterStart.slice(11, 16)}`
        : ridValue;
    const list = (master.fields.exdates as string[] | undefined) ?? [];
    if (!list.includes(rid)) master.fields.exdates = [...list, rid];
  }

  const events: ImportedEvent[] = [];
  const defaulted: Record<string, Array<'kind' | 'status'>> = {};
  for (const raw of kept) {
    const { record, problems } = validateEventFields(raw.fields);
    if (!record) {
      warnings.push(`"${raw.fields.title}": skipped, ${problems.join('; ')}`);
      continue;
    }
    const clean: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) if (v !== undefined) clean[k] = v;
    events.push({ ...(clean as EventFields), id: raw.id });
    if (raw.defaulted.length) defaulted[raw.id] = raw.defaulted;
  }
  const calendarName = clean(calendars.map((c) => text(c, 'x-wr-calname')).find((n) => n !== undefined));
  return { events, warnings, calendarName, defaulted, skippedObservances };
}
