import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createEvent,
  ID_LENGTH,
  isLocalUserChange,
  LOCAL_ORIGIN,
  newId,
  originKind,
  PERSISTENCE_ORIGIN,
  readEvents,
  REMOTE_ORIGIN,
  roots,
  SYSTEM_ORIGIN,
  undoTrackedOrigins,
  updateEvent,
} from '../../../shared/src/schema';
import { minimalEvent } from './fixtures';

describe('newId', () => {
  it('is url-safe, fixed length and does not repeat', () => {
    const ids = new Set(Array.from({ length: 5000 }, newId));
    expect(ids.size).toBe(5000);
    for (const id of ids) expect(id).toMatch(new RegExp(`^[A-Za-z0-9_-]{${ID_LENGTH}}$`));
  });
});

describe('origins', () => {
  it('classifies every origin', () => {
    expect(originKind(LOCAL_ORIGIN)).toBe('local');
    expect(originKind(REMOTE_ORIGIN)).toBe('remote');
    expect(originKind(PERSISTENCE_ORIGIN)).toBe('persistence');
    expect(originKind(SYSTEM_ORIGIN)).toBe('system');
    expect(originKind({ kind: 'local' })).toBe('remote'); // identity, not shape
    expect(originKind(null)).toBe('remote');
    const um = new Y.UndoManager(new Y.Doc().getMap('events'));
    expect(originKind(um)).toBe('undo');
    expect(isLocalUserChange(um)).toBe(true);
    expect(isLocalUserChange(LOCAL_ORIGIN)).toBe(true);
    expect(isLocalUserChange(REMOTE_ORIGIN)).toBe(false);
    expect(Object.isFrozen(LOCAL_ORIGIN)).toBe(true);
  });

  it('lets an UndoManager undo the local user’s edit but not a remote or system one', () => {
    const doc = new Y.Doc();
    const { events } = roots(doc);
    const um = new Y.UndoManager([events], { trackedOrigins: undoTrackedOrigins(), captureTimeout: 0 });
    const remoteId = createEvent(doc, minimalEvent({ title: '同事的' }), { origin: REMOTE_ORIGIN });
    createEvent(doc, minimalEvent({ title: '系统的' }), { origin: SYSTEM_ORIGIN });
    const mine = createEvent(doc, minimalEvent({ title: '我的' }));
    updateEvent(doc, remoteId, { title: '同事改的' }, { origin: REMOTE_ORIGIN });
    expect(um.undoStack.length).toBe(1);
    um.undo();
    const titles = readEvents(doc).events.map((e) => e.title).sort();
    expect(titles).toEqual(['同事改的', '系统的'].sort());
    expect(events.has(mine)).toBe(false);
  });
});
