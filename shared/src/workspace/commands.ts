import { CAMPAIGN_COMMANDS } from './campaign-commands';
import { TEAM_COMMANDS } from './record-commands';
import { UNIT_COMMANDS } from './unit-commands';
import { OBSERVANCE_COMMANDS } from './observance-commands';
import { EVENT_COMMANDS } from './event-commands';
import { HISTORY_COMMANDS } from './history-commands';
import { ICS_COMMANDS } from './ics-commands';
import { META_COMMANDS } from './meta-commands';
import { PLAN_COMMANDS } from './plan-commands';
import { PHASE_COMMANDS } from './phase-commands';

/** The groups, kept apart so a test can check that no two define the same name. */
export const COMMAND_GROUPS = [EVENT_COMMANDS, PHASE_COMMANDS, CAMPAIGN_COMMANDS, TEAM_COMMANDS, UNIT_COMMANDS, OBSERVANCE_COMMANDS, PLAN_COMMANDS, HISTORY_COMMANDS, META_COMMANDS, ICS_COMMANDS] as const;

/**
 * Every change a person can make to a workspace, one named, typed entry each (like Actual's
 * handler map): `api.run('event.update', { id, patch })`. Screens call nothing else to write.
 */
export const COMMANDS = {
  ...EVENT_COMMANDS,
  ...PHASE_COMMANDS,
  ...CAMPAIGN_COMMANDS,
  ...TEAM_COMMANDS,
  ...UNIT_COMMANDS,
  ...OBSERVANCE_COMMANDS,
  ...PLAN_COMMANDS,
  ...HISTORY_COMMANDS,
  ...META_COMMANDS,
  ...ICS_COMMANDS,
};

export type Commands = typeof COMMANDS;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = Parameters<Commands[K]>[1];
export type CommandOutput<K extends CommandName> = ReturnType<Commands[K]>;
