import { CAMPAIGNS } from '../schema/campaigns';
import { SchemaError } from '../schema/errors';
import { EVENTS } from '../schema/events';
import {
  PLANS,
  addToTray,
  dismissDrafts,
  draftKey,
  importPlan,
  markDraftsAccepted,
  readPlan,
  readTray,
  removeFromTray,
  restorePlan,
  softDeletePlan,
  type PlanDraft,
  type PlanImport,
  type TrayItem,
} from '../schema/plans';
import { newId } from '../schema/ids';
import { roots, UNTITLED_WORKSPACE_NAMES } from '../schema/doc';
import { SECTIONS, moveSection, relevelSection, reorderSection, updateSection } from '../schema/sections';
import type { EventFields, PlanRecord, SectionFields } from '../schema/types';
import type { CommandContext } from './context';
import { draftCampaignFields, draftEventFields, trayEventFields, trayItemOf } from './drafts';
import { withoutEmpty } from './event-reads';

export type AcceptResult = 'event' | 'campaign' | 'tray';

function livePlan(ctx: CommandContext, planId: string): PlanRecord {
  const read = readPlan(ctx.doc, planId);
  if (!read?.ok) throw new SchemaError('not-found', `No valid plan with id "${planId}"`);
  if (read.record.deletedAt !== undefined) throw new SchemaError('conflict', `The plan "${read.record.title}" is in the trash`);
  return read.record;
}

/** A section's editable text; structure changes go through the moves. */
export type SectionTextPatch = Partial<Pick<SectionFields, 'title' | 'body' | 'label'>>;

export const PLAN_COMMANDS = {
  /** A plan and its outline, as previewed; re-importing into `planId` updates it in place. Returns the plan id. */
  /**
   * A plan and its outline. A workspace still under its default name is named after the plan
   * (its title says what the year's work is), in the same undo step.
   */
  'plan.import': (ctx: CommandContext, input: PlanImport & { source?: string; planId?: string }): string => {
    const planId = input.planId ?? newId();
    const newPlan = readPlan(ctx.doc, planId)?.ok !== true;
    const meta = roots(ctx.doc).meta;
    const name = meta.get('name');
    const title = typeof input.title === 'string' ? input.title.trim() : '';
    if (title && (name === undefined || (typeof name === 'string' && UNTITLED_WORKSPACE_NAMES.includes(name.trim())))) meta.set('name', title);
    return importPlan(ctx.doc, input, {
      ...ctx.write,
      planId,
      source: input.source,
      createPlan: (fields, opts) => ctx.create(PLANS, fields, { id: opts.id }),
      createSection: (fields, opts) => ctx.create(SECTIONS, fields, { id: opts.id, bornWith: newPlan }),
    });
  },

  /** Soft delete: the plan, its sections and decisions stay in the document and can be restored. */
  'plan.delete': (ctx: CommandContext, input: { id: string }): boolean => softDeletePlan(ctx.doc, input.id, ctx.write),
  'plan.restore': (ctx: CommandContext, input: { id: string }): boolean => restorePlan(ctx.doc, input.id, ctx.write),

  /**
   * Accepts drafts as they are: campaigns become campaigns, dated drafts events, undated
   * ones go to the plan's tray. The plan's decision lists are written once, not per draft.
   */
  'draft.accept': (ctx: CommandContext, input: { planId: string; drafts: readonly PlanDraft[] }): AcceptResult[] => {
    const plan = livePlan(ctx, input.planId);
    const done = new Set(plan.acceptedDrafts ?? []);
    // ctx.create validates each record; a bad draft fails the whole command, which leaves nothing behind.
    const planned = input.drafts.map((d) => {
      const key = draftKey(d);
      if (done.has(key)) return { key, kind: 'skip' as const };
      // A key is accepted once, also within one call: the same draft listed twice is created once, as accepting one by one would.
      done.add(key);
      if (d.kind === 'campaign') return { key, kind: 'campaign' as const, fields: draftCampaignFields(d, plan.year, ctx.locale) };
      if (d.start) return { key, kind: 'event' as const, fields: draftEventFields(d, ctx.locale) };
      return { key, kind: 'tray' as const, item: trayItemOf(d, key) };
    });
    const results: AcceptResult[] = [];
    const accepted: string[] = [];
    const tray: TrayItem[] = [];
    for (const p of planned) {
      if (p.kind === 'skip') continue;
      if (p.kind === 'campaign') ctx.create(CAMPAIGNS, p.fields);
      else if (p.kind === 'event') ctx.create(EVENTS, withoutEmpty(p.fields));
      else tray.push(p.item);
      results.push(p.kind);
      if (p.kind !== 'tray') accepted.push(p.key);
    }
    if (accepted.length) markDraftsAccepted(ctx.doc, plan.id, accepted, ctx.write);
    if (tray.length) addToTray(ctx.doc, plan.id, tray, ctx.write);
    return results;
  },

  /** A draft edited in the event editor before accepting: the event as edited, and the draft marked accepted. */
  'draft.acceptEdited': (ctx: CommandContext, input: { planId: string; draftKey: string; fields: EventFields }): string => {
    const plan = livePlan(ctx, input.planId);
    if ((plan.acceptedDrafts ?? []).includes(input.draftKey)) throw new SchemaError('conflict', 'This draft has already been accepted');
    const id = ctx.create(EVENTS, withoutEmpty(input.fields));
    markDraftsAccepted(ctx.doc, input.planId, [input.draftKey], ctx.write);
    return id;
  },

  'draft.dismiss': (ctx: CommandContext, input: { planId: string; keys: readonly string[] }): boolean => {
    livePlan(ctx, input.planId);
    return dismissDrafts(ctx.doc, input.planId, input.keys, ctx.write);
  },

  /** An undated tray item dropped on a day becomes an event there and leaves the tray. Returns the event id. */
  'tray.schedule': (ctx: CommandContext, input: { planId: string; key: string; start: string }): string => {
    const plan = livePlan(ctx, input.planId);
    const item = readTray(plan).find((i) => i.key === input.key);
    if (!item) throw new SchemaError('not-found', `Nothing waits in the tray under "${input.key}"`);
    const id = ctx.create(EVENTS, withoutEmpty(trayEventFields(item, input.start, ctx.locale)));
    removeFromTray(ctx.doc, plan.id, item.key, ctx.write);
    return id;
  },

  'section.update': (ctx: CommandContext, input: { id: string; patch: SectionTextPatch }): boolean =>
    updateSection(ctx.doc, input.id, input.patch, ctx.write),
  /** Under `parentId` ("" = top) at sibling position `index` (default last); levels follow. */
  'section.move': (ctx: CommandContext, input: { id: string; parentId: string; index?: number }): boolean =>
    moveSection(ctx.doc, input.id, { parentId: input.parentId, index: input.index }, ctx.write),
  /** +1 indent (under the sibling above), -1 outdent (after its parent). */
  'section.indent': (ctx: CommandContext, input: { id: string; direction: 1 | -1 }): boolean =>
    relevelSection(ctx.doc, input.id, input.direction, ctx.write),
  /** -1 up, +1 down among its siblings. */
  'section.reorder': (ctx: CommandContext, input: { id: string; direction: 1 | -1 }): boolean =>
    reorderSection(ctx.doc, input.id, input.direction, ctx.write),
};
