import { roots, setWorkspaceName, setWorkspaceTimezone } from '../schema/doc';
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
};
