import { SchemaError } from '../schema/errors';
import { EVENTS, purgeEvent, readEvent, restoreEvent, softDeleteEvent } from '../schema/events';
import { updateWithHistory } from '../schema/history';
import * as Y from 'yjs';
import { readMeta, roots } from '../schema/doc';
import type { EventFields, EventRecord } from '../schema/types';
import { isValidDateValue } from '../time/dates';
import { isRecurring, toViewZone, zonedSeries } from '../time/series';
import type { CommandContext } from './context';
import { liveEvent, withoutEmpty } from './event-reads';
import { checkLinkChange, cascadeOf, plannedCascade, writeChanges, type MoveCascade } from './phase-commands';

/** Phases of `mainId` matching `which`; raw keys are checked first so a plain event costs one scan. */
function phasesOf(ctx: CommandContext, mainId: string, which: (e: EventRecord) => boolean): EventRecord[] {
  const out: EventRecord[] = [];
  for (const [id, m] of roots(ctx.doc).events) {
    if (!(m instanceof Y.Map) || m.get('parentId') !== mainId || id === mainId) continue;
    const read = readEvent(ctx.doc, id);
    if (read?.ok && which(read.record)) out.push(read.record);
  }
  return out;
}

export const EVENT_COMMANDS = {
  /** Returns the new event's id. */
  'event.create': (ctx: CommandContext, input: { fields: EventFields; id?: string }): string =>
    ctx.create(EVENTS, withoutEmpty(input.fields), { id: input.id }),

  /**
   * Only the fields that change are written; `undefined` or '' clears an optional field. False =
   * nothing changed. A new start or end of a phase (or of a main event) moves the phases after it
   * as `event.move` does, in the same undo step.
   */
  'event.update': (ctx: CommandContext, input: { id: string; patch: Partial<EventFields>; cascade?: MoveCascade }): boolean => {
    const { patch } = input;
    checkLinkChange(ctx, input.id, patch);
    const read = readEvent(ctx.doc, input.id);
    const before = read?.ok ? read.record : undefined;
    const moves = before && before.deletedAt === undefined && ('start' in patch || 'end' in patch);
    const start = moves && 'start' in patch ? patch.start : before?.start;
    const end = moves && 'end' in patch ? patch.end : before?.end;
    const changed = moves && (start !== before.start || end !== before.end);
    // Worked out on the state before the patch: a cascade measures the gaps the plan had.
    const changes = changed && start ? plannedCascade(ctx, { ...before, ...patch, start: before.start, end: before.end }, start, end, cascadeOf(ctx, input.cascade)) : null;
    const wrote = updateWithHistory(ctx.doc, EVENTS, input.id, patch, ctx.write);
    return (changes ? writeChanges(ctx, changes) > 0 : false) || wrote;
  },

  /**
   * A drag or a resize: new start and (exclusive) end, in the same form. For a phase or a main
   * event, the later phases follow by `cascade` (default: the workspace's `phaseCascade`;
   * 'none' moves only this one), all in one undo step.
   */
  'event.move': (ctx: CommandContext, input: { id: string; start: string; end?: string; cascade?: MoveCascade }): boolean => {
    const e = liveEvent(ctx, input.id);
    const changes = isValidDateValue(input.start) ? plannedCascade(ctx, e, input.start, input.end, cascadeOf(ctx, input.cascade)) : null;
    if (!changes) return updateWithHistory(ctx.doc, EVENTS, input.id, { start: input.start, end: input.end }, ctx.write);
    // The moved event first, validated as any move; then what follows it.
    const own = changes.find((c) => c.id === input.id);
    const wrote = own ? updateWithHistory(ctx.doc, EVENTS, input.id, { start: own.start, end: own.end }, ctx.write) : false;
    return writeChanges(ctx, changes, input.id) > 0 || wrote;
  },

  /**
   * Leaves one occurrence of a series out (its start goes into `exdates`). `occurrenceStart` is
   * as the views show it, in meta.timezone; a series kept in its own zone stores it in that zone.
   */
  'event.skipOccurrence': (ctx: CommandContext, input: { id: string; occurrenceStart: string }): boolean => {
    const event = liveEvent(ctx, input.id);
    if (!isRecurring(event)) throw new SchemaError('invalid', `The event "${input.id}" does not repeat`, ['rrule: is required to skip an occurrence']);
    if (!isValidDateValue(input.occurrenceStart)) {
      throw new SchemaError('invalid', `Not an occurrence start: "${input.occurrenceStart}"`, ['exdates: must list real dates']);
    }
    const zone = zonedSeries(event, readMeta(ctx.doc).timezone);
    const start = zone ? toViewZone(input.occurrenceStart, readMeta(ctx.doc).timezone, zone) : input.occurrenceStart;
    const exdates = event.exdates ?? [];
    if (exdates.includes(start)) return false;
    return updateWithHistory(ctx.doc, EVENTS, input.id, { exdates: [...exdates, start] }, ctx.write);
  },

  /**
   * Soft delete: to the trash, restorable. A contest's main event takes its live phases with it
   * (they are its parts), all stamped with the same time so restoring it brings back exactly them.
   */
  'event.delete': (ctx: CommandContext, input: { id: string }): boolean => {
    const moved = softDeleteEvent(ctx.doc, input.id, ctx.write);
    if (moved) for (const p of phasesOf(ctx, input.id, (e) => e.deletedAt === undefined)) softDeleteEvent(ctx.doc, p.id, ctx.write);
    return moved;
  },
  /** Back from the trash; a main event brings back the phases that went with it. */
  'event.restore': (ctx: CommandContext, input: { id: string }): boolean => {
    const read = readEvent(ctx.doc, input.id);
    const deletedAt = read?.ok ? read.record.deletedAt : undefined;
    const back = restoreEvent(ctx.doc, input.id, ctx.write);
    if (back && deletedAt !== undefined) for (const p of phasesOf(ctx, input.id, (e) => e.deletedAt === deletedAt)) restoreEvent(ctx.doc, p.id, ctx.write);
    return back;
  },
  /** Hard delete, from the trash only. */
  'event.purge': (ctx: CommandContext, input: { id: string }): boolean => {
    const read = readEvent(ctx.doc, input.id);
    if (read?.ok && read.record.deletedAt === undefined) {
      throw new SchemaError('conflict', 'Only an event in the trash can be deleted for good');
    }
    return purgeEvent(ctx.doc, input.id, ctx.write);
  },
};
