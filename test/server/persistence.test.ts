import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { LevelPersistence } from '../../server/src/persistence/leveldb';
import { MemoryPersistence } from '../../server/src/persistence/memory';
import type { Persistence } from '../../server/src/persistence/persistence';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function edits(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getMap('m').set(`k${i}`, i);
  return { doc, updates };
}

function replay(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

const impls: Array<[string, () => Promise<{ store: Persistence; reopen?: () => Promise<Persistence> }>]> = [
  ['memory', async () => ({ store: new MemoryPersistence() })],
  [
    'leveldb',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-level-'));
      dirs.push(dir);
      const store = await LevelPersistence.open(dir);
      return {
        store,
        reopen: async () => {
          await store.close();
          return LevelPersistence.open(dir);
        },
      };
    },
  ],
];

describe.each(impls)('%s persistence', (_name, make) => {
  it('stores updates in order and loads them back', async () => {
    const { store, reopen } = await make();
    const { doc, updates } = edits(20);
    await store.load('doc-1');
    await Promise.all(updates.map((u) => store.append('doc-1', u)));
    const again = reopen ? await reopen() : store;
    const { updates: loaded } = await again.load('doc-1');
    expect(loaded).toHaveLength(20);
    expect(replay(loaded).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    expect((await again.load('other-doc')).updates).toHaveLength(0);
    await again.close();
  });

  it('compaction replaces earlier entries and keeps later appends', async () => {
    const { store, reopen } = await make();
    const { doc, updates } = edits(30);
    await store.load('doc-2');
    const first = updates.slice(0, 20);
    for (const u of first) void store.append('doc-2', u);
    const snapshot = Y.encodeStateAsUpdate(replay(first));
    const compacted = store.compact('doc-2', snapshot); // queued behind the appends
    for (const u of updates.slice(20)) void store.append('doc-2', u);
    await compacted;
    await store.flush();
    expect(store.entries('doc-2')).toBe(11);
    const again = reopen ? await reopen() : store;
    const { updates: loaded } = await again.load('doc-2');
    expect(loaded).toHaveLength(11);
    expect(replay(loaded).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    await again.close();
  });

  it('keeps workspace records', async () => {
    const { store, reopen } = await make();
    await store.putWorkspace({ id: 'ws-aaaaaaaa', name: '测试', gen: 3, createdAt: 1 });
    const again = reopen ? await reopen() : store;
    expect(await again.getWorkspace('ws-aaaaaaaa')).toEqual({ id: 'ws-aaaaaaaa', name: '测试', gen: 3, createdAt: 1 });
    expect(await again.getWorkspace('ws-missing')).toBeUndefined();
    await again.close();
  });
});

describe('leveldb group commit', () => {
  it('writes appends made in the same tick as one synced batch', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-level-'));
    dirs.push(dir);
    const store = await LevelPersistence.open(dir);
    await store.load('doc-3');
    const { updates } = edits(100);
    await Promise.all(updates.map((u) => store.append('doc-3', u)));
    expect(store.batches).toBe(1);
    await store.close();
  });
});
