import * as Y from 'yjs';
import type { Role } from '../../../shared/src/protocol/message-types';
import {
  CAMPAIGNS,
  EVENTS,
  HISTORY_ROOT,
  ROOT_NAMES,
  SYSTEM_ORIGIN,
  TEAMS,
  UNITS,
  OWN_OBSERVANCES,
  PHASE_TEMPLATES,
  createRecord,
  addToTray,
  createWithHistory,
  draftKey,
  importPlan,
  initWorkspaceDoc,
  lostValues,
  readEvent,
  softDeletePlan,
  updateWithHistory,
  type LostValue,
  type PlanDraft,
  type PlanImport,
} from '../../../shared/src/schema';
import { createWorkspaceApi, trayItemOf, type WorkspaceApi, type WorkspaceApiOptions } from '../../../shared/src/workspace';

/** Seeding writes carry SYSTEM_ORIGIN: nothing in a fresh document is the user's to undo. */
export const SEED = { origin: SYSTEM_ORIGIN, now: 100, by: 'seed' } as const;

export const PLAN_ID = 'plan-1';
export const OLD_PLAN_ID = 'plan-old';
export const sec = (parserId: string) => `${PLAN_ID}/${parserId}`;

export const OUTLINE: PlanImport = {
  title: '2026年宣传思想文化工作要点',
  year: 2026,
  sections: [
    { id: 's1', parentId: '', label: '一、', title: '理论学习', body: '', level: 1, order: 0 },
    { id: 's1.1', parentId: 's1', label: '(一)', title: '专题学习', body: '', level: 2, order: 0 },
    { id: 's2', parentId: '', label: '二、', title: '宣传活动', body: '', level: 1, order: 1 },
    { id: 's3', parentId: '', label: '三、', title: '志愿服务', body: '', level: 1, order: 2 },
  ],
};

/** An undated draft already waiting in the plan's tray. */
export const TRAY_DRAFT: PlanDraft = { title: '走访慰问老党员', kind: 'volunteer', sectionId: sec('s3'), cue: '节日期间', units: ['老干部局'] };
export const TRAY_KEY = draftKey(TRAY_DRAFT);

/** Fixed ids of the seeded records. */
export const IDS = {
  event: 'ev-1',
  series: 'ev-series',
  trashedEvent: 'ev-trash',
  campaign: 'camp-1',
  trashedCampaign: 'camp-trash',
  team: 'team-1',
  trashedTeam: 'team-trash',
  unit: 'unit-1',
  trashedUnit: 'unit-trash',
  observance: 'obs-1',
  trashedObservance: 'obs-trash',
  /** A contest with two phases, the final following the notice by two days: a link that does not hold. */
  contest: 'ct-main',
  notice: 'ct-notice',
  final: 'ct-final',
  template: 'tpl-1',
  trashedTemplate: 'tpl-trash',
} as const;

export const TEMPLATE_PHASES = JSON.stringify([
  { key: 'notice', name: '发布通知', nameEn: 'Notice', kind: 'publicity', durationDays: 1, lagDays: 0, lagUnit: 'day' },
  { key: 'final', name: '决赛', nameEn: 'Final', kind: 'contest', durationMinutes: 120, startTime: '14:00', after: 'notice', lagDays: 3, lagUnit: 'day' },
]);

export interface Seed {
  doc: Y.Doc;
  /** The value of ev-1's `location` lost to a concurrent edit (see schema/history.ts). */
  lost: LostValue;
  /** ev-1's location that won. */
  winner: string;
}

/** Brings two replicas to the same state, as a relay would. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  const ua = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const ub = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, ua);
  Y.applyUpdate(a, ub);
}

/** A copy of `doc` on another replica (its own client id). */
export function replicaOf(doc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other;
}

/**
 * A workspace with something for every command to act on: a live and a trashed record of
 * each collection, a repeating event, a plan with a four-section outline and one tray item,
 * a trashed plan, and a location on ev-1 lost to a concurrent edit.
 */
export function seeded(): Seed {
  template ??= buildSeed();
  // A fresh replica of one seeded document: the same content, its own client id.
  const doc = new Y.Doc();
  Y.applyUpdate(doc, template.update, SYSTEM_ORIGIN);
  return { doc, lost: template.lost, winner: template.winner };
}

let template: { update: Uint8Array; lost: LostValue; winner: string } | undefined;

function buildSeed(): { update: Uint8Array; lost: LostValue; winner: string } {
  const doc = new Y.Doc();
  initWorkspaceDoc(doc, { name: '宣传部日程' });
  const ev = (id: string, fields: Record<string, unknown>) => createWithHistory(doc, EVENTS, fields as never, { ...SEED, id });
  ev(IDS.event, { title: '理论学习中心组学习', kind: 'study', start: '2026-03-10', status: 'planned', location: '三楼会议室' });
  ev(IDS.series, { title: '每周五政治学习', kind: 'study', start: '2026-03-06T14:30', end: '2026-03-06T16:00', status: 'confirmed', rrule: 'FREQ=WEEKLY;BYDAY=FR' });
  ev(IDS.trashedEvent, { title: '已取消的讲座', kind: 'lecture', start: '2026-04-01', status: 'cancelled', deletedAt: 50 });
  createWithHistory(doc, CAMPAIGNS, { title: '文明实践月', start: '2026-03-01', end: '2026-04-01' }, { ...SEED, id: IDS.campaign });
  createWithHistory(doc, CAMPAIGNS, { title: '旧活动', start: '2025-03-01', end: '2025-04-01', deletedAt: 50 }, { ...SEED, id: IDS.trashedCampaign });
  createWithHistory(doc, TEAMS, { name: '青年宣讲团', members: ['张三', '李四'] }, { ...SEED, id: IDS.team });
  createWithHistory(doc, TEAMS, { name: '解散的小组', members: ['王五'], deletedAt: 50 }, { ...SEED, id: IDS.trashedTeam });
  createWithHistory(doc, UNITS, { name: '城关镇中心小学', category: 'school', target: true }, { ...SEED, id: IDS.unit });
  createWithHistory(doc, UNITS, { name: '撤并的村', category: 'village', target: false, deletedAt: 50 }, { ...SEED, id: IDS.trashedUnit });
  createWithHistory(doc, OWN_OBSERVANCES, { title: '建校纪念日', rule: 'solar:09-28', originYear: 1956 }, { ...SEED, id: IDS.observance });
  createWithHistory(doc, OWN_OBSERVANCES, { title: '旧纪念日', rule: 'lunar:L06-15', deletedAt: 50 }, { ...SEED, id: IDS.trashedObservance });
  ev(IDS.contest, { title: '读书知识竞赛', kind: 'contest', start: '2026-06-01', end: '2026-06-03', status: 'planned' });
  ev(IDS.notice, { title: '读书知识竞赛·发布通知', kind: 'publicity', start: '2026-06-01', status: 'planned', parentId: IDS.contest, phase: 'notice' });
  ev(IDS.final, {
    title: '读书知识竞赛·决赛',
    kind: 'contest',
    start: '2026-06-02T14:00',
    end: '2026-06-02T16:00',
    status: 'planned',
    parentId: IDS.contest,
    phase: 'final',
    after: IDS.notice,
    lagDays: 2,
    lagUnit: 'day',
  });
  createRecord(doc, PHASE_TEMPLATES, { name: '我们的竞赛', kind: 'contest', phases: TEMPLATE_PHASES }, { ...SEED, id: IDS.template });
  createRecord(doc, PHASE_TEMPLATES, { name: '旧模板', kind: 'contest', phases: TEMPLATE_PHASES, deletedAt: 50 }, { ...SEED, id: IDS.trashedTemplate });
  importPlan(doc, OUTLINE, { ...SEED, planId: PLAN_ID, source: '（原文）' });
  addToTray(doc, PLAN_ID, [trayItemOf(TRAY_DRAFT, TRAY_KEY)], SEED);
  importPlan(doc, { title: '2025年工作要点', year: 2025, sections: [] }, { ...SEED, planId: OLD_PLAN_ID });
  softDeletePlan(doc, OLD_PLAN_ID, SEED);

  // Two people change ev-1's location at the same time: one value wins, the other is lost.
  const other = replicaOf(doc);
  updateWithHistory(doc, EVENTS, IDS.event, { location: '党校报告厅' }, { origin: SYSTEM_ORIGIN, now: 200, by: '张三' });
  updateWithHistory(other, EVENTS, IDS.event, { location: '文化馆' }, { origin: SYSTEM_ORIGIN, now: 201, by: '李四' });
  sync(doc, other);
  const record = readEvent(doc, IDS.event);
  if (!record?.ok) throw new Error('seed: ev-1 unreadable');
  const lost = lostValues(doc, record.record);
  if (lost.length !== 1) throw new Error(`seed: expected one lost value, found ${lost.length}`);
  return { update: Y.encodeStateAsUpdate(doc), lost: lost[0], winner: record.record.location! };
}

/** Every root the API writes, as plain JSON: equal content, whatever the tombstones. */
export function content(doc: Y.Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of [...Object.values(ROOT_NAMES), HISTORY_ROOT]) out[name] = doc.getMap(name).toJSON();
  return out;
}

export function bytes(doc: Y.Doc): string {
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('hex');
}

/** Counts 'update' events, i.e. anything that would be sent to other replicas. */
export function countUpdates(doc: Y.Doc): { readonly count: number; stop(): void } {
  let count = 0;
  const handler = () => count++;
  doc.on('update', handler);
  return {
    get count() {
      return count;
    },
    stop: () => doc.off('update', handler),
  };
}

export const CLOCK = 1_800_000_000_000;

export function apiFor(doc: Y.Doc, over: WorkspaceApiOptions & { role?: () => Role | undefined } = {}): WorkspaceApi {
  return createWorkspaceApi(doc, { role: () => 'edit', by: () => '王编辑', now: () => CLOCK, ...over });
}
