import type { Page } from 'playwright-core';

/**
 * Waits until the workspace's event index has taken and written every change so far
 * (`__cc.settled()`, see client/src/storage/event-index.ts), for at most `timeoutMs`.
 *
 * Why not a bare `page.evaluate(() => __cc.settled())`: when that promise can never settle,
 * Chromium garbage-collects it and Playwright reports only "Resulting promise was garbage
 * collected", with no word of what hung. Here a timer holds the wait, so a hang ends as an
 * error naming what the index still waits for (its start, a flush, changes not yet written).
 */
export async function settleIndex(page: Page, timeoutMs = 20_000): Promise<void> {
  const outcome = await page.evaluate(
    (ms) =>
      new Promise<string>((resolve) => {
        const cc = (globalThis as any).__cc;
        if (!cc?.settled) return resolve('no workspace');
        const timer = setTimeout(() => resolve(`hung: ${JSON.stringify(cc.pendingWork?.() ?? null)}`), ms);
        Promise.resolve(cc.settled()).then(
          () => (clearTimeout(timer), resolve('settled')),
          (e: unknown) => (clearTimeout(timer), resolve(`failed: ${String(e)}`)),
        );
      }),
    timeoutMs,
  );
  if (outcome.startsWith('hung') || outcome.startsWith('failed')) {
    throw new Error(`the event index did not settle within ${timeoutMs} ms (${outcome}) at ${page.url()}`);
  }
}
