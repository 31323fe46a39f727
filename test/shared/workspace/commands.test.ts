import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  SCHEMA_VERSION,
  draftKey,
  lostValues,
  readHistory,
  readSection,
  type PlanDraft,
} from '../../../shared/src/schema';
import {
  COMMANDS,
  COMMAND_GROUPS,
  createWorkspaceReader,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type Result,
  type WorkspaceApi,
} from '../../../shared/src/workspace';
import { CLOCK, IDS, OLD_PLAN_ID, PLAN_ID, TEMPLATE_PHASES, TRAY_KEY, apiFor, bytes, content, countUpdates, sec, seeded, type Seed } from './fixtures';

const NAMES = Object.keys(COMMANDS) as CommandName[];

/** `run` without the per-name typing, for the table-driven tests. */
const runAny = (api: WorkspaceApi, name: CommandName, input: unknown): Result<unknown> =>
  (api.run as (n: CommandName, i: unknown) => Result<unknown>)(name, input);

const reader = (s: Seed) => createWorkspaceReader(s.doc);
function event(s: Seed, id: string) {
  const r = reader(s).event(id);
  if (!r?.ok) throw new Error(`event ${id} is ${r ? 'invalid' : 'missing'}`);
  return r.record;
}
function campaign(s: Seed, id: string) {
  const r = reader(s).campaign(id);
  if (!r?.ok) throw new Error(`campaign ${id} is ${r ? 'invalid' : 'missing'}`);
  return r.record;
}
const team = (s: Seed, id: string) => reader(s).liveTeams().find((t) => t.id === id) ?? null;
const observance = (s: Seed, id: string) => (s.doc.getMap('observances').get(id) as Y.Map<unknown> | undefined)?.toJSON() ?? null;
const unit = (s: Seed, id: string) => (s.doc.getMap('units').get(id) as Y.Map<unknown> | undefined)?.toJSON() ?? null;
const teamRaw = (s: Seed, id: string) => (s.doc.getMap('teams').get(id) as Y.Map<unknown> | undefined)?.toJSON();
function plan(s: Seed, id = PLAN_ID) {
  const r = reader(s).plan(id);
  if (!r?.ok) throw new Error(`plan ${id} is ${r ? 'invalid' : 'missing'}`);
  return r.record;
}
function section(s: Seed, id: string) {
  const r = readSection(s.doc, id);
  if (!r?.ok) throw new Error(`section ${id} unreadable`);
  return r.record;
}
const eventIds = (s: Seed) => new Set(reader(s).events().events.map((e) => e.id));

interface Case<K extends CommandName> {
  input: (s: Seed) => CommandInput<K>;
  /** Asserts the document now holds what the command should have written. */
  check: (s: Seed, value: CommandOutput<K>, before: { events: Set<string> }) => void;
}

const DATED: PlanDraft = { title: '“我们的节日·清明”主题活动', kind: 'publicity', sectionId: sec('s2'), start: '2026-04-03', units: ['文明办'] };
const CAMPAIGN_DRAFT: PlanDraft = { title: '全民阅读系列活动', kind: 'campaign', sectionId: sec('s2'), start: '2026-04-01', end: '2026-05-01', units: [] };

/**
 * One valid input per command and what it must do to the document. Typed over every
 * CommandName, and iterated over Object.keys(COMMANDS) below: a new command without a case
 * fails both the typecheck and the test.
 */
const CASES: { [K in CommandName]: Case<K> } = {
  'event.create': {
    input: () => ({ fields: { title: '新闻发言人培训', kind: 'training', start: '2026-06-02', status: 'planned', location: '', units: [] } }),
    check: (s, id) => {
      const e = event(s, id);
      expect(e).toMatchObject({ title: '新闻发言人培训', kind: 'training', start: '2026-06-02', status: 'planned', updatedAt: CLOCK, updatedBy: '王编辑' });
      // Nothing empty is stored.
      expect((s.doc.getMap('events').get(id) as Y.Map<unknown>).has('location')).toBe(false);
      expect((s.doc.getMap('events').get(id) as Y.Map<unknown>).has('units')).toBe(false);
    },
  },
  'event.update': {
    input: () => ({ id: IDS.event, patch: { title: '中心组专题学习', notes: '带笔记本' } }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(event(s, IDS.event)).toMatchObject({ title: '中心组专题学习', notes: '带笔记本', updatedAt: CLOCK, updatedBy: '王编辑' });
    },
  },
  'event.move': {
    input: () => ({ id: IDS.event, start: '2026-03-12', end: '2026-03-14' }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(event(s, IDS.event)).toMatchObject({ start: '2026-03-12', end: '2026-03-14' });
    },
  },
  'event.skipOccurrence': {
    input: () => ({ id: IDS.series, occurrenceStart: '2026-03-13T14:30' }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(event(s, IDS.series).exdates).toEqual(['2026-03-13T14:30']);
    },
  },
  'event.delete': {
    input: () => ({ id: IDS.event }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(event(s, IDS.event).deletedAt).toBe(CLOCK);
      expect(reader(s).liveEvents().map((e) => e.id)).not.toContain(IDS.event);
    },
  },
  'event.restore': {
    input: () => ({ id: IDS.trashedEvent }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(event(s, IDS.trashedEvent).deletedAt).toBeUndefined();
      expect(reader(s).liveEvents().map((e) => e.id)).toContain(IDS.trashedEvent);
    },
  },
  'event.purge': {
    input: () => ({ id: IDS.trashedEvent }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(reader(s).event(IDS.trashedEvent)).toBeUndefined();
      expect(s.doc.getMap('events').has(IDS.trashedEvent)).toBe(false);
    },
  },
  'campaign.create': {
    input: () => ({ fields: { title: '国家安全教育月', start: '2026-04-01', end: '2026-05-01', notes: '' } }),
    check: (s, id) => {
      expect(campaign(s, id)).toEqual({ id, title: '国家安全教育月', start: '2026-04-01', end: '2026-05-01' });
    },
  },
  'campaign.update': {
    input: () => ({ id: IDS.campaign, patch: { end: '2026-04-15', color: '#c00' } }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(campaign(s, IDS.campaign)).toMatchObject({ start: '2026-03-01', end: '2026-04-15', color: '#c00' });
    },
  },
  'campaign.move': {
    input: () => ({ id: IDS.campaign, start: '2026-03-08', end: '2026-04-08', withActivities: true }),
    check: (s, moved) => {
      expect(moved).toBe(0); // the seed links no activity to it (see test/shared/timeline/campaign-move.test.ts)
      expect(campaign(s, IDS.campaign)).toMatchObject({ start: '2026-03-08', end: '2026-04-08' });
    },
  },
  'campaign.delete': {
    input: () => ({ id: IDS.campaign }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(campaign(s, IDS.campaign).deletedAt).toBe(CLOCK);
      expect(reader(s).liveCampaigns().map((c) => c.id)).not.toContain(IDS.campaign);
    },
  },
  'campaign.restore': {
    input: () => ({ id: IDS.trashedCampaign }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(reader(s).liveCampaigns().map((c) => c.id)).toContain(IDS.trashedCampaign);
    },
  },
  'campaign.purge': {
    input: () => ({ id: IDS.trashedCampaign }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(reader(s).campaign(IDS.trashedCampaign)).toBeUndefined();
    },
  },
  'team.create': {
    input: () => ({ fields: { name: '网评员队伍', members: ['赵六'], topic: '' } }),
    check: (s, id) => {
      expect(team(s, id)).toEqual({ id, name: '网评员队伍', members: ['赵六'] });
    },
  },
  'team.update': {
    input: () => ({ id: IDS.team, patch: { members: ['张三', '李四', '孙七'], topic: '党的创新理论' } }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(team(s, IDS.team)).toMatchObject({ members: ['张三', '李四', '孙七'], topic: '党的创新理论' });
    },
  },
  'team.delete': {
    input: () => ({ id: IDS.team }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(team(s, IDS.team)).toBeNull();
      expect(teamRaw(s, IDS.team)).toMatchObject({ deletedAt: CLOCK });
    },
  },
  'team.restore': {
    input: () => ({ id: IDS.trashedTeam }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(team(s, IDS.trashedTeam)).toMatchObject({ name: '解散的小组' });
    },
  },
  'workspace.setTravelBuffer': {
    input: () => ({ minutes: 90 }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(s.doc.getMap('meta').get('travelBufferMinutes')).toBe(90);
    },
  },
  'workspace.setPhaseCascade': {
    input: () => ({ mode: 'on-overlap' }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(s.doc.getMap('meta').get('phaseCascade')).toBe('on-overlap');
    },
  },
  'contest.createFromTemplate': {
    input: () => ({ template: 'knowledge-contest', title: '法治知识竞赛', anchor: { phaseKey: 'final', start: '2026-10-16' }, fields: { sectionIds: [sec('s2')] } }),
    check: (s, { mainId, phaseIds }) => {
      const main = event(s, mainId);
      expect(main).toMatchObject({ title: '法治知识竞赛', kind: 'contest', sectionIds: [sec('s2')] });
      const phases = phaseIds.map((id) => event(s, id));
      expect(phases.map((p) => p.phase)).toEqual(['notice', 'registration-deadline', 'preliminary', 'semifinal', 'final', 'award']);
      expect(phases.every((p) => p.parentId === mainId && p.sectionIds?.[0] === sec('s2'))).toBe(true);
      expect(phases[4]!.start).toBe('2026-10-16T14:30');
      // Each phase follows the one before it.
      phases.slice(1).forEach((p, i) => expect(p.after).toBe(phaseIds[i]));
      expect(main.start).toBe(phases[0]!.start);
    },
  },
  'phase.add': {
    input: () => ({ mainId: IDS.contest, fields: { title: '读书知识竞赛·颁奖', kind: 'contest', start: '2026-06-08T10:00', status: 'planned', phase: 'award', after: IDS.final, lagDays: 1, lagUnit: 'workday' } }),
    check: (s, id) => {
      expect(event(s, id)).toMatchObject({ parentId: IDS.contest, after: IDS.final, lagDays: 1, lagUnit: 'workday' });
    },
  },
  'phase.link': {
    input: () => ({ id: IDS.final, after: IDS.notice, lagDays: 1, lagUnit: 'workday' }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(event(s, IDS.final)).toMatchObject({ after: IDS.notice, lagDays: 1, lagUnit: 'workday' });
    },
  },
  'phase.fixLinks': {
    // The seeded final starts the day after the notice, though it follows it by two days.
    input: () => ({ mainId: IDS.contest }),
    check: (s, moved) => {
      expect(moved).toBe(2);
      // Notice ends 06-02 (exclusive), + 2 days: the final at 14:00 on 06-04; the main re-spans.
      expect(event(s, IDS.final)).toMatchObject({ start: '2026-06-04T14:00', end: '2026-06-04T16:00' });
      expect(event(s, IDS.contest)).toMatchObject({ start: '2026-06-01', end: '2026-06-05' });
    },
  },
  'template.create': {
    input: () => ({ fields: { name: '演讲比赛（县级）', kind: 'contest', phases: TEMPLATE_PHASES } }),
    check: (s, id) => {
      expect((s.doc.getMap('templates').get(id) as Y.Map<unknown>).toJSON()).toEqual({ name: '演讲比赛（县级）', kind: 'contest', phases: TEMPLATE_PHASES });
    },
  },
  'template.update': {
    input: () => ({ id: IDS.template, patch: { name: '改名的模板' } }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect((s.doc.getMap('templates').get(IDS.template) as Y.Map<unknown>).get('name')).toBe('改名的模板');
    },
  },
  'template.delete': {
    input: () => ({ id: IDS.template }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect((s.doc.getMap('templates').get(IDS.template) as Y.Map<unknown>).get('deletedAt')).toBe(CLOCK);
    },
  },
  'template.restore': {
    input: () => ({ id: IDS.trashedTemplate }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect((s.doc.getMap('templates').get(IDS.trashedTemplate) as Y.Map<unknown>).has('deletedAt')).toBe(false);
    },
  },
  'template.purge': {
    input: () => ({ id: IDS.trashedTemplate }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(s.doc.getMap('templates').has(IDS.trashedTemplate)).toBe(false);
    },
  },
  'template.saveFromEvent': {
    input: () => ({ mainId: IDS.contest, name: '我们的读书竞赛' }),
    check: (s, key) => {
      expect(key).toMatch(/^saved:/);
      const saved = (s.doc.getMap('templates').get(key.slice(6)) as Y.Map<unknown>).toJSON();
      expect(saved).toMatchObject({ name: '我们的读书竞赛', kind: 'contest' });
      const phases = JSON.parse(saved.phases as string);
      expect(phases.map((p: { key: string; after?: string; lagDays: number }) => [p.key, p.after, p.lagDays])).toEqual([
        ['notice', undefined, 0],
        ['final', 'notice', 0],
      ]);
    },
  },
  'observance.create': {
    input: () => ({ fields: { title: '英雄诞辰', rule: 'lunar:03-05', originYear: 1926, notes: '' } }),
    check: (s, id) => {
      expect(observance(s, id)).toEqual({ title: '英雄诞辰', rule: 'lunar:03-05', originYear: 1926 });
    },
  },
  'observance.update': {
    input: () => ({ id: IDS.observance, patch: { rule: 'nth:09-2-6' } }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(observance(s, IDS.observance)).toMatchObject({ rule: 'nth:09-2-6', originYear: 1956 });
    },
  },
  'observance.delete': {
    input: () => ({ id: IDS.observance }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(observance(s, IDS.observance)).toMatchObject({ deletedAt: CLOCK });
    },
  },
  'observance.restore': {
    input: () => ({ id: IDS.trashedObservance }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(observance(s, IDS.trashedObservance)).not.toHaveProperty('deletedAt');
    },
  },
  'observance.purge': {
    input: () => ({ id: IDS.trashedObservance }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(observance(s, IDS.trashedObservance)).toBeNull();
    },
  },
  'unit.create': {
    input: () => ({ fields: { name: '县融媒体中心', category: 'agency', target: true, address: '' } }),
    check: (s, id) => {
      expect(unit(s, id)).toEqual({ name: '县融媒体中心', category: 'agency', target: true });
    },
  },
  'unit.update': {
    input: () => ({ id: IDS.unit, patch: { contact: '王老师 138…', target: false } }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(unit(s, IDS.unit)).toMatchObject({ contact: '王老师 138…', target: false, category: 'school' });
    },
  },
  'unit.delete': {
    input: () => ({ id: IDS.unit }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(unit(s, IDS.unit)).toMatchObject({ deletedAt: CLOCK });
    },
  },
  'unit.restore': {
    input: () => ({ id: IDS.trashedUnit }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(unit(s, IDS.trashedUnit)).not.toHaveProperty('deletedAt');
    },
  },
  'unit.purge': {
    input: () => ({ id: IDS.trashedUnit }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(unit(s, IDS.trashedUnit)).toBeNull();
    },
  },
  'unit.importMany': {
    input: () => ({
      units: [
        { name: '东关社区', category: 'community', target: true },
        { name: '县实验中学', category: 'school', target: true, contact: '' },
      ],
    }),
    check: (s, ids) => {
      expect(ids).toHaveLength(2);
      expect(ids.map((id) => unit(s, id)?.name)).toEqual(['东关社区', '县实验中学']);
      expect(unit(s, ids[1]!)).not.toHaveProperty('contact');
    },
  },
  'session.createMany': {
    input: () => ({
      sessions: [
        { title: '宣讲进社区', kind: 'lecture', status: 'planned', start: '2026-05-12T09:00', end: '2026-05-12T10:30', teamId: IDS.team, speakers: ['张三'], hostUnitId: IDS.unit, audience: 80 },
        { title: '宣讲进校园', kind: 'lecture', status: 'planned', start: '2026-05-13T14:30', end: '2026-05-13T16:00', teamId: IDS.team, speakers: ['李四'], hostUnitId: IDS.unit },
      ],
    }),
    check: (s, ids, before) => {
      expect(ids).toHaveLength(2);
      for (const id of ids) expect(before.events.has(id)).toBe(false);
      expect(event(s, ids[0]!)).toMatchObject({ speakers: ['张三'], hostUnitId: IDS.unit, audience: 80, teamId: IDS.team });
      expect(event(s, ids[1]!).speakers).toEqual(['李四']);
    },
  },
  'team.purge': {
    input: () => ({ id: IDS.trashedTeam }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(teamRaw(s, IDS.trashedTeam)).toBeUndefined();
    },
  },
  'plan.import': {
    input: () => ({
      title: '2026年精神文明建设工作方案',
      year: 2026,
      source: '一、总体要求\n二、主要任务',
      sections: [
        { id: 's1', parentId: '', label: '一、', title: '总体要求', body: '', level: 1, order: 0 },
        { id: 's2', parentId: '', label: '二、', title: '主要任务', body: '正文', level: 1, order: 1 },
      ],
    }),
    check: (s, id) => {
      expect(id).not.toBe(PLAN_ID);
      expect(plan(s, id)).toMatchObject({ title: '2026年精神文明建设工作方案', year: 2026, importedAt: CLOCK, source: '一、总体要求\n二、主要任务' });
      expect(reader(s).sections(id).sections.map((x) => [x.id, x.title])).toEqual([
        [`${id}/s1`, '总体要求'],
        [`${id}/s2`, '主要任务'],
      ]);
    },
  },
  'plan.delete': {
    input: () => ({ id: PLAN_ID }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(plan(s).deletedAt).toBe(CLOCK);
      // Soft: the outline stays.
      expect(reader(s).sections(PLAN_ID).sections).toHaveLength(4);
    },
  },
  'plan.restore': {
    input: () => ({ id: OLD_PLAN_ID }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(plan(s, OLD_PLAN_ID).deletedAt).toBeUndefined();
    },
  },
  'draft.accept': {
    input: () => ({ planId: PLAN_ID, drafts: [DATED, CAMPAIGN_DRAFT] }),
    check: (s, results, before) => {
      expect(results).toEqual(['event', 'campaign']);
      const created = reader(s).events().events.filter((e) => !before.events.has(e.id));
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({ title: DATED.title, start: '2026-04-03', status: 'planned', sectionIds: [sec('s2')], units: ['文明办'] });
      expect(reader(s).liveCampaigns().map((c) => c.title)).toContain('全民阅读系列活动');
      expect(plan(s).acceptedDrafts).toEqual(expect.arrayContaining([draftKey(DATED), draftKey(CAMPAIGN_DRAFT)]));
    },
  },
  'draft.acceptEdited': {
    input: () => ({
      planId: PLAN_ID,
      draftKey: draftKey(DATED),
      fields: { title: '清明祭英烈', kind: 'anniversary', start: '2026-04-04', status: 'confirmed', location: '烈士陵园' },
    }),
    check: (s, id) => {
      expect(event(s, id)).toMatchObject({ title: '清明祭英烈', kind: 'anniversary', start: '2026-04-04', status: 'confirmed', location: '烈士陵园' });
      expect(plan(s).acceptedDrafts).toContain(draftKey(DATED));
    },
  },
  'draft.dismiss': {
    input: () => ({ planId: PLAN_ID, keys: [draftKey(DATED)] }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(plan(s).dismissedDrafts).toEqual([draftKey(DATED)]);
    },
  },
  'tray.schedule': {
    input: () => ({ planId: PLAN_ID, key: TRAY_KEY, start: '2026-09-29' }),
    check: (s, id) => {
      expect(event(s, id)).toMatchObject({ title: '走访慰问老党员', kind: 'volunteer', start: '2026-09-29', status: 'planned' });
      expect(reader(s).tray(PLAN_ID)).toEqual([]);
    },
  },
  'section.update': {
    input: () => ({ id: sec('s2'), patch: { title: '宣传教育活动', body: '新正文' } }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(section(s, sec('s2'))).toMatchObject({ title: '宣传教育活动', body: '新正文' });
    },
  },
  'section.move': {
    input: () => ({ id: sec('s3'), parentId: sec('s2') }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(section(s, sec('s3'))).toMatchObject({ parentId: sec('s2'), level: 2 });
    },
  },
  'section.indent': {
    input: () => ({ id: sec('s2'), direction: 1 }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(section(s, sec('s2'))).toMatchObject({ parentId: sec('s1'), level: 2 });
      expect(reader(s).sections(PLAN_ID).sections.map((x) => x.id)).toEqual([sec('s1'), sec('s1.1'), sec('s2'), sec('s3')]);
    },
  },
  'section.reorder': {
    input: () => ({ id: sec('s2'), direction: -1 }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(reader(s).sections(PLAN_ID).sections.map((x) => x.id)).toEqual([sec('s2'), sec('s1'), sec('s1.1'), sec('s3')]);
    },
  },
  'history.restore': {
    input: (s) => ({ id: IDS.event, field: 'location', value: s.lost.value }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      const e = event(s, IDS.event);
      expect(e.location).toBe(s.lost.value);
      expect(lostValues(s.doc, e)).toEqual([]);
    },
  },
  'history.dismiss': {
    input: (s) => ({ id: IDS.event, lost: s.lost }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      const e = event(s, IDS.event);
      expect(e.location).toBe(s.winner);
      expect(lostValues(s.doc, e)).toEqual([]);
    },
  },
  'workspace.rename': {
    input: () => ({ name: '  宣传部 2026 日程  ' }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(reader(s).meta().name).toBe('宣传部 2026 日程');
    },
  },
  'workspace.setTimezone': {
    input: () => ({ timezone: 'Asia/Urumqi' }),
    check: (s, changed) => {
      expect(changed).toBe(true);
      expect(reader(s).meta().timezone).toBe('Asia/Urumqi');
    },
  },
  'ics.import': {
    input: () => ({
      parsed: {
        events: [
          { id: 'ics-new', title: '外部会议', kind: 'meeting', start: '2026-05-20T09:00', end: '2026-05-20T10:00', status: 'confirmed' },
          { id: IDS.event, title: '理论学习中心组学习（改期）', kind: 'study', start: '2026-03-11', status: 'planned', location: '文化馆' },
        ],
        warnings: [],
        defaulted: {},
      },
    }),
    check: (s, result) => {
      expect(result).toMatchObject({ created: ['ics-new'], updated: [IDS.event], unchanged: [], inTrash: [], failed: [] });
      expect(event(s, 'ics-new')).toMatchObject({ title: '外部会议', start: '2026-05-20T09:00' });
      expect(event(s, IDS.event)).toMatchObject({ title: '理论学习中心组学习（改期）', start: '2026-03-11' });
    },
  },
};

const TRASHABLE = new Set(['events', 'campaigns', 'teams', 'units', 'observances', 'templates', 'plans']);

/**
 * The document is back at `start` after undo. Undoing a creation does not remove the record
 * (that would drop a colleague's concurrent edits into it, see api.ts): it puts it in the
 * trash, keeping the history written at its birth. So everything that was there is as it was,
 * and anything new is a trashed record of a collection with a trash, such a record's history, or
 * a section of a plan now in the trash (born with it, so restoring the plan brings its outline).
 */
function expectBackTo(doc: Y.Doc, start: Record<string, unknown>): void {
  const now = content(doc);
  for (const [root, was] of Object.entries(start) as Array<[string, Record<string, unknown>]>) {
    const is = now[root] as Record<string, unknown>;
    for (const [id, value] of Object.entries(is)) {
      if (id in was) continue;
      if (root === 'history') {
        expect([...TRASHABLE].some((r) => id in (now[r] as object)), `history of ${id} without its record`).toBe(true);
      } else if (root === 'sections') {
        const planId = (value as { planId?: string }).planId ?? '';
        expect(typeof ((now.plans as Record<string, { deletedAt?: unknown }>)[planId]?.deletedAt), `section ${id} left without its plan in the trash`).toBe('number');
      } else {
        expect(TRASHABLE.has(root), `${root}/${id} left behind by undo`).toBe(true);
        expect(typeof (value as { deletedAt?: unknown }).deletedAt, `${root}/${id} not in the trash after undo`).toBe('number');
      }
    }
    expect(Object.fromEntries(Object.entries(is).filter(([id]) => id in was)), root).toEqual(was);
  }
}

function caseOf(name: CommandName): Case<CommandName> {
  const c = (CASES as Record<string, Case<CommandName> | undefined>)[name];
  expect(c, `no test case for command "${name}"`).toBeDefined();
  return c!;
}

describe('the command table', () => {
  it('has no name defined by two groups', () => {
    const total = COMMAND_GROUPS.reduce((n, g) => n + Object.keys(g).length, 0);
    expect(total).toBe(NAMES.length);
    const all = COMMAND_GROUPS.flatMap((g) => Object.keys(g));
    expect(new Set(all).size).toBe(all.length);
  });

  it('has a test case for every command, and no case for a command that does not exist', () => {
    expect(Object.keys(CASES).sort()).toEqual([...NAMES].sort());
  });

  it('answers an unknown command name with failed, writing nothing', () => {
    const s = seeded();
    const api = apiFor(s.doc);
    const before = bytes(s.doc);
    const r = runAny(api, 'no.such' as CommandName, {});
    expect(r).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(bytes(s.doc)).toBe(before);
  });
});

describe.each(NAMES)('%s', (name) => {
  it('changes the document as expected under the edit role, as one undo step', () => {
    const c = caseOf(name);
    const s = seeded();
    const api = apiFor(s.doc);
    const start = content(s.doc);
    const before = { events: eventIds(s) };
    const r = runAny(api, name, c.input(s));
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
    c.check(s, r.value as never, before);
    const after = content(s.doc);
    expect(after).not.toEqual(start);
    // Exactly one step: one undo goes back to the start, a second has nothing left.
    expect(api.undo()).toEqual({ ok: true, value: true });
    expectBackTo(s.doc, start);
    expect(api.undo()).toEqual({ ok: true, value: false });
    expect(api.redo()).toEqual({ ok: true, value: true });
    expect(content(s.doc)).toEqual(after);
    api.destroy();
  });

  it('is refused under a view link, leaving the document byte-identical', () => {
    const c = caseOf(name);
    const s = seeded();
    const api = apiFor(s.doc, { role: () => 'view' });
    const before = bytes(s.doc);
    const updates = countUpdates(s.doc);
    const r = runAny(api, name, c.input(s));
    updates.stop();
    expect(r).toMatchObject({ ok: false, error: { code: 'read-only', reason: 'view-link', problems: [] } });
    expect(bytes(s.doc)).toBe(before);
    expect(updates.count).toBe(0);
    expect(api.readOnly()).toBe('view-link');
    expect(api.canUndo()).toBe(false);
  });

  it('is refused when the document is from a newer schema, leaving it byte-identical', () => {
    const c = caseOf(name);
    const s = seeded();
    s.doc.getMap('meta').set('schema', SCHEMA_VERSION + 1);
    const api = apiFor(s.doc);
    const before = bytes(s.doc);
    const updates = countUpdates(s.doc);
    const r = runAny(api, name, c.input(s));
    updates.stop();
    expect(r).toMatchObject({ ok: false, error: { code: 'read-only', reason: 'newer-schema' } });
    expect(bytes(s.doc)).toBe(before);
    expect(updates.count).toBe(0);
  });
});

describe('refused input', () => {
  type Bad = [name: CommandName, input: (s: Seed) => unknown];
  const INVALID: Bad[] = [
    ['event.create', () => ({ fields: { title: ' ', kind: 'party', start: '2026-02-30', status: 'planned' } })],
    ['event.create', () => ({ fields: { title: '会', kind: 'meeting', start: '2026-05-01', status: 'planned', colour: 'red' } })],
    ['event.update', () => ({ id: IDS.event, patch: { end: '2026-03-01' } })],
    ['event.move', () => ({ id: IDS.event, start: '2026-03-32' })],
    ['event.move', () => ({ id: IDS.series, start: '2026-03-06T15:00', end: '2026-03-06T14:00' })],
    ['event.skipOccurrence', () => ({ id: IDS.event, occurrenceStart: '2026-03-10' })],
    ['event.skipOccurrence', () => ({ id: IDS.series, occurrenceStart: 'next friday' })],
    ['campaign.create', () => ({ fields: { title: '无期限', start: '2026-03-01' } })],
    ['campaign.update', () => ({ id: IDS.campaign, patch: { start: '2026-05-01' } })],
    ['team.create', () => ({ fields: { name: '空队' } })],
    ['team.update', () => ({ id: IDS.team, patch: { name: '' } })],
    ['unit.create', () => ({ fields: { name: '某单位', category: 'factory', target: true } })],
    ['workspace.setTravelBuffer', () => ({ minutes: -5 })],
    ['observance.create', () => ({ fields: { title: '某日', rule: 'solar:13-01' } })],
    ['observance.create', () => ({ fields: { title: '某日', rule: 'lunar:06-31' } })],
    ['observance.update', () => ({ id: IDS.observance, patch: { rule: 'every tuesday' } })],
    ['event.update', () => ({ id: IDS.event, patch: { reminders: [60, -5] } })],
    ['event.update', () => ({ id: IDS.event, patch: { lagUnit: 'week' } })],
    ['phase.link', () => ({ id: IDS.final, after: IDS.event })],
    ['phase.add', () => ({ mainId: IDS.contest, fields: { title: '颁奖', kind: 'contest', start: '2026-06-08', status: 'planned', after: IDS.event } })],
    ['contest.createFromTemplate', () => ({ template: 'knowledge-contest', title: ' ', anchor: { mainStart: '2026-06-01' } })],
    ['contest.createFromTemplate', () => ({ template: 'knowledge-contest', title: '竞赛', anchor: { phaseKey: 'no-such', start: '2026-06-01' } })],
    ['template.create', () => ({ fields: { name: '坏模板', kind: 'contest', phases: 'not json' } })],
    ['template.saveFromEvent', () => ({ mainId: IDS.event })],
    ['workspace.setPhaseCascade', () => ({ mode: 'sometimes' })],
    ['workspace.setTravelBuffer', () => ({ minutes: 30.5 })],
    ['unit.update', () => ({ id: IDS.unit, patch: { target: 'yes' } })],
    ['unit.importMany', () => ({ units: [{ name: '好单位', category: 'school', target: true }, { name: ' ', category: 'school', target: true }] })],
    ['session.createMany', () => ({ sessions: [{ title: '宣讲', kind: 'lecture', status: 'planned', start: '2026-05-12', audience: -3 }] })],
    ['plan.import', () => ({ title: '方案', year: 2026, sections: [{ id: 's1', parentId: '', label: '一、', title: '总', body: '', level: 0, order: 0 }] })],
    ['draft.accept', () => ({ planId: PLAN_ID, drafts: [{ title: ' ', kind: 'meeting', sectionId: '', start: '2026-05-01', units: [] }] })],
    ['draft.acceptEdited', () => ({ planId: PLAN_ID, draftKey: 'x|y', fields: { title: '会', kind: 'meeting', start: '2026-05-01', status: 'maybe' } })],
    ['tray.schedule', () => ({ planId: PLAN_ID, key: TRAY_KEY, start: '2026-13-01' })],
    ['section.update', () => ({ id: sec('s1'), patch: { title: '' } })],
    ['history.restore', () => ({ id: IDS.event, field: 'colour', value: 'red' })],
    ['history.restore', () => ({ id: IDS.series, field: 'end', value: '2026-03-06T10:00' })],
    ['history.restore', () => ({ collection: 'campaigns', id: IDS.campaign, field: 'end', value: '2026-02-01' })],
    ['workspace.rename', () => ({ name: '   ' })],
    ['workspace.setTimezone', () => ({ timezone: 'Mars/Olympus_Mons' })],
  ];

  it.each(INVALID)('%s with invalid input → invalid with problems, document unchanged', (name, input) => {
    const s = seeded();
    const api = apiFor(s.doc);
    const before = bytes(s.doc);
    const updates = countUpdates(s.doc);
    const r = runAny(api, name, input(s));
    updates.stop();
    if (r.ok) throw new Error(`${name} accepted invalid input`);
    expect(r.error.code).toBe('invalid');
    expect(r.error.problems.length).toBeGreaterThan(0);
    expect(r.error.problems.every((p) => typeof p === 'string' && /^\w+: /.test(p))).toBe(true);
    expect(bytes(s.doc)).toBe(before);
    expect(updates.count).toBe(0);
    expect(api.canUndo()).toBe(false);
  });

  const NOT_FOUND: Bad[] = [
    ['contest.createFromTemplate', () => ({ template: 'no-such', title: '竞赛', anchor: { mainStart: '2026-06-01' } })],
    ['contest.createFromTemplate', () => ({ template: 'saved:nope', title: '竞赛', anchor: { mainStart: '2026-06-01' } })],
    ['phase.fixLinks', () => ({ mainId: 'nope' })],
    ['event.update', () => ({ id: 'nope', patch: { title: 'x' } })],
    ['event.move', () => ({ id: 'nope', start: '2026-03-01' })],
    ['event.skipOccurrence', () => ({ id: 'nope', occurrenceStart: '2026-03-01' })],
    ['event.delete', () => ({ id: 'nope' })],
    ['event.restore', () => ({ id: 'nope' })],
    ['campaign.update', () => ({ id: 'nope', patch: { title: 'x' } })],
    ['campaign.delete', () => ({ id: 'nope' })],
    ['campaign.restore', () => ({ id: 'nope' })],
    ['team.update', () => ({ id: 'nope', patch: { name: 'x' } })],
    ['team.delete', () => ({ id: 'nope' })],
    ['unit.update', () => ({ id: 'nope', patch: { name: 'x' } })],
    ['unit.delete', () => ({ id: 'nope' })],
    ['team.restore', () => ({ id: 'nope' })],
    ['plan.delete', () => ({ id: 'nope' })],
    ['plan.restore', () => ({ id: 'nope' })],
    ['draft.accept', () => ({ planId: 'nope', drafts: [DATED] })],
    ['draft.acceptEdited', () => ({ planId: 'nope', draftKey: 'k', fields: { title: '会', kind: 'meeting', start: '2026-05-01', status: 'planned' } })],
    ['draft.dismiss', () => ({ planId: 'nope', keys: ['k'] })],
    ['tray.schedule', () => ({ planId: 'nope', key: TRAY_KEY, start: '2026-05-01' })],
    ['tray.schedule', () => ({ planId: PLAN_ID, key: 'not-in-tray', start: '2026-05-01' })],
    ['section.update', () => ({ id: 'nope', patch: { title: 'x' } })],
    ['section.move', () => ({ id: 'nope', parentId: '' })],
    ['section.move', () => ({ id: sec('s3'), parentId: 'nope' })],
    ['section.indent', () => ({ id: 'nope', direction: 1 })],
    ['section.reorder', () => ({ id: 'nope', direction: -1 })],
    ['history.restore', () => ({ id: 'nope', field: 'title', value: 'x' })],
    ['history.dismiss', (s) => ({ id: 'nope', lost: s.lost })],
  ];

  it.each(NOT_FOUND)('%s with an unknown id → not-found, document unchanged', (name, input) => {
    const s = seeded();
    const api = apiFor(s.doc);
    const before = bytes(s.doc);
    const r = runAny(api, name, input(s));
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(bytes(s.doc)).toBe(before);
    expect(api.canUndo()).toBe(false);
  });

  const CONFLICT: Bad[] = [
    ['event.purge', () => ({ id: IDS.event })],
    ['campaign.purge', () => ({ id: IDS.campaign })],
    ['team.purge', () => ({ id: IDS.team })],
    ['section.move', () => ({ id: sec('s1'), parentId: sec('s1.1') })],
    ['draft.accept', () => ({ planId: OLD_PLAN_ID, drafts: [DATED] })],
    ['draft.dismiss', () => ({ planId: OLD_PLAN_ID, keys: ['k'] })],
    // Phase links that would close a loop.
    ['event.update', () => ({ id: IDS.notice, patch: { after: IDS.final } })],
    ['phase.link', () => ({ id: IDS.notice, after: IDS.final })],
    ['phase.link', () => ({ id: IDS.final, after: IDS.final })],
  ];

  it.each(CONFLICT)('%s against the document structure → conflict, document unchanged', (name, input) => {
    const s = seeded();
    const api = apiFor(s.doc);
    const before = bytes(s.doc);
    const r = runAny(api, name, input(s));
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(bytes(s.doc)).toBe(before);
  });

  it('a purge of an id that is not there is a no-op (false), not an error', () => {
    const s = seeded();
    const api = apiFor(s.doc);
    const before = bytes(s.doc);
    for (const name of ['event.purge', 'campaign.purge', 'team.purge'] as const) {
      expect(api.run(name, { id: 'nope' })).toEqual({ ok: true, value: false });
    }
    expect(bytes(s.doc)).toBe(before);
    expect(api.canUndo()).toBe(false);
  });

  it('a command that changes nothing answers false and adds no undo step', () => {
    const s = seeded();
    const api = apiFor(s.doc);
    const before = bytes(s.doc);
    expect(api.run('event.update', { id: IDS.event, patch: { title: '理论学习中心组学习' } })).toEqual({ ok: true, value: false });
    expect(api.run('event.restore', { id: IDS.event })).toEqual({ ok: true, value: false });
    expect(api.run('workspace.rename', { name: '宣传部日程' })).toEqual({ ok: true, value: false });
    expect(api.run('workspace.setTimezone', { timezone: 'Asia/Shanghai' })).toEqual({ ok: true, value: false });
    expect(api.run('section.reorder', { id: sec('s1'), direction: -1 })).toEqual({ ok: true, value: false });
    expect(api.run('section.indent', { id: sec('s1'), direction: 1 })).toEqual({ ok: true, value: false });
    expect(api.run('event.skipOccurrence', { id: IDS.series, occurrenceStart: '2026-03-13T14:30' })).toMatchObject({ ok: true, value: true });
    expect(api.run('event.skipOccurrence', { id: IDS.series, occurrenceStart: '2026-03-13T14:30' })).toEqual({ ok: true, value: false });
    // Only the one real change is on the stack.
    expect(api.undo()).toEqual({ ok: true, value: true });
    expect(api.undo()).toEqual({ ok: true, value: false });
    expect(bytes(s.doc)).not.toBe(before); // undo leaves tombstones…
    expect(event(s, IDS.series).exdates).toBeUndefined(); // …but the content is back
  });

  it('a record that needs attention is reported, not moved, by the commands that need it valid', () => {
    const s = seeded();
    (s.doc.getMap('events').get(IDS.event) as Y.Map<unknown>).set('status', 'unknown-status');
    const api = apiFor(s.doc);
    const before = bytes(s.doc);
    const r = api.run('event.move', { id: IDS.event, start: '2026-03-20' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!r.ok) expect(r.error.problems.some((p) => p.startsWith('status:'))).toBe(true);
    expect(bytes(s.doc)).toBe(before);
    // …but it can still go to the trash.
    expect(api.run('event.delete', { id: IDS.event })).toEqual({ ok: true, value: true });
  });
});

describe('history recorded by the commands', () => {
  it('events: who set what, when, with the value replaced', () => {
    const s = seeded();
    let now = 1000;
    let by = '张三';
    const api = apiFor(s.doc, { now: () => now, by: () => by });
    const created = api.run('event.create', { fields: { title: '读书会', kind: 'study', start: '2026-04-23', status: 'planned', location: '图书馆' } });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value;
    expect(readHistory(s.doc, id).map(({ f, v, by, at }) => ({ f, v, by, at }))).toEqual([
      { f: 'title', v: '读书会', by: '张三', at: 1000 },
      { f: 'kind', v: 'study', by: '张三', at: 1000 },
      { f: 'start', v: '2026-04-23', by: '张三', at: 1000 },
      { f: 'status', v: 'planned', by: '张三', at: 1000 },
      { f: 'location', v: '图书馆', by: '张三', at: 1000 },
    ]);
    now = 2000;
    by = '李四';
    expect(api.run('event.move', { id, start: '2026-04-24' })).toEqual({ ok: true, value: true });
    expect(api.run('event.update', { id, patch: { location: '' } })).toEqual({ ok: true, value: true });
    const later = readHistory(s.doc, id).filter((e) => e.at === 2000);
    expect(later).toEqual([
      expect.objectContaining({ f: 'start', v: '2026-04-24', p: '2026-04-23', by: '李四' }),
      expect.objectContaining({ f: 'location', p: '图书馆', by: '李四' }),
    ]);
    expect('v' in later[1]).toBe(false);
    // Bookkeeping is never history.
    expect(readHistory(s.doc, id).some((e) => ['updatedAt', 'updatedBy', 'deletedAt'].includes(e.f))).toBe(false);
  });

  it('campaigns and teams too', () => {
    const s = seeded();
    let now = 3000;
    const api = apiFor(s.doc, { now: () => now, by: () => '王五' });
    const c = api.run('campaign.create', { fields: { title: '法治宣传月', start: '2026-12-01', end: '2027-01-01' } });
    const t = api.run('team.create', { fields: { name: '普法小分队', members: ['甲'] } });
    if (!c.ok || !t.ok) throw new Error('create failed');
    expect(readHistory(s.doc, c.value).map((e) => [e.f, e.v, e.by, e.at])).toEqual([
      ['title', '法治宣传月', '王五', 3000],
      ['start', '2026-12-01', '王五', 3000],
      ['end', '2027-01-01', '王五', 3000],
    ]);
    expect(readHistory(s.doc, t.value).map((e) => [e.f, e.v, e.by, e.at])).toEqual([
      ['name', '普法小分队', '王五', 3000],
      ['members', ['甲'], '王五', 3000],
    ]);
    now = 4000;
    api.run('campaign.update', { id: c.value, patch: { title: '宪法宣传周' } });
    api.run('team.update', { id: t.value, patch: { members: ['甲', '乙'] } });
    expect(readHistory(s.doc, c.value).at(-1)).toMatchObject({ f: 'title', v: '宪法宣传周', p: '法治宣传月', by: '王五', at: 4000 });
    expect(readHistory(s.doc, t.value).at(-1)).toMatchObject({ f: 'members', v: ['甲', '乙'], p: ['甲'], by: '王五', at: 4000 });
    // A trash round trip is not a field change.
    const count = readHistory(s.doc, c.value).length;
    api.run('campaign.delete', { id: c.value });
    api.run('campaign.restore', { id: c.value });
    expect(readHistory(s.doc, c.value)).toHaveLength(count);
  });

  it('an anonymous author leaves `by` out', () => {
    const s = seeded();
    const api = apiFor(s.doc, { by: () => '' });
    const r = api.run('team.create', { fields: { name: '无名', members: ['甲'] } });
    if (!r.ok) throw new Error(r.error.message);
    expect(readHistory(s.doc, r.value).every((e) => !('by' in e))).toBe(true);
    expect(teamRaw(s, r.value)).not.toHaveProperty('updatedBy');
  });
});

describe('history.restore and history.dismiss across two replicas', () => {
  type Collection = 'events' | 'campaigns' | 'teams';
  /** Two replicas, each with its own API, that both changed one field of one record concurrently. */
  function conflict(collection: Collection) {
    const s = seeded();
    const a = s.doc;
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const apiA = apiFor(a, { by: () => '甲', now: () => 10_000 });
    const apiB = apiFor(b, { by: () => '乙', now: () => 10_001 });
    const spec = {
      events: { id: IDS.series, field: 'title', cmd: 'event.update' },
      campaigns: { id: IDS.campaign, field: 'title', cmd: 'campaign.update' },
      teams: { id: IDS.team, field: 'topic', cmd: 'team.update' },
    }[collection];
    const fieldOf = (doc: Y.Doc) => (doc.getMap(collection).get(spec.id) as Y.Map<unknown>).get(spec.field);
    const ra = runAny(apiA, spec.cmd as CommandName, { id: spec.id, patch: { [spec.field]: '甲的写法' } });
    const rb = runAny(apiB, spec.cmd as CommandName, { id: spec.id, patch: { [spec.field]: '乙的写法' } });
    expect(ra.ok && rb.ok).toBe(true);
    const syncAB = () => {
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    };
    syncAB();
    const winner = fieldOf(a);
    expect(fieldOf(b)).toBe(winner);
    const loser = winner === '甲的写法' ? '乙的写法' : '甲的写法';
    const lostOn = (doc: Y.Doc) => {
      const json = (doc.getMap(collection).get(spec.id) as Y.Map<unknown>).toJSON();
      return lostValues(doc, { ...json, id: spec.id });
    };
    return { a, b, apiA, apiB, spec, fieldOf, syncAB, winner, loser, lostOn };
  }

  it.each(['events', 'campaigns', 'teams'] as const)('%s: both replicas see the lost value; restoring it on one clears it on both', (collection) => {
    const x = conflict(collection);
    for (const doc of [x.a, x.b]) expect(x.lostOn(doc)).toEqual([expect.objectContaining({ field: x.spec.field, value: x.loser })]);
    const r = x.apiB.run('history.restore', { collection, id: x.spec.id, field: x.spec.field, value: x.loser });
    expect(r).toEqual({ ok: true, value: true });
    x.syncAB();
    for (const doc of [x.a, x.b]) {
      expect(x.fieldOf(doc)).toBe(x.loser);
      // The replaced winner was seen and knowingly replaced: not lost either.
      expect(x.lostOn(doc)).toEqual([]);
    }
    expect(readHistory(x.a, x.spec.id).at(-1)).toMatchObject({ f: x.spec.field, v: x.loser, p: x.winner, by: '乙', at: 10_001 });
  });

  it.each(['events', 'campaigns', 'teams'] as const)('%s: dismissing on one replica keeps the current value and clears the mark on both', (collection) => {
    const x = conflict(collection);
    const [lost] = x.lostOn(x.a);
    const r = x.apiA.run('history.dismiss', { id: x.spec.id, lost });
    expect(r).toEqual({ ok: true, value: true });
    x.syncAB();
    for (const doc of [x.a, x.b]) {
      expect(x.fieldOf(doc)).toBe(x.winner);
      expect(x.lostOn(doc)).toEqual([]);
    }
    // Dismissing again finds nothing to dismiss and writes nothing.
    const before = bytes(x.b);
    expect(x.apiB.run('history.dismiss', { id: x.spec.id, lost })).toEqual({ ok: true, value: false });
    expect(bytes(x.b)).toBe(before);
  });

  it('restoring into the wrong collection is refused', () => {
    const x = conflict('teams');
    const before = bytes(x.a);
    const r = x.apiA.run('history.restore', { collection: 'teams', id: x.spec.id, field: 'title', value: x.loser });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(bytes(x.a)).toBe(before);
  });
});

describe('undo and redo', () => {
  it('each command is one step: three quick commands, three undos back to the start, redo brings them back', () => {
    const s = seeded();
    const api = apiFor(s.doc);
    let changes = 0;
    api.onUndoChange(() => changes++);
    const c0 = content(s.doc);
    const created = api.run('event.create', { fields: { title: '一', kind: 'other', start: '2026-01-05', status: 'planned' } });
    if (!created.ok) throw new Error(created.error.message);
    const c1 = content(s.doc);
    api.run('event.update', { id: created.value, patch: { title: '二' } });
    const c2 = content(s.doc);
    api.run('campaign.update', { id: IDS.campaign, patch: { title: '三' } });
    const c3 = content(s.doc);
    expect(changes).toBe(3);
    expect(api.canUndo()).toBe(true);
    expect(api.canRedo()).toBe(false);

    expect(api.undo()).toEqual({ ok: true, value: true });
    expect(content(s.doc)).toEqual(c2);
    expect(api.undo()).toEqual({ ok: true, value: true });
    expect(content(s.doc)).toEqual(c1);
    expect(api.undo()).toEqual({ ok: true, value: true });
    expectBackTo(s.doc, c0);
    expect(reader(s).liveEvents().map((e) => e.id)).not.toContain(created.value);
    expect(api.undo()).toEqual({ ok: true, value: false });
    expect(api.canUndo()).toBe(false);
    expect(api.canRedo()).toBe(true);

    for (const expected of [c1, c2, c3]) {
      expect(api.redo()).toEqual({ ok: true, value: true });
      expect(content(s.doc)).toEqual(expected);
    }
    expect(api.redo()).toEqual({ ok: true, value: false });
  });

  it('undo removes the history entries an edit wrote; redo brings them back', () => {
    const s = seeded();
    const api = apiFor(s.doc);
    const entries = readHistory(s.doc, IDS.event);
    api.run('event.update', { id: IDS.event, patch: { title: '改名', notes: '备注' } });
    const edited = readHistory(s.doc, IDS.event);
    expect(edited).toHaveLength(entries.length + 2);
    api.undo();
    expect(readHistory(s.doc, IDS.event)).toEqual(entries);
    api.redo();
    expect(readHistory(s.doc, IDS.event)).toEqual(edited);
    // The same for a campaign's and a team's history.
    const before = { c: readHistory(s.doc, IDS.campaign), t: readHistory(s.doc, IDS.team) };
    api.run('campaign.update', { id: IDS.campaign, patch: { title: '改' } });
    api.run('team.update', { id: IDS.team, patch: { topic: '改' } });
    api.undo();
    api.undo();
    expect({ c: readHistory(s.doc, IDS.campaign), t: readHistory(s.doc, IDS.team) }).toEqual(before);
  });

  it('undo of a creation puts the record in the trash with its birth history; redo takes it out', () => {
    const s = seeded();
    const api = apiFor(s.doc);
    const created = api.run('campaign.create', { fields: { title: '临时', start: '2026-02-01', end: '2026-02-02' } });
    if (!created.ok) throw new Error(created.error.message);
    const history = readHistory(s.doc, created.value);
    expect(history.map((e) => e.f)).toEqual(['title', 'start', 'end']);
    expect(reader(s).liveCampaigns().map((c) => c.id)).toContain(created.value);
    api.undo();
    expect(campaign(s, created.value).deletedAt).toBe(CLOCK);
    expect(reader(s).liveCampaigns().map((c) => c.id)).not.toContain(created.value);
    expect(readHistory(s.doc, created.value)).toEqual(history);
    api.redo();
    expect(campaign(s, created.value)).toEqual({ id: created.value, title: '临时', start: '2026-02-01', end: '2026-02-02' });
  });

  it("undo of a creation keeps what a colleague wrote into the new record meanwhile", () => {
    const s = seeded();
    const a = s.doc;
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const apiA = apiFor(a, { by: () => '甲' });
    const created = apiA.run('event.create', { fields: { title: '新活动', kind: 'meeting', start: '2026-07-01', status: 'planned' } });
    if (!created.ok) throw new Error(created.error.message);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(apiFor(b, { by: () => '乙' }).run('event.update', { id: created.value, patch: { notes: '乙补充的' } })).toEqual({ ok: true, value: true });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    apiA.undo();
    expect(event(s, created.value)).toMatchObject({ notes: '乙补充的', deletedAt: CLOCK });
    apiA.redo();
    const e = event(s, created.value);
    expect(e.notes).toBe('乙补充的');
    expect(e.deletedAt).toBeUndefined();
  });

  it("never reverts a colleague's change that arrived in between", () => {
    const s = seeded();
    const a = s.doc;
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const apiA = apiFor(a, { by: () => '甲' });
    const apiB = apiFor(b, { by: () => '乙' });
    apiA.run('event.update', { id: IDS.event, patch: { title: '甲改的标题' } });
    // The colleague edits another field of the same event, and creates an event.
    apiB.run('event.update', { id: IDS.event, patch: { notes: '乙的备注' } });
    const theirs = apiB.run('event.create', { fields: { title: '乙的活动', kind: 'meeting', start: '2026-07-01', status: 'planned' } });
    if (!theirs.ok) throw new Error(theirs.error.message);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    expect(event(s, IDS.event)).toMatchObject({ title: '甲改的标题', notes: '乙的备注' });

    expect(apiA.undo()).toEqual({ ok: true, value: true });
    const e = event(s, IDS.event);
    expect(e.title).toBe('理论学习中心组学习');
    expect(e.notes).toBe('乙的备注');
    expect(event(s, theirs.value).title).toBe('乙的活动');
    // Nothing else of ours to undo: the remote change is not on our stack.
    expect(apiA.undo()).toEqual({ ok: true, value: false });
    expect(event(s, IDS.event).notes).toBe('乙的备注');
    expect(readHistory(a, IDS.event).some((h) => h.f === 'notes' && h.v === '乙的备注')).toBe(true);
  });

  it('a write through the schema with another origin (a sync, a migration) is not undoable', () => {
    const s = seeded();
    const api = apiFor(s.doc);
    s.doc.transact(() => s.doc.getMap('meta').set('name', '系统改名'), { kind: 'remote' });
    expect(api.canUndo()).toBe(false);
    expect(api.undo()).toEqual({ ok: true, value: false });
    expect(s.doc.getMap('meta').get('name')).toBe('系统改名');
  });

  it('is refused after a switch to read-only, and allowed again after the switch back', () => {
    const s = seeded();
    let role: 'edit' | 'view' = 'edit';
    const api = apiFor(s.doc, { role: () => role });
    api.run('event.update', { id: IDS.event, patch: { title: '新标题' } });
    role = 'view';
    const before = bytes(s.doc);
    expect(api.canUndo()).toBe(false);
    expect(api.undo()).toMatchObject({ ok: false, error: { code: 'read-only', reason: 'view-link' } });
    expect(api.redo()).toMatchObject({ ok: false, error: { code: 'read-only', reason: 'view-link' } });
    expect(bytes(s.doc)).toBe(before);
    expect(event(s, IDS.event).title).toBe('新标题');
    role = 'edit';
    expect(api.undo()).toEqual({ ok: true, value: true });
    expect(event(s, IDS.event).title).toBe('理论学习中心组学习');
  });

  it('is refused once a newer app has written the document', () => {
    const s = seeded();
    const api = apiFor(s.doc);
    api.run('event.update', { id: IDS.event, patch: { title: '新标题' } });
    // The newer app's schema bump arrives from another replica.
    const newer = new Y.Doc();
    Y.applyUpdate(newer, Y.encodeStateAsUpdate(s.doc));
    newer.getMap('meta').set('schema', SCHEMA_VERSION + 1);
    Y.applyUpdate(s.doc, Y.encodeStateAsUpdate(newer, Y.encodeStateVector(s.doc)));
    expect(api.readOnly()).toBe('newer-schema');
    const before = bytes(s.doc);
    expect(api.undo()).toMatchObject({ ok: false, error: { code: 'read-only', reason: 'newer-schema' } });
    expect(api.run('event.update', { id: IDS.event, patch: { title: '再改' } })).toMatchObject({ ok: false, error: { reason: 'newer-schema' } });
    expect(bytes(s.doc)).toBe(before);
  });
});

describe('a failed command leaves no change', () => {
  const good: PlanDraft[] = [
    { title: '清明祭扫', kind: 'anniversary', sectionId: sec('s2'), start: '2026-04-03', units: [] },
    { title: '读书月', kind: 'campaign', sectionId: sec('s2'), start: '2026-04-01', end: '2026-05-01', units: [] },
    { title: '待定的宣讲', kind: 'lecture', sectionId: sec('s2'), units: [] },
  ];
  const bad: PlanDraft = { title: '倒着的日期', kind: 'meeting', sectionId: sec('s2'), start: '2026-06-10', end: '2026-06-01', units: [] };

  function state(s: Seed) {
    const p = plan(s);
    return {
      events: reader(s).events().events.length,
      campaigns: reader(s).liveCampaigns().length,
      accepted: p.acceptedDrafts ?? [],
      tray: reader(s).tray(PLAN_ID),
      history: s.doc.getMap('history').size,
    };
  }

  it('draft.accept with one invalid draft among valid ones: no event, campaign, accepted key or tray item', () => {
    const s = seeded();
    const api = apiFor(s.doc);
    // One earlier step on the stack, to show the failure adds none.
    api.run('workspace.rename', { name: '先改个名' });
    let stackChanges = 0;
    api.onUndoChange(() => stackChanges++);
    const before = state(s);
    const snapshot = bytes(s.doc);
    const r = api.run('draft.accept', { planId: PLAN_ID, drafts: [...good, bad] });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!r.ok) expect(r.error.problems.some((p) => p.startsWith('end:'))).toBe(true);
    expect(state(s)).toEqual(before);
    expect(bytes(s.doc)).toBe(snapshot);
    expect(stackChanges).toBe(0);
    expect(api.stackSizes()).toEqual({ undo: 1, redo: 0 });
    // The only undo step is still the rename.
    expect(api.undo()).toEqual({ ok: true, value: true });
    expect(reader(s).meta().name).toBe('宣传部日程');
    expect(api.undo()).toEqual({ ok: true, value: false });
  });

  it('a command that throws after it has written is rolled back, and leaves nothing to undo or redo', () => {
    // A broken clock: the campaign (not stamped) passes its check and the accepted list is
    // written; then the campaign's birth in the trash (deletedAt: NaN) fails.
    const s = seeded();
    const api = apiFor(s.doc, { now: () => Number.NaN });
    const before = state(s);
    const start = content(s.doc);
    const written: string[] = [];
    const observer = (evs: Array<Y.YEvent<any>>) => {
      for (const ev of evs) written.push(ev.path.join('/') || '(plans)');
    };
    s.doc.getMap('plans').observeDeep(observer);
    const r = api.run('draft.accept', { planId: PLAN_ID, drafts: [good[1]] });
    s.doc.getMap('plans').unobserveDeep(observer);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!r.ok) expect(r.error.problems.some((p) => p.startsWith('deletedAt:'))).toBe(true);
    // It did write (the accepted list, then its undo), so this really is the rollback path…
    expect(written.length).toBeGreaterThan(1);
    // …and nothing of it is left.
    expect(state(s)).toEqual(before);
    expect(content(s.doc)).toEqual(start);
    expect(api.stackSizes()).toEqual({ undo: 0, redo: 0 });
    expect(api.canUndo()).toBe(false);
    expect(api.canRedo()).toBe(false);
    expect(api.undo()).toEqual({ ok: true, value: false });
    expect(api.redo()).toEqual({ ok: true, value: false });
  });

  it('the rollback does not touch earlier steps or a colleague’s change', () => {
    const s = seeded();
    let now = 5000;
    const api = apiFor(s.doc, { now: () => now });
    api.run('event.update', { id: IDS.event, patch: { title: '我先改的' } });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(s.doc));
    apiFor(b).run('team.update', { id: IDS.team, patch: { topic: '同事写的' } });
    Y.applyUpdate(s.doc, Y.encodeStateAsUpdate(b, Y.encodeStateVector(s.doc)));
    const start = content(s.doc);
    now = Number.NaN;
    expect(api.run('draft.accept', { planId: PLAN_ID, drafts: [good[1]] }).ok).toBe(false);
    expect(content(s.doc)).toEqual(start);
    now = 6000;
    expect(api.undo()).toEqual({ ok: true, value: true });
    expect(event(s, IDS.event).title).toBe('理论学习中心组学习');
    expect(team(s, IDS.team)?.topic).toBe('同事写的');
  });
});
