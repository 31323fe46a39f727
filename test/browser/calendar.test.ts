import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { createViaEditor, dayCell, eventInCalendar, openMonth } from './helpers/calendar';

let app: AppHarness;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('calendar in real Chromium', () => {
  it('creates an event through the editor, shows it in the month, keeps it after reload', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    const ws = randomId();
    await openMonth(page, app.server.url, ws, '2026-03-01');
    await createViaEditor(page, { title: '“知史爱国”党史知识竞赛', kind: 'contest', start: '2026-03-10', location: '机关礼堂' });
    await expect.poll(() => eventInCalendar(page, '“知史爱国”党史知识竞赛').count()).toBe(1);
    const cell = dayCell(page, '2026-03-10');
    await expect.poll(() => cell.getByText('“知史爱国”党史知识竞赛').count()).toBe(1);
    await page.reload();
    await page.getByTestId('calendar').waitFor();
    await expect.poll(() => dayCell(page, '2026-03-10').getByText('“知史爱国”党史知识竞赛').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('moves an event by dragging it to another day', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const ws = randomId();
    await openMonth(page, app.server.url, ws, '2026-03-01');
    await createViaEditor(page, { title: '书法作品展开幕', kind: 'exhibition', start: '2026-03-11' });
    const ev = eventInCalendar(page, '书法作品展开幕');
    await ev.waitFor();
    const target = dayCell(page, '2026-03-19');
    await dragTo(page, ev, target);
    await expect.poll(() => dayCell(page, '2026-03-19').getByText('书法作品展开幕').count()).toBe(1);
    expect(await dayCell(page, '2026-03-11').getByText('书法作品展开幕').count()).toBe(0);
    await page.reload();
    await expect.poll(() => dayCell(page, '2026-03-19').getByText('书法作品展开幕').count()).toBe(1);
  });

  it('deletes to the trash and restores from it', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const ws = randomId();
    await openMonth(page, app.server.url, ws, '2026-03-01');
    await createViaEditor(page, { title: '理论宣讲进社区', kind: 'lecture', start: '2026-03-12' });
    await eventInCalendar(page, '理论宣讲进社区').click();
    await page.getByTestId('delete-event').click();
    await expect.poll(() => eventInCalendar(page, '理论宣讲进社区').count()).toBe(0);
    await page.getByTestId('trash-link').click();
    const row = page.getByTestId('trash-item').filter({ hasText: '理论宣讲进社区' });
    await row.waitFor();
    await row.getByTestId('restore-event').click();
    await expect.poll(() => page.getByTestId('trash-item').count()).toBe(0);
    await openMonth(page, app.server.url, ws, '2026-03-01');
    await expect.poll(() => dayCell(page, '2026-03-12').getByText('理论宣讲进社区').count()).toBe(1);
  });

  it('shows a change made in one tab in a second tab of the same workspace', async () => {
    const ctx = await app.newContext();
    const a = await ctx.newPage();
    const b = await ctx.newPage();
    const ws = randomId();
    await openMonth(a, app.server.url, ws, '2026-04-01');
    await openMonth(b, app.server.url, ws, '2026-04-01');
    await createViaEditor(a, { title: '读书分享会', kind: 'study', start: '2026-04-23' });
    await expect.poll(() => dayCell(b, '2026-04-23').getByText('读书分享会').count(), { timeout: 10_000 }).toBe(1);
  });

  it('renders a hostile title as text, never as HTML', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    const ws = randomId();
    const hostile = '<img src=x onerror=alert(1)>';
    await openMonth(page, app.server.url, ws, '2026-03-01');
    await createViaEditor(page, { title: hostile, kind: 'other', start: '2026-03-05' });
    await expect.poll(() => dayCell(page, '2026-03-05').getByText(hostile).count()).toBe(1);
    expect(await page.getByTestId('calendar').locator('img').count()).toBe(0);
    await page.getByTestId('view-list').click();
    await expect.poll(() => page.getByTestId('calendar').getByText(hostile).count()).toBe(1);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);
  });

  it('opens and accepts edits offline, with the server stopped, after one visit', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const ws = randomId();
    await openMonth(page, app.server.url, ws, '2026-05-01');
    await createViaEditor(page, { title: '五四青年座谈会', kind: 'meeting', start: '2026-05-04' });
    await eventInCalendar(page, '五四青年座谈会').waitFor();
    // The service worker must have precached the app and control the page before the network goes away.
    await page.waitForFunction(
      async () => {
        const reg = await navigator.serviceWorker.ready;
        return Boolean(reg.active) && Boolean(navigator.serviceWorker.controller);
      },
      undefined,
      { timeout: 90_000, polling: 250 },
    );
    await app.server.stop();
    await ctx.setOffline(true);
    try {
      await page.reload();
      await page.getByTestId('calendar').waitFor();
      await expect.poll(() => dayCell(page, '2026-05-04').getByText('五四青年座谈会').count()).toBe(1);
      await createViaEditor(page, { title: '离线新增：志愿服务', kind: 'volunteer', start: '2026-05-20' });
      await expect.poll(() => dayCell(page, '2026-05-20').getByText('离线新增：志愿服务').count()).toBe(1);
      await page.reload();
      await expect.poll(() => dayCell(page, '2026-05-20').getByText('离线新增：志愿服务').count()).toBe(1);
    } finally {
      await ctx.setOffline(false);
      await app.server.start();
    }
  }, 150_000);
});

async function dragTo(page: Page, from: ReturnType<Page['locator']>, to: ReturnType<Page['locator']>) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 5, a.y + a.height / 2 + 5, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}
