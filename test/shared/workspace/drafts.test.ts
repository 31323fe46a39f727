import { describe, expect, it } from 'vitest';
import { draftKey, type PlanDraft, type TrayItem } from '../../../shared/src/schema';
import { addDays, diffDays, holidayDataStatus, holidayOn, isWorkingDay, firstWorkingDay, weekday } from '../../../shared/src/time';
import {
  createWorkspaceReader,
  draftCampaignFields,
  draftEventFields,
  isWindow,
  plannedNote,
  planDrafts,
  trayEventFields,
  trayItemOf,
  windowText,
} from '../../../shared/src/workspace';
import { PLAN_ID, TRAY_DRAFT, TRAY_KEY, apiFor, bytes, sec, seeded } from './fixtures';
import { mulberry32 } from '../../helpers/prng';

const draft = (over: Partial<PlanDraft> = {}): PlanDraft => ({ title: '主题宣讲', kind: 'lecture', sectionId: sec('s2'), units: [], ...over });

describe('isWindow', () => {
  it('is a multi-day all-day span without a rule', () => {
    expect(isWindow({ start: '2026-09-21', end: '2026-10-01' })).toBe(true);
    expect(isWindow({ start: '2026-09-21', end: '2026-09-23' })).toBe(true);
  });
  it('is not one day, a timed span, a series, or an open date', () => {
    expect(isWindow({ start: '2026-09-21', end: '2026-09-22' })).toBe(false);
    expect(isWindow({ start: '2026-09-21' })).toBe(false);
    expect(isWindow({ end: '2026-09-30' })).toBe(false);
    expect(isWindow({})).toBe(false);
    expect(isWindow({ start: '2026-09-21T09:00', end: '2026-09-25T09:00' })).toBe(false);
    expect(isWindow({ start: '2026-01-01', end: '2027-01-01', rrule: 'FREQ=MONTHLY' })).toBe(false);
  });
});

describe('windowText', () => {
  it('shows the cue and the window with its last day inclusive', () => {
    const d = { cue: '9月下旬', start: '2026-09-21', end: '2026-10-01' };
    expect(windowText(d)).toBe('9月下旬（2026-09-21 至 2026-09-30）');
    expect(windowText(d, 'zh')).toBe('9月下旬（2026-09-21 至 2026-09-30）');
    expect(windowText(d, 'en')).toBe('9月下旬 (2026-09-21 to 2026-09-30)');
  });
  it('shows a single day or a time as it is', () => {
    expect(windowText({ cue: '国庆节', start: '2026-10-01', end: '2026-10-02' })).toBe('国庆节（2026-10-01）');
    expect(windowText({ start: '2026-10-01' }, 'en')).toBe('2026-10-01');
    expect(windowText({ cue: '开幕式', start: '2026-05-18T09:30' }, 'en')).toBe('开幕式 (2026-05-18 09:30)');
    expect(windowText({ start: '2026-05-18T09:30', end: '2026-05-20T09:30' })).toBe('2026-05-18 09:30');
  });
  it('lists sessions, dropping the year when it is the first one\'s', () => {
    const d = { cue: '4月29日、5月1日、3日（三场）', start: '2026-04-29', end: '2026-04-30', rdates: ['2026-05-01', '2026-05-03'] };
    expect(windowText(d)).toBe('4月29日、5月1日、3日（三场）（2026-04-29、05-01、05-03）');
    expect(windowText({ start: '2026-12-30T14:30', rdates: ['2027-01-06T14:30'] }, 'en')).toBe('2026-12-30 14:30, 2027-01-06 14:30');
  });
  it('without a date is the cue alone, or nothing', () => {
    expect(windowText({ cue: '适时' })).toBe('适时');
    expect(windowText({})).toBe('');
  });
});

describe('draftEventFields', () => {
  it('puts a window on its first working day and notes the window, with no end', () => {
    // The real 2026 data: 1–7 October is the National Day holiday, the 8th (a Thursday) is worked.
    for (let day = '2026-10-01'; day < '2026-10-08'; day = addDays(day, 1)) expect(holidayOn(day)?.kind).toBe('holiday');
    expect(holidayOn('2026-10-08')).toBeNull();
    expect(weekday('2026-10-08')).toBe(4);
    const f = draftEventFields(draft({ cue: '国庆期间', start: '2026-10-01', end: '2026-10-16' }));
    expect(f).toEqual({
      title: '主题宣讲',
      kind: 'lecture',
      start: '2026-10-08',
      status: 'planned',
      units: [],
      sectionIds: [sec('s2')],
      notes: '计划时间：国庆期间（2026-10-01 至 2026-10-15）',
    });
    expect(f.end).toBeUndefined();
  });

  it('moves a weekend start to Monday', () => {
    expect(weekday('2026-03-07')).toBe(6);
    expect(holidayOn('2026-03-07')).toBeNull();
    expect(draftEventFields(draft({ start: '2026-03-07', end: '2026-03-21' })).start).toBe('2026-03-09');
    expect(weekday('2026-03-09')).toBe(1);
  });

  it('counts a make-up Saturday (调休上班) as a working day', () => {
    expect(weekday('2026-10-10')).toBe(6);
    expect(holidayOn('2026-10-10')).toMatchObject({ kind: 'workday' });
    expect(draftEventFields(draft({ start: '2026-10-10', end: '2026-10-20' })).start).toBe('2026-10-10');
    expect(holidayOn('2026-02-14')).toMatchObject({ kind: 'workday' });
    expect(draftEventFields(draft({ start: '2026-02-14', end: '2026-03-01' })).start).toBe('2026-02-14');
    // …and skips the whole Spring Festival holiday after it.
    expect(draftEventFields(draft({ start: '2026-02-15', end: '2026-03-01' })).start).toBe('2026-02-24');
  });

  it('keeps the window start when the window has no working day at all', () => {
    expect(draftEventFields(draft({ start: '2026-10-01', end: '2026-10-08' })).start).toBe('2026-10-01');
  });

  it('keeps a dated draft as it is: end, rule, and the cue as a note', () => {
    const one = draftEventFields(draft({ start: '2026-05-04', end: '2026-05-05', cue: '五四青年节' }));
    expect(one).toMatchObject({ start: '2026-05-04', end: '2026-05-05', notes: '计划时间：五四青年节' });
    const timed = draftEventFields(draft({ start: '2026-05-18T09:00', end: '2026-05-20T17:00' }));
    expect(timed).toMatchObject({ start: '2026-05-18T09:00', end: '2026-05-20T17:00' });
    expect(timed.notes).toBeUndefined();
    const series = draftEventFields(draft({ start: '2026-01-05', end: '2027-01-01', rrule: 'FREQ=MONTHLY;BYMONTHDAY=5', cue: '每月5日' }), 'en');
    expect(series).toMatchObject({ start: '2026-01-05', end: '2027-01-01', rrule: 'FREQ=MONTHLY;BYMONTHDAY=5', notes: 'Planned time: 每月5日' });
  });

  it('writes the note in the locale', () => {
    const f = draftEventFields(draft({ cue: '下半年', start: '2026-07-01', end: '2027-01-01' }), 'en');
    expect(f.notes).toBe('Planned time: 下半年 (2026-07-01 to 2026-12-31)');
    expect(f.start).toBe('2026-07-01');
  });

  it('maps a campaign kind to other, and no section to no section ids', () => {
    expect(draftEventFields(draft({ kind: 'campaign', sectionId: '', start: '2026-06-01' }))).toMatchObject({ kind: 'other', sectionIds: [] });
  });

  it('refuses an undated draft (it belongs in the tray)', () => {
    expect(() => draftEventFields(draft({ cue: '适时' }))).toThrow(RangeError);
  });
});

describe('draftCampaignFields', () => {
  it('spans the window', () => {
    expect(draftCampaignFields(draft({ kind: 'campaign', start: '2026-04-01', end: '2026-05-01', cue: '4月' }), 2026)).toEqual({
      title: '主题宣讲',
      start: '2026-04-01',
      end: '2026-05-01',
      sectionIds: [sec('s2')],
      notes: '计划时间：4月',
    });
  });
  it('spans the plan year when the draft has no date', () => {
    expect(draftCampaignFields(draft({ kind: 'campaign', sectionId: '' }), 2026)).toEqual({ title: '主题宣讲', start: '2026-01-01', end: '2027-01-01' });
  });
  it('runs from a lone start to the end of the plan year, and from the year start to a lone end', () => {
    expect(draftCampaignFields(draft({ start: '2026-09-01' }), 2026)).toMatchObject({ start: '2026-09-01', end: '2027-01-01' });
    expect(draftCampaignFields(draft({ end: '2026-03-01' }), 2026)).toMatchObject({ start: '2026-01-01', end: '2026-03-01' });
  });
  it('never ends on or before its start', () => {
    // Timed values are cut to whole days: a one-day timed span becomes that day.
    expect(draftCampaignFields(draft({ start: '2026-05-04T09:00', end: '2026-05-04T17:00' }), 2026)).toMatchObject({ start: '2026-05-04', end: '2026-05-05' });
    // A start after the plan year with no end.
    expect(draftCampaignFields(draft({ start: '2027-03-01' }), 2026)).toMatchObject({ start: '2027-03-01', end: '2027-03-02' });
    // An end before the start.
    expect(draftCampaignFields(draft({ start: '2026-06-10', end: '2026-06-01' }), 2026)).toMatchObject({ start: '2026-06-10', end: '2026-06-11' });
    const rnd = prng(7);
    for (let i = 0; i < 200; i++) {
      const s = randomDay(rnd, 2025, 2027);
      const e = rnd() < 0.2 ? undefined : addDays(s, Math.floor(rnd() * 60) - 20);
      const f = draftCampaignFields(draft({ start: rnd() < 0.1 ? undefined : s, end: e }), 2026);
      expect(diffDays(f.start, f.end), JSON.stringify(f)).toBeGreaterThan(0);
    }
  });
  it('writes the note in the locale', () => {
    expect(draftCampaignFields(draft({ cue: '全年' }), 2026, 'en').notes).toBe('Planned time: 全年');
  });
});

describe('tray items', () => {
  const item: TrayItem = { key: 'k', title: '走访慰问', kind: 'volunteer', sectionId: sec('s3'), cue: '节日期间', units: ['老干部局'] };
  it('trayItemOf keeps what the event will need', () => {
    expect(trayItemOf(TRAY_DRAFT, 'k')).toEqual({ ...item, title: TRAY_DRAFT.title });
    expect(trayItemOf(draft(), 'x')).not.toHaveProperty('cue');
  });
  it('trayEventFields: the event on the dropped day', () => {
    expect(trayEventFields(item, '2026-09-29')).toEqual({
      title: '走访慰问',
      kind: 'volunteer',
      start: '2026-09-29',
      status: 'planned',
      units: ['老干部局'],
      sectionIds: [sec('s3')],
      notes: '计划时间：节日期间',
    });
    expect(trayEventFields({ ...item, kind: 'campaign', sectionId: '', cue: undefined }, '2026-09-29T15:00', 'en')).toEqual({
      title: '走访慰问',
      kind: 'other',
      start: '2026-09-29T15:00',
      status: 'planned',
      units: ['老干部局'],
      sectionIds: [],
    });
  });
  it('planDrafts gives parser drafts the document section ids', () => {
    const out = planDrafts('p9', [
      { title: 'a', kind: 'meeting', sectionId: 's2.1', units: ['x'] },
      { title: 'b', kind: 'meeting', sectionId: '', units: [] },
    ]);
    expect(out.map((d) => d.sectionId)).toEqual(['p9/s2.1', '']);
  });
  it('plannedNote', () => {
    expect(plannedNote('上半年')).toBe('计划时间：上半年');
    expect(plannedNote('上半年', 'en')).toBe('Planned time: 上半年');
  });
});

describe('draft commands', () => {
  const dated = draft({ title: '五四青年节座谈', kind: 'meeting', start: '2026-05-04', end: '2026-05-05' });
  const window = draft({ title: '国庆主题宣讲', cue: '国庆期间', start: '2026-10-01', end: '2026-10-16' });
  const camp = draft({ title: '读书月', kind: 'campaign', start: '2026-04-01', end: '2026-05-01' });
  const undated = draft({ title: '专家讲座', cue: '适时', units: ['社科联'] });

  function setup(locale: 'zh' | 'en' = 'zh') {
    const s = seeded();
    const api = apiFor(s.doc, { locale: () => locale });
    const read = createWorkspaceReader(s.doc);
    const events = () => read.liveEvents().filter((e) => e.updatedBy === '王编辑');
    const plan = () => {
      const r = read.plan(PLAN_ID);
      if (!r?.ok) throw new Error('plan unreadable');
      return r.record;
    };
    return { s, api, read, events, plan };
  }

  it('draft.accept: one result per draft kind, each written where it belongs', () => {
    const { api, read, events, plan } = setup();
    const campaignsBefore = read.liveCampaigns().length;
    const r = api.run('draft.accept', { planId: PLAN_ID, drafts: [dated, window, camp, undated] });
    expect(r).toEqual({ ok: true, value: ['event', 'event', 'campaign', 'tray'] });
    const byTitle = new Map(events().map((e) => [e.title, e]));
    expect(byTitle.size).toBe(2);
    expect(byTitle.get(dated.title)).toMatchObject({ start: '2026-05-04', end: '2026-05-05', kind: 'meeting', status: 'planned' });
    expect(byTitle.get(window.title)).toMatchObject({ start: '2026-10-08', notes: '计划时间：国庆期间（2026-10-01 至 2026-10-15）' });
    expect(read.liveCampaigns()).toHaveLength(campaignsBefore + 1);
    expect(read.liveCampaigns().find((c) => c.title === '读书月')).toMatchObject({ start: '2026-04-01', end: '2026-05-01', sectionIds: [sec('s2')] });
    expect(read.tray(PLAN_ID).map((i) => i.key)).toEqual([TRAY_KEY, draftKey(undated)]);
    expect(read.tray(PLAN_ID)[1]).toMatchObject({ title: '专家讲座', cue: '适时', units: ['社科联'] });
    expect(new Set(plan().acceptedDrafts)).toEqual(new Set([TRAY_KEY, ...[dated, window, camp, undated].map(draftKey)]));
  });

  it('draft.accept: a draft with sessions becomes one event with its later sessions as rdates', () => {
    const { api, events } = setup();
    const sessions = draft({ title: '职工文艺巡回展演', kind: 'other', start: '2026-04-29', end: '2026-04-30', rdates: ['2026-05-01', '2026-05-03'], cue: '4月29日、5月1日、3日（三场）' });
    expect(api.run('draft.accept', { planId: PLAN_ID, drafts: [sessions] })).toEqual({ ok: true, value: ['event'] });
    const e = events().find((x) => x.title === '职工文艺巡回展演')!;
    expect(e).toMatchObject({ start: '2026-04-29', end: '2026-04-30', rdates: ['2026-05-01', '2026-05-03'] });
    expect(e.rrule).toBeUndefined();
  });

  it('draft.accept writes its stored note in the API locale', () => {
    const { api, events } = setup('en');
    api.run('draft.accept', { planId: PLAN_ID, drafts: [window] });
    expect(events()[0].notes).toBe('Planned time: 国庆期间 (2026-10-01 to 2026-10-15)');
  });

  it('accepting the same drafts twice creates them once', () => {
    const { s, api, read, events } = setup();
    const campaigns = read.liveCampaigns().length;
    api.run('draft.accept', { planId: PLAN_ID, drafts: [dated, camp, undated] });
    const after = bytes(s.doc);
    expect(api.run('draft.accept', { planId: PLAN_ID, drafts: [dated, camp, undated] })).toEqual({ ok: true, value: [] });
    expect(bytes(s.doc)).toBe(after);
    expect(events()).toHaveLength(1);
    expect(read.liveCampaigns()).toHaveLength(campaigns + 1);
    expect(read.tray(PLAN_ID).filter((i) => i.key === draftKey(undated))).toHaveLength(1);
    // One step on the stack: the second call wrote nothing.
    expect(api.undo()).toEqual({ ok: true, value: true });
    expect(api.undo()).toEqual({ ok: true, value: false });
    expect(events()).toHaveLength(0);
  });

  it('the same draft twice in one call is created once, as accepting them one by one would', () => {
    const { api, read, events, plan } = setup();
    const campaigns = read.liveCampaigns().length;
    const r = api.run('draft.accept', { planId: PLAN_ID, drafts: [dated, dated, camp, { ...camp }, undated, undated] });
    expect(r).toEqual({ ok: true, value: ['event', 'campaign', 'tray'] });
    expect(events()).toHaveLength(1);
    expect(read.liveCampaigns()).toHaveLength(campaigns + 1);
    expect(plan().tray).toHaveLength(2);
    expect(plan().acceptedDrafts!.filter((k) => k === draftKey(dated))).toHaveLength(1);
    // One by one: the second is skipped.
    const t = seeded();
    const one = apiFor(t.doc);
    one.run('draft.accept', { planId: PLAN_ID, drafts: [dated] });
    expect(one.run('draft.accept', { planId: PLAN_ID, drafts: [dated] })).toEqual({ ok: true, value: [] });
    expect(createWorkspaceReader(t.doc).liveEvents().filter((e) => e.title === dated.title)).toHaveLength(1);
  });

  it('tray.schedule: the event on the dropped day, the item out of the tray, the key still accepted', () => {
    const { s, api, read, plan } = setup();
    const r = api.run('tray.schedule', { planId: PLAN_ID, key: TRAY_KEY, start: '2026-09-29' });
    if (!r.ok) throw new Error(r.error.message);
    const e = read.event(r.value);
    expect(e?.ok && e.record).toMatchObject({
      title: TRAY_DRAFT.title,
      kind: 'volunteer',
      start: '2026-09-29',
      status: 'planned',
      units: ['老干部局'],
      sectionIds: [sec('s3')],
      notes: '计划时间：节日期间',
    });
    expect(read.tray(PLAN_ID)).toEqual([]);
    expect(plan().acceptedDrafts).toContain(TRAY_KEY);
    // Dropping it again finds nothing, and creates nothing.
    const before = bytes(s.doc);
    expect(api.run('tray.schedule', { planId: PLAN_ID, key: TRAY_KEY, start: '2026-09-30' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(bytes(s.doc)).toBe(before);
    // A draft accepted into the tray can be scheduled too, at a time.
    api.run('draft.accept', { planId: PLAN_ID, drafts: [undated] });
    const t = api.run('tray.schedule', { planId: PLAN_ID, key: draftKey(undated), start: '2026-11-03T14:00' });
    if (!t.ok) throw new Error(t.error.message);
    const te = read.event(t.value);
    expect(te?.ok && te.record).toMatchObject({ start: '2026-11-03T14:00', notes: '计划时间：适时' });
    expect(read.tray(PLAN_ID)).toEqual([]);
  });

  it('draft.dismiss adds keys once', () => {
    const { s, api, plan } = setup();
    expect(api.run('draft.dismiss', { planId: PLAN_ID, keys: [draftKey(dated), draftKey(window)] })).toEqual({ ok: true, value: true });
    expect(plan().dismissedDrafts).toEqual([draftKey(dated), draftKey(window)]);
    const before = bytes(s.doc);
    expect(api.run('draft.dismiss', { planId: PLAN_ID, keys: [draftKey(window)] })).toEqual({ ok: true, value: false });
    expect(bytes(s.doc)).toBe(before);
    expect(api.run('draft.dismiss', { planId: PLAN_ID, keys: [draftKey(camp), draftKey(dated)] })).toEqual({ ok: true, value: true });
    expect(plan().dismissedDrafts).toEqual([draftKey(dated), draftKey(window), draftKey(camp)]);
  });

  it('draft.acceptEdited: the event as edited, the draft accepted', () => {
    const { api, read, plan } = setup();
    const fields = { ...draftEventFields(window), title: '国庆主题宣讲（改）', start: '2026-10-09', location: '', notes: '' };
    const r = api.run('draft.acceptEdited', { planId: PLAN_ID, draftKey: draftKey(window), fields });
    if (!r.ok) throw new Error(r.error.message);
    const e = read.event(r.value);
    expect(e?.ok && e.record).toMatchObject({ title: '国庆主题宣讲（改）', start: '2026-10-09', kind: 'lecture', sectionIds: [sec('s2')] });
    expect(e?.ok && e.record).not.toHaveProperty('notes');
    expect(plan().acceptedDrafts).toContain(draftKey(window));
    // Accepted: "accept" now skips it.
    expect(api.run('draft.accept', { planId: PLAN_ID, drafts: [window] })).toEqual({ ok: true, value: [] });
  });
});

// ——— working days against a brute-force oracle ———

const prng = mulberry32;

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

function randomDay(rnd: () => number, fromYear: number, toYear: number): string {
  const a = Date.UTC(fromYear, 0, 1);
  const b = Date.UTC(toYear + 1, 0, 1);
  return iso(a + Math.floor(rnd() * ((b - a) / DAY_MS)) * DAY_MS);
}

/** The rule from first principles: the notice decides where it speaks, Monday–Friday elsewhere. */
function oracleWorking(day: string): boolean {
  const h = holidayOn(day);
  if (h) return h.kind === 'workday';
  const wd = new Date(ms(day)).getUTCDay();
  if (weekday(day) !== wd) throw new Error(`weekday(${day}) is ${weekday(day)}, the calendar says ${wd}`);
  return wd >= 1 && wd <= 5;
}

function oracleFirst(start: string, end: string): string {
  for (let t = ms(start); t < ms(end); t += DAY_MS) if (oracleWorking(iso(t))) return iso(t);
  return start;
}

describe('working days', () => {
  it('isWorkingDay agrees with the oracle on every day of 2024–2027', () => {
    let working = 0;
    const wrong: string[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += DAY_MS) {
      const day = iso(t);
      const expected = oracleWorking(day);
      if (isWorkingDay(day) !== expected) wrong.push(day);
      if (expected) working++;
    }
    expect(wrong).toEqual([]);
    expect(working).toBeGreaterThan(4 * 240);
    expect(working).toBeLessThan(4 * 262);
  });

  it('every holiday is off and every 调休 day is worked, whatever the weekday', () => {
    let holidays = 0;
    let workdays = 0;
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2027, 0, 1); t += DAY_MS) {
      const h = holidayOn(iso(t));
      if (!h) continue;
      if (h.kind === 'holiday') holidays++;
      else {
        workdays++;
        // Make-up days are weekend days.
        expect([0, 6]).toContain(weekday(iso(t)));
      }
      expect(isWorkingDay(iso(t))).toBe(h.kind === 'workday');
    }
    expect(holidays).toBeGreaterThan(3 * 20);
    expect(workdays).toBeGreaterThan(3 * 3);
  });

  it('a year without a published notice counts plain weekdays', () => {
    if (holidayDataStatus(2027) !== 'unpublished') return;
    for (let t = Date.UTC(2027, 0, 1); t < Date.UTC(2028, 0, 1); t += DAY_MS) {
      const wd = new Date(t).getUTCDay();
      expect(isWorkingDay(iso(t))).toBe(wd >= 1 && wd <= 5);
    }
  });

  it('firstWorkingDay agrees with the oracle on 400 random windows in 2024–2027', () => {
    const rnd = prng(20260101);
    let moved = 0;
    let none = 0;
    const wrong: string[] = [];
    for (let i = 0; i < 400; i++) {
      const start = randomDay(rnd, 2024, 2027);
      // Short windows often, so whole-holiday windows and weekends come up.
      const len = rnd() < 0.5 ? 1 + Math.floor(rnd() * 4) : 1 + Math.floor(rnd() * 45);
      const end = addDays(start, len);
      const got = firstWorkingDay(start, end);
      const want = oracleFirst(start, end);
      if (got !== want || got < start || got >= end) wrong.push(`${start}…${end}: ${got}, expected ${want}`);
      if (got !== start) moved++;
      if (!oracleWorking(got)) none++;
    }
    expect(wrong).toEqual([]);
    // The sample really exercised moves and the no-working-day fallback.
    expect(moved).toBeGreaterThan(50);
    expect(none).toBeGreaterThan(5);
  });

  it('the window of a draft lands on firstWorkingDay of that window', () => {
    const rnd = prng(99);
    const wrong: string[] = [];
    for (let i = 0; i < 200; i++) {
      const start = randomDay(rnd, 2024, 2027);
      const end = addDays(start, 2 + Math.floor(rnd() * 30));
      const got = draftEventFields(draft({ start, end })).start;
      if (got !== oracleFirst(start, end)) wrong.push(`${start}…${end}: ${got}`);
    }
    expect(wrong).toEqual([]);
  });
});
