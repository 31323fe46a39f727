import { describe, expect, it } from 'vitest';
import { dueReminders, dueThisWeek, isoWeekOf, reminderBaseMs, type ReminderEvent } from '../../../shared/src/reminders';
import { fromUtcMs, toUtcMs } from '../../../shared/src/time';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const ev = (e: Partial<ReminderEvent> & { id: string; start: string }): ReminderEvent => ({
  title: e.id,
  kind: 'meeting',
  status: 'planned',
  ...e,
});

describe('reminderBaseMs', () => {
  it('counts all-day events from 09:00 in the workspace zone', () => {
    expect(reminderBaseMs('2026-12-05', SH)).toBe(Date.UTC(2026, 11, 5, 1, 0));
    expect(reminderBaseMs('2026-12-05', NY)).toBe(Date.UTC(2026, 11, 5, 14, 0));
    expect(reminderBaseMs('2026-12-05T14:30', SH)).toBe(Date.UTC(2026, 11, 5, 6, 30));
  });
});

describe('dueReminders in Asia/Shanghai', () => {
  const now = toUtcMs('2026-12-03T14:00', SH);
  const events = [
    ev({ id: 'talk', start: '2026-12-03T14:30', reminders: [0, 30, 1440] }),
    ev({ id: 'day', start: '2026-12-05', reminders: [1440, 0] }),
    ev({ id: 'gone', start: '2026-12-03T15:00', reminders: [10], deletedAt: 1 }),
    ev({ id: 'done', start: '2026-12-03T15:00', reminders: [10], status: 'done' }),
    ev({ id: 'off', start: '2026-12-03T15:00', reminders: [10], status: 'cancelled' }),
    ev({ id: 'none', start: '2026-12-03T15:00' }),
    ev({ id: 'empty', start: '2026-12-03T15:00', reminders: [] }),
    ev({ id: 'over', start: '2026-12-03T09:00', end: '2026-12-03T10:00', reminders: [15] }),
    ev({ id: 'running', start: '2026-12-03T13:00', end: '2026-12-03T17:00', reminders: [15] }),
  ];
  const list = dueReminders(events, { now, timezone: SH });

  it('lists each reminder of open events with its due instant, by due instant', () => {
    expect(list.map((r) => [r.key, r.due, fromUtcMs(r.dueMs, SH)])).toEqual([
      ['talk@2026-12-03T14:30@1440', true, '2026-12-02T14:30'],
      ['running@2026-12-03T13:00@15', true, '2026-12-03T12:45'],
      ['talk@2026-12-03T14:30@30', true, '2026-12-03T14:00'],
      ['talk@2026-12-03T14:30@0', false, '2026-12-03T14:30'],
      ['day@2026-12-05@1440', false, '2026-12-04T09:00'],
      ['day@2026-12-05@0', false, '2026-12-05T09:00'],
    ]);
    const talk = list.find((r) => r.key === 'talk@2026-12-03T14:30@30');
    expect(talk).toMatchObject({ eventId: 'talk', title: 'talk', minutes: 30, occurrenceStart: '2026-12-03T14:30' });
    expect(talk?.dueMs).toBe(Date.UTC(2026, 11, 3, 6, 0));
  });

  it('keeps keys stable as time passes and across zones', () => {
    const later = dueReminders(events, { now: now + 10 * 60_000, timezone: SH }).map((r) => r.key);
    expect(later).toEqual(list.map((r) => r.key));
    const keysNy = dueReminders(events, { now: now - 86_400_000 * 3, timezone: NY }).map((r) => r.key).sort();
    expect(keysNy).toEqual(expect.arrayContaining(['talk@2026-12-03T14:30@0', 'day@2026-12-05@0']));
  });

  it('ignores stored junk in reminders', () => {
    const r = dueReminders([ev({ id: 'x', start: '2026-12-04T10:00', reminders: [30, -5, 1.5, 30, 0] })], { now, timezone: SH });
    expect(r.map((x) => x.minutes)).toEqual([30, 0]);
  });
});

describe('dueReminders around DST in America/New_York', () => {
  it('spring forward: exact minutes, so the wall-clock time moves by the lost hour', () => {
    const e = ev({ id: 'm', start: '2026-03-08T09:00', reminders: [60, 1440] });
    const r = dueReminders([e], { now: toUtcMs('2026-03-01T00:00', NY), timezone: NY });
    const byMin = new Map(r.map((x) => [x.minutes, x]));
    expect(byMin.get(60)?.dueMs).toBe(Date.UTC(2026, 2, 8, 12, 0)); // 09:00 EDT = 13:00Z
    expect(fromUtcMs(byMin.get(60)!.dueMs, NY)).toBe('2026-03-08T08:00');
    expect(fromUtcMs(byMin.get(1440)!.dueMs, NY)).toBe('2026-03-07T08:00'); // 24 h earlier, EST
    const early = dueReminders([ev({ id: 'n', start: '2026-03-08T03:30', reminders: [60] })], { now: 0, timezone: NY });
    expect(fromUtcMs(early[0].dueMs, NY)).toBe('2026-03-08T01:30'); // across the 02:00→03:00 gap
  });

  it('fall back: a 1440-minute reminder is 24 real hours earlier, 10:00 the day before', () => {
    const e = ev({ id: 'f', start: '2026-11-01T09:00', reminders: [1440] });
    const [r] = dueReminders([e], { now: 0, timezone: NY });
    expect(r.dueMs).toBe(Date.UTC(2026, 9, 31, 14, 0)); // 09:00 EST = 14:00Z, minus 24 h
    expect(fromUtcMs(r.dueMs, NY)).toBe('2026-10-31T10:00');
    const [d] = dueReminders([ev({ id: 'd', start: '2026-11-01', reminders: [0] })], { now: 0, timezone: NY });
    expect(d.dueMs).toBe(Date.UTC(2026, 10, 1, 14, 0));
    expect(d.due).toBe(false);
    const [d2] = dueReminders([ev({ id: 'd', start: '2026-11-01', reminders: [0] })], { now: d.dueMs, timezone: NY });
    expect(d2.due).toBe(true); // due ≤ now
    expect(d2.key).toBe(d.key);
  });
});

describe('dueReminders for series', () => {
  const weekly = ev({ id: 'w', start: '2026-11-30T10:00', rrule: 'FREQ=WEEKLY;BYDAY=MO', reminders: [60] });

  it('gives the next occurrence only', () => {
    const r = dueReminders([weekly], { now: toUtcMs('2026-12-01T12:00', SH), timezone: SH });
    expect(r.map((x) => [x.key, x.due])).toEqual([['w@2026-12-07T10:00@60', false]]);
  });

  it('keeps the running occurrence until it ends', () => {
    const r = dueReminders([weekly], { now: toUtcMs('2026-11-30T10:30', SH), timezone: SH });
    expect(r.map((x) => [x.key, x.due])).toEqual([['w@2026-11-30T10:00@60', true]]);
  });

  it('adds later occurrences whose earliest reminder is already due', () => {
    const daily = ev({ id: 'd', start: '2026-12-01T10:00', rrule: 'FREQ=DAILY', reminders: [0, 2880] });
    const r = dueReminders([daily], { now: toUtcMs('2026-12-01T09:00', SH), timezone: SH });
    const starts = [...new Set(r.map((x) => x.occurrenceStart))];
    // 12-03's 2880-minute reminder is due at 12-01 10:00, after now.
    expect(starts).toEqual(['2026-12-01T10:00', '2026-12-02T10:00']);
  });

  it('skips exdates and finds a yearly next occurrence', () => {
    const yearly = ev({ id: 'y', start: '2020-03-05', rrule: 'FREQ=YEARLY', reminders: [0], exdates: ['2027-03-05'] });
    const r = dueReminders([yearly], { now: toUtcMs('2026-12-01T12:00', SH), timezone: SH });
    expect(r.map((x) => x.key)).toEqual(['y@2028-03-05@0']);
  });
});

describe('dueThisWeek', () => {
  const today = '2026-12-02'; // a Wednesday; the week is 11-30 … 12-06
  const events = [
    ev({ id: 'a', kind: 'assessment', start: '2026-12-04' }),
    ev({ id: 'b', phase: 'submission-deadline', start: '2026-11-20' }),
    ev({ id: 'c', title: '材料报送截止', start: '2026-12-01' }),
    ev({ id: 'd', start: '2026-12-08T09:00', reminders: [2880] }),
    ev({ id: 'e', start: '2026-12-10', reminders: [60] }),
    ev({ id: 'f', kind: 'assessment', start: '2026-11-20', status: 'done' }),
    ev({ id: 'g', start: '2026-11-20' }),
    ev({ id: 'h', kind: 'assessment', start: '2026-12-12', reminders: [10080] }),
    ev({ id: 'i', kind: 'assessment', start: '2026-12-03', status: 'cancelled' }),
    ev({ id: 'j', title: '周报截止', start: '2026-11-06', rrule: 'FREQ=WEEKLY' }),
    ev({ id: 'k', phase: 'review-deadline', start: '2026-11-25', end: '2026-12-05' }),
    ev({ id: 'l', kind: 'assessment', start: '2026-12-05', reminders: [1440] }),
  ];

  it('lists deadlines, reminders due this week and overdue deadlines', () => {
    const list = dueThisWeek(events, { today, timezone: SH });
    expect(list.map((x) => [x.event.id, x.date, x.reasons, x.overdue])).toEqual([
      ['b', '2026-11-20', ['deadline'], true],
      ['c', '2026-12-01', ['deadline'], true],
      // Same day: earlier occurrence start first.
      ['k', '2026-12-04', ['deadline'], false],
      ['a', '2026-12-04', ['deadline'], false],
      ['j', '2026-12-04', ['deadline'], false],
      ['l', '2026-12-05', ['deadline', 'reminder'], false],
      ['h', '2026-12-05', ['reminder'], false],
      ['d', '2026-12-06', ['reminder'], false],
    ]);
  });

  it('accepts a caller-supplied deadline test', () => {
    const list = dueThisWeek(events, { today, timezone: SH, isDeadline: (e) => e.id === 'g' });
    expect(list.map((x) => [x.event.id, x.reasons, x.overdue])).toEqual([
      ['g', ['deadline'], true],
      ['l', ['reminder'], false], // its 1440-minute reminder: 12-04
      ['h', ['reminder'], false],
      ['d', ['reminder'], false],
    ]);
  });

  it('uses the Monday–Sunday week, also on a Sunday', () => {
    expect(isoWeekOf('2026-12-06')).toEqual({ start: '2026-11-30', end: '2026-12-07' });
    expect(isoWeekOf('2026-11-30')).toEqual({ start: '2026-11-30', end: '2026-12-07' });
    expect(dueThisWeek([], { today: 'nope', timezone: SH })).toEqual([]);
  });
});
