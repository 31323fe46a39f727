/**
 * Which records the tour logic looks at, and the keys it compares them by. Every rule of
 * conflicts, coverage and the proposer reads records through these few functions, so "who is
 * the same speaker" and "which events count" are decided in one place.
 */
import type { EventRecord } from '../schema/types';
import { boundedMemo } from './memo';

/** Soft-deleted records carry a numeric `deletedAt` (schema/records.ts reads it the same way). */
export function isLive(record: { deletedAt?: number }): boolean {
  return typeof record.deletedAt !== 'number';
}

/** Live and not cancelled: the events that still take someone's time or a room. */
export function isActiveEvent(event: EventRecord): boolean {
  return isLive(event) && event.status !== 'cancelled';
}

/**
 * A lecture-tour session: an event that names a team, a host unit or a speaker. Only these are
 * checked against holidays and their campaign's dates; an ordinary 国庆 ceremony on 1 October is
 * the point of the day, not a problem.
 */
export function isTourSession(event: EventRecord): boolean {
  return Boolean(event.teamId) || Boolean(event.hostUnitId) || speakerNames(event).length > 0;
}

/** Speakers by trimmed name, blanks dropped, each once: a name listed twice is one person. */
export function speakerNames(event: { speakers?: readonly string[] }): string[] {
  const out: string[] = [];
  for (const raw of event.speakers ?? []) {
    if (typeof raw !== 'string') continue;
    const name = raw.trim();
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** A place as people write it: trimmed, runs of white space as one space. */
export function locationLabel(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * What makes two location texts the same place: the label, compatibility-folded (NFKC turns
 * the full-width "３楼Ａ室" an input method produces into "3楼A室") and case-insensitive.
 */
export function locationKey(text: string): string {
  return locationKeys(text, () => locationLabel(text.normalize('NFKC')).toLowerCase());
}

// A workspace has a few hundred places, checked on every drag frame: normalise each once.
const locationKeys = boundedMemo<string, string>(20_000);
