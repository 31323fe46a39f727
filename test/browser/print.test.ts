/**
 * The print route in real Chromium: a 60-activity December printed to PDF with the page's own
 * CSS (preferCSSPageSize), read back with poppler (pdftotext, pdfinfo).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { seedDoc } from './helpers/seed';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { openMonth } from './helpers/calendar';
import { printFixture, type PrintFixture } from '../fixtures/print/month-workspace';

let app: AppHarness;
let tmp: string;

beforeAll(async () => {
  app = await startApp();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-print-'));
});
afterAll(async () => {
  await app?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const seed = (page: Page, fx: PrintFixture) => seedDoc(page, fx.doc, fx.name);

const pdftotext = (file: string, args: string[] = []) =>
  execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
const squash = (s: string) => s.replace(/\s+/g, '');
const count = (hay: string, needle: string) => hay.split(needle).length - 1;

function pdfPages(file: string): { pages: number; sizes: string[] } {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+(.+)$/gm)].map((m) => m[1].trim());
  return { pages, sizes };
}

async function openPrint(page: Page, ws: string, month: string): Promise<void> {
  await page.getByTestId('exchange-menu').click();
  await page.getByTestId('print-month').click();
  await page.waitForURL(`**/w/${ws}/print/month/${month}`);
  await page.locator('[data-testid="print-page"][data-ready="true"]').waitFor({ timeout: 30_000 });
}

describe('print the month', () => {
  it('prints every activity of the month, and nothing else, as A4 landscape pages', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    const ws = randomId();
    const fx = printFixture(60);
    await openMonth(page, app.server.url, ws, '2026-12-01');
    await seed(page, fx);
    await openPrint(page, ws, fx.month);

    // On screen: the title uses the workspace name; hostile titles are text.
    await expect.poll(() => page.getByTestId('print-table').locator('h1').textContent()).toBe('市直机关工委宣传部 2026年12月活动安排表');
    expect(await page.evaluate(() => (globalThis as any).__xss)).toBeUndefined();
    expect(await page.getByTestId('print-table').locator('tbody tr').count()).toBe(fx.titles.length + 3 /* weekly */);

    const file = path.join(tmp, 'month.pdf');
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    if (process.env.PRINT_KEEP) fs.copyFileSync(file, process.env.PRINT_KEEP);
    const { pages, sizes } = pdfPages(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(sizes).toHaveLength(pages);
    for (const size of sizes) {
      // A4 landscape is 841.89 × 595.28 pt; Chromium rounds the page to whole CSS pixels.
      const [w, h] = size.split(' x ').map((v) => parseFloat(v));
      expect(Math.abs(w - 841.89), size).toBeLessThan(1);
      expect(Math.abs(h - 595.28), size).toBeLessThan(1);
    }

    // Table pages come first; the grid starts on the page with its title.
    const perPage = Array.from({ length: pages }, (_, i) => pdftotext(file, ['-layout', '-f', `${i + 1}`, '-l', `${i + 1}`]));
    const firstGrid = perPage.findIndex((t) => squash(t).includes('2026年12月活动日历'));
    expect(firstGrid).toBeGreaterThanOrEqual(2); // a 60-row table needs more than one page
    for (let i = 0; i < firstGrid; i++) {
      expect(perPage[i]).toMatch(/序号\s+时间\s+活动内容\s+地点\s+牵头单位\s+参加对象\s+备注/);
      expect(squash(perPage[i])).toContain(`第${i + 1}页，共${pages}页`);
    }
    expect(squash(perPage[firstGrid - 1])).toMatch(/制表：审核：日期：年月日/);
    expect(squash(perPage[0])).toContain('市直机关工委宣传部2026年12月活动安排表');

    const raw = (from: number, to: number) => squash(pdftotext(file, ['-raw', '-f', `${from}`, '-l', `${to}`]));
    const tableText = raw(1, firstGrid);
    const gridText = raw(firstGrid + 1, pages);
    for (const title of fx.titles) {
      expect(tableText, `table: ${title}`).toContain(squash(title));
      expect(gridText, `grid: ${title}`).toContain(squash(title));
    }
    // Every instance of the weekly series (the skipped week excluded), in both views.
    expect(count(tableText, fx.recurringTitle)).toBe(fx.recurringDays.length);
    expect(count(gridText, fx.recurringTitle)).toBe(fx.recurringDays.length);
    for (const d of ['12月4日（周五）', '12月11日（周五）', '12月18日（周五）']) expect(tableText).toContain(`${d}`);
    // The multi-day exhibition is on each of its five days in the grid.
    expect(count(gridText, squash(fx.titles[0]))).toBe(5);
    // Nothing from other months or the trash; no screen controls on paper.
    const all = raw(1, pages);
    expect(all).not.toContain(squash(fx.otherMonthTitle));
    expect(all).not.toContain(squash(fx.trashTitle));
    expect(all).not.toContain('返回日历');
    expect(all).not.toContain('打印内容');
    // Lunar dates in the table and the grid; holiday marks are in the legend.
    expect(tableText).toContain('（十月廿六）'); // 2026-12-04
    expect(gridText).toContain('冬至');
    expect(errors).toEqual([]);
  });

  it('prints only the parts chosen, and keeps every activity of a crowded day when type grows', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const ws = randomId();
    const fx = printFixture(60);
    await openMonth(page, app.server.url, ws, '2026-12-01');
    await seed(page, fx);
    await openPrint(page, ws, fx.month);

    await page.getByTestId('type-size').selectOption('large');
    await page.getByTestId('part-table').uncheck();
    await page.locator('[data-testid="print-page"][data-ready="true"]').waitFor();
    const file = path.join(tmp, 'grid.pdf');
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    const text = squash(pdftotext(file, ['-raw']));
    expect(text).not.toContain('活动安排表');
    for (const title of fx.titles) expect(text).toContain(squash(title));
    // The busy day's cell continues below the grid rather than dropping anything.
    const busy = page.locator(`.pg-cell[data-date="${fx.busyDay}"]`);
    expect(await busy.locator('.pg-more').count()).toBe(1);
    await page.getByTestId('print-grid-notes').waitFor();
    // Cells never overflow their box.
    const overflowing = await page.$$eval('.pg-items', (els) => els.filter((e) => e.scrollHeight > e.clientHeight + 1).length);
    expect(overflowing).toBe(0);

    // A kind filter leaves that kind out.
    await page.getByTestId('part-table').check();
    const before = await page.getByTestId('print-table').locator('tbody tr').count();
    await page.locator('input[data-kind="study"]').uncheck();
    await expect.poll(() => page.getByTestId('print-table').locator('tbody tr').count()).toBeLessThan(before - 2);
    expect(await page.getByTestId('print-table').getByText(fx.recurringTitle).count()).toBe(0);
  });

  it('opens the print route directly after a reload, and a bad month says so', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const ws = randomId();
    const fx = printFixture(12);
    await openMonth(page, app.server.url, ws, '2026-12-01');
    await seed(page, fx);
    await page.goto(`${app.server.url}/w/${ws}/print/month/2026-12`);
    await page.locator('[data-testid="print-page"][data-ready="true"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('print-table').locator('tbody tr').count()).toBe(fx.titles.length + 3);
    await page.goto(`${app.server.url}/w/${ws}/print/month/2026-13`);
    await page.getByText('无法识别的月份').waitFor();
  });
});
