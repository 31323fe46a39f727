import * as Y from 'yjs';
import { createCampaign, createEvent, importPlan, initWorkspaceDoc, SYSTEM_ORIGIN } from '../../shared/src/schema';
import { EVENT_KINDS, type EventFields } from '../../shared/src/schema/types';
import { addDays } from '../../shared/src/time/dates';
import { mulberry32 } from './prng';

export const TIMELINE_PLAN = 'plan-tl';
export const sid = (id: string) => `${TIMELINE_PLAN}/${id}`;

/**
 * A workspace for the timeline: a 2026 plan with nested sections (one with nothing
 * scheduled), two campaigns with activities, a weekly series, an activity dated only by
 * a plan window (计划时间 3月上旬, not confirmed) and one linked to nothing.
 */
export function timelineDoc(): Y.Doc {
  const doc = new Y.Doc();
  const o = { origin: SYSTEM_ORIGIN };
  initWorkspaceDoc(doc, { name: '宣传部2026' });
  importPlan(
    doc,
    {
      title: '2026年宣传思想文化工作要点',
      year: 2026,
      sections: [
        { id: 's1', parentId: '', label: '一、', title: '理论武装', body: '', level: 1, order: 0 },
        { id: 's1.1', parentId: 's1', label: '(一)', title: '中心组学习', body: '', level: 2, order: 0 },
        { id: 's1.2', parentId: 's1', label: '(二)', title: '理论宣讲', body: '', level: 2, order: 1 },
        { id: 's2', parentId: '', label: '二、', title: '主题宣传', body: '', level: 1, order: 1 },
        { id: 's3', parentId: '', label: '三、', title: '文明创建', body: '', level: 1, order: 2 },
      ],
    },
    { ...o, planId: TIMELINE_PLAN },
  );
  createCampaign(doc, { title: '全民阅读月', start: '2026-04-01', end: '2026-05-01', color: '#2e7d32', sectionIds: [sid('s2')] }, { ...o, id: 'camp-read' });
  createCampaign(doc, { title: '主题宣讲季', start: '2026-06-01', end: '2026-09-01', color: '#6a1b9a', sectionIds: [sid('s1.2')], leadUnit: '宣讲团' }, { ...o, id: 'camp-talk' });
  const ev = (id: string, f: Partial<EventFields> & Pick<EventFields, 'title' | 'start'>) =>
    createEvent(doc, { kind: 'publicity', status: 'planned', ...f }, { ...o, id });
  ev('ev-reading-open', { title: '读书月启动仪式', start: '2026-04-02', sectionIds: [sid('s2')], campaignId: 'camp-read', status: 'done' });
  ev('ev-reading-fair', { title: '图书交换市集', start: '2026-04-18', end: '2026-04-20', sectionIds: [sid('s2')], campaignId: 'camp-read' });
  ev('ev-talk-1', { title: '进社区宣讲', kind: 'lecture', start: '2026-06-10T09:00', end: '2026-06-10T11:00', sectionIds: [sid('s1.2')], campaignId: 'camp-talk' });
  ev('ev-talk-2', { title: '进校园宣讲', kind: 'lecture', start: '2026-07-08', sectionIds: [sid('s1.2')], campaignId: 'camp-talk' });
  ev('ev-study', { title: '中心组专题学习', kind: 'study', start: '2026-01-09T14:30', end: '2026-01-09T16:30', sectionIds: [sid('s1.1')], rrule: 'FREQ=MONTHLY;BYMONTHDAY=9;COUNT=12', status: 'confirmed' });
  ev('ev-window', { title: '“学雷锋”志愿服务', kind: 'volunteer', start: '2026-03-02', sectionIds: [sid('s3')], notes: '计划时间：3月上旬（2026-03-01 至 2026-03-10）' });
  ev('ev-unlinked', { title: '新闻发言人培训', kind: 'training', start: '2026-05-12', end: '2026-05-14', leadUnit: '新闻办' });
  ev('ev-exhibit', { title: '书画作品展', kind: 'exhibition', start: '2026-09-20', end: '2026-10-08', sectionIds: [sid('s2')], leadUnit: '文化馆' });
  return doc;
}

/** A crowded year for the benchmark and screenshots: `campaigns` campaigns over `sections` sections, `events` activities. */
export function crowdedTimelineDoc(opts: { campaigns: number; events: number; sections: number; seed?: number }): Y.Doc {
  const rnd = mulberry32(opts.seed ?? 7);
  const doc = new Y.Doc();
  const o = { origin: SYSTEM_ORIGIN };
  initWorkspaceDoc(doc, { name: '市委宣传部' });
  const sections = Array.from({ length: opts.sections }, (_, i) => {
    const top = i % 6 === 0;
    return { id: `s${i}`, parentId: top ? '' : `s${i - (i % 6)}`, label: top ? `${'一二三四五六七八九十'[Math.floor(i / 6) % 10]}、` : `(${i % 6})`, title: `工作要点第${i + 1}项`, body: '', level: top ? 1 : 2, order: i };
  });
  importPlan(doc, { title: '2026年工作要点', year: 2026, sections }, { ...o, planId: TIMELINE_PLAN });
  const day = (n: number) => addDays('2026-01-01', n);
  doc.transact(() => {
    for (let c = 0; c < opts.campaigns; c++) {
      const s = Math.floor(rnd() * 330);
      createCampaign(doc, { title: `专项活动${c + 1}`, start: day(s), end: day(s + 7 + Math.floor(rnd() * 60)), sectionIds: [sid(`s${Math.floor(rnd() * opts.sections)}`)] }, { ...o, id: `camp-${c}` });
    }
    for (let e = 0; e < opts.events; e++) {
      const s = Math.floor(rnd() * 364);
      const long = rnd() < 0.2;
      createEvent(
        doc,
        {
          title: `活动${e + 1}`,
          kind: EVENT_KINDS[Math.floor(rnd() * EVENT_KINDS.length)]!,
          status: rnd() < 0.3 ? 'done' : 'planned',
          start: day(s),
          ...(long ? { end: day(s + 2 + Math.floor(rnd() * 10)) } : {}),
          sectionIds: [sid(`s${Math.floor(rnd() * opts.sections)}`)],
          ...(rnd() < 0.3 ? { campaignId: `camp-${Math.floor(rnd() * opts.campaigns)}` } : {}),
        },
        { ...o, id: `ev-${e}` },
      );
    }
  }, SYSTEM_ORIGIN);
  return doc;
}
