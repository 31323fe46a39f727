import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/time/dates';
import { MemoryIndex, type MemoryEntry } from '../../client/src/storage/memory-index';
import { mulberry32 } from '../helpers/prng';

describe('memory index (span buckets sorted by start)', () => {
  it('matches a brute-force overlap filter under single and bulk changes', () => {
    const rand = mulberry32(11);
    const int = (n: number) => Math.floor(rand() * n);
    const entry = (id: string): MemoryEntry => {
      const day = addDays('2026-01-01', int(700) - 200);
      const timed = rand() < 0.4;
      const span = rand() < 0.85 ? int(3) : rand() < 0.7 ? int(40) : int(1500);
      const start = timed ? `${day}T${String(int(24)).padStart(2, '0')}:30` : day;
      const end = timed ? (span === 0 ? `${day}T23:59` : `${addDays(day, span)}T08:00`) : addDays(day, span + 1);
      const recurring = rand() < 0.05;
      return { id, start, end, recurring, value: { id, title: id, kind: 'other', status: 'planned', start, end } };
    };
    const truth = new Map<string, MemoryEntry>();
    const index = new MemoryIndex();
    let next = 0;
    const initial = Array.from({ length: 2000 }, () => entry(`e${next++}`));
    for (const e of initial) truth.set(e.id, e);
    index.reset(initial);

    const check = () => {
      for (let q = 0; q < 20; q++) {
        const from = addDays('2026-01-01', int(900) - 300);
        const to = addDays(from, 1 + int(60));
        const want = [...truth.values()].filter((e) => e.recurring || (e.start < to && e.end > from)).map((e) => e.id).sort();
        const got = index.query(from, to).map((e) => e.id).sort();
        expect(got, `${from}..${to}`).toEqual(want);
      }
    };
    check();
    for (let round = 0; round < 60; round++) {
      const n = round % 10 === 9 ? 300 : 1 + int(8);
      const changes: [string, MemoryEntry | null][] = [];
      for (let i = 0; i < n; i++) {
        const ids = [...truth.keys()];
        const r = rand();
        const id = r < 0.3 ? `e${next++}` : ids[int(ids.length)];
        const value = r > 0.85 ? null : entry(id);
        changes.push([id, value]);
      }
      for (const [id, value] of changes) {
        if (value) truth.set(id, value);
        else truth.delete(id);
      }
      index.update(changes);
      expect(index.size).toBe(truth.size);
      check();
    }
  });
});
