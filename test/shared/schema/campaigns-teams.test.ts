import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createCampaign,
  createTeam,
  isDeleted,
  purgeCampaign,
  purgeTeam,
  readCampaign,
  readCampaigns,
  readTeam,
  readTeams,
  restoreCampaign,
  restoreTeam,
  softDeleteCampaign,
  softDeleteTeam,
  updateCampaign,
  updateTeam,
  type CampaignFields,
} from '../../../shared/src/schema';
import { snapshot, sync } from './fixtures';

const campaign = (): CampaignFields => ({
  title: '国庆宣传月',
  start: '2026-09-15',
  end: '2026-10-08',
  color: '#cc0000',
  sectionIds: ['s1'],
  notes: '重点',
});

describe('campaigns', () => {
  it('round-trips, updates minimally and soft-deletes', () => {
    const doc = new Y.Doc();
    const id = createCampaign(doc, campaign());
    expect(readCampaign(doc, id)).toEqual({ ok: true, record: { ...campaign(), id } });
    const map = doc.getMap('campaigns').get(id) as Y.Map<unknown>;
    expect(map.get('sectionIds')).toBeInstanceOf(Y.Array);
    // Campaigns carry no updatedAt/updatedBy stamp (Contract 1).
    expect(map.has('updatedAt')).toBe(false);

    map.set('owner', '宣传部'); // unknown field
    const changedKeys: string[] = [];
    map.observe((e) => changedKeys.push(...e.keysChanged));
    updateCampaign(doc, id, { ...campaign(), color: undefined, notes: '更重点' });
    expect(changedKeys.sort()).toEqual(['color', 'notes']);
    expect(map.get('owner')).toBe('宣传部');

    softDeleteCampaign(doc, id, { now: 10 });
    const r = readCampaign(doc, id);
    expect(r?.ok && isDeleted(r.record)).toBe(true);
    restoreCampaign(doc, id);
    expect(readCampaigns(doc).campaigns.map((c) => [c.id, c.deletedAt])).toEqual([[id, undefined]]);
    expect(purgeCampaign(doc, id)).toBe(true);
    expect(readCampaigns(doc)).toEqual({ campaigns: [], invalid: [] });
  });

  it('rejects invalid input without touching the doc, and reports garbage', () => {
    const doc = new Y.Doc();
    const id = createCampaign(doc, campaign());
    const before = snapshot(doc);
    expect(() => createCampaign(doc, { ...campaign(), end: '2026-09-01' })).toThrow(/Invalid campaign: end: must be after start/);
    expect(() => updateCampaign(doc, id, { start: '2026-9-1' })).toThrow(/start: must be a real date/);
    expect(snapshot(doc)).toBe(before);

    doc.getMap('campaigns').set('bad', ['not', 'a', 'map']);
    const { campaigns, invalid } = readCampaigns(doc);
    expect(campaigns.map((c) => c.id)).toEqual([id]);
    expect(invalid).toEqual([
      {
        collection: 'campaigns',
        id: 'bad',
        problems: ['record: must be a Y.Map of fields, found a list'],
        raw: { value: ['not', 'a', 'map'] },
      },
    ]);
  });
});

describe('teams', () => {
  it('round-trips, merges concurrent member additions, soft-deletes', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = createTeam(a, { name: '理论宣讲分队', topic: '党的二十大精神', members: ['甲'], color: 'blue' });
    sync(a, b);
    updateTeam(a, id, { members: ['甲', '乙'] });
    updateTeam(b, id, { members: ['甲', '丙'], topic: '新思想' });
    sync(a, b);
    const r = readTeam(a, id);
    if (!r?.ok) throw new Error('expected a valid team');
    expect([...r.record.members].sort()).toEqual(['丙', '乙', '甲'].sort());
    expect(r.record.topic).toBe('新思想');
    expect(readTeam(b, id)).toEqual(r);

    expect(softDeleteTeam(a, id, { now: 3 })).toBe(true);
    expect(readTeams(a).teams[0].deletedAt).toBe(3);
    expect(restoreTeam(a, id)).toBe(true);
    expect(readTeams(a).teams[0].deletedAt).toBeUndefined();
    expect(purgeTeam(a, id)).toBe(true);
  });

  it('rejects a team without members list or name', () => {
    const doc = new Y.Doc();
    const before = snapshot(doc);
    expect(() => createTeam(doc, { name: '分队' } as never)).toThrow('Invalid team: members: is required');
    expect(() => createTeam(doc, { name: '', members: [] })).toThrow(/name: must be non-empty text/);
    expect(snapshot(doc)).toBe(before);
  });
});
