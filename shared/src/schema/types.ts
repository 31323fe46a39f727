/**
 * Plain-object shapes of the workspace document records (Contract 1 of the spec).
 * The Y.Doc stores each record as a Y.Map; readers turn them into these objects.
 */

export const EVENT_KINDS = [
  'anniversary',
  'contest',
  'exhibition',
  'lecture',
  'training',
  'meeting',
  'study',
  'publicity',
  'volunteer',
  'assessment',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ['planned', 'confirmed', 'done', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

import type { DateValue } from '../time/dates';
export type { DateValue };

export interface EventRecord {
  id: string;
  title: string;
  kind: EventKind;
  start: DateValue;
  /** Exclusive for all-day values; absent means one day (all-day) or one hour (timed). */
  end?: DateValue;
  status: EventStatus;
  location?: string;
  leadUnit?: string;
  units?: string[];
  participants?: string;
  contact?: string;
  notes?: string;
  sectionIds?: string[];
  campaignId?: string;
  teamId?: string;
  /** Speakers of a lecture session (宣讲人), by name: usually the team's members, free text allowed. */
  speakers?: string[];
  /** The host unit (承办单位) of a session, an id in `units`. */
  hostUnitId?: string;
  /** 受众人次: the planned audience, then the actual one once done. */
  audience?: number;
  parentId?: string;
  /** The template's key of this phase (a phase is an event whose `parentId` is the main event). */
  phase?: string;
  /** The phase this one follows: it starts `lagDays` calendar days (`lagUnit` 'day') or working days after that one ends. */
  after?: string;
  lagDays?: number;
  lagUnit?: 'day' | 'workday';
  /** Minutes before the start to remind at, ascending (0 = at the start). */
  reminders?: number[];
  /** RFC 5545 RRULE value without the `RRULE:` prefix. */
  rrule?: string;
  exdates?: string[];
  /** Extra occurrence starts (RDATE), in the form of `start`. */
  rdates?: string[];
  /**
   * IANA zone of an imported series: `start`, `end`, `exdates`, `rdates` and the RRULE's UNTIL
   * are wall-clock values in this zone, and the series recurs there (DST, BYDAY); views show it
   * converted to meta.timezone. Unset: everything is in meta.timezone.
   */
  timezone?: string;
  /** iCalendar content lines kept from an import for the round trip (URL, ORGANIZER, ATTENDEE, SEQUENCE). */
  icalProps?: string[];
  deletedAt?: number;
  updatedAt?: number;
  updatedBy?: string;
}

/** Fields a caller may set; `id` is assigned by the document. */
export type EventFields = Omit<EventRecord, 'id'>;

export interface CampaignRecord {
  id: string;
  title: string;
  start: DateValue;
  end: DateValue;
  color?: string;
  /** 牵头单位. */
  leadUnit?: string;
  sectionIds?: string[];
  notes?: string;
  deletedAt?: number;
}

export interface TeamRecord {
  id: string;
  name: string;
  topic?: string;
  /** Speakers' names. */
  members: string[];
  color?: string;
  leadUnit?: string;
  campaignId?: string;
  deletedAt?: number;
}

/** The "六进" categories of host units, plus other. */
export const UNIT_CATEGORIES = ['agency', 'enterprise', 'village', 'community', 'school', 'online', 'other'] as const;
export type UnitCategory = (typeof UNIT_CATEGORIES)[number];

/** A host unit of the directory (承办单位): where lecture sessions take place. */
export interface UnitRecord {
  id: string;
  name: string;
  category: UnitCategory;
  address?: string;
  contact?: string;
  /** A unit this year's tour must reach (counts towards coverage). */
  target: boolean;
  deletedAt?: number;
}

/** Fields a caller may set on a unit; `id` is assigned by the document. */
export type UnitFields = Omit<UnitRecord, 'id'>;

/**
 * One of the workspace's own anniversaries. `rule`: `solar:MM-DD`, `lunar:MM-DD` (`lunar:L06-15`
 * for a leap month), `term:<节气>` (e.g. `term:清明`), or `nth:MM-N-D` (the N-th weekday D of
 * month MM, D = 1 Monday … 7 Sunday, N = -1 the last).
 */
export interface ObservanceRecord {
  id: string;
  title: string;
  rule: string;
  originYear?: number;
  notes?: string;
  deletedAt?: number;
}

export type ObservanceFields = Omit<ObservanceRecord, 'id'>;

/** A phase template saved in the workspace; `phases` is the JSON text of its phase list. */
export interface PhaseTemplateRecord {
  id: string;
  name: string;
  kind: EventKind;
  phases: string;
  deletedAt?: number;
}

export type PhaseTemplateFields = Omit<PhaseTemplateRecord, 'id'>;

/** A record that failed validation: shown under "needs attention", never crashes a view. */
export interface InvalidRecord {
  collection: 'events' | 'campaigns' | 'teams' | 'units' | 'observances' | 'templates' | 'plans' | 'sections';
  id: string;
  problems: string[];
  /** Whatever could be read, for display. */
  raw: Record<string, unknown>;
}

/** Fields a caller may set on a campaign; `id` is assigned by the document. */
export type CampaignFields = Omit<CampaignRecord, 'id'>;

/** Fields a caller may set on a team; `id` is assigned by the document. */
export type TeamFields = Omit<TeamRecord, 'id'>;

/** The collections whose records are edited through the typed accessors. */
export type CollectionName = InvalidRecord['collection'];

/** Result of reading one record: either a valid record or the reasons it is not. */
export type ReadResult<R> = { ok: true; record: R } | { ok: false; invalid: InvalidRecord };

/** Result of validating raw field values. `record` is present only when `problems` is empty. */
export interface Validation<F> {
  record?: F;
  problems: string[];
}

/** An imported work plan (工作要点 / 工作方案). */
export interface PlanRecord {
  id: string;
  title: string;
  year: number;
  /** The imported text as it was. */
  source?: string;
  importedAt?: number;
  /** Keys of drafts the user dismissed (plans.ts `draftKey`). */
  dismissedDrafts?: string[];
  /** Keys of drafts already accepted (as an event, a campaign or a tray item). */
  acceptedDrafts?: string[];
  /** Accepted drafts with no date yet: JSON of `TrayItem` (plans.ts), one per entry. */
  tray?: string[];
  deletedAt?: number;
}

export type PlanFields = Omit<PlanRecord, 'id'>;

/** One numbered heading of a plan (一、 / (一) / 1、 / 一是 …) and its own text. */
export interface SectionRecord {
  id: string;
  planId: string;
  /** "" at top level. */
  parentId: string;
  /** Position among siblings; any number, siblings sort by it (fractions allowed for moves). */
  order: number;
  /** As written: 一、 (一) 1、 一是, or "" for an unnumbered paragraph. */
  label: string;
  title: string;
  body?: string;
  /** 1 = top. */
  level: number;
}

export type SectionFields = Omit<SectionRecord, 'id'>;
