/**
 * FullCalendar runs in UTC here: our date values are floating wall-clock times in the workspace
 * zone, so we hand them over without an offset and read them back from the UTC fields.
 * That way neither the browser's zone nor DST can move an all-day date.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function dateToValue(d: Date, allDay: boolean): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return allDay ? day : `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export const dateToDay = (d: Date): string => dateToValue(d, true);
