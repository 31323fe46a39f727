/** The computations compared across host time zones (shared by the probe and the test). */
import {
  addDays,
  diffDays,
  effectiveEnd,
  expandOccurrences,
  fromUtcMs,
  lastDayInclusive,
  lunarInfo,
  monthRange,
  observancesInRange,
  presetToRRule,
  shiftDateValue,
  toUtcMs,
  todayIn,
  weekday,
} from '../../../shared/src/time';

export function probeResults(): Record<string, unknown> {
  return {
    addDays: [addDays('2026-03-07', 1), addDays('2026-10-31', 1), addDays('2026-03-08T01:30', 1)],
    diffDays: diffDays('2026-03-01', '2026-11-15'),
    weekday: [weekday('2026-03-08'), weekday('2026-11-01'), weekday('2026-10-01')],
    effectiveEnd: [effectiveEnd('2026-03-08T01:30'), effectiveEnd('2026-11-01')],
    lastDay: lastDayInclusive('2026-03-07', '2026-03-09'),
    shift: shiftDateValue('2026-03-08T01:30', 0, 60),
    monthRange: monthRange('2026-03'),
    toUtcMs: toUtcMs('2026-10-01T09:00'),
    fromUtcMs: [fromUtcMs(Date.UTC(2026, 8, 30, 16, 0)), fromUtcMs(Date.UTC(2026, 8, 30, 16, 0), 'Asia/Shanghai', true)],
    today: todayIn('Asia/Shanghai', Date.UTC(2026, 10, 21, 16, 30)),
    weekly: expandOccurrences(
      { start: '2026-03-06T14:30', end: '2026-03-06T16:00', rrule: 'FREQ=WEEKLY;BYDAY=FR', exdates: ['2026-03-20T14:30'] },
      '2026-03-01',
      '2026-04-01',
    ),
    allDayAcrossDst: expandOccurrences({ start: '2026-10-30', rrule: 'FREQ=DAILY;COUNT=4' }, '2026-10-01', '2026-12-01'),
    quarterly: expandOccurrences(
      { start: '2026-03-31', rrule: presetToRRule({ freq: 'quarterly', until: '2026-12-31' }, '2026-03-31') },
      '2026-01-01',
      '2027-01-01',
    ),
    lunar: lunarInfo('2026-02-22'),
    observances: observancesInRange('2027-08-01', '2027-08-02').map((o) => o.label),
  };
}
