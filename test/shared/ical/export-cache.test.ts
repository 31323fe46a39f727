import { describe, expect, it } from 'vitest';
import { exportIcs } from '../../../shared/src/ical';
import type { EventRecord } from '../../../shared/src/schema/types';

const event = (fields: Partial<EventRecord> = {}): EventRecord => ({ id: 'evCache00000001', title: '理论宣讲', kind: 'lecture', status: 'confirmed', start: '2026-06-01T09:00', sectionIds: ['s1'], ...fields });

describe('the export keeps each event’s text between exports', () => {
  it('gives the same text as a fresh export, and follows every change the text depends on', () => {
    const opts = (label: string, now: number) => ({ calendarName: 'x', now, sectionPaths: () => [label] });
    const first = exportIcs([event()], opts('一、(一)', 0));
    expect(exportIcs([event()], opts('一、(一)', 0))).toBe(first);
    // A new stamp, a renamed section, an edited event, another zone: each shows.
    expect(exportIcs([event()], opts('一、(一)', 86_400_000))).toContain('DTSTAMP:19700102T000000Z');
    expect(exportIcs([event()], opts('二、(三)', 0))).toContain('对应工作要点：二、(三)');
    expect(exportIcs([event({ title: '理论宣讲（改期）' })], opts('一、(一)', 0))).toContain('SUMMARY:理论宣讲（改期）');
    expect(exportIcs([event()], { ...opts('一、(一)', 0), timezone: 'Asia/Tokyo' })).toContain('DTSTART;TZID=Asia/Tokyo:20260601T090000');
    expect(exportIcs([event()], opts('一、(一)', 0))).toBe(first);
  });
});
