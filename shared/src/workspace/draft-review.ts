/**
 * What the plan review screen needs from a plan's drafts, as pure functions: drafts grouped by
 * the outline's sections in reading order, which ones the parser is sure of (accepted in bulk),
 * where a draft's title sits in the sentence it came from (shown highlighted beside it), and
 * the summary said after accepting.
 */
import type { PlanDraft } from '../schema/plans';
import type { SectionRecord } from '../schema/types';

/** A draft as the review reads it: the parser may say how sure it is and the lines it read it from. */
export type ReviewDraft = PlanDraft & { confidence?: number; source?: readonly string[] };

/** The lines a draft was read from, at most `max` (the heading first, then the sentence). */
export function sourceLines(d: ReviewDraft, max = 3): string[] {
  return (d.source ?? []).filter((l) => typeof l === 'string' && l.trim() !== '').slice(0, max);
}

/** At or above this the parser is sure enough for "accept the sure ones" (parsers without a score: all). */
export const CONFIDENT = 0.6;

export const isConfident = (d: ReviewDraft): boolean => d.confidence === undefined || d.confidence >= CONFIDENT;

export interface DraftGroup<D> {
  /** "" for drafts outside any section (a plan without an outline, or an unknown id). */
  sectionId: string;
  drafts: D[];
}

/** Groups in the outline's order (sections as listed), drafts in their own order; the rest last. */
export function groupBySection<D extends Pick<PlanDraft, 'sectionId'>>(drafts: readonly D[], sections: readonly Pick<SectionRecord, 'id'>[]): DraftGroup<D>[] {
  const order = new Map(sections.map((s, i) => [s.id, i]));
  const groups = new Map<string, D[]>();
  for (const d of drafts) {
    const id = order.has(d.sectionId) ? d.sectionId : '';
    const list = groups.get(id) ?? [];
    list.push(d);
    groups.set(id, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : order.get(a)! - order.get(b)!))
    .map(([sectionId, list]) => ({ sectionId, drafts: list }));
}

export interface TextPart {
  text: string;
  mark: boolean;
}

/**
 * The source split around the longest stretch it shares with the title (at least two
 * characters; titles are often the sentence's words reordered, so the whole title need not
 * occur). No shared stretch: the source unmarked.
 */
export function highlightTitle(source: string, title: string): TextPart[] {
  let best = { at: -1, len: 0 };
  const t = title.replace(/^(开展|举办|组织|举行)/, '');
  for (let i = 0; i < t.length; i++) {
    for (let len = t.length - i; len > best.len && len >= 2; len--) {
      const at = source.indexOf(t.slice(i, i + len));
      if (at >= 0) {
        best = { at, len };
        break;
      }
    }
  }
  if (best.at < 0) return source ? [{ text: source, mark: false }] : [];
  const parts: TextPart[] = [];
  if (best.at > 0) parts.push({ text: source.slice(0, best.at), mark: false });
  parts.push({ text: source.slice(best.at, best.at + best.len), mark: true });
  if (best.at + best.len < source.length) parts.push({ text: source.slice(best.at + best.len), mark: false });
  return parts;
}

/**
 * Each source line split for display, the title marked only where it matches best (a heading
 * that shares two words with the title is not where the activity is described).
 */
export function highlightSource(lines: readonly string[], title: string): TextPart[][] {
  const split = lines.map((l) => highlightTitle(l, title));
  const longest = Math.max(0, ...split.map((parts) => parts.find((p) => p.mark)?.text.length ?? 0));
  return split.map((parts) => (parts.some((p) => p.mark && p.text.length === longest) ? parts : [{ text: parts.map((p) => p.text).join(''), mark: false }]));
}

/** Counts of what accepting made: events on the calendar, campaigns, drafts waiting for a date. */
export function acceptCounts(results: readonly ('event' | 'campaign' | 'tray')[]): { events: number; campaigns: number; tray: number } {
  return {
    events: results.filter((r) => r === 'event').length,
    campaigns: results.filter((r) => r === 'campaign').length,
    tray: results.filter((r) => r === 'tray').length,
  };
}
