/**
 * Timeline benchmark: the built app in headless Chromium with 300 campaigns and 10,000
 * activities over a 60-section plan. Prints navigation → first bar drawn (5 loads), zoom
 * switch (click → chart redrawn, over 9 switches), and frames while scrolling the rows and
 * while dragging a bar (main-thread work per frame and frame intervals, p50/p95; see
 * FRAMES_START), each against the same measure on an empty workspace in the same run.
 * Asserts nothing.
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
/**
 * Installed before the page's own scripts: notes when the first bar is on screen, i.e. when
 * the frame that first holds one has been rendered (a message posted from that frame's
 * requestAnimationFrame callback runs once its style, layout and paint are done).
 */
const WATCH_FIRST_BAR = `new MutationObserver((_, observer) => {
  if (!document.querySelector('[data-testid="timeline-item"]')) return;
  observer.disconnect();
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (window.__firstBar = performance.now());
    channel.port2.postMessage(0);
  });
}).observe(document, { childList: true, subtree: true });`;
const FIRST_BAR = `new Promise((resolve) => {
  const check = () => (window.__firstBar ? resolve(window.__firstBar) : setTimeout(check, 10));
  check();
})`;

const DOC_LOADED = `new Promise((resolve) => {
  const check = () => (performance.getEntriesByName('cc:doc-loaded').length ? window.__cc.settled().then(resolve) : setTimeout(check, 20));
  check();
})`;

/** Click a zoom button and wait two frames (Solid renders synchronously; the second frame is painted). */
const ZOOM = (zoom: string) => `(async () => {
  const t = performance.now();
  document.querySelector('[data-zoom="${zoom}"]').click();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t;
})()`;

/**
 * Records two things per frame until FRAMES_STOP: the interval between frames (what the eye
 * sees; on this machine's 60 Hz clock it is quantised to 16.7 ms and jitters even on an empty
 * page), and the main-thread work of the frame: from its first input or scroll handler (or
 * its requestAnimationFrame callback) to the end of style, layout and paint, which a message
 * posted from the rAF callback marks (it runs as the next task, once the frame is rendered).
 * The work is what the 16 ms frame budget is about.
 */
const FRAMES_START = `(() => {
  const w = window;
  w.__gaps = [];
  w.__work = [];
  w.__stop = false;
  let frameStart;
  const mark = () => { frameStart ??= performance.now(); };
  w.__mark = mark;
  for (const type of ['scroll', 'pointermove', 'mousemove', 'wheel']) window.addEventListener(type, mark, { capture: true, passive: true });
  const channel = new MessageChannel();
  channel.port1.onmessage = (e) => w.__work.push(performance.now() - e.data);
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    w.__gaps.push(now - last);
    last = now;
    const start = Math.min(frameStart ?? now, now);
    frameStart = undefined;
    channel.port2.postMessage(start);
    if (!w.__stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const FRAMES_STOP = `new Promise((resolve) => setTimeout(() => { window.__stop = true; resolve({ gaps: window.__gaps.slice(1), work: window.__work.slice(1) }); }, 50))`;
type Frames = { gaps: number[]; work: number[] };

/** Scrolls the chart 30 px a frame for 90 frames (the scroll handler of each frame starts its work). */
const SCROLL = `(async () => {
  const el = document.querySelector('[data-testid="timeline"]');
  el.scrollTop = 0;
  await new Promise((r) => requestAnimationFrame(r));
  for (let i = 0; i < 90; i++) {
    el.scrollTop += 30;
    await new Promise((r) => requestAnimationFrame(r));
  }
})()`;

async function seed(page: Page, doc: Y.Doc | null) {
  await page.waitForFunction(() => (globalThis as { __cc?: unknown }).__cc);
  if (!doc) return;
  await page.evaluate(async (bytes) => {
    const cc = (globalThis as unknown as { __cc: { applyUpdate(u: Uint8Array): void; settled(): Promise<void> } }).__cc;
    cc.applyUpdate(new Uint8Array(bytes));
    await cc.settled();
  }, Array.from(Y.encodeStateAsUpdate(doc)));
  await page.waitForTimeout(2500); // the events' snapshot is written after 2 s of quiet
}

async function measure(page: Page, url: string, withData: boolean) {
  const firstPaints: number[] = [];
  for (let i = 0; i < (withData ? 5 : 1); i++) {
    await page.goto(url);
    await page.getByTestId('timeline').waitFor();
    if (withData) firstPaints.push((await page.evaluate(FIRST_BAR)) as number);
    // The doc loads after the first paint, holding the main thread a while: the next load (and
    // the measures below) start once it is done, or the navigation would wait for it.
    await page.evaluate(DOC_LOADED);
  }
  if (withData) {
    const marks = (await page.evaluate(`performance.getEntriesByType('mark').filter((m) => m.name.startsWith('cc:')).map((m) => m.name.slice(3) + ' ' + m.startTime.toFixed(0))`)) as string[];
    console.log(`  last load: ${marks.join(', ')}, first bar ${firstPaints.at(-1)!.toFixed(0)}`);
  }
  await page.waitForTimeout(500);
  const zooms: number[] = [];
  for (const z of ['quarter', 'month', 'year', 'quarter', 'month', 'year', 'quarter', 'month', 'year']) zooms.push((await page.evaluate(ZOOM(z))) as number);
  await page.evaluate(FRAMES_START);
  await page.evaluate(SCROLL);
  const scroll = (await page.evaluate(FRAMES_STOP)) as Frames;
  // Drag a bar in view 300 px right and back, in 60 steps.
  let drag: Frames = { gaps: [], work: [] };
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
    drag = (await page.evaluate(FRAMES_STOP)) as Frames;
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
    await ctx.addInitScript({ content: WATCH_FIRST_BAR });
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
    const over = (xs: number[]) => `${xs.filter((x) => x > 16.7).length} of ${xs.length} over 16.7 ms`;
    console.log(`  main-thread work per frame while scrolling rows: ${fmt(full.scroll.work)} (${over(full.scroll.work)})  [${fmt(empty.scroll.work)}]; rows in the DOM: ${full.domRows} of 61+`);
    console.log(`    frame interval: ${fmt(full.scroll.gaps)}  [${fmt(empty.scroll.gaps)}]`);
    console.log(`  main-thread work per frame while dragging a bar (60 moves): ${fmt(full.drag.work)} (${over(full.drag.work)})`);
    console.log(`    frame interval: ${fmt(full.drag.gaps)}`);
  } finally {
    await browser.close();
    await server.kill();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runTimelineBench();
