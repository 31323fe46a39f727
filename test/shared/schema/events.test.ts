import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createEvent,
  isDeleted,
  purgeEvent,
  readEvent,
  readEvents,
  restoreEvent,
  softDeleteEvent,
  updateEvent,
} from '../../../shared/src/schema';
import { fullEvent, minimalEvent, recordKeysTouched, snapshot, sync } from './fixtures';

describe('createEvent / readEvent', () => {
  it('round-trips every field and stores lists as Y.Arrays', () => {
    const doc = new Y.Doc();
    const fields = fullEvent();
    const id = createEvent(doc, fields, { now: 42, by: '王五' });
    const read = readEvent(doc, id);
    expect(read).toEqual({ ok: true, record: { ...fields, id, updatedAt: 42, updatedBy: '王五' } });

    const map = doc.getMap('events').get(id) as Y.Map<unknown>;
    expect(map).toBeInstanceOf(Y.Map);
    for (const key of ['units', 'sectionIds', 'exdates']) expect(map.get(key)).toBeInstanceOf(Y.Array);
    expect(map.get('title')).toBe(fields.title);
  });

  it('uses the given id, stamps updatedAt, and omits empty optional strings', () => {
    const doc = new Y.Doc();
    const id = createEvent(doc, minimalEvent({ location: '' }), { id: 'evt-fixed-1', now: 7 });
    expect(id).toBe('evt-fixed-1');
    const map = doc.getMap('events').get(id) as Y.Map<unknown>;
    expect([...map.keys()].sort()).toEqual(['kind', 'start', 'status', 'title', 'updatedAt']);
    expect(map.get('updatedAt')).toBe(7);
  });

  it('refuses a duplicate id without touching the doc', () => {
    const doc = new Y.Doc();
    createEvent(doc, minimalEvent(), { id: 'dup' });
    const before = snapshot(doc);
    expect(() => createEvent(doc, minimalEvent({ title: 'other' }), { id: 'dup' })).toThrow(/already exists/);
    expect(snapshot(doc)).toBe(before);
  });

  it('runs the whole create in one transaction with the given origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tx: Y.Transaction) => origins.push(tx.origin));
    const origin = { kind: 'test' };
    createEvent(doc, fullEvent(), { origin });
    expect(origins).toEqual([origin]);
  });

  it('returns undefined for an unknown id', () => {
    expect(readEvent(new Y.Doc(), 'nope')).toBeUndefined();
  });
});

describe('invalid writes throw and leave the doc byte-identical', () => {
  const bad: Array<[string, Record<string, unknown>, RegExp]> = [
    ['empty title', { title: '   ' }, /title: must be non-empty text/],
    ['unknown kind', { kind: 'party' }, /kind: must be one of anniversary/],
    ['impossible date', { start: '2026-02-30' }, /start: must be a real date/],
    ['end before start', { start: '2026-10-02', end: '2026-10-01' }, /end: must be after start/],
    ['end equal to all-day start', { end: '2026-10-01' }, /all-day ends are exclusive/],
    ['mixed forms', { end: '2026-10-01T10:00' }, /same form as start/],
    ['hour 24', { start: '2026-10-01T24:00' }, /start: must be a real date/],
    ['units not a list', { units: 3 }, /units: must be a list of text, found number 3/],
    ['RRULE: prefix', { rrule: 'RRULE:FREQ=DAILY' }, /without the "RRULE:" prefix/],
    ['unknown field', { colour: 'red' }, /Unknown event field\(s\): colour/],
  ];

  for (const [name, over, message] of bad) {
    it(`create: ${name}`, () => {
      const doc = new Y.Doc();
      createEvent(doc, minimalEvent(), { id: 'keep' });
      const before = snapshot(doc);
      expect(() => createEvent(doc, { ...minimalEvent(), ...over } as never)).toThrow(message);
      expect(snapshot(doc)).toBe(before);
    });

    it(`update: ${name}`, () => {
      const doc = new Y.Doc();
      const id = createEvent(doc, minimalEvent());
      const before = snapshot(doc);
      expect(() => updateEvent(doc, id, over as never)).toThrow(message);
      expect(snapshot(doc)).toBe(before);
    });
  }

  it('update: clearing a required field', () => {
    const doc = new Y.Doc();
    const id = createEvent(doc, minimalEvent());
    const before = snapshot(doc);
    expect(() => updateEvent(doc, id, { title: '' })).toThrow(/title: must be non-empty text/);
    expect(() => updateEvent(doc, id, { kind: undefined })).toThrow(/kind: is required/);
    expect(snapshot(doc)).toBe(before);
  });

  it('update: unknown id', () => {
    const doc = new Y.Doc();
    expect(() => updateEvent(doc, 'ghost', { title: 'x' })).toThrow(/No event with id "ghost"/);
    expect(snapshot(doc)).toBe(snapshot(new Y.Doc()));
  });

  it('lists every problem at once', () => {
    const doc = new Y.Doc();
    try {
      createEvent(doc, { title: '', kind: 'party', start: 'soon', status: 'maybe' } as never);
      expect.unreachable();
    } catch (e) {
      const msg = (e as Error).message;
      for (const k of ['title:', 'kind:', 'start:', 'status:']) expect(msg).toContain(k);
    }
  });
});

describe('updateEvent', () => {
  it('writes only the changed keys (plus the stamp)', () => {
    const doc = new Y.Doc();
    const id = createEvent(doc, fullEvent(), { id: 'e1', now: 1, by: '李四' });
    const touched = recordKeysTouched(doc, () => {
      const changed = updateEvent(
        doc,
        id,
        { ...fullEvent(), title: '新标题', units: ['宣传部', '团委'], updatedBy: undefined },
        { now: 2, by: '李四' },
      );
      expect(changed).toBe(true);
    });
    expect(touched).toEqual(['e1/title', 'e1/updatedAt']);
  });

  it('writes nothing at all when nothing changes', () => {
    const doc = new Y.Doc();
    const id = createEvent(doc, fullEvent(), { now: 1 });
    const before = snapshot(doc);
    expect(updateEvent(doc, id, { title: fullEvent().title, units: ['宣传部', '团委'] }, { now: 99 })).toBe(false);
    expect(snapshot(doc)).toBe(before);
  });

  it('deletes optional keys given undefined or an empty string', () => {
    const doc = new Y.Doc();
    const id = createEvent(doc, fullEvent());
    updateEvent(doc, id, { location: '', notes: undefined, units: undefined });
    const map = doc.getMap('events').get(id) as Y.Map<unknown>;
    expect(map.has('location')).toBe(false);
    expect(map.has('notes')).toBe(false);
    expect(map.has('units')).toBe(false);
    expect(map.get('leadUnit')).toBe('机关党委');
  });

  it('edits a list in place rather than replacing the Y.Array', () => {
    const doc = new Y.Doc();
    const id = createEvent(doc, fullEvent(), { id: 'e1', now: 1 });
    const map = doc.getMap('events').get(id) as Y.Map<unknown>;
    const arr = map.get('units');
    const touched = recordKeysTouched(doc, () =>
      updateEvent(doc, id, { units: ['宣传部', '文明办', '团委'] }, { now: 2 }),
    );
    expect(map.get('units')).toBe(arr);
    expect(touched).toEqual(['e1/units[]', 'e1/updatedAt']);
    expect((arr as Y.Array<string>).toArray()).toEqual(['宣传部', '文明办', '团委']);
  });

  it('merges concurrent edits to different fields of one event', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = createEvent(a, fullEvent(), { now: 1 });
    sync(a, b);
    updateEvent(a, id, { title: 'A 改的标题' }, { now: 2 });
    updateEvent(b, id, { location: 'B 改的地点', units: ['宣传部', '团委', '妇联'] }, { now: 3 });
    sync(a, b);
    for (const doc of [a, b]) {
      const r = readEvent(doc, id);
      expect(r?.ok).toBe(true);
      if (!r?.ok) continue;
      expect(r.record.title).toBe('A 改的标题');
      expect(r.record.location).toBe('B 改的地点');
      expect(r.record.units).toEqual(['宣传部', '团委', '妇联']);
    }
    expect(snapshot(a)).toBe(snapshot(b));
  });

  it('keeps both items when two replicas add to the same list concurrently', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = createEvent(a, minimalEvent({ units: ['宣传部'] }));
    sync(a, b);
    updateEvent(a, id, { units: ['宣传部', '团委'] });
    updateEvent(b, id, { units: ['宣传部', '妇联'] });
    sync(a, b);
    const r = readEvent(a, id);
    if (!r?.ok) throw new Error('expected a valid record');
    expect([...r.record.units!].sort()).toEqual(['团委', '妇联', '宣传部'].sort());
  });

  it('can repair an invalid record by patching the bad field', () => {
    const doc = new Y.Doc();
    const id = createEvent(doc, minimalEvent());
    (doc.getMap('events').get(id) as Y.Map<unknown>).set('kind', 'party');
    expect(readEvent(doc, id)?.ok).toBe(false);
    updateEvent(doc, id, { kind: 'other' });
    expect(readEvent(doc, id)?.ok).toBe(true);
  });
});

describe('unknown fields', () => {
  it('are kept across updates, soft delete and restore', () => {
    const doc = new Y.Doc();
    const id = createEvent(doc, fullEvent());
    const map = doc.getMap('events').get(id) as Y.Map<unknown>;
    const future = new Y.Array<string>();
    future.push(['x']);
    doc.transact(() => {
      map.set('priority', 'high');
      map.set('futureList', future);
    });
    updateEvent(doc, id, { title: '改', units: ['宣传部'], notes: undefined });
    softDeleteEvent(doc, id);
    restoreEvent(doc, id);
    expect(map.get('priority')).toBe('high');
    expect(map.get('futureList')).toBe(future);
    expect(future.toArray()).toEqual(['x']);
    const r = readEvent(doc, id);
    expect(r?.ok).toBe(true);
    if (r?.ok) expect(r.record).not.toHaveProperty('priority');
  });
});

describe('soft delete, restore, purge', () => {
  it('moves an event to the trash and back', () => {
    const doc = new Y.Doc();
    const id = createEvent(doc, minimalEvent(), { now: 1 });
    expect(softDeleteEvent(doc, id, { now: 500, by: '赵六' })).toBe(true);
    let r = readEvent(doc, id);
    if (!r?.ok) throw new Error('expected a valid record');
    expect(r.record.deletedAt).toBe(500);
    expect(r.record.updatedBy).toBe('赵六');
    expect(isDeleted(r.record)).toBe(true);
    expect(readEvents(doc).events.map((e) => e.id)).toEqual([id]);

    // Deleting twice keeps the first time, so the trash order stays stable.
    expect(softDeleteEvent(doc, id, { now: 900 })).toBe(false);

    expect(restoreEvent(doc, id, { now: 600 })).toBe(true);
    r = readEvent(doc, id);
    if (!r?.ok) throw new Error('expected a valid record');
    expect(r.record.deletedAt).toBeUndefined();
    expect(r.record.updatedAt).toBe(600);
    expect(isDeleted(r.record)).toBe(false);
    expect(restoreEvent(doc, id)).toBe(false);
  });

  it('can trash and purge an invalid record', () => {
    const doc = new Y.Doc();
    const id = createEvent(doc, minimalEvent());
    (doc.getMap('events').get(id) as Y.Map<unknown>).delete('title');
    expect(softDeleteEvent(doc, id, { now: 5 })).toBe(true);
    expect((doc.getMap('events').get(id) as Y.Map<unknown>).get('deletedAt')).toBe(5);
    expect(purgeEvent(doc, id)).toBe(true);
    expect(doc.getMap('events').has(id)).toBe(false);
    expect(purgeEvent(doc, id)).toBe(false);
  });

  it('purges a value that is not a record at all', () => {
    const doc = new Y.Doc();
    doc.getMap('events').set('junk', 'not a map');
    expect(() => softDeleteEvent(doc, 'junk')).toThrow(/not a record/);
    expect(purgeEvent(doc, 'junk')).toBe(true);
    expect(readEvents(doc)).toEqual({ events: [], invalid: [] });
  });
});

describe('garbage records', () => {
  it('are reported invalid with readable problems and never throw', () => {
    const doc = new Y.Doc();
    createEvent(doc, minimalEvent(), { id: 'good' });
    const events = doc.getMap('events');
    const put = (id: string, fields: Record<string, unknown>) => {
      const m = new Y.Map<unknown>();
      events.set(id, m);
      for (const [k, v] of Object.entries(fields)) m.set(k, v);
    };
    const base = { title: '活动', kind: 'meeting', start: '2026-03-01', status: 'planned' };
    doc.transact(() => {
      events.set('a-string', 'hello');
      events.set('a-plain-object', { title: 'plain' });
      put('no-title', { ...base, title: undefined });
      put('party', { ...base, kind: 'party' });
      put('feb30', { ...base, start: '2026-02-30' });
      put('backwards', { ...base, start: '2026-03-02T10:00', end: '2026-03-02T09:00' });
      put('units-number', { ...base, units: 5 });
      put('plain-units', { ...base, units: ['宣传部'] });
    });

    const { events: good, invalid } = readEvents(doc);
    expect(good.map((e) => e.id).sort()).toEqual(['good', 'plain-units']);
    expect(good.find((e) => e.id === 'plain-units')?.units).toEqual(['宣传部']);

    const problems = Object.fromEntries(invalid.map((i) => [i.id, i.problems]));
    expect(problems).toEqual({
      'a-string': ['record: must be a Y.Map of fields, found "hello"'],
      'a-plain-object': ['record: must be a Y.Map of fields, found an object'],
      'no-title': ['title: is required'],
      party: [
        'kind: must be one of anniversary, contest, exhibition, lecture, training, meeting, study, publicity, volunteer, assessment, other; found "party"',
      ],
      feb30: ['start: must be a real date as YYYY-MM-DD or YYYY-MM-DDTHH:mm; found "2026-02-30"'],
      backwards: ['end: must be after start ("2026-03-02T10:00"), found "2026-03-02T09:00"'],
      'units-number': ['units: must be a list of text, found number 5'],
    });
    for (const i of invalid) expect(i.collection).toBe('events');
    expect(invalid.find((i) => i.id === 'a-plain-object')?.raw).toEqual({ title: 'plain' });
    expect(invalid.find((i) => i.id === 'a-string')?.raw).toEqual({ value: 'hello' });
    expect(invalid.find((i) => i.id === 'party')?.raw).toMatchObject({ title: '活动', kind: 'party' });

    const single = readEvent(doc, 'a-string');
    expect(single?.ok).toBe(false);
  });

  it('reads a Y.Text as text, so a future collaborative-text field still reads', () => {
    const doc = new Y.Doc();
    const id = createEvent(doc, minimalEvent());
    const map = doc.getMap('events').get(id) as Y.Map<unknown>;
    map.set('title', new Y.Text('富文本'));
    map.set('exdates', ['2026-13-01']);
    const r = readEvent(doc, id);
    expect(r?.ok).toBe(false);
    if (!r || r.ok) return;
    expect(r.invalid.problems).toEqual([
      'exdates: must list a real date as YYYY-MM-DD or YYYY-MM-DDTHH:mm; found "2026-13-01"',
    ]);
    expect(r.invalid.raw.title).toBe('富文本');
  });

});
