/**
 * Shapes produced by plan parsing. `PlanJson` is exactly Contract 4 of the spec
 * (what `npm run cli -- plan` prints); `PlanParse` carries a little more for the
 * app (sibling order, normalised labels, resolved windows).
 */
import type { EventKind } from '../schema/types';

/** Draft kinds: every event kind, plus `campaign` for 系列/主题活动 that span many events. */
export type DraftKind = EventKind | 'campaign';

export interface PlanSection {
  /** Deterministic path id (`s2`, `s2.1`, `s2.1.3`): re-importing the same text gives the same ids. */
  id: string;
  /** `""` at top level (Contract 1). */
  parentId: string;
  /** As written: `一、`, `（一）`, `(一)、`, `1.`, `一是`, or `""` for an unnumbered paragraph section. */
  label: string;
  /** Normalised label for matching and display of label paths: `一、`, `(一)`, `1.`, `一是`, `①`, `(1)`. */
  labelKey: string;
  /** Heading text in the document's own script (Traditional stays Traditional). */
  title: string;
  /** 1 = top. */
  level: number;
  /** The section's own text after its title, up to the next heading (children excluded). */
  body: string;
  /** Position among its siblings, from 0. */
  order: number;
}

export interface DraftActivity {
  title: string;
  kind: DraftKind;
  sectionId: string;
  /** Contract 1 date values; all-day `end` is exclusive. Absent when the plan gives no time. */
  start?: string;
  end?: string;
  rrule?: string;
  /**
   * Later sessions of the activity (Contract 1 `rdates`, each as long as the first):
   * "活动时间：4月29日、5月1日、3日（三场）" → start 04-29, rdates [05-01, 05-03].
   */
  rdates?: string[];
  /** The plan's own time words (国庆节来临前夕, 下半年, 每季度召开1次). */
  cue?: string;
  /** Co-organising units named by the plan (联合A、B、C等单位举办). */
  units: string[];
  /**
   * How sure the parser is of this draft (0–1): higher for a quoted name, a heading that
   * names the activity, a date from the activity's own sentence; lower for a date taken
   * from context (field line, month heading, plan period), a festival word, a long title.
   */
  confidence?: number;
  /** The sentence(s) or line(s) the draft came from, whitespace-trimmed (one per merged mention). */
  source?: string[];
}

export interface PlanParse {
  title: string;
  year: number;
  sections: PlanSection[];
  activities: DraftActivity[];
}

/** Contract 4, field for field. */
export interface PlanJson {
  title: string;
  year: number;
  sections: { id: string; parentId: string; label: string; title: string; level: number; body: string }[];
  activities: {
    title: string;
    kind: DraftKind;
    sectionId: string;
    start?: string;
    end?: string;
    rrule?: string;
    /** Addition to Contract 4 (optional): later sessions' starts, as Contract 1's `rdates`. */
    rdates?: string[];
    cue?: string;
    units: string[];
    /** Addition to Contract 4 (optional): 0–1, see DraftActivity.confidence. */
    confidence?: number;
    /** Addition to Contract 4 (optional): the source sentence(s) of the draft. */
    source?: string[];
  }[];
}
