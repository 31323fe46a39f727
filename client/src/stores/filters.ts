import { createStore } from 'solid-js/store';
import { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventRecord, type EventStatus } from '@shared/schema/types';

export interface Filters {
  kinds: Record<EventKind, boolean>;
  statuses: Record<EventStatus, boolean>;
  search: string;
  observances: boolean;
}

const all = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, true])) as Record<K, boolean>;

export function createFilters() {
  const [filters, setFilters] = createStore<Filters>({
    kinds: all(EVENT_KINDS),
    statuses: all(EVENT_STATUSES),
    search: '',
    observances: localStorage.getItem('cc.observances') !== '0',
  });
  return { filters, setFilters };
}

/**
 * Text search over the fields an organiser would type from memory. `sections`, when given,
 * keeps only events linked to one of those section ids (a section and its subsections).
 */
export function matchesFilters(e: EventRecord, f: Filters, sections?: ReadonlySet<string> | null): boolean {
  if (!f.kinds[e.kind] || !f.statuses[e.status]) return false;
  if (sections && !(e.sectionIds ?? []).some((id) => sections.has(id))) return false;
  const q = f.search.trim().toLowerCase();
  if (!q) return true;
  const hay = [e.title, e.location, e.leadUnit, e.participants, e.contact, e.notes, ...(e.units ?? [])]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
  return q.split(/\s+/).every((word) => hay.includes(word));
}

export const filtersActive = (f: Filters): boolean =>
  f.search.trim() !== '' || Object.values(f.kinds).includes(false) || Object.values(f.statuses).includes(false);
