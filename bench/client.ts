/**
 * Client benchmark: the built app in headless Chromium with a 10,000-event workspace.
 * Prints first calendar paint, month-switch median/p95 over 12 months, JS heap, and the
 * gzip size of the JS the calendar page loads before first paint.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { startServer } from '../test/helpers/start-server';
import { launchChromium } from '../test/browser/helpers/chromium';
import { seedWorkspace } from './seed-workspace';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist', 'client');

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** JS and CSS the entry HTML loads eagerly (entry script, modulepreloads, stylesheets), gzip-compressed. */
function initialAssetSizes(): { js: number; css: number; files: string[] } {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let js = 0;
  let css = 0;
  for (const ref of refs) {
    const size = zlib.gzipSync(fs.readFileSync(path.join(dist, ref)), { level: 9 }).length;
    if (ref.endsWith('.js')) js += size;
    else css += size;
  }
  return { js, css, files: refs };
}

const FIRST_EVENT_PAINT = `new Promise((resolve) => {
  const check = () => {
    if (document.querySelector('[data-testid="calendar"] .cc-event')) resolve(performance.now());
    else requestAnimationFrame(check);
  };
  check();
})`;

const NEXT_MONTH = `(async () => {
  const titleEl = document.querySelector('[data-testid="view-title"]');
  const before = titleEl.textContent;
  const t = performance.now();
  document.querySelector('button[aria-label="next"]').click();
  await new Promise((resolve) => {
    const check = () => {
      const changed = document.querySelector('[data-testid="view-title"]').textContent !== before;
      if (changed && document.querySelector('[data-testid="calendar"] .cc-event')) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
  // One more frame: the browser has painted what the events produced.
  await new Promise((r) => requestAnimationFrame(() => r()));
  return performance.now() - t;
})()`;

export async function runClientBench(): Promise<void> {
  if (!process.env.SKIP_BUILD) execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const sizes = initialAssetSizes();
  console.log(`initial page: JS ${(sizes.js / 1024).toFixed(1)} KB gzip, CSS ${(sizes.css / 1024).toFixed(1)} KB gzip (${sizes.files.length} files)`);

  const t0 = performance.now();
  const doc = seedWorkspace(10_000);
  const update = Y.encodeStateAsUpdate(doc);
  console.log(`seeded 10,000 events in ${ms(performance.now() - t0)}; update ${(update.length / 1024).toFixed(0)} KB`);

  const server = await startServer({ staticDir: dist });
  const browser = await launchChromium();
  try {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, timezoneId: 'Asia/Shanghai' });
    const page = await ctx.newPage();
    const ws = `bench-${Date.now().toString(36)}`;
    const url = `${server.url}/w/${ws}?view=month&date=2026-01-01`;
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as { __cc?: unknown }).__cc);
    await page.evaluate(async (bytes) => {
      const cc = (globalThis as unknown as { __cc: { applyUpdate(u: Uint8Array): void; settled(): Promise<void> } }).__cc;
      cc.applyUpdate(new Uint8Array(bytes));
      await cc.settled();
    }, Array.from(update));
    // Let y-dexie write the update before measuring cold opens.
    await page.waitForTimeout(1500);

    const firstPaints: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(url);
      // Scripts go in as strings: tsx would wrap inline functions with helpers the page lacks.
      const t = (await page.evaluate(FIRST_EVENT_PAINT)) as number;
      firstPaints.push(t);
      const marks = (await page.evaluate(`performance.getEntriesByType('mark').filter((m) => m.name.startsWith('cc:')).map((m) => m.name.slice(3) + ' ' + m.startTime.toFixed(0))`)) as string[];
      if (i === 4) console.log(`  last load: ${marks.join(', ')}, first event ${t.toFixed(0)}`);
    }
    console.log(`first calendar paint (navigation start → first event drawn, 5 loads): median ${ms(quantile(firstPaints, 0.5))}, min ${ms(Math.min(...firstPaints))}, max ${ms(Math.max(...firstPaints))}`);

    // Month switching is measured once the workspace has fully loaded (steady state).
    await page.waitForFunction(`performance.getEntriesByName('cc:doc-loaded').length > 0`, undefined, { timeout: 60_000 });
    await page.waitForTimeout(500);
    const switches: number[] = [];
    for (let m = 0; m < 12; m++) {
      const dt = (await page.evaluate(NEXT_MONTH)) as number;
      switches.push(dt);
    }
    const measures = (await page.evaluate(`performance.getEntriesByType('measure').filter((m) => m.name.startsWith('cc:')).map((m) => [m.name, m.duration])`)) as [string, number][];
    for (const name of ['cc:query', 'cc:inputs']) {
      const xs = measures.filter(([n]) => n === name).map(([, d]) => d);
      if (xs.length) console.log(`  ${name.slice(3)} per fetch: median ${ms(quantile(xs, 0.5))}, p95 ${ms(quantile(xs, 0.95))}`);
    }
    const writes = (await page.evaluate(`performance.getEntriesByName('cc:index-write').map((m) => m.detail)`)) as number[];
    console.log(`  index writes during this page's life: ${writes.length} (${writes.reduce((a, b) => a + b, 0)} ids)`);
    console.log(`month switch over 12 months: median ${ms(quantile(switches, 0.5))}, p95 ${ms(quantile(switches, 0.95))}, max ${ms(Math.max(...switches))}`);

    const cdp = await ctx.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0;
    console.log(`JS heap after browsing 12 months: ${(heap / 1024 / 1024).toFixed(1)} MB`);
  } finally {
    await browser.close();
    await server.kill();
  }
}
