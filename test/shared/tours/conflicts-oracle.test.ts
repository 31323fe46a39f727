import { describe, expect, it } from 'vitest';
import { createConflictIndex, findConflicts, type Conflict } from '../../../shared/src/tours';
import { mulberry32 } from '../../helpers/prng';
import { byDocumentedOrder, oracleConflicts } from './conflict-oracle';
import { dragged, generateSchedule } from './schedules';

const CASES = 1500;
const involves = (id: string) => (c: Conflict) => c.a.id === id || c.b?.id === id;

describe('findConflicts against the all-pairs oracle', () => {
  it(`agrees on ${CASES} generated schedules (DST zones, holidays, series with exdates, buffer edges)`, () => {
    const rand = mulberry32(11);
    let found = 0;
    for (let n = 0; n < CASES; n++) {
      const s = generateSchedule(rand);
      const got = findConflicts(s.events, s);
      expect(got, `case ${n}`).toEqual(oracleConflicts(s.events, s));
      found += got.length;
    }
    // The generator is meant to produce plenty of conflicts, or the comparison proves little.
    expect(found).toBeGreaterThan(CASES * 3);
  }, 120_000);

  it('reports the same list whatever order the events come in', () => {
    const rand = mulberry32(12);
    for (let n = 0; n < 200; n++) {
      const s = generateSchedule(rand);
      const shuffled = [...s.events].sort(() => rand() - 0.5);
      const got = findConflicts(shuffled, s);
      expect(got).toEqual(findConflicts(s.events, s));
      expect([...got].sort(byDocumentedOrder)).toEqual(got);
    }
  }, 60_000);
});

describe('createConflictIndex', () => {
  it('check(x) equals the full check’s conflicts involving x, for drags, edits and new events', () => {
    const rand = mulberry32(13);
    for (let n = 0; n < 600; n++) {
      const s = generateSchedule(rand);
      const index = createConflictIndex(s.events, s);
      expect(index.all()).toEqual(findConflicts(s.events, s));
      const base = s.events[Math.floor(rand() * s.events.length)];
      const candidates = [
        base,
        dragged(base, Math.floor(rand() * 200) - 100),
        { ...base, status: 'cancelled' as const },
        { ...generateSchedule(rand, 1).events[0], id: 'new' },
        { ...dragged(base, 7), speakers: ['张三', 'Wang Wu'], teamId: 't1' },
      ];
      for (const x of candidates) {
        const state = [...s.events.filter((e) => e.id !== x.id), x];
        expect(index.check(x), `case ${n} ${x.id}`).toEqual(findConflicts(state, s).filter(involves(x.id)));
      }
    }
  }, 120_000);

  it('add(): an index grown one event at a time (and with replaced ids) equals one built at once', () => {
    const rand = mulberry32(14);
    for (let n = 0; n < 300; n++) {
      const s = generateSchedule(rand);
      const cut = Math.floor(rand() * s.events.length);
      const index = createConflictIndex(s.events.slice(0, cut), s);
      for (const e of s.events.slice(cut)) index.add(e);
      // Move a few events by adding their edited copies.
      const state = [...s.events];
      for (let k = 0; k < 3; k++) {
        const i = Math.floor(rand() * state.length);
        state[i] = dragged(state[i], Math.floor(rand() * 100) - 50);
        index.add(state[i]);
      }
      expect(index.all(), `case ${n}`).toEqual(findConflicts(state, s));
      const x = dragged(state[0], 5);
      expect(index.check(x)).toEqual(findConflicts([...state.filter((e) => e.id !== x.id), x], s).filter(involves(x.id)));
    }
  }, 60_000);
});
