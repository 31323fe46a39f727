/**
 * The README's screenshots of the first steps and the shortcuts dialog, in both languages:
 * `DOCS_SHOTS=docs npx vitest run --project browser test/browser/docs-shots.test.ts`.
 * Skipped otherwise.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { randomId, startApp, type AppHarness } from './helpers/app';
import { openMonth } from './helpers/calendar';
import { contextIn } from './helpers/screens';

const dir = process.env.DOCS_SHOTS;
let app: AppHarness;
beforeAll(async () => {
  if (dir) app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe.skipIf(!dir)('README screenshots', () => {
  it('first steps and the shortcuts dialog, zh and en', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const ctx = await contextIn(() => app.newContext(), lang);
      const page = await ctx.newPage();
      await openMonth(page, app.server.url, randomId(), '2026-10-01');
      await page.getByTestId('first-steps').waitFor();
      await page.evaluate(() => document.fonts.ready);
      const suffix = lang === 'zh' ? '' : '-en';
      await page.screenshot({ path: path.join(dir!, `first-steps${suffix}.png`), clip: { x: 0, y: 0, width: 1280, height: 560 } });
      await page.getByTestId('shortcuts-button').click();
      await page.getByTestId('shortcuts').waitFor();
      await page.screenshot({ path: path.join(dir!, `shortcuts${suffix}.png`) });
      await ctx.close();
    }
  }, 60_000);
});
