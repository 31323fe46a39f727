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

/** What a view marks on an event: whether any of its conflicts is hard, and all of them in words. */
export interface ConflictMark {
  hard: boolean;
  text: string;
  /** A phase that starts before its link allows (shown with the conflicts, repaired in the editor). */
  linkBroken?: boolean;
}

export function markOf(list: readonly Conflict[], names: ConflictNames): ConflictMark {
  return { hard: list.some((c) => c.severity === 'hard'), text: list.map((c) => conflictReason(c, names)).join('；') };
}

/** Marks for every event that has a conflict (from ConflictIndex.byId()). */
export function conflictMarks(byId: ReadonlyMap<string, readonly Conflict[]> | undefined, names: ConflictNames): Map<string, ConflictMark> {
  const out = new Map<string, ConflictMark>();
  for (const [id, list] of byId ?? []) out.set(id, markOf(list, names));
  return out;
}

/**
 * Same marks, same reasons: the conflict index is rebuilt after every change, and a view that
 * refetched (the calendar redraws every event) for marks that did not change would redraw under
 * the user's pointer for nothing.
 */
export function sameMarks(a: ReadonlyMap<string, ConflictMark>, b: ReadonlyMap<string, ConflictMark>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, m] of a) {
    const n = b.get(id);
    if (!n || n.hard !== m.hard || n.text !== m.text) return false;
  }
  return true;
}
