/**
 * Generated schedules for the conflict tests: a few speakers, teams, rooms and units packed
 * into a short window so that clashes, exact buffer edges, all-day days, series with exdates
 * and DST nights all come up often.
 */
import type { CampaignRecord, EventRecord } from '../../../shared/src/schema/types';
import { addDays, fromMinuteNumber, toMinuteNumber } from '../../../shared/src/time/dates';
import { expandOccurrences } from '../../../shared/src/time/recurrence';

export interface Schedule {
  events: EventRecord[];
  campaigns: CampaignRecord[];
  from: string;
  to: string;
  timezone: string;
  bufferMinutes: number;
}

/** Windows with something to find: Berlin's spring and autumn DST nights, National Day week. */
const WINDOWS: Array<{ timezone: string; from: string }> = [
  { timezone: 'Europe/Berlin', from: '2026-03-26' },
  { timezone: 'Europe/Berlin', from: '2026-10-22' },
  { timezone: 'Asia/Shanghai', from: '2026-09-27' },
  { timezone: 'Asia/Shanghai', from: '2026-02-12' },
  { timezone: 'America/New_York', from: '2026-03-06' },
];
const SPEAKERS = ['张三', ' 张三', '李四 ', 'Wang Wu', '赵六'];
const LOCATIONS = ['Room A', ' room   a', '３楼会议室', '3楼会议室', '礼堂', undefined, undefined];
const RULES = ['FREQ=DAILY;COUNT=3', 'FREQ=DAILY;INTERVAL=2;COUNT=3', 'FREQ=WEEKLY;COUNT=2', 'FREQ=HOURLY;INTERVAL=5;COUNT=4'];

export function generateSchedule(rand: () => number, size = 4 + Math.floor(rand() * 30)): Schedule {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const { timezone, from } = pick(WINDOWS);
  const days = 8;
  const to = addDays(from, days);
  const campaigns: CampaignRecord[] = [
    { id: 'c1', title: 'C1', start: addDays(from, 1), end: addDays(from, 5) },
    { id: 'c2', title: 'C2', start: `${addDays(from, 2)}T12:00`, end: `${addDays(from, 3)}T12:00` },
    { id: 'c3', title: 'C3 (deleted)', start: from, end: addDays(from, 1), deletedAt: 1 },
  ];
  const events: EventRecord[] = [];
  for (let i = 0; i < size; i++) {
    const allDay = rand() < 0.2;
    const day = addDays(from, Math.floor(rand() * (days + 1)) - 1);
    let start: string;
    let end: string | undefined;
    if (allDay) {
      start = day;
      end = rand() < 0.3 ? undefined : addDays(day, 1 + Math.floor(rand() * 3));
    } else {
      start = fromMinuteNumber(toMinuteNumber(day) + 15 * Math.floor(rand() * 96), false);
      end = rand() < 0.2 ? undefined : fromMinuteNumber(toMinuteNumber(start) + 15 * (1 + Math.floor(rand() * 16)), false);
    }
    const ev: EventRecord = {
      id: `e${String(i).padStart(2, '0')}`,
      title: `Event ${i}`,
      kind: 'lecture',
      status: rand() < 0.1 ? 'cancelled' : pick(['planned', 'confirmed', 'done'] as const),
      start,
      ...(end ? { end } : {}),
    };
    if (rand() < 0.7) ev.speakers = [...new Set([pick(SPEAKERS), ...(rand() < 0.4 ? [pick(SPEAKERS)] : [])])];
    if (rand() < 0.6) ev.teamId = pick(['t1', 't2', 't3']);
    const location = pick(LOCATIONS);
    if (location !== undefined) ev.location = location;
    if (rand() < 0.5) ev.hostUnitId = pick(['u1', 'u2', 'u3']);
    if (rand() < 0.4) ev.campaignId = pick(['c1', 'c2', 'c3', 'c-missing']);
    if (rand() < 0.07) ev.deletedAt = 1;
    if (rand() < 0.2) {
      ev.rrule = pick(RULES);
      const occurrences = expandOccurrences(ev, '2000-01-01', '2100-01-01');
      if (occurrences.length > 1 && rand() < 0.5) ev.exdates = [pick(occurrences).start];
    }
    events.push(ev);
  }
  return { events, campaigns, from, to, timezone, bufferMinutes: pick([0, 15, 30, 60, 90]) };
}

/** The same event moved by whole quarter hours (a drag), keeping its duration. */
export function dragged(ev: EventRecord, quarters: number): EventRecord {
  const shift = (v: string) => fromMinuteNumber(toMinuteNumber(v) + (v.includes('T') ? quarters * 15 : Math.round(quarters / 96) * 1440), !v.includes('T'));
  return { ...ev, start: shift(ev.start), ...(ev.end ? { end: shift(ev.end) } : {}) };
}
