import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { createViaEditor, dayCell, eventInCalendar, openMonth } from './helpers/calendar';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

async function contextAs(name: string): Promise<BrowserContext> {
  const ctx = await app.newContext();
  await ctx.addInitScript((n) => localStorage.setItem('cc.displayName', n), name);
  return ctx;
}

const syncState = (page: Page) => page.getByTestId('sync-status').getAttribute('data-state');

/** Owner A starts sharing a new workspace; returns A's page and the edit and view links. */
async function shareNewWorkspace(month: string) {
  const ctx = await app.newContext();
  const page = await ctx.newPage();
  await openMonth(page, app.server.url, randomId(), month);
  await page.getByTestId('share').click();
  await page.getByTestId('start-sharing').click();
  // Nobody is asked for a name before acting (a guest name until then): the owner picks one
  // from the avatar.
  const dialog = page.getByTestId('share-dialog');
  await dialog.getByTestId('edit-link').waitFor();
  await dialog.press('Escape');
  await page.getByTestId('my-avatar').click();
  const prompt = page.getByTestId('name-prompt');
  await prompt.waitFor();
  await prompt.locator('[name="displayName"]').fill('张三');
  await prompt.getByTestId('save-name').click();
  await prompt.waitFor({ state: 'detached' });
  await page.getByTestId('share').click();
  const editLink = await dialog.getByTestId('edit-link').inputValue();
  const viewLink = await dialog.getByTestId('view-link').inputValue();
  await dialog.press('Escape');
  await expect.poll(() => syncState(page), { timeout: 10_000 }).toBe('synced');
  return { ctx, page, editLink, viewLink };
}

async function editField(page: Page, title: string, field: string, value: string) {
  await eventInCalendar(page, title).first().click();
  const editor = page.getByTestId('event-editor');
  await editor.waitFor();
  await editor.locator(`[name="${field}"]`).fill(value);
  await editor.getByTestId('save-event').click();
  await editor.waitFor({ state: 'detached' });
}

describe('live collaboration through the relay', () => {
  it('shares by link, shows edits live in the other browser, and shows who is here and editing', async () => {
    const a = await shareNewWorkspace('2026-09-01');
    const errors = trackErrors(a.page);
    const bCtx = await contextAs('李四');
    const b = await bCtx.newPage();
    await b.goto(a.editLink);
    await b.getByTestId('calendar').waitFor();
    // The token is stored and taken out of the address bar.
    await expect.poll(() => new URL(b.url()).searchParams.get('token')).toBeNull();
    await expect.poll(() => syncState(b), { timeout: 10_000 }).toBe('synced');
    await b.goto(`${new URL(a.editLink).origin}${new URL(a.editLink).pathname}?view=month&date=2026-09-01`);
    await expect.poll(() => syncState(b), { timeout: 10_000 }).toBe('synced');

    await createViaEditor(a.page, { title: '抗战胜利纪念座谈会', kind: 'meeting', start: '2026-09-03' });
    await expect.poll(() => dayCell(b, '2026-09-03').getByText('抗战胜利纪念座谈会').count(), { timeout: 5_000 }).toBe(1);

    await expect.poll(() => a.page.getByTestId('presence').getByTestId('peer').getAttribute('title')).toBe('李四');
    await expect.poll(() => b.getByTestId('presence').getByTestId('peer').getAttribute('title')).toBe('张三');

    await eventInCalendar(b, '抗战胜利纪念座谈会').click();
    await b.getByTestId('event-editor').waitFor();
    await expect
      .poll(() => eventInCalendar(a.page, '抗战胜利纪念座谈会').getAttribute('data-editing'), { timeout: 5_000 })
      .toBe('李四 正在编辑');
    await eventInCalendar(a.page, '抗战胜利纪念座谈会').click({ force: true });
    await expect.poll(() => a.page.getByTestId('editing-banner').textContent()).toContain('李四 正在编辑');
    expect(errors).toEqual([]);
  });

  it('merges offline edits on reconnect and keeps an overwritten value recoverable', async () => {
    const a = await shareNewWorkspace('2026-10-01');
    const bCtx = await contextAs('李四');
    const b = await bCtx.newPage();
    await b.goto(a.editLink);
    await b.getByTestId('calendar').waitFor();
    await b.goto(`${new URL(a.editLink).origin}${new URL(a.editLink).pathname}?view=month&date=2026-10-01`);
    await expect.poll(() => syncState(b), { timeout: 10_000 }).toBe('synced');

    await createViaEditor(a.page, { title: '国庆主题展', kind: 'exhibition', start: '2026-10-08', location: '文化馆' });
    await createViaEditor(a.page, { title: '重阳敬老志愿服务', kind: 'volunteer', start: '2026-10-18' });
    await expect.poll(() => eventInCalendar(b, '国庆主题展').count(), { timeout: 5_000 }).toBe(1);
    await expect.poll(() => eventInCalendar(b, '重阳敬老志愿服务').count(), { timeout: 5_000 }).toBe(1);

    await bCtx.setOffline(true);
    await expect.poll(() => syncState(b)).toBe('offline');
    // While B is offline: each edits a different event, and both edit the same field of one event.
    await createViaEditor(b, { title: '离线新增：宪法宣传', kind: 'publicity', start: '2026-10-20' });
    await editField(b, '国庆主题展', 'location', '党校报告厅');
    await editField(a.page, '国庆主题展', 'location', '市图书馆');
    await editField(a.page, '重阳敬老志愿服务', 'title', '重阳敬老志愿服务进社区');
    await b.reload();
    await b.getByTestId('calendar').waitFor();
    await expect.poll(() => dayCell(b, '2026-10-20').getByText('离线新增：宪法宣传').count()).toBe(1);

    await bCtx.setOffline(false);
    await expect.poll(() => syncState(b), { timeout: 20_000 }).toBe('synced');
    for (const page of [a.page, b]) {
      await expect.poll(() => dayCell(page, '2026-10-20').getByText('离线新增：宪法宣传').count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => eventInCalendar(page, '重阳敬老志愿服务进社区').count(), { timeout: 10_000 }).toBe(1);
    }
    // Same field, concurrent: one value wins everywhere; the other is marked and restorable.
    const locationOf = async (page: Page) => {
      await eventInCalendar(page, '国庆主题展').click();
      const editor = page.getByTestId('event-editor');
      await editor.waitFor();
      const value = await editor.locator('[name="location"]').inputValue();
      return { editor, value };
    };
    const seenA = await locationOf(a.page);
    const seenB = await locationOf(b);
    expect(seenA.value).toBe(seenB.value);
    expect(['党校报告厅', '市图书馆']).toContain(seenA.value);
    const loser = seenA.value === '党校报告厅' ? '市图书馆' : '党校报告厅';
    const lost = seenA.editor.getByTestId('lost-value');
    await expect.poll(() => lost.textContent()).toContain(loser);
    await lost.getByTestId('restore-lost').click();
    await b.keyboard.press('Escape');
    await expect
      .poll(async () => (await locationOf(b)).value, { timeout: 10_000 })
      .toBe(loser);
  });

  it('opens a view link read-only: no creating, no editing, no dragging', async () => {
    const a = await shareNewWorkspace('2026-12-01');
    await createViaEditor(a.page, { title: '国家宪法日宣传', kind: 'publicity', start: '2026-12-04' });
    const cCtx = await contextAs('王五');
    const c = await cCtx.newPage();
    await c.goto(a.viewLink);
    await c.getByTestId('calendar').waitFor();
    await c.goto(`${new URL(a.viewLink).origin}${new URL(a.viewLink).pathname}?view=month&date=2026-12-01`);
    await expect.poll(() => dayCell(c, '2026-12-04').getByText('国家宪法日宣传').count(), { timeout: 10_000 }).toBe(1);
    await c.getByTestId('read-only').waitFor();
    expect(await c.getByTestId('new-event').count()).toBe(0);

    // Dragging does nothing.
    const ev = eventInCalendar(c, '国家宪法日宣传');
    const from = (await ev.boundingBox())!;
    const to = (await dayCell(c, '2026-12-16').boundingBox())!;
    await c.mouse.move(from.x + 10, from.y + 5);
    await c.mouse.down();
    await c.mouse.move(to.x + 40, to.y + 50, { steps: 10 });
    await c.mouse.up();
    await c.waitForTimeout(500);
    expect(await dayCell(c, '2026-12-04').getByText('国家宪法日宣传').count()).toBe(1);

    // The editor opens read-only, without a save button.
    await ev.click();
    const editor = c.getByTestId('event-editor');
    await editor.waitFor();
    expect(await editor.getByTestId('save-event').count()).toBe(0);
    expect(await editor.locator('[name="title"]').isDisabled()).toBe(true);
    // And the owner's calendar is unchanged.
    expect(await dayCell(a.page, '2026-12-04').getByText('国家宪法日宣传').count()).toBe(1);
  });
});
