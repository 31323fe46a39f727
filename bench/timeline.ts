/**
 * Timeline benchmark: the built app in headless Chromium with 300 campaigns and 10,000
 * activities over a 60-section plan. Prints navigation → first bar drawn (5 loads), zoom
 * switch (click → chart redrawn, over 9 switches), and frame times while scrolling the
 * rows and while dragging a bar (requestAnimationFrame intervals, p50/p95), each against
 * the same measure on an empty workspace in the same run. Asserts nothing.
 *
 *   npm run bench -- timeline
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { launchChromium } from '../test/browser/helpers/chromium';
import { crowdedTimelineDoc } from '../test/helpers/timeline-seed';
import { startServer } from '../test/helpers/start-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist', 'client');
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * (xs.length - 1) + 0.5))] ?? NaN;
const fmt = (xs: number[]) => `median ${q(xs, 0.5).toFixed(1)} ms, p95 ${q(xs, 0.95).toFixed(1)} ms`;

// Scripts go in as strings: tsx would wrap inline functions with helpers the page lacks.
const FIRST_BAR = `new Promise((resolve) => {
  const check = () => (document.querySelector('[data-testid="timeline-item"]') ? resolve(performance.now()) : requestAnimationFrame(check));
  check();
})`;

/** Click a zoom button and wait two frames (Solid renders synchronously; the second frame is painted). */
const ZOOM = (zoom: string) => `(async () => {
  const t = performance.now();
  document.querySelector('[data-zoom="${zoom}"]').click();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t;
})()`;

/** Scrolls the chart 30 px a frame for 90 frames; returns the frame intervals. */
const SCROLL = `(async () => {
  const el = document.querySelector('[data-testid="timeline"]');
  el.scrollTop = 0;
  const gaps = [];
  let last = performance.now();
  for (let i = 0; i < 90; i++) {
    el.scrollTop += 30;
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }
  return gaps;
})()`;

const FRAMES_START = `(() => {
  window.__gaps = [];
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    window.__gaps.push(now - last);
    last = now;
    if (!window.__stop) requestAnimationFrame(tick);
  };
  window.__stop = false;
  requestAnimationFrame(tick);
})()`;
const FRAMES_STOP = `(() => { window.__stop = true; return window.__gaps.slice(1); })()`;

async function seed(page: Page, doc: Y.Doc | null) {
  await page.waitForFunction(() => (globalThis as { __cc?: unknown }).__cc);
  if (!doc) return;
  await page.evaluate(async (bytes) => {
    const cc = (globalThis as unknown as { __cc: { applyUpdate(u: Uint8Array): void; settled(): Promise<void> } }).__cc;
    cc.applyUpdate(new Uint8Array(bytes));
    await cc.settled();
  }, Array.from(Y.encodeStateAsUpdate(doc)));
  await page.waitForTimeout(1500);
}

async function measure(page: Page, url: string, withData: boolean) {
  const firstPaints: number[] = [];
  for (let i = 0; i < (withData ? 5 : 1); i++) {
    await page.goto(url);
    await page.getByTestId('timeline').waitFor();
    if (withData) firstPaints.push((await page.evaluate(FIRST_BAR)) as number);
  }
  if (withData) {
    const marks = (await page.evaluate(`performance.getEntriesByType('mark').filter((m) => m.name.startsWith('cc:')).map((m) => m.name.slice(3) + ' ' + m.startTime.toFixed(0))`)) as string[];
    console.log(`  last load: ${marks.join(', ')}, first bar ${firstPaints.at(-1)!.toFixed(0)}`);
  }
  await page.waitForTimeout(1000); // the doc loads after first paint: campaigns join then
  const zooms: number[] = [];
  for (const z of ['quarter', 'month', 'year', 'quarter', 'month', 'year', 'quarter', 'month', 'year']) zooms.push((await page.evaluate(ZOOM(z))) as number);
  const scroll = (await page.evaluate(SCROLL)) as number[];
  // Drag a bar in view 300 px right and back, in 60 steps.
  let drag: number[] = [];
  await page.evaluate('document.querySelector(\'[data-testid="timeline"]\').scrollTop = 0');
  await page.waitForTimeout(200);
  const box = (await page.evaluate(`(() => {
    const view = document.querySelector('[data-testid="timeline"]').getBoundingClientRect();
    for (const el of document.querySelectorAll('[data-testid="timeline-item"][data-type="campaign"]')) {
      const r = el.getBoundingClientRect();
      if (r.width > 20 && r.top > view.top + 80 && r.bottom < view.bottom && r.left > view.left + 270 && r.right < view.right - 320) return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  })()`)) as { x: number; y: number; width: number; height: number } | null;
  if (withData && box) {
    await page.evaluate(FRAMES_START);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) await page.mouse.move(box.x + box.width / 2 + i * 10, box.y + box.height / 2);
    for (let i = 29; i >= 0; i--) await page.mouse.move(box.x + box.width / 2 + i * 10, box.y + box.height / 2);
    await page.keyboard.press('Escape');
    drag = (await page.evaluate(FRAMES_STOP)) as number[];
    await page.mouse.up(); // back where it started: no change
  }
  const domRows = (await page.evaluate('document.querySelectorAll(\'[data-testid="timeline-group"]\').length')) as number;
  return { firstPaints, zooms, scroll, drag, domRows };
}

export async function runTimelineBench(): Promise<void> {
  const doc = crowdedTimelineDoc({ campaigns: 300, events: 10_000, sections: 60 });
  const server = await startServer({ staticDir: dist });
  const browser = await launchChromium();
  try {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, timezoneId: 'Asia/Shanghai' });
    const page = await ctx.newPage();
    const urlOf = (ws: string) => `${server.url}/w/${ws}/timeline?zoom=year&date=2026-01-01&groupBy=section`;

    const emptyUrl = urlOf(`bench-tl-empty-${Date.now().toString(36)}`);
    await page.goto(emptyUrl);
    await seed(page, null);
    const empty = await measure(page, emptyUrl, false);

    const url = urlOf(`bench-tl-${Date.now().toString(36)}`);
    await page.goto(url);
    await seed(page, doc);
    const full = await measure(page, url, true);

    console.log('timeline, 300 campaigns + 10,000 activities, 60 sections (empty workspace in brackets):');
    console.log(`  first bar drawn after navigation (5 loads): ${fmt(full.firstPaints)}`);
    console.log(`  zoom switch (9): ${fmt(full.zooms)}  [${fmt(empty.zooms)}]; first visits: quarter ${full.zooms[0]!.toFixed(1)} ms, month ${full.zooms[1]!.toFixed(1)} ms, year again ${full.zooms[2]!.toFixed(1)} ms`);
    console.log(`  frame interval while scrolling rows (90 frames): ${fmt(full.scroll)}  [${fmt(empty.scroll)}]; rows in the DOM: ${full.domRows} of 61+`);
    console.log(`  frame interval while dragging a bar (60 moves): ${fmt(full.drag)}`);
  } finally {
    await browser.close();
    await server.kill();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runTimelineBench();
