import { CAMPAIGNS } from '../schema/campaigns';
import { SchemaError } from '../schema/errors';
import { EVENTS, readEvents } from '../schema/events';
import { updateWithHistory } from '../schema/history';
import { readRecord } from '../schema/records';
import type { CampaignFields, CampaignRecord } from '../schema/types';
import { isValidDateValue } from '../time/dates';
import { shiftedEvent, shiftOf } from '../timeline/edit-rules';
import type { CommandContext } from './context';
import { recordCommands } from './record-commands';

function liveCampaign(ctx: CommandContext, id: string): CampaignRecord {
  const read = readRecord(ctx.doc, CAMPAIGNS, id);
  if (!read) throw new SchemaError('not-found', `No campaign with id "${id}"`);
  if (!read.ok) throw new SchemaError('invalid', `The campaign "${id}" needs attention first: ${read.invalid.problems.join('; ')}`, read.invalid.problems);
  if (read.record.deletedAt !== undefined) throw new SchemaError('conflict', `The campaign "${id}" is in the trash`);
  return read.record;
}

export const CAMPAIGN_COMMANDS = {
  ...recordCommands<'campaign', CampaignFields>('campaign', CAMPAIGNS),

  /**
   * A drag or resize of a campaign's bar. With `withActivities`, its live activities move by
   * as many days as its start did, keeping their offsets (series with their skipped dates):
   * all of it one undo step. Returns how many activities moved.
   */
  'campaign.move': (ctx: CommandContext, input: { id: string; start: string; end: string; withActivities?: boolean }): number => {
    const c = liveCampaign(ctx, input.id);
    if (!isValidDateValue(input.start) || !isValidDateValue(input.end)) throw new SchemaError('invalid', 'A campaign needs a start and an end date', ['start: date value', 'end: date value']);
    updateWithHistory(ctx.doc, CAMPAIGNS, input.id, { start: input.start, end: input.end }, ctx.write);
    if (!input.withActivities) return 0;
    const days = shiftOf(c.start, input.start);
    if (days === 0) return 0;
    let moved = 0;
    for (const e of readEvents(ctx.doc).events) {
      if (e.campaignId !== input.id || e.deletedAt !== undefined) continue;
      updateWithHistory(ctx.doc, EVENTS, e.id, shiftedEvent(e, days), ctx.write);
      moved++;
    }
    return moved;
  },
};
