/**
 * Time zones as other calendars name them, and VTIMEZONE components for ours.
 *
 * Conversions go through `toUtcMs`/`fromUtcMs` (Intl), never the host zone, so
 * an import gives the same wall-clock values in Shanghai, Los Angeles or a UTC
 * server. A TZID is resolved, in order, as an IANA name (Google, Feishu, Apple;
 * also with a leading "/" as some exporters write it), as a Windows zone name
 * (Outlook/Exchange: "China Standard Time"), or through the VTIMEZONE the file
 * itself carries (handled in import.ts with ical.js).
 */
import { formatDateValue, fromDayNumber, isKnownZone, toDayNumber, zoneOffsetMs } from '../time/dates';

/** The common Windows zone names (CLDR windowsZones, territory "001") → IANA. */
export const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'China Standard Time': 'Asia/Shanghai',
  'Taipei Standard Time': 'Asia/Taipei',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'Singapore Standard Time': 'Asia/Singapore',
  'North Asia East Standard Time': 'Asia/Irkutsk',
  'Ulaanbaatar Standard Time': 'Asia/Ulaanbaatar',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'India Standard Time': 'Asia/Kolkata',
  'Arabian Standard Time': 'Asia/Dubai',
  'Russian Standard Time': 'Europe/Moscow',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'UTC': 'UTC',
  'Coordinated Universal Time': 'UTC',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'E. South America Standard Time': 'America/Sao_Paulo',
};

/** True when Intl knows this IANA zone name. */
export const isIanaZone = isKnownZone;

/** IANA name for a TZID written by another calendar, or null when only its VTIMEZONE can tell. */
export function ianaZoneFor(tzid: string): string | null {
  const name = tzid.trim().replace(/^\/+/, '').replace(/^"(.*)"$/, '$1');
  if (name === '') return null;
  const windows = WINDOWS_ZONES[name];
  if (windows) return windows;
  // "GMT+0800"-style names are not IANA (Etc/GMT-8 is, with the sign reversed): leave them to the VTIMEZONE.
  if (/^(GMT|UTC)[+-]/i.test(name)) return null;
  return isIanaZone(name) ? name : null;
}

/**
 * The IANA zone (among the Windows zones' targets) whose UTC offset equals `offsetAt` on the
 * 1st and 15th of every month of `year` and the next: how a file-defined zone (Outlook's
 * "Customized Time Zone", "GMT+0100 (Standard)") is recognised. Null when none matches.
 */
export function ianaZoneMatching(offsetAt: (ms: number) => number, year: number): string | null {
  const samples: number[] = [];
  for (let y = year; y <= year + 1; y++) for (let m = 0; m < 12; m++) for (const d of [1, 15]) samples.push(Date.UTC(y, m, d, 12));
  const candidates = [...new Set(Object.values(WINDOWS_ZONES))];
  const wanted = samples.map(offsetAt);
  return candidates.find((zone) => samples.every((ms, i) => zoneOffsetMs(ms, zone) === wanted[i])) ?? null;
}

function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

function localStamp(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const day = Math.floor(minutes / 1440);
  const { y, m, d } = fromDayNumber(day);
  const rest = minutes - day * 1440;
  return formatDateValue({ y, m, d, hh: Math.floor(rest / 60), mm: rest % 60 }).replace(/[-:]/g, '') + '00';
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

function transitions(zone: string, fromMs: number, toMs: number): Transition[] {
  const out: Transition[] = [];
  const step = 7 * 86_400_000; // zones never change offset twice within a week
  let prevAt = fromMs;
  let prevOffset = zoneOffsetMs(prevAt, zone);
  for (let t = fromMs + step; t <= toMs + step; t += step) {
    const offset = zoneOffsetMs(t, zone);
    if (offset !== prevOffset) {
      let lo = prevAt;
      let hi = t;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (zoneOffsetMs(mid, zone) === prevOffset) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, from: prevOffset, to: offset });
    }
    prevAt = t;
    prevOffset = offset;
  }
  return out;
}

/**
 * VTIMEZONE lines (unfolded, without CRLF) for an IANA zone, covering the years
 * [fromYear, toYear]. Each offset change is written as its own observance with
 * an explicit DTSTART, which every RFC 5545 reader understands and which is
 * exact for any zone Intl knows. Asia/Shanghai (no change since 1991) is one
 * STANDARD observance at +0800 named CST.
 */
export function vtimezoneLines(zone: string, fromYear: number, toYear: number): string[] {
  const startMs = toDayNumber(fromYear, 1, 1) * 86_400_000;
  const endMs = toDayNumber(toYear + 1, 1, 1) * 86_400_000;
  const initial = zoneOffsetMs(startMs, zone);
  const changes = transitions(zone, startMs, endMs);
  const offsets = [initial, ...changes.map((c) => c.to)];
  const standard = Math.min(...offsets);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (atLocal: string, from: number, to: number) => {
    const type = to > standard ? 'DAYLIGHT' : 'STANDARD';
    lines.push(`BEGIN:${type}`, `DTSTART:${atLocal}`, `TZOFFSETFROM:${formatOffset(from)}`, `TZOFFSETTO:${formatOffset(to)}`);
    if (zone === 'Asia/Shanghai') lines.push('TZNAME:CST');
    lines.push(`END:${type}`);
  };
  observance(zone === 'Asia/Shanghai' && changes.length === 0 ? '19700101T000000' : localStamp(startMs + initial), initial, initial);
  for (const c of changes) observance(localStamp(c.at + c.from), c.from, c.to);
  lines.push('END:VTIMEZONE');
  return lines;
}
