import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../shared/src/schema/types';
import { addDays, compareDateValues, diffDays, effectiveEnd, isAllDay, shiftDateValue, toMinuteNumber } from '../../../shared/src/time/dates';
import { dayPosition, dayToDate, dragDays, moveRange, rangeBetweenDays, resizeEnd, resizeStart, shiftOf, shiftedEvent } from '../../../shared/src/timeline';
import { mulberry32 } from '../../helpers/prng';

const ev = (f: Partial<EventRecord> = {}): EventRecord => ({ id: 'e', title: 'e', kind: 'meeting', start: '2026-03-10', status: 'confirmed', ...f });

/** A random valid range in either form: all-day [d, d+n) or timed on the half hour. */
function randomRange(rnd: () => number): { start: string; end: string | undefined } {
  const day = dayToDate(dayPosition('2027-12-01') + Math.floor(rnd() * 500));
  const noEnd = rnd() < 0.15;
  if (rnd() < 0.5) return { start: day, end: noEnd ? undefined : addDays(day, 1 + Math.floor(rnd() * 20)) };
  const start = shiftDateValue(`${day}T00:00`, 0, 30 * Math.floor(rnd() * 48));
  return { start, end: noEnd ? undefined : shiftDateValue(start, 0, 30 * (1 + Math.floor(rnd() * 200))) };
}
const minutes = (a: string, b: string) => toMinuteNumber(b) - toMinuteNumber(a);

describe('dragDays', () => {
  it('rounds pixels to whole days at each density', () => {
    expect(dragDays(0, 3.2)).toBe(0);
    expect(dragDays(1.5, 3.2)).toBe(0);
    expect(dragDays(1.7, 3.2)).toBe(1);
    expect(dragDays(32, 3.2)).toBe(10);
    expect(dragDays(-30, 14)).toBe(-2);
    expect(dragDays(-6, 14) + 0).toBe(0); // -0 is fine: it moves nothing
    expect(dragDays(60, 40)).toBe(2);
    expect(dragDays(59, 40)).toBe(1);
  });
});

describe('moveRange', () => {
  it('moves an all-day range keeping its exclusive end', () => {
    expect(moveRange('2026-03-10', '2026-03-12', 3)).toEqual({ start: '2026-03-13', end: '2026-03-15' });
    expect(moveRange('2026-03-10', '2026-03-12', -10)).toEqual({ start: '2026-02-28', end: '2026-03-02' });
    expect(moveRange('2028-02-28', '2028-03-01', 1)).toEqual({ start: '2028-02-29', end: '2028-03-02' });
    expect(moveRange('2100-02-28', '2100-03-01', 1)).toEqual({ start: '2100-03-01', end: '2100-03-02' });
  });

  it('fills in the effective end when there is none', () => {
    expect(moveRange('2026-03-10', undefined, 2)).toEqual({ start: '2026-03-12', end: '2026-03-13' });
    expect(moveRange('2026-03-10T14:30', undefined, 1)).toEqual({ start: '2026-03-11T14:30', end: '2026-03-11T15:30' });
  });

  it('keeps a timed range’s times of day', () => {
    expect(moveRange('2026-03-10T14:30', '2026-03-10T16:00', 7)).toEqual({ start: '2026-03-17T14:30', end: '2026-03-17T16:00' });
    expect(moveRange('2026-03-10T22:00', '2026-03-11T01:00', -1)).toEqual({ start: '2026-03-09T22:00', end: '2026-03-10T01:00' });
  });

  it('keeps form and length on random ranges', () => {
    const rnd = mulberry32(7);
    for (let i = 0; i < 500; i++) {
      const { start, end } = randomRange(rnd);
      const days = Math.floor(rnd() * 121) - 60;
      const got = moveRange(start, end, days);
      expect(isAllDay(got.start)).toBe(isAllDay(start));
      expect(isAllDay(got.end)).toBe(isAllDay(start));
      expect(diffDays(start, got.start)).toBe(days);
      expect(got.start.slice(10)).toBe(start.slice(10));
      expect(minutes(got.start, got.end)).toBe(minutes(start, effectiveEnd(start, end)));
    }
  });
});

describe('resizeEnd', () => {
  it('moves the end and keeps the start', () => {
    expect(resizeEnd('2026-03-10', '2026-03-12', 3)).toEqual({ start: '2026-03-10', end: '2026-03-15' });
    expect(resizeEnd('2026-03-10', '2026-03-15', -2)).toEqual({ start: '2026-03-10', end: '2026-03-13' });
    expect(resizeEnd('2026-03-10', undefined, 1)).toEqual({ start: '2026-03-10', end: '2026-03-12' });
    expect(resizeEnd('2026-03-10T09:00', '2026-03-10T10:00', 2)).toEqual({ start: '2026-03-10T09:00', end: '2026-03-12T10:00' });
  });

  it('never ends an all-day range before start + 1 day', () => {
    expect(resizeEnd('2026-03-10', '2026-03-12', -1)).toEqual({ start: '2026-03-10', end: '2026-03-11' });
    expect(resizeEnd('2026-03-10', '2026-03-12', -2)).toEqual({ start: '2026-03-10', end: '2026-03-11' });
    expect(resizeEnd('2026-03-10', '2026-03-12', -40)).toEqual({ start: '2026-03-10', end: '2026-03-11' });
  });

  it('never ends a timed range before start + 30 minutes', () => {
    expect(resizeEnd('2026-03-10T09:00', '2026-03-10T10:00', -1)).toEqual({ start: '2026-03-10T09:00', end: '2026-03-10T09:30' });
    expect(resizeEnd('2026-03-10T09:00', '2026-03-11T08:00', -1)).toEqual({ start: '2026-03-10T09:00', end: '2026-03-10T09:30' });
    expect(resizeEnd('2026-03-10T09:00', '2026-03-11T10:00', -1)).toEqual({ start: '2026-03-10T09:00', end: '2026-03-10T10:00' });
  });

  it('holds on random ranges', () => {
    const rnd = mulberry32(11);
    for (let i = 0; i < 500; i++) {
      const { start, end } = randomRange(rnd);
      const days = Math.floor(rnd() * 61) - 40;
      const got = resizeEnd(start, end, days);
      expect(got.start).toBe(start);
      expect(isAllDay(got.end)).toBe(isAllDay(start));
      const min = isAllDay(start) ? addDays(start, 1) : shiftDateValue(start, 0, 30);
      const wanted = shiftDateValue(effectiveEnd(start, end), days);
      expect(got.end).toBe(compareDateValues(wanted, min) < 0 ? min : wanted);
      expect(compareDateValues(got.end, min)).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('resizeStart', () => {
  it('moves the start and keeps the end', () => {
    expect(resizeStart('2026-03-10', '2026-03-12', -3)).toEqual({ start: '2026-03-07', end: '2026-03-12' });
    expect(resizeStart('2026-03-10', '2026-03-15', 2)).toEqual({ start: '2026-03-12', end: '2026-03-15' });
    expect(resizeStart('2026-03-10', undefined, -1)).toEqual({ start: '2026-03-09', end: '2026-03-11' });
    expect(resizeStart('2026-03-10T09:00', '2026-03-12T10:00', 1)).toEqual({ start: '2026-03-11T09:00', end: '2026-03-12T10:00' });
  });

  it('never moves an all-day start past the last day', () => {
    expect(resizeStart('2026-03-10', '2026-03-12', 1)).toEqual({ start: '2026-03-11', end: '2026-03-12' });
    expect(resizeStart('2026-03-10', '2026-03-12', 2)).toEqual({ start: '2026-03-11', end: '2026-03-12' });
    expect(resizeStart('2026-03-10', '2026-03-12', 30)).toEqual({ start: '2026-03-11', end: '2026-03-12' });
  });

  it('never moves a timed start later than 30 minutes before the end', () => {
    expect(resizeStart('2026-03-10T09:00', '2026-03-10T10:00', 1)).toEqual({ start: '2026-03-10T09:30', end: '2026-03-10T10:00' });
    expect(resizeStart('2026-03-10T09:00', '2026-03-11T09:10', 1)).toEqual({ start: '2026-03-11T08:40', end: '2026-03-11T09:10' });
  });

  it('holds on random ranges', () => {
    const rnd = mulberry32(13);
    for (let i = 0; i < 500; i++) {
      const { start, end } = randomRange(rnd);
      const days = Math.floor(rnd() * 61) - 20;
      const eff = effectiveEnd(start, end);
      const got = resizeStart(start, end, days);
      expect(got.end).toBe(eff);
      expect(isAllDay(got.start)).toBe(isAllDay(start));
      expect(compareDateValues(got.start, got.end)).toBeLessThan(0);
      const max = isAllDay(start) ? addDays(eff, -1) : shiftDateValue(eff, 0, -30);
      const wanted = shiftDateValue(start, days);
      expect(got.start).toBe(compareDateValues(wanted, max) > 0 ? max : wanted);
    }
  });
});

describe('rangeBetweenDays', () => {
  it('covers both days pressed and released, in either drag direction', () => {
    const a = dayPosition('2026-03-10');
    const b = dayPosition('2026-03-14');
    expect(rangeBetweenDays(a, b)).toEqual({ start: '2026-03-10', end: '2026-03-15' });
    expect(rangeBetweenDays(b, a)).toEqual({ start: '2026-03-10', end: '2026-03-15' });
    expect(rangeBetweenDays(a, a)).toEqual({ start: '2026-03-10', end: '2026-03-11' });
    expect(rangeBetweenDays(dayPosition('2028-02-28'), dayPosition('2028-02-29'))).toEqual({ start: '2028-02-28', end: '2028-03-01' });
    expect(rangeBetweenDays(dayPosition('2026-12-31'), dayPosition('2026-12-30'))).toEqual({ start: '2026-12-30', end: '2027-01-01' });
  });

  it('is symmetric and as long as the days spanned, on random pairs', () => {
    const rnd = mulberry32(17);
    for (let i = 0; i < 300; i++) {
      const a = 20000 + Math.floor(rnd() * 400);
      const b = 20000 + Math.floor(rnd() * 400);
      const r = rangeBetweenDays(a, b);
      expect(rangeBetweenDays(b, a)).toEqual(r);
      expect(dayPosition(r.start)).toBe(Math.min(a, b));
      expect(diffDays(r.start, r.end)).toBe(Math.abs(a - b) + 1);
    }
  });
});

describe('shiftOf and shiftedEvent', () => {
  it('shiftOf counts whole days between starts, ignoring times', () => {
    expect(shiftOf('2026-03-01', '2026-03-08')).toBe(7);
    expect(shiftOf('2026-03-08', '2026-03-01')).toBe(-7);
    expect(shiftOf('2026-03-01T23:00', '2026-03-02T01:00')).toBe(1);
    expect(shiftOf('2026-03-01', '2026-03-01T18:00')).toBe(0);
    expect(shiftOf('2028-02-01', '2028-03-01')).toBe(29);
    expect(shiftOf('2100-02-01', '2100-03-01')).toBe(28);
  });

  it('moves start, end and exdates together, keeping forms', () => {
    expect(shiftedEvent(ev({ start: '2026-03-02T14:00', end: '2026-03-02T15:00', rrule: 'FREQ=WEEKLY', exdates: ['2026-03-09T14:00', '2026-03-23T14:00'] }), 7)).toEqual({
      start: '2026-03-09T14:00',
      end: '2026-03-09T15:00',
      exdates: ['2026-03-16T14:00', '2026-03-30T14:00'],
    });
    expect(shiftedEvent(ev({ start: '2026-03-02', end: '2026-03-05', exdates: ['2026-03-09'] }), -3)).toEqual({
      start: '2026-02-27',
      end: '2026-03-02',
      exdates: ['2026-03-06'],
    });
  });

  it('adds no end or exdates the event did not have', () => {
    const out = shiftedEvent(ev({ start: '2026-03-10' }), 2);
    expect(out).toEqual({ start: '2026-03-12' });
    expect('end' in out).toBe(false);
    expect('exdates' in shiftedEvent(ev({ exdates: [] }), 2)).toBe(false);
  });
});
