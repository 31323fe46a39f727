/**
 * Print benchmark: the built app in headless Chromium prints December 2026 of a workspace with
 * 60 and with 300 activities (long titles, a crowded day, a weekly series). For each: time from
 * opening the print route to the page ready (table and grid laid out and fitted), time for
 * page.pdf() with the page's own CSS, and the number of pages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { startServer } from '../test/helpers/start-server';
import { launchChromium } from '../test/browser/helpers/chromium';
import { printFixture } from '../test/fixtures/print/month-workspace';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist', 'client');

export interface PrintBenchResult {
  activities: number;
  rows: number;
  pages: number;
  readyMs: number;
  pdfMs: number;
}

export async function runPrintBench(sizes: number[] = [60, 300]): Promise<PrintBenchResult[]> {
  if (!process.env.SKIP_BUILD) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
  const server = await startServer({ staticDir: dist });
  const browser = await launchChromium();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-print-bench-'));
  const results: PrintBenchResult[] = [];
  try {
    for (const n of sizes) {
      const fx = printFixture(n);
      const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
      const page = await ctx.newPage();
      const ws = `bench-print-${n}-${Date.now().toString(36)}`;
      await page.goto(`${server.url}/w/${ws}?view=month&date=2026-12-01`);
      await page.getByTestId('calendar').waitFor();
      const update = Array.from(Y.encodeStateAsUpdate(fx.doc));
      await page.evaluate((u) => {
        const cc = (globalThis as any).__cc;
        cc.applyUpdate(new Uint8Array(u));
        cc.doc.getMap('meta').set('name', '市直机关工委宣传部');
      }, update);
      await page.evaluate(() => (globalThis as any).__cc.settled());

      const t0 = performance.now();
      await page.getByTestId('exchange-menu').click();
      await page.getByTestId('print-month').click();
      await page.locator('[data-testid="print-page"][data-ready="true"]').waitFor({ timeout: 60_000 });
      const readyMs = performance.now() - t0;
      const rows = await page.getByTestId('print-table').locator('tbody tr').count();

      const file = path.join(tmp, `month-${n}.pdf`);
      const t1 = performance.now();
      await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
      const pdfMs = performance.now() - t1;
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
      if (process.env.PRINT_BENCH_KEEP) fs.copyFileSync(file, path.join(process.env.PRINT_BENCH_KEEP, `month-${n}.pdf`));
      results.push({ activities: n, rows, pages, readyMs, pdfMs });
      console.log(
        `${n} activities (${rows} table rows): ${pages} pages; print page ready ${(readyMs / 1000).toFixed(2)} s, page.pdf ${(pdfMs / 1000).toFixed(2)} s, total ${((readyMs + pdfMs) / 1000).toFixed(2)} s`,
      );
      await ctx.close();
    }
  } finally {
    await browser.close();
    await server.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return results;
}
