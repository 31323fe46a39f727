import { SchemaError } from '../schema/errors';
import { EVENTS, purgeEvent, readEvent, restoreEvent, softDeleteEvent } from '../schema/events';
import { updateWithHistory } from '../schema/history';
import type { EventFields } from '../schema/types';
import { isValidDateValue } from '../time/dates';
import type { CommandContext } from './context';

/** A new record stores only what was filled in: no empty strings or lists. */
export function withoutEmpty<F extends object>(fields: F): F {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as F;
}

export function liveEvent(ctx: CommandContext, id: string) {
  const read = readEvent(ctx.doc, id);
  if (!read) throw new SchemaError('not-found', `No event with id "${id}"`);
  if (!read.ok) throw new SchemaError('invalid', `The event "${id}" needs attention first: ${read.invalid.problems.join('; ')}`, read.invalid.problems);
  return read.record;
}

export const EVENT_COMMANDS = {
  /** Returns the new event's id. */
  'event.create': (ctx: CommandContext, input: { fields: EventFields; id?: string }): string =>
    ctx.create(EVENTS, withoutEmpty(input.fields), { id: input.id }),

  /** Only the fields that change are written; `undefined` or '' clears an optional field. False = nothing changed. */
  'event.update': (ctx: CommandContext, input: { id: string; patch: Partial<EventFields> }): boolean =>
    updateWithHistory(ctx.doc, EVENTS, input.id, input.patch, ctx.write),

  /** A drag or a resize: new start and (exclusive) end, in the same form. */
  'event.move': (ctx: CommandContext, input: { id: string; start: string; end?: string }): boolean => {
    liveEvent(ctx, input.id);
    return updateWithHistory(ctx.doc, EVENTS, input.id, { start: input.start, end: input.end }, ctx.write);
  },

  /** Leaves one occurrence of a series out (its start goes into `exdates`). */
  'event.skipOccurrence': (ctx: CommandContext, input: { id: string; occurrenceStart: string }): boolean => {
    const event = liveEvent(ctx, input.id);
    if (!event.rrule) throw new SchemaError('invalid', `The event "${input.id}" does not repeat`, ['rrule: is required to skip an occurrence']);
    if (!isValidDateValue(input.occurrenceStart)) {
      throw new SchemaError('invalid', `Not an occurrence start: "${input.occurrenceStart}"`, ['exdates: must list real dates']);
    }
    const exdates = event.exdates ?? [];
    if (exdates.includes(input.occurrenceStart)) return false;
    return updateWithHistory(ctx.doc, EVENTS, input.id, { exdates: [...exdates, input.occurrenceStart] }, ctx.write);
  },

  /** Soft delete: to the trash, restorable. */
  'event.delete': (ctx: CommandContext, input: { id: string }): boolean => softDeleteEvent(ctx.doc, input.id, ctx.write),
  'event.restore': (ctx: CommandContext, input: { id: string }): boolean => restoreEvent(ctx.doc, input.id, ctx.write),
  /** Hard delete, from the trash only. */
  'event.purge': (ctx: CommandContext, input: { id: string }): boolean => {
    const read = readEvent(ctx.doc, input.id);
    if (read?.ok && read.record.deletedAt === undefined) {
      throw new SchemaError('conflict', 'Only an event in the trash can be deleted for good');
    }
    return purgeEvent(ctx.doc, input.id, ctx.write);
  },
};
