import type * as Y from 'yjs';
import {
  LOCAL_ORIGIN,
  addToTray,
  createCampaign,
  draftKey,
  markDraftsAccepted,
  sectionDocId,
  type PlanDraft,
} from '@shared/schema';
import type { EventFields, PlanRecord } from '@shared/schema/types';
import type { DraftActivity } from '@shared/plan-text';
import { addDays, diffDays, isAllDay, weekday } from '@shared/time/dates';
import { holidayOn } from '@shared/time/holidays';

/** Parser drafts with the document's section ids. */
export function planDrafts(planId: string, activities: readonly DraftActivity[]): PlanDraft[] {
  return activities.map((a) => ({ ...a, units: [...a.units], sectionId: sectionDocId(planId, a.sectionId) }));
}

/** A window of more than one day (no recurrence): the event gets a proposed date inside it. */
export function isWindow(d: Pick<PlanDraft, 'start' | 'end' | 'rrule'>): boolean {
  return !!d.start && !!d.end && !d.rrule && isAllDay(d.start) && diffDays(d.start, d.end) > 1;
}

/** The first working day (not a weekend unless 调休, not a statutory holiday) in [start, end). */
export function firstWorkingDay(start: string, end: string): string {
  for (let day = start; day < end; day = addDays(day, 1)) {
    const h = holidayOn(day);
    if (h?.kind === 'workday') return day;
    if (h?.kind === 'holiday') continue;
    const wd = weekday(day);
    if (wd !== 0 && wd !== 6) return day;
  }
  return start;
}

const inclusiveEnd = (end: string) => addDays(end, -1);

/** "9月下旬（2026-09-21 至 2026-09-30）" */
export function windowText(d: Pick<PlanDraft, 'start' | 'end' | 'cue'>): string {
  if (!d.start) return '';
  const range = d.end && isAllDay(d.start) && diffDays(d.start, d.end) > 1 ? `${d.start} 至 ${inclusiveEnd(d.end)}` : d.start.replace('T', ' ');
  return d.cue ? `${d.cue}（${range}）` : range;
}

/**
 * Event fields for a dated draft. A window becomes its first working day, status `planned`,
 * and the plan's own time words plus the window go into the notes ("计划时间：…"), which is
 * how a tentative date is marked (Contract 1 has no tentative flag).
 */
export function draftEventFields(d: PlanDraft, plannedLabel: (cue: string) => string): EventFields {
  const fields: EventFields = {
    title: d.title,
    kind: d.kind === 'campaign' ? 'other' : d.kind,
    start: d.start!,
    status: 'planned',
    units: d.units,
    sectionIds: d.sectionId ? [d.sectionId] : [],
  };
  if (isWindow(d)) {
    fields.start = firstWorkingDay(d.start!, d.end!);
    fields.notes = plannedLabel(windowText(d));
  } else {
    if (d.end) fields.end = d.end;
    if (d.rrule) fields.rrule = d.rrule;
    if (d.cue) fields.notes = plannedLabel(d.cue);
  }
  return fields;
}

export type AcceptResult = 'event' | 'campaign' | 'tray';

/**
 * Accepts drafts in one transaction: campaigns become campaigns (their window, else the plan
 * year), dated drafts become events, undated ones wait in the plan's tray.
 */
export function acceptDrafts(
  doc: Y.Doc,
  plan: PlanRecord,
  drafts: readonly PlanDraft[],
  createEvent: (fields: EventFields) => string,
  plannedLabel: (cue: string) => string,
): AcceptResult[] {
  const results: AcceptResult[] = [];
  doc.transact(() => {
    const tray = [];
    const accepted: string[] = [];
    for (const d of drafts) {
      const key = draftKey(d);
      if (d.kind === 'campaign') {
        const start = d.start?.slice(0, 10) ?? `${plan.year}-01-01`;
        let end = d.end?.slice(0, 10) ?? `${plan.year + 1}-01-01`;
        if (end <= start) end = addDays(start, 1);
        createCampaign(
          doc,
          { title: d.title, start, end, ...(d.sectionId ? { sectionIds: [d.sectionId] } : {}), ...(d.cue ? { notes: plannedLabel(d.cue) } : {}) },
          { origin: LOCAL_ORIGIN },
        );
        results.push('campaign');
      } else if (d.start) {
        createEvent(draftEventFields(d, plannedLabel));
        results.push('event');
      } else {
        tray.push({ key, title: d.title, kind: d.kind, sectionId: d.sectionId, ...(d.cue ? { cue: d.cue } : {}), units: d.units });
        results.push('tray');
        continue;
      }
      accepted.push(key);
    }
    // One write of the plan's accepted list, not one per draft ("accept all" of a long plan).
    if (accepted.length) markDraftsAccepted(doc, plan.id, accepted, { origin: LOCAL_ORIGIN });
    if (tray.length) addToTray(doc, plan.id, tray, { origin: LOCAL_ORIGIN });
  }, LOCAL_ORIGIN);
  return results;
}
