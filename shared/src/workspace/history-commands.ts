import { CAMPAIGNS } from '../schema/campaigns';
import { EVENTS } from '../schema/events';
import { SchemaError } from '../schema/errors';
import { dismissLostValue, lostValues, restoreValue, type LostValue } from '../schema/history';
import type { CollectionDef } from '../schema/records';
import { TEAMS } from '../schema/teams';
import { UNITS } from '../schema/units';
import { OWN_OBSERVANCES } from '../schema/own-observances';
import type { CommandContext } from './context';

/** The collections whose field history is kept (schema/history.ts). */
const TRACKED: Readonly<Record<HistoryCollection, CollectionDef<unknown>>> = {
  events: EVENTS as CollectionDef<unknown>,
  campaigns: CAMPAIGNS as CollectionDef<unknown>,
  teams: TEAMS as CollectionDef<unknown>,
  units: UNITS as CollectionDef<unknown>,
  observances: OWN_OBSERVANCES as CollectionDef<unknown>,
};
export type HistoryCollection = 'events' | 'campaigns' | 'teams' | 'units' | 'observances';

export const HISTORY_COMMANDS = {
  /**
   * Sets a field back to an earlier value (an overwritten one, or any from the history). The
   * merged record must still be valid: an old `end` before a newer `start` is refused.
   */
  'history.restore': (ctx: CommandContext, input: { collection?: HistoryCollection; id: string; field: string; value: unknown }): boolean => {
    const def = TRACKED[input.collection ?? 'events'];
    if (!(input.field in def.table)) throw new SchemaError('invalid', `Unknown ${def.noun} field: ${input.field}`, [`${input.field}: is not a ${def.noun} field`]);
    return restoreValue(ctx.doc, def, input.id, input.field, input.value, ctx.write);
  },

  /** Keeps the current value: the overwritten one is no longer flagged. */
  'history.dismiss': (ctx: CommandContext, input: { id: string; lost: LostValue }): boolean => {
    const record = readCurrent(ctx, input.id);
    const same = (l: LostValue) => l.field === input.lost.field && JSON.stringify(l.value ?? null) === JSON.stringify(input.lost.value ?? null);
    if (!lostValues(ctx.doc, record).some(same)) return false;
    dismissLostValue(ctx.doc, record, input.lost, ctx.write);
    return true;
  },
};

/** The record (any tracked collection) as a plain object, for the current value a dismissal records. */
function readCurrent(ctx: CommandContext, id: string): { id: string } & Record<string, unknown> {
  for (const def of Object.values(TRACKED)) {
    const map = ctx.doc.getMap(def.name).get(id);
    if (map !== undefined) {
      const json = (map as { toJSON?: () => Record<string, unknown> }).toJSON?.() ?? {};
      return { ...json, id };
    }
  }
  throw new SchemaError('not-found', `No record with id "${id}"`);
}
