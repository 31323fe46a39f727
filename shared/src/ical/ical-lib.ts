/**
 * The one import point for ical.js (its ESM build works under Node, Vitest and Vite).
 *
 * RFC 5545 §3.8.8.2 makes TEXT the default value type of X- properties, but
 * ical.js treats unknown properties as raw "unknown" values (no escaping of
 * `,` `;` `\` and newlines). We register ours, and the common X-WR ones, as
 * TEXT so they are escaped on export and unescaped on import, without a
 * `VALUE=TEXT` parameter that some readers trip over.
 */
import ICAL from 'ical.js';

export const X_TEXT_PROPERTIES = [
  'x-wr-calname',
  'x-wr-caldesc',
  'x-wr-timezone',
  'x-cc-kind',
  'x-cc-status',
  'x-cc-sections',
  'x-cc-notes',
  'x-cc-lead-unit',
  'x-cc-unit',
  'x-cc-participants',
  'x-cc-contact',
  'x-cc-campaign',
  'x-cc-team',
  'x-cc-parent',
  'x-cc-updated-by',
  'x-cc-observance',
  'x-cc-origin-year',
  'x-cc-phase',
  'x-cc-after',
] as const;

const properties = (ICAL.design.icalendar as unknown as { property: Record<string, { defaultType: string }> }).property;
for (const name of X_TEXT_PROPERTIES) properties[name] ??= { defaultType: 'text' };

export default ICAL;
