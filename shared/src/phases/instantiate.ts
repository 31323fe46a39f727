/**
 * A template turned into events: one main event and its phases, positioned by the template's
 * links from one anchor. The anchor is either one phase's start (e.g. "the final is on 10 Oct")
 * or the main event's start (= the first phase's start). Phases after the anchor are placed
 * forwards at their earliest start; phases before it backwards at the latest start that still
 * lets the anchored phase keep its date, so every link sits tight on its lag either way.
 */
import type { EventFields } from '../schema/types';
import { compareDateValues, datePart, isAllDay, lastDayInclusive, addDays, type DateValue } from '../time/dates';
import { earliestStart, latestPredecessorStart, onDay, placeAt, type Span } from './links';
import { checkTemplate, phaseLengthMinutes, phaseStartTime, type PhaseTemplate, type TemplatePhase } from './templates';

export type TemplateAnchor = { phaseKey: string; start: DateValue } | { mainStart: DateValue };

export interface InstantiateOptions {
  /** Title of the main event; phases are titled "<title>·<phase name>". */
  title: string;
  anchor: TemplateAnchor;
  /** Which template names to use in phase titles. */
  lang?: 'zh' | 'en';
  /** Extra fields copied onto the main event and every phase (status, leadUnit, campaignId …). */
  fields?: Partial<Omit<EventFields, 'title' | 'kind' | 'start' | 'end' | 'parentId' | 'phase' | 'after' | 'lagDays' | 'lagUnit'>>;
}

export type InstantiatedPhase = EventFields & { tempId: string; afterTempId?: string };

export interface Instantiated {
  main: EventFields;
  /** In template order. `parentId` and `after` are left for the caller to fill in once the ids exist. */
  phases: InstantiatedPhase[];
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(readonly problems: string[]) {
    super(`Unusable template: ${problems.join('; ')}`);
  }
}

const tempIdOf = (p: TemplatePhase) => `phase:${p.key}`;

export function instantiateTemplate(template: PhaseTemplate, options: InstantiateOptions): Instantiated {
  const problems = checkTemplate(template);
  const anchorKey = 'phaseKey' in options.anchor ? options.anchor.phaseKey : template.phases[0]?.key;
  const anchorPhase = template.phases.find((p) => p.key === anchorKey);
  if (!anchorPhase) problems.push(`anchor: the phase ${String(anchorKey)} is not in the template`);
  if (problems.length > 0 || !anchorPhase) throw new TemplateError(problems);
  const anchorValue = 'phaseKey' in options.anchor ? options.anchor.start : options.anchor.mainStart;

  const byKey = new Map(template.phases.map((p) => [p.key, p]));
  const spans = new Map<string, Span>();
  spans.set(anchorPhase.key, placeAt(startIn(anchorPhase, anchorValue), phaseLengthMinutes(anchorPhase)));
  // checkTemplate guarantees a tree rooted at the first phase; walk it outwards from the anchor.
  const queue: TemplatePhase[] = [anchorPhase];
  while (queue.length > 0) {
    const cur = queue.shift()!;
    const span = spans.get(cur.key)!;
    const pred = cur.after !== undefined ? byKey.get(cur.after) : undefined;
    if (pred && !spans.has(pred.key)) {
      const start = latestPredecessorStart(span.start, cur, phaseLengthMinutes(pred), phaseStartTime(pred));
      spans.set(pred.key, placeAt(start, phaseLengthMinutes(pred)));
      queue.push(pred);
    }
    for (const succ of template.phases) {
      if (succ.after !== cur.key || spans.has(succ.key)) continue;
      spans.set(succ.key, placeAt(earliestStart(span.end, succ, phaseStartTime(succ)), phaseLengthMinutes(succ)));
      queue.push(succ);
    }
  }

  const lang = options.lang ?? 'zh';
  const sep = lang === 'zh' ? '·' : ' – ';
  const extra = options.fields ?? {};
  const phases: InstantiatedPhase[] = template.phases.map((p) => {
    const span = spans.get(p.key)!;
    return {
      status: 'planned',
      ...extra,
      title: `${options.title}${sep}${lang === 'zh' || !p.nameEn ? p.name : p.nameEn}`,
      kind: p.kind,
      start: span.start,
      end: span.end,
      phase: p.key,
      ...(p.after !== undefined ? { lagDays: p.lagDays, lagUnit: p.lagUnit, afterTempId: tempIdOf(byKey.get(p.after)!) } : {}),
      tempId: tempIdOf(p),
    };
  });
  return { main: { status: 'planned', ...extra, title: options.title, kind: template.kind, ...mainSpan(phases) }, phases };
}

/** A value given for a phase in that phase's form: a timed phase at its template time unless a time is given. */
function startIn(p: TemplatePhase, v: DateValue): DateValue {
  const time = phaseStartTime(p);
  if (time === null) return datePart(v);
  return isAllDay(v) ? onDay(v, time) : v;
}

/**
 * The all-day span covering every phase, first day to last day touched: the main event is a
 * bar over the whole course, whatever the phases' forms.
 */
export function mainSpan(phases: ReadonlyArray<{ start: DateValue; end?: DateValue }>): Span {
  let start: string | null = null;
  let last: string | null = null;
  for (const p of phases) {
    const first = datePart(p.start);
    const lastDay = lastDayInclusive(p.start, p.end);
    if (start === null || compareDateValues(first, start) < 0) start = first;
    if (last === null || compareDateValues(lastDay, last) > 0) last = lastDay;
  }
  if (start === null || last === null) throw new TemplateError(['no phases']);
  return { start, end: addDays(last, 1) };
}
