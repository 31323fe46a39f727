/**
 * Contests and exhibitions in phases: creation from a template, moves that carry the later
 * phases along, links, repairs and saved templates. The rules themselves live in phases/; these
 * commands read the document, ask those pure functions what changes, and write the answer in
 * the command's one transaction, so a cascade is one undo step.
 *
 * Cascades run only here, inside a local command. Nothing reacts to a remote update by moving
 * phases: two clients each re-applying the other's move would fight. What a merge leaves
 * broken is reported (brokenLinks) and repaired by a person with `phase.fixLinks`.
 */
import { isPhaseCascade, readMeta, roots, type PhaseCascade } from '../schema/doc';
import { SchemaError } from '../schema/errors';
import { EVENTS, readEvents } from '../schema/events';
import { updateWithHistory } from '../schema/history';
import { PHASE_TEMPLATES, readPhaseTemplates } from '../schema/phase-templates';
import { readRecord } from '../schema/records';
import type { EventFields, EventRecord, PhaseTemplateFields } from '../schema/types';
import { isValidDateValue } from '../time/dates';
import { buildGraph, assertNoCycle, PhaseCycleError } from '../phases/graph';
import { cascadeMove } from '../phases/cascade';
import { fixLinks } from '../phases/broken-links';
import { instantiateTemplate, TemplateError, type TemplateAnchor } from '../phases/instantiate';
import { builtInTemplate, templateFromEvents, type PhaseTemplate } from '../phases/templates';
import { SAVED_TEMPLATE_PREFIX, savedTemplateFields, templateFromRecord } from '../phases/saved-templates';
import type { PhaseChange } from '../phases/positions';
import type { CommandContext } from './context';
import { liveEvent, withoutEmpty } from './event-reads';
import { recordCommands } from './record-commands';

/** How a move treats the phases after the moved one: a mode, or 'none' to move only this event. */
export type MoveCascade = PhaseCascade | 'none';

function cycleRefusal(ctx: CommandContext, e: PhaseCycleError): SchemaError {
  const loop = [...e.titles, e.titles[0] ?? ''].join(' → ');
  return new SchemaError(
    'conflict',
    ctx.locale === 'en' ? `These phases would follow each other in a loop: ${loop}. Link one of them to another phase.` : `阶段的先后关系成了环：${loop}。请把其中一个阶段改接到别的阶段之后。`,
    [`after: ${loop}`],
  );
}

/** Whether `id` takes part in phase scheduling: it is a phase, follows one, or has phases or followers. */
function inPhaseGroup(ctx: CommandContext, e: EventRecord): boolean {
  if (e.parentId !== undefined || e.after !== undefined) return true;
  // Raw reads: cheaper than validating every event of a large workspace on each drag.
  for (const m of roots(ctx.doc).events.values()) {
    const map = m as { get?: (k: string) => unknown };
    if (typeof map.get !== 'function') continue;
    if (map.get('parentId') === e.id || map.get('after') === e.id) return true;
  }
  return false;
}

function liveEvents(ctx: CommandContext): EventRecord[] {
  return readEvents(ctx.doc).events.filter((e) => e.deletedAt === undefined);
}

export function writeChanges(ctx: CommandContext, changes: readonly PhaseChange[], skip?: string): number {
  let n = 0;
  for (const c of changes) {
    if (c.id === skip) continue;
    if (updateWithHistory(ctx.doc, EVENTS, c.id, { start: c.start, end: c.end }, ctx.write)) n++;
  }
  return n;
}

export function cascadeOf(ctx: CommandContext, requested: MoveCascade | undefined): MoveCascade {
  if (requested === undefined) return readMeta(ctx.doc).phaseCascade;
  if (requested !== 'none' && !isPhaseCascade(requested)) {
    throw new SchemaError('invalid', `Unknown cascade mode "${String(requested)}"`, ['cascade: keep-gaps, on-overlap or none']);
  }
  return requested;
}

/**
 * The changes moving `e` to start/end makes to its phase group (the moved event included), or
 * null when it is not in one or the move cascades nothing. `events` is the state before the move.
 */
export function plannedCascade(ctx: CommandContext, e: EventRecord, start: string, end: string | undefined, mode: MoveCascade, events?: EventRecord[]): PhaseChange[] | null {
  if (mode === 'none' || e.rrule || !inPhaseGroup(ctx, e)) return null;
  try {
    return cascadeMove(events ?? liveEvents(ctx), e.id, start, end, mode);
  } catch (err) {
    if (err instanceof PhaseCycleError) throw cycleRefusal(ctx, err);
    throw err;
  }
}

/** Refuses a change of `after` or `parentId` on `id` that would close a loop of links. */
export function checkLinkChange(ctx: CommandContext, id: string, patch: Partial<EventFields>): void {
  if (!('after' in patch) && !('parentId' in patch)) return;
  if (patch.after !== undefined && patch.after === id) throw cycleRefusal(ctx, new PhaseCycleError([id], [readTitle(ctx, id)]));
  const events = liveEvents(ctx).map((e) => (e.id === id ? { ...e, ...patch } : e));
  try {
    assertNoCycle(buildGraph(events), [id]);
  } catch (err) {
    if (err instanceof PhaseCycleError) throw cycleRefusal(ctx, err);
    throw err;
  }
}

function readTitle(ctx: CommandContext, id: string): string {
  const r = readRecord(ctx.doc, EVENTS, id);
  return r?.ok ? r.record.title : id;
}

/** A built-in template by key, or a saved one as `saved:<id>`. */
export function findTemplate(ctx: CommandContext, key: string): PhaseTemplate {
  if (key.startsWith(SAVED_TEMPLATE_PREFIX)) {
    const id = key.slice(SAVED_TEMPLATE_PREFIX.length);
    const record = readPhaseTemplates(ctx.doc).templates.find((t) => t.id === id && t.deletedAt === undefined);
    if (!record) throw new SchemaError('not-found', `No saved template "${id}"`);
    const read = templateFromRecord(record);
    if ('problems' in read) throw new SchemaError('invalid', `The saved template "${record.name}" is damaged: ${read.problems.join('; ')}`, read.problems);
    return read.template;
  }
  const t = builtInTemplate(key);
  if (!t) throw new SchemaError('not-found', `No template "${key}"`);
  return t;
}

export const PHASE_COMMANDS = {
  /**
   * A contest or an exhibition from a template: the main event and every phase, linked, in one
   * undo step. `fields` (section, campaign, lead unit, location …) go on all of them.
   */
  'contest.createFromTemplate': (
    ctx: CommandContext,
    input: { template: string; title: string; anchor: TemplateAnchor; fields?: Partial<EventFields> },
  ): { mainId: string; phaseIds: string[] } => {
    const template = findTemplate(ctx, input.template);
    const title = typeof input.title === 'string' ? input.title.trim() : '';
    if (!title) throw new SchemaError('invalid', 'A title is required', ['title: is required']);
    const anchorStart = 'mainStart' in input.anchor ? input.anchor.mainStart : input.anchor.start;
    if (!isValidDateValue(anchorStart)) throw new SchemaError('invalid', `Not a date: "${String(anchorStart)}"`, ['start: date value']);
    const { title: _t, kind: _k, start: _s, end: _e, parentId: _p, phase: _ph, after: _a, lagDays: _l, lagUnit: _u, ...extra } = input.fields ?? {};
    let made;
    try {
      made = instantiateTemplate(template, { title, anchor: input.anchor, lang: ctx.locale, fields: extra });
    } catch (err) {
      if (err instanceof TemplateError) throw new SchemaError('invalid', err.message, err.problems);
      throw err;
    }
    const mainId = ctx.create(EVENTS, withoutEmpty(made.main));
    const ids = new Map<string, string>();
    const phaseIds = made.phases.map(({ tempId, afterTempId, ...fields }) => {
      const after = afterTempId !== undefined ? ids.get(afterTempId) : undefined;
      const id = ctx.create(EVENTS, withoutEmpty({ ...fields, parentId: mainId, ...(after ? { after } : {}) }));
      ids.set(tempId, id);
      return id;
    });
    return { mainId, phaseIds };
  },

  /** A phase added to a main event, optionally following another of its phases. Returns its id. */
  'phase.add': (ctx: CommandContext, input: { mainId: string; fields: EventFields }): string => {
    const main = liveEvent(ctx, input.mainId);
    if (main.deletedAt !== undefined) throw new SchemaError('conflict', 'The main event is in the trash');
    const fields = { ...input.fields, parentId: main.id };
    if (fields.after !== undefined) {
      const pred = liveEvent(ctx, fields.after);
      if (pred.parentId !== main.id) throw new SchemaError('invalid', 'A phase can only follow another phase of the same event', ['after: a phase of the same main event']);
    }
    return ctx.create(EVENTS, withoutEmpty(fields));
  },

  /** Re-links a phase: which phase it follows (none = null) and with what lag. Loops are refused. */
  'phase.link': (
    ctx: CommandContext,
    input: { id: string; after: string | null; lagDays?: number; lagUnit?: 'day' | 'workday' },
  ): boolean => {
    const e = liveEvent(ctx, input.id);
    if (e.parentId === undefined) throw new SchemaError('invalid', 'Only a phase of a contest or exhibition can be linked', ['parentId: is required']);
    if (input.after !== null) {
      const pred = liveEvent(ctx, input.after);
      if (pred.parentId !== e.parentId) throw new SchemaError('invalid', 'A phase can only follow another phase of the same event', ['after: a phase of the same main event']);
    }
    const patch: Partial<EventFields> = { after: input.after ?? undefined, lagDays: input.after === null ? undefined : input.lagDays ?? e.lagDays ?? 0 };
    if (input.after !== null) patch.lagUnit = input.lagUnit ?? e.lagUnit ?? 'day';
    else patch.lagUnit = undefined;
    checkLinkChange(ctx, input.id, patch);
    return updateWithHistory(ctx.doc, EVENTS, input.id, patch, ctx.write);
  },

  /**
   * Re-applies every link of a main event's phases (what a merge of two offline moves can
   * break): late phases move forward just enough, nothing moves earlier. Returns how many moved.
   */
  'phase.fixLinks': (ctx: CommandContext, input: { mainId: string }): number => {
    liveEvent(ctx, input.mainId);
    try {
      return writeChanges(ctx, fixLinks(liveEvents(ctx), input.mainId));
    } catch (err) {
      if (err instanceof PhaseCycleError) throw cycleRefusal(ctx, err);
      throw err;
    }
  },

  /** How moves treat later phases, for everyone in the workspace. */
  'workspace.setPhaseCascade': (ctx: CommandContext, input: { mode: PhaseCascade }): boolean => {
    if (!isPhaseCascade(input.mode)) throw new SchemaError('invalid', `Unknown cascade mode "${String(input.mode)}"`, ['phaseCascade: keep-gaps or on-overlap']);
    const meta = roots(ctx.doc).meta;
    if (meta.get('phaseCascade') === input.mode) return false;
    meta.set('phaseCascade', input.mode);
    return true;
  },

  ...recordCommands<'template', PhaseTemplateFields>('template', PHASE_TEMPLATES),

  /** Saves a contest's phases as a template of the workspace's own. Returns its key (`saved:<id>`). */
  'template.saveFromEvent': (ctx: CommandContext, input: { mainId: string; name?: string }): string => {
    const main = liveEvent(ctx, input.mainId);
    const phases = liveEvents(ctx).filter((e) => e.parentId === main.id);
    if (phases.length === 0) throw new SchemaError('invalid', 'This event has no phases to save as a template', ['phases: none']);
    const template = templateFromEvents(main, phases);
    const name = input.name?.trim() || main.title;
    return `${SAVED_TEMPLATE_PREFIX}${ctx.create(PHASE_TEMPLATES, savedTemplateFields(template, name))}`;
  },
};
