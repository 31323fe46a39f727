import type { SectionSpan } from './outline';
import type { DraftActivity, PlanSection } from './types';
export function extractActivities(text: string, match: string, sections: PlanSection[], spans: SectionSpan[], year: number): DraftActivity[] {
  void text; void match; void sections; void spans; void year;
  return [];
}
