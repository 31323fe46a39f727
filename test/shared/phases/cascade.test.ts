import { describe, expect, it } from 'vitest';
import { builtInTemplate, cascadeMove, instantiateTemplate, PhaseCycleError } from '../../../shared/src/phases';
import { apply, byId, chain, toRecords } from './fixtures';

// a (Mon 1 Jun) → b lag 2 days → c lag 0 → d lag 1 working day, with slack before d.
const base = () =>
  chain([
    { id: 'a', start: '2026-06-01', end: '2026-06-03' },
    { id: 'b', start: '2026-06-05', after: 'a', lagDays: 2 },
    { id: 'c', start: '2026-06-06T10:00', end: '2026-06-06T12:00', after: 'b', lagDays: 0 },
    { id: 'd', start: '2026-06-12', after: 'c', lagDays: 1, lagUnit: 'workday' },
  ]);

describe('cascadeMove keep-gaps', () => {
  it('moves every successor so it keeps its lag exactly', () => {
    const changes = cascadeMove(base(), 'a', '2026-06-08', '2026-06-10', 'keep-gaps');
    expect(changes).toEqual([
      { id: 'a', start: '2026-06-08', end: '2026-06-10' },
      { id: 'b', start: '2026-06-12', end: '2026-06-13' },
      { id: 'c', start: '2026-06-13T10:00', end: '2026-06-13T12:00' },
      // d had four working days after c (8–11 Jun), more than its lag of 1: it keeps them.
      // c ends Sat 13 Jun → 15–18 Jun between; Fri 19 Jun is 端午节 → Mon 22 Jun.
      { id: 'd', start: '2026-06-22', end: '2026-06-23' },
      { id: 'main', start: '2026-06-08', end: '2026-06-23' },
    ]);
  });

  it('keeps the moved phase length when no end is given, and leaves predecessors alone', () => {
    const changes = cascadeMove(base(), 'c', '2026-06-08T15:30', undefined, 'keep-gaps');
    expect(changes.map((c) => c.id)).toEqual(['c', 'd', 'main']);
    expect(changes[0]).toEqual({ id: 'c', start: '2026-06-08T15:30', end: '2026-06-08T17:30' });
    // Four working days after c as before (9–12 Jun) → Mon 15 Jun.
    expect(changes[1]).toEqual({ id: 'd', start: '2026-06-15', end: '2026-06-16' });
  });

  it('a phase sitting on its lag stays on it (lag 0 working days)', () => {
    const events = chain([
      { id: 'a', start: '2026-06-01' },
      { id: 'b', start: '2026-06-02', after: 'a', lagDays: 0, lagUnit: 'workday' },
    ]);
    // a on Fri 5 Jun: the next working day is Mon 8 Jun.
    expect(cascadeMove(events, 'a', '2026-06-05', undefined, 'keep-gaps')[1]).toEqual({ id: 'b', start: '2026-06-08', end: '2026-06-09' });
  });

  it('across 国庆: the working-day lag stays, the calendar gap stretches', () => {
    const events = chain([
      { id: 'a', start: '2026-09-14' },
      { id: 'b', start: '2026-09-16', after: 'a', lagDays: 1, lagUnit: 'workday' },
    ]);
    const changes = byId(apply(events, cascadeMove(events, 'a', '2026-09-29', undefined, 'keep-gaps')));
    // a on Tue 29 Sep; 30 Sep is the working day between; 1–7 Oct off → Thu 8 Oct.
    expect(changes.get('b')!.start).toBe('2026-10-08');
  });
});

describe('cascadeMove on-overlap', () => {
  it('moves a successor only when it now starts too early, and to exactly its earliest start', () => {
    const changes = cascadeMove(base(), 'a', '2026-06-02', '2026-06-04', 'on-overlap');
    // b must start 4+2 = 6 Jun; c after b (end 7 Jun) at 10:00; d (12 Jun) still has its slack.
    expect(changes).toEqual([
      { id: 'a', start: '2026-06-02', end: '2026-06-04' },
      { id: 'b', start: '2026-06-06', end: '2026-06-07' },
      { id: 'c', start: '2026-06-07T10:00', end: '2026-06-07T12:00' },
      { id: 'main', start: '2026-06-02', end: '2026-06-13' },
    ]);
  });

  it('moving a phase earlier pulls nothing', () => {
    const changes = cascadeMove(base(), 'b', '2026-06-04', undefined, 'on-overlap');
    expect(changes).toEqual([{ id: 'b', start: '2026-06-04', end: '2026-06-05' }]);
  });
});

describe('moving the main event', () => {
  it('moves all its phases by the same offset, keeping gaps', () => {
    const inst = instantiateTemplate(builtInTemplate('essay-contest')!, { title: 'x', anchor: { mainStart: '2026-06-22' } });
    const events = toRecords(inst);
    const main = events[0]!;
    const changes = cascadeMove(events, 'main', '2026-06-29', undefined, 'on-overlap');
    const moved = byId(apply(events, changes));
    expect(changes.length).toBe(events.length);
    // No holiday or 调休 day between late June and September 2026, so every phase moves by exactly a week.
    for (const p of inst.phases) {
      const id = p.tempId.replace('phase:', '');
      expect(moved.get(id)!.start.slice(0, 10)).toBe(shiftWeek(p.start));
    }
    expect(moved.get('main')!.start).toBe('2026-06-29');
    expect(moved.get('main')!.end).toBe(shiftWeek(main.end!));
  });
});

describe('moving the main event across 国庆', () => {
  it('shifts the first phase by the offset; working-day lags stay working-day lags', () => {
    const events = chain([
      { id: 'a', start: '2026-09-21' },
      { id: 'b', start: '2026-09-23', after: 'a', lagDays: 1, lagUnit: 'workday' },
      { id: 'c', start: '2026-09-26', after: 'b', lagDays: 2 },
    ]);
    const moved = byId(apply(events, cascadeMove(events, 'main', '2026-09-29', undefined, 'keep-gaps')));
    expect(moved.get('a')!.start).toBe('2026-09-29');
    // 30 Sep is the one working day between; 1–7 Oct off → b on Thu 8 Oct, c two days after it ends.
    expect(moved.get('b')!.start).toBe('2026-10-08');
    expect(moved.get('c')!.start).toBe('2026-10-11');
    expect([moved.get('main')!.start, moved.get('main')!.end]).toEqual(['2026-09-29', '2026-10-12']);
  });
});

describe('what cascadeMove ignores and refuses', () => {
  it('ignores series and deleted events', () => {
    const events = [
      ...base(),
      { id: 's', title: 'weekly', kind: 'meeting' as const, status: 'planned' as const, start: '2026-06-05', after: 'a', rrule: 'FREQ=WEEKLY' },
      { id: 'x', title: 'gone', kind: 'meeting' as const, status: 'planned' as const, start: '2026-06-05', after: 'a', deletedAt: 1 },
    ];
    const ids = cascadeMove(events, 'a', '2026-06-08', undefined, 'keep-gaps').map((c) => c.id);
    expect(ids).not.toContain('s');
    expect(ids).not.toContain('x');
    expect(() => cascadeMove(events, 's', '2026-06-08', undefined, 'keep-gaps')).toThrow(/no live, non-series event/);
  });

  it('refuses a loop of links, naming the phases', () => {
    const events = chain([
      { id: 'a', start: '2026-06-01', after: 'c' },
      { id: 'b', start: '2026-06-02', after: 'a' },
      { id: 'c', start: '2026-06-03', after: 'b' },
      { id: 'd', start: '2026-06-04' },
    ]);
    let error: unknown;
    try {
      cascadeMove(events, 'd', '2026-06-05', undefined, 'keep-gaps');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PhaseCycleError);
    const cycle = error as PhaseCycleError;
    expect([...cycle.ids].sort()).toEqual(['a', 'b', 'c']);
    expect(cycle.message).toMatch(/a → b → c|b → c → a|c → a → b/);
    expect(() => cascadeMove(events, 'main', '2026-06-05', undefined, 'keep-gaps')).toThrow(PhaseCycleError);
    const self = chain([{ id: 'a', start: '2026-06-01', after: 'a' }]);
    expect(() => cascadeMove(self, 'a', '2026-06-05', undefined, 'on-overlap')).toThrow(PhaseCycleError);
  });
});

function shiftWeek(v: string): string {
  const d = new Date(`${v.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7);
  return d.toISOString().slice(0, 10);
}
