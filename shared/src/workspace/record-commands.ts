import { updateWithHistory } from '../schema/history';
import { purgeRecord, readRecord, setRecordDeleted, type CollectionDef } from '../schema/records';
import { SchemaError } from '../schema/errors';
import { TEAMS } from '../schema/teams';
import type { TeamFields } from '../schema/types';
import type { CommandContext, Handler } from './context';
import { withoutEmpty } from './event-reads';

type RecordCommands<P extends string, F> = { [K in `${P}.create`]: Handler<{ fields: F; id?: string }, string> } & {
  [K in `${P}.update`]: Handler<{ id: string; patch: Partial<F> }, boolean>;
} & { [K in `${P}.delete` | `${P}.restore` | `${P}.purge`]: Handler<{ id: string }, boolean> };

/**
 * The five commands every soft-deletable record collection has (campaigns, teams, and the
 * record types later issues add), written once: create and update record field history like
 * events do, delete goes to the trash, purge only from the trash.
 */
export function recordCommands<P extends string, F>(prefix: P, def: CollectionDef<F>): RecordCommands<P, F> {
  return {
    [`${prefix}.create`]: (ctx: CommandContext, input: { fields: F; id?: string }) =>
      ctx.create(def, withoutEmpty(input.fields as object) as F, { id: input.id }),
    [`${prefix}.update`]: (ctx: CommandContext, input: { id: string; patch: Partial<F> }) =>
      updateWithHistory(ctx.doc, def, input.id, input.patch, ctx.write),
    [`${prefix}.delete`]: (ctx: CommandContext, input: { id: string }) => setRecordDeleted(ctx.doc, def, input.id, true, ctx.write),
    [`${prefix}.restore`]: (ctx: CommandContext, input: { id: string }) => setRecordDeleted(ctx.doc, def, input.id, false, ctx.write),
    [`${prefix}.purge`]: (ctx: CommandContext, input: { id: string }) => {
      const read = readRecord(ctx.doc, def, input.id);
      if (read?.ok && (read.record as { deletedAt?: number }).deletedAt === undefined) {
        throw new SchemaError('conflict', `Only a ${def.noun} in the trash can be deleted for good`);
      }
      return purgeRecord(ctx.doc, def, input.id, ctx.write);
    },
  } as RecordCommands<P, F>;
}

export const TEAM_COMMANDS = recordCommands<'team', TeamFields>('team', TEAMS);
