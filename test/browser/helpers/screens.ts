/**
 * Every screen of the app, seeded with one realistic workspace (a 2026 plan with nested
 * sections, two campaigns and their activities, a lecture team with host units and sessions,
 * an activity in the trash), for the checks that walk them all: axe and "no Chinese left in
 * English mode". `open` leaves the page showing the screen, settled.
 */
import type { BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { createEvent, createTeam, createUnit, softDeleteEvent, SYSTEM_ORIGIN } from '../../../shared/src/schema';
import { timelineDoc, TIMELINE_PLAN } from '../../helpers/timeline-seed';
import { settleIndex } from './settle';

export const TEAM_ID = 't-youth';

/** The seeded workspace; also returns every string it holds (user data), for the text checks. */
export function screensDoc(): { doc: Y.Doc; userText: string[] } {
  const doc = timelineDoc();
  const o = (id: string) => ({ origin: SYSTEM_ORIGIN, id });
  createTeam(doc, { name: '青年理论宣讲团', topic: '学习贯彻全会精神', members: ['王芳', '李明'] }, o(TEAM_ID));
  createUnit(doc, { name: '城关镇中心小学', category: 'school', target: true }, o('u-school'));
  createUnit(doc, { name: '东关社区', category: 'community', target: true }, o('u-comm'));
  createEvent(
    doc,
    { title: '进校园宣讲', kind: 'lecture', status: 'confirmed', start: '2026-04-14T09:00', end: '2026-04-14T11:00', teamId: TEAM_ID, hostUnitId: 'u-school', speakers: ['王芳'], location: '学校礼堂', leadUnit: '市委宣传部' },
    o('ev-school'),
  );
  createEvent(doc, { title: '新时代文明实践志愿服务', kind: 'volunteer', status: 'planned', start: '2026-04-22', leadUnit: '市文明办' }, o('ev-vol'));
  createEvent(doc, { title: '已取消的座谈会', kind: 'meeting', status: 'planned', start: '2026-04-09' }, o('ev-trash'));
  softDeleteEvent(doc, 'ev-trash', { origin: SYSTEM_ORIGIN });
  return { doc, userText: collectStrings(doc) };
}

/** Every string value in the document (titles, names, plan text, section titles…). */
function collectStrings(doc: Y.Doc): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const name of ['meta', 'events', 'plans', 'sections', 'campaigns', 'teams', 'units']) walk(doc.getMap(name).toJSON());
  return [...out];
}

export async function seedPage(page: Page, doc: Y.Doc): Promise<void> {
  await page.waitForFunction(() => (globalThis as any).__cc);
  await page.evaluate((u) => (globalThis as any).__cc.applyUpdate(new Uint8Array(u)), Array.from(Y.encodeStateAsUpdate(doc)));
  await settleIndex(page);
}

export async function contextIn(newContext: () => Promise<BrowserContext>, lang: 'zh' | 'en'): Promise<BrowserContext> {
  const ctx = await newContext();
  await ctx.addInitScript((l) => {
    localStorage.setItem('cc.locale', l);
    localStorage.setItem('cc.displayName', l === 'zh' ? '张三' : 'Alex');
  }, lang);
  return ctx;
}

export interface Screen {
  name: string;
  /** What a check need look at, when the rest of the page is another screen already checked. */
  scope?: string[];
  open(page: Page, base: string, id: string): Promise<void>;
}

const settle = async (page: Page) => {
  await settleIndex(page);
  // Two frames: whatever the last change rendered is on screen.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
};
const goto = async (page: Page, url: string, testid: string) => {
  await page.goto(url);
  await page.getByTestId(testid).first().waitFor({ state: 'attached' });
  await settle(page);
};
const calendar = (view: string) => async (page: Page, base: string, id: string) => {
  await goto(page, `${base}/w/${id}?view=${view}&date=2026-04-14`, 'calendar');
  await page.locator('[data-testid="calendar"] .cc-event').first().waitFor();
  await settle(page);
};
const ready = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"][data-ready="true"]`).waitFor();

export const SCREENS: Screen[] = [
  { name: 'workspaces', open: (page, base) => goto(page, `${base}/`, 'workspace-list') },
  { name: 'calendar month', open: calendar('month') },
  { name: 'calendar week', open: calendar('week') },
  { name: 'calendar list', open: calendar('list') },
  // Twelve months alike: three of them (and the toolbar) stand for the rest.
  { name: 'calendar year', scope: ['.toolbar', '[data-date="2026-01"]', '[data-date="2026-04"]', '[data-date="2026-12"]'], open: calendar('year') },
  {
    name: 'event editor',
    scope: ['dialog[open]'],
    async open(page, base, id) {
      await calendar('month')(page, base, id);
      await page.locator('[data-testid="calendar"] .cc-event').filter({ hasText: '进校园宣讲' }).first().click();
      await page.getByTestId('event-editor').waitFor();
      await settle(page);
    },
  },
  {
    name: 'outline panel',
    scope: ['[data-testid="outline-panel"]', '.toolbar'],
    async open(page, base, id) {
      await calendar('month')(page, base, id);
      if ((await page.getByTestId('outline-panel').count()) === 0) await page.getByTestId('outline-toggle').click();
      await page.getByTestId('outline-panel').waitFor();
      await settle(page);
    },
  },
  {
    name: 'share dialog',
    scope: ['dialog[open]'],
    async open(page, base, id) {
      await calendar('month')(page, base, id);
      await page.getByTestId('share').click();
      await page.getByTestId('share-dialog').waitFor();
      await settle(page);
    },
  },
  {
    name: 'shortcuts dialog',
    scope: ['dialog[open]'],
    async open(page, base, id) {
      await calendar('month')(page, base, id);
      await page.getByTestId('shortcuts-button').click();
      await page.getByTestId('shortcuts').waitFor();
      await settle(page);
    },
  },
  {
    name: 'plan import',
    async open(page, base, id) {
      await goto(page, `${base}/w/${id}/plan`, 'plan-page');
      await page.getByTestId('import-plan').click();
      await page.getByTestId('plan-import').waitFor();
      await settle(page);
    },
  },
  { name: 'plan review', open: (page, base, id) => goto(page, `${base}/w/${id}/plan?plan=${TIMELINE_PLAN}`, 'plan-view') },
  { name: 'trash', open: (page, base, id) => goto(page, `${base}/w/${id}/trash`, 'trash-item') },
  { name: 'timeline', open: (page, base, id) => goto(page, `${base}/w/${id}/timeline?zoom=year&date=2026-03-01&groupBy=section`, 'timeline-item') },
  { name: 'teams', open: (page, base, id) => goto(page, `${base}/w/${id}/teams?team=${TEAM_ID}`, 'team-card') },
  {
    name: 'print month',
    async open(page, base, id) {
      await goto(page, `${base}/w/${id}/print/month/2026-04`, 'print-page');
      await ready(page, 'print-page');
    },
  },
  {
    name: 'print timeline',
    async open(page, base, id) {
      await goto(page, `${base}/w/${id}/print/timeline/2026`, 'print-timeline');
      await ready(page, 'print-timeline');
    },
  },
  {
    name: 'print team',
    async open(page, base, id) {
      await goto(page, `${base}/w/${id}/print/team/${TEAM_ID}`, 'print-tour');
      await ready(page, 'print-tour');
    },
  },
];
