/**
 * Keyboard habits in real Chromium: Google Calendar's keys on the calendar, none of them while
 * typing, arrow keys between events, and the ? dialog in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { createViaEditor, eventInCalendar, openMonth } from './helpers/calendar';
import { todayIn } from '../../shared/src/time/dates';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const view = (page: Page) => new URL(page.url()).searchParams.get('view');
const title = (page: Page) => page.getByTestId('view-title').innerText();

describe('keyboard shortcuts', () => {
  it('switch views and periods, go to today, search, create, edit and trash, and never fire while typing', async () => {
    const page = await (await app.newContext()).newPage();
    const errors = trackErrors(page);
    await openMonth(page, app.server.url, randomId(), '2026-10-01');
    await page.locator('body').click({ position: { x: 5, y: 300 } });

    for (const [k, v] of [['w', 'week'], ['d', 'day'], ['a', 'list'], ['y', 'year'], ['m', 'month']] as const) {
      await page.keyboard.press(k);
      await expect.poll(() => view(page)).toBe(v);
    }
    expect(await title(page)).toBe('2026年10月');
    await page.keyboard.press('j');
    await expect.poll(() => title(page)).toBe('2026年11月');
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await expect.poll(() => title(page)).toBe('2026年9月');
    await page.keyboard.press('t');
    await expect.poll(() => title(page)).not.toBe('2026年9月');

    // / puts the cursor in the search box; keys typed there are text, not shortcuts.
    await openMonth(page, app.server.url, new URL(page.url()).pathname.split('/')[2]!, '2026-10-01');
    await page.keyboard.press('/');
    const search = page.getByTestId('search');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('wdm');
    expect(await search.inputValue()).toBe('wdm');
    expect(view(page)).toBe('month');
    await search.fill('');
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 5, y: 300 } });

    // n opens a new activity; keys in its fields stay text.
    await page.keyboard.press('n');
    const editor = page.getByTestId('event-editor');
    await editor.waitFor();
    await editor.locator('[name="title"]').type('t w m');
    expect(await editor.locator('[name="title"]').inputValue()).toBe('t w m');
    expect(view(page)).toBe('month');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });

    await createViaEditor(page, { title: '第一场', kind: 'meeting', start: '2026-10-13' });
    await createViaEditor(page, { title: '第二场', kind: 'meeting', start: '2026-10-15' });
    // Arrow keys move between events; e edits the focused one; Delete trashes it.
    await eventInCalendar(page, '第一场').first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('第二场');
    expect(await title(page)).toBe('2026年10月'); // an arrow on an event is not "next month"
    await page.keyboard.press('e');
    await editor.waitFor();
    expect(await editor.locator('[name="title"]').inputValue()).toBe('第二场');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await eventInCalendar(page, '第二场').first().focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => eventInCalendar(page, '第二场').count()).toBe(0);
    expect(await eventInCalendar(page, '第一场').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('? lists every shortcut in the current language', async () => {
    for (const [lang, heading, first] of [['zh', '键盘快捷键', '回到今天'], ['en', 'Keyboard shortcuts', 'Go to today']] as const) {
      const ctx = await app.newContext();
      await ctx.addInitScript((l) => localStorage.setItem('cc.locale', l), lang);
      const page = await ctx.newPage();
      await openMonth(page, app.server.url, randomId(), '2026-10-01');
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press('?');
      const dialog = page.getByTestId('shortcuts');
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain(heading);
      expect(await dialog.locator('[data-action="today"]').innerText()).toContain(first);
      expect(await dialog.getByTestId('shortcut').count()).toBeGreaterThanOrEqual(16);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await ctx.close();
    }
  });
  it('zoom the timeline with + and - (or 1 2 3), pan it with arrows, h / l or j / k, t for today, and leave its fields alone', async () => {
    const page = await (await app.newContext()).newPage();
    const errors = trackErrors(page);
    await page.goto(`${app.server.url}/w/${randomId()}/timeline?zoom=year&date=2026-03-10&groupBy=section`);
    await page.getByTestId('timeline').waitFor();
    const zoom = () => page.locator('[data-zoom][aria-pressed="true"]').getAttribute('data-zoom');
    const from = () => new URL(page.url()).searchParams.get('date');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('+');
    await expect.poll(zoom).toBe('quarter');
    await page.keyboard.press('=');
    await expect.poll(zoom).toBe('month');
    await page.keyboard.press('+'); // already the closest zoom
    expect(await zoom()).toBe('month');
    const title0 = await page.getByTestId('timeline-title').innerText();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('timeline-title').innerText()).not.toBe(title0);
    expect(from()).toBe('2026-04-01');
    await page.keyboard.press('h');
    await page.keyboard.press('h');
    await expect.poll(from).toBe('2026-02-01');
    await page.keyboard.press('l');
    await expect.poll(from).toBe('2026-03-01');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(from).toBe('2026-02-01');
    await page.keyboard.press('-');
    await expect.poll(zoom).toBe('quarter');
    await page.keyboard.press('-');
    await expect.poll(zoom).toBe('year');
    // 3 / 1 jump to a zoom; j pages on, t comes back to today.
    await page.keyboard.press('3');
    await expect.poll(zoom).toBe('month');
    await page.keyboard.press('1');
    await expect.poll(zoom).toBe('year');
    const before = from();
    await page.keyboard.press('j');
    await expect.poll(from).not.toBe(before);
    await page.keyboard.press('t');
    await expect.poll(from).toBe(todayIn('Asia/Shanghai'));
    // Typed into the grouping control, the keys are not shortcuts.
    await page.locator('select[name="groupBy"]').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('l');
    expect(await zoom()).toBe('year');
    expect(from()).toBe(todayIn('Asia/Shanghai'));
    expect(errors).toEqual([]);
  });
});
