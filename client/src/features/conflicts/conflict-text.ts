/** A conflict in words: what clashes, naming teams, units and campaigns rather than their ids. */
import type { CampaignRecord, TeamRecord, UnitRecord } from '@shared/schema/types';
import type { Conflict } from '@shared/tours';
import { tc } from './messages';

export interface ConflictNames {
  teams: readonly TeamRecord[];
  units: readonly UnitRecord[];
  campaigns: readonly CampaignRecord[];
}

export function conflictReason(c: Conflict, names: ConflictNames): string {
  const r = c.resource;
  switch (c.kind) {
    case 'speaker':
      return tc('kindSpeaker', { r });
    case 'team':
      return tc('kindTeam', { r: names.teams.find((t) => t.id === r)?.name ?? r });
    case 'location':
      return tc('kindLocation', { r });
    case 'unit-day':
      return tc('kindUnitDay', { r: names.units.find((u) => u.id === r)?.name ?? r });
    case 'outside-campaign':
      return tc('kindOutsideCampaign', { r: names.campaigns.find((x) => x.id === r)?.title ?? r });
    case 'holiday':
      return tc('kindHoliday', { r });
  }
}
