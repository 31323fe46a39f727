import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CAMPAIGNS, EVENTS, createWithHistory } from '../../../shared/src/schema';
import type { EventRecord } from '../../../shared/src/schema/types';
import { diffDays } from '../../../shared/src/time/dates';
import { createWorkspaceReader } from '../../../shared/src/workspace';
import { IDS, SEED, apiFor, bytes, content, seeded } from '../workspace/fixtures';

const CAMP = IDS.campaign; // 文明实践月, 2026-03-01 – 2026-04-01
const OTHER = 'camp-other';

/** The seeded workspace plus activities of the campaign in every form, and some that must not move. */
function workspace(): Y.Doc {
  const { doc } = seeded();
  const ev = (id: string, fields: Partial<EventRecord>) =>
    createWithHistory(doc, EVENTS, { title: id, kind: 'publicity', status: 'confirmed', start: '2026-03-01', ...fields } as never, { ...SEED, id });
  createWithHistory(doc, CAMPAIGNS, { title: '另一个活动', start: '2026-03-01', end: '2026-04-01' }, { ...SEED, id: OTHER });
  ev('all-day', { campaignId: CAMP, start: '2026-03-03', end: '2026-03-06' });
  ev('no-end', { campaignId: CAMP, start: '2026-03-20' });
  ev('timed', { campaignId: CAMP, start: '2026-03-10T09:30', end: '2026-03-10T11:00' });
  ev('series', { campaignId: CAMP, start: '2026-03-02T14:00', end: '2026-03-02T15:00', rrule: 'FREQ=WEEKLY;BYDAY=MO', exdates: ['2026-03-09T14:00', '2026-03-23T14:00'] });
  ev('cancelled', { campaignId: CAMP, start: '2026-03-25', status: 'cancelled' });
  ev('unlinked', { start: '2026-03-04' });
  ev('other-campaign', { campaignId: OTHER, start: '2026-03-05' });
  ev('trashed', { campaignId: CAMP, start: '2026-03-12', deletedAt: 50 });
  return doc;
}

const MOVING = ['all-day', 'no-end', 'timed', 'series', 'cancelled'];
const STAYING = ['unlinked', 'other-campaign', 'trashed', IDS.event, IDS.series, IDS.trashedEvent];

function event(doc: Y.Doc, id: string): EventRecord {
  const r = createWorkspaceReader(doc).event(id);
  if (!r?.ok) throw new Error(`event ${id} is ${r ? 'invalid' : 'missing'}`);
  return r.record;
}
function campaign(doc: Y.Doc, id: string) {
  const r = createWorkspaceReader(doc).campaign(id);
  if (!r?.ok) throw new Error(`campaign ${id} is ${r ? 'invalid' : 'missing'}`);
  return r.record;
}
const raw = (doc: Y.Doc, id: string) => (doc.getMap('events').get(id) as Y.Map<unknown>).toJSON();

describe('campaign.move', () => {
  it('with its activities: each live linked event moves by as many days as the start, keeping its offset and form', () => {
    const doc = workspace();
    const api = apiFor(doc);
    const before = Object.fromEntries([...MOVING, ...STAYING].map((id) => [id, event(doc, id)]));
    const stayingRaw = Object.fromEntries(STAYING.map((id) => [id, raw(doc, id)]));

    const r = api.run('campaign.move', { id: CAMP, start: '2026-03-08', end: '2026-04-08', withActivities: true });
    expect(r).toEqual({ ok: true, value: MOVING.length });
    expect(campaign(doc, CAMP)).toMatchObject({ start: '2026-03-08', end: '2026-04-08' });

    expect(event(doc, 'all-day')).toMatchObject({ start: '2026-03-10', end: '2026-03-13' });
    expect(event(doc, 'no-end').start).toBe('2026-03-27');
    expect(event(doc, 'no-end').end).toBeUndefined();
    expect(event(doc, 'timed')).toMatchObject({ start: '2026-03-17T09:30', end: '2026-03-17T11:00' });
    expect(event(doc, 'series')).toMatchObject({
      start: '2026-03-09T14:00',
      end: '2026-03-09T15:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      exdates: ['2026-03-16T14:00', '2026-03-30T14:00'],
    });
    expect(event(doc, 'cancelled').start).toBe('2026-04-01');
    for (const id of MOVING) {
      const [b, a] = [before[id]!, event(doc, id)];
      // The offset from the campaign's start is kept, and nothing but the dates changed.
      expect(diffDays('2026-03-08', a.start), id).toBe(diffDays('2026-03-01', b.start));
      expect({ ...a, start: 0, end: 0, exdates: 0, updatedAt: 0, updatedBy: 0 }).toEqual({ ...b, start: 0, end: 0, exdates: 0, updatedAt: 0, updatedBy: 0 });
      expect(a.updatedBy).toBe('王编辑');
    }
    // Unlinked, other campaigns' and trashed events are untouched.
    for (const id of STAYING) expect(raw(doc, id), id).toEqual(stayingRaw[id]);
    expect(campaign(doc, OTHER)).toMatchObject({ start: '2026-03-01', end: '2026-04-01' });
  });

  it('moves activities backwards too, across a leap day', () => {
    const { doc } = seeded();
    createWithHistory(doc, CAMPAIGNS, { title: '冬春', start: '2028-03-05', end: '2028-03-20' }, { ...SEED, id: 'c28' });
    createWithHistory(doc, EVENTS, { title: 'x', kind: 'study', status: 'planned', start: '2028-03-06', end: '2028-03-08', campaignId: 'c28' } as never, { ...SEED, id: 'x' });
    createWithHistory(doc, EVENTS, { title: 'y', kind: 'study', status: 'planned', start: '2028-03-05T08:00', campaignId: 'c28' } as never, { ...SEED, id: 'y' });
    const r = apiFor(doc).run('campaign.move', { id: 'c28', start: '2028-02-25', end: '2028-03-11', withActivities: true });
    expect(r).toEqual({ ok: true, value: 2 });
    // −9 days: 6 March 2028 − 9 = 26 February; 5 March − 9 = 25 February (29 February in between).
    expect(event(doc, 'x')).toMatchObject({ start: '2028-02-26', end: '2028-02-28' });
    expect(event(doc, 'y').start).toBe('2028-02-25T08:00');
  });

  it('without withActivities, or when only the end changes, moves the campaign alone', () => {
    for (const input of [
      { id: CAMP, start: '2026-03-08', end: '2026-04-08' },
      { id: CAMP, start: '2026-03-08', end: '2026-04-08', withActivities: false },
      { id: CAMP, start: '2026-03-01', end: '2026-04-15', withActivities: true },
    ]) {
      const doc = workspace();
      const events = Object.fromEntries([...MOVING, ...STAYING].map((id) => [id, raw(doc, id)]));
      expect(apiFor(doc).run('campaign.move', input)).toEqual({ ok: true, value: 0 });
      expect(campaign(doc, CAMP)).toMatchObject({ start: input.start, end: input.end });
      for (const [id, v] of Object.entries(events)) expect(raw(doc, id), id).toEqual(v);
    }
  });

  it('is one undo step: undo restores the campaign and every activity, redo moves them again', () => {
    const doc = workspace();
    const api = apiFor(doc);
    const before = content(doc);
    expect(api.stackSizes()).toEqual({ undo: 0, redo: 0 });
    const r = api.run('campaign.move', { id: CAMP, start: '2026-03-15', end: '2026-04-15', withActivities: true });
    expect(r.ok).toBe(true);
    const after = content(doc);
    expect(after).not.toEqual(before);
    expect(api.stackSizes()).toEqual({ undo: 1, redo: 0 });

    expect(api.undo()).toEqual({ ok: true, value: true });
    expect(content(doc)).toEqual(before);
    expect(api.canUndo()).toBe(false);
    expect(api.stackSizes()).toEqual({ undo: 0, redo: 1 });

    expect(api.redo()).toEqual({ ok: true, value: true });
    expect(content(doc)).toEqual(after);
    expect(event(doc, 'series').exdates).toEqual(['2026-03-23T14:00', '2026-04-06T14:00']);
  });

  it('is refused for a view link, leaving the document byte-identical', () => {
    const doc = workspace();
    const was = bytes(doc);
    const r = apiFor(doc, { role: () => 'view' }).run('campaign.move', { id: CAMP, start: '2026-03-08', end: '2026-04-08', withActivities: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'read-only', reason: 'view-link' });
    expect(bytes(doc)).toBe(was);
  });

  it('refuses a missing or trashed campaign and invalid dates, changing nothing', () => {
    const doc = workspace();
    const api = apiFor(doc);
    const was = content(doc);
    const code = (input: { id: string; start: string; end: string; withActivities?: boolean }) => {
      const r = api.run('campaign.move', input);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code({ id: 'nope', start: '2026-03-08', end: '2026-04-08', withActivities: true })).toBe('not-found');
    expect(code({ id: IDS.trashedCampaign, start: '2025-03-08', end: '2025-04-08', withActivities: true })).toBe('conflict');
    expect(code({ id: CAMP, start: '2026-02-30', end: '2026-04-08', withActivities: true })).toBe('invalid');
    expect(code({ id: CAMP, start: '2026-03-08', end: 'later', withActivities: true })).toBe('invalid');
    expect(code({ id: CAMP, start: '2026-03-08', end: '2026-03-01', withActivities: true })).toBe('invalid');
    expect(content(doc)).toEqual(was);
    expect(api.canUndo()).toBe(false);
  });
});
