import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { checkUpdate, STORED_LIMITS, UPDATE_LIMITS } from '../../server/src/relay/update-limits';
import * as H from '../helpers/hostile-updates';
import { mulberry32 } from '../helpers/prng';

const withAnchor = () => {
  const d = new Y.Doc();
  Y.applyUpdate(d, H.anchor({ client: 1 }));
  return d;
};

describe('structural limits on one update', () => {
  it('refuses each hostile shape at sizes that broke the relay, and accepts the same shapes at editing sizes', () => {
    expect(checkUpdate(new Y.Doc(), H.unmergedRun(40_000, { client: 7 }))?.rule).toBe('maxMergeCopies');
    expect(checkUpdate(new Y.Doc(), H.unmergedRun(1_000, { client: 7 }))).toBeNull();

    expect(checkUpdate(new Y.Doc(), H.deepMaps(5_000, { client: 3 }))?.rule).toBe('maxDepth');
    expect(checkUpdate(new Y.Doc(), H.deepMaps(UPDATE_LIMITS.maxDepth - 1, { client: 3 }))).toBeNull();

    expect(checkUpdate(new Y.Doc(), H.phantomDeletes(100_000, { firstClient: 1000 }))?.rule).toBe('maxPendingDeletes');
    expect(checkUpdate(new Y.Doc(), H.phantomDeletes(50, { firstClient: 1000 }))).toBeNull();

    expect(checkUpdate(new Y.Doc(), H.pendingStructs(20_000, { client: 4, missing: 99 }))?.rule).toBe('maxPendingStructs');
    expect(checkUpdate(new Y.Doc(), H.pendingStructs(10, { client: 4, missing: 99 }))).toBeNull();
  });

  it('refuses concurrent siblings piling up at one position, once the pile is there', () => {
    const d = withAnchor();
    expect(checkUpdate(d, H.siblingsAt(6_000, { client: 9, after: { client: 1, clock: 0 } }))?.rule).toBe('maxSiblings');
    // 100 at a time (under maxSiblings) the pile grows, until placing more among it costs too many steps.
    let refused: string | undefined;
    for (let k = 0; k < 60 && !refused; k++) {
      const u = H.siblingsAt(100, { client: 9, after: { client: 1, clock: 0 }, clock: k * 100 });
      refused = checkUpdate(d, u)?.rule;
      if (!refused) Y.applyUpdate(d, u);
    }
    expect(refused).toBe('maxConflictSteps');
    expect(d.getArray('a').length).toBeGreaterThan(200);
    expect(checkUpdate(d, H.siblingsAt(100, { client: 10, after: { client: 1, clock: 0 } }))?.rule).toBe('maxConflictSteps');
  });

  it('a run continued across updates is refused per update, and one already over the limit never merges at once', () => {
    const d = new Y.Doc();
    const a = H.unmergedRun(1_500, { client: 7 });
    expect(checkUpdate(d, a)).toBeNull();
    Y.applyUpdate(d, a);
    expect(checkUpdate(d, H.unmergedRun(1_500, { client: 7, from: 1_500 }))).toBeNull();
    expect(checkUpdate(d, H.unmergedRun(30_000, { client: 7, from: 1_500 }))?.rule).toBe('maxMergeCopies');
    // What Yjs made of them is one merged item: its snapshot (what compaction stores) passes.
    for (let i = 1; i < 40; i++) Y.applyUpdate(d, H.unmergedRun(1_500, { client: 7, from: i * 1_500 }));
    expect(checkUpdate(new Y.Doc(), Y.encodeStateAsUpdate(d), STORED_LIMITS)).toBeNull();
    expect(checkUpdate(new Y.Doc(), Y.encodeStateAsUpdate(d))).toBeNull();
  });

  it('the struct and delete caps are checked before anything is read', () => {
    expect(checkUpdate(new Y.Doc(), H.unmergedRun(10, { client: 1 }), { ...UPDATE_LIMITS, maxStructs: 5 })?.rule).toBe('maxStructs');
    expect(checkUpdate(new Y.Doc(), H.phantomDeletes(10, { firstClient: 5 }), { ...UPDATE_LIMITS, maxDeletes: 5 })?.rule).toBe('maxDeletes');
    expect(checkUpdate(new Y.Doc(), new Uint8Array([1, 2, 3]))?.rule).toBe('malformed');
  });

  it('accepts a first upload of 10,000 activities', () => {
    const src = new Y.Doc();
    src.transact(() => {
      const ev = src.getMap('events');
      for (let i = 0; i < 10_000; i++) {
        const m = new Y.Map();
        ev.set(`ev-${i}`, m);
        for (const [k, v] of Object.entries({ title: `活动${i}`, start: '2026-05-04T09:00', kind: 'lecture', status: 'planned', location: '礼堂', sectionId: 's1' })) m.set(k, v);
        const speakers = new Y.Array();
        speakers.push(['张三', '李四']);
        m.set('speakers', speakers);
      }
    });
    expect(checkUpdate(new Y.Doc(), Y.encodeStateAsUpdate(src))).toBeNull();
  });

  it('never refuses what honest clients send: every update of three peers editing at random, offline and online (200 seeds)', () => {
    let checked = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = mulberry32(seed);
      const relay = new Y.Doc();
      const peers = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
      const outbox = new Map<Y.Doc, Uint8Array[]>(peers.map((p) => [p, []]));
      for (const p of peers) p.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && outbox.get(p)!.push(u));
      const deliver = (p: Y.Doc) => {
        // Offline edits arrive as one step-2 diff, like y-websocket after a reconnect.
        const queued = outbox.get(p)!.splice(0);
        const updates = queued.length > 3 ? [Y.encodeStateAsUpdate(p, Y.encodeStateVector(relay))] : queued;
        for (const u of updates) {
          const refusal = checkUpdate(relay, u);
          expect(refusal, `seed ${seed}: ${refusal?.message}`).toBeNull();
          Y.applyUpdate(relay, u);
          checked++;
        }
        Y.applyUpdate(p, Y.encodeStateAsUpdate(relay, Y.encodeStateVector(p)), 'relay');
      };
      for (let step = 0; step < 80; step++) {
        const p = peers[Math.floor(rnd() * 3)]!;
        const events = p.getMap<Y.Map<unknown>>('events');
        const r = rnd();
        const key = `e${Math.floor(rnd() * 12)}`;
        if (r < 0.3) {
          const m = new Y.Map<unknown>();
          m.set('title', `活动${step}`);
          m.set('speakers', Y.Array.from(['甲']));
          events.set(key, m);
        } else if (r < 0.55) events.get(key)?.set('title', `改${step}`);
        else if (r < 0.65) events.delete(key);
        else if (r < 0.8) {
          const list = p.getArray<string>('sections');
          list.insert(Math.floor(rnd() * (list.length + 1)), [`节${step}`]);
        } else if (r < 0.9) {
          const t = p.getText('notes');
          t.insert(Math.floor(rnd() * (t.length + 1)), `字${step}`);
          if (t.length > 4 && rnd() < 0.5) t.delete(Math.floor(rnd() * (t.length - 2)), 2);
        } else {
          const s = events.get(key)?.get('speakers');
          if (s instanceof Y.Array) s.insert(0, [`讲${step}`]);
        }
        if (rnd() < 0.4) deliver(p);
      }
      for (const p of peers) deliver(p);
    }
    expect(checked).toBeGreaterThan(3000);
  });
});

describe('more shapes', () => {
  it('refuses more than 100 items of one update inserted at one place, and accepts a few', () => {
    const d = withAnchor();
    expect(checkUpdate(d, H.siblingsAt(101, { client: 9, after: { client: 1, clock: 0 } }))?.rule).toBe('maxSiblings');
    expect(checkUpdate(d, H.siblingsAt(5, { client: 9, after: { client: 1, clock: 0 } }))).toBeNull();
  });

  it('counts the copy of an existing item that an update continues', () => {
    const d = new Y.Doc();
    // Grow one merged item of 1,990,000 values cheaply (one struct of many values).
    const big = new Y.Doc();
    big.getArray('a').insert(0, Array.from({ length: 1_999_000 }, (_, i) => i));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(big));
    const client = big.clientID;
    expect(checkUpdate(doc, H.unmergedRun(1, { client, from: 1_999_000 }))).toBeNull();
    expect(checkUpdate(doc, H.unmergedRun(100, { client, from: 1_999_000 }))?.rule).toBe('maxMergeCopies');
  });
});

describe('what storage gives back', () => {
  it('a compacted snapshot of everything accepted passes the load-time rules: piles of siblings and pending parts included', () => {
    const d = withAnchor();
    for (let k = 0; k < 3; k++) Y.applyUpdate(d, H.siblingsAt(100, { client: 9, after: { client: 1, clock: 0 }, clock: k * 100 }));
    for (let k = 0; k < 20; k++) {
      const u = H.pendingStructs(900, { client: 40 + k, missing: 99 });
      expect(checkUpdate(d, u)).toBeNull();
      Y.applyUpdate(d, u);
    }
    const snapshot = Y.encodeStateAsUpdate(d);
    expect(checkUpdate(new Y.Doc(), snapshot)).not.toBeNull(); // live rules: too many siblings, too much pending
    expect(checkUpdate(new Y.Doc(), snapshot, STORED_LIMITS)).toBeNull();
    // Nor is a snapshot an older relay made of a deep chain (skipping it would lose everything).
    const deep = new Y.Doc();
    Y.applyUpdate(deep, H.deepMaps(5_000, { client: 3 }));
    expect(checkUpdate(new Y.Doc(), Y.encodeStateAsUpdate(deep), STORED_LIMITS)).toBeNull();
  });
});
