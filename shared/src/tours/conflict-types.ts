/**
 * What a conflict report says, and the one order reports come in (so that a full check and an
 * incremental check of the same state give identical lists, and views do not reshuffle).
 */
import type { CampaignRecord, DateValue } from '../schema/types';
import type { Booking } from './clash';
import type { PlacedOccurrence } from './occurrences';

export const CONFLICT_KINDS = ['speaker', 'team', 'location', 'unit-day', 'outside-campaign', 'holiday'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
/** Kinds found between two occurrences; the others concern one occurrence alone. */
export const PAIR_KINDS = ['speaker', 'team', 'location', 'unit-day'] as const;
export type PairKind = (typeof PAIR_KINDS)[number];

export type ConflictSeverity = 'hard' | 'soft';

/** Hard = somebody or something cannot be in two places; soft = worth a second look. */
export const CONFLICT_SEVERITY: Readonly<Record<ConflictKind, ConflictSeverity>> = {
  speaker: 'hard',
  team: 'hard',
  location: 'hard',
  'unit-day': 'soft',
  'outside-campaign': 'soft',
  holiday: 'soft',
};

export interface ConflictSide {
  id: string;
  /** The occurrence's start: for a series, which instance clashes. */
  start: DateValue;
  title: string;
}

export interface Conflict {
  kind: ConflictKind;
  severity: ConflictSeverity;
  /** The side that comes first (earlier start, then smaller id). */
  a: ConflictSide;
  /** Absent for outside-campaign and holiday. */
  b?: ConflictSide;
  /** Speaker name, team id, location (as side a writes it), unit id, campaign id or holiday name. */
  resource: string;
}

export interface ConflictOptions {
  /** The checked range [from, to): series are expanded over it. */
  from: DateValue;
  to: DateValue;
  /** The workspace zone (meta.timezone). */
  timezone: string;
  /** Travel time a speaker or team needs between two timed sessions; default 60. */
  bufferMinutes?: number;
  /** Needed for outside-campaign; without them that rule is skipped. */
  campaigns?: readonly CampaignRecord[];
}

export const DEFAULT_BUFFER_MINUTES = 60;

export function sideOf(occ: PlacedOccurrence): ConflictSide {
  return { id: occ.event.id, start: occ.start, title: occ.event.title };
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Plain code-unit order, never a locale's: the same on every device. */
export function compareSides(x: ConflictSide, y: ConflictSide): number {
  return compareText(x.start, y.start) || compareText(x.id, y.id);
}

export function compareConflicts(x: Conflict, y: Conflict): number {
  return (
    compareSides(x.a, y.a) ||
    CONFLICT_KINDS.indexOf(x.kind) - CONFLICT_KINDS.indexOf(y.kind) ||
    compareText(x.resource, y.resource) ||
    compareText(x.b?.start ?? '', y.b?.start ?? '') ||
    compareText(x.b?.id ?? '', y.b?.id ?? '')
  );
}

export function pairConflict(kind: PairKind, one: Booking, other: Booking): Conflict {
  const x = sideOf(one.occ);
  const y = sideOf(other.occ);
  const [a, b, first] = compareSides(x, y) <= 0 ? [x, y, one] : [y, x, other];
  return { kind, severity: CONFLICT_SEVERITY[kind], a, b, resource: first.label };
}

export function singleConflict(kind: 'outside-campaign' | 'holiday', occ: PlacedOccurrence, resource: string): Conflict {
  return { kind, severity: CONFLICT_SEVERITY[kind], a: sideOf(occ), resource };
}
