/**
 * Merging an imported event into one that already exists: kept apart from the parser so the
 * workspace's write API can apply an import without loading ical.js.
 */
import type { EventFields } from '../schema/types';
import { effectiveEnd } from '../time/dates';
import { checkRRule } from '../time/rrule-validate';


/** Read from the file every time (absent = cleared); the rest only overwrite when the file has them. */
// The zone, extra dates and kept lines belong with the times: a file that no longer has them clears them.
const AUTHORITATIVE = ['title', 'start', 'end', 'status', 'kind', 'location', 'notes', 'rrule', 'exdates', 'rdates', 'timezone', 'icalProps'] as const;
const WHEN_PRESENT = ['leadUnit', 'units', 'participants', 'contact', 'sectionIds', 'campaignId', 'teamId', 'parentId', 'reminders'] as const;

/** Same rule whatever the part order (ical.js writes COUNT/UNTIL before BYxxx) and with INTERVAL=1, WKST=MO implied. */
export function sameRRule(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const ca = checkRRule(a);
  const cb = checkRRule(b);
  if (!ca.ok || !cb.ok) return false;
  const parts = (m: Map<string, string>) =>
    [...m].filter(([k, v]) => !(k === 'INTERVAL' && v === '1') && !(k === 'WKST' && v === 'MO')).map(([k, v]) => `${k}=${v}`).sort().join(';');
  return parts(ca.rule.parts) === parts(cb.rule.parts);
}

function sameSet(a: unknown, b: unknown): boolean {
  const x = Array.isArray(a) ? new Set(a) : new Set();
  const y = Array.isArray(b) ? new Set(b) : new Set();
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/**
 * What importing `fields` changes in an event that already exists (`current`: its stored
 * values): the file's authoritative fields, the others only where the file has them, a
 * guessed kind or status never over a known one; compared by meaning (an explicit default
 * end equals no end, lists are sets, rules by their parts), so importing the same file twice
 * changes nothing the second time. Empty = unchanged.
 */
export function icsPatch(current: Readonly<Record<string, unknown>>, fields: EventFields, guessed: ReadonlySet<string>): Partial<EventFields> {
  const patch: Record<string, unknown> = {};
  for (const key of AUTHORITATIVE) {
    if ((key === 'kind' || key === 'status') && guessed.has(key) && current[key] !== undefined) continue;
    patch[key] = fields[key];
  }
  for (const key of WHEN_PRESENT) if (fields[key] !== undefined) patch[key] = fields[key];
  if (
    typeof current.start === 'string' &&
    typeof fields.start === 'string' &&
    current.start === fields.start &&
    effectiveEnd(current.start, current.end as string | undefined) === effectiveEnd(fields.start, fields.end)
  ) {
    delete patch.end;
  }
  for (const key of ['exdates', 'rdates', 'icalProps', 'units', 'sectionIds', 'reminders'] as const) {
    if (key in patch && sameSet(current[key], patch[key])) delete patch[key];
  }
  if ('rrule' in patch && sameRRule(current.rrule, patch.rrule)) delete patch.rrule;
  for (const key of Object.keys(patch)) if (patch[key] === current[key]) delete patch[key];
  return patch as Partial<EventFields>;
}
