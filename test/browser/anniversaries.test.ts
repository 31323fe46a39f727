import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { dayCell } from './helpers/calendar';
import { lunarToSolar } from '../../shared/src/time/lunar';

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
    await own.first().getByRole('button').click();
    const editor = page.getByTestId('event-editor');
    await editor.waitFor();
    expect(await editor.locator('[name="title"]').inputValue()).toBe('纪念建校纪念日70周年');
    expect(await editor.locator('[name="kind"]').inputValue()).toBe('anniversary');
    expect(await editor.locator('[name="start"]').inputValue()).toBe('2027-09-28');
    expect(errors).toEqual([]);
  });
});
