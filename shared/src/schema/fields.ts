import { EVENT_KINDS, EVENT_STATUSES, UNIT_CATEGORIES, type CollectionName } from './types';

/**
 * One table per collection says how each known field is stored and checked. Validation,
 * writing (which keys become Y.Arrays, which may be deleted) and the docs all follow it,
 * so adding a field is a one-line change here.
 */
export type FieldType =
  | { type: 'text' } // string with at least one non-space character
  | { type: 'string' }
  | { type: 'ref' } // string where "" is a value of its own (a section's parentId "" = top level), kept as written
  | { type: 'enum'; values: readonly string[] }
  | { type: 'date' }
  | { type: 'rrule' }
  | { type: 'dayRule' } // an anniversary's rule: solar:MM-DD, lunar:[L]MM-DD, term:<节气>, nth:MM-N-D
  | { type: 'number' }
  | { type: 'count' } // a whole number ≥ 0
  | { type: 'boolean' }
  | { type: 'strings' } // stored as Y.Array<string>
  | { type: 'counts' } // stored as Y.Array<number> of whole numbers ≥ 0
  | { type: 'dates' } // stored as Y.Array<string> of date values
  | { type: 'zone' } // an IANA time zone name Intl knows (Europe/Berlin)
  | { type: 'lines' }; // stored as Y.Array<string> of single-line text (no CR or LF)

export type FieldSpec = FieldType & { required?: boolean };

export type FieldTable = Readonly<Record<string, FieldSpec>>;

const req = <T extends FieldType>(t: T): FieldSpec => ({ ...t, required: true });
const text = { type: 'text' } as const;
const str = { type: 'string' } as const;
const date = { type: 'date' } as const;
const num = { type: 'number' } as const;
const strings = { type: 'strings' } as const;

export const EVENT_FIELD_TABLE: FieldTable = {
  title: req(text),
  kind: req({ type: 'enum', values: EVENT_KINDS }),
  start: req(date),
  end: date,
  status: req({ type: 'enum', values: EVENT_STATUSES }),
  location: str,
  leadUnit: str,
  units: strings,
  participants: str,
  contact: str,
  notes: str,
  sectionIds: strings,
  campaignId: str,
  teamId: str,
  speakers: strings,
  hostUnitId: str,
  audience: { type: 'count' },
  parentId: str,
  /** A phase of the main event `parentId`: the template's phase key (报名, 初赛, 决赛 …). */
  phase: str,
  /** The phase this one follows (finish-to-start), with a lag of `lagDays` calendar or working days. */
  after: str,
  lagDays: { type: 'count' },
  lagUnit: { type: 'enum', values: ['day', 'workday'] },
  /** Minutes before the start at which to remind (0 = at the start). */
  reminders: { type: 'counts' },
  rrule: { type: 'rrule' },
  exdates: { type: 'dates' },
  /** Extra occurrence starts (RFC 5545 RDATE), in the form of `start`. */
  rdates: { type: 'dates' },
  /**
   * The IANA zone of an imported series whose wall-clock values (start, end, exdates, rdates,
   * the RRULE's UNTIL) and recurrence belong to that zone rather than meta.timezone.
   */
  timezone: { type: 'zone' },
  /** iCalendar properties kept for the round trip (URL, ORGANIZER, ATTENDEE, SEQUENCE), one content line each. */
  icalProps: { type: 'lines' },
  deletedAt: num,
  updatedAt: num,
  updatedBy: str,
};

export const CAMPAIGN_FIELD_TABLE: FieldTable = {
  title: req(text),
  start: req(date),
  end: req(date),
  color: str,
  leadUnit: str,
  sectionIds: strings,
  notes: str,
  deletedAt: num,
};

export const TEAM_FIELD_TABLE: FieldTable = {
  name: req(text),
  topic: str,
  members: req(strings),
  color: str,
  leadUnit: str,
  campaignId: str,
  deletedAt: num,
};

export const UNIT_FIELD_TABLE: FieldTable = {
  name: req(text),
  category: req({ type: 'enum', values: UNIT_CATEGORIES }),
  address: str,
  contact: str,
  target: req({ type: 'boolean' }),
  deletedAt: num,
};

/** A workspace's own anniversary (a school's founding, a hero's birth), shown with the observances. */
export const OBSERVANCE_FIELD_TABLE: FieldTable = {
  title: req(text),
  rule: req({ type: 'dayRule' }),
  /** The year the anniversaries count from. */
  originYear: num,
  notes: str,
  deletedAt: num,
};

/**
 * A phase template of the workspace's own (made from a contest already planned): `phases` holds
 * the template's phase list as JSON text, one value, because a template is saved and replaced
 * whole, never co-edited phase by phase. Its shape is checked where it is used (phases/).
 */
export const PHASE_TEMPLATE_FIELD_TABLE: FieldTable = {
  name: req(text),
  kind: req({ type: 'enum', values: EVENT_KINDS }),
  phases: req(text),
  deletedAt: num,
};

/**
 * Plans (Contract 1 plus app fields): `dismissedDrafts` and `acceptedDrafts` hold draft keys
 * (see plans.ts `draftKey`) so a draft handled once never comes back; `tray` holds accepted
 * drafts with no date yet, one JSON object per item, until someone drops them on the calendar.
 */
export const PLAN_FIELD_TABLE: FieldTable = {
  title: req(text),
  year: req(num),
  source: str,
  importedAt: num,
  dismissedDrafts: strings,
  acceptedDrafts: strings,
  tray: strings,
  deletedAt: num,
};

export const SECTION_FIELD_TABLE: FieldTable = {
  planId: req(text),
  parentId: req({ type: 'ref' }),
  order: req(num),
  label: req({ type: 'ref' }),
  title: req(text),
  body: { type: 'ref' },
  level: req(num),
};

export const FIELD_TABLES: Readonly<Record<CollectionName, FieldTable>> = {
  events: EVENT_FIELD_TABLE,
  campaigns: CAMPAIGN_FIELD_TABLE,
  teams: TEAM_FIELD_TABLE,
  units: UNIT_FIELD_TABLE,
  observances: OBSERVANCE_FIELD_TABLE,
  templates: PHASE_TEMPLATE_FIELD_TABLE,
  plans: PLAN_FIELD_TABLE,
  sections: SECTION_FIELD_TABLE,
};

export function isArrayField(spec: FieldSpec): boolean {
  return spec.type === 'strings' || spec.type === 'dates' || spec.type === 'counts' || spec.type === 'lines';
}
