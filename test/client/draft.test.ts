import { describe, expect, it } from 'vitest';
import type { EventRecord } from '@shared/schema/types';
import { audienceOf, draftFromRecord, draftToFields, emptyDraft } from '../../client/src/features/editor/draft';

const session: EventRecord = {
  id: 'e1',
  title: '宣讲进社区',
  kind: 'lecture',
  status: 'planned',
  start: '2026-05-12T09:00',
  end: '2026-05-12T10:30',
  teamId: 't1',
  speakers: ['王芳', '李明'],
  hostUnitId: 'u1',
  audience: 120,
  reminders: [0, 1440],
};

describe("the event editor's draft", () => {
  it('keeps a session’s team, speakers, host unit, audience and reminders through the form', () => {
    const fields = draftToFields(draftFromRecord(session), session);
    expect(fields).toMatchObject({ teamId: 't1', speakers: ['王芳', '李明'], hostUnitId: 'u1', audience: 120, reminders: [0, 1440] });
  });

  it('clears what was set and is no longer, and writes nothing for what never was', () => {
    const d = { ...draftFromRecord(session), teamId: '', hostUnitId: '', audience: '', speakers: '', reminders: [] };
    const fields = draftToFields(d, session);
    expect(fields).toHaveProperty('teamId', undefined);
    expect(fields).toHaveProperty('hostUnitId', undefined);
    expect(fields).toHaveProperty('audience', undefined);
    expect(fields.speakers).toEqual([]);
    expect(fields.reminders).toEqual([]);
    const fresh = draftToFields({ ...emptyDraft('2026-05-12'), title: '会' });
    for (const key of ['teamId', 'hostUnitId', 'audience', 'speakers', 'reminders']) expect(fresh).not.toHaveProperty(key);
  });

  it('reads the audience as a whole number, nothing, or not a number', () => {
    const d = emptyDraft('2026-05-12');
    expect(audienceOf({ ...d, audience: ' 80 ' })).toBe(80);
    expect(audienceOf({ ...d, audience: '' })).toBeUndefined();
    expect(audienceOf({ ...d, audience: '八十' })).toBeNull();
    expect(audienceOf({ ...d, audience: '-3' })).toBeNull();
  });
});
