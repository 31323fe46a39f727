/** Small-text helpers of the parser's rule tests (context-rules, second-pass, third-pass). */
import { expect } from 'vitest';
import { parsePlan, type DraftActivity, type PlanParse } from '../../../shared/src/plan-text/index';

/** `P(body, title?)`: a plan of one body under a title (the plan's year comes from it). */
export const planUnder =
  (defaultTitle: string) =>
  (body: string, title = defaultTitle): PlanParse =>
    parsePlan(`${title}\n${body}`);

export const titles = (p: PlanParse): string[] => p.activities.map((a) => a.title);

/** The one draft whose title contains `has` (fails naming every title otherwise). */
export function one(p: PlanParse, has: string): DraftActivity {
  const a = p.activities.filter((x) => x.title.includes(has));
  expect(a, `one "${has}" in ${titles(p).join(' | ')}`).toHaveLength(1);
  return a[0];
}
