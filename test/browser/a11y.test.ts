/**
 * axe-core on every screen, seeded with a realistic workspace, in Chinese and in English:
 * no serious or critical finding anywhere. Each finding is printed with its rule, the
 * elements it hit and axe's help, so a failure says what to fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { contextIn, SCREENS, screensDoc, seedPage } from './helpers/screens';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

async function findings(page: Page, scope?: string[]): Promise<string[]> {
  let axe = new AxeBuilder({ page });
  for (const sel of scope ?? []) axe = axe.include(sel);
  // Only violations are read: axe then skips collecting every passing and incomplete node (a quarter of its time).
  const result = await axe
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')} — ${v.help} (${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? ''})`));
}

describe('accessibility (axe)', () => {
  for (const lang of ['zh', 'en'] as const) {
    // Both languages at once: axe is CPU-bound, and each runs in its own renderer.
    it.concurrent(`finds nothing serious or critical on any screen in ${lang}`, async ({ expect }) => {
      const ctx = await contextIn(() => app.newContext(), lang);
      const page = await ctx.newPage();
      const errors = trackErrors(page);
      const id = randomId();
      await page.goto(`${app.server.url}/w/${id}?view=month&date=2026-04-14`);
      await page.getByTestId('calendar').waitFor();
      await seedPage(page, screensDoc().doc);
      const report: string[] = [];
      for (const screen of SCREENS) {
        await screen.open(page, app.server.url, id);
        for (const f of await findings(page, screen.scope)) report.push(`[${lang} ${screen.name}] ${f}`);
      }
      if (report.length) console.log(report.join('\n'));
      expect(report).toEqual([]);
      expect(errors).toEqual([]);
      await ctx.close();
    }, 120_000);
  }
});

describe('dialogs are modal', () => {
  it('take focus, close on Esc, give focus back to the opener, and name their close button in the current language', async () => {
    for (const [lang, close] of [['zh', '关闭'], ['en', 'Close']] as const) {
      const ctx = await contextIn(() => app.newContext(), lang);
      const page = await ctx.newPage();
      await page.goto(`${app.server.url}/w/${randomId()}?view=month&date=2026-04-14`);
      await page.getByTestId('calendar').waitFor();
      for (const [opener, dialog] of [['share', 'share-dialog'], ['shortcuts-button', 'shortcuts']] as const) {
        await page.getByTestId(opener).focus();
        await page.keyboard.press('Enter');
        await page.getByTestId(dialog).waitFor();
        expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
        expect(await page.getByTestId(dialog).locator('.dialog-head button').getAttribute('aria-label')).toBe(close);
        await page.keyboard.press('Escape');
        await page.getByTestId(dialog).waitFor({ state: 'detached' });
        await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? '')).toBe(opener);
      }
      await ctx.close();
    }
  });
});
