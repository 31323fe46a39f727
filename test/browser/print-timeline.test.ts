/**
 * The printed campaign timeline in real Chromium: a plan of 60 nested sections with two
 * campaigns and a year of activities, printed to PDF on A4 and A3 landscape with the page's own
 * CSS (preferCSSPageSize), read back with poppler (pdftotext, pdfinfo).
 *
 * `TIMELINE_KEEP=<dir>` keeps the PDFs and a screenshot of the page on screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { seedDoc } from './helpers/seed';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { openMonth } from './helpers/calendar';
import { createCampaign, createEvent, createPlan, createSection, initWorkspaceDoc, softDeleteEvent } from '../../shared/src/schema';
import { EVENT_KINDS, type EventFields } from '../../shared/src/schema/types';

let app: AppHarness;
let tmp: string;

beforeAll(async () => {
  app = await startApp();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-print-timeline-'));
});
afterAll(async () => {
  await app?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const pdftotext = (file: string, args: string[] = []) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
const squash = (s: string) => s.replace(/\s+/g, '');

function pdfPages(file: string): { pages: number; sizes: [number, number][] } {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => [parseFloat(m[1]!), parseFloat(m[2]!)] as [number, number]);
  return { pages, sizes };
}

const NAME = '市直机关工委宣传部';
const CN = ['一', '二', '三', '四', '五', '六'];
const TOPICS = ['理论武装', '宣传教育', '文明创建', '文化惠民', '网络宣传', '队伍建设'];

interface Fixture {
  doc: Y.Doc;
  /** Titles of every section row, in outline order. */
  sectionTitles: string[];
  emptySection: string;
  campaignTitles: string[];
  /** One-off activity titles (each drawn at least once). */
  eventTitles: string[];
  decemberTitle: string;
  trashTitle: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 6 top sections × 3 × 2 = 60 rows; one leaf with nothing; activities all year, several near 31 December. */
function fixture(): Fixture {
  const doc = new Y.Doc();
  initWorkspaceDoc(doc, { name: NAME });
  const sectionTitles: string[] = [];
  const eventTitles: string[] = [];
  let emptySection = '';
  const campaignTitles = ['“强国复兴有我”群众性主题宣传教育活动', '岁末年初“文化进万家”专项行动'];
  const decemberTitle = '全年宣传思想文化工作总结表彰大会';
  const trashTitle = '已删除的座谈会（不应出现）';
  doc.transact(() => {
    const planId = createPlan(doc, { title: '2026年宣传思想文化工作要点', year: 2026 });
    const c1 = createCampaign(doc, { title: campaignTitles[0]!, start: '2026-03-01', end: '2026-07-01', color: '#1f6f8b', leadUnit: '市委宣传部' });
    const c2 = createCampaign(doc, { title: campaignTitles[1]!, start: '2026-11-20', end: '2027-01-20', color: '#b71c1c', leadUnit: '市文明办' });
    let n = 0;
    /** Section ids with something in them, in outline order. */
    const ids: string[] = [];
    const ev = (f: Partial<EventFields> & Pick<EventFields, 'title' | 'start'>) => {
      eventTitles.push(f.title);
      return createEvent(doc, { kind: EVENT_KINDS[n++ % EVENT_KINDS.length]!, status: n % 7 === 0 ? 'done' : 'confirmed', ...f });
    };
    for (let a = 0; a < 6; a++) {
      const top = `${TOPICS[a]}：坚持守正创新，推动${TOPICS[a]}工作提质增效`;
      const topId = createSection(doc, { planId, parentId: '', order: a, label: `${CN[a]}、`, title: top, level: 1 });
      sectionTitles.push(top);
      ids.push(topId);
      for (let b = 0; b < 3; b++) {
        const mid = `${TOPICS[a]}第${b + 1}项重点任务`;
        const midId = createSection(doc, { planId, parentId: topId, order: b, label: `（${CN[b]}）`, title: mid, level: 2 });
        sectionTitles.push(mid);
        ids.push(midId);
        for (let c = 0; c < 2; c++) {
          const leaf = `${TOPICS[a]}${b + 1}-${c + 1}：组织开展专题${c ? '培训' : '活动'}`;
          const id = createSection(doc, { planId, parentId: midId, order: c, label: `${c + 1}、`, title: leaf, level: 3 });
          sectionTitles.push(leaf);
          if (a === 5 && b === 2 && c === 1) {
            emptySection = leaf;
            continue;
          }
          ids.push(id);
          const i = a * 6 + b * 2 + c;
          const month = 1 + (i % 12);
          // A one-day activity, a multi-day one, and every third leaf a timed one.
          ev({ title: `${TOPICS[a]}专题活动${i + 1}号`, start: `2026-${pad(month)}-${pad(3 + (i % 20))}`, sectionIds: [id], campaignId: month >= 3 && month <= 6 ? c1 : undefined });
          ev({ title: `${TOPICS[a]}巡回展览${i + 1}期`, start: `2026-${pad(month)}-10`, end: `2026-${pad(month)}-${pad(15 + (i % 10))}`, sectionIds: [id] });
          if (i % 3 === 0) ev({ title: `${TOPICS[a]}座谈会${i + 1}场`, start: `2026-${pad(1 + ((i + 5) % 12))}-18T14:30`, end: `2026-${pad(1 + ((i + 5) % 12))}-18T16:00`, sectionIds: [id] });
          if (i === 7) {
            // An accepted draft with only the plan's window: drawn as a band.
            ev({ title: '青年理论学习小组读书交流（日期待定）', start: '2026-04-06', status: 'planned', notes: '计划时间：4月上旬（2026-04-01 至 2026-04-10）', sectionIds: [id] });
          }
        }
      }
    }
    // Right at the right edge of the year: two activities on the last days, in different rows.
    ev({ title: decemberTitle, start: '2026-12-30', sectionIds: [ids[3]!], campaignId: c2 });
    ev({ title: '新年前夕走访慰问老党员', start: '2026-12-31T09:00', sectionIds: [ids[10]!], campaignId: c2 });
    ev({ title: '“我们的节日·元旦”主题活动', start: '2026-12-26', end: '2027-01-03', sectionIds: [ids[20]!], campaignId: c2 });
    // Linked to nothing: the 未关联 row.
    ev({ title: '未关联的临时性工作安排', start: '2026-08-08' });
    // Hostile title: text, never HTML.
    ev({ title: '<img src=x onerror="window.__xss=1">标题<b>不是HTML</b>', start: '2026-09-09', sectionIds: [ids[30]!] });
    const trashed = createEvent(doc, { title: trashTitle, kind: 'meeting', status: 'planned', start: '2026-05-05', sectionIds: [ids[5]!] });
    softDeleteEvent(doc, trashed);
  });
  return { doc, sectionTitles, emptySection, campaignTitles, eventTitles, decemberTitle, trashTitle };
}

/** Go to a route inside the running app (the doc stays loaded; no reload). */
async function navigate(page: Page, url: string): Promise<void> {
  await page.evaluate((u) => {
    history.pushState(null, '', u);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);
}

async function waitReady(page: Page, paper: 'a4' | 'a3'): Promise<void> {
  await page.locator(`[data-testid="print-timeline"].paper-${paper}[data-ready="true"]`).waitFor({ timeout: 30_000 });
}

async function printPdf(page: Page, name: string): Promise<string> {
  const file = path.join(tmp, name);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  if (process.env.TIMELINE_KEEP) {
    fs.mkdirSync(process.env.TIMELINE_KEEP, { recursive: true });
    fs.copyFileSync(file, path.join(process.env.TIMELINE_KEEP, name));
  }
  return file;
}

const MONTHS_ZH = /1月\s+2月\s+3月\s+4月\s+5月\s+6月\s+7月\s+8月\s+9月\s+10月\s+11月\s+12月/;

function checkPdf(file: string, fx: Fixture, size: [number, number]): { pages: number; perPage: string[] } {
  const { pages, sizes } = pdfPages(file);
  expect(sizes).toHaveLength(pages);
  for (const [w, h] of sizes) {
    expect(w).toBeGreaterThan(h); // landscape
    expect(Math.abs(w - size[0]), `${w} x ${h}`).toBeLessThan(1.5);
    expect(Math.abs(h - size[1]), `${w} x ${h}`).toBeLessThan(1.5);
  }
  const perPage = Array.from({ length: pages }, (_, i) => pdftotext(file, ['-layout', '-f', `${i + 1}`, '-l', `${i + 1}`]));
  perPage.forEach((t, i) => {
    expect(t, `month header on page ${i + 1}`).toMatch(MONTHS_ZH);
    expect(squash(t)).toContain('工作要点');
    expect(squash(t)).toContain(`第${i + 1}页，共${pages}页`);
  });
  const all = squash(pdftotext(file, ['-raw']));
  expect(squash(perPage[0]!)).toContain(`${NAME}2026年工作推进图`);
  for (const t of fx.sectionTitles) expect(all, `row ${t}`).toContain(squash(t));
  for (const t of [...fx.campaignTitles, ...fx.eventTitles]) expect(all, `item ${t}`).toContain(squash(t));
  expect(all).toContain('未关联');
  expect(all).toContain('尚无安排');
  expect(all).not.toContain(squash(fx.trashTitle));
  expect(all).not.toContain('返回推进图');
  expect(all).not.toContain('纸张');
  // Legend and the signature line (on the last page).
  for (const t of ['专项活动（已完成/活动数）', '计划时段（日期待定）', '纪念活动']) expect(squash(perPage[0]!)).toContain(t);
  expect(squash(perPage.at(-1)!)).toMatch(/制表：审核：日期：年月日/);
  // Campaign progress: the first campaign has its March–June activities; none done yet is fine, the figure is there.
  expect(all).toMatch(/“强国复兴有我”群众性主题宣传教育活动\d+\/\d+/);
  return { pages, perPage };
}

/** On screen: no item title (or bar) runs past the right edge of its track, and every row is on some sheet. */
async function checkGeometry(page: Page, rows: number): Promise<void> {
  const bad = await page.$$eval('[data-testid="timeline-sheet"] .tl-track', (tracks) => {
    const out: string[] = [];
    for (const t of tracks) {
      const r = t.getBoundingClientRect();
      // The track ends at the sheet's right edge (its content box), not past it.
      const sheet = t.closest('[data-testid="timeline-sheet"]')!;
      const contentRight = sheet.getBoundingClientRect().right - parseFloat(getComputedStyle(sheet).paddingRight);
      if (r.right > contentRight + 0.5) out.push(`track ends at ${r.right}, sheet at ${contentRight}`);
      for (const el of t.querySelectorAll<HTMLElement>('.tl-item-label, .tl-bar')) {
        const b = el.getBoundingClientRect();
        // Text must not spill past its box either.
        const spill = el.classList.contains('tl-item-label') ? el.scrollWidth - el.clientWidth : 0;
        if (b.right > r.right + 0.5 || b.left < r.left - 0.5 || spill > 1) out.push(`${el.textContent} ${b.left}-${b.right} in ${r.left}-${r.right} spill ${spill}`);
      }
    }
    return out;
  });
  expect(bad).toEqual([]);
  const keys = await page.$$eval('[data-testid="print-row"]', (els) => new Set(els.map((e) => e.getAttribute('data-group'))).size);
  expect(keys).toBe(rows);
  // Sheets never overflow their page box.
  const over = await page.$$eval('[data-testid="timeline-sheet"]', (els) =>
    els.filter((s) => s.lastElementChild!.getBoundingClientRect().bottom > s.getBoundingClientRect().bottom - 12 * (96 / 25.4) + 1).length,
  );
  expect(over).toBe(0);
}

describe('print the campaign timeline', () => {
  it('prints every row, the month header on every page, A4 and A3 landscape, nothing cut at the right', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    const ws = randomId();
    const fx = fixture();
    await openMonth(page, app.server.url, ws, '2026-12-01');
    await seedDoc(page, fx.doc);
    await page.evaluate((name) => (globalThis as any).__cc.doc.getMap('meta').set('name', name), NAME);
    await navigate(page, `/w/${ws}/print/timeline/2026`);
    await waitReady(page, 'a4');

    // On screen: the title, the rows (60 sections + 未关联), text never HTML.
    await expect.poll(() => page.getByTestId('print-timeline-title').textContent()).toBe(`${NAME}2026年工作推进图`);
    expect(await page.evaluate(() => (globalThis as any).__xss)).toBeUndefined();
    expect(await page.locator('[data-testid="print-timeline"] img').count()).toBe(0);
    const rowCount = fx.sectionTitles.length + 1;
    expect(fx.sectionTitles.length).toBe(60);
    await checkGeometry(page, rowCount);
    const empty = page.locator('[data-testid="print-row"]').filter({ hasText: fx.emptySection });
    await expect.poll(() => empty.first().textContent()).toContain('尚无安排');
    // The December activity is drawn with its title before the marker (no room after it).
    const dec = page.locator('[data-testid="print-item"]').filter({ hasText: fx.decemberTitle });
    expect(await dec.getAttribute('class')).toMatch(/\btl-side-left\b/);

    if (process.env.TIMELINE_KEEP) await page.screenshot({ path: path.join(process.env.TIMELINE_KEEP, 'screen-a4.png') });
    const a4 = await printPdf(page, 'timeline-a4.pdf');
    const r4 = checkPdf(a4, fx, [841.89, 595.28]);
    expect(r4.pages).toBeGreaterThanOrEqual(2);
    expect(r4.pages).toBe(Number(await page.getByTestId('print-timeline').getAttribute('data-pages')));
    // The title is on the first page only; the December title in full.
    expect(squash(r4.perPage.slice(1).join(''))).not.toContain('年工作推进图');
    expect(squash(r4.perPage.join(''))).toContain(fx.decemberTitle);

    // A3: same content, larger sheets.
    await page.getByTestId('print-paper').selectOption('a3');
    await waitReady(page, 'a3');
    await checkGeometry(page, rowCount);
    const a3 = await printPdf(page, 'timeline-a3.pdf');
    const r3 = checkPdf(a3, fx, [1190.55, 841.89]);
    expect(r3.pages).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
  });

  it('prints one quarter grouped by campaign, and says so when the year is not a year', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const ws = randomId();
    const fx = fixture();
    await openMonth(page, app.server.url, ws, '2026-12-01');
    await seedDoc(page, fx.doc, NAME);
    await navigate(page, `/w/${ws}/print/timeline/2026?quarter=4&groupBy=campaign`);
    await waitReady(page, 'a4');
    await expect.poll(() => page.getByTestId('print-timeline-title').textContent()).toBe(`${NAME}2026年第4季度工作推进图`);
    expect(await page.locator('select[name="groupBy"]').inputValue()).toBe('campaign');
    const groups = await page.$$eval('[data-testid="print-row"]', (els) => [...new Set(els.map((e) => e.getAttribute('data-group')))]);
    expect(groups).toHaveLength(3); // two campaigns and 未关联
    await checkGeometry(page, 3);
    const file = await printPdf(page, 'timeline-q4-campaign.pdf');
    const text = pdftotext(file, ['-layout']);
    expect(text).toMatch(/10月\s+11月\s+12月/);
    expect(text).not.toMatch(/\b9月/);
    const all = squash(pdftotext(file, ['-raw']));
    for (const t of [...fx.campaignTitles, fx.decemberTitle, '新年前夕走访慰问老党员']) expect(all).toContain(squash(t));
    expect(all).not.toContain('青年理论学习小组读书交流');

    await navigate(page, `/w/${ws}/print/timeline/20x6`);
    await page.getByText('无法识别的年份').waitFor();
  });

  it('prints in English when the app is in English', async () => {
    const ctx = await app.newContext({ locale: 'en-GB' });
    await ctx.addInitScript(() => localStorage.setItem('cc.locale', 'en'));
    const page = await ctx.newPage();
    const ws = randomId();
    const fx = fixture();
    await openMonth(page, app.server.url, ws, '2026-12-01');
    await seedDoc(page, fx.doc, NAME);
    await navigate(page, `/w/${ws}/print/timeline/2026?paper=a3`);
    await waitReady(page, 'a3');
    await expect.poll(() => page.getByTestId('print-timeline-title').textContent()).toBe(`${NAME} — Work timeline 2026`);
    await checkGeometry(page, fx.sectionTitles.length + 1);
    const file = await printPdf(page, 'timeline-a3-en.pdf');
    const { pages } = pdfPages(file);
    const perPage = Array.from({ length: pages }, (_, i) => pdftotext(file, ['-layout', '-f', `${i + 1}`, '-l', `${i + 1}`]));
    perPage.forEach((t, i) => {
      expect(t).toMatch(/Jan\s+Feb\s+Mar\s+Apr\s+May\s+Jun\s+Jul\s+Aug\s+Sep\s+Oct\s+Nov\s+Dec/);
      expect(t).toContain(`Page ${i + 1} of ${pages}`);
    });
    const all = squash(pdftotext(file, ['-raw']));
    expect(all).toContain('Nothingscheduled');
    expect(all).toContain('Notlinked');
    for (const t of fx.sectionTitles) expect(all).toContain(squash(t));
  });
});
