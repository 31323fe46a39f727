import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DEFAULT_TIMEZONE,
  initWorkspaceDoc,
  isNewerSchema,
  migrateWorkspaceDoc,
  readMeta,
  roots,
  ROOT_NAMES,
  SCHEMA_VERSION,
  setWorkspaceName,
  SYSTEM_ORIGIN,
} from '../../../shared/src/schema';
import { snapshot, sync } from './fixtures';

describe('workspace doc', () => {
  it('exposes the six root maps of Contract 1, the units directory and the own observances', () => {
    const doc = new Y.Doc();
    const r = roots(doc);
    expect(Object.keys(ROOT_NAMES).sort()).toEqual(['campaigns', 'events', 'meta', 'observances', 'plans', 'sections', 'teams', 'templates', 'units']);
    for (const name of Object.keys(ROOT_NAMES) as Array<keyof typeof ROOT_NAMES>) {
      expect(r[name]).toBe(doc.getMap(name));
    }
  });

  it('initialises meta with defaults, as a system transaction', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tx: Y.Transaction) => origins.push(tx.origin));
    initWorkspaceDoc(doc, { name: '宣传部 2026' });
    expect(readMeta(doc)).toEqual({ name: '宣传部 2026', timezone: 'Asia/Shanghai', schema: SCHEMA_VERSION, travelBufferMinutes: 60, phaseCascade: 'keep-gaps' });
    expect(doc.getMap('meta').toJSON()).toEqual({ name: '宣传部 2026', timezone: DEFAULT_TIMEZONE, schema: SCHEMA_VERSION });
    expect(origins).toEqual([SYSTEM_ORIGIN]);
  });

  it('only fills in missing keys, so reopening never overwrites a rename', () => {
    const doc = new Y.Doc();
    initWorkspaceDoc(doc, { name: '旧名', timezone: 'Asia/Urumqi' });
    setWorkspaceName(doc, '新名');
    const before = snapshot(doc);
    initWorkspaceDoc(doc, { name: '旧名' });
    expect(snapshot(doc)).toBe(before);
    expect(readMeta(doc)).toEqual({ name: '新名', timezone: 'Asia/Urumqi', schema: SCHEMA_VERSION, travelBufferMinutes: 60, phaseCascade: 'keep-gaps' });
  });

  it('two offline replicas initialising the same workspace converge', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    initWorkspaceDoc(a, { name: '工作区' });
    initWorkspaceDoc(b, { name: '工作区' });
    sync(a, b);
    expect(readMeta(a)).toEqual(readMeta(b));
    expect(readMeta(a)).toEqual({ name: '工作区', timezone: 'Asia/Shanghai', schema: SCHEMA_VERSION, travelBufferMinutes: 60, phaseCascade: 'keep-gaps' });
    // Re-initialising after the merge writes nothing.
    const before = snapshot(a);
    initWorkspaceDoc(a, { name: '工作区' });
    expect(snapshot(a)).toBe(before);
  });

  it('reads garbage meta with fallbacks and never throws', () => {
    const doc = new Y.Doc();
    expect(readMeta(doc)).toEqual({ name: '', timezone: 'Asia/Shanghai', schema: SCHEMA_VERSION, travelBufferMinutes: 60, phaseCascade: 'keep-gaps' });
    const meta = doc.getMap('meta');
    meta.set('name', 42);
    meta.set('timezone', 'Mars/Olympus');
    meta.set('schema', 'one');
    expect(readMeta(doc)).toEqual({ name: '', timezone: 'Asia/Shanghai', schema: SCHEMA_VERSION, travelBufferMinutes: 60, phaseCascade: 'keep-gaps' });
    meta.set('timezone', new Y.Map());
    meta.set('schema', 1.5);
    expect(readMeta(doc)).toEqual({ name: '', timezone: 'Asia/Shanghai', schema: SCHEMA_VERSION, travelBufferMinutes: 60, phaseCascade: 'keep-gaps' });
  });

  it('detects a document from a newer app version', () => {
    const doc = new Y.Doc();
    initWorkspaceDoc(doc, { name: 'x' });
    expect(isNewerSchema(doc)).toBe(false);
    doc.getMap('meta').set('schema', SCHEMA_VERSION + 1);
    expect(readMeta(doc).schema).toBe(SCHEMA_VERSION + 1);
    expect(isNewerSchema(doc)).toBe(true);
  });

  it('migrates a version-1 document to version 2 keeping every field, the same way on two offline replicas', () => {
    const v1 = new Y.Doc();
    v1.transact(() => {
      const meta = v1.getMap('meta');
      meta.set('name', '旧工作区');
      meta.set('timezone', 'Asia/Shanghai');
      meta.set('schema', 1);
      const ev = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ title: '宣讲进社区', kind: 'lecture', start: '2026-05-12', status: 'planned', teamId: 't1', futureField: { x: 1 } })) ev.set(k, v);
      v1.getMap('events').set('e1', ev);
      const team = new Y.Map<unknown>();
      team.set('name', '宣讲团');
      team.set('topic', '创新理论');
      v1.getMap('teams').set('t1', team);
    });
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(v1));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(v1));
    expect(migrateWorkspaceDoc(a)).toBe(true);
    expect(migrateWorkspaceDoc(a)).toBe(false); // idempotent
    expect(migrateWorkspaceDoc(b)).toBe(true);
    sync(a, b);
    for (const d of [a, b]) {
      expect(readMeta(d).schema).toBe(SCHEMA_VERSION);
      expect(d.getMap('events').toJSON()).toEqual(v1.getMap('events').toJSON());
      expect(d.getMap('teams').toJSON()).toEqual({ t1: { name: '宣讲团', topic: '创新理论', members: [] } });
      expect(d.getMap('meta').get('name')).toBe('旧工作区');
    }
    // A current or newer document is left alone.
    const newer = new Y.Doc();
    newer.getMap('meta').set('schema', SCHEMA_VERSION + 1);
    const before = Y.encodeStateAsUpdate(newer);
    expect(migrateWorkspaceDoc(newer)).toBe(false);
    expect(Y.encodeStateAsUpdate(newer)).toEqual(before);
  });

  it('renames, rejecting an empty name without touching the doc', () => {
    const doc = new Y.Doc();
    initWorkspaceDoc(doc, { name: 'a' });
    setWorkspaceName(doc, 'b');
    expect(readMeta(doc).name).toBe('b');
    const before = snapshot(doc);
    expect(() => setWorkspaceName(doc, '  ')).toThrow(/non-empty/);
    setWorkspaceName(doc, 'b');
    expect(snapshot(doc)).toBe(before);
  });
});
