import { SchemaError } from '../schema/errors';
import { EVENTS } from '../schema/events';
import type { EventFields, UnitFields } from '../schema/types';
import { UNITS } from '../schema/units';
import { validateEventFields, validateUnitFields } from '../schema/validate';
import type { CommandContext } from './context';
import { withoutEmpty } from './event-reads';
import { recordCommands } from './record-commands';

/** Refuses the whole batch, naming each bad entry, before anything is written. */
function checkAll<F>(list: readonly F[], validate: (raw: Record<string, unknown>) => { problems: string[] }, noun: string): void {
  const problems: string[] = [];
  list.forEach((fields, i) => {
    for (const p of validate(withoutEmpty(fields as object) as Record<string, unknown>).problems) problems.push(`${p} (${noun} ${i + 1})`);
  });
  if (problems.length) throw new SchemaError('invalid', `${problems.length} problem(s) in the ${noun}s: nothing was saved`, problems);
}

export const UNIT_COMMANDS = {
  ...recordCommands<'unit', UnitFields>('unit', UNITS),

  /** A list pasted from a spreadsheet, saved together: one undo step; all or nothing. Returns the new ids. */
  'unit.importMany': (ctx: CommandContext, input: { units: readonly UnitFields[] }): string[] => {
    checkAll(input.units, validateUnitFields, 'unit');
    return input.units.map((fields) => ctx.create(UNITS, withoutEmpty(fields)));
  },

  /** A tour's accepted drafts: every session created together, one undo step; all or nothing. */
  'session.createMany': (ctx: CommandContext, input: { sessions: readonly EventFields[] }): string[] => {
    checkAll(input.sessions, validateEventFields, 'session');
    return input.sessions.map((fields) => ctx.create(EVENTS, withoutEmpty(fields)));
  },
};
