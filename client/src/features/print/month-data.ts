/**
 * The month's records for the print page and the exchange menu: every live event touching the
 * month (from the event index, which also returns every recurring series), plan sections and
 * campaigns read straight from the doc. Callers wait for the doc (`open.loaded`) first.
 */
import * as Y from 'yjs';
import type { EventRecord } from '@shared/schema/types';
import { isDeleted, readCampaigns, roots } from '@shared/schema';
import { monthRange } from '@shared/time/dates';
import { sectionLabelPath } from '@shared/plan-text/label-path';
import type { WorkspaceApi } from '../../stores/workspace-context';

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface SectionInfo {
  id: string;
  parentId: string;
  planId: string;
  label: string;
  title: string;
  level: number;
  order: number;
}

export interface CampaignInfo {
  id: string;
  title: string;
}

/** Start loading the doc if nobody has yet, and wait for it (and the index check) to finish. */
export async function docLoaded(ws: WorkspaceApi): Promise<void> {
  ws.open.load();
  await ws.open.loaded;
}

/** Live events that may touch the month (recurring series are expanded by the print functions). */
export async function monthEvents(ws: WorkspaceApi, month: string): Promise<EventRecord[]> {
  const { start, end } = monthRange(month);
  const rows = await ws.open.index.query(start, end);
  return rows.filter((e) => !isDeleted(e)).map(({ conflicted: _c, ...record }) => record as EventRecord);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Plan sections (Contract 1 `sections` map), in plan order; malformed entries are skipped. */
export function readSections(doc: Y.Doc): SectionInfo[] {
  const out: SectionInfo[] = [];
  roots(doc).sections.forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    out.push({
      id,
      parentId: str(value.get('parentId')),
      planId: str(value.get('planId')),
      label: str(value.get('label')),
      title: str(value.get('title')),
      level: num(value.get('level')) || 1,
      order: num(value.get('order')),
    });
  });
  // Depth-first in `order`, so a select lists children under their parent.
  const children = new Map<string, SectionInfo[]>();
  const ids = new Set(out.map((s) => s.id));
  for (const s of out) {
    const parent = s.parentId && ids.has(s.parentId) ? s.parentId : '';
    const list = children.get(parent) ?? [];
    list.push(s);
    children.set(parent, list);
  }
  const sorted: SectionInfo[] = [];
  const seen = new Set<string>();
  const walk = (parent: string) => {
    for (const s of (children.get(parent) ?? []).sort((a, b) => a.planId.localeCompare(b.planId) || a.order - b.order)) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      sorted.push(s);
      walk(s.id);
    }
  };
  walk('');
  return sorted;
}

/** id → '一、(一) 1、', or undefined for an unknown section. */
export function sectionPathOf(sections: readonly SectionInfo[]): (id: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (id) => {
    if (!cache.has(id)) cache.set(id, sectionLabelPath(sections, id) || undefined);
    return cache.get(id);
  };
}

/** The section and all its descendants. */
export function sectionSubtree(sections: readonly SectionInfo[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of sections) {
      if (!out.has(s.id) && out.has(s.parentId)) {
        out.add(s.id);
        grew = true;
      }
    }
  }
  return out;
}

export function readCampaignList(doc: Y.Doc): CampaignInfo[] {
  return readCampaigns(doc)
    .campaigns.filter((c) => !isDeleted(c))
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
