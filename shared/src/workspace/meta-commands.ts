import { isTravelBuffer, MAX_TRAVEL_BUFFER_MINUTES, roots, setWorkspaceName, setWorkspaceTimezone } from '../schema/doc';
import { SchemaError } from '../schema/errors';
import type { CommandContext } from './context';

export const META_COMMANDS = {
  'workspace.rename': (ctx: CommandContext, input: { name: string }): boolean => {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (roots(ctx.doc).meta.get('name') === name) return false;
    setWorkspaceName(ctx.doc, name, ctx.write.origin);
    return true;
  },
  /** The IANA zone whose wall clock every timed value of the workspace is in. */
  'workspace.setTimezone': (ctx: CommandContext, input: { timezone: string }): boolean =>
    setWorkspaceTimezone(ctx.doc, input.timezone, ctx.write.origin),
  /** Travel time the conflict rules leave between two timed sessions of one speaker or team. */
  'workspace.setTravelBuffer': (ctx: CommandContext, input: { minutes: number }): boolean => {
    if (!isTravelBuffer(input.minutes)) {
      throw new SchemaError('invalid', `The travel buffer must be whole minutes from 0 to ${MAX_TRAVEL_BUFFER_MINUTES}`, [
        `travelBufferMinutes: must be a whole number from 0 to ${MAX_TRAVEL_BUFFER_MINUTES}`,
      ]);
    }
    const meta = roots(ctx.doc).meta;
    if (meta.get('travelBufferMinutes') === input.minutes) return false;
    meta.set('travelBufferMinutes', input.minutes);
    return true;
  },
};
