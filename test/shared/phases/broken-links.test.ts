import { describe, expect, it } from 'vitest';
import { brokenLinks, builtInTemplate, cascadeMove, fixLinks, instantiateTemplate, PhaseCycleError } from '../../../shared/src/phases';
import { apply, byId, chain, toRecords } from './fixtures';

describe('broken links after concurrent offline edits', () => {
  // Alice moves 初赛 (Wed 25 Nov) two days later; on-overlap pushes 复赛 and what follows.
  // Bob, offline on the old plan, moves 复赛 (Thu 3 Dec) one day later: valid for him.
  // The merge keeps the last write per event, Bob's for everything his cascade touched: 复赛
  // on Fri 4 Dec now starts before Alice's 初赛 + 5 working days.
  const inst = instantiateTemplate(builtInTemplate('knowledge-contest')!, { title: '知识竞赛', anchor: { mainStart: '2026-11-02' } });
  const events = toRecords(inst);
  const alice = cascadeMove(events, 'preliminary', '2026-11-27T09:00', undefined, 'on-overlap');
  const bob = cascadeMove(events, 'semifinal', '2026-12-04T14:00', undefined, 'on-overlap');
  const merged = apply(apply(events, alice), bob);

  it('each edit alone leaves no broken link', () => {
    expect(brokenLinks(apply(events, alice))).toEqual([]);
    expect(brokenLinks(apply(events, bob))).toEqual([]);
  });

  it('the merge has one, with the earliest start it should have', () => {
    expect(brokenLinks(merged)).toEqual([{ id: 'semifinal', afterId: 'preliminary', earliestStart: '2026-12-07T14:00' }]);
  });

  it('fixLinks moves the late phases forward and re-spans the main event', () => {
    const changes = fixLinks(merged, 'main');
    // 复赛 to Mon 7 Dec; then 决赛 (Bob's 14 Dec) needs 8–11, 14 Dec between → 15 Dec; then 颁奖
    // (Bob's 18 Dec) needs 16–18 Dec → Mon 21 Dec.
    expect(changes).toEqual([
      { id: 'semifinal', start: '2026-12-07T14:00', end: '2026-12-07T17:00' },
      { id: 'final', start: '2026-12-15T14:30', end: '2026-12-15T17:30' },
      { id: 'award', start: '2026-12-21T10:00', end: '2026-12-21T11:00' },
      { id: 'main', start: '2026-11-02', end: '2026-12-22' },
    ]);
    const fixed = apply(merged, changes);
    expect(brokenLinks(fixed)).toEqual([]);
    expect(fixLinks(fixed, 'main')).toEqual([]);
  });

  it('a repair cascades: a phase pushed forward pushes its own successors when they are too early', () => {
    const ev = chain([
      { id: 'a', start: '2026-06-10', end: '2026-06-12' },
      { id: 'b', start: '2026-06-08', after: 'a' },
      { id: 'c', start: '2026-06-09', after: 'b', lagDays: 1 },
      { id: 'd', start: '2026-06-30', after: 'c' },
    ]);
    expect(brokenLinks(ev).map((l) => l.id)).toEqual(['b', 'c']);
    const fixed = byId(apply(ev, fixLinks(ev, 'main')));
    expect(fixed.get('b')!.start).toBe('2026-06-12');
    expect(fixed.get('c')!.start).toBe('2026-06-14');
    // d had slack; fixLinks pulls nothing earlier.
    expect(fixed.get('d')!.start).toBe('2026-06-30');
  });

  it('only repairs the given main event, refuses loops, and skips series', () => {
    const one = chain([
      { id: 'a', start: '2026-06-10' },
      { id: 'b', start: '2026-06-08', after: 'a' },
    ]);
    const other = chain([{ id: 'x', start: '2026-06-10' }, { id: 'y', start: '2026-06-01', after: 'x' }], 'main2');
    expect(fixLinks([...one, ...other], 'main').map((c) => c.id)).toEqual(['b', 'main']);
    const loop = chain([
      { id: 'a', start: '2026-06-10', after: 'b' },
      { id: 'b', start: '2026-06-08', after: 'a' },
    ]);
    expect(() => fixLinks(loop, 'main')).toThrow(PhaseCycleError);
    const series = [...one.slice(0, 2), { ...one[2]!, rrule: 'FREQ=DAILY' }];
    expect(brokenLinks(series)).toEqual([]);
  });
});
