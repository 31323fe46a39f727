import { describe, expect, it } from 'vitest';
import {
  TOUR_TABLE_COLUMNS,
  tourTableCells,
  tourTableHeader,
  tourTableRows,
  tourTableTitle,
  type TourTableUnit,
} from '../../../shared/src/print';
import type { EventRecord } from '../../../shared/src/schema/types';

const units: TourTableUnit[] = [
  { id: 'u-school', name: '市第一中学', address: '人民路1号', contact: '王老师 13800000001' },
  { id: 'u-village', name: '东湖村', address: '东湖镇东湖村村委会' },
  { id: 'u-gone', name: '已撤并的街道', address: '老街', contact: '李主任' },
];

function sessions(): EventRecord[] {
  const events: EventRecord[] = [];
  const add = (e: Partial<EventRecord> & Pick<EventRecord, 'id' | 'title' | 'start'>) =>
    events.push({ kind: 'lecture', status: 'confirmed', teamId: 't1', ...e });
  add({
    id: 'timed',
    title: '学习贯彻党的二十届四中全会精神',
    start: '2026-05-12T09:00',
    end: '2026-05-12T10:30',
    hostUnitId: 'u-school',
    location: '学校报告厅',
    speakers: [' 张三 ', '李四', '张三', ''],
    participants: '全体教职工',
  });
  add({ id: 'no-end', title: '乡村振兴政策解读', start: '2026-05-12T14:30', hostUnitId: 'u-village', contact: '村支书 赵六' });
  add({ id: 'allday', title: '全天巡回宣讲', start: '2026-05-12', hostUnitId: 'u-school' });
  add({ id: 'multi', title: '三天集中宣讲', start: '2026-06-01', end: '2026-06-04', location: '市委党校' });
  add({ id: 'overnight', title: '夜间线上宣讲', start: '2026-06-10T22:00', end: '2026-06-11T01:00', hostUnitId: 'unknown-unit', location: '线上' });
  add({ id: 'gone-unit', title: '撤并前的最后一场', start: '2026-03-03T09:00', hostUnitId: 'u-gone' });
  // Weekly on Wednesdays in July; 15 July excluded → 1, 8, 22, 29.
  add({
    id: 'weekly',
    title: '每周三理论微宣讲',
    start: '2026-07-01T19:00',
    end: '2026-07-01T20:00',
    rrule: 'FREQ=WEEKLY;BYDAY=WE;UNTIL=20260731T235900',
    exdates: ['2026-07-15T19:00'],
    hostUnitId: 'u-village',
  });
  // A series begun last year: only this year's occurrences (8 Jan 2026 onwards).
  add({ id: 'old-series', title: '跨年系列宣讲', start: '2025-12-04T10:00', rrule: 'FREQ=MONTHLY;COUNT=3', hostUnitId: 'u-school' });
  // Starts in the old year and runs into this one: last year's row.
  add({ id: 'into-year', title: '跨年夜宣讲', start: '2025-12-31T23:00', end: '2026-01-01T01:00' });
  add({ id: 'new-year-eve', title: '岁末宣讲', start: '2026-12-31T20:00', end: '2027-01-01T00:30' });
  add({ id: 'next-year', title: '明年的宣讲', start: '2027-01-05T09:00' });
  add({ id: 'cancelled', title: '已取消的宣讲', start: '2026-05-20T09:00', status: 'cancelled' });
  add({ id: 'deleted', title: '已删除的宣讲', start: '2026-05-21T09:00', deletedAt: 1 });
  add({ id: 'other-team', title: '别的宣讲团', start: '2026-05-22T09:00', teamId: 't2' });
  add({ id: 'done', title: '<img src=x onerror=alert(1)>', start: '2026-04-01T09:00', status: 'done', hostUnitId: 'u-school' });
  return events;
}

const rows = tourTableRows({ events: sessions(), teamId: 't1', units, year: 2026 });
const byId = (id: string) => rows.find((r) => r.eventId === id)!;

describe('tourTableRows', () => {
  it('lists the team’s live, not cancelled sessions of the year, a row per occurrence', () => {
    expect(rows.map((r) => `${r.eventId}@${r.start}`)).toEqual([
      'old-series@2026-01-04T10:00',
      'old-series@2026-02-04T10:00',
      'gone-unit@2026-03-03T09:00',
      'done@2026-04-01T09:00',
      'allday@2026-05-12',
      'timed@2026-05-12T09:00',
      'no-end@2026-05-12T14:30',
      'multi@2026-06-01',
      'overnight@2026-06-10T22:00',
      'weekly@2026-07-01T19:00',
      'weekly@2026-07-08T19:00',
      'weekly@2026-07-22T19:00',
      'weekly@2026-07-29T19:00',
      'new-year-eve@2026-12-31T20:00',
    ]);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.filter((r) => r.recurring).map((r) => r.eventId)).toEqual(['old-series', 'old-series', 'weekly', 'weekly', 'weekly', 'weekly']);
  });

  it('gives the next year what starts in it, and nothing to another team', () => {
    const next = tourTableRows({ events: sessions(), teamId: 't1', units, year: 2027 });
    expect(next.map((r) => r.eventId)).toEqual(['next-year']);
    const last = tourTableRows({ events: sessions(), teamId: 't1', units, year: 2025 });
    expect(last.map((r) => `${r.eventId}@${r.start}`)).toEqual(['old-series@2025-12-04T10:00', 'into-year@2025-12-31T23:00']);
    expect(tourTableRows({ events: sessions(), teamId: 't2', units, year: 2026 }).map((r) => r.eventId)).toEqual(['other-team']);
    expect(tourTableRows({ events: sessions(), teamId: 'nobody', units, year: 2026 })).toEqual([]);
  });

  it('writes the date, weekday and time range', () => {
    expect(byId('timed').time).toBe('5月12日（周二）\n09:00—10:30');
    expect(byId('no-end').time).toBe('5月12日（周二）\n14:30');
    expect(byId('allday').time).toBe('5月12日（周二）');
    expect(byId('multi').time).toBe('6月1日（周一）—\n6月3日（周三）');
    expect(byId('overnight').time).toBe('6月10日（周三）22:00—\n6月11日（周四）01:00');
    expect(byId('new-year-eve').time).toBe('12月31日（周四）20:00—\n2027年1月1日（周五）00:30');
  });

  it('names the host unit with the session’s place or the unit’s address, and falls back to the unit’s contact', () => {
    expect(byId('timed')).toMatchObject({ hostName: '市第一中学', hostPlace: '学校报告厅', host: '市第一中学\n学校报告厅', contact: '王老师 13800000001' });
    expect(byId('allday')).toMatchObject({ host: '市第一中学\n人民路1号' });
    expect(byId('no-end')).toMatchObject({ host: '东湖村\n东湖镇东湖村村委会', contact: '村支书 赵六' });
    // No unit: the location alone; an id the directory does not know: the same.
    expect(byId('multi')).toMatchObject({ hostName: '', host: '市委党校', contact: '' });
    expect(byId('overnight')).toMatchObject({ host: '线上', unitId: 'unknown-unit' });
    // A unit since deleted still names the sessions held there.
    expect(byId('gone-unit')).toMatchObject({ host: '已撤并的街道\n老街', contact: '李主任' });
  });

  it('lists each speaker once, keeps titles as written, and fills participants', () => {
    expect(byId('timed')).toMatchObject({ speakers: '张三、李四', participants: '全体教职工', title: '学习贯彻党的二十届四中全会精神' });
    expect(byId('done')).toMatchObject({ title: '<img src=x onerror=alert(1)>', status: 'done' });
  });

  it('writes English', () => {
    const en = tourTableRows({ events: sessions(), teamId: 't1', units, year: 2026, locale: 'en' });
    const get = (id: string) => en.find((r) => r.eventId === id)!;
    expect(get('timed')).toMatchObject({ time: 'Tue 12 May\n09:00–10:30', speakers: '张三, 李四' });
    expect(get('multi').time).toBe('Mon 1 Jun –\nWed 3 Jun');
    expect(get('new-year-eve').time).toBe('Thu 31 Dec 20:00 –\nFri 1 Jan 2027 00:30');
    expect(tourTableHeader('en')).toEqual(['No.', 'Time', 'Host unit / place', 'Speakers', 'Topic', 'Participants', 'Contact']);
    expect(tourTableTitle('Team One', 2026, 'en')).toBe('Team One — Lecture schedule 2026');
  });
});

describe('tour table columns and title', () => {
  it('has the seven columns, widths summing to 100', () => {
    expect(tourTableHeader()).toEqual(['序号', '时间', '承办单位/地点', '宣讲人', '题目', '参加对象', '联系人']);
    expect(TOUR_TABLE_COLUMNS.reduce((n, c) => n + c.width, 0)).toBe(100);
  });

  it('gives a row’s cells in column order', () => {
    expect(tourTableCells(byId('timed'))).toEqual([
      String(byId('timed').seq),
      '5月12日（周二）\n09:00—10:30',
      '市第一中学\n学校报告厅',
      '张三、李四',
      '学习贯彻党的二十届四中全会精神',
      '全体教职工',
      '王老师 13800000001',
    ]);
  });

  it('titles the sheet with the team and the year', () => {
    expect(tourTableTitle(' 市委宣讲团第一分团 ', 2026)).toBe('市委宣讲团第一分团宣讲安排表（2026年）');
  });
});
