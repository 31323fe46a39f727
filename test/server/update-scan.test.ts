import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { scanUpdate, NONE } from '../../server/src/relay/update-scan';
import { mulberry32 } from '../helpers/prng';

/** A document edited at random through every shared type and content kind Yjs has. */
function randomDoc(seed: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const docs = [new Y.Doc(), new Y.Doc()];
  const updates: Uint8Array[] = [];
  docs[0]!.on('update', (u: Uint8Array) => updates.push(u));
  for (let step = 0; step < 60; step++) {
    const d = pick(docs);
    const m = d.getMap('events');
    const a = d.getArray<unknown>('list');
    const t = d.getText('notes');
    const x = d.getXmlFragment('xml');
    switch (Math.floor(rnd() * 9)) {
      case 0: m.set(`k${Math.floor(rnd() * 8)}`, { title: `活动${step}`, n: rnd(), list: [1, 'two', null, true] }); break;
      case 1: { const inner = new Y.Map(); inner.set('a', step); m.set(`m${step}`, inner); break; }
      case 2: a.insert(Math.floor(rnd() * (a.length + 1)), [step, `s${step}`, { deep: [step] }]); break;
      case 3: if (a.length > 0) a.delete(Math.floor(rnd() * a.length), 1); break;
      case 4: t.insert(Math.floor(rnd() * (t.length + 1)), `文本${step}😀`, rnd() < 0.3 ? { bold: true } : undefined); break;
      case 5: if (t.length > 2) t.delete(Math.floor(rnd() * (t.length - 1)), 2); break;
      case 6: { const el = new Y.XmlElement('p'); el.setAttribute('class', 'c'); el.insert(0, [new Y.XmlText('x')]); x.insert(0, [el]); break; }
      case 7: a.insert(0, [new Uint8Array([1, 2, 3])]); t.insertEmbed(0, { image: 'a.png' }); break;
      case 8: m.set('sub', new Y.Doc({ guid: `g${step}` })); break;
    }
    if (rnd() < 0.3) {
      // Exchange, so updates carry origins and right origins from the other client.
      Y.applyUpdate(docs[0]!, Y.encodeStateAsUpdate(docs[1]!, Y.encodeStateVector(docs[0]!)));
      Y.applyUpdate(docs[1]!, Y.encodeStateAsUpdate(docs[0]!, Y.encodeStateVector(docs[1]!)));
    }
  }
  updates.push(Y.encodeStateAsUpdate(docs[1]!));
  updates.push(Y.encodeStateAsUpdate(docs[0]!));
  return { doc: docs[0]!, updates };
}

const idOrNone = (id: Y.ID | null) => (id ? [id.client, id.clock] : [NONE, NONE]);

describe('update structure scan', () => {
  it('reads the same structs, lengths and delete set as Y.decodeUpdate (oracle), on 40 random documents', () => {
    let structs = 0;
    for (let seed = 1; seed <= 40; seed++) {
      for (const u of randomDoc(seed).updates) {
        const s = scanUpdate(u, { maxStructs: Infinity, maxDeletes: Infinity });
        const ref = Y.decodeUpdate(u);
        expect(s.client.length).toBe(ref.structs.length);
        ref.structs.forEach((st, i) => {
          expect([s.client[i], s.clock[i], s.length[i]]).toEqual([st.id.client, st.id.clock, st.length]);
          if (st instanceof Y.Item) {
            expect([s.originClient[i], s.originClock[i]]).toEqual(idOrNone(st.origin));
            expect([s.rightClient[i], s.rightClock[i]]).toEqual(idOrNone(st.rightOrigin));
            const p = st.parent as unknown;
            if (typeof p === 'string') expect(s.parentRoot[i]).toBe(p);
            else if (p) expect([s.parentClient[i], s.parentClock[i]]).toEqual(idOrNone(p as Y.ID));
            expect(s.parentSub[i]).toBe(st.parentSub);
          }
        });
        const ds: Array<[number, number, number]> = [];
        ref.ds.clients.forEach((items, client) => items.forEach((it) => ds.push([client, it.clock, it.len])));
        expect(s.deletes).toEqual(ds);
        structs += s.client.length;
      }
    }
    expect(structs).toBeGreaterThan(2000);
  });

  it('stops at the struct and delete caps before reading them', () => {
    const d = new Y.Doc();
    d.getArray('a').insert(0, [1]);
    d.getArray('a').insert(0, [2]);
    const u = Y.encodeStateAsUpdate(d);
    expect(() => scanUpdate(u, { maxStructs: 1, maxDeletes: 10 })).toThrow(/more than 1 structs/);
  });

  it('refuses truncated and garbage bytes', () => {
    const u = Y.encodeStateAsUpdate(randomDoc(3).doc);
    expect(() => scanUpdate(u.subarray(0, u.length - 3), { maxStructs: Infinity, maxDeletes: Infinity })).toThrow(/malformed/);
    expect(() => scanUpdate(new Uint8Array([1, 1, 5, 0, 31]), { maxStructs: Infinity, maxDeletes: Infinity })).toThrow();
  });
});
