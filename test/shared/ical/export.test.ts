import { describe, expect, it } from 'vitest';
import { exportIcs, exportRRule, idFromUid, parseIcs, vtimezoneLines } from '../../../shared/src/ical';
import { sampleEvents } from './sample';
import ICAL from '../../../shared/src/ical/ical-lib';
import type { EventRecord } from '../../../shared/src/schema/types';

const NOW = Date.UTC(2026, 10, 22, 3, 4, 5);

/** Unfolded content lines of one VEVENT, by UID. */
function veventLines(ics: string, id: string): string[] {
  const unfolded = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const start = unfolded.indexOf(`UID:${id}@campaign-calendar`);
  const begin = unfolded.lastIndexOf('BEGIN:VEVENT', start);
  const end = unfolded.indexOf('END:VEVENT', start);
  return unfolded.slice(begin, end + 1);
}

describe('exportIcs', () => {
  const ics = exportIcs(sampleEvents(), { calendarName: '市直机关工委宣传部', now: NOW, sectionPaths: (ids) => ids.map((i) => `一、(一) ${i}`) });

  it('writes a VCALENDAR with CRLF lines folded at 75 octets', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(ics).toContain('VERSION:2.0');
    expect(ics).toContain('PRODID:');
    expect(ics).toContain('X-WR-CALNAME:市直机关工委宣传部');
  });

  it('writes no control character but the CRLF line ends: a bare CR becomes a line break, the rest are dropped', () => {
    const hostile = { id: 'ctrl-chars-1', title: '第一行\r第二行\u0007\u001b[31m\r\n第三行\u007f', kind: 'meeting' as const, status: 'planned' as const, start: '2026-05-04', location: 'A\u0000B\tC' };
    const text = exportIcs([hostile], { calendarName: '名称\r注入', now: NOW });
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
    const back = parseIcs(text).events[0];
    expect(back.title).toBe('第一行\n第二行[31m\n第三行');
    expect(back.location).toBe('AB\tC');
  });

  it('has stable UIDs and one VEVENT per event', () => {
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(sampleEvents().length);
    for (const e of sampleEvents()) {
      expect(ics).toContain(`UID:${e.id}@campaign-calendar`);
      expect(idFromUid(`${e.id}@campaign-calendar`)).toBe(e.id);
    }
  });

  it('writes all-day events as VALUE=DATE with the exclusive DTEND', () => {
    const lines = veventLines(ics, 'evExhibit0000002');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261205');
    expect(lines).toContain('DTEND;VALUE=DATE:20261209');
    expect(lines).toContain('STATUS:TENTATIVE');
    expect(lines).toContain('CATEGORIES:展览展示');
    expect(lines).toContain('X-CC-KIND:exhibition');
  });

  it('writes timed events with TZID=Asia/Shanghai and a VTIMEZONE', () => {
    const lines = veventLines(ics, 'evMeeting0000001');
    expect(lines).toContain('DTSTART;TZID=Asia/Shanghai:20261202T143000');
    expect(lines).toContain('DTEND;TZID=Asia/Shanghai:20261202T160000');
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800');
    expect(ics.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
  });

  it('maps statuses, keeps the exact one in X-CC-STATUS, and stamps DTSTAMP / LAST-MODIFIED', () => {
    const done = veventLines(ics, 'evMeeting0000001');
    expect(done).toContain('STATUS:CONFIRMED');
    expect(done).toContain('X-CC-STATUS:done');
    expect(done).toContain('DTSTAMP:20261122T030405Z');
    expect(done).toContain('LAST-MODIFIED:20261101T080000Z');
    expect(veventLines(ics, 'evCancel00000006')).toContain('STATUS:CANCELLED');
    expect(veventLines(ics, 'evOneDay00000003')).toContain('STATUS:CONFIRMED');
  });

  it('escapes text and carries the unit fields for people and for the round trip', () => {
    const lines = veventLines(ics, 'evMeeting0000001');
    expect(lines).toContain('LOCATION:市委3楼\\, 第一会议室');
    expect(lines.find((l) => l.startsWith('SUMMARY:'))).toContain('\\; 第二阶段 \\\\ 工作部署');
    const desc = lines.find((l) => l.startsWith('DESCRIPTION:'))!;
    expect(desc).toContain('牵头单位：市委宣传部');
    expect(desc).toContain('配合单位：市文明办、市文联\\, 市社科联');
    expect(desc).toContain('参加对象：各区宣传部长');
    expect(desc).toContain('联系人：张三 13800000000');
    expect(desc).toContain('对应工作要点：一、(一) sec-1；一、(一) sec-2');
    expect(lines).toContain('X-CC-SECTIONS:sec-1\\,sec-2');
    expect(lines).toContain('X-CC-LEAD-UNIT:市委宣传部');
    expect(lines).toContain('X-CC-UNIT:市文联\\, 市社科联');
    expect(lines).toContain('X-CC-CAMPAIGN:camp-1');
  });

  it('writes RRULE with a UTC UNTIL for timed series and EXDATE in the DTSTART form', () => {
    const weekly = veventLines(ics, 'evWeekly00000004');
    // Date-only UNTIL = through 31 Dec, 23:59:59 in Shanghai = 15:59:59 UTC.
    expect(weekly).toContain('RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20261231T155959Z');
    expect(weekly).toContain('EXDATE;TZID=Asia/Shanghai:20261211T150000');
    const monthly = veventLines(ics, 'evMonthly0000005');
    expect(monthly.find((l) => l.startsWith('RRULE:'))).toMatch(/^RRULE:FREQ=MONTHLY;.*BYSETPOS=-1/);
    expect(monthly).toContain('EXDATE;VALUE=DATE:20260630');
  });

  it('rewrites UNTIL per RFC 5545', () => {
    expect(exportRRule('FREQ=DAILY;UNTIL=20261231T120000', '2026-12-01T09:00', 'Asia/Shanghai')).toBe('FREQ=DAILY;UNTIL=20261231T040000Z');
    expect(exportRRule('FREQ=DAILY;UNTIL=20261231T040000Z', '2026-12-01T09:00', 'Asia/Shanghai')).toBe('FREQ=DAILY;UNTIL=20261231T040000Z');
    expect(exportRRule('FREQ=DAILY;UNTIL=20261230T160000Z', '2026-12-01', 'Asia/Shanghai')).toBe('FREQ=DAILY;UNTIL=20261231');
    expect(exportRRule('FREQ=DAILY;COUNT=3', '2026-12-01', 'Asia/Shanghai')).toBe('FREQ=DAILY;COUNT=3');
  });

  it('exports exactly the events it is given (the caller leaves out deleted ones)', () => {
    const live = sampleEvents().filter((e) => e.id !== 'evCancel00000006');
    const out = exportIcs(live, { calendarName: 'x', now: NOW });
    expect(out).not.toContain('evCancel00000006');
    expect(parseIcs(out).events.map((e) => e.id)).toEqual(live.map((e) => e.id));
  });

  it('omits the VTIMEZONE when every event is all-day, and builds one for zones with DST', () => {
    const out = exportIcs([sampleEvents()[1]], { calendarName: 'x', now: NOW });
    expect(out).not.toContain('VTIMEZONE');
    const ny = vtimezoneLines('America/New_York', 2026, 2026).join('\n');
    expect(ny).toContain('BEGIN:DAYLIGHT\nDTSTART:20260308T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400');
    expect(ny).toContain('BEGIN:STANDARD\nDTSTART:20261101T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500');
  });
});

describe('reminders and phases in iCalendar', () => {
  const deadline: EventRecord = {
    id: 'ev-deadline',
    title: '知识竞赛报名截止',
    kind: 'contest',
    status: 'planned',
    start: '2026-05-20',
    parentId: 'ev-contest',
    phase: 'signup-deadline',
    after: 'ev-notice',
    lagDays: 10,
    lagUnit: 'workday',
    reminders: [0, 1440, 4320],
  };

  it('writes one display VALARM per reminder, read back by ical.js as triggers before the start', () => {
    const ics = exportIcs([deadline], { calendarName: 'x', now: NOW });
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    const alarms = vevent.getAllSubcomponents('valarm');
    expect(alarms.map((a) => a.getFirstPropertyValue('action'))).toEqual(['DISPLAY', 'DISPLAY', 'DISPLAY']);
    expect(alarms.map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds())).toEqual([0, -86400, -259200]);
  });

  it('round-trips reminders and phase links through our own export, and reads other apps’ alarms', () => {
    const [back] = parseIcs(exportIcs([deadline], { calendarName: 'x', now: NOW })).events;
    expect(back).toMatchObject({ reminders: [0, 1440, 4320], phase: 'signup-deadline', after: 'ev-notice', lagDays: 10, lagUnit: 'workday', parentId: 'ev-contest' });
    const outlook = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Microsoft//Outlook//EN', 'BEGIN:VEVENT', 'UID:o-1', 'DTSTAMP:20260101T000000Z',
      'DTSTART:20260601T010000Z', 'DTEND:20260601T020000Z', 'SUMMARY:评审会',
      'BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT15M', 'END:VALARM',
      'BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER;RELATED=END:-PT5M', 'END:VALARM',
      'BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER;VALUE=DATE-TIME:20260531T000000Z', 'END:VALARM',
      'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n');
    const [event] = parseIcs(outlook).events;
    expect(event!.reminders).toEqual([15]);
  });
});
