/**
 * An edit the screen has shown is kept even when the page goes away at once: y-dexie's IndexedDB write
 * commits some milliseconds after the change (over a hundred on a slow machine), and a reload in between
 * aborts it. The unsaved-changes journal (client/src/storage/unsaved-journal.ts) keeps a synchronous copy
 * until the write commits. Without it, this test loses most of its edits (checked: 4–6 of 6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId, startApp, type AppHarness } from './helpers/app';
import { dayCell, openMonth } from './helpers/calendar';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const copies = () => Object.keys(localStorage).filter((k) => k.startsWith('cc-unsaved:')).length;

describe('an edit followed at once by a reload', () => {
  it('is there after the reload, on a slow machine, and leaves no copies behind once stored', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const ws = randomId();
    await openMonth(page, app.server.url, ws, '2026-03-01');
    // A slow machine: the write's commit lands well after the reload is asked for.
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const days = ['2026-03-10', '2026-03-11', '2026-03-12'];
    for (const [i, day] of days.entries()) {
      await page.getByTestId('new-event').click();
      const editor = page.getByTestId('event-editor');
      await editor.waitFor();
      await editor.locator('[name="title"]').fill(`保存即刷新${i}`);
      await editor.locator('[name="start"]').fill(day);
      await editor.getByTestId('save-event').click({ noWaitAfter: true });
      await page.reload();
      await page.waitForFunction(() => performance.getEntriesByName('cc:doc-loaded').length > 0, undefined, { timeout: 60_000 });
    }
    for (const [i, day] of days.entries()) {
      await expect.poll(() => dayCell(page, day).getByText(`保存即刷新${i}`).count(), { timeout: 10_000 }).toBe(1);
    }
    // Once IndexedDB has the updates, the copies are gone (they would fill localStorage otherwise).
    await expect.poll(() => page.evaluate(copies), { timeout: 10_000 }).toBe(0);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    // And the edits are in IndexedDB itself: a fresh page with no copies left still shows them.
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('cc:doc-loaded').length > 0, undefined, { timeout: 30_000 });
    for (const [i, day] of days.entries()) {
      await expect.poll(() => dayCell(page, day).getByText(`保存即刷新${i}`).count()).toBe(1);
    }
  }, 120_000);
});
