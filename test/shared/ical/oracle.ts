/**
 * The iCalendar oracle (issue 16): does our export of an imported file mean the same as the
 * original? Both texts are expanded with ical.js, independently of our own recurrence code,
 * and the occurrences compared as absolute instants.
 *
 * Truth = ical.js's expansion (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides, VTIMEZONE rules
 * registered with ICAL.TimezoneService, reset per text), with RFC 5545 §3.8.5 applied where
 * ical.js 2.2 departs from it (`rfcFixes`, on by default, counted in `fixes`):
 * - DTSTART is always the first instance of a recurrence set, also when it does not match the
 *   RRULE (ical.js leaves it out) and for RDATE-only events (ical.js yields only the RDATEs);
 *   a COUNT then includes it (so the rule's last instance is dropped).
 * - Duplicate instances (an RDATE equal to an RRULE instance) count once (ical.js yields both).
 *
 * Occurrences are `{ summary, start, end }`: timed values as UTC instants at minute precision
 * (`2026-03-30T08:00Z`; the app keeps minutes only), all-day values as `YYYY-MM-DD`. A value
 * with a TZID the text has no VTIMEZONE for, or a floating value, is read as wall clock in the
 * workspace zone and listed in `problems` (the oracle's own fixtures have none).
 *
 * Not a test file; used by oracle.test.ts and oracle-probe.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ICAL from '../../../shared/src/ical/ical-lib';
import { exportIcs, parseIcs } from '../../../shared/src/ical';
import type { EventRecord } from '../../../shared/src/schema/types';

export const WORKSPACE_ZONE = 'Asia/Shanghai';
export const ORACLE_NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

export interface Window {
  /** Inclusive, `YYYY-MM-DD` (UTC midnight for timed occurrences). */
  from: string;
  /** Exclusive. */
  to: string;
}

export const DEFAULT_WINDOW: Window = { from: '2026-01-01', to: '2028-01-01' };

/** The corpus: file, producer style, two-year window. */
export const ORACLE_FIXTURES: ReadonlyArray<{ file: string; producer: string; window: Window }> = [
  { file: 'google-berlin.ics', producer: 'Google Calendar, Europe/Berlin', window: DEFAULT_WINDOW },
  { file: 'google-stockholm-2022.ics', producer: 'Google Calendar, Europe/Stockholm (issue 16 example)', window: { from: '2022-01-01', to: '2024-01-01' } },
  { file: 'outlook-windows-zones.ics', producer: 'Outlook 16 / Exchange, Windows zone names', window: DEFAULT_WINDOW },
  { file: 'zimbra-los-angeles.ics', producer: 'Zimbra, America/Los_Angeles, RDATE', window: DEFAULT_WINDOW },
  { file: 'apple-duration.ics', producer: 'Apple Calendar (macOS), DURATION, Australia/Sydney', window: DEFAULT_WINDOW },
  { file: 'thunderbird-all-day.ics', producer: 'Thunderbird, all-day', window: DEFAULT_WINDOW },
  { file: 'nextcloud-zero-length.ics', producer: 'Nextcloud, zero-length deadlines', window: DEFAULT_WINDOW },
  { file: 'fastmail-alarms.ics', producer: 'Fastmail (Cyrus), VALARM, Asia/Tokyo', window: DEFAULT_WINDOW },
  { file: 'dingtalk-shanghai.ics', producer: 'DingTalk, Asia/Shanghai', window: DEFAULT_WINDOW },
];

export function oracleFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/ics/oracle/${name}`, import.meta.url)), 'utf8');
}

/** Every .ics in the corpus directory (to check ORACLE_FIXTURES lists them all). */
export function oracleFixtureFiles(): string[] {
  return readdirSync(fileURLToPath(new URL('../../fixtures/ics/oracle/', import.meta.url)))
    .filter((f) => f.endsWith('.ics'))
    .sort();
}

export interface Occurrence {
  summary: string;
  start: string;
  end: string;
}

export interface Expansion {
  /** Master VEVENTs with RRULE or RDATE. */
  series: number;
  /** VEVENTs without recurrence (orphan overrides included). */
  singles: number;
  /** VEVENTs with RECURRENCE-ID related to a master. */
  overrides: number;
  /** In the window, sorted by start, summary, end. */
  occurrences: Occurrence[];
  /** Where the RFC 5545 rules above changed ical.js's answer. */
  fixes: string[];
  /** Unregistered TZIDs, floating values: read as workspace wall clock. */
  problems: string[];
}

const MARGIN_MS = 40 * 86_400_000;
const MAX_INSTANCES = 5000;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function dateOf(t: ICAL.Time): string {
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
}

/** Epoch ms of a date-time (all-day: UTC midnight, for window tests only). */
function msOf(t: ICAL.Time, zone: string, problems: string[], what: string): number {
  if (t.isDate) return Date.UTC(t.year, t.month - 1, t.day);
  const tzid = t.zone?.tzid;
  if (!t.zone || tzid === 'floating' || t.zone === ICAL.Timezone.localTimezone) {
    problems.push(`${what}: floating ${t.toString()}, read in ${zone}`);
    return wallInZone(t, zone);
  }
  return t.toUnixTime() * 1000;
}

/** Wall clock in an IANA zone to epoch ms, with Intl (for floating values only). */
function wallInZone(t: ICAL.Time, zone: string): number {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const offsetAt = (ms: number) => {
    const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - ms;
  };
  let ms = wall - offsetAt(wall);
  ms = wall - offsetAt(ms);
  return ms;
}

function stamp(t: ICAL.Time, zone: string, problems: string[], what: string): string {
  if (t.isDate) return dateOf(t);
  const d = new Date(msOf(t, zone, problems, what));
  return `${d.toISOString().slice(0, 16)}Z`;
}

function summaryOf(comp: ICAL.Component): string {
  const v = comp.getFirstPropertyValue('summary');
  return v === null || v === undefined ? '' : String(v).trim();
}

function checkZones(comp: ICAL.Component, problems: string[], what: string): void {
  for (const prop of comp.getAllProperties()) {
    const tzid = prop.getParameter('tzid');
    if (typeof tzid === 'string' && !ICAL.TimezoneService.has(tzid)) problems.push(`${what}: ${prop.name.toUpperCase()} has TZID "${tzid}" without a VTIMEZONE`);
  }
}

function occurrenceKey(o: Occurrence): string {
  return `${o.summary}|${o.start}|${o.end}`;
}

function compareOcc(a: Occurrence, b: Occurrence): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : occurrenceKey(a) < occurrenceKey(b) ? -1 : occurrenceKey(a) > occurrenceKey(b) ? 1 : 0;
}

/** The RRULE's first `count` instances from DTSTART (ical.js's own iterator, no RDATE/EXDATE). */
function ruleInstances(comp: ICAL.Component, dtstart: ICAL.Time, limit: number): ICAL.Time[] {
  const rule = comp.getFirstPropertyValue('rrule');
  if (!(rule instanceof ICAL.Recur)) return [];
  const it = rule.iterator(dtstart);
  const out: ICAL.Time[] = [];
  for (let t = it.next(); t && out.length < limit; t = it.next()) out.push(t.clone());
  return out;
}

/**
 * Expands every VEVENT of `text` with ical.js over `window`. Registers the text's VTIMEZONEs
 * with ICAL.TimezoneService and resets the service before and after.
 */
export function expandIcs(text: string, window: Window, opts: { timezone?: string; rfcFixes?: boolean } = {}): Expansion {
  const zone = opts.timezone ?? WORKSPACE_ZONE;
  const rfcFixes = opts.rfcFixes ?? true;
  const fromMs = Date.parse(`${window.from}T00:00:00Z`);
  const toMs = Date.parse(`${window.to}T00:00:00Z`);
  const problems: string[] = [];
  const fixes: string[] = [];
  const occurrences: Occurrence[] = [];
  let series = 0;
  let singles = 0;
  let overrides = 0;

  ICAL.TimezoneService.reset();
  try {
    const jcal = ICAL.parse(text);
    const roots = (Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : (jcal as unknown[])) as unknown[];
    const calendars = roots.map((r) => new ICAL.Component(r as never));
    for (const cal of calendars) for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);

    const vevents = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
    const masters = vevents.filter((c) => !c.hasProperty('recurrence-id'));
    const masterUids = new Set(masters.filter((m) => m.hasProperty('rrule') || m.hasProperty('rdate')).map((m) => String(m.getFirstPropertyValue('uid'))));
    const exceptionsOf = new Map<string, ICAL.Component[]>();
    const orphans: ICAL.Component[] = [];
    for (const c of vevents) {
      if (!c.hasProperty('recurrence-id')) continue;
      const uid = String(c.getFirstPropertyValue('uid'));
      if (masterUids.has(uid)) {
        exceptionsOf.set(uid, [...(exceptionsOf.get(uid) ?? []), c]);
        overrides++;
      } else orphans.push(c);
    }

    const inWindow = (t: ICAL.Time, what: string) => {
      const ms = msOf(t, zone, problems, what);
      return ms >= fromMs && ms < toMs;
    };
    const push = (summary: string, start: ICAL.Time, end: ICAL.Time, what: string) => {
      if (!inWindow(start, what)) return;
      occurrences.push({ summary, start: stamp(start, zone, problems, what), end: stamp(end, zone, problems, what) });
    };

    for (const comp of [...masters, ...orphans]) {
      const what = `"${summaryOf(comp)}"`;
      checkZones(comp, problems, what);
      const uid = String(comp.getFirstPropertyValue('uid'));
      const exceptions = comp.hasProperty('recurrence-id') ? [] : (exceptionsOf.get(uid) ?? []);
      for (const x of exceptions) checkZones(x, problems, `${what} override`);
      const event = new ICAL.Event(comp, { strictExceptions: true, exceptions });
      if (!event.isRecurring()) {
        singles++;
        push(event.summary?.trim() ?? '', event.startDate, event.endDate, what);
        continue;
      }
      series++;
      const dtstart = event.startDate;
      const seen = new Set<string>();
      let instances: ICAL.Time[] = [];
      const it = event.iterator();
      for (let next = it.next(); next; next = it.next()) {
        if (instances.length >= MAX_INSTANCES) throw new Error(`${what}: more than ${MAX_INSTANCES} instances`);
        if (msOf(next, zone, problems, what) >= toMs + MARGIN_MS) break;
        const key = String(msOf(next, zone, problems, what));
        if (seen.has(key)) {
          if (rfcFixes) {
            fixes.push(`${what}: duplicate instance ${next.toString()} (RDATE = RRULE instance) counted once`);
            continue;
          }
        }
        seen.add(key);
        instances.push(next.clone());
      }
      if (rfcFixes) {
        const excluded = comp.getAllProperties('exdate').some((p) =>
          p.getValues().some((x) => x instanceof ICAL.Time && (x.isDate ? dateOf(x) === dateOf(dtstart) : x.compare(dtstart) === 0)),
        );
        const hasStart = instances.some((t) => t.compare(dtstart) === 0);
        if (!hasStart && !excluded) {
          fixes.push(`${what}: DTSTART ${dtstart.toString()} added as the first instance (not matched by the rule)`);
          const rule = comp.getFirstPropertyValue('rrule');
          if (rule instanceof ICAL.Recur && rule.count && comp.getAllProperties('rrule').length === 1) {
            // COUNT includes DTSTART: the rule's last instance is not part of the set.
            const last = ruleInstances(comp, dtstart, rule.count).at(-1);
            if (last && last.compare(dtstart) !== 0) {
              const before = instances.length;
              instances = instances.filter((t) => t.compare(last) !== 0);
              if (instances.length < before) fixes.push(`${what}: COUNT=${rule.count} counts DTSTART, ${last.toString()} dropped`);
            }
          }
          instances.unshift(dtstart.clone());
        }
      }
      for (const rid of instances) {
        const d = event.getOccurrenceDetails(rid);
        const summary = (d.item.summary ?? '').trim();
        push(summary, d.startDate, d.endDate, what);
      }
    }
  } finally {
    ICAL.TimezoneService.reset();
  }
  occurrences.sort(compareOcc);
  return { series, singles, overrides, occurrences, fixes, problems };
}

/** Multiset difference a − b. */
function minus(a: Occurrence[], b: Occurrence[]): Occurrence[] {
  const counts = new Map<string, number>();
  for (const o of b) counts.set(occurrenceKey(o), (counts.get(occurrenceKey(o)) ?? 0) + 1);
  const out: Occurrence[] = [];
  for (const o of a) {
    const k = occurrenceKey(o);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else out.push(o);
  }
  return out;
}

export interface OracleResult {
  original: Expansion;
  exported: Expansion;
  /** Our export's text. */
  exportText: string;
  /** parseIcs warnings. */
  warnings: string[];
  /** Imported events (after parseIcs). */
  importedEvents: number;
  onlyOriginal: Occurrence[];
  onlyExport: Occurrence[];
  /**
   * Occurrences that differ: max(onlyOriginal, onlyExport), so a moved occurrence (one in each
   * list) counts once, as does one lost or one added.
   */
  differing: number;
}

/** Original text → parseIcs → exportIcs (workspace zone Asia/Shanghai) → both expanded and compared. */
export function runOracle(text: string, window: Window = DEFAULT_WINDOW, opts: { timezone?: string; now?: number } = {}): OracleResult {
  const timezone = opts.timezone ?? WORKSPACE_ZONE;
  const original = expandIcs(text, window, { timezone });
  const parsed = parseIcs(text, { timezone });
  const exportText = exportIcs(parsed.events as EventRecord[], { calendarName: 'oracle', timezone, now: opts.now ?? ORACLE_NOW });
  const exported = expandIcs(exportText, window, { timezone });
  const onlyOriginal = minus(original.occurrences, exported.occurrences);
  const onlyExport = minus(exported.occurrences, original.occurrences);
  return {
    original,
    exported,
    exportText,
    warnings: parsed.warnings,
    importedEvents: parsed.events.length,
    onlyOriginal,
    onlyExport,
    differing: Math.max(onlyOriginal.length, onlyExport.length),
  };
}

export interface OracleRow {
  file: string;
  series: number;
  singles: number;
  overrides: number;
  occurrences: number;
  exportedOccurrences: number;
  onlyOriginal: number;
  onlyExport: number;
  differing: number;
}

/** The whole corpus: one row per file plus the results (deterministic, host-zone independent). */
export function runCorpus(): { rows: OracleRow[]; results: Record<string, OracleResult> } {
  const rows: OracleRow[] = [];
  const results: Record<string, OracleResult> = {};
  for (const { file, window } of ORACLE_FIXTURES) {
    const r = runOracle(oracleFixture(file), window);
    results[file] = r;
    rows.push({
      file,
      series: r.original.series,
      singles: r.original.singles,
      overrides: r.original.overrides,
      occurrences: r.original.occurrences.length,
      exportedOccurrences: r.exported.occurrences.length,
      onlyOriginal: r.onlyOriginal.length,
      onlyExport: r.onlyExport.length,
      differing: r.differing,
    });
  }
  return { rows, results };
}

/** A plain-text table for the note. */
export function formatTable(rows: OracleRow[]): string {
  const head = ['file', 'series', 'singles', 'overrides', 'occurrences', 'exported', 'only orig', 'only export', 'differing'];
  const body = rows.map((r) => [r.file, r.series, r.singles, r.overrides, r.occurrences, r.exportedOccurrences, r.onlyOriginal, r.onlyExport, r.differing].map(String));
  const total = ['total', ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => String(body.reduce((sum, row) => sum + Number(row[i]), 0)))];
  const all = [head, ...body, total];
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  return all.map((row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}
