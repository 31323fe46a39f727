import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AppHarness } from './app';

/** A fresh profile whose display name is already set (no name prompt on the first share or join). */
export async function contextAs(app: AppHarness, name: string): Promise<BrowserContext> {
  const ctx = await app.newContext();
  await ctx.addInitScript((n) => localStorage.setItem('cc.displayName', n), name);
  return ctx;
}

/** The sync badge's state: `offline`, `connecting`, `synced` … */
export const syncState = (page: Page) => page.getByTestId('sync-status').getAttribute('data-state');

/** Starts sharing the open workspace from its share dialog; returns the edit link once synced. */
export async function startSharing(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  await page.getByTestId('start-sharing').click();
  const dialog = page.getByTestId('share-dialog');
  const editLink = await dialog.getByTestId('edit-link').inputValue();
  await dialog.press('Escape');
  await expect.poll(() => syncState(page)).toBe('synced');
  return editLink;
}

/** A second person opens the edit link in a profile of their own and waits until synced. */
export async function joinAs(app: AppHarness, name: string, editLink: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await contextAs(app, name);
  const page = await ctx.newPage();
  await page.goto(editLink);
  await page.getByTestId('calendar').waitFor();
  await expect.poll(() => syncState(page)).toBe('synced');
  return { ctx, page };
}
