import { describe, expect, it } from 'vitest';
import { expandOccurrences, firstOccurrence, needsExpansion, ruleYieldsStart } from '../../../shared/src/time/recurrence';
import { effectiveEnd, fromUtcMs, overlapsRange, toUtcMs } from '../../../shared/src/time/dates';

/** The brute-force oracle: every weekly step in the series' zone, converted one by one with Intl. */
function bruteWeekly(startWall: string, zone: string, weeks: number, view: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < weeks; i++) {
    const [d, time] = startWall.split('T');
    const day = new Date(`${d}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 7 * i);
    out.push(fromUtcMs(toUtcMs(`${day.toISOString().slice(0, 10)}T${time}`, zone), view));
  }
  return out;
}

describe('a series kept in its own zone', () => {
  it('recurs on its own weekday and wall clock, shown in the workspace zone (the Stockholm example)', () => {
    const series = { start: '2022-10-21T20:00', rrule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=3', timezone: 'Europe/Stockholm' };
    expect(expandOccurrences(series, '2022-10-01', '2022-12-01', 100, 'Asia/Shanghai')).toEqual([
      { start: '2022-10-22T02:00', end: '2022-10-22T03:00' },
      { start: '2022-10-29T02:00', end: '2022-10-29T03:00' },
      { start: '2022-11-05T03:00', end: '2022-11-05T04:00' },
    ]);
  });

  it('matches a brute-force conversion across both DST changes, for zones east and west', () => {
    for (const [zone, start] of [
      ['Europe/Berlin', '2026-01-09T18:30'],
      ['America/Los_Angeles', '2026-01-08T17:00'],
      ['Australia/Sydney', '2026-01-07T09:15'],
    ] as const) {
      const got = expandOccurrences({ start, rrule: 'FREQ=WEEKLY;COUNT=52', timezone: zone }, '2025-12-01', '2027-02-01', 1000, 'Asia/Shanghai').map((o) => o.start);
      expect(got).toEqual(bruteWeekly(start, zone, 52, 'Asia/Shanghai'));
    }
  });

  it('applies EXDATE and RDATE in the series zone, and keeps the elapsed length', () => {
    const series = {
      start: '2026-03-20T18:00',
      end: '2026-03-20T19:30',
      rrule: 'FREQ=WEEKLY;COUNT=4',
      exdates: ['2026-04-03T18:00'],
      rdates: ['2026-04-01T12:00'],
      timezone: 'Europe/Berlin',
    };
    expect(expandOccurrences(series, '2026-03-01', '2026-05-01', 100, 'Asia/Shanghai')).toEqual([
      { start: '2026-03-21T01:00', end: '2026-03-21T02:30' },
      { start: '2026-03-28T01:00', end: '2026-03-28T02:30' },
      // 29 March: Berlin moves to summer time, so 18:00 there is midnight in Beijing.
      { start: '2026-04-01T18:00', end: '2026-04-01T19:30' },
      { start: '2026-04-11T00:00', end: '2026-04-11T01:30' },
    ]);
  });

  it('selects by the workspace range, not the series wall clock', () => {
    const series = { start: '2026-06-05T20:00', rrule: 'FREQ=WEEKLY', timezone: 'Europe/Berlin' };
    // Friday 20:00 Berlin = Saturday 02:00 Beijing: a Friday-only range in Beijing has none.
    expect(expandOccurrences(series, '2026-06-12', '2026-06-13', 10, 'Asia/Shanghai')).toEqual([]);
    expect(expandOccurrences(series, '2026-06-13', '2026-06-14', 10, 'Asia/Shanghai').map((o) => o.start)).toEqual(['2026-06-13T02:00']);
    expect(expandOccurrences(series, '2026-06-13', '2026-07-13', 2, 'Asia/Shanghai')).toHaveLength(2);
  });

  it('is read as plain wall clock when the view is in the series zone or the value is a date', () => {
    expect(expandOccurrences({ start: '2026-06-05T20:00', rrule: 'FREQ=DAILY;COUNT=1', timezone: 'Europe/Berlin' }, '2026-06-01', '2026-07-01', 10, 'Europe/Berlin')[0].start).toBe('2026-06-05T20:00');
    expect(expandOccurrences({ start: '2026-06-05', rrule: 'FREQ=DAILY;COUNT=1', timezone: 'Europe/Berlin' }, '2026-06-01', '2026-07-01', 10, 'Asia/Shanghai')[0].start).toBe('2026-06-05');
    expect(needsExpansion({ start: '2026-06-05T20:00', timezone: 'Europe/Berlin' })).toBe(true);
    expect(needsExpansion({ start: '2026-06-05', timezone: 'Europe/Berlin' })).toBe(false);
  });
});

describe('extra dates (RDATE)', () => {
  it('adds occurrences to a rule and to a single event, ordered, without repeats, minus exdates', () => {
    const series = { start: '2026-05-04', rrule: 'FREQ=WEEKLY;COUNT=2', rdates: ['2026-05-06', '2026-05-11', '2026-05-20'], exdates: ['2026-05-20'] };
    expect(expandOccurrences(series, '2026-05-01', '2026-06-01').map((o) => o.start)).toEqual(['2026-05-04', '2026-05-06', '2026-05-11']);
    expect(expandOccurrences({ start: '2026-05-04T09:00', rdates: ['2026-05-08'] }, '2026-05-01', '2026-06-01').map((o) => o.start)).toEqual(['2026-05-04T09:00', '2026-05-08T09:00']);
    expect(expandOccurrences({ start: '2026-05-04T09:00', rdates: ['2026-05-08T10:00'] }, '2026-05-01', '2026-06-01', 1)).toHaveLength(1);
  });

  it('counts in firstOccurrence, and tells a start the rule does not yield', () => {
    expect(firstOccurrence({ start: '2026-05-06', rrule: 'FREQ=WEEKLY;BYDAY=MO', rdates: ['2026-05-06'] })).toBe('2026-05-06');
    expect(ruleYieldsStart({ start: '2026-05-06', rrule: 'FREQ=WEEKLY;BYDAY=MO' })).toBe(false);
    expect(ruleYieldsStart({ start: '2026-05-04', rrule: 'FREQ=WEEKLY;BYDAY=MO' })).toBe(true);
    expect(ruleYieldsStart({ start: '2026-05-04T09:30', rrule: 'FREQ=DAILY' })).toBe(true);
  });
});

describe('zero-length events', () => {
  it('keep their length and sit in the range that holds their instant', () => {
    expect(effectiveEnd('2026-05-04T17:00', '2026-05-04T17:00')).toBe('2026-05-04T17:00');
    expect(effectiveEnd('2026-05-04', '2026-05-04')).toBe('2026-05-05');
    expect(overlapsRange('2026-05-04T00:00', '2026-05-04T00:00', '2026-05-04', '2026-05-05')).toBe(true);
    expect(overlapsRange('2026-05-05T00:00', '2026-05-05T00:00', '2026-05-04', '2026-05-05')).toBe(false);
    const deadlines = { start: '2026-05-04T00:00', end: '2026-05-04T00:00', rrule: 'FREQ=DAILY;COUNT=3' };
    expect(expandOccurrences(deadlines, '2026-05-05', '2026-05-06')).toEqual([{ start: '2026-05-05T00:00', end: '2026-05-05T00:00' }]);
  });
});
