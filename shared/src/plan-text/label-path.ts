/**
 * Label paths for display and search: the event editor shows a linked
 * section as "三、(二) 2、" (its ancestors' labels), and an unnumbered speech
 * section by the start of its title.
 */
import type { PlanSection } from './types';

type SectionLike = Pick<PlanSection, 'id' | 'parentId' | 'label' | 'title'>;

/** Ancestors first, the section itself last; [] for an unknown id. Cycles are cut. */
export function sectionAncestry<T extends SectionLike>(sections: readonly T[], id: string): T[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const out: T[] = [];
  const seen = new Set<string>();
  for (let s = byId.get(id); s && !seen.has(s.id); s = s.parentId ? byId.get(s.parentId) : undefined) {
    seen.add(s.id);
    out.unshift(s);
  }
  return out;
}

const part = (s: SectionLike) => s.label || (s.title.length > 8 ? `${s.title.slice(0, 8)}…` : s.title);

/** "三、(二) 2、"; unnumbered sections contribute their title's first 8 characters. */
export function sectionLabelPath(sections: readonly SectionLike[], id: string): string {
  return sectionAncestry(sections, id).map(part).join(' ');
}

/**
 * What goes before a section's own title where both are shown: its ancestors' path and its own label only, so an
 * unnumbered section (a speech's "先说说…") is not named twice ("先说说理论武装和… 先说说理论武装和基层宣讲").
 */
export function sectionLeadPath(sections: readonly SectionLike[], id: string): string {
  const chain = sectionAncestry(sections, id);
  const own = chain.pop();
  return [...chain.map(part), ...(own?.label ? [own.label] : [])].join(' ');
}
