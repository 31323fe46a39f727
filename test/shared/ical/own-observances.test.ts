import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { exportIcs, isObservanceUid, observanceExportRange, observanceUid, parseIcs } from '../../../shared/src/ical';
import ICAL from '../../../shared/src/ical/ical-lib';
import { dayOfRule, parseDayRule } from '../../../shared/src/anniversaries';
import { createEvent, readEvents } from '../../../shared/src/schema';
import type { ObservanceRecord } from '../../../shared/src/schema/types';
import { applyIcsImport } from './apply';
import { sampleEvents } from './sample';

// 1 April 2026 in Shanghai: the export covers 2026-01-01 … 2036-12-31.
const NOW = Date.UTC(2026, 3, 1, 2, 0, 0);
const YEARS = Array.from({ length: 11 }, (_, i) => 2026 + i);

const LONG_TITLE = '某某中学建校暨老校长诞辰纪念日——全校师生共同缅怀先辈、传承红色基因主题纪念活动🎓';

const RECORDS: ObservanceRecord[] = [
  { id: 'school00000001', title: '建校纪念日', rule: 'solar:10-18', originYear: 1926, notes: '校庆; 全校师生, 参加' },
  { id: 'leapday0000002', title: '闰日纪念', rule: 'solar:02-29' },
  { id: 'nthsat00000003', title: '全民国防教育日', rule: 'nth:09-3-6' },
  { id: 'lastmon0000004', title: '五月最后一个星期一', rule: 'nth:05--1-1' },
  { id: 'midautumn00005', title: '中秋', rule: 'lunar:08-15' },
  { id: 'leapmonth00006', title: '闰六月十五', rule: 'lunar:L06-15' },
  { id: 'newyeareve0007', title: '除夕', rule: 'lunar:12-30' },
  { id: 'qingming000008', title: '清明祭扫', rule: 'term:清明' },
  { id: 'deleted0000009', title: '已删除的纪念日', rule: 'solar:05-04', deletedAt: Date.UTC(2026, 0, 1) },
  { id: 'longtitle00010', title: LONG_TITLE, rule: 'solar:03-12', originYear: 1950 },
  { id: 'future0000011', title: '新校区启用', rule: 'solar:06-01', originYear: 2029 },
  { id: 'broken0000012', title: '坏规则', rule: 'solar:13-01' },
];

function vevents(ics: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
}

function veventOf(ics: string, id: string): ICAL.Component {
  const found = vevents(ics).find((v) => v.getFirstPropertyValue('uid') === observanceUid(id));
  if (!found) throw new Error(`no VEVENT for ${id}`);
  return found;
}

/** The first `n` occurrence dates as ical.js expands them (RRULE and RDATE alike). */
function expand(vevent: ICAL.Component, n: number): string[] {
  const it = new ICAL.Event(vevent).iterator();
  const out: string[] = [];
  for (let t = it.next(); t && out.length < n; t = it.next()) out.push(t.toString());
  return out;
}

/** What the calendar itself says for a rule over the export's years. */
function expected(rule: string, years: number[] = YEARS): string[] {
  const parsed = parseDayRule(rule);
  if (!parsed.ok) throw new Error(rule);
  return years.map((y) => dayOfRule(parsed.rule, y)).filter((d): d is string => d !== null);
}

describe('own anniversaries in the .ics export', () => {
  const ics = exportIcs(sampleEvents(), { calendarName: '宣传部', now: NOW, observances: RECORDS });

  it('covers the current year (workspace zone) and ten more', () => {
    expect(observanceExportRange(NOW)).toEqual({ from: '2026-01-01', toExclusive: '2037-01-01' });
    // 20:00 UTC on 31 December is already 2027 in Shanghai.
    expect(observanceExportRange(Date.UTC(2026, 11, 31, 20), 'Asia/Shanghai').from).toBe('2027-01-01');
    expect(observanceExportRange(Date.UTC(2026, 11, 31, 20), 'America/New_York').from).toBe('2026-01-01');
  });

  it('writes an all-day VEVENT with a stable UID, title, origin year and notes', () => {
    const v = veventOf(ics, 'school00000001');
    expect(isObservanceUid(observanceUid('school00000001'))).toBe(true);
    expect(isObservanceUid('school00000001@campaign-calendar')).toBe(false);
    const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = v.getFirstPropertyValue('dtend') as ICAL.Time;
    expect(start.isDate).toBe(true);
    // Never the origin date: the first occurrence in the export range.
    expect(start.toString()).toBe('2026-10-18');
    expect(end.toString()).toBe('2026-10-19');
    expect(v.getFirstPropertyValue('summary')).toBe('建校纪念日');
    expect(v.getFirstPropertyValue('description')).toBe('始于1926年\n校庆; 全校师生, 参加');
    expect(v.getFirstPropertyValue('categories')).toBe('纪念日');
    expect(v.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(v.getFirstPropertyValue('x-cc-observance')).toBe('solar:10-18');
    const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261018');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=18');
    expect(lines).toContain('DESCRIPTION:始于1926年\\n校庆\\; 全校师生\\, 参加');
  });

  it('repeats a solar anniversary yearly on its day', () => {
    expect(expand(veventOf(ics, 'school00000001'), 3)).toEqual(['2026-10-18', '2027-10-18', '2028-10-18']);
  });

  it('dates 02-29 in leap years only', () => {
    const v = veventOf(ics, 'leapday0000002');
    expect(expand(v, 3)).toEqual(['2028-02-29', '2032-02-29', '2036-02-29']);
  });

  it('does not start before the origin year', () => {
    expect(expand(veventOf(ics, 'future0000011'), 2)).toEqual(['2029-06-01', '2030-06-01']);
  });

  it('puts an nth-weekday rule on the right weekday, the last one included', () => {
    const third = expand(veventOf(ics, 'nthsat00000003'), 3);
    expect(third).toEqual(['2026-09-19', '2027-09-18', '2028-09-16']);
    expect(third).toEqual(expected('nth:09-3-6').slice(0, 3));
    for (const d of third) expect(new Date(`${d}T00:00Z`).getUTCDay()).toBe(6);
    const last = expand(veventOf(ics, 'lastmon0000004'), 3);
    expect(last).toEqual(['2026-05-25', '2027-05-31', '2028-05-29']);
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain('RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO');
  });

  it('lists a lunar rule as DTSTART + RDATE on the dates dayOfRule gives, every year of the range', () => {
    const v = veventOf(ics, 'midautumn00005');
    expect(v.hasProperty('rrule')).toBe(false);
    const dates = expand(v, 50);
    expect(dates).toEqual(expected('lunar:08-15'));
    expect(dates).toHaveLength(11);
    expect(dates.slice(0, 4)).toEqual(['2026-09-25', '2027-09-15', '2028-10-03', '2029-09-22']);
    // RDATE repeats DTSTART (ical.js expands RRULE-less events from RDATE alone).
    expect(ics.replace(/\r\n[ \t]/g, '')).toMatch(/DTSTART;VALUE=DATE:20260925\r\n.*RDATE;VALUE=DATE:20260925,20270915,20281003,/s);
  });

  it('lists a solar term on its computed dates', () => {
    const dates = expand(veventOf(ics, 'qingming000008'), 50);
    expect(dates).toEqual(expected('term:清明'));
    expect(dates.slice(0, 3)).toEqual(['2026-04-05', '2027-04-05', '2028-04-04']);
  });

  it('dates a leap-month rule only in the years that have that leap month', () => {
    // 2026–2036: only 2036 has a 闰六月.
    expect(expand(veventOf(ics, 'leapmonth00006'), 50)).toEqual(expected('lunar:L06-15'));
    expect(expected('lunar:L06-15')).toEqual(['2036-08-06']);
    // Exported in 2025 (range 2025–2035): 2025 has one, 2036 is out of range.
    const from2025 = exportIcs([], { calendarName: 'x', now: Date.UTC(2025, 5, 1), observances: [RECORDS[5]] });
    expect(expand(veventOf(from2025, 'leapmonth00006'), 50)).toEqual(['2025-08-08']);
    expect(expected('lunar:L06-15', [2025, 2026, 2027, 2028])).toEqual(['2025-08-08']);
    // 2028 has a 闰五月, not a 闰六月: lunar:L05-15 is dated there, lunar:L06-15 is not.
    const leap5 = exportIcs([], { calendarName: 'x', now: NOW, observances: [{ id: 'leap5', title: '闰五月', rule: 'lunar:L05-15' }] });
    expect(expand(veventOf(leap5, 'leap5'), 50)).toEqual(expected('lunar:L05-15'));
    expect(expected('lunar:L05-15').map((d) => d.slice(0, 4))).toContain('2028');
  });

  it('keeps a lunar 30th on the month’s last day in years whose month has 29 days', () => {
    const dates = expand(veventOf(ics, 'newyeareve0007'), 50);
    expect(dates).toEqual(expected('lunar:12-30'));
    // 2026's 除夕 is 腊月二十九 (17 February is 春节).
    expect(dates[0]).toBe('2026-02-16');
    expect(dates[1]).toBe('2027-02-05');
  });

  it('leaves out deleted and unparseable records', () => {
    const uids = vevents(ics).map((v) => v.getFirstPropertyValue('uid'));
    expect(uids).not.toContain(observanceUid('deleted0000009'));
    expect(uids).not.toContain(observanceUid('broken0000012'));
    expect(uids.filter((u) => typeof u === 'string' && isObservanceUid(u))).toHaveLength(RECORDS.length - 2);
    expect(ics).not.toContain('已删除的纪念日');
    // The events are all still there.
    expect(vevents(ics)).toHaveLength(sampleEvents().length + RECORDS.length - 2);
  });

  it('folds CJK titles at 75 octets without splitting a character', () => {
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n')) {
      expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
      expect(() => encodeURIComponent(line)).not.toThrow(); // no lone surrogate from a split emoji
    }
    const raw = ics.split('\r\n');
    const at = raw.findIndex((l) => l.startsWith('SUMMARY:某某中学'));
    expect(raw[at + 1].startsWith(' ')).toBe(true);
    expect(veventOf(ics, 'longtitle00010').getFirstPropertyValue('summary')).toBe(LONG_TITLE);
  });

  it('exports nothing extra without observances', () => {
    expect(exportIcs(sampleEvents(), { calendarName: '宣传部', now: NOW })).toBe(
      exportIcs(sampleEvents(), { calendarName: '宣传部', now: NOW, observances: [] }),
    );
  });
});

describe('re-importing our own export', () => {
  it('skips the anniversaries (counted) and creates no events for them, however often it runs', () => {
    const ics = exportIcs(sampleEvents(), { calendarName: '宣传部', now: NOW, observances: RECORDS });
    const parsed = parseIcs(ics);
    expect(parsed.skippedObservances).toBe(RECORDS.length - 2);
    expect(parsed.events.map((e) => e.id).sort()).toEqual(sampleEvents().map((e) => e.id).sort());
    expect(parsed.events.some((e) => e.id.startsWith('obs-'))).toBe(false);
    expect(parsed.warnings.filter((w) => /RDATE/.test(w))).toEqual([]);

    const doc = new Y.Doc();
    for (const { id, ...fields } of sampleEvents()) createEvent(doc, fields, { id, now: NOW });
    const first = applyIcsImport(doc, parsed, { now: NOW });
    expect(first.created).toEqual([]);
    applyIcsImport(doc, parseIcs(ics), { now: NOW });
    const ids = readEvents(doc).events.map((e) => e.id);
    expect(ids).toHaveLength(sampleEvents().length);
    expect(ids.some((id) => id.startsWith('obs-'))).toBe(false);
  });

  it('counts none in a file with no anniversaries', () => {
    expect(parseIcs(exportIcs(sampleEvents(), { calendarName: 'x', now: NOW })).skippedObservances).toBe(0);
  });
});
