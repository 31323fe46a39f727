import { describe, expect, it } from 'vitest';
import type { CampaignRecord, EventRecord } from '../../../shared/src/schema/types';
import { addDays, weekday } from '../../../shared/src/time/dates';
import { campaignItems, dayPosition, eventItems, plannedWindow, windowFor } from '../../../shared/src/timeline';

const ev = (id: string, f: Partial<EventRecord> = {}): EventRecord => ({ id, title: id, kind: 'meeting', start: '2026-03-10', status: 'confirmed', ...f });
const camp = (id: string, f: Partial<CampaignRecord> = {}): CampaignRecord => ({ id, title: id, start: '2026-03-01', end: '2026-04-01', ...f });

const MARCH = windowFor('month', '2026-03-01');
const PLAN_NOTE = '计划时间：3月上旬（2026-03-01 至 2026-03-10）';

describe('eventItems: single events', () => {
  it('gives an all-day event its day positions, exclusive end and fields', () => {
    const [item, ...rest] = eventItems(
      [ev('a', { start: '2026-03-10', end: '2026-03-13', kind: 'study', status: 'planned', campaignId: 'c', sectionIds: ['s1', 's2'], teamId: 't', leadUnit: '文明办' })],
      MARCH,
    );
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      key: 'a',
      id: 'a',
      type: 'event',
      title: 'a',
      start: '2026-03-10',
      end: '2026-03-13',
      s: dayPosition('2026-03-10'),
      e: dayPosition('2026-03-13'),
      marker: false,
      kind: 'study',
      status: 'planned',
      campaignId: 'c',
      sectionIds: ['s1', 's2'],
      teamId: 't',
      leadUnit: '文明办',
    });
    expect(item!.occurrence).toBeUndefined();
    expect(item!.window).toBeUndefined();
    expect(item!.e - item!.s).toBe(3);
  });

  it('uses the effective end when there is none, and draws one day or a timed event as a marker', () => {
    const items = eventItems([ev('day'), ev('timed', { start: '2026-03-10T14:30' }), ev('long-timed', { start: '2026-03-10T09:00', end: '2026-03-12T17:00' })], MARCH);
    const by = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(by.day).toMatchObject({ end: '2026-03-11', marker: true, sectionIds: [] });
    expect(by.day!.e - by.day!.s).toBe(1);
    expect(by.timed).toMatchObject({ end: '2026-03-10T15:30', marker: true });
    expect(by.timed!.s).toBeCloseTo(dayPosition('2026-03-10') + 14.5 / 24, 9);
    expect(by.timed!.e - by.timed!.s).toBeCloseTo(1 / 24, 9);
    expect(by['long-timed']!.marker).toBe(true);
  });

  it('keeps only what touches the window (half-open), and leaves the trash out', () => {
    const items = eventItems(
      [
        ev('before', { start: '2026-02-20', end: '2026-03-01' }), // ends exactly at the window's start
        ev('across-start', { start: '2026-02-20', end: '2026-03-02' }),
        ev('inside', { start: '2026-03-15' }),
        ev('last-day', { start: '2026-03-31' }),
        ev('after', { start: '2026-04-01' }),
        ev('timed-before', { start: '2026-02-28T23:00', end: '2026-03-01T00:00' }),
        ev('timed-across', { start: '2026-02-28T23:00', end: '2026-03-01T00:30' }),
        ev('trashed', { start: '2026-03-15', deletedAt: 5 }),
      ],
      MARCH,
    );
    expect(items.map((i) => i.id).sort()).toEqual(['across-start', 'inside', 'last-day', 'timed-across']);
  });
});

describe('eventItems: series', () => {
  const fridays = (w: { from: string; to: string }) => {
    const out: string[] = [];
    for (let d = w.from; d < w.to; d = addDays(d, 1)) if (weekday(d) === 5 && d >= '2026-03-06') out.push(d);
    return out;
  };

  it('gives one item per occurrence in the window, keyed id@start', () => {
    const series = ev('s', { start: '2026-03-06T14:30', end: '2026-03-06T16:00', rrule: 'FREQ=WEEKLY;BYDAY=FR' });
    for (const w of [MARCH, windowFor('quarter', '2026-03-01'), windowFor('month', '2026-04-01')]) {
      const items = eventItems([series], w);
      const expected = fridays(w).map((d) => `${d}T14:30`);
      expect(items.map((i) => i.key)).toEqual(expected.map((st) => `s@${st}`));
      expect(items.map((i) => i.occurrence)).toEqual(expected);
      for (const i of items) {
        expect(i.id).toBe('s');
        expect(i.start).toBe(i.occurrence);
        expect(i.end).toBe(`${i.start.slice(0, 10)}T16:00`);
        expect(i.start >= w.from && i.start < w.to).toBe(true);
        expect(i.marker).toBe(true);
      }
      // Keys are unique among the items drawn.
      expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    }
  });

  it('skips exdates, and an all-day series keeps its length', () => {
    const items = eventItems(
      [ev('w', { start: '2026-03-02', end: '2026-03-04', rrule: 'FREQ=WEEKLY;BYDAY=MO', exdates: ['2026-03-16'] })],
      MARCH,
    );
    expect(items.map((i) => i.key)).toEqual(['w@2026-03-02', 'w@2026-03-09', 'w@2026-03-23', 'w@2026-03-30']);
    for (const i of items) {
      expect(i.e - i.s).toBe(2);
      expect(i.marker).toBe(false);
    }
    // The last one runs past the window's end: it still touches it.
    expect(items.at(-1)!.end).toBe('2026-04-01');
  });

  it('includes an occurrence that began before the window but is still going', () => {
    const items = eventItems([ev('m', { start: '2026-01-27', end: '2026-02-03', rrule: 'FREQ=MONTHLY' })], MARCH);
    expect(items.map((i) => i.key)).toEqual(['m@2026-02-27', 'm@2026-03-27']);
  });

  it('stops at perSeries occurrences', () => {
    const daily = ev('d', { start: '2026-01-01', rrule: 'FREQ=DAILY' });
    expect(eventItems([daily], MARCH)).toHaveLength(31);
    expect(eventItems([daily], MARCH, 5).map((i) => i.start)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    expect(eventItems([daily], windowFor('year', '2026-01-01'))).toHaveLength(365);
  });

  it('leaves a trashed series out', () => {
    expect(eventItems([ev('d', { start: '2026-01-01', rrule: 'FREQ=DAILY', deletedAt: 1 })], MARCH)).toEqual([]);
  });
});

describe('planned windows', () => {
  it('parses the note left by draft acceptance as [from, to)', () => {
    expect(plannedWindow(PLAN_NOTE)).toEqual({ from: '2026-03-01', to: '2026-03-11' });
    expect(plannedWindow('Planned time: early March (2026-03-01 to 2026-03-10)')).toEqual({ from: '2026-03-01', to: '2026-03-11' });
    expect(plannedWindow('备注\n计划时间：全年（2026-01-01 至 2026-12-31）\n联系人')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(plannedWindow('计划时间：2月（2028-02-01 至 2028-02-29）')).toEqual({ from: '2028-02-01', to: '2028-03-01' });
  });

  it('finds none in other notes, reversed ranges or impossible dates', () => {
    expect(plannedWindow(undefined)).toBeNull();
    expect(plannedWindow('')).toBeNull();
    expect(plannedWindow('计划时间：3月上旬')).toBeNull();
    expect(plannedWindow('计划时间：（2026-03-10 至 2026-03-01）')).toBeNull();
    expect(plannedWindow('计划时间：（2100-02-01 至 2100-02-29）')).toBeNull();
  });

  it('gives a planned event the window as a band; a confirmed one gets none', () => {
    const items = eventItems(
      [ev('p', { start: '2026-03-01', status: 'planned', notes: PLAN_NOTE }), ev('c', { start: '2026-03-01', status: 'confirmed', notes: PLAN_NOTE })],
      MARCH,
    );
    const p = items.find((i) => i.id === 'p')!;
    const c = items.find((i) => i.id === 'c')!;
    expect(p.window).toEqual({ from: '2026-03-01', to: '2026-03-11', s: dayPosition('2026-03-01'), e: dayPosition('2026-03-11') });
    expect(c.window).toBeUndefined();
    // Its own date is unchanged.
    expect(p).toMatchObject({ start: '2026-03-01', end: '2026-03-02' });
  });

  it('shows a planned event whose window touches the view even when its date does not', () => {
    const p = ev('p', { start: '2026-02-27', status: 'planned', notes: '计划时间：（2026-02-25 至 2026-03-03）' });
    expect(eventItems([p], MARCH).map((i) => i.id)).toEqual(['p']);
    expect(eventItems([{ ...p, status: 'confirmed' }], MARCH)).toEqual([]);
  });

  it('gives no band to a planned series', () => {
    const items = eventItems([ev('s', { start: '2026-03-02', status: 'planned', notes: PLAN_NOTE, rrule: 'FREQ=WEEKLY' })], MARCH);
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(i.window).toBeUndefined();
  });
});

describe('campaignItems', () => {
  it('gives each live campaign touching the window a bar with its fields', () => {
    const items = campaignItems(
      [
        camp('c', { color: '#c00', leadUnit: '宣传部', sectionIds: ['s2'] }),
        camp('trashed', { deletedAt: 1 }),
        camp('earlier', { start: '2026-01-01', end: '2026-03-01' }),
        camp('later', { start: '2026-04-01', end: '2026-05-01' }),
        camp('across', { start: '2026-02-01', end: '2026-03-02' }),
      ],
      [],
      MARCH,
    );
    expect(items.map((i) => i.id)).toEqual(['c', 'across']);
    expect(items[0]).toEqual({
      key: 'c',
      id: 'c',
      type: 'campaign',
      title: 'c',
      start: '2026-03-01',
      end: '2026-04-01',
      s: dayPosition('2026-03-01'),
      e: dayPosition('2026-04-01'),
      marker: false,
      color: '#c00',
      sectionIds: ['s2'],
      leadUnit: '宣传部',
      progress: { done: 0, total: 0 },
    });
  });

  it('counts progress as done / all, leaving out cancelled and trashed activities and other campaigns', () => {
    const events = [
      ev('1', { campaignId: 'c', status: 'done' }),
      ev('2', { campaignId: 'c', status: 'done' }),
      ev('3', { campaignId: 'c', status: 'planned' }),
      ev('4', { campaignId: 'c', status: 'confirmed' }),
      ev('5', { campaignId: 'c', status: 'cancelled' }),
      ev('6', { campaignId: 'c', status: 'done', deletedAt: 3 }),
      ev('7', { campaignId: 'c', status: 'planned', deletedAt: 3 }),
      ev('8', { campaignId: 'other', status: 'done' }),
      ev('9', { status: 'done' }),
      // A series is one activity; outside the window it still counts.
      ev('10', { campaignId: 'c', status: 'confirmed', rrule: 'FREQ=DAILY', start: '2025-01-01' }),
    ];
    const items = campaignItems([camp('c'), camp('other'), camp('none')], events, MARCH);
    expect(Object.fromEntries(items.map((i) => [i.id, i.progress]))).toEqual({
      c: { done: 2, total: 5 },
      other: { done: 1, total: 1 },
      none: { done: 0, total: 0 },
    });
  });
});
