/**
 * Where a plan's clauses and sentences end, and which time hits fall inside a stretch: the bounds every
 * rule of activities.ts reads its nouns and times within. All offsets are in the matching copy.
 */
import type { TimeHit } from './when';

/** What ends a clause for a noun's phrase: punctuation, and the list words 和及与 and 、. */
export const CLAUSE_BREAK = /[,，。;；:：!！?？\n、和及与]/;
/** What ends a sentence. */
export const SENTENCE_BREAK = /[。;；!！?？\n]/;

/**
 * lastIndexOf bounded below by `limit` (-1 when not found there): an unbounded
 * search back to the start of a huge one-section document would be quadratic.
 */
export function lastIndexWithin(s: string, ch: string, from: number, limit: number): number {
  for (let i = Math.min(from, s.length - 1); i >= limit && i >= 0; i--) if (s[i] === ch) return i;
  return -1;
}

/** Whether `at` lies inside a “…” opened within the sentence starting at `limit`. */
export function insideQuote(s: string, at: number, limit: number): boolean {
  return lastIndexWithin(s, '“', at, limit) > lastIndexWithin(s, '”', at - 1, limit);
}

/** The sentence around `at`, inside [from, to). */
export function sentenceBounds(match: string, at: number, from: number, to: number): [number, number] {
  let s = at;
  while (s > from && !SENTENCE_BREAK.test(match[s - 1])) s--;
  let e = at;
  while (e < to && !SENTENCE_BREAK.test(match[e])) e++;
  return [s, e];
}

/** The clause around `at` (commas end it; 、 and 和 do not), inside [from, to). */
export function clauseBounds(match: string, at: number, from: number, to: number): [number, number] {
  let s = at;
  while (s > from && !/[,，。;；!！?？\n]/.test(match[s - 1])) s--;
  let e = at;
  while (e < to && !/[,，。;；!！?？\n]/.test(match[e])) e++;
  return [s, e];
}

/** Time hits with start in [a, b) (hits are sorted by start): binary search keeps huge sections linear-ish. */
export function hitsFrom(times: TimeHit[], a: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid].start < a) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The time hits that start in [a, b). */
export function hitsIn(times: TimeHit[], a: number, b: number): TimeHit[] {
  const out: TimeHit[] = [];
  for (let i = hitsFrom(times, a); i < times.length && times[i].start < b; i++) out.push(times[i]);
  return out;
}

