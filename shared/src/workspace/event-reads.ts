import { SchemaError } from '../schema/errors';
import { readEvent } from '../schema/events';
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
