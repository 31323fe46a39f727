import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEvent, readEvents } from '@shared/schema';
import { openWorkspace } from '../../client/src/storage/open-workspace';
import { deleteWorkspace } from '../../client/src/storage/workspace-registry';

/** localStorage as the browser keeps it: synchronous strings by key. */
class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, String(v));
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  clear() {
    this.items.clear();
  }
}
const storage = new MemoryStorage();
(globalThis as { localStorage?: unknown }).localStorage = storage;

const copies = (ws: string) =>
  Array.from({ length: storage.length }, (_, i) => storage.key(i)!).filter((k) => k.startsWith(`cc-unsaved:${ws}:`));
const base64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const titles = (doc: Y.Doc) => readEvents(doc).events.map((e) => e.title).sort();

async function opened(ws: string) {
  const w = await openWorkspace(ws, '测试');
  w.load();
  await w.loaded;
  return w;
}

/** An update another page made and could not store: an event written into a doc of its own. */
function strandedUpdate(title: string): Uint8Array {
  const other = new Y.Doc();
  createEvent(other, { title, kind: 'meeting', status: 'planned', start: '2026-05-04' });
  return Y.encodeStateAsUpdateV2(other);
}

beforeEach(() => storage.clear());

describe('the unsaved-changes journal (a copy of each update until IndexedDB commits it)', () => {
  it('copies a local edit at once and drops the copy when the write commits', async () => {
    const w = await opened('journal-1');
    await expect.poll(() => copies('journal-1').length).toBe(0); // the schema's own first writes
    createEvent(w.doc, { title: '理论学习中心组学习', kind: 'study', status: 'planned', start: '2026-03-02' });
    // Synchronously: the copy exists before any IndexedDB transaction could have committed.
    expect(copies('journal-1').length).toBe(1);
    await expect.poll(() => copies('journal-1').length).toBe(0);
    w.close();
  });

  it('applies what an earlier page left, once, and drops a damaged copy without touching the doc', async () => {
    const ws = 'journal-2';
    const first = await opened(ws);
    createEvent(first.doc, { title: '已保存的活动', kind: 'meeting', status: 'planned', start: '2026-03-02' });
    await expect.poll(() => copies(ws).length).toBe(0);
    first.close();
    storage.setItem(`cc-unsaved:${ws}:gone:1`, base64(strandedUpdate('刷新前保存的活动')));
    storage.setItem(`cc-unsaved:${ws}:gone:2`, 'not base64 at all!');
    storage.setItem(`cc-unsaved:${ws}:gone:3`, base64(new Uint8Array([0, 1, 2, 250, 251])));
    // Another workspace's copy is not this one's.
    storage.setItem('cc-unsaved:journal-other:gone:1', base64(strandedUpdate('别的工作区')));

    const again = await opened(ws);
    expect(titles(again.doc)).toEqual(['刷新前保存的活动', '已保存的活动']);
    // The applied update is new to IndexedDB: it is stored (and its fresh copy dropped) like any edit.
    await expect.poll(() => copies(ws).length).toBe(0);
    expect(storage.getItem('cc-unsaved:journal-other:gone:1')).not.toBeNull();
    again.close();
  });

  it('forgets the copies of a workspace deleted from this device', async () => {
    storage.setItem('cc-unsaved:journal-3:gone:1', base64(strandedUpdate('待删除')));
    await deleteWorkspace('journal-3');
    expect(copies('journal-3')).toEqual([]);
  });
});
