/**
 * The month's records for the print page and the exchange menu: every live event touching the
 * month (from the event index, which also returns every recurring series), the live plans'
 * sections and campaigns. Callers wait for the doc (`open.loaded`) first.
 */
import type { EventRecord } from '@shared/schema/types';
import { isDeleted } from '@shared/schema';
import { monthRange } from '@shared/time/dates';
import { sectionLabelPath } from '@shared/plan-text/label-path';
import { outlineOrder, type SectionRecord } from '@shared/schema';
import type { WorkspaceStore } from '../../stores/workspace-context';

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** What the print page and exports need of a plan section. */
export type SectionInfo = Pick<SectionRecord, 'id' | 'parentId' | 'planId' | 'label' | 'title' | 'level' | 'order'>;

export interface CampaignInfo {
  id: string;
  title: string;
}

/** Live events that may touch the month (recurring series are expanded by the print functions). */
export async function monthEvents(ws: WorkspaceStore, month: string): Promise<EventRecord[]> {
  const { start, end } = monthRange(month);
  const rows = await ws.queryEvents(start, end);
  return rows.filter((e) => !isDeleted(e)).map(({ conflicted: _c, ...record }) => record as EventRecord);
}

/**
 * The live plans' sections, plan by plan, parents before children. Comes from the workspace's
 * validated outline, so sections of a deleted plan are left out.
 */
export function liveOutline(ws: WorkspaceStore): SectionInfo[] {
  return ws.plans().flatMap((plan) => outlineOrder(ws.sections().filter((s) => s.planId === plan.id)));
}

/** id → '一、(一) 1、', or undefined for an unknown section. */
export function sectionPathOf(sections: readonly SectionInfo[]): (id: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (id) => {
    if (!cache.has(id)) cache.set(id, sectionLabelPath(sections, id) || undefined);
    return cache.get(id);
  };
}

export function readCampaignList(ws: WorkspaceStore): CampaignInfo[] {
  return ws.read
    .liveCampaigns()
    .map((c) => ({ id: c.id, title: c.title }))
    .sort((a, b) => a.title.localeCompare(b.title, 'zh-Hans-CN'));
}

/** '2026-12' → '2027-01' (delta months). */
export function shiftMonth(month: string, delta: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + delta;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}`;
}
