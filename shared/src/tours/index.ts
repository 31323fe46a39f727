/** Lecture-team tours: conflicts, coverage, the tour proposer and pasted unit lists. */
export * from './conflict-types';
export { findConflicts, conflictsByEvent } from './conflicts';
export { createConflictIndex, type ConflictIndex } from './conflict-index';
export { isTourSession, speakerNames, locationKey, locationLabel } from './session';
export * from './categories';
export * from './unit-paste';
export * from './coverage';
export * from './tour-proposer';
export { groupUnits, addressPrefix } from './unit-order';
