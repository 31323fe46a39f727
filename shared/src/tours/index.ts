/**
 * Lecture-team tours (宣讲): conflicts on the merged state, coverage of host units, the tour
 * proposer, host-unit categories and pasted unit lists. README.md has the rules.
 */
export {
  CONFLICT_KINDS,
  CONFLICT_SEVERITY,
  DEFAULT_BUFFER_MINUTES,
  compareConflicts,
  type Conflict,
  type ConflictKind,
  type ConflictOptions,
  type ConflictSeverity,
  type ConflictSide,
} from './conflict-types';
export { findConflicts, conflictsByEvent } from './conflicts';
export { createConflictIndex, type ConflictIndex } from './conflict-index';
export { isTourSession, speakerNames, locationKey, locationLabel } from './session';
export * from './coverage';
export * from './tour-proposer';
export { groupUnits, addressPrefix } from './unit-order';
export * from './categories';
export * from './unit-paste';
