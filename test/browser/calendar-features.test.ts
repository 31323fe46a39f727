import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEvent } from '../../shared/src/schema';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { createViaEditor, dayCell, eventInCalendar, openMonth } from './helpers/calendar';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('calendar features', () => {
  it('creates from a clicked day with that date filled in', async () => {
    const page = await (await app.newContext()).newPage();
    await openMonth(page, app.server.url, randomId(), '2026-06-01');
    await dayCell(page, '2026-06-18').click({ position: { x: 40, y: 60 } });
    const editor = page.getByTestId('event-editor');
    await editor.waitFor();
    expect(await editor.locator('[name="start"]').inputValue()).toBe('2026-06-18');
    await editor.locator('[name="title"]').fill('端午诗会');
    await editor.getByTestId('save-event').click();
    await expect.poll(() => dayCell(page, '2026-06-18').getByText('端午诗会').count()).toBe(1);
  });

  it('undoes and redoes the user’s own edits with Ctrl+Z and Ctrl+Shift+Z', async () => {
    const page = await (await app.newContext()).newPage();
    await openMonth(page, app.server.url, randomId(), '2026-07-01');
    await createViaEditor(page, { title: '建党纪念座谈会', kind: 'meeting', start: '2026-07-01' });
    await eventInCalendar(page, '建党纪念座谈会').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => eventInCalendar(page, '建党纪念座谈会').count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => eventInCalendar(page, '建党纪念座谈会').count()).toBe(1);
  });

  it('filters by text search and by kind through the legend', async () => {
    const page = await (await app.newContext()).newPage();
    await openMonth(page, app.server.url, randomId(), '2026-08-01');
    await createViaEditor(page, { title: '国防教育知识竞赛', kind: 'contest', start: '2026-08-05', location: '党校' });
    await createViaEditor(page, { title: '生态日志愿服务', kind: 'volunteer', start: '2026-08-15' });
    await eventInCalendar(page, '生态日志愿服务').waitFor();
    await page.getByTestId('search').fill('党校');
    await expect.poll(() => eventInCalendar(page, '生态日志愿服务').count()).toBe(0);
    expect(await eventInCalendar(page, '国防教育知识竞赛').count()).toBe(1);
    await page.getByTestId('search').fill('');
    await page.getByTestId('kind-legend').locator('[data-kind="contest"]').click();
    await expect.poll(() => eventInCalendar(page, '国防教育知识竞赛').count()).toBe(0);
    expect(await eventInCalendar(page, '生态日志愿服务').count()).toBe(1);
  });

  it('lists invalid records under “needs attention” and keeps every view working', async () => {
    const page = await (await app.newContext()).newPage();
    const errors = trackErrors(page);
    await openMonth(page, app.server.url, randomId(), '2026-09-01');
    await createViaEditor(page, { title: '国庆主题展', kind: 'exhibition', start: '2026-09-28', end: '2026-10-07' });
    // Records another tool (or an older version) might write: wrong types, missing fields, a bad date.
    const foreign = new Y.Doc();
    const events = foreign.getMap('events');
    foreign.transact(() => {
      events.set('garbage-string', 'not a record');
      const noTitle = new Y.Map();
      events.set('no-title', noTitle);
      noTitle.set('kind', 'meeting');
      noTitle.set('start', '2026-09-10');
      noTitle.set('status', 'planned');
      const badDate = new Y.Map();
      events.set('bad-date', badDate);
      badDate.set('title', '日期错误的活动');
      badDate.set('kind', 'party');
      badDate.set('start', '2026-02-30');
      badDate.set('status', 'planned');
    });
    const update = Array.from(Y.encodeStateAsUpdate(foreign));
    await page.evaluate((u) => (globalThis as any).__cc.applyUpdate(new Uint8Array(u)), update);
    const attention = page.getByTestId('needs-attention');
    await attention.waitFor();
    await expect.poll(() => attention.textContent()).toContain('(3)');
    await attention.getByRole('button').click();
    await expect.poll(() => attention.textContent()).toContain('日期错误的活动');
    for (const view of ['week', 'list', 'year', 'month']) {
      await page.getByTestId(`view-${view}`).click();
      await page.waitForTimeout(300);
    }
    expect(await page.getByTestId('calendar').getByText('国庆主题展').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('view')).toBe('month');
    expect(errors).toEqual([]);
  });

  it('shows a crowded day as a few activities and a “+N” chip that opens the full day', async () => {
    const page = await (await app.newContext()).newPage();
    await openMonth(page, app.server.url, randomId(), '2026-11-01');
    const foreign = new Y.Doc();
    for (let i = 1; i <= 14; i++) {
      const hh = String(7 + Math.floor(i / 2)).padStart(2, '0');
      createEvent(foreign, { title: `宣讲${i}号`, kind: 'lecture', status: 'planned', start: `2026-11-18T${hh}:${i % 2 ? '00' : '30'}` });
    }
    const update = Array.from(Y.encodeStateAsUpdate(foreign));
    await page.evaluate((u) => (globalThis as any).__cc.applyUpdate(new Uint8Array(u)), update);
    const cell = dayCell(page, '2026-11-18');
    await expect.poll(() => cell.locator('.cc-more').count()).toBe(1);
    expect(await cell.locator('.cc-more').textContent()).toMatch(/还有 1\d 项/);
    await cell.locator('.cc-more').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('day');
    await expect.poll(() => eventInCalendar(page, '宣讲').count()).toBe(14);
  });

  it('switches the interface to English and back', async () => {
    const page = await (await app.newContext()).newPage();
    await openMonth(page, app.server.url, randomId(), '2026-10-01');
    expect(await page.getByTestId('new-event').textContent()).toContain('新建活动');
    await page.getByTestId('language').click();
    await expect.poll(() => page.getByTestId('new-event').textContent()).toContain('New activity');
    await expect.poll(() => page.getByTestId('view-title').textContent()).toContain('October 2026');
    await page.getByTestId('language').click();
    await expect.poll(() => page.getByTestId('view-title').textContent()).toContain('2026年10月');
  });

  it('opens a document saved by a newer app read-only, and says why', async () => {
    const page = await (await app.newContext()).newPage();
    const errors = trackErrors(page);
    await openMonth(page, app.server.url, randomId(), '2026-09-01');
    await createViaEditor(page, { title: '中秋诗会', kind: 'other', start: '2026-09-25' });
    // What a sync from a newer app version would bring: a higher schema number.
    await page.evaluate(() => (globalThis as any).__cc.doc.getMap('meta').set('schema', 99));
    await page.getByTestId('newer-schema').waitFor();
    expect(await page.getByTestId('new-event').count()).toBe(0);
    expect(await page.getByTestId('read-only').count()).toBe(1);
    await eventInCalendar(page, '中秋诗会').click();
    const editor = page.getByTestId('event-editor');
    await editor.waitFor();
    expect(await editor.getByTestId('save-event').count()).toBe(0);
    expect(await editor.locator('[name="title"]').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });
});
