/**
 * Conflicts of one occurrence alone: a session outside its campaign's dates, or on a
 * statutory holiday (调休 working days are working days, so not reported).
 */
import type { CampaignRecord } from '../schema/types';
import { effectiveEnd, formatDateValue, fromDayNumber, isValidDateValue, toMinuteNumber } from '../time/dates';
import { holidayOn } from '../time/holidays';
import { singleConflict, type Conflict } from './conflict-types';
import type { PlacedOccurrence } from './occurrences';
import { boundedMemo } from './memo';
import { isLive, isTourSession } from './session';
import type { ZoneClock } from './zone-clock';

export interface CampaignSpan {
  s: number;
  e: number;
}

/** Live campaigns' [start, end) as instants, by id; unreadable dates leave a campaign out. */
export function campaignSpans(campaigns: readonly CampaignRecord[], clock: ZoneClock): Map<string, CampaignSpan> {
  const spans = new Map<string, CampaignSpan>();
  for (const c of campaigns) {
    if (!isLive(c) || !isValidDateValue(c.start)) continue;
    const s = clock.at(toMinuteNumber(c.start));
    spans.set(c.id, { s, e: clock.at(toMinuteNumber(effectiveEnd(c.start, c.end))) });
  }
  return spans;
}

// The holiday table never changes while the app runs, and tyme4ts takes ~14 µs a lookup.
const holidayNames = boundedMemo<number, string | null>(50_000);

function holidayNameOn(day: number): string | null {
  return holidayNames(day, () => {
    const info = holidayOn(formatDateValue(fromDayNumber(day)));
    return info?.kind === 'holiday' ? info.name : null;
  });
}

export function singleConflicts(occ: PlacedOccurrence, campaigns: ReadonlyMap<string, CampaignSpan>): Conflict[] {
  if (!isTourSession(occ.event)) return [];
  const out: Conflict[] = [];
  const campaignId = occ.event.campaignId;
  const span = campaignId ? campaigns.get(campaignId) : undefined;
  if (campaignId && span && (occ.s < span.s || occ.e > span.e)) out.push(singleConflict('outside-campaign', occ, campaignId));
  for (let day = occ.firstDay; day < occ.endDay; day++) {
    const name = holidayNameOn(day);
    // A session over several days of one holiday reports it once.
    if (name && !out.some((c) => c.kind === 'holiday' && c.resource === name)) out.push(singleConflict('holiday', occ, name));
  }
  return out;
}
