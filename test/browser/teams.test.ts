import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import * as Y from 'yjs';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { createEvent, createTeam, createUnit, initWorkspaceDoc, SYSTEM_ORIGIN } from '../../shared/src/schema';
import { dayCell, eventInCalendar } from './helpers/calendar';
import { contextAs, joinAs, startSharing, syncState } from './helpers/collab';

/** Two teams, five units (four targets), sessions done and planned in 2026. */
function tourDoc(): Y.Doc {
  const doc = new Y.Doc();
  initWorkspaceDoc(doc, { name: '县委宣传部' });
  const o = (id: string) => ({ origin: SYSTEM_ORIGIN, id });
  createTeam(doc, { name: '青年理论宣讲团', members: ['王芳', '李明'] }, o('t-youth'));
  createTeam(doc, { name: '百姓名嘴宣讲团', members: ['赵强'] }, o('t-folk'));
  createUnit(doc, { name: '城关镇中心小学', category: 'school', target: true }, o('u-school'));
  createUnit(doc, { name: '东关社区', category: 'community', target: true }, o('u-comm'));
  createUnit(doc, { name: '红星村', category: 'village', target: true }, o('u-village'));
  createUnit(doc, { name: '县纺织厂', category: 'enterprise', target: true }, o('u-factory'));
  createUnit(doc, { name: '县档案馆', category: 'agency', target: false }, o('u-archive'));
  const s = (id: string, teamId: string, hostUnitId: string, start: string, status: 'done' | 'planned', audience?: number) =>
    createEvent(doc, { title: `宣讲${id}`, kind: 'lecture', status, start, end: start.replace(/T09:00$/, 'T10:30'), teamId, hostUnitId, speakers: [teamId === 't-youth' ? '王芳' : '赵强'], ...(audience ? { audience } : {}) }, o(id));
  s('s1', 't-youth', 'u-school', '2026-03-10T09:00', 'done', 300);
  s('s2', 't-youth', 'u-school', '2026-04-14T09:00', 'planned', 200);
  s('s3', 't-youth', 'u-comm', '2026-04-21T09:00', 'done', 80);
  s('s4', 't-folk', 'u-comm', '2026-05-06T09:00', 'planned', 60);
  s('s5', 't-folk', 'u-archive', '2026-05-13T09:00', 'done', 40);
  return doc;
}

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** The service worker has precached the app (the editor's chunk too) and controls the page: it works offline. */
const offlineReady = (page: Page) =>
  page.waitForFunction(
    async () => {
      const reg = await navigator.serviceWorker.ready;
      return Boolean(reg.active) && Boolean(navigator.serviceWorker.controller);
    },
    undefined,
    { timeout: 90_000, polling: 250 },
  );

async function newTeam(page: Page, name: string, members: string[]) {
  await page.getByTestId('new-team').click();
  const dialog = page.getByTestId('team-editor');
  await dialog.locator('[name="name"]').fill(name);
  await dialog.locator('[name="members"]').fill(members.join('\n'));
  await dialog.getByTestId('save-team').click();
  await dialog.waitFor({ state: 'detached' });
}

/** A new session of the selected team through the tour's button and the event editor. */
async function newSession(page: Page, s: { title: string; start: string; end: string; speaker: string; host?: string }) {
  await page.getByTestId('new-session').click();
  const editor = page.getByTestId('event-editor');
  await editor.waitFor();
  await editor.locator('[name="title"]').fill(s.title);
  await editor.locator('[name="start"]').fill(s.start);
  await editor.locator('[name="end"]').fill(s.end);
  await editor.getByTestId('lecture-fields').getByText(s.speaker, { exact: true }).click();
  if (s.host) await editor.locator('[name="hostUnit"]').fill(s.host);
  return editor;
}

describe('lecture teams, host units and conflicts', () => {
  it('a team with members, units added and pasted, sessions whose double-booked speaker is flagged before saving and in the panel', async () => {
    const ctx = await contextAs(app, '张三');
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    await page.goto(`${app.server.url}/w/${randomId()}/teams`);
    await page.getByTestId('teams-page').waitFor();
    await expect.poll(() => page.getByTestId('units').innerText()).toContain('名录是空的');

    await newTeam(page, '青年理论宣讲团', ['王芳', '李明']);
    await expect.poll(() => page.getByTestId('team-card').count()).toBe(1);
    expect(await page.getByTestId('team-card').innerText()).toContain('王芳、李明');

    // One unit by hand, three pasted (one of them already there), previewed first.
    await page.getByTestId('add-unit').click();
    const unitDialog = page.getByTestId('unit-editor');
    await unitDialog.locator('[name="name"]').fill('东关社区');
    await unitDialog.locator('[name="category"]').selectOption('community');
    await unitDialog.getByTestId('save-unit').click();
    await expect.poll(() => page.getByTestId('unit-row').count()).toBe(1);
    await page.getByTestId('paste-units').click();
    const paste = page.getByTestId('unit-paste');
    await paste.locator('[name="paste"]').fill('单位名称\t类别\n城关镇中心小学\t学校\n县融媒体中心\t机关\n东关社区\t社区\n');
    await expect.poll(() => paste.getByTestId('paste-row').count()).toBe(3);
    expect(await paste.getByTestId('paste-preview').innerText()).toContain('名录中已有');
    await paste.getByTestId('save-pasted-units').click();
    await paste.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('unit-row').count()).toBe(3);
    expect(await page.getByTestId('units').innerText()).toContain('校园');

    // Two sessions, then a third that books 王芳 while she is at the first: flagged live.
    let editor = await newSession(page, { title: '宣讲进校园', start: '2026-05-12T09:00', end: '2026-05-12T10:30', speaker: '王芳', host: '城关镇中心小学' });
    await editor.locator('[name="audience"]').fill('120');
    await editor.getByTestId('save-event').click();
    await editor.waitFor({ state: 'detached' });
    editor = await newSession(page, { title: '宣讲进机关', start: '2026-05-12T14:30', end: '2026-05-12T16:00', speaker: '李明', host: '县融媒体中心' });
    await editor.getByTestId('save-event').click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('tour-session').count()).toBe(2);
    expect(await page.getByTestId('tour').innerText()).toContain('城关镇中心小学');
    await expect.poll(() => page.getByTestId('conflicts').innerText()).toContain('没有发现冲突');

    editor = await newSession(page, { title: '宣讲进社区', start: '2026-05-12T10:00', end: '2026-05-12T11:00', speaker: '王芳', host: '东关社区' });
    const live = editor.getByTestId('live-conflicts').getByTestId('conflict');
    await expect.poll(() => live.count()).toBeGreaterThanOrEqual(1);
    expect(await live.first().getAttribute('data-severity')).toBe('hard');
    expect(await editor.getByTestId('live-conflicts').innerText()).toContain('王芳');
    expect(await editor.getByTestId('live-conflicts').innerText()).toContain('宣讲进校园');
    // Moved to the afternoon, clear of the morning session (and of the buffer): the warning goes.
    // (The team's own sessions count too: 12:00–13:00 is an hour clear of both.)
    await editor.locator('[name="start"]').fill('2026-05-12T12:00');
    await editor.locator('[name="end"]').fill('2026-05-12T13:00');
    await expect.poll(() => editor.getByTestId('live-conflicts').count()).toBe(0);
    // Back where it clashes, saved anyway: the drop is allowed, and the panel names both sides.
    await editor.locator('[name="start"]').fill('2026-05-12T10:00');
    await editor.locator('[name="end"]').fill('2026-05-12T11:00');
    await editor.getByTestId('save-event').click();
    await editor.waitFor({ state: 'detached' });
    const conflict = page.getByTestId('conflicts').getByTestId('conflict');
    await expect.poll(() => conflict.count()).toBeGreaterThanOrEqual(1);
    const hard = page.getByTestId('conflicts').locator('[data-testid="conflict"][data-severity="hard"][data-kind="speaker"]');
    await expect.poll(() => hard.count()).toBe(1);
    expect(await hard.innerText()).toContain('宣讲进校园');
    expect(await hard.innerText()).toContain('宣讲进社区');

    // A unit goes to the trash and comes back, like an event.
    await page.getByTestId('unit-row').filter({ hasText: '东关社区' }).getByRole('button').click();
    await page.getByTestId('unit-editor').getByRole('button', { name: '移到回收站' }).click();
    await expect.poll(() => page.getByTestId('unit-row').count()).toBe(2);
    await page.getByTestId('trash-link').click();
    await page.locator('[data-testid="trash-item"][data-type="unit"]').getByTestId('restore-unit').click();
    await page.getByTestId('teams-link').click();
    await expect.poll(() => page.getByTestId('unit-row').count()).toBe(3);
    expect(errors).toEqual([]);
  });

  it('two organisers offline each book the same speaker; once both reconnect, both see the hard conflict', async () => {
    const aCtx = await contextAs(app, '张三');
    const a = await aCtx.newPage();
    const id = randomId();
    await a.goto(`${app.server.url}/w/${id}/teams`);
    await a.getByTestId('teams-page').waitFor();
    await newTeam(a, '百姓名嘴宣讲团', ['赵强', '钱丽']);
    const editLink = await startSharing(a);
    const { ctx: bCtx, page: b } = await joinAs(app, '李四', editLink);
    await b.getByTestId('teams-link').click();
    await expect.poll(() => b.getByTestId('team-card').count(), { timeout: 10_000 }).toBe(1);

    await offlineReady(a);
    await offlineReady(b);
    await aCtx.setOffline(true);
    await bCtx.setOffline(true);
    await expect.poll(() => syncState(a)).toBe('offline');
    await expect.poll(() => syncState(b)).toBe('offline');
    for (const [page, title] of [
      [a, '理论宣讲进企业'],
      [b, '理论宣讲进农村'],
    ] as const) {
      const editor = await newSession(page, { title, start: '2026-06-03T09:00', end: '2026-06-03T11:00', speaker: '赵强' });
      await expect.poll(() => editor.getByTestId('live-conflicts').count()).toBe(0); // nothing to clash with on this device
      await editor.getByTestId('save-event').click();
      await editor.waitFor({ state: 'detached' });
    }
    // Each device has only its own booking while apart (given time to arrive, were it connected).
    await a.waitForTimeout(700);
    for (const page of [a, b]) expect(await page.getByTestId('tour-session').count()).toBe(1);
    await aCtx.setOffline(false);
    await bCtx.setOffline(false);
    for (const page of [a, b]) {
      await expect.poll(() => syncState(page), { timeout: 20_000 }).toBe('synced');
      const hard = page.getByTestId('conflicts').locator('[data-testid="conflict"][data-severity="hard"][data-kind="speaker"]');
      await expect.poll(() => hard.count(), { timeout: 10_000 }).toBe(1);
      const text = await hard.innerText();
      expect(text).toContain('理论宣讲进企业');
      expect(text).toContain('理论宣讲进农村');
      expect(text).toContain('赵强');
      // Nobody's edit was undone: both sessions are in the tour.
      await expect.poll(() => page.getByTestId('tour-session').count()).toBe(2);
    }
  });

  it('coverage matches the seeded sessions; a proposed tour reaches the unreached targets without double-booking', async () => {
    const page = await (await contextAs(app, '张三')).newPage();
    const errors = trackErrors(page);
    await page.goto(`${app.server.url}/w/${randomId()}/teams?team=t-youth`);
    await page.getByTestId('teams-page').waitFor();
    await page.waitForFunction(() => (globalThis as any).__cc);
    await page.evaluate((u) => (globalThis as any).__cc.applyUpdate(new Uint8Array(u)), Array.from(Y.encodeStateAsUpdate(tourDoc())));
    const cell = (unit: string, team: string) => page.locator(`[data-testid="coverage"] [data-unit="${unit}"][data-team="${team}"]`);
    await expect.poll(() => cell('u-school', 't-youth').innerText(), { timeout: 10_000 }).toBe('1/2');
    expect(await cell('u-comm', 't-youth').innerText()).toBe('1/1');
    expect(await cell('u-comm', 't-folk').innerText()).toBe('0/1');
    expect(await cell('u-village', 't-folk').innerText()).toBe('0/0');
    expect(await cell('u-archive', 't-folk').innerText()).toBe('1/1');
    // Targets reached: school and community of four (the archive is no target): 50.0%.
    expect(await page.getByTestId('coverage-total').innerText()).toContain('2/4（50.0%）');
    expect(await page.locator('[data-testid="coverage-by-category"] [data-category="village"]').innerText()).toContain('0.0%');
    expect(await page.locator('[data-testid="coverage-by-month"] [data-month="2026-03"]').innerText()).toMatch(/1\s+1\s+300\s+0/);

    // The same figures in the workbook.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-coverage').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const values = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(values).toContain('城关镇中心小学');
    expect(values).toContain('1/2');
    expect(values).toContain('0/1');

    // Printed, the page is the coverage report alone, on landscape pages.
    const pdfFile = path.join(os.tmpdir(), `coverage-${Date.now()}.pdf`);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    } catch (e) {
      throw new Error(`pdftotext failed (install it with: apt-get install -y poppler-utils): ${String(e)}`);
    }
    expect(text).toContain('理论宣讲覆盖情况（2026年）');
    for (const name of ['城关镇中心小学', '红星村', '按“六进”类别', '2026-03']) expect(text).toContain(name);
    expect(text).not.toContain('承办单位名录');
    expect(text).not.toContain('从表格粘贴');
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    const [, w, h] = info.match(/Page size:\s+([\d.]+) x ([\d.]+)/)!;
    expect(Number(w)).toBeGreaterThan(Number(h));

    // The youth team's tour of the targets it has not reached yet, 1–12 June 2026.
    await page.getByTestId('schedule-tour-button').click();
    const dialog = page.getByTestId('schedule-tour');
    await dialog.locator('[name="from"]').fill('2026-06-01');
    await dialog.locator('[name="lastDay"]').fill('2026-06-12');
    const chosen = await dialog.locator('[name="unit"]:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).sort());
    expect(chosen).toEqual(['u-factory', 'u-village']);
    await dialog.getByTestId('propose-tour').click();
    await expect.poll(() => dialog.getByTestId('tour-draft').count()).toBe(2);
    expect(await dialog.getByTestId('live-conflicts').count()).toBe(0);
    await dialog.getByTestId('accept-tour').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('tour-session').count()).toBe(5);
    const tour = await page.getByTestId('tour').innerText();
    expect(tour).toContain('红星村');
    expect(tour).toContain('县纺织厂');
    expect(await cell('u-village', 't-youth').innerText()).toBe('0/1');
    await expect.poll(() => page.getByTestId('conflicts').locator('[data-severity="hard"]').count()).toBe(0);
    // One undo takes the whole accepted tour back.
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('tour-session').count()).toBe(3);
    expect(errors).toEqual([]);
  });

  it('dragging a session in the calendar onto the day its speaker is elsewhere marks it while dragging and after the drop', async () => {
    const page = await (await contextAs(app, '张三')).newPage();
    const errors = trackErrors(page);
    const id = randomId();
    await page.goto(`${app.server.url}/w/${id}?view=month&date=2026-04-01`);
    await page.getByTestId('calendar').waitFor();
    await page.waitForFunction(() => (globalThis as any).__cc);
    await page.evaluate((u) => (globalThis as any).__cc.applyUpdate(new Uint8Array(u)), Array.from(Y.encodeStateAsUpdate(tourDoc())));
    // 宣讲s2 (14 April, 王芳, 09:00) is dragged onto 21 April, where 王芳 gives 宣讲s3 at 09:00.
    const moving = eventInCalendar(page, '宣讲s2');
    await moving.waitFor();
    // The calendar draws again once the conflict rules have read the seeded sessions: start the
    // drag when the event has stayed put for a moment.
    let last = '';
    await expect
      .poll(async () => {
        const box = JSON.stringify(await moving.boundingBox());
        const stable = box !== 'null' && box === last;
        last = box;
        return stable;
      }, { interval: 300 })
      .toBe(true);
    const a = (await moving.boundingBox())!;
    const b = (await dayCell(page, '2026-04-21').boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 + 5, a.y + a.height / 2 + 5, { steps: 3 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    // The dragged copy (not yet the event itself, which stays where it was until the drop).
    const mirror = page.locator('.cc-event[data-conflict="hard"]').filter({ hasText: '宣讲s2' });
    await expect.poll(() => mirror.count()).toBeGreaterThan(0);
    expect(await mirror.first().getAttribute('title')).toContain('王芳');
    await page.mouse.up();
    // The drop is allowed; both sessions are marked, and the reason names the speaker.
    await expect.poll(() => page.evaluate(() => (globalThis as any).__cc.doc.getMap('events').get('s2').get('start'))).toBe('2026-04-21T09:00');
    // Marked once the conflict index is rebuilt, which waits for an idle main thread (up to 1 s, then the build).
    for (const title of ['宣讲s2', '宣讲s3']) await expect.poll(() => eventInCalendar(page, title).getAttribute('data-conflict'), { timeout: 10_000 }).toBe('hard');
    expect(await eventInCalendar(page, '宣讲s2').getAttribute('title')).toContain('王芳');
    await page.getByTestId('teams-link').click();
    const hard = page.getByTestId('conflicts').locator('[data-severity="hard"][data-kind="speaker"]');
    await expect.poll(() => hard.count(), { timeout: 10_000 }).toBe(1);
    expect(await hard.innerText()).toContain('宣讲s2');
    expect(await hard.innerText()).toContain('宣讲s3');
    expect(errors).toEqual([]);
  });
});
