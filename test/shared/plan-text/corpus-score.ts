/**
 * Scores a plan parse against a gold file of test/fixtures/plan-corpus (format
 * in that folder's README). Pure functions, no I/O: corpus.test.ts reads the
 * files, corpus-score.test.ts checks the scorer itself on hand-made cases.
 *
 * Matching (drafts ↔ gold activities), one-to-one and greedy:
 *  1. titles are compared after `normTitle` (no punctuation, no pinyin,
 *     Simplified) and without a leading verb (开展/举办/组织/举行/召开/启动/组建)
 *     or a trailing 活动; similarity = Dice coefficient of character bigrams,
 *     raised to 0.6 when the shorter title (≥ 4 characters) is contained in the
 *     longer one;
 *  2. a pair is a candidate when similarity ≥ MATCH_THRESHOLD (0.5);
 *  3. candidates are taken best first by similarity + 0.3 (right section)
 *     + 0.1 (right kind) + 0.05 (right date), each gold activity and each draft at
 *     most once (ties: document order).
 * A draft left over that would have matched an already-taken gold activity is
 * a *duplicate*; any other left-over draft is *noise*.
 */
import type { DraftActivity, PlanParse, PlanSection } from '../../../shared/src/plan-text/types';
import { normLabel, normTitle, scoreOutline, type ExpectedSection } from './seed-score';

export const MATCH_THRESHOLD = 0.5;
/** A matched draft whose title is at least this similar "names the activity". */
export const GOOD_TITLE = 0.8;

/** "undated" | "2024-03-28" | "2024-03-01..2024-03-31" (inclusive) | ["2024-04-29", "2024-05-01"] | { rrule }. */
export type GoldWhen = 'undated' | string | string[] | { rrule: string };

export interface GoldActivity {
  title: string;
  kind: string;
  /** Other kinds an organiser would accept as well (e.g. `campaign` for an umbrella 活动). */
  altKinds?: string[];
  /** Label path as a string ("三、(二)1、", "" = no section) or as an array whose items are labels or title prefixes (unnumbered sections). */
  section: string | string[];
  when: GoldWhen;
  units?: string[];
}

export interface GoldDoc {
  file: string;
  style: string[];
  heldOut: boolean;
  title: string;
  year: number;
  sections: ExpectedSection[];
  activities: GoldActivity[];
}

const LABEL_RE =
  /[一二三四五六七八九十]+[、，.．]|[(（〔][一二三四五六七八九十]+[)）〕]、?|\d+[、.．]|[(（]\d+[)）]|[一二三四五六七八九十]+[是要]|第[一二三四五六七八九十]+(?:部分|章|篇|阶段)|另一方面|一方面|首先|其次|再次|再者|第[一二三四五六七八九十]+[，、]?|[①-⑳]|【(?:活动|项目|板块)?(?:[一二三四五六七八九十]+|\d{1,2})】|(?:活动|项目|板块)(?:[一二三四五六七八九十]+|\d{1,2})[:：]?|(?:PART|Part|NO|No)[ .．]?0?[1-9]|0[1-9]/gy;

/** "三、(二)1、" → ["三、", "(二)", "1、"]; an array is returned as is; "" → []. */
export function sectionPath(section: string | string[]): string[] {
  if (Array.isArray(section)) return section;
  const out: string[] = [];
  LABEL_RE.lastIndex = 0;
  let rest = section.replace(/\s+/g, '');
  while (rest) {
    LABEL_RE.lastIndex = 0;
    const m = LABEL_RE.exec(rest);
    if (!m) throw new Error(`not a label path: ${section}`);
    out.push(m[0]);
    rest = rest.slice(m[0].length);
  }
  return out;
}

const isLabel = (s: string) => {
  LABEL_RE.lastIndex = 0;
  const m = LABEL_RE.exec(s);
  return !!m && m[0].length === s.length;
};

export function ancestry(sections: PlanSection[], id: string): PlanSection[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const out: PlanSection[] = [];
  for (let s = byId.get(id); s; s = s.parentId ? byId.get(s.parentId) : undefined) out.unshift(s);
  return out;
}

/** Does the draft's section (by its ancestry) sit at the gold label path? */
export function sectionRight(sections: PlanSection[], sectionId: string, want: string | string[]): boolean {
  const path = ancestry(sections, sectionId);
  const w = sectionPath(want);
  return (
    path.length === w.length &&
    path.every((s, i) =>
      isLabel(w[i]) ? normLabel(s.label) === normLabel(w[i]) : !s.label && normTitle(s.title).startsWith(normTitle(w[i])),
    )
  );
}

const VERB = /^(?:开展|举办|组织|举行|召开|启动|组建|开设|推出)/;
const TAIL = /活动$/;
export function titleKey(t: string): string {
  const n = normTitle(t);
  const stripped = n.replace(VERB, '').replace(TAIL, '');
  return stripped.length >= 2 ? stripped : n;
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const chars = [...s];
  if (chars.length === 1) m.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** 0..1: Dice over character bigrams of the title keys; ≥ 0.6 when one (≥ 4 chars) contains the other. */
export function titleSimilarity(a: string, b: string): number {
  const x = titleKey(a);
  const y = titleKey(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const bx = bigrams(x);
  const by = bigrams(y);
  let common = 0;
  let nx = 0;
  let ny = 0;
  for (const v of bx.values()) nx += v;
  for (const v of by.values()) ny += v;
  for (const [g, v] of bx) common += Math.min(v, by.get(g) ?? 0);
  let dice = nx + ny ? (2 * common) / (nx + ny) : 0;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if ([...short].length >= 4 && long.includes(short)) dice = Math.max(dice, 0.6);
  return dice;
}

function addDay(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return t.toISOString().slice(0, 10);
}

/** RRULE semantics: parts as a set, INTERVAL=1/WKST/DTSTART/UNTIL/COUNT ignored, list values sorted. */
/**
 * RFC 5545 takes a MONTHLY rule's day and a WEEKLY rule's weekday from DTSTART when the rule names none:
 * "FREQ=MONTHLY" starting on the 5th means the same as "FREQ=MONTHLY;BYMONTHDAY=5". Spelled out only
 * when the gold spells it, so either way of writing the same rule compares equal.
 */
function withStartDefaults(rule: string, start: string | undefined, gold: string): string {
  if (!start) return rule;
  const has = (r: string, k: string) => new RegExp(`(?:^|;)${k}=`).test(r);
  const [y, m, d] = start.slice(0, 10).split('-').map(Number);
  if (/FREQ=MONTHLY/.test(rule) && has(gold, 'BYMONTHDAY') && !has(rule, 'BYMONTHDAY') && !has(rule, 'BYDAY')) return `${rule};BYMONTHDAY=${d}`;
  if (/FREQ=WEEKLY/.test(rule) && has(gold, 'BYDAY') && !has(rule, 'BYDAY'))
    return `${rule};BYDAY=${['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}`;
  return rule;
}

export function normRRule(r: string): string {
  return r
    .replace(/^RRULE:/i, '')
    .split(';')
    .filter(Boolean)
    .map((p) => {
      const [k, v = ''] = p.split('=');
      return [k.trim().toUpperCase(), v.trim().toUpperCase().split(',').sort().join(',')] as const;
    })
    .filter(([k, v]) => !(k === 'INTERVAL' && v === '1') && !['WKST', 'DTSTART', 'UNTIL', 'COUNT'].includes(k))
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(';');
}

/**
 * Is the draft dated as the gold says? undated: no start and no rrule; a day or
 * inclusive window: same first day and same exclusive end day (a timed start
 * with no end or an end on the same day counts as that one day); a list of days
 * (sessions): one day on the first, with the others as `rdates`, in order; rrule:
 * same semantics (normRRule). Extra `rdates` on anything but a list are wrong.
 */
export function dateRight(a: Pick<DraftActivity, 'start' | 'end' | 'rrule' | 'rdates'>, when: GoldWhen): boolean {
  if (when === 'undated') return !a.start && !a.rrule;
  if (typeof when === 'object' && !Array.isArray(when)) return !!a.rrule && normRRule(withStartDefaults(a.rrule, a.start, when.rrule)) === normRRule(when.rrule);
  if (!a.start || a.rrule) return false;
  const extra = (a.rdates ?? []).map((d) => d.slice(0, 10));
  if (!Array.isArray(when) && extra.length) return false;
  const first = a.start.slice(0, 10);
  let endExcl: string;
  if (!a.end) endExcl = addDay(first, 1);
  else if (a.end.includes('T')) endExcl = addDay(a.end.slice(0, 10), 1);
  else endExcl = a.end.slice(0, 10);
  if (Array.isArray(when)) {
    return first === when[0] && endExcl === addDay(when[0], 1) && extra.join() === when.slice(1).join();
  }
  const [from, to = from] = when.split('..');
  return first === from && endExcl === addDay(to, 1);
}

export const kindRight = (kind: string, g: GoldActivity) => kind === g.kind || (g.altKinds ?? []).includes(kind);

export interface Match {
  gold: number;
  draft: number;
  similarity: number;
}

export function matchActivities(parse: PlanParse, gold: GoldActivity[]): { matches: Match[]; duplicates: number[]; noise: number[] } {
  const cands: { g: number; d: number; sim: number; score: number }[] = [];
  parse.activities.forEach((a, d) =>
    gold.forEach((g, gi) => {
      const sim = titleSimilarity(a.title, g.title);
      if (sim < MATCH_THRESHOLD) return;
      const score =
        sim +
        (sectionRight(parse.sections, a.sectionId, g.section) ? 0.3 : 0) +
        (kindRight(a.kind, g) ? 0.1 : 0) +
        (dateRight(a, g.when) ? 0.05 : 0);
      cands.push({ g: gi, d, sim, score });
    }),
  );
  cands.sort((p, q) => q.score - p.score || p.g - q.g || p.d - q.d);
  const gUsed = new Set<number>();
  const dUsed = new Set<number>();
  const matches: Match[] = [];
  for (const c of cands) {
    if (gUsed.has(c.g) || dUsed.has(c.d)) continue;
    gUsed.add(c.g);
    dUsed.add(c.d);
    matches.push({ gold: c.g, draft: c.d, similarity: c.sim });
  }
  const similar = new Set(cands.map((c) => c.d));
  const duplicates: number[] = [];
  const noise: number[] = [];
  parse.activities.forEach((_, d) => {
    if (dUsed.has(d)) return;
    (similar.has(d) ? duplicates : noise).push(d);
  });
  matches.sort((p, q) => p.gold - q.gold);
  return { matches, duplicates, noise };
}

export interface DocScore {
  file: string;
  heldOut: boolean;
  titleOk: boolean;
  yearOk: boolean;
  outline: { expected: number; found: number; parsed: number; correct: number };
  gold: number;
  drafts: number;
  found: number;
  kindOk: number;
  linkOk: number;
  dateOk: number;
  titleGood: number;
  unitsExpected: number;
  unitsOk: number;
  duplicates: number;
  noise: number;
  /** Human-readable misses, for the log. */
  notes: string[];
}

const sameUnit = (a: string, b: string) => normTitle(a) === normTitle(b);

export function scoreDoc(parse: PlanParse, gold: GoldDoc): DocScore {
  const o = scoreOutline(parse, gold.sections);
  const { matches, duplicates, noise } = matchActivities(parse, gold.activities);
  const s: DocScore = {
    file: gold.file,
    heldOut: gold.heldOut,
    titleOk: normTitle(parse.title) === normTitle(gold.title),
    yearOk: parse.year === gold.year,
    outline: { expected: o.expected, found: o.found, parsed: o.parsed, correct: o.correct },
    gold: gold.activities.length,
    drafts: parse.activities.length,
    found: matches.length,
    kindOk: 0,
    linkOk: 0,
    dateOk: 0,
    titleGood: 0,
    unitsExpected: 0,
    unitsOk: 0,
    duplicates: duplicates.length,
    noise: noise.length,
    notes: [],
  };
  if (!s.titleOk) s.notes.push(`title: got "${parse.title}", want "${gold.title}"`);
  if (!s.yearOk) s.notes.push(`year: got ${parse.year}, want ${gold.year}`);
  for (const m of o.missed) s.notes.push(`section missed: ${m}`);
  const matchedGold = new Map(matches.map((m) => [m.gold, m]));
  gold.activities.forEach((g, gi) => {
    const m = matchedGold.get(gi);
    if (g.units?.length) s.unitsExpected++;
    if (!m) {
      s.notes.push(`missed: ${g.title} (${g.kind})`);
      return;
    }
    const a = parse.activities[m.draft];
    const bad: string[] = [];
    if (kindRight(a.kind, g)) s.kindOk++;
    else bad.push(`kind ${a.kind}≠${g.kind}`);
    if (sectionRight(parse.sections, a.sectionId, g.section)) s.linkOk++;
    else bad.push(`section ${ancestry(parse.sections, a.sectionId).map((x) => x.label || `«${x.title.slice(0, 6)}»`).join('') || '∅'}≠${sectionPath(g.section).join('') || '∅'}`);
    if (dateRight(a, g.when)) s.dateOk++;
    else bad.push(`date ${a.rrule ? `RRULE ${a.rrule}` : a.start ? `${a.start}..${a.end ?? ''}` : 'none'}≠${JSON.stringify(g.when)}`);
    if (m.similarity >= GOOD_TITLE) s.titleGood++;
    else bad.push(`title "${a.title}"`);
    if (g.units?.length) {
      if (g.units.every((u) => a.units.some((x) => sameUnit(x, u)))) s.unitsOk++;
      else bad.push(`units [${a.units.join('、')}]≠[${g.units.join('、')}]`);
    }
    if (bad.length) s.notes.push(`${g.title}: ${bad.join('; ')}`);
  });
  for (const d of duplicates) s.notes.push(`duplicate draft: ${parse.activities[d].title}`);
  for (const d of noise) s.notes.push(`noise draft: ${parse.activities[d].title} (${parse.activities[d].kind})`);
  return s;
}

export interface Rates {
  outlineRecall: number;
  outlinePrecision: number;
  found: number;
  kind: number;
  link: number;
  dated: number;
  titleGood: number;
  /** (duplicates + noise) / drafts */
  dupNoise: number;
  /** drafts resembling some gold activity (first or second match) / drafts */
  precision: number;
}

const ratio = (a: number, b: number, empty = 1) => (b ? a / b : empty);

/** Micro-averaged rates over documents (sums of counts, then ratios). */
export function rates(docs: DocScore[]): Rates {
  const sum = (f: (d: DocScore) => number) => docs.reduce((n, d) => n + f(d), 0);
  const gold = sum((d) => d.gold);
  const drafts = sum((d) => d.drafts);
  return {
    outlineRecall: ratio(sum((d) => d.outline.found), sum((d) => d.outline.expected)),
    outlinePrecision: ratio(sum((d) => d.outline.correct), sum((d) => d.outline.parsed)),
    found: ratio(sum((d) => d.found), gold),
    kind: ratio(sum((d) => d.kindOk), gold),
    link: ratio(sum((d) => d.linkOk), gold),
    dated: ratio(sum((d) => d.dateOk), gold),
    titleGood: ratio(sum((d) => d.titleGood), gold),
    dupNoise: ratio(sum((d) => d.duplicates + d.noise), drafts, 0),
    precision: ratio(drafts - sum((d) => d.noise), drafts),
  };
}

/** The issue's targets (issue 13), printed beside the figures. */
export const TARGETS: Partial<Record<keyof Rates, string>> = {
  outlineRecall: '≥95%',
  outlinePrecision: '≥95%',
  kind: '≥90%',
  link: '≥85%',
  dated: '≥80%',
  dupNoise: '≤15%',
};

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** An aligned text table: one row per document, then the set's totals. */
export function formatTable(docs: DocScore[], ms: Map<string, number>, label: string): string {
  const head = ['document', 'T/Y', 'outlR', 'outlP', 'gold', 'drafts', 'found', 'kind', 'link', 'dated', 'name', 'dup+noise', 'ms'];
  const widths = [30, 4, 9, 9, 5, 6, 6, 6, 6, 6, 6, 10, 6];
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? pad(c, widths[i]) : lpad(c, widths[i]))).join(' ');
  const lines = [row(head)];
  for (const d of docs) {
    lines.push(
      row([
        d.file.replace(/\.(txt|docx)$/, ''),
        `${d.titleOk ? 'T' : '-'}${d.yearOk ? 'Y' : '-'}`,
        `${d.outline.found}/${d.outline.expected}`,
        `${d.outline.correct}/${d.outline.parsed}`,
        String(d.gold),
        String(d.drafts),
        String(d.found),
        String(d.kindOk),
        String(d.linkOk),
        String(d.dateOk),
        String(d.titleGood),
        `${d.duplicates}+${d.noise}`,
        (ms.get(d.file) ?? 0).toFixed(2),
      ]),
    );
  }
  const r = rates(docs);
  const msList = docs.map((d) => ms.get(d.file) ?? 0).sort((a, b) => a - b);
  const medMs = msList.length ? msList[Math.floor(msList.length / 2)] : 0;
  lines.push(
    row([
      `TOTAL ${label} (${docs.length})`,
      `${docs.filter((d) => d.titleOk).length}/${docs.filter((d) => d.yearOk).length}`,
      pct(r.outlineRecall),
      pct(r.outlinePrecision),
      String(docs.reduce((n, d) => n + d.gold, 0)),
      String(docs.reduce((n, d) => n + d.drafts, 0)),
      pct(r.found),
      pct(r.kind),
      pct(r.link),
      pct(r.dated),
      pct(r.titleGood),
      pct(r.dupNoise),
      medMs.toFixed(2),
    ]),
  );
  lines.push(
    row([
      'target (issue 13)',
      '',
      TARGETS.outlineRecall!,
      TARGETS.outlinePrecision!,
      '',
      '',
      '',
      TARGETS.kind!,
      TARGETS.link!,
      TARGETS.dated!,
      '',
      TARGETS.dupNoise!,
      '≤10',
    ]),
  );
  return lines.join('\n');
}
