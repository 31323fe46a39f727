/**
 * A template saved in the workspace (`templates` map) ⇄ a PhaseTemplate. The record holds the
 * phase list as JSON text; reading it back re-checks everything, since another replica or app
 * version may have written it, so a damaged record is reported and never instantiated.
 */
import type { PhaseTemplateFields, PhaseTemplateRecord } from '../schema/types';
import { checkTemplate, type PhaseTemplate, type TemplatePhase } from './templates';

export const SAVED_TEMPLATE_PREFIX = 'saved:';

export function savedTemplateFields(t: PhaseTemplate, name = t.name): PhaseTemplateFields {
  return { name, kind: t.kind, phases: JSON.stringify(t.phases) };
}

/** The template of a saved record, keyed `saved:<id>`, or the problems that make it unusable. */
export function templateFromRecord(r: PhaseTemplateRecord): { template: PhaseTemplate } | { problems: string[] } {
  let phases: TemplatePhase[];
  try {
    phases = JSON.parse(r.phases) as TemplatePhase[];
  } catch {
    return { problems: ['phases: not JSON'] };
  }
  if (!Array.isArray(phases)) return { problems: ['phases: not a list'] };
  const template: PhaseTemplate = { key: `${SAVED_TEMPLATE_PREFIX}${r.id}`, name: r.name, nameEn: r.name, kind: r.kind, phases };
  const problems = checkTemplate(template);
  return problems.length > 0 ? { problems } : { template };
}
