import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/time/dates';
import { expandOccurrences } from '@shared/time/recurrence';
import { occurrencesIn, toEventInputs } from '../../client/src/calendar/event-inputs';
import type { IndexedEvent } from '../../client/src/storage/event-index';
import { mulberry32 } from '../helpers/prng';

const plain = (xs: { start: string; end: string }[]) => xs.map((o) => `${o.start}/${o.end}`);

describe('event inputs: occurrences cached per series and month', () => {
  it('equal expandOccurrences for random series and ranges, whatever was cached before', () => {
    const rand = mulberry32(5);
    const int = (n: number) => Math.floor(rand() * n);
    const pick = <T>(xs: readonly T[]) => xs[int(xs.length)];
    const rules = ['FREQ=WEEKLY;BYDAY=FR', 'FREQ=MONTHLY', 'FREQ=MONTHLY;INTERVAL=3', 'FREQ=DAILY;COUNT=20', 'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261231', 'FREQ=YEARLY', 'FREQ=DAILY;INTERVAL=2', 'NOT A RULE'];
    for (let n = 0; n < 60; n++) {
      const day = addDays('2025-11-01', int(300));
      const timed = rand() < 0.5;
      const start = timed ? `${day}T${String(int(24)).padStart(2, '0')}:30` : day;
      // Some occurrences span days (and so month boundaries).
      const end = rand() < 0.3 ? (timed ? `${addDays(day, 1 + int(4))}T09:00` : addDays(day, 2 + int(6))) : undefined;
      const exdates = rand() < 0.3 ? [addDays(day, 7), addDays(day, 14)].map((d) => (timed ? `${d}${start.slice(10)}` : d)) : undefined;
      const series: IndexedEvent = { id: `s${n}`, title: 't', kind: 'study', status: 'planned', start, rrule: pick(rules), ...(end ? { end } : {}), ...(exdates ? { exdates } : {}) };
      for (let q = 0; q < 8; q++) {
        const from = addDays('2025-10-01', int(500));
        const to = addDays(from, 1 + int(rand() < 0.7 ? 45 : 120));
        expect(plain(occurrencesIn(series, from, to, expandOccurrences)), `${series.rrule} ${start} ${end} ${from}..${to}`).toEqual(plain(expandOccurrences(series, from, to)));
      }
    }
  });

  it('expands a changed series afresh (a new record object)', async () => {
    const weekly: IndexedEvent = { id: 'w', title: '每周五学习', kind: 'study', status: 'planned', start: '2026-01-02T15:00', rrule: 'FREQ=WEEKLY;BYDAY=FR' };
    const march = await toEventInputs([weekly], '2026-03-01', '2026-04-01');
    expect(march.map((e) => e.start)).toEqual(['2026-03-06T15:00', '2026-03-13T15:00', '2026-03-20T15:00', '2026-03-27T15:00']);
    const skipped = { ...weekly, exdates: ['2026-03-13T15:00'] };
    const again = await toEventInputs([skipped], '2026-03-01', '2026-04-01');
    expect(again.map((e) => e.start)).toEqual(['2026-03-06T15:00', '2026-03-20T15:00', '2026-03-27T15:00']);
    // Same timing, other title: the occurrences are reused, the inputs are not.
    const renamed = { ...skipped, title: '每周五理论学习', status: 'done' as const };
    const third = await toEventInputs([renamed], '2026-03-01', '2026-04-01');
    expect(third.map((e) => [e.start, e.title, e.className])).toEqual(
      ['2026-03-06T15:00', '2026-03-20T15:00', '2026-03-27T15:00'].map((s) => [s, '每周五理论学习', 'cc-event kind-study status-done recurring']),
    );
    // And who has it open shows without a change to the record.
    const open = await toEventInputs([renamed], '2026-03-01', '2026-04-01', new Map([['w', '张三']]));
    expect(open.every((e) => e.extendedProps?.editingBy === '张三' && String(e.className).includes('cc-editing'))).toBe(true);
  });
});

describe('event inputs: phases of a contest', () => {
  const main: IndexedEvent = { id: 'm', title: '读书知识竞赛', kind: 'contest', status: 'planned', start: '2026-09-01', end: '2026-10-23' };
  const notice: IndexedEvent = { id: 'p1', title: '读书知识竞赛·发布通知', kind: 'publicity', status: 'planned', start: '2026-09-01', parentId: 'm', phase: 'notice' };
  const final: IndexedEvent = { id: 'p2', title: '读书知识竞赛·决赛', kind: 'contest', status: 'planned', start: '2026-10-16T14:30', parentId: 'm', after: 'p1' };
  const other: IndexedEvent = { id: 'x', title: '理论学习', kind: 'study', status: 'planned', start: '2026-09-03' };

  it("colours a phase with its main event's kind and keeps the main event from being resized by hand", async () => {
    const inputs = await toEventInputs([main, notice, final, other], '2026-09-01', '2026-11-01');
    const by = new Map(inputs.map((i) => [i.id, i]));
    expect(by.get('p1')!.color).toBe(by.get('m')!.color);
    expect(by.get('p1')!.color).not.toBe(by.get('x')!.color);
    expect(String(by.get('p1')!.className)).toContain('cc-phase');
    expect(String(by.get('m')!.className)).toContain('cc-phase-main');
    expect(by.get('m')!.durationEditable).toBe(false);
    expect(by.get('x')).not.toHaveProperty('durationEditable');
    expect(String(by.get('x')!.className)).not.toContain('cc-phase');
  });

  it('a phase whose main event is not in the batch keeps its own colour', async () => {
    const [only] = await toEventInputs([{ ...notice, id: 'p9' }], '2026-09-01', '2026-10-01');
    const [alone] = await toEventInputs([{ ...notice, id: 'p8', parentId: undefined }], '2026-09-01', '2026-10-01');
    expect(only!.color).toBe(alone!.color);
  });
});
