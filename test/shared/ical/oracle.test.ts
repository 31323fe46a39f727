/**
 * The iCalendar oracle (issue 16): for every file of the corpus in test/fixtures/ics/oracle/,
 * ical.js expands the original and our export of its import (parseIcs → exportIcs, workspace
 * zone Asia/Shanghai) over two years; the occurrences (title, start and end as instants,
 * all-day as dates) must be the same multiset. Harness: oracle.ts.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import ICAL from '../../../shared/src/ical/ical-lib';
import {
  ORACLE_FIXTURES,
  expandIcs,
  formatTable,
  oracleFixture,
  oracleFixtureFiles,
  runCorpus,
  runOracle,
  type Occurrence,
} from './oracle';

const run = promisify(execFile);
const probe = fileURLToPath(new URL('./oracle-probe.ts', import.meta.url));

async function probeIn(tz: string) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', probe], {
    env: { ...process.env, TZ: tz },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as ReturnType<typeof runCorpus> & { hostOffsetMinutes: number };
}

const STOCKHOLM = { from: '2022-01-01', to: '2024-01-01' };
const beijing = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const inBeijing = (instant: string) => beijing.format(new Date(instant.replace(/Z$/, ':00Z')));

function vevents(text: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(text) as never).getAllSubcomponents('vevent');
}

function show(list: Occurrence[]): string {
  return list.map((o) => `${o.summary} ${o.start} → ${o.end}`).join('\n');
}

describe('oracle harness (ical.js as the truth)', () => {
  it('lists every corpus file once', () => {
    expect(ORACLE_FIXTURES.map((f) => f.file).sort()).toEqual(oracleFixtureFiles());
    expect(oracleFixtureFiles().length).toBeGreaterThanOrEqual(8);
  });

  it('every original reads completely: each TZID has its VTIMEZONE, nothing floating', () => {
    for (const { file, window } of ORACLE_FIXTURES) {
      const x = expandIcs(oracleFixture(file), window);
      expect(x.problems, file).toEqual([]);
      expect(x.occurrences.length, file).toBeGreaterThan(0);
    }
  });

  it('expands the issue 16 Stockholm series in its own zone: Fridays 20:00 across the October change', () => {
    const x = expandIcs(oracleFixture('google-stockholm-2022.ics'), STOCKHOLM);
    expect(x.occurrences.filter((o) => o.summary === 'Fredagsfika online')).toEqual([
      { summary: 'Fredagsfika online', start: '2022-10-21T18:00Z', end: '2022-10-21T19:00Z' },
      { summary: 'Fredagsfika online', start: '2022-10-28T18:00Z', end: '2022-10-28T19:00Z' },
      { summary: 'Fredagsfika online', start: '2022-11-04T19:00Z', end: '2022-11-04T20:00Z' },
    ]);
  });

  it('applies RFC 5545 where ical.js does not: DTSTART off the rule counts (also toward COUNT), RDATE duplicates once', () => {
    const apple = expandIcs(oracleFixture('apple-duration.ics'), { from: '2026-01-01', to: '2028-01-01' });
    expect(apple.occurrences.filter((o) => o.summary === 'Piano Lesson').map((o) => o.start)).toEqual([
      '2026-05-04T08:00Z',
      '2026-05-15T08:00Z',
      '2026-06-15T08:00Z',
      '2026-07-15T08:00Z',
    ]);
    const raw = expandIcs(oracleFixture('apple-duration.ics'), { from: '2026-01-01', to: '2028-01-01' }, { rfcFixes: false });
    expect(raw.occurrences.filter((o) => o.summary === 'Piano Lesson').map((o) => o.start.slice(0, 10))).toEqual([
      '2026-05-15',
      '2026-06-15',
      '2026-07-15',
      '2026-08-15',
    ]);
    const zimbra = expandIcs(oracleFixture('zimbra-los-angeles.ics'), { from: '2026-01-01', to: '2028-01-01' });
    const handoff = zimbra.occurrences.filter((o) => o.summary === 'On-call Handoff').map((o) => o.start);
    expect(handoff.filter((s) => s === '2026-10-19T15:00Z')).toHaveLength(1);
    expect(handoff).toContain('2026-11-04T21:00Z'); // RDATE 13:00 PST
    expect(handoff).not.toContain('2026-11-09T16:00Z'); // EXDATE
    expect(handoff).toHaveLength(8);
  });

  it('finds a difference it is shown: a series moved by an hour after the DST change', () => {
    const text = oracleFixture('google-stockholm-2022.ics');
    const shifted = text.replace('DTSTART;TZID=Europe/Stockholm:20221021T200000', 'DTSTART;TZID=Europe/Stockholm:20221021T190000');
    const a = expandIcs(text, STOCKHOLM).occurrences;
    const b = expandIcs(shifted, STOCKHOLM).occurrences;
    expect(a.filter((o, i) => JSON.stringify(o) !== JSON.stringify(b[i]))).toHaveLength(3);
  });
});

describe('our export of an imported file means the same as the original (ical.js oracle)', () => {
  const { rows, results } = runCorpus();
  // Figures for the note (issue 16): files, series, occurrences, differing.
  console.log(`iCalendar oracle, workspace zone Asia/Shanghai\n${formatTable(rows)}`);

  for (const { file, producer } of ORACLE_FIXTURES) {
    it(`${file} (${producer}): no occurrence differs`, () => {
      const r = results[file];
      expect(r.exported.problems, 'the export names a TZID it has no VTIMEZONE for').toEqual([]);
      expect(show(r.onlyOriginal), 'occurrences only in the original').toBe('');
      expect(show(r.onlyExport), 'occurrences only in our export').toBe('');
      expect(r.exported.occurrences.length).toBe(r.original.occurrences.length);
    });
  }

  it('the Stockholm series is three Saturdays at 02:00, 02:00 and 03:00 Beijing time', () => {
    const r = runOracle(oracleFixture('google-stockholm-2022.ics'), STOCKHOLM);
    const fika = r.exported.occurrences.filter((o) => o.summary === 'Fredagsfika online');
    expect(fika.map((o) => o.start)).toEqual(['2022-10-21T18:00Z', '2022-10-28T18:00Z', '2022-11-04T19:00Z']);
    expect(fika.map((o) => inBeijing(o.start))).toEqual(['Sat 02:00', 'Sat 02:00', 'Sat 03:00']);
    expect(fika.map((o) => inBeijing(o.end))).toEqual(['Sat 03:00', 'Sat 03:00', 'Sat 04:00']);
  });

  it('a zero-length event stays zero-length, single and recurring', () => {
    const r = results['nextcloud-zero-length.ics'];
    // 'Fristablauf ohne Ende' has neither DTEND nor DURATION: RFC 5545 §3.6.1 makes a timed one zero-length.
    for (const title of ['材料报送截止', 'Abgabe Halbjahresbericht', '周报提交截止', 'Monatsfrist Reisekosten', 'Zeiterfassung abschließen', 'Fristablauf ohne Ende']) {
      const occ = r.exported.occurrences.filter((o) => o.summary === title);
      expect(occ.length, title).toBeGreaterThan(0);
      for (const o of occ) expect(o.end, `${title} ${o.start}`).toBe(o.start);
    }
    const deadline = vevents(r.exportText).find((c) => c.getFirstPropertyValue('summary') === '材料报送截止')!;
    const dtend = deadline.getFirstProperty('dtend');
    const duration = deadline.getFirstPropertyValue('duration');
    expect(dtend !== null || duration !== null, 'DTEND or DURATION written').toBe(true);
  });

  it('every timed VEVENT of every export has DTEND or DURATION (without one RFC 5545 reads zero length)', () => {
    const missing: string[] = [];
    for (const { file } of ORACLE_FIXTURES) {
      for (const c of vevents(results[file].exportText)) {
        const start = c.getFirstPropertyValue('dtstart');
        if (!(start instanceof ICAL.Time) || start.isDate) continue;
        if (!c.hasProperty('dtend') && !c.hasProperty('duration')) missing.push(`${file}: ${c.getFirstPropertyValue('summary')}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('reminders relative to the start survive as VALARMs', () => {
    const triggers = (text: string) => {
      const out = new Map<string, Set<number>>();
      for (const c of vevents(text)) {
        const set = out.get(String(c.getFirstPropertyValue('summary'))) ?? new Set<number>();
        for (const a of c.getAllSubcomponents('valarm')) {
          const t = a.getFirstProperty('trigger');
          const v = t?.getFirstValue();
          const related = t?.getParameter('related');
          if (v instanceof ICAL.Duration && !(typeof related === 'string' && related.toUpperCase() === 'END') && v.toSeconds() <= 0) set.add(v.toSeconds());
        }
        if (set.size) out.set(String(c.getFirstPropertyValue('summary')), set);
      }
      return out;
    };
    const r = results['fastmail-alarms.ics'];
    const before = triggers(oracleFixture('fastmail-alarms.ics'));
    const after = triggers(r.exportText);
    expect(before.size).toBeGreaterThanOrEqual(4);
    for (const [title, set] of before) expect([...(after.get(title) ?? [])].sort(), title).toEqual([...set].sort());
  });

  it('gives identical results in child processes under TZ=America/Los_Angeles and TZ=Asia/Shanghai', async () => {
    const [la, sh] = await Promise.all([probeIn('America/Los_Angeles'), probeIn('Asia/Shanghai')]);
    expect(la.hostOffsetMinutes).toBe(480);
    expect(sh.hostOffsetMinutes).toBe(-480);
    const here = JSON.parse(JSON.stringify({ rows, results }));
    expect(la.rows).toEqual(here.rows);
    expect(sh.rows).toEqual(here.rows);
    expect(la.results).toEqual(here.results);
    expect(sh.results).toEqual(here.results);
  }, 120_000);
});
