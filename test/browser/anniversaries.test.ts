import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { dayCell } from './helpers/calendar';
import { lunarToSolar } from '../../shared/src/time/lunar';
import * as Y from 'yjs';
import { createEvent, initWorkspaceDoc, SYSTEM_ORIGIN } from '../../shared/src/schema';
import { addDays, todayIn, weekday } from '../../shared/src/time/dates';
import { settleIndex } from './helpers/settle';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe("the workspace's own anniversaries", () => {
  it('a lunar anniversary added in the panel is on the right day next year; round-number ones are listed with a commemoration to plan', async () => {
    const page = await (await app.newContext()).newPage();
    const errors = trackErrors(page);
    const id = randomId();
    await page.goto(`${app.server.url}/w/${id}?view=month&date=2026-12-01&panel=milestones`);
    const panel = page.getByTestId('milestones');
    await panel.waitFor();
    const form = page.getByTestId('own-observance-form');
    await expect.poll(() => page.getByTestId('add-own-observance').isEnabled()).toBe(true);

    // A lunar date: 英雄诞辰, the 5th of the 3rd lunar month, born 1918.
    await form.locator('[name="obsTitle"]').fill('英雄诞辰');
    await form.locator('[name="obsKind"]').selectOption('lunar');
    await form.locator('[name="obsMonth"]').fill('3');
    await form.locator('[name="obsDay"]').fill('5');
    await form.locator('[name="obsOrigin"]').fill('1918');
    await page.getByTestId('add-own-observance').click();
    await expect.poll(() => page.getByTestId('own-observance').count()).toBe(1);
    expect(await page.getByTestId('own-observances').innerText()).toContain('lunar:03-05');

    // A founding day whose 70th falls in the next 18 months.
    await form.locator('[name="obsTitle"]').fill('建校纪念日');
    await form.locator('[name="obsKind"]').selectOption('solar');
    await form.locator('[name="obsMonth"]').fill('9');
    await form.locator('[name="obsDay"]').fill('28');
    await form.locator('[name="obsOrigin"]').fill('1957');
    await page.getByTestId('add-own-observance').click();
    await expect.poll(() => page.getByTestId('own-observance').count()).toBe(2);
    // Both of ours within the next 18 months: the 70th founding day, and the hero's 110th in 2028.
    const own = page.locator('[data-testid="milestone"][data-source="own"]');
    await expect.poll(() => own.count()).toBe(2);
    const texts = (await own.allInnerTexts()).map((x) => x.replace(/\s+/g, ' '));
    expect(texts[0]).toContain('2027-09-28 建校纪念日 · 70周年');
    expect(texts[1]).toContain(`${lunarToSolar(2028, 3, 5)} 英雄诞辰 · 110周年`);
    // The catalogue's too (e.g. 2027 is the PLA's 100th).
    expect(await panel.innerText()).toContain('100周年');

    // Next year's lunar 3/5 is a solar date that moves; the month view shows it there.
    const day = lunarToSolar(2027, 3, 5)!;
    await page.goto(`${app.server.url}/w/${id}?view=month&date=${day}`);
    await expect.poll(() => dayCell(page, day).innerText(), { timeout: 10_000 }).toContain('英雄诞辰 · 109周年');

    // Plan a commemoration: an anniversary event on the day.
    await page.goto(`${app.server.url}/w/${id}?view=month&date=2027-09-01&panel=milestones`);
    await own.first().getByRole('button', { name: '策划纪念活动' }).click();
    const editor = page.getByTestId('event-editor');
    await editor.waitFor();
    expect(await editor.locator('[name="title"]').inputValue()).toBe('纪念建校纪念日70周年');
    expect(await editor.locator('[name="kind"]').inputValue()).toBe('anniversary');
    expect(await editor.locator('[name="start"]').inputValue()).toBe('2027-09-28');
    expect(errors).toEqual([]);
  });
});

describe('本周要办', () => {
  it('lists this week’s deadlines and reminders, overdue ones marked until done', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    const today = todayIn('Asia/Shanghai');
    const doc = new Y.Doc();
    initWorkspaceDoc(doc, { name: '文明办' });
    const o = (id: string) => ({ origin: SYSTEM_ORIGIN, id });
    // Due in this week: a deadline tomorrow (or today on a Sunday), and one already past and not done.
    const sunday = addDays(today, (7 - ((weekday(today) + 6) % 7 + 1)) % 7);
    const tomorrow = addDays(today, 1) <= sunday ? addDays(today, 1) : today;
    createEvent(doc, { title: '征文报名截止', kind: 'contest', status: 'planned', start: tomorrow, phase: 'signup-deadline' }, o('d1'));
    createEvent(doc, { title: '材料报送截止', kind: 'other', status: 'planned', start: addDays(today, -3) }, o('d2'));
    createEvent(doc, { title: '已办完的截止', kind: 'other', status: 'done', start: addDays(today, -2) }, o('d3'));
    createEvent(doc, { title: '下月的截止', kind: 'other', status: 'planned', start: addDays(today, 40) }, o('d4'));
    await page.goto(`${app.server.url}/w/${randomId()}?view=month&date=${today}`);
    await page.waitForFunction(() => (globalThis as any).__cc);
    await page.evaluate((u) => (globalThis as any).__cc.applyUpdate(new Uint8Array(u)), Array.from(Y.encodeStateAsUpdate(doc)));
    await page.getByTestId('due-toggle').click();
    expect(new URL(page.url()).searchParams.get('panel')).toBe('due');
    const items = page.getByTestId('due-soon').getByTestId('due-item');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(2);
    const overdue = page.locator('[data-testid="due-item"][data-overdue="true"]');
    expect(await overdue.innerText()).toContain('材料报送截止');
    expect(await page.locator('[data-testid="due-item"][data-overdue="false"]').innerText()).toContain('征文报名截止');
    // Marked done, the overdue one leaves the list.
    await overdue.getByRole('button').click();
    const editor = page.getByTestId('event-editor');
    await editor.locator('[name="status"]').selectOption('done');
    await editor.getByTestId('save-event').click();
    await expect.poll(() => items.count()).toBe(1);
    expect(errors).toEqual([]);
  });
});

describe('reminders as system notifications', () => {
  it('shows a due reminder once, through the service worker, and never again on this device', async () => {
    const ctx = await app.newContext();
    await ctx.grantPermissions(['notifications'], { origin: app.server.url });
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    const id = randomId();
    await page.goto(`${app.server.url}/w/${id}?view=month&date=${todayIn('Asia/Shanghai')}`);
    await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.ready).active), undefined, { timeout: 90_000, polling: 250 });
    await page.waitForFunction(() => (globalThis as any).__cc?.checkReminders);
    // Starts in two hours; the reminder three hours before is due now.
    const start = new Date(Date.now() + 2 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 16); // Asia/Shanghai wall clock
    const doc = new Y.Doc();
    createEvent(doc, { title: '评审材料报送', kind: 'meeting', status: 'planned', start, reminders: [180] }, { origin: SYSTEM_ORIGIN, id: 'r1' });
    createEvent(doc, { title: '下周的会', kind: 'meeting', status: 'planned', start: addDays(start.slice(0, 10), 8) + 'T09:00', reminders: [60] }, { origin: SYSTEM_ORIGIN, id: 'r2' });
    await page.evaluate((u) => (globalThis as any).__cc.applyUpdate(new Uint8Array(u)), Array.from(Y.encodeStateAsUpdate(doc)));
    await settleIndex(page);
    await expect.poll(() => page.evaluate(() => (globalThis as any).__cc.checkReminders())).toBe(1);
    const titles = () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.title));
    await expect.poll(titles).toEqual(['评审材料报送']);
    expect(await page.evaluate(() => (globalThis as any).__cc.checkReminders())).toBe(0);
    await page.reload();
    await page.waitForFunction(() => (globalThis as any).__cc?.checkReminders);
    await page.waitForFunction(() => performance.getEntriesByName('cc:doc-loaded').length > 0);
    expect(await page.evaluate(() => (globalThis as any).__cc.checkReminders())).toBe(0);
    expect(errors).toEqual([]);
  });
});
