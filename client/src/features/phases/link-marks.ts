import type { BrokenLink } from '@shared/phases';
import type { ConflictMark } from '../conflicts/conflict-text';
import { tp } from './messages';

/**
 * The views' marks with broken phase links added: a broken link is as hard as a double booking
 * (the plan cannot run as scheduled), said in words and flagged, so the views mark it in red with
 * an icon and the editor offers the fix.
 */
export function withBrokenLinks(marks: Map<string, ConflictMark>, broken: ReadonlyMap<string, BrokenLink> | null, titleOf: (id: string) => string): Map<string, ConflictMark> {
  if (!broken || broken.size === 0) return marks;
  for (const [id, b] of broken) {
    const text = tp('brokenLink', { after: titleOf(b.afterId), earliest: b.earliestStart.replace('T', ' ') });
    const prev = marks.get(id);
    marks.set(id, { hard: true, text: prev ? `${prev.text}；${text}` : text, linkBroken: true });
  }
  return marks;
}
