/** Contest and exhibition phases: templates, instantiation, cascading moves, broken links. */
export type { LagUnit, PhaseLink, Span } from './links';
export { earliestStart, linkHolds, measureLag } from './links';
export type { PhaseTemplate, TemplatePhase } from './templates';
export { BUILT_IN_TEMPLATES, builtInTemplate, checkTemplate, templateFromEvents } from './templates';
export type { InstantiateOptions, Instantiated, InstantiatedPhase, TemplateAnchor } from './instantiate';
export { instantiateTemplate, mainSpan, TemplateError } from './instantiate';
export type { CascadeMode } from './cascade';
export { cascadeMove } from './cascade';
export type { PhaseChange } from './positions';
export { PhaseCycleError } from './graph';
export type { BrokenLink } from './broken-links';
export { brokenLinks, fixLinks } from './broken-links';
export { phaseName } from './names';
