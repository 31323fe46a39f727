import { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventRecord, type EventStatus } from '../schema/types';

/** What the calendar, the print page and the exports filter events by. */
export interface EventFilter {
  kinds: Record<EventKind, boolean>;
  statuses: Record<EventStatus, boolean>;
  /** Words to find (all of them) in the fields an organiser would type from memory. */
  search: string;
  /** Only the activities of this campaign ('' or absent: all). */
  campaignId?: string;
}

const all = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, true])) as Record<K, boolean>;

/** Everything shown. */
export const openFilter = (): EventFilter => ({ kinds: all(EVENT_KINDS), statuses: all(EVENT_STATUSES), search: '' });

/**
 * `sections`, when given, keeps only events linked to one of those section ids (a section and
 * its subsections: see schema/sections.ts `sectionWithDescendants`).
 */
export function matchesFilter(e: EventRecord, f: EventFilter, sections?: ReadonlySet<string> | null): boolean {
  if (!f.kinds[e.kind] || !f.statuses[e.status]) return false;
  if (f.campaignId && e.campaignId !== f.campaignId) return false;
  if (sections && !(e.sectionIds ?? []).some((id) => sections.has(id))) return false;
  const q = f.search.trim().toLowerCase();
  if (!q) return true;
  const hay = [e.title, e.location, e.leadUnit, e.participants, e.contact, e.notes, ...(e.units ?? [])]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
  return q.split(/\s+/).every((word) => hay.includes(word));
}

export const filterActive = (f: EventFilter): boolean =>
  f.search.trim() !== '' || !!f.campaignId || Object.values(f.kinds).includes(false) || Object.values(f.statuses).includes(false);
