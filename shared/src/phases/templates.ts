/**
 * Phase templates: the usual course of a contest or an exhibition, as phases linked
 * finish-to-start. The built-in ones follow how such events are run in practice (notice,
 * registration deadline, rounds, award ceremony; call for entries, judging, installation,
 * opening, exhibition, removal); `templateFromEvents` turns an event already held into a
 * template of its own.
 */
import { EVENT_KINDS, type EventKind, type EventRecord } from '../schema/types';
import { compareDateValues as compare, effectiveEnd, isAllDay } from '../time/dates';
import { measureLag, spanMinutes, timeOfDay, type LagUnit } from './links';
import { phaseName } from './names';

export interface TemplatePhase {
  key: string;
  name: string;
  nameEn: string;
  kind: EventKind;
  /** All-day phases: length in days. Exactly one of durationDays / durationMinutes. */
  durationDays?: number;
  /** Timed phases: length in minutes, starting at `startTime`. */
  durationMinutes?: number;
  /** 'HH:mm' for timed phases; 09:00 when absent. */
  startTime?: string;
  /** A date something is due by (报名截止, 征稿截止): always one all-day day. */
  deadline?: boolean;
  /** Key of the phase this one follows; absent for the first phase only. */
  after?: string;
  lagDays: number;
  lagUnit: LagUnit;
}

export interface PhaseTemplate {
  key: string;
  name: string;
  nameEn: string;
  /** Kind of the main event. */
  kind: EventKind;
  /** In link order: every phase comes after the phase it follows. */
  phases: TemplatePhase[];
}

const DEFAULT_TIME = '09:00';

export function phaseStartTime(p: TemplatePhase): string | null {
  return p.durationMinutes !== undefined ? (p.startTime ?? DEFAULT_TIME) : null;
}

/** Length of a template phase in minutes (days × 1440 for all-day phases). */
export function phaseLengthMinutes(p: TemplatePhase): number {
  return p.durationMinutes !== undefined ? p.durationMinutes : (p.durationDays ?? 1) * 1440;
}

const w = (lagDays: number): Pick<TemplatePhase, 'lagDays' | 'lagUnit'> => ({ lagDays, lagUnit: 'workday' });
const d = (lagDays: number): Pick<TemplatePhase, 'lagDays' | 'lagUnit'> => ({ lagDays, lagUnit: 'day' });
const first = d(0);

export const BUILT_IN_TEMPLATES: readonly PhaseTemplate[] = [
  {
    key: 'knowledge-contest',
    name: '知识竞赛',
    nameEn: 'Knowledge contest',
    kind: 'contest',
    phases: [
      { key: 'notice', name: '发布通知', nameEn: 'Notice', kind: 'publicity', durationDays: 1, ...first },
      { key: 'registration-deadline', name: '报名截止', nameEn: 'Registration deadline', kind: 'contest', durationDays: 1, deadline: true, after: 'notice', ...w(10) },
      { key: 'preliminary', name: '初赛', nameEn: 'Preliminary round', kind: 'contest', durationMinutes: 120, startTime: '09:00', after: 'registration-deadline', ...w(5) },
      { key: 'semifinal', name: '复赛', nameEn: 'Semifinal', kind: 'contest', durationMinutes: 180, startTime: '14:00', after: 'preliminary', ...w(5) },
      { key: 'final', name: '决赛', nameEn: 'Final', kind: 'contest', durationMinutes: 180, startTime: '14:30', after: 'semifinal', ...w(5) },
      { key: 'award', name: '颁奖', nameEn: 'Award ceremony', kind: 'contest', durationMinutes: 60, startTime: '10:00', after: 'final', ...w(3) },
    ],
  },
  {
    key: 'speech-contest',
    name: '演讲比赛',
    nameEn: 'Speech contest',
    kind: 'contest',
    phases: [
      { key: 'notice', name: '发布通知', nameEn: 'Notice', kind: 'publicity', durationDays: 1, ...first },
      { key: 'registration-deadline', name: '报名截止', nameEn: 'Registration deadline', kind: 'contest', durationDays: 1, deadline: true, after: 'notice', ...w(10) },
      { key: 'preliminary', name: '初赛（视频初选）', nameEn: 'Preliminary (video round)', kind: 'contest', durationDays: 5, after: 'registration-deadline', ...w(1) },
      { key: 'rehearsal', name: '决赛彩排', nameEn: 'Final rehearsal', kind: 'contest', durationMinutes: 180, startTime: '14:00', after: 'preliminary', ...w(5) },
      { key: 'final', name: '决赛', nameEn: 'Final', kind: 'contest', durationMinutes: 210, startTime: '09:00', after: 'rehearsal', ...w(0) },
      { key: 'award', name: '颁奖', nameEn: 'Award ceremony', kind: 'contest', durationMinutes: 60, startTime: '15:00', after: 'final', ...d(0) },
    ],
  },
  {
    key: 'choir-contest',
    name: '合唱比赛',
    nameEn: 'Choir contest',
    kind: 'contest',
    phases: [
      { key: 'notice', name: '发布通知', nameEn: 'Notice', kind: 'publicity', durationDays: 1, ...first },
      { key: 'registration-deadline', name: '报名截止', nameEn: 'Registration deadline', kind: 'contest', durationDays: 1, deadline: true, after: 'notice', ...w(10) },
      { key: 'repertoire-deadline', name: '曲目报送截止', nameEn: 'Repertoire due', kind: 'contest', durationDays: 1, deadline: true, after: 'registration-deadline', ...w(5) },
      { key: 'rehearsal', name: '排练', nameEn: 'Rehearsals', kind: 'training', durationDays: 20, after: 'repertoire-deadline', ...d(1) },
      { key: 'dress-rehearsal', name: '走台', nameEn: 'Stage rehearsal', kind: 'contest', durationMinutes: 240, startTime: '14:00', after: 'rehearsal', ...w(0) },
      { key: 'final', name: '正式比赛', nameEn: 'Contest', kind: 'contest', durationMinutes: 180, startTime: '14:30', after: 'dress-rehearsal', ...w(1) },
      { key: 'award', name: '颁奖', nameEn: 'Award ceremony', kind: 'contest', durationMinutes: 60, startTime: '10:00', after: 'final', ...w(2) },
    ],
  },
  {
    key: 'essay-contest',
    name: '征文比赛',
    nameEn: 'Essay contest',
    kind: 'contest',
    phases: [
      { key: 'call', name: '发布征文启事', nameEn: 'Call for essays', kind: 'publicity', durationDays: 1, ...first },
      { key: 'submission-deadline', name: '征文截止', nameEn: 'Submission deadline', kind: 'contest', durationDays: 1, deadline: true, after: 'call', ...d(30) },
      { key: 'first-review', name: '初评', nameEn: 'First review', kind: 'assessment', durationDays: 7, after: 'submission-deadline', ...w(1) },
      { key: 'final-review', name: '终评', nameEn: 'Final review', kind: 'assessment', durationDays: 3, after: 'first-review', ...w(1) },
      { key: 'publicity', name: '结果公示', nameEn: 'Results published for comment', kind: 'publicity', durationDays: 5, after: 'final-review', ...w(1) },
      { key: 'award', name: '颁奖', nameEn: 'Award ceremony', kind: 'contest', durationMinutes: 90, startTime: '09:30', after: 'publicity', ...w(2) },
    ],
  },
  {
    key: 'art-photo-exhibition',
    name: '书画/摄影作品展',
    nameEn: 'Calligraphy, painting & photography exhibition',
    kind: 'exhibition',
    phases: [
      { key: 'call', name: '征稿启动', nameEn: 'Call for works', kind: 'publicity', durationDays: 1, ...first },
      { key: 'submission-deadline', name: '征稿截止', nameEn: 'Submission deadline', kind: 'exhibition', durationDays: 1, deadline: true, after: 'call', ...d(30) },
      { key: 'judging', name: '评审', nameEn: 'Judging', kind: 'assessment', durationDays: 5, after: 'submission-deadline', ...w(2) },
      { key: 'installation', name: '布展', nameEn: 'Installation', kind: 'exhibition', durationDays: 3, after: 'judging', ...w(5) },
      { key: 'opening', name: '开幕式', nameEn: 'Opening ceremony', kind: 'exhibition', durationMinutes: 90, startTime: '09:30', after: 'installation', ...w(0) },
      { key: 'run', name: '展期', nameEn: 'Exhibition run', kind: 'exhibition', durationDays: 14, after: 'opening', ...d(0) },
      { key: 'removal', name: '撤展', nameEn: 'Removal', kind: 'exhibition', durationDays: 2, after: 'run', ...d(0) },
    ],
  },
  {
    key: 'theme-exhibition',
    name: '主题展览',
    nameEn: 'Theme exhibition',
    kind: 'exhibition',
    phases: [
      { key: 'planning', name: '策展方案', nameEn: 'Curatorial plan', kind: 'meeting', durationDays: 5, ...first },
      { key: 'material-deadline', name: '展品与资料征集截止', nameEn: 'Exhibits and materials due', kind: 'exhibition', durationDays: 1, deadline: true, after: 'planning', ...w(15) },
      { key: 'design', name: '版面设计与审核', nameEn: 'Panel design and approval', kind: 'exhibition', durationDays: 10, after: 'material-deadline', ...w(1) },
      { key: 'installation', name: '布展', nameEn: 'Installation', kind: 'exhibition', durationDays: 3, after: 'design', ...w(3) },
      { key: 'opening', name: '开幕式', nameEn: 'Opening ceremony', kind: 'exhibition', durationMinutes: 60, startTime: '09:30', after: 'installation', ...w(0) },
      { key: 'run', name: '展期', nameEn: 'Exhibition run', kind: 'exhibition', durationDays: 30, after: 'opening', ...d(0) },
      { key: 'removal', name: '撤展', nameEn: 'Removal', kind: 'exhibition', durationDays: 2, after: 'run', ...d(0) },
    ],
  },
  {
    // What "plan a commemoration" offers for a 逢五逢十 anniversary: anchored on the 纪念大会.
    key: 'commemoration',
    name: '纪念活动（纪念大会＋主题展览＋知识竞赛）',
    nameEn: 'Commemoration (ceremony, exhibition, quiz)',
    kind: 'anniversary',
    phases: [
      { key: 'planning', name: '筹备工作会', nameEn: 'Preparatory meeting', kind: 'meeting', durationMinutes: 90, startTime: '09:00', ...first },
      { key: 'installation', name: '主题展览布展', nameEn: 'Exhibition installation', kind: 'exhibition', durationDays: 3, after: 'planning', ...w(10) },
      { key: 'quiz', name: '知识竞赛', nameEn: 'Knowledge quiz', kind: 'contest', durationMinutes: 180, startTime: '14:30', after: 'installation', ...w(1) },
      { key: 'ceremony', name: '纪念大会', nameEn: 'Commemoration ceremony', kind: 'anniversary', durationMinutes: 120, startTime: '09:30', after: 'quiz', ...w(1) },
      { key: 'exhibition', name: '主题展览', nameEn: 'Theme exhibition', kind: 'exhibition', durationDays: 14, after: 'ceremony', ...d(0) },
    ],
  },
];

export function builtInTemplate(key: string): PhaseTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.key === key);
}

/** Problems that make a template unusable (empty when it is fine): the rules instantiate relies on. */
export function checkTemplate(t: PhaseTemplate): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  if (t.phases.length === 0) problems.push('no phases');
  t.phases.forEach((p, i) => {
    // A saved template is read from the document, so every field is checked, not assumed.
    if (typeof p !== 'object' || p === null || typeof p.key !== 'string' || p.key === '') {
      problems.push(`phase ${i + 1}: needs a key`);
      return;
    }
    if (typeof p.name !== 'string' || p.name.trim() === '') problems.push(`${p.key}: needs a name`);
    if (!(EVENT_KINDS as readonly string[]).includes(p.kind)) problems.push(`${p.key}: unknown kind`);
    if (p.lagUnit !== 'day' && p.lagUnit !== 'workday') problems.push(`${p.key}: lagUnit must be day or workday`);
    if (seen.has(p.key)) problems.push(`${p.key}: duplicate key`);
    if ((p.durationDays === undefined) === (p.durationMinutes === undefined))
      problems.push(`${p.key}: exactly one of durationDays and durationMinutes`);
    const len = p.durationDays ?? p.durationMinutes ?? 0;
    if (!Number.isInteger(len) || len <= 0) problems.push(`${p.key}: duration must be a positive whole number`);
    if (p.deadline && p.durationDays !== 1) problems.push(`${p.key}: a deadline is one all-day day`);
    if (!Number.isInteger(p.lagDays) || p.lagDays < 0) problems.push(`${p.key}: lagDays must be a whole number ≥ 0`);
    if (i === 0 && p.after !== undefined) problems.push(`${p.key}: the first phase follows nothing`);
    // Requiring the followed phase to come earlier in the list rules out loops and second roots.
    if (i > 0 && (p.after === undefined || !seen.has(p.after))) problems.push(`${p.key}: must follow an earlier phase`);
    if (p.startTime !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(p.startTime)) problems.push(`${p.key}: bad startTime`);
    seen.add(p.key);
  });
  return problems;
}

/**
 * A template from a contest already planned or held: its phases keep their lengths, their links
 * (`after`, or the previous phase in time when a phase has none) and the gaps actually between
 * them, measured in each phase's `lagUnit` (calendar days when unset). A phase that overlaps
 * everything before it cannot be expressed by a finish-to-start link and gets lag 0 after the
 * latest-ending earlier phase: the template then places it slightly later than the original.
 */
export function templateFromEvents(main: EventRecord, phases: readonly EventRecord[]): PhaseTemplate {
  const live = phases.filter((p) => p.deletedAt === undefined && !p.rrule && p.id !== main.id);
  const sorted = [...live].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const ids = new Set(sorted.map((p) => p.id));
  const keys = new Map<string, string>();
  const used = new Set<string>();
  const out: TemplatePhase[] = [];
  const placed: EventRecord[] = [];
  // In start order, so a phase's predecessor is already converted; an `after` naming a later
  // phase (only possible in a loop or a broken link) is treated as no link.
  for (const p of sorted) {
    let key = p.phase && !used.has(p.phase) ? p.phase : `phase-${out.length + 1}`;
    while (used.has(key)) key = `${key}-x`;
    used.add(key);
    keys.set(p.id, key);
    const unit: LagUnit = p.lagUnit ?? 'day';
    let pred: EventRecord | undefined = p.after !== undefined && ids.has(p.after) ? placed.find((q) => q.id === p.after) : undefined;
    if (!pred && placed.length > 0) {
      const ended = placed.filter((q) => compare(effEnd(q), p.start) <= 0);
      const pool = ended.length > 0 ? ended : placed;
      pred = pool.reduce((a, b) => (compare(effEnd(b), effEnd(a)) > 0 ? b : a));
    }
    const allDay = isAllDay(p.start);
    const length = spanMinutes(p.start, p.end);
    const phase: TemplatePhase = {
      key,
      name: phaseName(p.title, main.title),
      nameEn: p.phase ?? key,
      kind: p.kind,
      ...(allDay ? { durationDays: Math.max(1, Math.round(length / 1440)) } : { durationMinutes: length, startTime: timeOfDay(p.start) ?? DEFAULT_TIME }),
      ...(allDay && Math.round(length / 1440) === 1 && /截止|deadline/i.test(p.title) ? { deadline: true } : {}),
      ...(pred ? { after: keys.get(pred.id)! } : {}),
      lagDays: pred ? measureLag(effEnd(pred), p.start, unit) : 0,
      lagUnit: unit,
    };
    out.push(phase);
    placed.push(p);
  }
  return { key: `custom-${main.id}`, name: main.title, nameEn: main.title, kind: main.kind, phases: out };
}

function effEnd(e: EventRecord): string {
  return effectiveEnd(e.start, e.end);
}

