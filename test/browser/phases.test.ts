/**
 * Contests in phases, through the real relay in two browsers: one created from its template,
 * its final moved a week later with 颁奖 following in the other browser; and two people moving
 * linked phases offline, who see the broken link in red after reconnecting and repair it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { createViaEditor, dayCell, eventInCalendar, openMonth } from './helpers/calendar';
import { contextAs, joinAs, startSharing, syncState } from './helpers/collab';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** A shares a new workspace and B joins through the edit link; both are on October 2026. */
async function twoBrowsers() {
  const aCtx = await contextAs(app, '张三');
  const a = await aCtx.newPage();
  const id = randomId();
  await openMonth(a, app.server.url, id, '2026-10-01');
  const editLink = await startSharing(a);
  const { ctx: bCtx, page: b } = await joinAs(app, '李四', editLink);
  // The link opens today's month; B turns to October (the token is kept on the device).
  await openMonth(b, app.server.url, id, '2026-10-01');
  await expect.poll(() => syncState(b), { timeout: 10_000 }).toBe('synced');
  return { a, aCtx, b, bCtx };
}

/** 读书知识竞赛 from the 知识竞赛 template, its final on Friday 16 October. */
async function createContest(page: Page) {
  await page.getByTestId('new-from-template').click();
  const dialog = page.getByTestId('from-template');
  await dialog.waitFor();
  await dialog.locator('[name="template"]').selectOption('knowledge-contest');
  await dialog.locator('[name="title"]').fill('读书知识竞赛');
  expect(await dialog.locator('[name="anchor"]').inputValue()).toBe('final');
  await dialog.locator('[name="date"]').fill('2026-10-16');
  // The preview is what will be created: six phases, the final on the chosen day.
  const preview = dialog.getByTestId('template-preview').locator('li');
  await expect.poll(() => preview.count()).toBe(6);
  expect(await preview.nth(4).innerText()).toContain('2026-10-16 14:30');
  await dialog.getByTestId('create-from-template').click();
  await dialog.waitFor({ state: 'detached' });
  // The main event's editor opens with its phases.
  const editor = page.getByTestId('event-editor');
  await editor.waitFor();
  await expect.poll(() => editor.getByTestId('phase-row').count()).toBe(6);
  return editor;
}

/** Opens a phase from the calendar and moves it in the editor. */
async function moveInEditor(page: Page, title: string, start: string, end: string) {
  await eventInCalendar(page, title).first().click();
  const editor = page.getByTestId('event-editor');
  await editor.waitFor();
  await editor.locator('[name="start"]').fill(start);
  await editor.locator('[name="end"]').fill(end);
  await editor.getByTestId('save-event').click();
  await editor.waitFor({ state: 'detached' });
}

const dayText = (page: Page, day: string) => dayCell(page, day).innerText({ timeout: 5000 });

describe('contests in phases', () => {
  it('is created from its template; moving the final a week later carries 颁奖 along, seen in a second browser', async () => {
    const { a, b } = await twoBrowsers();
    const errors = [...trackErrors(a), ...trackErrors(b)];
    const editor = await createContest(a);
    expect(await editor.getByTestId('phase-row').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('决赛'), expect.stringContaining('颁奖')]),
    );
    await editor.press('Escape');
    await editor.waitFor({ state: 'detached' });

    // 颁奖 three working days after the final: Thursday the 22nd; B sees the whole course.
    await expect.poll(() => dayText(b, '2026-10-22'), { timeout: 15_000 }).toContain('读书知识竞赛·颁奖');
    // Phases wear the main event's colour.
    const award = eventInCalendar(b, '读书知识竞赛·颁奖').first();
    const main = eventInCalendar(b, '读书知识竞赛').filter({ hasNotText: '·' }).first();
    expect(await award.getAttribute('class')).toContain('cc-phase');
    const colour = (l: typeof award) => l.evaluate((el) => getComputedStyle(el).borderTopColor || getComputedStyle(el).backgroundColor);
    expect(await colour(award)).toBe(await colour(main));

    await moveInEditor(a, '读书知识竞赛·决赛', '2026-10-23T14:30', '2026-10-23T17:30');
    await expect.poll(() => dayText(b, '2026-10-29'), { timeout: 15_000 }).toContain('读书知识竞赛·颁奖');
    expect(await dayText(b, '2026-10-22')).not.toContain('颁奖');
    expect(await dayText(b, '2026-10-23')).toContain('读书知识竞赛·决赛');
    // One undo step takes both back.
    await a.keyboard.press('Control+z');
    await expect.poll(() => dayText(b, '2026-10-22'), { timeout: 15_000 }).toContain('读书知识竞赛·颁奖');
    expect(await dayText(b, '2026-10-16')).toContain('读书知识竞赛·决赛');
    expect(errors).toEqual([]);
  });

  it('two people moving linked phases offline see the broken link in red after reconnecting, and "fix" repairs it', async () => {
    const { a, aCtx, b, bCtx } = await twoBrowsers();
    const errors = [...trackErrors(a), ...trackErrors(b)];
    const editor = await createContest(a);
    // Later phases move only when they would overlap (a choice kept for the workspace).
    await editor.getByTestId('phase-cascade').locator('input[value="on-overlap"]').check();
    await editor.press('Escape');
    await moveInEditor(a, '读书知识竞赛·决赛', '2026-10-23T14:30', '2026-10-23T17:30');
    await expect.poll(() => dayText(b, '2026-10-23'), { timeout: 15_000 }).toContain('读书知识竞赛·决赛');

    await aCtx.setOffline(true);
    await bCtx.setOffline(true);
    await expect.poll(() => syncState(a)).toBe('offline');
    await expect.poll(() => syncState(b)).toBe('offline');
    // A moves the semifinal five days later: the final still has room, nothing follows.
    await moveInEditor(a, '读书知识竞赛·复赛', '2026-10-14T14:00', '2026-10-14T17:00');
    // B moves the final back to the 16th: moving earlier pulls nothing.
    await moveInEditor(b, '读书知识竞赛·决赛', '2026-10-16T14:30', '2026-10-16T17:30');
    // Each alone is a valid plan: no mark anywhere.
    expect(await a.locator('[data-link-broken="true"]').count()).toBe(0);
    expect(await b.locator('[data-link-broken="true"]').count()).toBe(0);

    await aCtx.setOffline(false);
    await bCtx.setOffline(false);
    await expect.poll(() => syncState(a), { timeout: 20_000 }).toBe('synced');
    await expect.poll(() => syncState(b), { timeout: 20_000 }).toBe('synced');
    // Merged, the final starts two days after the semifinal, not five working days: marked, not moved.
    const brokenFinal = (p: Page) => p.locator('[data-testid="calendar"] .cc-event[data-link-broken="true"]').filter({ hasText: '读书知识竞赛·决赛' });
    await expect.poll(() => brokenFinal(a).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => brokenFinal(b).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await dayText(a, '2026-10-16')).toContain('读书知识竞赛·决赛');
    expect(await brokenFinal(a).first().getAttribute('title')).toContain('早于「读书知识竞赛·复赛」');

    // The editor says what is wrong and fixes it.
    await brokenFinal(a).first().click();
    const ed = a.getByTestId('event-editor');
    await ed.getByTestId('phase-broken-note').waitFor();
    expect(await ed.locator('[data-testid="phase-row"][data-link-broken="true"]').count()).toBe(1);
    await ed.getByTestId('fix-links').click();
    await expect.poll(() => ed.getByTestId('phase-broken-note').count()).toBe(0);
    await ed.press('Escape');
    // Five working days after the semifinal (Wed 14th): Thursday the 22nd, seen by B without a mark.
    await expect.poll(() => dayText(b, '2026-10-22'), { timeout: 15_000 }).toContain('读书知识竞赛·决赛');
    await expect.poll(() => brokenFinal(b).count(), { timeout: 15_000 }).toBe(0);
    expect(errors).toEqual([]);
  });

  it('saves a contest as a template of the workspace, creates another from it, and the template goes to the trash and back', async () => {
    const page = await (await contextAs(app, '王五')).newPage();
    const errors = trackErrors(page);
    const id = randomId();
    await openMonth(page, app.server.url, id, '2026-10-01');
    const editor = await createContest(page);
    await editor.getByTestId('save-template').click();
    await editor.getByRole('status').waitFor();
    await editor.press('Escape');

    await page.getByTestId('new-from-template').click();
    const dialog = page.getByTestId('from-template');
    const saved = dialog.locator('[name="template"] option[value^="saved:"]');
    await expect.poll(() => saved.count()).toBe(1);
    expect(await saved.innerText()).toBe('读书知识竞赛');
    await dialog.locator('[name="template"]').selectOption(await saved.getAttribute('value'));
    await dialog.locator('[name="title"]').fill('第二届读书知识竞赛');
    await dialog.locator('[name="anchor"]').selectOption('final');
    await dialog.locator('[name="date"]').fill('2026-11-13');
    await dialog.getByTestId('create-from-template').click();
    const second = page.getByTestId('event-editor');
    await expect.poll(() => second.getByTestId('phase-row').count()).toBe(6);
    // Same course, four weeks later: 颁奖 three working days after the final (Fri 13 Nov → Thu 19 Nov).
    expect(await second.locator('[data-testid="phase-row"][data-phase="award"]').innerText()).toContain('2026-11-19 10:00');
    await second.press('Escape');

    await page.getByTestId('new-from-template').click();
    await dialog.locator('[name="template"]').selectOption(await saved.getAttribute('value'));
    await dialog.getByTestId('delete-template').click();
    await expect.poll(() => saved.count()).toBe(0);
    await dialog.press('Escape');
    await page.goto(`${app.server.url}/w/${id}/trash`);
    const row = page.locator('[data-testid="trash-item"][data-type="template"]');
    await row.waitFor();
    await row.getByTestId('restore-template').click();
    await expect.poll(() => row.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('dragging the final in the month grid carries 颁奖 along, and the main event is not resized by hand', async () => {
    const page = await (await contextAs(app, '赵六')).newPage();
    const errors = trackErrors(page);
    await openMonth(page, app.server.url, randomId(), '2026-10-01');
    const editor = await createContest(page);
    await editor.press('Escape');
    await editor.waitFor({ state: 'detached' });
    const final = eventInCalendar(page, '读书知识竞赛·决赛').first();
    await final.waitFor();
    const a = (await final.boundingBox())!;
    const b = (await dayCell(page, '2026-10-23').boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 + 5, a.y + a.height / 2 + 5, { steps: 3 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height * 0.75, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => dayText(page, '2026-10-29'), { timeout: 10_000 }).toContain('读书知识竞赛·颁奖');
    expect(await dayText(page, '2026-10-23')).toContain('14:30');
    // The main event spans its phases by rule: no resize handle on it.
    const main = eventInCalendar(page, '读书知识竞赛').filter({ hasNotText: '·' }).first();
    expect(await main.getAttribute('class')).toContain('cc-phase-main');
    // FullCalendar's class names are hashed: a resizable event has its resize handles as extra
    // children around the content, a non-resizable one has the content alone.
    await createViaEditor(page, { title: '普通的全天活动', kind: 'meeting', start: '2026-10-05' });
    const parts = (l: typeof main) => l.evaluate((el) => el.children.length);
    expect(await parts(main)).toBeLessThan(await parts(eventInCalendar(page, '普通的全天活动').first()));
    expect(errors).toEqual([]);
  });
});
