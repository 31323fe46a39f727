/**
 * The month grid's days by keyboard, and what a screen reader hears, in real Chromium: one day
 * in the tab order, arrows / Home / End / PageUp / PageDown between days (across a month edge
 * too), Enter for a new activity on the focused day, Tab into its events and Esc back, day and
 * event names in both languages, conflicts in words, and the period said in a live region.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { createViaEditor, dayCell, eventInCalendar, openMonth } from './helpers/calendar';
import { todayIn } from '../../shared/src/time/dates';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** The day (data-date) of the focused cell, or of the cell holding the focused element. */
const focusedDay = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return a?.getAttribute('role') === 'gridcell' ? a.dataset.date ?? null : null;
  });
const title = (page: Page) => page.getByTestId('view-title').innerText();
const live = (page: Page) => page.getByTestId('calendar-live').innerText();
const name = (page: Page, day: string) => dayCell(page, day).getAttribute('aria-label');

async function newPage(lang: 'zh' | 'en') {
  const ctx = await app.newContext();
  await ctx.addInitScript((l) => localStorage.setItem('cc.locale', l), lang);
  return ctx.newPage();
}

describe('month grid days', () => {
  it('move between days by keys, across a month edge, into a day’s events and back, and create on a day', async () => {
    const page = await newPage('zh');
    const errors = trackErrors(page);
    await openMonth(page, app.server.url, randomId(), '2026-10-01');
    await createViaEditor(page, { title: '第一场', kind: 'meeting', start: '2026-10-13' });
    await createViaEditor(page, { title: '第二场', kind: 'training', start: '2026-10-13' });

    // One day in the tab order: the first of the month (today is not in October 2026's view here).
    const inTabOrder = page.locator('[data-testid="calendar"] [role="gridcell"][tabindex="0"]');
    const today = todayIn('Asia/Shanghai');
    if (!today.startsWith('2026-10')) {
      await expect.poll(() => inTabOrder.count()).toBe(1);
      expect(await inTabOrder.getAttribute('data-date')).toBe('2026-10-01');
    }
    await dayCell(page, '2026-10-01').focus();
    // ↓ ↓ a week each, ← ← a day each: 13 October, which has two activities.
    for (const k of ['ArrowDown', 'ArrowDown', 'ArrowLeft', 'ArrowLeft']) await page.keyboard.press(k);
    expect(await focusedDay(page)).toBe('2026-10-13');
    expect(await title(page)).toBe('2026年10月'); // arrows on a day are not "next period"
    await expect.poll(() => name(page, '2026-10-13')).toBe('10月13日 星期二，2 项活动');
    await expect.poll(() => inTabOrder.getAttribute('data-date')).toBe('2026-10-13');

    // Tab goes into the day's events (named with title, time and kind); Esc comes back to the day.
    await page.keyboard.press('Tab');
    const focusedEvent = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.day ?? null);
    expect(await focusedEvent()).toBe('2026-10-13');
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(label).toMatch(/^第(一|二)场，全天，(会议座谈|.+)，/);
    await page.keyboard.press('ArrowDown'); // the events' own arrows still work
    expect(await focusedEvent()).toBe('2026-10-13');
    await page.keyboard.press('Escape');
    expect(await focusedDay(page)).toBe('2026-10-13');

    // An empty day, Home / End of the week.
    await page.keyboard.press('ArrowRight');
    expect(await focusedDay(page)).toBe('2026-10-14');
    expect(await name(page, '2026-10-14')).toBe('10月14日 星期三，无活动');
    await page.keyboard.press('Home');
    expect(await focusedDay(page)).toBe('2026-10-12');
    await page.keyboard.press('End');
    expect(await focusedDay(page)).toBe('2026-10-18');

    // PageDown: the same day next month, said in the live region.
    await page.keyboard.press('PageDown');
    await expect.poll(() => title(page)).toBe('2026年11月');
    await expect.poll(() => focusedDay(page), { timeout: 5000 }).toBe('2026-11-18');
    expect(await live(page)).toBe('2026年11月');
    // ↑ past the top of November's grid (which starts on 26 October) turns back to October.
    for (const k of ['ArrowUp', 'ArrowUp', 'ArrowUp']) await page.keyboard.press(k);
    expect(await focusedDay(page)).toBe('2026-10-28'); // still November's grid
    expect(await title(page)).toBe('2026年11月');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => title(page)).toBe('2026年10月');
    await expect.poll(() => focusedDay(page), { timeout: 5000 }).toBe('2026-10-21');
    expect(new URL(page.url()).searchParams.get('date')).toBe('2026-10-21');

    // Enter: a new activity on the focused day.
    await page.keyboard.press('Enter');
    const editor = page.getByTestId('event-editor');
    await editor.waitFor();
    expect(await editor.locator('[name="start"]').inputValue()).toBe('2026-10-21');
    await editor.locator('[name="title"]').fill('键盘新建');
    await editor.getByTestId('save-event').click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => eventInCalendar(page, '键盘新建').getAttribute('data-day')).toBe('2026-10-21');
    await expect.poll(() => name(page, '2026-10-21')).toBe('10月21日 星期三，1 项活动');
    // Focus is back on the day the editor was opened from.
    await expect.poll(() => focusedDay(page)).toBe('2026-10-21');
    // n does the same.
    await page.keyboard.press('n');
    await editor.waitFor();
    expect(await editor.locator('[name="start"]').inputValue()).toBe('2026-10-21');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });

    // j / k on a focused day: the month turns and focus stays in the grid, on its day (today's or the 1st).
    const first = (month: string) => (today.startsWith(month) ? today : `${month}-01`);
    expect(await focusedDay(page)).toBe('2026-10-21');
    await page.keyboard.press('j');
    await expect.poll(() => title(page)).toBe('2026年11月');
    await expect.poll(() => focusedDay(page), { timeout: 5000 }).toBe(first('2026-11'));
    await page.keyboard.press('k');
    await expect.poll(() => title(page)).toBe('2026年10月');
    await expect.poll(() => focusedDay(page), { timeout: 5000 }).toBe(first('2026-10'));
    expect(await live(page)).toBe('2026年10月');

    // j: the next period, said politely; a view switch says the view too.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('j');
    await expect.poll(() => live(page)).toBe('2026年11月');
    expect(await page.getByTestId('calendar-live').getAttribute('aria-live')).toBe('polite');
    await page.keyboard.press('k');
    await expect.poll(() => live(page)).toBe('2026年10月');
    await page.keyboard.press('a');
    await expect.poll(() => live(page)).toBe('列表视图，2026年10月');
    expect(errors).toEqual([]);
  });

  it('names each day and each event in the current language, today marked, conflicts in words', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = await newPage(lang);
      const errors = trackErrors(page);
      await openMonth(page, app.server.url, randomId(), '2026-12-01');
      for (const [title, start, end] of [
        ['Alpha', '2026-12-03T09:00', '2026-12-03T10:00'],
        ['Beta', '2026-12-03T09:30', '2026-12-03T11:00'],
        ['Gamma', '2026-12-03', undefined],
      ] as const) {
        await page.getByTestId('new-event').click();
        const editor = page.getByTestId('event-editor');
        await editor.waitFor();
        await editor.locator('[name="title"]').fill(title);
        await editor.locator('[name="kind"]').selectOption('meeting');
        if (start.includes('T')) await editor.locator('[name="allDay"]').uncheck();
        await editor.locator('[name="start"]').fill(start);
        if (end) await editor.locator('[name="end"]').fill(end);
        if (title !== 'Gamma') await editor.locator('[name="location"]').fill('Hall 1');
        await editor.getByTestId('save-event').click();
        await editor.waitFor({ state: 'detached' });
      }
      const expected = lang === 'zh' ? '12月3日 星期四，3 项活动' : 'Thursday, 3 December, 3 activities';
      await expect.poll(() => name(page, '2026-12-03')).toBe(expected);
      expect(await name(page, '2026-12-09')).toBe(lang === 'zh' ? '12月9日 星期三，无活动' : 'Wednesday, 9 December, no activities');
      const alpha = eventInCalendar(page, 'Alpha').first();
      expect(await alpha.getAttribute('aria-label')).toMatch(lang === 'zh' ? /^Alpha，09:00–10:00，会议座谈，/ : /^Alpha, 09:00–10:00, Meeting/);
      // The two sessions in one hall at once: the conflict is in the name, in words.
      await expect
        .poll(() => alpha.getAttribute('aria-label'), { timeout: 10_000 })
        .toMatch(lang === 'zh' ? /(冲突|提醒)：.*Hall 1/ : /(Conflict|Warning): .*Hall 1/);
      const today = todayIn('Asia/Shanghai');
      await openMonth(page, app.server.url, new URL(page.url()).pathname.split('/')[2]!, today);
      await expect.poll(() => dayCell(page, today).getAttribute('aria-current')).toBe('date');
      expect(await dayCell(page, today).getAttribute('tabindex')).toBe('0');
      expect(await page.locator('[data-testid="calendar"] [aria-current="date"]').count()).toBe(1);
      if (lang === 'en') {
        await page.locator('body').click({ position: { x: 5, y: 300 } });
        await page.keyboard.press('j');
        await expect.poll(() => live(page)).toMatch(/^[A-Z][a-z]+ \d{4}$/);
        await page.keyboard.press('w');
        await expect.poll(() => live(page)).toMatch(/^Week view, /);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('shows a focused day with a visible ring (screenshot in .scratch/ with SHOTS=1), and d opens that day', async () => {
    const page = await newPage('zh');
    await openMonth(page, app.server.url, randomId(), '2026-10-01');
    await createViaEditor(page, { title: '第一场', kind: 'meeting', start: '2026-10-13' });
    await dayCell(page, '2026-10-01').focus();
    for (const k of ['ArrowDown', 'ArrowDown', 'ArrowLeft', 'ArrowLeft']) await page.keyboard.press(k);
    expect(await focusedDay(page)).toBe('2026-10-13');
    const outline = await dayCell(page, '2026-10-13').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    if (process.env.SHOTS) {
      await page.screenshot({ path: '.scratch/month-focused-day.png' });
      // What a screen reader is given for the grid (its accessibility tree), to read by eye.
      const { writeFile } = await import('node:fs/promises');
      await writeFile('.scratch/month-aria.txt', await page.getByTestId('calendar').ariaSnapshot());
    }
    // d: that day's own view.
    await page.keyboard.press('d');
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('day');
    expect(new URL(page.url()).searchParams.get('date')).toBe('2026-10-13');
    await page.context().close();
  });
});
