/**
 * Property builders shared by every VEVENT this app writes (events and own
 * anniversaries), so there is one UID domain, one UTC stamp form and one TEXT
 * escaping rule. Line folding is not here: it happens once, in `exportIcs`, for
 * the whole VCALENDAR.
 */
import ICAL from './ical-lib';

/** The UID domain of everything this app exports (`<event id>@campaign-calendar`). */
export const UID_SUFFIX = '@campaign-calendar';

export function utcTime(ms: number): ICAL.Time {
  const t = new Date(ms);
  return ICAL.Time.fromData(
    {
      year: t.getUTCFullYear(),
      month: t.getUTCMonth() + 1,
      day: t.getUTCDate(),
      hour: t.getUTCHours(),
      minute: t.getUTCMinutes(),
      second: t.getUTCSeconds(),
    },
    ICAL.Timezone.utcTimezone,
  );
}

/**
 * RFC 5545 TEXT allows no control characters but HTAB; line breaks are written as `\n`. A bare
 * CR (a title pasted from an old Mac file) or another control character would otherwise go out
 * raw and break the line structure for other readers: CR and CRLF become a line break, the rest
 * are dropped.
 */
export function icsText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

export function textProp(name: string, value: string): ICAL.Property {
  const prop = new ICAL.Property(name);
  // X- properties default to ical.js' "unknown" type, written unescaped; TEXT escapes , ; \ and newlines.
  prop.resetType('text');
  prop.setValue(icsText(value));
  return prop;
}
