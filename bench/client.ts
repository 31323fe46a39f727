/**
 * Client benchmark: the built app in headless Chromium with a 10,000-event workspace.
 * Prints first calendar paint, month-switch median/p95 over 12 months (after the same loop on
 * an empty workspace, FullCalendar's own floor, and the ratio of the two), the range query's
 * time once the doc has loaded, JS heap, and the gzip size of the JS the calendar page loads
 * before first paint. BENCH_PROFILE=1 also prints where the 10,000-event month switches spend
 * their time (CPU profile over the loop, self time by function).
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

/**
 * Click "next" and wait until the new month's events are drawn: CalendarView marks the root with
 * the range on screen (data-range, from datesSet) and the range whose events FullCalendar has
 * received and rendered (data-events-range). Until they match, the grid may still show the
 * previous fetch's events in the weeks both months share.
 */
const NEXT_MONTH = `(async () => {
  const root = document.querySelector('[data-testid="calendar"]');
  const before = document.querySelector('[data-testid="view-title"]').textContent;
  const t = performance.now();
  document.querySelector('[data-testid="next-period"]').click();
  await new Promise((resolve) => {
    const check = () => {
      const changed = document.querySelector('[data-testid="view-title"]').textContent !== before;
      if (changed && root.dataset.range && root.dataset.eventsRange === root.dataset.range) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
  // One more frame: the browser has painted what the events produced.
  await new Promise((r) => requestAnimationFrame(() => r()));
  return performance.now() - t;
})()`;

const MEASURES = `performance.getEntriesByType('measure').filter((m) => m.name.startsWith('cc:')).map((m) => [m.name, m.duration])`;

type Page = import('playwright-core').Page;

/** Twelve month switches from January, once the workspace has fully loaded (steady state). */
async function monthSwitches(page: Page, beforeLoop?: () => Promise<unknown>): Promise<{ switches: number[]; measures: [string, number][]; indexBuild: [number, number][] }> {
  // (Polled through evaluate: the app's CSP forbids waitForFunction's string form.)
  await page.evaluate(`new Promise((resolve) => {
    const check = () => (performance.getEntriesByName('cc:doc-loaded').length ? resolve() : setTimeout(check, 20));
    check();
  })`);
  await page.waitForTimeout(500);
  // Building the in-memory index from the loaded doc (once per open).
  const indexBuild = (await page.evaluate(`performance.getEntriesByName('cc:index-build').map((m) => [m.duration, m.detail.busy])`)) as [number, number][];
  await page.evaluate(`performance.clearMeasures()`);
  await beforeLoop?.();
  const switches: number[] = [];
  for (let m = 0; m < 12; m++) switches.push((await page.evaluate(NEXT_MONTH)) as number);
  return { switches, measures: (await page.evaluate(MEASURES)) as [string, number][], indexBuild };
}

const summary = (xs: number[]) => `median ${ms(quantile(xs, 0.5))}, p95 ${ms(quantile(xs, 0.95))}, max ${ms(Math.max(...xs))}`;

function printMeasures(measures: [string, number][], when: string): void {
  for (const name of ['cc:query', 'cc:inputs', 'cc:render']) {
    const xs = measures.filter(([n]) => n === name).map(([, d]) => d);
    if (xs.length) console.log(`  ${name.slice(3)} per fetch ${when}: median ${ms(quantile(xs, 0.5))}, p95 ${ms(quantile(xs, 0.95))} (${xs.length} fetches)`);
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/** Time spent in (and under) functions of the given names: readable with a `--minify false` build. */
function inclusiveTimes(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, names: string[]): string[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (names.includes(name) && !seen.has(name)) {
        seen.add(name);
        total.set(name, (total.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      }
    }
  });
  return names.filter((n) => total.has(n)).map((n) => `${total.get(n)!.toFixed(1).padStart(7)} ms  ${n} (inclusive)`);
}

/** Self time by function over a CPU profile, largest first. */
function topSelfTimes(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, n: number): string[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .filter(([k]) => !k.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${v.toFixed(1).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
}

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
    const urlOf = (ws: string) => `${server.url}/w/${ws}?view=month&date=2026-01-01`;

    // The same loop on an empty workspace first: what FullCalendar itself costs per switch.
    await page.goto(urlOf(`bench-empty-${Date.now().toString(36)}`));
    const empty = await monthSwitches(page);
    console.log(`month switch, empty workspace (FullCalendar's floor): ${summary(empty.switches)}`);
    printMeasures(empty.measures, 'empty workspace');

    const url = urlOf(`bench-${Date.now().toString(36)}`);
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
      if (i === 4) {
        const marks = (await page.evaluate(`performance.getEntriesByType('mark').filter((m) => m.name.startsWith('cc:')).map((m) => m.name.slice(3) + ' ' + m.startTime.toFixed(0))`)) as string[];
        console.log(`  last load: ${marks.join(', ')}, first event ${t.toFixed(0)}`);
        // Fetches so far were answered by the persisted projection (the doc loads after first paint).
        printMeasures((await page.evaluate(MEASURES)) as [string, number][], 'before load');
      }
    }
    console.log(`first calendar paint (navigation start → first event drawn, 5 loads): median ${ms(quantile(firstPaints, 0.5))}, min ${ms(Math.min(...firstPaints))}, max ${ms(Math.max(...firstPaints))}`);

    const loaded = await monthSwitches(page);
    const full = loaded.switches;
    for (const [wall, busy] of loaded.indexBuild) console.log(`  in-memory index built from the loaded doc: ${ms(busy)} of work in slices over ${ms(wall)}`);
    printMeasures(loaded.measures, 'after load');
    const cdp = await ctx.newCDPSession(page);
    if (process.env.BENCH_PROFILE) {
      // A second pass under the profiler (from January again), so the figures above are not skewed by it.
      await page.goto(url);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await monthSwitches(page, () => cdp.send('Profiler.start'));
      const { profile } = await cdp.send('Profiler.stop');
      console.log('  profile of the 12 switches again (self time):');
      for (const line of topSelfTimes(profile as never, 30)) console.log(`    ${line}`);
      const ours = ['fetchEvents', 'observanceInputs', 'toEventInputs', 'occurrencesIn', 'limitPerDay', 'query', 'handleRenderRequest', 'step'];
      for (const line of inclusiveTimes(profile as never, ours)) console.log(`    ${line}`);
    }
    const writes = (await page.evaluate(`performance.getEntriesByName('cc:index-write').map((m) => m.detail)`)) as number[];
    console.log(`  index writes during this page's life: ${writes.length} (${writes.reduce((a, b) => a + b, 0)} ids)`);
    console.log(`month switch over 12 months, 10,000 events: ${summary(full)}`);
    const ratio = (q: number) => (quantile(full, q) / quantile(empty.switches, q)).toFixed(2);
    console.log(`  10,000 events vs empty workspace: median ×${ratio(0.5)}, p95 ×${ratio(0.95)}`);

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
