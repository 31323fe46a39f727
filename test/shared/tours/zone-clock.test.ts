import { describe, expect, it } from 'vitest';
import { fromMinuteNumber, toMinuteNumber, toUtcMs } from '../../../shared/src/time/dates';
import { zoneClock } from '../../../shared/src/tours/zone-clock';

/** Every quarter hour of [from, to) converted both ways. */
function compare(timeZone: string, from: string, to: string): void {
  const clock = zoneClock(timeZone);
  for (let m = toMinuteNumber(from); m < toMinuteNumber(to); m += 15) {
    const value = fromMinuteNumber(m, false);
    expect(clock.at(m), `${timeZone} ${value}`).toBe(toUtcMs(value, timeZone));
  }
}

describe('zoneClock', () => {
  it('gives toUtcMs’s instants around DST changes, gaps and repeated hours included', () => {
    compare('Europe/Berlin', '2026-03-25', '2026-04-02');
    compare('Europe/Berlin', '2026-10-21', '2026-10-29');
    compare('America/New_York', '2026-03-05', '2026-03-12');
    compare('Australia/Lord_Howe', '2026-04-02', '2026-04-07'); // a 30-minute change
    compare('America/Santiago', '2026-04-02', '2026-04-07'); // changes at midnight
    compare('America/Santiago', '2026-09-04', '2026-09-09');
    compare('Asia/Shanghai', '2026-01-01', '2026-01-05');
  });

  it('agrees on a whole year at hourly steps', () => {
    for (const zone of ['Europe/Berlin', 'Asia/Shanghai', 'Pacific/Apia']) {
      const clock = zoneClock(zone);
      for (let m = toMinuteNumber('2026-01-01'); m < toMinuteNumber('2027-01-01'); m += 60)
        expect(clock.at(m)).toBe(toUtcMs(fromMinuteNumber(m, false), zone));
    }
  });

  it('rejects an unknown zone at once', () => {
    expect(() => zoneClock('Mars/Olympus')).toThrow(RangeError);
  });
});
