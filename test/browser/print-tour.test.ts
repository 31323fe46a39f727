/**
 * A lecture team's printed year schedule (宣讲安排表) in real Chromium: a team with 40-odd
 * sessions at eight host units (a weekly series among them, two hostile titles) printed to PDF
 * with the page's own CSS (A4 landscape, preferCSSPageSize) and read back with poppler
 * (pdftotext, pdfinfo); after a reload; in English; and its .xlsx download read with exceljs.
 *
 * `TOUR_KEEP=<dir>` keeps the PDFs (look at them with `pdftoppm -png -r 70`) and a screenshot of the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { seedDoc } from './helpers/seed';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { openMonth } from './helpers/calendar';
import { createEvent, createTeam, createUnit, initWorkspaceDoc, softDeleteEvent, SYSTEM_ORIGIN } from '../../shared/src/schema';
import type { EventFields, UnitCategory } from '../../shared/src/schema/types';
import { todayIn } from '../../shared/src/time/dates';

let app: AppHarness;
let tmp: string;

/** poppler's tools read the PDF back; without them this file cannot check anything. */
function requirePoppler(): void {
  for (const tool of ['pdftotext', 'pdfinfo']) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch {
      throw new Error(
        `The tour print test reads the PDF with poppler's ${tool}, which is not installed. ` +
          'Install poppler-utils: apt-get install -y poppler-utils (macOS: brew install poppler).',
      );
    }
  }
}

beforeAll(async () => {
  requirePoppler();
  app = await startApp();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-print-tour-'));
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

const NAME = '市委宣传部';
const TEAM = '市委理论宣讲团第一分团';
const XSS = '<img src=x onerror=alert(1)>';
const FORMULA = "=cmd|' /C calc'!A0";
const SERIES = '“理论微课堂”每周三晚间线上宣讲';

interface Fixture {
  doc: Y.Doc;
  teamId: string;
  /** Titles of one-off sessions (each one row). */
  titles: string[];
  /** Rows expected in 2026. */
  rows: number;
  absent: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function fixture(): Fixture {
  const doc = new Y.Doc();
  initWorkspaceDoc(doc, { name: NAME });
  const o = (id: string) => ({ origin: SYSTEM_ORIGIN, id });
  const teamId = 't-main';
  const titles: string[] = [];
  const absent: string[] = [];
  doc.transact(() => {
    createTeam(doc, { name: TEAM, topic: '学习贯彻党的二十届四中全会精神', members: ['张伟', '李娜', '王强', '赵敏'], color: '#b71c1c' }, o(teamId));
    createTeam(doc, { name: '百姓名嘴宣讲团', members: ['孙丽'] }, o('t-other'));
    const units: [string, UnitCategory, string, string?][] = [
      ['市第一中学', 'school', '人民路1号', '王老师 0571-88000001'],
      ['东湖村', 'village', '东湖镇东湖村村委会'],
      ['幸福里社区', 'community', '幸福路88号社区党群服务中心', '刘书记 13800000002'],
      ['市机械集团有限公司', 'enterprise', '经济开发区创业大道19号', '+86 138 0000 0003'],
      ['市财政局', 'agency', '市民中心B座', '办公室 88000004'],
      ['城南街道', 'community', '城南路6号'],
      ['市职业技术学院', 'school', '大学城学院路2号', '团委 88000006'],
      ['西山镇', 'village', '西山镇政府大院'],
    ];
    units.forEach(([name, category, address, contact], i) =>
      createUnit(doc, { name, category, target: true, address, ...(contact ? { contact } : {}) }, o(`u${i}`)),
    );
    const session = (id: string, f: Partial<EventFields> & Pick<EventFields, 'title' | 'start'>) =>
      createEvent(doc, { kind: 'lecture', status: 'confirmed', teamId, ...f }, o(id));
    const topics = ['坚定不移走中国特色社会主义政治发展道路', '以中国式现代化全面推进强国建设', '推动高质量发展', '深化全面从严治党', '弘扬社会主义核心价值观', '乡村全面振兴'];
    for (let i = 0; i < 36; i++) {
      const month = 1 + Math.floor(i / 3);
      const day = 4 + (i % 3) * 9;
      const title = `${topics[i % topics.length]}专题宣讲第${i + 1}场`;
      titles.push(title);
      session(`s${i}`, {
        title,
        start: i % 5 === 4 ? `2026-${pad(month)}-${pad(day)}` : `2026-${pad(month)}-${pad(day)}T${i % 2 ? '14:30' : '09:00'}`,
        ...(i % 5 === 4 ? {} : { end: `2026-${pad(month)}-${pad(day)}T${i % 2 ? '16:00' : '10:30'}` }),
        hostUnitId: `u${i % 8}`,
        speakers: [['张伟', '李娜', '王强', '赵敏'][i % 4]!, ...(i % 3 === 0 ? ['李娜'] : [])],
        participants: ['全体党员干部', '师生代表200人', '村“两委”成员及党员群众', '社区居民', '企业职工'][i % 5],
        ...(i % 4 === 1 ? { location: '单位三楼报告厅' } : {}),
        ...(i % 6 === 2 ? { contact: '宣讲团联络员 陈晨 13900000009' } : {}),
        ...(i % 7 === 0 ? { status: 'done' as const, audience: 120 } : {}),
      });
    }
    // Hostile titles: text on the page, text in the workbook.
    session('x-html', { title: XSS, start: '2026-06-18T09:00', end: '2026-06-18T10:00', hostUnitId: 'u2', speakers: ['张伟'] });
    session('x-formula', { title: FORMULA, start: '2026-06-19T09:00', end: '2026-06-19T10:00', hostUnitId: 'u3', speakers: ['李娜'] });
    titles.push(XSS, FORMULA);
    // Four Wednesdays of September, online.
    session('series', { title: SERIES, start: '2026-09-02T19:30', end: '2026-09-02T20:30', rrule: 'FREQ=WEEKLY;COUNT=4', location: '线上（腾讯会议）', speakers: ['王强', '赵敏'] });
    // Not on the schedule: cancelled, deleted, another team's, another year's.
    const out = (id: string, title: string, f: Partial<EventFields> = {}) => {
      absent.push(title);
      return session(id, { title, start: '2026-07-07T09:00', hostUnitId: 'u0', ...f });
    };
    out('cancelled', '已取消的宣讲（不应出现）', { status: 'cancelled' });
    softDeleteEvent(doc, out('deleted', '已删除的宣讲（不应出现）'));
    out('other', '别的宣讲团的宣讲（不应出现）', { teamId: 't-other' });
    out('last-year', '去年的宣讲（不应出现）', { start: '2025-07-07T09:00' });
  });
  return { doc, teamId, titles, rows: titles.length + 4, absent };
}

async function navigate(page: Page, url: string): Promise<void> {
  await page.evaluate((u) => {
    history.pushState(null, '', u);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);
}

async function waitReady(page: Page, rows: number): Promise<void> {
  await page.locator(`[data-testid="print-tour"][data-ready="true"][data-rows="${rows}"]`).waitFor({ timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
}

async function printPdf(page: Page, name: string): Promise<string> {
  const file = path.join(tmp, name);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  if (process.env.TOUR_KEEP) {
    fs.mkdirSync(process.env.TOUR_KEEP, { recursive: true });
    fs.copyFileSync(file, path.join(process.env.TOUR_KEEP, name));
  }
  return file;
}

const HEADER_ZH = '序号时间承办单位/地点宣讲人题目参加对象联系人';
const HEADER_EN = 'No.TimeHostunit/placeSpeakersTopicParticipantsContact';

/** Landscape A4 pages, the header row and the page number on each, every session once and whole. */
function checkPdf(file: string, fx: Fixture, lang: 'zh' | 'en'): { pages: number; perPage: string[] } {
  const { pages, sizes } = pdfPages(file);
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(sizes).toHaveLength(pages);
  for (const [w, h] of sizes) {
    expect(w, `${w} x ${h}`).toBeGreaterThan(h);
    expect(Math.abs(w - 841.89), `${w} x ${h}`).toBeLessThan(1.5);
    expect(Math.abs(h - 595.28), `${w} x ${h}`).toBeLessThan(1.5);
  }
  // -raw: the text in the order Chromium drew it, cell by cell (-layout interleaves the lines of wrapped cells).
  const perPage = Array.from({ length: pages }, (_, i) => squash(pdftotext(file, ['-raw', '-f', `${i + 1}`, '-l', `${i + 1}`])));
  perPage.forEach((t, i) => {
    expect(t, `header row on page ${i + 1}`).toContain(lang === 'zh' ? HEADER_ZH : HEADER_EN);
    expect(t, `page number on page ${i + 1}`).toContain(lang === 'zh' ? `第${i + 1}页，共${pages}页` : `Page${i + 1}of${pages}`);
  });
  // Each one-off session is whole on exactly one page (a row split across pages would be on two, or on none whole).
  for (const title of fx.titles) {
    const on = perPage.filter((t) => t.includes(squash(title))).length;
    expect(on, `pages holding ${title}`).toBe(1);
  }
  const all = perPage.join('');
  expect(all.split(squash(SERIES)).length - 1).toBe(4);
  for (const t of fx.absent) expect(all).not.toContain(squash(t));
  // The title on the first page only; the signature line at the end.
  const title = lang === 'zh' ? `${TEAM}宣讲安排表（2026年）` : `${TEAM}—Lectureschedule2026`;
  expect(perPage[0]).toContain(title);
  expect(perPage.slice(1).join('')).not.toContain(title);
  expect(perPage.at(-1)).toMatch(lang === 'zh' ? /制表：审核：日期：年月日/ : /Preparedby:Checkedby:Date:/);
  // Nothing of the screen-only bar.
  expect(all).not.toContain(lang === 'zh' ? '返回宣讲团' : 'Backtoteams');
  expect(all).not.toContain('.xlsx');
  return { pages, perPage };
}

describe('print a lecture team’s schedule', () => {
  it('prints every session as A4 landscape pages with the header row on each, hostile titles as text, after a reload too', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const ws = randomId();
    const fx = fixture();
    await openMonth(page, app.server.url, ws, '2026-05-01');
    await seedDoc(page, fx.doc, NAME);
    await navigate(page, `/w/${ws}/print/team/${fx.teamId}?year=2026`);
    await waitReady(page, fx.rows);

    // On screen: title, sub line, rows in time order, text never HTML.
    await expect.poll(() => page.getByTestId('print-tour-title').textContent()).toBe(`${TEAM}宣讲安排表（2026年）`);
    const rows = page.getByTestId('print-tour-row');
    expect(await rows.count()).toBe(fx.rows);
    const starts = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-start')!));
    expect([...starts].sort()).toEqual(starts);
    expect(await page.locator('[data-testid="print-tour"] img').count()).toBe(0);
    expect(await rows.filter({ hasText: XSS }).count()).toBe(1);
    const first = rows.first();
    expect(await first.locator('td').allTextContents()).toEqual([
      '1',
      '1月4日（周日）\n09:00—10:30',
      '市第一中学人民路1号',
      '张伟、李娜',
      '坚定不移走中国特色社会主义政治发展道路专题宣讲第1场',
      '全体党员干部',
      '王老师 0571-88000001',
    ]);

    if (process.env.TOUR_KEEP) await page.screenshot({ path: path.join(process.env.TOUR_KEEP, 'screen-zh.png') });
    const zh = checkPdf(await printPdf(page, 'tour-zh.pdf'), fx, 'zh');
    expect(dialogs).toEqual([]);

    // The .xlsx: the same rows; the formula-like title is text behind the guard.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`${TEAM}-2026.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(`${TEAM}宣讲安排表（2026年）`);
    expect(sheet.rowCount).toBe(2 + fx.rows + 2);
    const topics = Array.from({ length: fx.rows }, (_, i) => sheet.getRow(3 + i).getCell(5).value);
    expect(topics).toContain(`\u200b${FORMULA}`);
    expect(topics).toContain(XSS);
    expect(topics.filter((t) => t === SERIES)).toHaveLength(4);

    // After a reload the page waits for the doc and prints the same.
    await page.reload();
    await waitReady(page, fx.rows);
    const again = checkPdf(await printPdf(page, 'tour-zh-reloaded.pdf'), fx, 'zh');
    expect(again.pages).toBe(zh.pages);
    expect(errors).toEqual([]);
  });

  it('says so for an unknown team or a year that is not one, and defaults to this year', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const ws = randomId();
    const fx = fixture();
    await openMonth(page, app.server.url, ws, '2026-05-01');
    await seedDoc(page, fx.doc, NAME);
    await navigate(page, `/w/${ws}/print/team/no-such-team?year=2026`);
    await expect.poll(() => page.getByTestId('print-tour-unknown').textContent()).toContain('找不到这个宣讲团（no-such-team）');
    await navigate(page, `/w/${ws}/print/team/${fx.teamId}?year=20x6`);
    await page.getByText('无法识别的年份：20x6').waitFor();
    await navigate(page, `/w/${ws}/print/team/${fx.teamId}`);
    const year = Number(todayIn('Asia/Shanghai').slice(0, 4));
    await expect.poll(() => page.getByTestId('print-tour-title').textContent()).toBe(`${TEAM}宣讲安排表（${year}年）`);
  });

  it('prints in English when the app is in English', async () => {
    const ctx = await app.newContext({ locale: 'en-GB' });
    await ctx.addInitScript(() => localStorage.setItem('cc.locale', 'en'));
    const page = await ctx.newPage();
    const ws = randomId();
    const fx = fixture();
    await openMonth(page, app.server.url, ws, '2026-05-01');
    await seedDoc(page, fx.doc, NAME);
    await navigate(page, `/w/${ws}/print/team/${fx.teamId}?year=2026`);
    await waitReady(page, fx.rows);
    await expect.poll(() => page.getByTestId('print-tour-title').textContent()).toBe(`${TEAM} — Lecture schedule 2026`);
    expect(await page.getByTestId('print-tour-row').first().locator('td').nth(1).textContent()).toBe('Sun 4 Jan\n09:00–10:30');
    checkPdf(await printPdf(page, 'tour-en.pdf'), fx, 'en');
  });
});
