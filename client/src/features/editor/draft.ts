import type { EventFields, EventKind, EventRecord, EventStatus } from '@shared/schema/types';
import { addDays, isAllDay, weekday } from '@shared/time/dates';
import { presetToRRule, rruleToPreset, type RecurrencePreset } from '@shared/time/recurrence';

export type RepeatChoice = 'none' | RecurrencePreset['freq'] | 'custom';

/** The editor's form state: what the user sees, before it becomes event fields. */
export interface Draft {
  title: string;
  kind: EventKind;
  status: EventStatus;
  allDay: boolean;
  /** `YYYY-MM-DD` when all-day, else `YYYY-MM-DDTHH:mm`. */
  start: string;
  /** Inclusive last day when all-day (what people expect to read), else the end time; may be empty. */
  end: string;
  location: string;
  leadUnit: string;
  units: string;
  participants: string;
  contact: string;
  notes: string;
  repeat: RepeatChoice;
  byWeekday: number[];
  repeatEnd: 'never' | 'until' | 'count';
  until: string;
  count: number;
  customRule: string;
  /** Linked plan sections (Contract 1 `sectionIds`). */
  sectionIds: string[];
  /** The campaign (专项活动) it belongs to, or ''. */
  campaignId: string;
  /** A lecture session's team (id or ''), speakers (、-separated names), host unit (id or '') and audience (digits or ''). */
  teamId: string;
  speakers: string;
  hostUnitId: string;
  audience: string;
  /** Minutes before the start to remind at (presets: the day itself, 1 day, 3 days, a week). */
  reminders: number[];
  /** Extra occurrence starts (RDATE), in the start's form. */
  rdates: string[];
}

export const splitUnits = (s: string): string[] =>
  s.split(/[、，,;；\n]+/).map((u) => u.trim()).filter(Boolean);

/** Monday = 0 … Sunday = 6, the weekday numbering of recurrence presets. */
const mondayIndex = (day: string): number => (weekday(day) + 6) % 7;

export function emptyDraft(start: string, end?: string): Draft {
  const allDay = isAllDay(start);
  return {
    title: '',
    kind: 'other',
    status: 'planned',
    allDay,
    start,
    end: end ? (allDay ? addDays(end, -1) : end) : '',
    location: '',
    leadUnit: '',
    units: '',
    participants: '',
    contact: '',
    notes: '',
    repeat: 'none',
    byWeekday: [mondayIndex(start)],
    repeatEnd: 'never',
    until: '',
    count: 4,
    customRule: '',
    sectionIds: [],
    campaignId: '',
    teamId: '',
    speakers: '',
    hostUnitId: '',
    audience: '',
    reminders: [],
    rdates: [],
  };
}

export function draftFromRecord(e: EventRecord): Draft {
  const base = emptyDraft(e.start, e.end);
  const preset = e.rrule ? rruleToPreset(e.rrule) : null;
  return {
    ...base,
    title: e.title,
    kind: e.kind,
    status: e.status,
    location: e.location ?? '',
    leadUnit: e.leadUnit ?? '',
    units: (e.units ?? []).join('、'),
    participants: e.participants ?? '',
    contact: e.contact ?? '',
    notes: e.notes ?? '',
    repeat: !e.rrule ? 'none' : preset ? preset.freq : 'custom',
    byWeekday: preset?.byWeekday ?? base.byWeekday,
    repeatEnd: preset?.until ? 'until' : preset?.count ? 'count' : 'never',
    until: preset?.until ?? '',
    count: preset?.count ?? 4,
    customRule: e.rrule ?? '',
    sectionIds: e.sectionIds ?? [],
    campaignId: e.campaignId ?? '',
    teamId: e.teamId ?? '',
    speakers: (e.speakers ?? []).join('、'),
    hostUnitId: e.hostUnitId ?? '',
    audience: e.audience !== undefined ? String(e.audience) : '',
    reminders: [...(e.reminders ?? [])],
    rdates: [...(e.rdates ?? [])],
  };
}

/** The audience as typed: a whole number ≥ 0, nothing, or null when it is not a number. */
export function audienceOf(d: Draft): number | undefined | null {
  const text = d.audience.trim();
  if (!text) return undefined;
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/** A field is written when set, cleared when it was set and no longer is, else left out. */
function optional<K extends string, V>(key: K, value: V | undefined, had: unknown): Partial<Record<K, V | undefined>> {
  if (value !== undefined && value !== '') return { [key]: value } as Record<K, V>;
  return had !== undefined ? ({ [key]: undefined } as Record<K, undefined>) : {};
}

/** Switch between all-day and timed keeping the same days. */
export function toggleAllDay(d: Draft, allDay: boolean): Draft {
  if (allDay === d.allDay) return d;
  if (allDay) return { ...d, allDay, start: d.start.slice(0, 10), end: d.end ? d.end.slice(0, 10) : '' };
  const day = d.start.slice(0, 10);
  return { ...d, allDay, start: `${day}T09:00`, end: `${day}T10:00` };
}

export function draftRRule(d: Draft): string | undefined {
  if (d.repeat === 'none') return undefined;
  if (d.repeat === 'custom') return d.customRule.trim().replace(/^RRULE:/i, '') || undefined;
  const preset: RecurrencePreset = { freq: d.repeat };
  if (d.repeat === 'weekly') preset.byWeekday = [...d.byWeekday].sort();
  if (d.repeatEnd === 'until' && d.until) preset.until = d.until;
  if (d.repeatEnd === 'count' && d.count > 0) preset.count = d.count;
  return presetToRRule(preset, d.start);
}

/** Event fields from the form; empty optional text becomes '' which the document treats as "unset". */
export function draftToFields(d: Draft, keep?: EventRecord): EventFields {
  let end: string | undefined;
  if (d.end) end = d.allDay ? addDays(d.end.slice(0, 10), 1) : d.end;
  return {
    title: d.title.trim(),
    kind: d.kind,
    status: d.status,
    start: d.start,
    end,
    location: d.location.trim(),
    leadUnit: d.leadUnit.trim(),
    units: splitUnits(d.units),
    participants: d.participants.trim(),
    contact: d.contact.trim(),
    notes: d.notes.trim(),
    rrule: draftRRule(d),
    exdates: keep?.exdates,
    // Only touch the list when there is or was one: no empty Y.Array on every save.
    sectionIds: d.sectionIds.length || keep?.sectionIds ? [...d.sectionIds] : undefined,
    // Written when chosen, cleared when it was set and no longer is, else left out.
    ...(d.campaignId ? { campaignId: d.campaignId } : keep?.campaignId ? { campaignId: undefined } : {}),
    ...optional('teamId', d.teamId, keep?.teamId),
    ...optional('hostUnitId', d.hostUnitId, keep?.hostUnitId),
    ...optional('audience', audienceOf(d) ?? undefined, keep?.audience),
    // Speakers are a list: written when named or when there were some.
    ...(splitUnits(d.speakers).length || keep?.speakers ? { speakers: splitUnits(d.speakers) } : {}),
    ...(d.reminders.length || keep?.reminders ? { reminders: [...new Set(d.reminders)].sort((a, b) => a - b) } : {}),
    ...(d.rdates.length || keep?.rdates ? { rdates: [...new Set(d.rdates)].sort() } : {}),
  };
}
