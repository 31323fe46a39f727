import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { exportIcs, parseIcs, sameRRule } from '../../../shared/src/ical';
import { applyIcsImport } from './apply';
import { createEvent, readEvent, readEvents, softDeleteEvent } from '../../../shared/src/schema';
import type { EventRecord } from '../../../shared/src/schema/types';
import { effectiveEnd, expandOccurrences } from '../../../shared/src/time';
import { sampleEvents } from './sample';

const NOW = Date.UTC(2026, 10, 22);

function docWith(events: EventRecord[]): Y.Doc {
  const doc = new Y.Doc();
  for (const { id, ...fields } of events) createEvent(doc, fields, { id, now: NOW });
  return doc;
}

function byId(events: EventRecord[]): Map<string, EventRecord> {
  return new Map(events.map((e) => [e.id, e]));
}

/** Fields that must survive the trip; updatedAt/updatedBy are stamped by whoever writes. */
function comparable(e: Partial<EventRecord>) {
  const { updatedAt: _a, updatedBy: _b, deletedAt: _c, ...rest } = e;
  return rest;
}

describe('iCalendar round trip', () => {
  it('gives back the same ids and fields', () => {
    const original = sampleEvents();
    const parsed = parseIcs(exportIcs(original, { calendarName: '往返', now: NOW }));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.events.map((e) => e.id)).toEqual(original.map((e) => e.id));
    const back = byId(parsed.events as EventRecord[]);
    for (const e of original) {
      const b = back.get(e.id)!;
      // ical.js may reorder the rule's parts; the rule is the same.
      expect(sameRRule(b.rrule, e.rrule) || b.rrule === e.rrule).toBe(true);
      expect(comparable({ ...b, rrule: e.rrule })).toEqual(comparable(e));
    }
  });

  it('keeps all-day dates exact and recurrences with their exceptions', () => {
    const original = sampleEvents();
    const back = byId(parseIcs(exportIcs(original, { calendarName: 'x', now: NOW })).events as EventRecord[]);
    expect(back.get('evExhibit0000002')).toMatchObject({ start: '2026-12-05', end: '2026-12-09' });
    expect(back.get('evOneDay00000003')!.start).toBe('2026-12-04');
    expect(back.get('evOneDay00000003')!.end).toBeUndefined();
    for (const e of original) {
      const b = back.get(e.id)!;
      expect(effectiveEnd(b.start, b.end)).toBe(effectiveEnd(e.start, e.end));
      expect(expandOccurrences(b, '2026-01-01', '2028-01-01')).toEqual(expandOccurrences(e, '2026-01-01', '2028-01-01'));
    }
    const weekly = expandOccurrences(back.get('evWeekly00000004')!, '2026-12-01', '2027-01-01').map((o) => o.start);
    expect(weekly).toEqual(['2026-12-04T15:00', '2026-12-18T15:00', '2026-12-25T15:00']);
    const monthly = expandOccurrences(back.get('evMonthly0000005')!, '2026-01-01', '2027-01-01').map((o) => o.start);
    expect(monthly).toHaveLength(11);
    expect(monthly).toContain('2026-02-28');
    expect(monthly).not.toContain('2026-06-30');
  });

  it('importing into the source workspace changes nothing; into a new one recreates it', () => {
    const source = docWith(sampleEvents());
    const { events } = readEvents(source);
    const text = exportIcs(events, { calendarName: 'x', now: NOW });

    const before = Y.encodeStateAsUpdate(source);
    const again = applyIcsImport(source, parseIcs(text));
    expect(again).toMatchObject({ created: [], updated: [], failed: [] });
    expect(again.unchanged).toHaveLength(events.length);
    expect(Y.encodeStateAsUpdate(source)).toEqual(before);

    const fresh = new Y.Doc();
    const result = applyIcsImport(fresh, parseIcs(text), { now: NOW });
    expect(result.created).toHaveLength(events.length);
    const copy = byId(readEvents(fresh).events);
    for (const e of events) {
      const c = copy.get(e.id)!;
      expect(sameRRule(c.rrule, e.rrule) || c.rrule === e.rrule).toBe(true);
      expect(comparable({ ...c, rrule: e.rrule })).toEqual(comparable(e));
    }
  });

  it('importing the same file twice updates instead of duplicating', () => {
    const doc = new Y.Doc();
    const text = exportIcs(sampleEvents(), { calendarName: 'x', now: NOW });
    const first = applyIcsImport(doc, parseIcs(text));
    expect(first.created).toHaveLength(sampleEvents().length);
    const snapshot = Y.encodeStateAsUpdate(doc);
    const second = applyIcsImport(doc, parseIcs(text));
    expect(second.created).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(second.unchanged).toHaveLength(sampleEvents().length);
    expect(readEvents(doc).events).toHaveLength(sampleEvents().length);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(snapshot);
  });

  it('an edited file updates only the changed fields, and leaves fields it does not carry alone', () => {
    const doc = docWith(sampleEvents());
    const edited = sampleEvents().map((e) =>
      e.id === 'evExhibit0000002' ? { ...e, title: '书法作品展（延期）', end: '2026-12-12' } : e,
    );
    // A foreign tool that drops our X- properties: sections and campaign must survive.
    const text = exportIcs(edited, { calendarName: 'x', now: NOW }).replace(/^X-CC-(SECTIONS|CAMPAIGN|TEAM|PARENT).*\r\n/gm, '');
    const result = applyIcsImport(doc, parseIcs(text), { by: '导入' });
    expect(result.updated).toEqual(['evExhibit0000002']);
    const exhibit = readEvent(doc, 'evExhibit0000002');
    expect(exhibit?.ok && exhibit.record).toMatchObject({ title: '书法作品展（延期）', end: '2026-12-12', updatedBy: '导入' });
    const meeting = readEvent(doc, 'evMeeting0000001');
    expect(meeting?.ok && meeting.record).toMatchObject({ sectionIds: ['sec-1', 'sec-2'], campaignId: 'camp-1' });
  });

  it('updates an event in the trash without restoring it', () => {
    const doc = docWith(sampleEvents());
    softDeleteEvent(doc, 'evOneDay00000003', { now: NOW });
    const text = exportIcs(
      sampleEvents().map((e) => (e.id === 'evOneDay00000003' ? { ...e, title: '宪法日宣传（改）' } : e)),
      { calendarName: 'x', now: NOW },
    );
    const result = applyIcsImport(doc, parseIcs(text));
    expect(result.inTrash).toEqual(['evOneDay00000003']);
    const rec = readEvent(doc, 'evOneDay00000003');
    expect(rec?.ok && rec.record.deletedAt).toBe(NOW);
  });
});
