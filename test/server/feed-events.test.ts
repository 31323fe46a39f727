import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { liveEvents } from '../../server/src/http/feed-events';
import { initWorkspaceDoc, isDeleted, readEvents } from '../../shared/src/schema';
import { createWorkspaceApi } from '../../shared/src/workspace';

const byId = (list: { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('the feed’s live events', () => {
  it('answer like a fresh read of the document after every batch of random edits, keeping unchanged records', () => {
    const doc = new Y.Doc();
    initWorkspaceDoc(doc, { name: 'w' });
    const api = createWorkspaceApi(doc, { role: () => 'edit' });
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const ids: string[] = [];
    for (let round = 0; round < 30; round++) {
      for (let k = 0; k < 5; k++) {
        const r = rand();
        const id = ids[Math.floor(rand() * ids.length)];
        if (r < 0.4 || !id) {
          const made = api.run('event.create', { fields: { title: `活动${round}-${k}`, kind: 'meeting', status: 'planned', start: `2026-0${1 + (round % 9)}-1${k}` } });
          if (made.ok) ids.push(made.value);
        } else if (r < 0.7) expect(api.run('event.update', { id, patch: { title: `改${round}-${k}` } }).ok || ids.length === 0).toBe(true);
        else if (r < 0.85) api.run('event.delete', { id });
        else api.run('event.restore', { id });
      }
      const before = liveEvents(doc);
      expect(byId(before)).toEqual(byId(readEvents(doc).events.filter((e) => !isDeleted(e))));
      // Nothing changed: the very same record objects (the exporter's text cache relies on it).
      const again = liveEvents(doc);
      expect(again.every((e, i) => e === before[i])).toBe(true);
    }
  });
});
