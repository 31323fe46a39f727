import type { EventRecord } from '@shared/schema/types';
import { effectiveEnd, isAllDay, lastDayInclusive } from '@shared/time/dates';

/** "2026-10-16 14:30–17:30", "2026-10-16", "2026-10-16 – 10-18": when a phase runs, compactly. */
export function whenText(e: Pick<EventRecord, 'start' | 'end'>): string {
  if (isAllDay(e.start)) {
    const last = lastDayInclusive(e.start, e.end);
    return last === e.start ? e.start : `${e.start} – ${last.slice(0, 4) === e.start.slice(0, 4) ? last.slice(5) : last}`;
  }
  const end = effectiveEnd(e.start, e.end);
  const sameDay = end.slice(0, 10) === e.start.slice(0, 10);
  return `${e.start.replace('T', ' ')}–${sameDay ? end.slice(11) : end.replace('T', ' ')}`;
}
