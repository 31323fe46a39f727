import { describe, expect, it } from 'vitest';
import { exportIcs, parseIcs } from '../../../shared/src/ical';
import type { EventRecord } from '../../../shared/src/schema/types';

const cal = (...vevents: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...vevents.flatMap((v) => ['BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...v, 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n');

const one = (lines: string[]) => {
  const parsed = parseIcs(cal(lines), { timezone: 'Asia/Shanghai' });
  expect(parsed.events).toHaveLength(1);
  return { event: parsed.events[0], warnings: parsed.warnings };
};

describe('importing series from other zones', () => {
  it('keeps the IANA zone of a series, its values on that wall clock, UNTIL included', () => {
    const { event } = one(['UID:berlin-weekly-1', 'SUMMARY:Jour fixe', 'DTSTART;TZID=Europe/Berlin:20260306T180000', 'DTEND;TZID=Europe/Berlin:20260306T190000', 'RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20260501T160000Z', 'EXDATE;TZID=Europe/Berlin:20260403T180000']);
    expect(event).toMatchObject({ start: '2026-03-06T18:00', timezone: 'Europe/Berlin', rrule: 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20260501T180000', exdates: ['2026-04-03T18:00'] });
    expect(event.end).toBeUndefined(); // the default hour
  });

  it('maps Windows zone names and recognises a file-defined zone by its offsets', () => {
    expect(one(['UID:outlook-win-1', 'SUMMARY:x', 'DTSTART;TZID="Pacific Standard Time":20260105T090000', 'DTEND;TZID="Pacific Standard Time":20260105T100000', 'RRULE:FREQ=DAILY;COUNT=3']).event.timezone).toBe('America/Los_Angeles');
    const custom = parseIcs(
      [
        'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
        'BEGIN:VTIMEZONE', 'TZID:Customized Time Zone',
        'BEGIN:STANDARD', 'DTSTART:16011028T030000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD',
        'BEGIN:DAYLIGHT', 'DTSTART:16010325T020000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'END:DAYLIGHT',
        'END:VTIMEZONE',
        'BEGIN:VEVENT', 'UID:custom-zone-1', 'DTSTAMP:20260101T000000Z', 'SUMMARY:x', 'DTSTART;TZID=Customized Time Zone:20260105T090000', 'DTEND;TZID=Customized Time Zone:20260105T100000', 'RRULE:FREQ=WEEKLY;COUNT=3', 'END:VEVENT',
        'END:VCALENDAR', '',
      ].join('\r\n'),
      { timezone: 'Asia/Shanghai' },
    ).events[0];
    expect(custom).toMatchObject({ start: '2026-01-05T09:00' });
    expect(custom.timezone).toMatch(/^Europe\//);
  });

  it('converts and drops a zone with the workspace offset all year, and single events', () => {
    const taipei = one(['UID:taipei-week-1', 'SUMMARY:x', 'DTSTART;TZID=Asia/Taipei:20260105T090000', 'RRULE:FREQ=WEEKLY;COUNT=3', 'DTEND;TZID=Asia/Taipei:20260105T100000']).event;
    expect(taipei.timezone).toBeUndefined();
    const single = one(['UID:berlin-single', 'SUMMARY:x', 'DTSTART;TZID=Europe/Berlin:20260706T180000', 'DTEND;TZID=Europe/Berlin:20260706T190000']).event;
    expect(single).toMatchObject({ start: '2026-07-07T00:00' });
    expect(single.timezone).toBeUndefined();
  });

  it('keeps zero-length events and reads a timed event without an end as zero-length (RFC 5545)', () => {
    expect(one(['UID:deadline-1', 'SUMMARY:截止', 'DTSTART:20260601T090000Z', 'DTEND:20260601T090000Z']).event).toMatchObject({ start: '2026-06-01T17:00', end: '2026-06-01T17:00' });
    expect(one(['UID:deadline-2', 'SUMMARY:截止', 'DTSTART:20260601T090000Z']).event).toMatchObject({ start: '2026-06-01T17:00', end: '2026-06-01T17:00' });
    expect(one(['UID:allday-no-end', 'SUMMARY:x', 'DTSTART;VALUE=DATE:20260601']).event.end).toBeUndefined();
  });

  it('imports RDATE, and a start the rule does not yield becomes an extra date with COUNT adjusted', () => {
    const { event } = one(['UID:apple-odd-start', 'SUMMARY:x', 'DTSTART;VALUE=DATE:20260506', 'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3', 'RDATE;VALUE=DATE:20260530']);
    expect(event).toMatchObject({ start: '2026-05-06', rrule: 'FREQ=WEEKLY;COUNT=2;BYDAY=MO', rdates: ['2026-05-06', '2026-05-30'] });
  });

  it('keeps URL, ORGANIZER and ATTENDEE lines, and gives long override ids their whole master id prefix', () => {
    const uid = 'a'.repeat(60);
    const parsed = parseIcs(
      cal(
        [`UID:${uid}`, 'SUMMARY:m', 'DTSTART:20260601T010000Z', 'DTEND:20260601T020000Z', 'RRULE:FREQ=DAILY;COUNT=3', 'URL:https://example.org/m', 'ORGANIZER;CN=王芳:mailto:wang@example.org', 'ATTENDEE;CN=李雷;PARTSTAT=ACCEPTED:mailto:li@example.org'],
        [`UID:${uid}`, 'SUMMARY:moved', 'RECURRENCE-ID:20260602T010000Z', 'DTSTART:20260602T030000Z', 'DTEND:20260602T040000Z'],
      ),
      { timezone: 'Asia/Shanghai' },
    );
    const [master, moved] = parsed.events;
    expect(master.icalProps).toEqual(['URL:https://example.org/m', 'ORGANIZER;CN=王芳:mailto:wang@example.org', 'ATTENDEE;CN=李雷;PARTSTAT=ACCEPTED:mailto:li@example.org']);
    expect(moved.id.length).toBeLessThanOrEqual(64);
    expect(moved.id.startsWith('aaaaaaaaaaaaaaaaaaaa')).toBe(true);
    expect(moved.id.endsWith('-20260602T0900')).toBe(true);
    const text = exportIcs([{ ...master, status: 'confirmed' } as EventRecord], { calendarName: 'x', now: 0 });
    expect(text).toContain('ORGANIZER;CN=王芳:mailto:wang@example.org');
    expect(text).toContain('URL:https://example.org/m');
  });
});

describe('exporting what was meant', () => {
  const ev = (fields: Partial<EventRecord>): EventRecord => ({ id: 'evTest000000001', title: 't', kind: 'meeting', status: 'confirmed', start: '2026-06-01T09:00', ...fields });
  const lines = (e: EventRecord) => exportIcs([e], { calendarName: 'x', now: 0 }).split('\r\n');

  it('always writes DTEND for timed events, zero-length included', () => {
    expect(lines(ev({}))).toContain('DTEND;TZID=Asia/Shanghai:20260601T100000');
    expect(lines(ev({ end: '2026-06-01T09:00' }))).toContain('DTEND;TZID=Asia/Shanghai:20260601T090000');
    expect(lines(ev({ start: '2026-06-01' }))).toContain('DTEND;VALUE=DATE:20260602');
  });

  it('writes a zoned series in its zone with a VTIMEZONE, RDATE and EXDATE there', () => {
    const out = lines(ev({ start: '2026-03-20T18:00', rrule: 'FREQ=WEEKLY;UNTIL=20260501T180000', rdates: ['2026-04-01T12:00'], exdates: ['2026-04-03T18:00'], timezone: 'Europe/Berlin' }));
    expect(out).toContain('DTSTART;TZID=Europe/Berlin:20260320T180000');
    expect(out).toContain('RRULE:FREQ=WEEKLY;UNTIL=20260501T160000Z');
    expect(out).toContain('RDATE;TZID=Europe/Berlin:20260401T120000');
    expect(out).toContain('EXDATE;TZID=Europe/Berlin:20260403T180000');
    expect(out).toContain('TZID:Europe/Berlin');
  });

  it('writes a start the rule does not yield so RFC 5545 readers agree with our views', () => {
    // Ours shows only Mondays: the Wednesday start is excluded for RFC readers.
    expect(lines(ev({ start: '2026-05-06', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=2' }))).toEqual(expect.arrayContaining(['RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=MO', 'EXDATE;VALUE=DATE:20260506']));
    // With the start as an extra date it is an occurrence, written as DTSTART alone.
    const both = lines(ev({ start: '2026-05-06', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=2', rdates: ['2026-05-06'] }));
    expect(both).toContain('RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=MO');
    expect(both.some((l) => l.startsWith('RDATE') || l.startsWith('EXDATE'))).toBe(false);
  });
});

describe('skipping one occurrence of a series kept in its own zone', () => {
  it('takes the start as the calendar shows it and stores it in the series zone', async () => {
    const Y = await import('yjs');
    const { initWorkspaceDoc, readEvent } = await import('../../../shared/src/schema');
    const { createWorkspaceApi } = await import('../../../shared/src/workspace');
    const { expandOccurrences } = await import('../../../shared/src/time/recurrence');
    const doc = new Y.Doc();
    initWorkspaceDoc(doc, { name: 'w' });
    const api = createWorkspaceApi(doc, { role: () => 'edit' });
    const made = api.run('event.create', { fields: { title: 'Jour fixe', kind: 'meeting', status: 'confirmed', start: '2026-10-16T20:00', rrule: 'FREQ=WEEKLY;COUNT=4', timezone: 'Europe/Stockholm' } });
    if (!made.ok) throw new Error(made.error.message);
    // Friday 30 October 20:00 in Stockholm (winter time) is Saturday 31 October 03:00 in Beijing.
    const skipped = api.run('event.skipOccurrence', { id: made.value, occurrenceStart: '2026-10-31T03:00' });
    expect(skipped.ok).toBe(true);
    const read = readEvent(doc, made.value);
    if (!read?.ok) throw new Error('unreadable');
    expect(read.record.exdates).toEqual(['2026-10-30T20:00']);
    expect(expandOccurrences(read.record, '2026-10-01', '2026-12-01', 10, 'Asia/Shanghai').map((o) => o.start)).toEqual(['2026-10-17T02:00', '2026-10-24T02:00', '2026-11-07T03:00']);
  });
});

describe('applying an import of zoned series', () => {
  it('changes nothing the second time, and a file without the zone or extra dates clears them', async () => {
    const Y = await import('yjs');
    const { initWorkspaceDoc, readEvent } = await import('../../../shared/src/schema');
    const { applyIcsImport } = await import('./apply');
    const doc = new Y.Doc();
    initWorkspaceDoc(doc, { name: 'w' });
    const zoned = cal(['UID:berlin-apply-1', 'SUMMARY:Jour fixe', 'DTSTART;TZID=Europe/Berlin:20260306T180000', 'DTEND;TZID=Europe/Berlin:20260306T190000', 'RRULE:FREQ=WEEKLY;COUNT=6', 'RDATE;TZID=Europe/Berlin:20260401T120000', 'URL:https://example.org/j']);
    const first = applyIcsImport(doc, parseIcs(zoned, { timezone: 'Asia/Shanghai' }));
    expect(first.created).toHaveLength(1);
    expect(applyIcsImport(doc, parseIcs(zoned, { timezone: 'Asia/Shanghai' })).unchanged).toHaveLength(1);
    const plain = cal(['UID:berlin-apply-1', 'SUMMARY:Jour fixe', 'DTSTART:20260306T100000Z', 'DTEND:20260306T110000Z']);
    expect(applyIcsImport(doc, parseIcs(plain, { timezone: 'Asia/Shanghai' })).updated).toHaveLength(1);
    const read = readEvent(doc, first.created[0]);
    if (!read?.ok) throw new Error('unreadable');
    expect(read.record).toMatchObject({ start: '2026-03-06T18:00' });
    expect(read.record.timezone).toBeUndefined();
    expect(read.record.rdates).toBeUndefined();
    expect(read.record.icalProps).toBeUndefined();
    expect(read.record.rrule).toBeUndefined();
  });
});
