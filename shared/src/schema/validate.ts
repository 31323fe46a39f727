import * as Y from 'yjs';
import { isAllDay, isKnownZone, isValidDateValue as isDateValue } from '../time/dates';
import {
  CAMPAIGN_FIELD_TABLE,
  EVENT_FIELD_TABLE,
  TEAM_FIELD_TABLE,
  UNIT_FIELD_TABLE,
  OBSERVANCE_FIELD_TABLE,
  PHASE_TEMPLATE_FIELD_TABLE,
  PLAN_FIELD_TABLE,
  SECTION_FIELD_TABLE,
  type FieldSpec,
  type FieldTable,
} from './fields';
import type { CampaignFields, EventFields, ObservanceFields, PhaseTemplateFields, PlanFields, SectionFields, TeamFields, UnitFields, Validation } from './types';

/**
 * Validation never throws and reports every problem at once, in words a person can act
 * on: the same messages are shown for records that "need attention" and for rejected
 * edits. Keys outside the field table are ignored here; they belong to newer or other
 * apps and are preserved by the writers.
 */

/** A short, human description of a value that was not what a field expects. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Y.Array) return 'a Y.Array';
  if (value instanceof Y.Map) return 'a Y.Map';
  if (value instanceof Y.Text) return 'a Y.Text';
  if (value instanceof Y.AbstractType) return 'a shared type';
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const DATE_HINT = 'a real date as YYYY-MM-DD or YYYY-MM-DDTHH:mm';

/** Returns the value to keep (undefined = absent) or a problem message. */
function checkField(spec: FieldSpec, value: unknown): { value?: unknown; problem?: string } {
  switch (spec.type) {
    case 'text':
      if (typeof value !== 'string' || value.trim() === '')
        return { problem: `must be non-empty text, found ${describeValue(value)}` };
      return { value };
    case 'string':
      if (typeof value !== 'string') return { problem: `must be text, found ${describeValue(value)}` };
      // An empty optional string means "not set"; writers delete such keys.
      return { value: value === '' ? undefined : value };
    case 'ref':
      if (typeof value !== 'string') return { problem: `must be text (possibly empty), found ${describeValue(value)}` };
      return { value };
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value))
        return { problem: `must be one of ${spec.values.join(', ')}; found ${describeValue(value)}` };
      return { value };
    case 'date':
      if (!isDateValue(value)) return { problem: `must be ${DATE_HINT}; found ${describeValue(value)}` };
      return { value };
    case 'rrule':
      return checkRrule(value);
    case 'dayRule':
      // Only the shape: whether a lunar date or a term exists in a given year is the rule's reader's job.
      if (typeof value !== 'string' || !DAY_RULE.test(value))
        return { problem: `must be solar:MM-DD, lunar:[L]MM-DD, term:<节气> or nth:MM-N-D; found ${describeValue(value)}` };
      return { value };
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { problem: `must be a number (ms since 1970), found ${describeValue(value)}` };
      return { value };
    case 'count':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
        return { problem: `must be a whole number of 0 or more, found ${describeValue(value)}` };
      return { value };
    case 'boolean':
      if (typeof value !== 'boolean') return { problem: `must be true or false, found ${describeValue(value)}` };
      return { value };
    case 'strings':
    case 'dates':
      return checkList(spec.type, value);
    case 'counts':
      return checkCounts(value);
    case 'zone':
      if (typeof value !== 'string' || !isKnownZone(value))
        return { problem: `must be an IANA time zone name such as Europe/Berlin; found ${describeValue(value)}` };
      return { value };
    case 'lines': {
      const list = checkList('strings', value);
      if (list.problem) return list;
      const bad = (list.value as string[]).find((line) => /[\r\n]/.test(line) || line.trim() === '');
      if (bad !== undefined) return { problem: `must list single lines of text; found ${describeValue(bad)}` };
      return list;
    }
  }
}

const DAY_RULE = /^(solar:(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])|lunar:L?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|30)|term:\S{2,4}|nth:(0[1-9]|1[0-2])-(-1|[1-5])-[1-7])$/;

/** Only a shape check: parsing the rule is shared/src/time/recurrence.ts's job. */
function checkRrule(value: unknown): { value?: unknown; problem?: string } {
  if (typeof value !== 'string') return { problem: `must be text, found ${describeValue(value)}` };
  if (value === '') return { value: undefined };
  if (/^\s*RRULE:/i.test(value))
    return { problem: 'must be the rule value without the "RRULE:" prefix, e.g. FREQ=WEEKLY;BYDAY=FR' };
  if (!/(^|;)FREQ=/i.test(value) || /\s/.test(value))
    return { problem: `must be an RFC 5545 rule like FREQ=WEEKLY;BYDAY=FR, found ${describeValue(value)}` };
  return { value };
}

function checkList(type: 'strings' | 'dates', value: unknown): { value?: unknown; problem?: string } {
  // Y.Array is the stored form; plain arrays are accepted in case another writer used one.
  const items = value instanceof Y.Array ? value.toArray() : Array.isArray(value) ? value : null;
  if (!items) return { problem: `must be a list of text, found ${describeValue(value)}` };
  const bad = items.findIndex((v) => typeof v !== 'string');
  if (bad >= 0) return { problem: `must be a list of text, but contains ${describeValue(items[bad])}` };
  if (type === 'dates') {
    const badDate = items.find((v) => !isDateValue(v));
    if (badDate !== undefined) return { problem: `must list ${DATE_HINT}; found ${describeValue(badDate)}` };
  }
  // The lists are sets in meaning; concurrent adds of the same item may leave duplicates.
  return { value: [...new Set(items as string[])] };
}

function checkCounts(value: unknown): { value?: unknown; problem?: string } {
  const items = value instanceof Y.Array ? value.toArray() : Array.isArray(value) ? value : null;
  if (!items) return { problem: `must be a list of whole numbers, found ${describeValue(value)}` };
  const bad = items.find((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 0);
  if (bad !== undefined) return { problem: `must list whole numbers of 0 or more, but contains ${describeValue(bad)}` };
  // A set, like the other lists, kept in ascending order.
  return { value: [...new Set(items as number[])].sort((a, b) => a - b) };
}

/** Checks every field of `table` in `raw`; returns the cleaned known fields and problems. */
export function validateFields(
  table: FieldTable,
  raw: Record<string, unknown>,
): { values: Record<string, unknown>; problems: string[] } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, spec] of Object.entries(table)) {
    const value = Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined;
    if (value === undefined) {
      if (spec.required) problems.push(`${key}: is required`);
      continue;
    }
    const result = checkField(spec, value);
    if (result.problem) problems.push(`${key}: ${result.problem}`);
    else if (result.value !== undefined) values[key] = result.value;
    else if (spec.required) problems.push(`${key}: is required`);
  }
  return { values, problems };
}

/**
 * `end` must have the same form as `start` and come after it: all-day ends are exclusive,
 * so a one-day event ends the next day. A timed end may equal the start: a zero-length
 * event (a deadline at 17:00; RFC 5545's DTSTART = DTEND). Same-form values compare
 * correctly as strings.
 */
function checkRange(values: Record<string, unknown>, problems: string[]): void {
  const { start, end } = values;
  if (typeof start !== 'string' || typeof end !== 'string') return;
  if (isAllDay(start) !== isAllDay(end)) {
    problems.push(
      `end: must have the same form as start (${isAllDay(start) ? 'YYYY-MM-DD' : 'YYYY-MM-DDTHH:mm'}), found "${end}"`,
    );
  } else if (end < start || (end === start && isAllDay(start))) {
    problems.push(
      isAllDay(start)
        ? `end: must be after start ("${start}"); all-day ends are exclusive, so a one-day event ends the next day`
        : `end: must be after start ("${start}"), found "${end}"`,
    );
  }
}

function finish<F>(table: FieldTable, raw: Record<string, unknown>): Validation<F> {
  const { values, problems } = validateFields(table, raw);
  checkRange(values, problems);
  return problems.length ? { problems } : { record: values as F, problems };
}

export function validateEventFields(raw: Record<string, unknown>): Validation<EventFields> {
  return finish<EventFields>(EVENT_FIELD_TABLE, raw);
}

export function validateCampaignFields(raw: Record<string, unknown>): Validation<CampaignFields> {
  return finish<CampaignFields>(CAMPAIGN_FIELD_TABLE, raw);
}

export function validateTeamFields(raw: Record<string, unknown>): Validation<TeamFields> {
  return finish<TeamFields>(TEAM_FIELD_TABLE, raw);
}

export function validateUnitFields(raw: Record<string, unknown>): Validation<UnitFields> {
  return finish<UnitFields>(UNIT_FIELD_TABLE, raw);
}

export function validateObservanceFields(raw: Record<string, unknown>): Validation<ObservanceFields> {
  return finish<ObservanceFields>(OBSERVANCE_FIELD_TABLE, raw);
}

export function validatePhaseTemplateFields(raw: Record<string, unknown>): Validation<PhaseTemplateFields> {
  const v = finish<PhaseTemplateFields>(PHASE_TEMPLATE_FIELD_TABLE, raw);
  if (v.record) {
    let list: unknown;
    try {
      list = JSON.parse(v.record.phases);
    } catch {
      list = undefined;
    }
    if (!Array.isArray(list) || list.length === 0 || !list.every((p) => typeof p === 'object' && p !== null && typeof (p as { key?: unknown }).key === 'string')) {
      return { problems: ['phases: must be the JSON text of a non-empty list of phases, each with a key'] };
    }
  }
  return v;
}

export function validatePlanFields(raw: Record<string, unknown>): Validation<PlanFields> {
  return finish<PlanFields>(PLAN_FIELD_TABLE, raw);
}

export function validateSectionFields(raw: Record<string, unknown>): Validation<SectionFields> {
  const v = finish<SectionFields>(SECTION_FIELD_TABLE, raw);
  if (v.record && (!Number.isInteger(v.record.level) || v.record.level < 1)) {
    return { problems: [`level: must be a whole number from 1, found ${describeValue(v.record.level)}`] };
  }
  return v;
}
