/**
 * Scores a parse against the seeds' expected outlines and activities, following
 * the matching rules in the "about" fields of ../shared/seeds/outlines.json and
 * activities.json. Used by seeds.test.ts (and handy from a REPL).
 */
import { addDays } from '../../../shared/src/time/dates';
import { compactForMatch } from '../../../shared/src/plan-text/normalize';
import type { PlanParse, PlanSection } from '../../../shared/src/plan-text/types';

export interface ExpectedSection {
  label: string;
  title: string;
  optional?: boolean;
  children?: ExpectedSection[];
}

export interface ExpectedActivity {
  titleHas: string[];
  kind: string;
  section: string[];
  when: null | { window?: [string, string]; rrule?: string; cue?: string };
  units?: string[];
}

/** (一) = （一） = (一)、 ; 1、 = 1. = 1． */
export function normLabel(label: string): string {
  return label
    // (a full-width figure is the same number: ４． = 4.)
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[（〔［]/g, '(')
    .replace(/[）〕］]/g, ')')
    .replace(/\s/g, '')
    .replace(/[、.．,，:：]+$/, '');
}

const PINYIN = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]/g;
/** Title for comparison: no pinyin annotations, no punctuation, Simplified. */
export function normTitle(title: string): string {
  // (非遗 is how plans shorten 非物质文化遗产: one name either way)
  return compactForMatch(title.replace(PINYIN, '')).replace(/非物质文化遗产/g, '非遗');
}

export interface OutlineScore {
  expected: number;
  found: number;
  parsed: number;
  correct: number;
  recall: number;
  precision: number;
  missed: string[];
}

export function scoreOutline(parse: PlanParse, expected: ExpectedSection[]): OutlineScore {
  const used = new Set<string>();
  let expectedCount = 0;
  let found = 0;
  let correct = 0;
  const missed: string[] = [];
  const walk = (nodes: ExpectedSection[], parentId: string | null, path: string) => {
    for (const e of nodes) {
      if (!e.optional) expectedCount++;
      const cand =
        parentId === null
          ? undefined
          : parse.sections.find(
              (s) =>
                !used.has(s.id) &&
                s.parentId === parentId &&
                normLabel(s.label) === normLabel(e.label) &&
                normTitle(s.title).startsWith(normTitle(e.title)),
            );
      if (cand) {
        used.add(cand.id);
        correct++;
        if (!e.optional) found++;
      } else if (!e.optional) missed.push(`${path}${e.label}${e.title}`);
      walk(e.children ?? [], cand ? cand.id : null, `${path}${e.label}${e.title} > `);
    }
  };
  walk(expected, '', '');
  return {
    expected: expectedCount,
    found,
    parsed: parse.sections.length,
    correct,
    recall: expectedCount ? found / expectedCount : 1,
    precision: parse.sections.length ? correct / parse.sections.length : 1,
    missed,
  };
}

function labelPath(sections: PlanSection[], id: string): PlanSection[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const out: PlanSection[] = [];
  for (let s = byId.get(id); s; s = s.parentId ? byId.get(s.parentId) : undefined) out.unshift(s);
  return out;
}

function sectionMatches(path: PlanSection[], want: string[]): boolean {
  return (
    path.length === want.length &&
    path.every((s, i) => (s.label ? normLabel(s.label) === normLabel(want[i]) : normTitle(s.title).startsWith(normTitle(want[i]))))
  );
}

export interface ActivityScore {
  expected: number;
  found: number;
  recall: number;
  timed: number;
  timeRight: number;
  unitsExpected: number;
  unitsRight: number;
  missed: string[];
}

export function scoreActivities(parse: PlanParse, expected: ExpectedActivity[]): ActivityScore {
  let found = 0;
  let timed = 0;
  let timeRight = 0;
  let unitsExpected = 0;
  let unitsRight = 0;
  const missed: string[] = [];
  for (const e of expected) {
    const matches = parse.activities.filter(
      (a) =>
        a.kind === e.kind &&
        e.titleHas.every((w) => normTitle(a.title).includes(normTitle(w))) &&
        sectionMatches(labelPath(parse.sections, a.sectionId), e.section),
    );
    if (matches.length === 0) {
      missed.push(`${e.section.join(' ')} ${e.titleHas.join('+')} (${e.kind})`);
      continue;
    }
    found++;
    if (e.when) {
      timed++;
      const ok = matches.some((a) =>
        e.when!.rrule
          ? a.rrule === e.when!.rrule
          : e.when!.window
            ? a.start?.slice(0, 10) === e.when!.window[0] && (a.end ?? addDays(a.start!, 1)).slice(0, 10) === addDays(e.when!.window[1], 1)
            : true,
      );
      if (ok) timeRight++;
      else missed.push(`time: ${e.titleHas.join('+')} want ${JSON.stringify(e.when)}`);
    }
    if (e.units?.length) {
      unitsExpected++;
      if (matches.some((a) => e.units!.every((u) => a.units.includes(u)))) unitsRight++;
      else missed.push(`units: ${e.titleHas.join('+')} want ${e.units.join('、')}`);
    }
  }
  return {
    expected: expected.length,
    found,
    recall: expected.length ? found / expected.length : 1,
    timed,
    timeRight,
    unitsExpected,
    unitsRight,
    missed,
  };
}
