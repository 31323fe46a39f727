/**
 * Strict RRULE checking, done before anything reaches the `rrule` library.
 *
 * rrule.js accepts some malformed input silently and then loops forever
 * (`INTERVAL=abc`, `BYMONTHDAY=40`) or throws a TypeError (`BYDAY=XX`). Rules
 * arrive from other devices, imported plans and hand edits, so a bad one must be
 * reported, never allowed to hang a view. This is the RFC 5545 §3.3.10 grammar
 * with its ranges and its cross-part restrictions.
 */

// MINUTELY/SECONDLY are left out: no activity repeats by the minute, and rrule.js
// iterates every candidate from DTSTART, so they are also the way to hang a view.
const FREQS = ['HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type RRuleFreq = (typeof FREQS)[number];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export interface ParsedRRule {
  freq: RRuleFreq;
  /** Upper-case NAME → VALUE, in the order given. */
  parts: Map<string, string>;
  /** Canonical text (upper case, no `RRULE:` prefix) safe to hand to rrule.js. */
  text: string;
}

export type RRuleCheck = { ok: true; rule: ParsedRRule } | { ok: false; error: string };

const INT_RE = /^[+-]?\d{1,4}$/;

function intList(value: string, min: number, max: number, signed: boolean): string | null {
  for (const item of value.split(',')) {
    if (!INT_RE.test(item)) return `"${item}" is not a number`;
    const n = Number(item);
    const abs = Math.abs(n);
    if ((!signed && n < 0) || abs < min || abs > max || (signed && n === 0)) {
      return `${item} is out of range`;
    }
  }
  return null;
}

/** `YYYYMMDD` or `YYYYMMDDTHHMMSS` with optional `Z`; returns null if invalid. */
export function parseUntil(value: string): { y: number; m: number; d: number; time: string | null } | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (y < 1 || dim === undefined || d < 1 || d > dim) return null;
  if (match[4] === undefined) return { y, m, d, time: null };
  if (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6]) > 60) return null;
  return { y, m, d, time: `${match[4]}${match[5]}${match[6]}` };
}

function checkPart(name: string, value: string, freq: string | undefined): string | null {
  switch (name) {
    case 'FREQ':
      return (FREQS as readonly string[]).includes(value)
        ? null
        : value === 'SECONDLY' || value === 'MINUTELY'
          ? `FREQ=${value} is not supported for calendar activities`
          : `unknown FREQ "${value}"`;
    case 'INTERVAL':
      return /^\d{1,4}$/.test(value) && Number(value) >= 1 ? null : `INTERVAL must be a positive integer, got "${value}"`;
    case 'COUNT':
      return /^\d{1,6}$/.test(value) && Number(value) >= 1 ? null : `COUNT must be a positive integer, got "${value}"`;
    case 'UNTIL':
      return parseUntil(value) ? null : `UNTIL must be YYYYMMDD or YYYYMMDDTHHMMSS, got "${value}"`;
    case 'BYSECOND':
      return intList(value, 0, 60, false);
    case 'BYMINUTE':
      return intList(value, 0, 59, false);
    case 'BYHOUR':
      return intList(value, 0, 23, false);
    case 'BYMONTH':
      return intList(value, 1, 12, false);
    case 'BYMONTHDAY':
      if (freq === 'WEEKLY') return 'BYMONTHDAY cannot be used with FREQ=WEEKLY';
      return intList(value, 1, 31, true);
    case 'BYYEARDAY':
      if (freq === 'DAILY' || freq === 'WEEKLY' || freq === 'MONTHLY') return `BYYEARDAY cannot be used with FREQ=${freq}`;
      return intList(value, 1, 366, true);
    case 'BYWEEKNO':
      if (freq !== 'YEARLY') return 'BYWEEKNO is only allowed with FREQ=YEARLY';
      return intList(value, 1, 53, true);
    case 'BYSETPOS':
      return intList(value, 1, 366, true);
    case 'WKST':
      return DAYS.includes(value) ? null : `WKST must be a weekday code, got "${value}"`;
    case 'BYDAY':
      for (const item of value.split(',')) {
        const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
        if (!m) return `"${item}" is not a weekday like FR or 2MO`;
        if (m[1] !== undefined) {
          const n = Math.abs(Number(m[1]));
          if (n < 1 || n > 53) return `"${item}": ordinal out of range`;
          if (freq !== 'MONTHLY' && freq !== 'YEARLY') return `"${item}": numbered weekdays need FREQ=MONTHLY or YEARLY`;
        }
      }
      return null;
    default:
      return `unknown part "${name}"`;
  }
}

/** A BYMONTH × BYMONTHDAY combination like Feb 30 makes rrule.js scan to year 9999. */
function neverOccurs(parts: Map<string, string>): boolean {
  const months = parts.get('BYMONTH');
  const days = parts.get('BYMONTHDAY');
  if (!months || !days) return false;
  const dayList = days.split(',').map(Number);
  if (dayList.some((d) => d < 0)) return false;
  const maxDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return months.split(',').every((m) => dayList.every((d) => d > maxDays[Number(m) - 1]));
}

export function checkRRule(input: unknown): RRuleCheck {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, error: 'empty recurrence rule' };
  let text = input.trim();
  if (/^RRULE:/i.test(text)) text = text.slice(6);
  if (text.includes('\n') || text.includes('\r')) return { ok: false, error: 'a rule must be a single RRULE value' };
  const parts = new Map<string, string>();
  for (const raw of text.split(';')) {
    if (raw === '') continue;
    const eq = raw.indexOf('=');
    if (eq <= 0) return { ok: false, error: `"${raw}" is not NAME=VALUE` };
    const name = raw.slice(0, eq).trim().toUpperCase();
    const value = raw.slice(eq + 1).trim().toUpperCase();
    if (parts.has(name)) return { ok: false, error: `${name} appears twice` };
    if (value === '') return { ok: false, error: `${name} has no value` };
    parts.set(name, value);
  }
  const freq = parts.get('FREQ');
  if (!freq) return { ok: false, error: 'FREQ is required' };
  for (const [name, value] of parts) {
    const problem = checkPart(name, value, freq);
    if (problem) return { ok: false, error: problem };
  }
  if (parts.has('COUNT') && parts.has('UNTIL')) return { ok: false, error: 'COUNT and UNTIL cannot both be set' };
  if (parts.has('BYSETPOS') && ![...parts.keys()].some((k) => k.startsWith('BY') && k !== 'BYSETPOS')) {
    return { ok: false, error: 'BYSETPOS needs another BYxxx part' };
  }
  if (neverOccurs(parts)) return { ok: false, error: 'the BYMONTH/BYMONTHDAY combination never occurs' };
  const canonical = [...parts].map(([k, v]) => `${k}=${v}`).join(';');
  return { ok: true, rule: { freq: freq as RRuleFreq, parts, text: canonical } };
}

/** Null when the rule is usable, otherwise a short English description of the first problem. */
export function validateRRule(input: unknown): string | null {
  const result = checkRRule(input);
  return result.ok ? null : result.error;
}
