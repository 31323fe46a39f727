import { OWN_OBSERVANCES } from '../schema/own-observances';
import type { ObservanceFields } from '../schema/types';
import { recordCommands } from './record-commands';

/** The workspace's own anniversaries: create, update, trash, restore, purge. */
export const OBSERVANCE_COMMANDS = recordCommands<'observance', ObservanceFields>('observance', OWN_OBSERVANCES);
