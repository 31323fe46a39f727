import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../shared/src/schema/types';
import { conflictsByEvent, createConflictIndex, findConflicts, type ConflictOptions } from '../../../shared/src/tours';

const SH: ConflictOptions = { from: '2026-01-01', to: '2027-01-01', timezone: 'Asia/Shanghai' };

function ev(id: string, start: string, end?: string, extra: Partial<EventRecord> = {}): EventRecord {
  return { id, title: `T-${id}`, kind: 'lecture', status: 'planned', start, ...(end ? { end } : {}), ...extra };
}

/** "kind resource a@start b@start" lines: short to read in a table. */
const brief = (events: EventRecord[], o: ConflictOptions = SH) =>
  findConflicts(events, o).map((c) => `${c.kind} ${c.resource} ${c.a.id}@${c.a.start}${c.b ? ` ${c.b.id}@${c.b.start}` : ''}`);

describe('speaker and team: the travel buffer', () => {
  const a = ev('a', '2026-03-05T09:00', '2026-03-05T10:00', { speakers: ['张三'] });
  it.each([
    ['exactly the buffer apart', '2026-03-05T11:00', '2026-03-05T12:00', 60, 0],
    ['a minute inside the buffer', '2026-03-05T10:59', '2026-03-05T12:00', 60, 1],
    ['back to back without a buffer', '2026-03-05T10:00', '2026-03-05T11:00', 0, 0],
    ['overlapping without a buffer', '2026-03-05T09:59', '2026-03-05T11:00', 0, 1],
    ['before, exactly the buffer apart', '2026-03-05T07:30', '2026-03-05T08:00', 60, 0],
    ['before, a minute inside the buffer', '2026-03-05T07:30', '2026-03-05T08:01', 60, 1],
  ])('%s', (_, start, end, bufferMinutes, n) => {
    const b = ev('b', start, end, { speakers: ['张三'] });
    expect(findConflicts([a, b], { ...SH, bufferMinutes })).toHaveLength(n);
    expect(createConflictIndex([a], { ...SH, bufferMinutes }).check(b)).toHaveLength(n);
  });

  it('defaults to a 60-minute buffer and compares trimmed names', () => {
    const b = ev('b', '2026-03-05T10:30', '2026-03-05T11:00', { speakers: [' 张三 ', '李四'] });
    const c = ev('c', '2026-03-05T10:30', '2026-03-05T11:00', { speakers: ['李四'] });
    expect(brief([a, b, c])).toEqual([
      'speaker 张三 a@2026-03-05T09:00 b@2026-03-05T10:30',
      'speaker 李四 b@2026-03-05T10:30 c@2026-03-05T10:30',
    ]);
  });

  it('reports one conflict per shared speaker, and the team apart from its speakers', () => {
    const x = ev('x', '2026-03-05T09:00', undefined, { speakers: ['甲', '乙', '甲'], teamId: 't' });
    const y = ev('y', '2026-03-05T09:30', undefined, { speakers: ['乙', '甲'], teamId: 't' });
    expect(brief([y, x])).toEqual([
      'speaker 乙 x@2026-03-05T09:00 y@2026-03-05T09:30',
      'speaker 甲 x@2026-03-05T09:00 y@2026-03-05T09:30',
      'team t x@2026-03-05T09:00 y@2026-03-05T09:30',
    ]);
  });

  it('an all-day session blocks its days and nothing beyond them', () => {
    const day = ev('day', '2026-03-05', undefined, { teamId: 't' });
    const at = (id: string, start: string, end: string) => ev(id, start, end, { teamId: 't' });
    expect(brief([day, at('late', '2026-03-05T23:00', '2026-03-05T23:30')])).toEqual(['team t day@2026-03-05 late@2026-03-05T23:00']);
    // 30 minutes before midnight and 30 after: the timed session's buffer does not reach into the day.
    expect(brief([day, at('eve', '2026-03-04T23:00', '2026-03-04T23:30')])).toEqual([]);
    expect(brief([day, at('next', '2026-03-06T00:00', '2026-03-06T00:30')])).toEqual([]);
    // Two all-day sessions on consecutive days are fine; on the same day they clash.
    expect(brief([day, ev('d2', '2026-03-06', undefined, { teamId: 't' }), ev('d3', '2026-03-05', undefined, { teamId: 't' })])).toEqual([
      'team t d3@2026-03-05 day@2026-03-05', // equal starts: smaller id first
    ]);
  });

  it('a multi-day all-day session covers every day up to its exclusive end', () => {
    const trip = ev('trip', '2026-03-05', '2026-03-08', { speakers: ['张三'] });
    const on = (id: string, start: string) => ev(id, start, undefined, { speakers: ['张三'] });
    expect(brief([trip, on('in', '2026-03-07T14:00'), on('after', '2026-03-08T09:00'), on('before', '2026-03-04T20:00')])).toEqual([
      'speaker 张三 trip@2026-03-05 in@2026-03-07T14:00',
    ]);
  });
});

describe('series', () => {
  const weekly = ev('w', '2026-03-02T09:00', '2026-03-02T10:00', { teamId: 't', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4' });
  const single = ev('s', '2026-03-16T10:30', '2026-03-16T11:00', { teamId: 't' });

  it('names the clashing occurrence', () => {
    expect(brief([weekly, single])).toEqual(['team t w@2026-03-16T09:00 s@2026-03-16T10:30']);
  });

  it('skips excluded occurrences', () => {
    expect(brief([{ ...weekly, exdates: ['2026-03-16T09:00'] }, single])).toEqual([]);
  });

  it('expands only over the checked range', () => {
    expect(brief([weekly, single], { ...SH, from: '2026-03-17', to: '2026-04-01' })).toEqual([]);
  });

  it('finds occurrences of one series clashing with each other', () => {
    const hourly = ev('h', '2026-03-02T09:00', '2026-03-02T10:00', { speakers: ['张三'], rrule: 'FREQ=HOURLY;INTERVAL=2;COUNT=3' });
    expect(brief([hourly])).toEqual([]); // 09–10, 11–12, 13–14: exactly the buffer apart
    const tight = { ...hourly, rrule: 'FREQ=HOURLY;COUNT=2' };
    expect(brief([tight])).toEqual(['speaker 张三 h@2026-03-02T09:00 h@2026-03-02T10:00']);
    expect(createConflictIndex([], SH).check(tight)).toEqual(findConflicts([tight], SH));
      });
});

describe('location, unit day, campaign, holiday', () => {
  it('locations: same place however written, no buffer', () => {
    const a = ev('a', '2026-03-05T09:00', '2026-03-05T10:00', { location: 'Room  A ' });
    const b = ev('b', '2026-03-05T09:30', '2026-03-05T10:30', { location: 'room a' });
    const c = ev('c', '2026-03-05T10:30', '2026-03-05T11:00', { location: 'ROOM A' });
    const d = ev('d', '2026-03-05T09:00', '2026-03-05T09:30', { location: '３楼会议室' });
    const e = ev('e', '2026-03-05T09:00', '2026-03-05T09:30', { location: '3楼会议室' });
    expect(brief([a, b, c, d, e])).toEqual(['location Room A a@2026-03-05T09:00 b@2026-03-05T09:30', 'location ３楼会议室 d@2026-03-05T09:00 e@2026-03-05T09:00']);
    // Location clashes concern any event, not only tour sessions.
    expect(findConflicts([a, b], SH)[0].severity).toBe('hard');
  });

  it('unit day: the same host unit twice on a calendar day, soft', () => {
    const x = ev('x', '2026-03-05T09:00', undefined, { hostUnitId: 'u1' });
    const y = ev('y', '2026-03-05T20:00', undefined, { hostUnitId: 'u1' });
    const z = ev('z', '2026-03-06T09:00', undefined, { hostUnitId: 'u1' });
    const night = ev('n', '2026-03-06T23:30', '2026-03-07T00:30', { hostUnitId: 'u2' });
    const morning = ev('m', '2026-03-07T08:00', undefined, { hostUnitId: 'u2' });
    const conflicts = findConflicts([x, y, z, night, morning], SH);
    expect(conflicts.map((c) => `${c.kind} ${c.severity} ${c.a.id} ${c.b?.id}`)).toEqual(['unit-day soft x y', 'unit-day soft n m']);
  });

  it('outside its campaign: a session not within [start, end)', () => {
    const campaigns = [
      { id: 'c', title: 'C', start: '2026-03-01', end: '2026-04-01' },
      { id: 'gone', title: 'G', start: '2026-03-01', end: '2026-03-02', deletedAt: 5 },
    ];
    const s = (id: string, start: string, end: string, campaignId = 'c') => ev(id, start, end, { teamId: 't' + id, campaignId });
    const events = [
      s('in', '2026-03-31T23:00', '2026-04-01T00:00'),
      s('over', '2026-03-31T23:30', '2026-04-01T00:30'),
      s('early', '2026-02-28', '2026-03-02'),
      s('deleted-campaign', '2026-05-11T09:00', '2026-05-11T10:00', 'gone'),
      s('unknown', '2026-05-11T09:00', '2026-05-11T10:00', 'nope'),
      { ...s('not-a-session', '2026-05-11T09:00', '2026-05-11T10:00'), teamId: undefined },
    ];
    expect(brief(events, { ...SH, campaigns })).toEqual(['outside-campaign c early@2026-02-28', 'outside-campaign c over@2026-03-31T23:30']);
    expect(brief(events)).toEqual([]); // no campaigns given: rule skipped
  });

  it('holidays: statutory days off, not 调休 working days, only for sessions', () => {
    const events = [
      ev('nd', '2026-10-01T09:00', undefined, { teamId: 't' }),
      ev('week', '2026-09-30', '2026-10-09', { hostUnitId: 'u' }),
      ev('makeup', '2026-10-10T09:00', undefined, { teamId: 't' }), // Saturday worked in exchange
      ev('ceremony', '2026-10-01T08:00'), // no team, unit or speaker: not a session
      ev('midautumn', '2026-09-25T09:00', undefined, { speakers: ['张三'] }),
    ];
    expect(brief(events)).toEqual([
      'holiday 中秋节 midautumn@2026-09-25T09:00',
      'holiday 国庆节 week@2026-09-30',
      'holiday 国庆节 nd@2026-10-01T09:00',
    ]);
  });
});

describe('time zones', () => {
  it('Europe/Berlin spring forward: 01:30 CET and 03:15 CEST are 45 real minutes apart', () => {
    const o = { ...SH, timezone: 'Europe/Berlin' };
    const a = ev('a', '2026-03-29T00:30', '2026-03-29T01:30', { speakers: ['Anna'] });
    const b = ev('b', '2026-03-29T03:15', '2026-03-29T04:00', { speakers: ['Anna'] });
    expect(brief([a, b], o)).toEqual(['speaker Anna a@2026-03-29T00:30 b@2026-03-29T03:15']);
    // The same wall-clock times a week earlier are 105 minutes apart.
    const week = (e: EventRecord) => ({ ...e, start: e.start.replace('29', '22'), end: e.end!.replace('29', '22') });
    expect(brief([week(a), week(b)], o)).toEqual([]);
    // In Shanghai there is no change that night.
    expect(brief([a, b])).toEqual([]);
  });

  it('Europe/Berlin fall back: 01:30 CEST to 03:15 CET is 165 real minutes', () => {
    const o = { ...SH, timezone: 'Europe/Berlin', bufferMinutes: 120 };
    const a = ev('a', '2026-10-25T01:00', '2026-10-25T01:30', { teamId: 't' });
    const b = ev('b', '2026-10-25T03:15', '2026-10-25T04:00', { teamId: 't' });
    expect(brief([a, b], o)).toEqual([]);
    expect(brief([a, b], { ...o, timezone: 'Asia/Shanghai' })).toEqual(['team t a@2026-10-25T01:00 b@2026-10-25T03:15']);
  });

  it('an all-day session spans its local midnights: the 23-hour day in Berlin still touches the next day’s 00:30 not at all', () => {
    const o = { ...SH, timezone: 'Europe/Berlin', bufferMinutes: 0 };
    const day = ev('d', '2026-03-29', undefined, { teamId: 't' });
    expect(brief([day, ev('x', '2026-03-29T23:30', '2026-03-30T00:00', { teamId: 't' })], o)).toHaveLength(1);
    expect(brief([day, ev('y', '2026-03-30T00:00', '2026-03-30T00:30', { teamId: 't' })], o)).toHaveLength(0);
  });
});

describe('what is ignored, and the helpers', () => {
  it('ignores deleted and cancelled events', () => {
    const a = ev('a', '2026-03-05T09:00', undefined, { teamId: 't' });
    expect(brief([a, { ...a, id: 'b', status: 'cancelled' }, { ...a, id: 'c', deletedAt: 1 }])).toEqual([]);
    expect(brief([a, { ...a, id: 'd', status: 'done' }])).toHaveLength(1);
  });

  it('survives damaged records', () => {
    const bad = [ev('a', 'not a date', undefined, { teamId: 't' }), ev('b', '2026-03-05T09:00', 'nonsense', { teamId: 't', rrule: 'FREQ=SOMETIMES' })];
    expect(findConflicts(bad, SH)).toEqual([]);
  });

  it('conflictsByEvent and index.byId list every involved event once per conflict', () => {
    const events = [
      ev('a', '2026-03-05T09:00', undefined, { teamId: 't', hostUnitId: 'u' }),
      ev('b', '2026-03-05T09:30', undefined, { teamId: 't', hostUnitId: 'u' }),
      ev('c', '2026-10-01T09:00', undefined, { teamId: 'x' }),
    ];
    const byId = conflictsByEvent(findConflicts(events, SH));
    expect([...byId.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(byId.get('a')!.map((c) => c.kind)).toEqual(['team', 'unit-day']);
    expect(byId.get('c')!.map((c) => c.kind)).toEqual(['holiday']);
    expect(createConflictIndex(events, SH).byId()).toEqual(byId);
  });

  it('index.check of a dragged session: the edit stands in for the stored one', () => {
    const a = ev('a', '2026-03-05T09:00', undefined, { teamId: 't' });
    const b = ev('b', '2026-03-05T09:30', undefined, { teamId: 't' });
    const index = createConflictIndex([a, b], SH);
    expect(index.check(b)).toHaveLength(1);
    expect(index.check({ ...b, start: '2026-03-05T11:00' })).toEqual([]);
    expect(index.check({ ...b, start: '2026-03-05T06:00' })).toEqual([]);
    expect(index.check({ ...b, start: '2026-03-05T07:30' }).map((c) => [c.a.id, c.b?.id])).toEqual([['b', 'a']]);
  });
});
