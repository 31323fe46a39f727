import { describe, expect, it } from 'vitest';
import type { EventFields, EventRecord, TeamRecord, UnitRecord } from '../../../shared/src/schema/types';
import { UNIT_CATEGORIES } from '../../../shared/src/schema/types';
import { addDays, datePart, isAllDay, lastDayInclusive } from '../../../shared/src/time/dates';
import { expandOccurrences } from '../../../shared/src/time/recurrence';
import { addressPrefix, findConflicts, groupUnits, isTourDay, proposeTour, type TourRequest } from '../../../shared/src/tours';
import { mulberry32 } from '../../helpers/prng';

const team: TeamRecord = { id: 't1', name: '第一宣讲分队', members: ['张三', '李四', '王五', '赵六'] };
const unit = (id: string, extra: Partial<UnitRecord> = {}): UnitRecord => ({ id, name: `单位${id}`, category: 'community', target: true, address: `东区${id}号`, ...extra });
const units = (n: number) => Array.from({ length: n }, (_, i) => unit(`u${i + 1}`));

function request(extra: Partial<TourRequest>): TourRequest {
  return {
    team,
    units: units(3),
    from: '2026-03-02',
    to: '2026-03-07',
    perDay: 1,
    slots: ['09:00'],
    durationMinutes: 90,
    existing: [],
    timezone: 'Asia/Shanghai',
    bufferMinutes: 60,
    order: 'given',
    ...extra,
  };
}

const days = (drafts: EventFields[]) => drafts.map((d) => d.start);
const withIds = (drafts: EventFields[]): EventRecord[] => drafts.map((d, i) => ({ ...d, id: `draft${i}` }));

describe('proposeTour: the shape of a draft', () => {
  it('one planned lecture per unit, at the unit’s address, with the team and all its members by default', () => {
    const { drafts, unplaced } = proposeTour(request({ units: [unit('u1'), unit('u2', { address: undefined })] }));
    expect(unplaced).toEqual([]);
    expect(drafts).toEqual([
      {
        title: '第一宣讲分队 · 单位u1',
        kind: 'lecture',
        status: 'planned',
        start: '2026-03-02T09:00',
        end: '2026-03-02T10:30',
        teamId: 't1',
        speakers: ['张三', '李四', '王五', '赵六'],
        hostUnitId: 'u1',
        location: '东区u1号',
      },
      expect.objectContaining({ start: '2026-03-03T09:00', hostUnitId: 'u2', location: '单位u2' }),
    ]);
  });

  it('takes a custom title, the team’s campaign, and leaves speakers out for a team without members', () => {
    const t = { ...team, members: [], campaignId: 'c1' };
    const [d] = proposeTour(request({ team: t, units: [unit('u1')], title: (u) => `宣讲进${u.name}` })).drafts;
    expect(d.title).toBe('宣讲进单位u1');
    expect(d.campaignId).toBe('c1');
    expect(d).not.toHaveProperty('speakers');
  });

  it('refuses nonsense parameters with a RangeError', () => {
    for (const bad of [{ perDay: 0 }, { perDay: 1.5 }, { slots: ['9:00'] }, { slots: ['24:00'] }, { durationMinutes: 0 }, { from: '2026-02-30' }, { speakersPerSession: -1 }])
      expect(() => proposeTour(request(bad))).toThrow(RangeError);
  });
});

describe('proposeTour: days', () => {
  it('skips weekends, and honours perDay over several slots', () => {
    const { drafts } = proposeTour(request({ units: units(5), from: '2026-03-05', to: '2026-03-12', perDay: 2, slots: ['14:30', '09:00', '16:30'] }));
    // Thu 5, Fri 6, (weekend), Mon 9: two a day, morning first; 16:30 is too close to 14:30 + 90 + buffer.
    expect(days(drafts)).toEqual(['2026-03-05T09:00', '2026-03-05T14:30', '2026-03-06T09:00', '2026-03-06T14:30', '2026-03-09T09:00']);
  });

  it('2026 National Day: no sessions 1–7 October, the make-up Saturday 10 October is a working day', () => {
    const base = request({ units: units(7), from: '2026-09-28', to: '2026-10-13' });
    expect(days(proposeTour(base).drafts).map(datePart)).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
    // Weekends allowed: Sunday 11 October too, still not the holidays (3–4 October are holidays, not weekends).
    expect(days(proposeTour({ ...base, allowWeekends: true }).drafts).map(datePart)).toEqual([
      '2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-11',
    ]);
    expect(days(proposeTour({ ...base, allowHolidays: true }).drafts).map(datePart)).toEqual([
      '2026-09-28', '2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04',
    ]);
  });

  it('the make-up Sunday before National Day (20 September 2026) and the holiday days of 春节', () => {
    expect(days(proposeTour(request({ units: units(2), from: '2026-09-19', to: '2026-09-23' })).drafts).map(datePart)).toEqual(['2026-09-20', '2026-09-21']);
    expect(isTourDay('2026-02-14')).toBe(true); // Saturday worked before 春节
    expect(isTourDay('2026-02-16')).toBe(false);
    expect(isTourDay('2026-02-24')).toBe(true);
  });

  it('reports the units that do not fit, deleted and repeated ones', () => {
    const list = [...units(4), unit('gone', { deletedAt: 1 }), unit('u1')];
    const { drafts, unplaced } = proposeTour(request({ units: list, from: '2026-03-02', to: '2026-03-05' }));
    expect(drafts.map((d) => d.hostUnitId)).toEqual(['u1', 'u2', 'u3']);
    expect(unplaced).toEqual([
      { unitId: 'u4', reason: 'no-free-slot' },
      { unitId: 'gone', reason: 'deleted' },
      { unitId: 'u1', reason: 'duplicate' },
    ]);
  });
});

describe('proposeTour: booking around other sessions', () => {
  const other = (id: string, start: string, end: string, extra: Partial<EventRecord>): EventRecord => ({ id, title: id, kind: 'lecture', status: 'planned', start, end, ...extra });

  it('keeps the travel buffer from the team’s existing sessions', () => {
    const existing = [other('x', '2026-03-02T07:00', '2026-03-02T08:30', { teamId: 't1' })];
    // 08:30 + 60 > 09:00: not on Monday with a 60-minute buffer, fine with 30 (exactly 30 apart).
    expect(days(proposeTour(request({ units: [unit('u1')], existing, perDay: 2 })).drafts)).toEqual(['2026-03-03T09:00']);
    expect(days(proposeTour(request({ units: [unit('u1')], existing, perDay: 2, bufferMinutes: 30 })).drafts)).toEqual(['2026-03-02T09:00']);
    // A cancelled or deleted session books nothing.
    expect(days(proposeTour(request({ units: [unit('u1')], existing: [{ ...existing[0], status: 'cancelled' }] })).drafts)).toEqual(['2026-03-02T09:00']);
  });

  it('counts existing sessions of the team towards perDay', () => {
    const existing = [other('x', '2026-03-02T15:00', '2026-03-02T16:00', { teamId: 't1' })];
    expect(days(proposeTour(request({ units: [unit('u1')], existing })).drafts)).toEqual(['2026-03-03T09:00']);
    expect(days(proposeTour(request({ units: [unit('u1')], existing, perDay: 2 })).drafts)).toEqual(['2026-03-02T09:00']);
  });

  it('chooses free speakers, the least booked first; a fixed list must be free as a whole', () => {
    const existing = [other('y', '2026-03-02T09:00', '2026-03-02T12:00', { speakers: ['张三'], teamId: 'other-team' })];
    const r = request({ units: units(4), speakersPerSession: 2, existing });
    expect(proposeTour(r).drafts.map((d) => d.speakers)).toEqual([
      ['李四', '王五'], // 张三 is busy on Monday morning
      ['张三', '赵六'],
      ['张三', '李四'], // everyone has spoken once: the team's order decides
      ['王五', '赵六'],
    ]);
    const fixed = proposeTour({ ...r, speakersPerSession: ['张三', '李四'] }).drafts;
    expect(fixed.map((d) => [d.start, d.speakers])).toEqual([
      ['2026-03-03T09:00', ['张三', '李四']],
      ['2026-03-04T09:00', ['张三', '李四']],
      ['2026-03-05T09:00', ['张三', '李四']],
      ['2026-03-06T09:00', ['张三', '李四']],
    ]);
    // All members (the default) and one of them busy: the slot is not free.
    expect(days(proposeTour({ ...r, speakersPerSession: undefined, units: units(1) }).drafts)).toEqual(['2026-03-03T09:00']);
  });

  it('a unit whose place is taken waits; another unit takes the slot', () => {
    const existing = [other('z', '2026-03-02T08:00', '2026-03-02T18:00', { location: '东区u1号' })];
    const { drafts } = proposeTour(request({ units: units(2), existing }));
    expect(drafts.map((d) => [d.hostUnitId, d.start])).toEqual([
      ['u2', '2026-03-02T09:00'],
      ['u1', '2026-03-03T09:00'],
    ]);
  });
});

describe('grouped order', () => {
  it('category, then address prefix, then name; no address last', () => {
    const list = [
      unit('a', { name: '10号楼社区', address: '江宁区东山街道', category: 'community' }),
      unit('b', { name: '某中学', address: '玄武区', category: 'school' }),
      unit('c', { name: '2号楼社区', address: '江宁区东山街道', category: 'community' }),
      unit('d', { name: '财政局', address: '玄武区北京东路', category: 'agency' }),
      unit('e', { name: '阳光社区', address: undefined, category: 'community' }),
      unit('f', { name: '鼓楼社区', address: '鼓楼区湖南路', category: 'community' }),
    ];
    // Pinyin order (鼓楼 gu before 江宁 jiang), numbers by value (2号楼 before 10号楼).
    expect(groupUnits(list).map((u) => u.id)).toEqual(['d', 'f', 'c', 'a', 'e', 'b']);
    expect(proposeTour(request({ units: list, order: undefined, to: '2026-03-12' })).drafts.map((d) => d.hostUnitId)).toEqual(['d', 'f', 'c', 'a', 'e', 'b']);
    expect(proposeTour(request({ units: list, order: 'given', to: '2026-03-12' })).drafts.map((d) => d.hostUnitId)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('address prefixes', () => {
    expect(addressPrefix('南京市玄武区孝陵卫街道钟灵街50号')).toBe('南京市玄武区孝陵卫街道');
    expect(addressPrefix('江宁区汤山镇汤泉路')).toBe('江宁区汤山镇');
    expect(addressPrefix('玄武区中山路1号')).toBe('玄武区');
    expect(addressPrefix('苏州市人民路')).toBe('苏州市');
    expect(addressPrefix('人民路8号')).toBe('人民路8号');
    expect(addressPrefix(undefined)).toBe('');
  });
});

describe('proposeTour: generated cases', () => {
  it('never produces a hard conflict with existing sessions or itself, keeps perDay and tour days, places or reports every unit', () => {
    const rand = mulberry32(31);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const people = ['张三', '李四', '王五', '赵六', '钱七', '孙八'];
    let placedTotal = 0;
    for (let k = 0; k < 250; k++) {
      const timezone = pick(['Asia/Shanghai', 'Europe/Berlin']);
      const from = pick(['2026-03-23', '2026-09-24', '2026-05-28', '2026-10-19']);
      const to = addDays(from, 5 + Math.floor(rand() * 20));
      const t: TeamRecord = { id: 'T', name: 'T', members: people.filter(() => rand() < 0.6) };
      const addresses = ['东区1号', '东区2号', '西区1号', undefined];
      const list = Array.from({ length: 1 + Math.floor(rand() * 15) }, (_, i) =>
        unit(`u${i}`, { category: pick(UNIT_CATEGORIES), address: pick(addresses), ...(rand() < 0.05 ? { deletedAt: 1 } : {}) }),
      );
      const existing: EventRecord[] = Array.from({ length: Math.floor(rand() * 30) }, (_, i) => {
        const day = addDays(from, Math.floor(rand() * 25) - 2);
        const allDay = rand() < 0.1;
        const start = allDay ? day : `${day}T${String(7 + Math.floor(rand() * 12)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`;
        return {
          id: `x${i}`,
          title: `x${i}`,
          kind: 'lecture',
          status: pick(['planned', 'done', 'cancelled'] as const),
          start,
          end: allDay ? addDays(day, 1) : undefined,
          ...(rand() < 0.3 ? { teamId: pick(['T', 'other']) } : {}),
          ...(rand() < 0.6 ? { speakers: [pick(people)] } : {}),
          ...(rand() < 0.3 ? { location: pick(['东区1号', '单位u1', '西区1号']) } : {}),
          ...(rand() < 0.15 ? { rrule: 'FREQ=DAILY;COUNT=3' } : {}),
        } as EventRecord;
      });
      const bufferMinutes = pick([0, 30, 60, 120]);
      const r: TourRequest = {
        team: t,
        units: list,
        from,
        to,
        perDay: 1 + Math.floor(rand() * 3),
        slots: [...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(['08:30', '09:00', '10:30', '14:00', '14:30', '16:00', '19:00'])))],
        durationMinutes: pick([45, 60, 90, 120]),
        allowWeekends: rand() < 0.3,
        allowHolidays: rand() < 0.2,
        speakersPerSession: rand() < 0.5 ? Math.floor(rand() * 4) : undefined,
        existing,
        timezone,
        bufferMinutes,
        order: rand() < 0.5 ? 'given' : 'grouped',
      };
      const { drafts, unplaced } = proposeTour(r);
      placedTotal += drafts.length;
      const ds = withIds(drafts);
      const hard = findConflicts([...existing, ...ds], { from: addDays(from, -2), to: addDays(to, 2), timezone, bufferMinutes }).filter(
        (c) => c.severity === 'hard' && (c.a.id.startsWith('draft') || c.b?.id.startsWith('draft')),
      );
      expect(hard, `case ${k}`).toEqual([]);
      // Every unit once: placed or reported.
      expect([...drafts.map((d) => d.hostUnitId), ...unplaced.map((u) => u.unitId)].sort()).toEqual(list.map((u) => u.id).sort());
      for (const d of drafts) {
        const day = datePart(d.start);
        expect(day >= from && day < to && isTourDay(day, r.allowWeekends, r.allowHolidays)).toBe(true);
        const teamThatDay = [...existing.filter((e) => e.teamId === 'T' && e.status !== 'cancelled'), ...ds].filter((e) =>
          expandOccurrences(e, day, addDays(day, 1)).some((o) => datePart(o.start) <= day && day <= lastDayInclusive(o.start, o.end)),
        );
        expect(teamThatDay.length).toBeLessThanOrEqual(r.perDay);
        expect(isAllDay(d.start)).toBe(false);
      }
    }
    expect(placedTotal).toBeGreaterThan(500);
  }, 60_000);
});
