/**
 * Turning a plan's draft activities into records: the rules, once. A dated draft becomes an
 * event; a draft dated only by a window (上半年, 3月上旬, 国庆前夕) becomes an event on the
 * window's first working day, marked tentative by a note that keeps the plan's own words and
 * the window (Contract 1 has no tentative flag); a campaign draft becomes a campaign over its
 * window or the plan's year; an undated draft waits in the plan's tray until someone drops it
 * on a day.
 */
import type { Locale } from '../i18n/locale';
import type { DraftActivity } from '../plan-text/types';
import { sectionDocId, type PlanDraft, type TrayItem } from '../schema/plans';
import type { CampaignFields, EventFields } from '../schema/types';
import { addDays, diffDays, isAllDay } from '../time/dates';
import { firstWorkingDay } from '../time/working-days';

/** Parser drafts with the document's section ids. */
export function planDrafts(planId: string, activities: readonly DraftActivity[]): PlanDraft[] {
  return activities.map((a) => ({ ...a, units: [...a.units], sectionId: sectionDocId(planId, a.sectionId) }));
}

/** A window of more than one day (no recurrence): the event gets a proposed date inside it. */
export function isWindow(d: Pick<PlanDraft, 'start' | 'end' | 'rrule'>): boolean {
  return !!d.start && !!d.end && !d.rrule && isAllDay(d.start) && diffDays(d.start, d.end) > 1;
}

/**
 * "9月下旬（2026-09-21 至 2026-09-30）": the cue and the window, last day inclusive; sessions as a list,
 * "4月29日、5月1日、3日（2026-04-29、05-01、05-03）".
 */
export function windowText(d: Pick<PlanDraft, 'start' | 'end' | 'cue' | 'rdates'>, locale: Locale = 'zh'): string {
  if (!d.start) return d.cue ?? '';
  const to = locale === 'zh' ? ' 至 ' : ' to ';
  const year = d.start.slice(0, 5);
  // (later sessions of the same year drop it: "2026-04-29、05-01")
  const later = (d.rdates ?? []).map((r) => (r.startsWith(year) ? r.slice(5) : r).replace('T', ' '));
  const range = later.length
    ? [d.start.replace('T', ' '), ...later].join(locale === 'zh' ? '、' : ', ')
    : d.end && isAllDay(d.start) && diffDays(d.start, d.end) > 1
      ? `${d.start}${to}${addDays(d.end, -1)}`
      : d.start.replace('T', ' ');
  if (!d.cue) return range;
  return locale === 'zh' ? `${d.cue}（${range}）` : `${d.cue} (${range})`;
}

/** The note that marks a date as the plan's, not yet confirmed. */
export function plannedNote(text: string, locale: Locale = 'zh'): string {
  return locale === 'zh' ? `计划时间：${text}` : `Planned time: ${text}`;
}

const eventKind = (kind: PlanDraft['kind']): EventFields['kind'] => (kind === 'campaign' ? 'other' : kind);

/** Event fields for a dated draft (see the header for windows). */
export function draftEventFields(d: PlanDraft, locale: Locale = 'zh'): EventFields {
  if (!d.start) throw new RangeError('An undated draft goes to the tray, not onto the calendar');
  const fields: EventFields = {
    title: d.title,
    kind: eventKind(d.kind),
    start: d.start,
    status: 'planned',
    units: d.units,
    sectionIds: d.sectionId ? [d.sectionId] : [],
  };
  if (isWindow(d)) {
    fields.start = firstWorkingDay(d.start, d.end!);
    fields.notes = plannedNote(windowText(d, locale), locale);
  } else {
    if (d.end) fields.end = d.end;
    if (d.rrule) fields.rrule = d.rrule;
    if (d.rdates?.length) fields.rdates = [...d.rdates];
    if (d.cue) fields.notes = plannedNote(d.cue, locale);
  }
  return fields;
}

/** A campaign over the draft's window (whole days), else over the plan's year. */
export function draftCampaignFields(d: PlanDraft, planYear: number, locale: Locale = 'zh'): CampaignFields {
  const start = d.start?.slice(0, 10) ?? `${planYear}-01-01`;
  let end = d.end?.slice(0, 10) ?? `${planYear + 1}-01-01`;
  if (end <= start) end = addDays(start, 1);
  return {
    title: d.title,
    start,
    end,
    ...(d.sectionId ? { sectionIds: [d.sectionId] } : {}),
    ...(d.cue ? { notes: plannedNote(d.cue, locale) } : {}),
  };
}

/** What waits in the tray for an undated draft. */
export function trayItemOf(d: PlanDraft, key: string): TrayItem {
  return { key, title: d.title, kind: d.kind, sectionId: d.sectionId, ...(d.cue ? { cue: d.cue } : {}), units: d.units };
}

/** The event a tray item becomes when it is dropped on `start`. */
export function trayEventFields(item: TrayItem, start: string, locale: Locale = 'zh'): EventFields {
  return {
    title: item.title,
    kind: eventKind(item.kind),
    start,
    status: 'planned',
    units: item.units,
    sectionIds: item.sectionId ? [item.sectionId] : [],
    ...(item.cue ? { notes: plannedNote(item.cue, locale) } : {}),
  };
}
