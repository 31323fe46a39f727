/**
 * iCalendar content lines written as text (RFC 5545 §3.1): escaping, parameter quoting, value
 * forms and folding. The export writes events this way rather than through ical.js components:
 * building and stringifying 10,000 of those took over a second (mostly garbage), a subscription
 * feed renders a whole workspace, and the format is small enough to write exactly. ical.js
 * still reads every file (import) and checks our output in the tests (round trips, the oracle).
 */
import { icsText } from './props';

/** TEXT value (§3.3.11): `\` `;` `,` escaped, line breaks as `\n`, control characters dropped. */
export function escapeText(value: string): string {
  // Most titles, units and ids need nothing: one test instead of three replaces.
  // eslint-disable-next-line no-control-regex
  if (!/[\\;,\u0000-\u001f\u007f]/.test(value)) return value;
  return icsText(value).replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** A parameter value (§3.2): quoted when it holds `:` `;` `,`; DQUOTE and controls cannot appear. */
export function paramValue(value: string): string {
  const clean = value.replace(/["\u0000-\u001f\u007f]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** One unfolded content line: NAME;PARAM=VALUE:value. */
export function line(name: string, value: string, params?: Record<string, string>): string {
  let head = name;
  if (params) for (const [k, v] of Object.entries(params)) head += `;${k}=${paramValue(v)}`;
  return `${head}:${value}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD` → DATE `YYYYMMDD`; `YYYY-MM-DDTHH:mm` → local DATE-TIME `YYYYMMDDTHHmm00`. */
export function dateValue(value: string): string {
  return value.length === 10 ? value.replace(/-/g, '') : `${value.slice(0, 4)}${value.slice(5, 7)}${value.slice(8, 10)}T${value.slice(11, 13)}${value.slice(14, 16)}00`;
}

/** Epoch ms → UTC DATE-TIME `YYYYMMDDTHHMMSSZ`. */
export function utcValue(ms: number): string {
  const t = new Date(ms);
  return `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}T${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}Z`;
}

/** A DURATION (§3.3.6) of whole minutes, e.g. -PT15M, -P1D, PT0S. */
export function durationValue(minutes: number): string {
  if (minutes === 0) return 'PT0S';
  const sign = minutes < 0 ? '-' : '';
  const m = Math.abs(minutes);
  if (m % 10080 === 0) return `${sign}P${m / 10080}W`;
  if (m % 1440 === 0) return `${sign}P${m / 1440}D`;
  if (m % 60 === 0) return `${sign}PT${m / 60}H`;
  return `${sign}PT${m}M`;
}

/** UTF-8 length of a string, without encoding it (a lone surrogate counts as the 3 octets of U+FFFD). */
function octets(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Folds a content line so that every physical line is at most 75 octets, the leading space of
 * continuation lines included (§3.1), never inside a UTF-8 sequence or a surrogate pair.
 */
export function fold(text: string): string {
  if (text.length <= 25 || octets(text) <= 75) return text;
  const parts: string[] = [];
  let start = 0;
  let used = 0;
  let limit = 75;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (used + size > limit) {
      parts.push(text.slice(start, i));
      start = i;
      used = 0;
      limit = 74; // after the leading space
    }
    used += size;
    if (pair) i++;
  }
  parts.push(text.slice(start));
  return parts.join('\r\n ');
}
