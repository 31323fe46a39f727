import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import * as Y from 'yjs';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { crowdedTimelineDoc, sid, timelineDoc } from '../helpers/timeline-seed';
import { createEvent, createTeam, initWorkspaceDoc, SYSTEM_ORIGIN } from '../../shared/src/schema';
import { createWorkspaceApi } from '../../shared/src/workspace';
import { settleIndex } from './helpers/settle';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const item = (page: Page, id: string) => page.locator(`[data-testid="timeline-item"][data-id="${id}"]`);
const docField = (page: Page, map: string, id: string, field: string) =>
  page.evaluate(({ map, id, field }) => ((globalThis as any).__cc.doc.getMap(map).get(id) as any)?.get(field) ?? null, { map, id, field });

async function seed(page: Page, doc: Y.Doc) {
  await page.waitForFunction(() => (globalThis as any).__cc);
  await page.evaluate((u) => (globalThis as any).__cc.applyUpdate(new Uint8Array(u)), Array.from(Y.encodeStateAsUpdate(doc)));
  await settleIndex(page);
}

/** Drags from a point of `target` (fraction of its width) by dx pixels, in small steps like a hand. */
async function drag(page: Page, target: Locator, dx: number, at = 0.5) {
  const box = (await target.boundingBox())!;
  const x = box.x + box.width * at;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 3, y, { steps: 4 });
  await page.mouse.move(x + dx, y, { steps: 6 });
  await page.mouse.up();
}

/** Owner A shares a new workspace from the timeline; returns A's page and the links. */
async function shareFromTimeline(query: string) {
  const ctx = await app.newContext();
  await ctx.addInitScript(() => localStorage.setItem('cc.displayName', '张三'));
  const page = await ctx.newPage();
  const id = randomId();
  await page.goto(`${app.server.url}/w/${id}/timeline?${query}`);
  await page.getByTestId('timeline').waitFor();
  await page.getByTestId('share').click();
  await page.getByTestId('start-sharing').click();
  const dialog = page.getByTestId('share-dialog');
  const editLink = await dialog.getByTestId('edit-link').inputValue();
  const viewLink = await dialog.getByTestId('view-link').inputValue();
  await dialog.press('Escape');
  await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state')).toBe('synced');
  return { page, id, editLink, viewLink };
}

/** Opens a share link, then the timeline of that workspace. */
async function openLink(link: string, name: string, query: string): Promise<Page> {
  const ctx = await app.newContext();
  await ctx.addInitScript((n) => localStorage.setItem('cc.displayName', n), name);
  const page = await ctx.newPage();
  await page.goto(link);
  await page.getByTestId('calendar').waitFor();
  await page.getByTestId('timeline-link').click();
  await page.getByTestId('timeline').waitFor();
  const url = new URL(page.url());
  await page.goto(`${url.origin}${url.pathname}?${query}`);
  await page.getByTestId('timeline').waitFor();
  return page;
}

describe('the campaign timeline', () => {
  it('shows every section, campaign, activity, series occurrence and planned window of a seeded year', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    await page.goto(`${app.server.url}/w/${randomId()}/timeline?zoom=year&date=2026-03-01&groupBy=section`);
    await page.getByTestId('timeline').waitFor();
    await seed(page, timelineDoc());
    for (const key of [sid('s1'), sid('s1.1'), sid('s1.2'), sid('s2'), sid('s3'), '__unlinked']) {
      await expect.poll(() => page.locator(`[data-testid="timeline-group"][data-group="${key}"]`).count(), { timeout: 10_000 }).toBe(1);
    }
    // The top section has nothing of its own: marked, not hidden.
    await expect.poll(() => page.locator(`[data-group="${sid('s1')}"]`).innerText()).toContain('尚无安排');
    await expect.poll(() => page.locator(`[data-group="__unlinked"]`).innerText()).toContain('未关联');
    for (const id of ['camp-read', 'camp-talk', 'ev-reading-open', 'ev-reading-fair', 'ev-talk-1', 'ev-talk-2', 'ev-window', 'ev-unlinked', 'ev-exhibit']) {
      expect(await item(page, id).count(), id).toBeGreaterThanOrEqual(1);
    }
    expect(await item(page, 'camp-read').getAttribute('data-type')).toBe('campaign');
    expect(await item(page, 'camp-read').getAttribute('data-start')).toBe('2026-04-01');
    expect(await item(page, 'camp-read').getAttribute('data-end')).toBe('2026-05-01');
    expect(await item(page, 'camp-read').innerText()).toContain('全民阅读月');
    expect(await item(page, 'camp-read').innerText()).toContain('1/2'); // progress: one of two done
    expect(await item(page, 'ev-study').count()).toBe(12); // a monthly series, every occurrence
    expect(await page.locator('.planned-window').count()).toBe(1);
    // Grouping and zoom live in the URL and the controls.
    await page.locator('select[name="groupBy"]').selectOption('campaign');
    await expect.poll(() => new URL(page.url()).searchParams.get('groupBy')).toBe('campaign');
    await expect.poll(() => page.locator('[data-testid="timeline-group"][data-group="camp-talk"]').count()).toBe(1);
    await page.locator('[data-zoom="quarter"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('zoom')).toBe('quarter');
    await expect.poll(() => page.getByTestId('timeline-title').innerText()).toBe('2026年第1季度');
    // Pan by dragging the date axis; ← → step to the previous and next quarter.
    const scrollLeft = () => page.getByTestId('timeline').evaluate((el) => el.scrollLeft);
    expect(await scrollLeft()).toBe(0);
    await drag(page, page.locator('.timeline-axis'), -150, 0.6);
    expect(await scrollLeft()).toBeGreaterThan(100);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('timeline-title').innerText()).toBe('2026年第2季度');
    expect(new URL(page.url()).searchParams.get('date')).toBe('2026-04-01');
    expect(errors).toEqual([]);
  });

  it('a reopened workspace draws its rows and bars in their groups before its document has loaded', async () => {
    const ctx = await app.newContext();
    // Notes, as the first bar appears, whether the doc had loaded and where each bar sits.
    await ctx.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const items = [...document.querySelectorAll<HTMLElement>('[data-testid="timeline-item"]')];
        if (!items.length) return;
        observer.disconnect();
        (globalThis as any).__firstPaint = {
          docLoaded: performance.getEntriesByName('cc:doc-loaded').length > 0,
          rows: [...document.querySelectorAll<HTMLElement>('[data-testid="timeline-group"]')].map((r) => r.dataset.group),
          where: Object.fromEntries(items.map((i) => [i.dataset.id, i.closest<HTMLElement>('[data-testid="timeline-group"]')!.dataset.group])),
        };
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    const id = randomId();
    const url = `${app.server.url}/w/${id}/timeline?zoom=year&date=2026-03-01&groupBy=section`;
    await page.goto(url);
    await page.getByTestId('timeline').waitFor();
    await seed(page, timelineDoc());
    // The campaigns reach their persisted copy shortly after the change (writes are batched).
    const persistedCampaigns = () =>
      page.evaluate(
        (ws) =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('campaign-calendar');
            open.onsuccess = () => {
              const get = open.result.transaction('groupRecords').objectStore('groupRecords').get(ws);
              get.onsuccess = () => {
                resolve(get.result?.campaigns?.length ?? 0);
                open.result.close();
              };
            };
          }),
        id,
      );
    await expect.poll(persistedCampaigns, { timeout: 10_000 }).toBe(2);

    await page.reload();
    await expect.poll(() => page.evaluate(() => (globalThis as any).__firstPaint ?? null)).not.toBeNull();
    const first = await page.evaluate(() => (globalThis as any).__firstPaint);
    expect(first.docLoaded).toBe(false);
    expect(first.rows).toEqual(expect.arrayContaining([sid('s1'), sid('s1.1'), sid('s2')]));
    expect(first.where['ev-reading-open']).toBe(sid('s2'));
    expect(first.where['ev-unlinked']).toBe('__unlinked');
    // Then the doc loads, nothing moves, and the bars can be edited.
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('cc:doc-loaded').length)).toBe(1);
    expect(await item(page, 'ev-reading-open').locator('xpath=ancestor::*[@data-testid="timeline-group"]').getAttribute('data-group')).toBe(sid('s2'));
    await expect.poll(() => item(page, 'camp-read').innerText()).toContain('1/2');
    await expect.poll(() => item(page, 'camp-read').getAttribute('class')).toContain('editable');
    expect(errors).toEqual([]);
  });

  it('live through a share link: a drag, a resize, a campaign moved with its activities, a new campaign by dragging; a view link cannot change it', async () => {
    const query = 'zoom=quarter&date=2026-04-01&groupBy=section';
    const a = await shareFromTimeline(query);
    const errors = trackErrors(a.page);
    await seed(a.page, timelineDoc());
    const b = await openLink(a.editLink, '李四', query);
    await item(b, 'camp-read').waitFor();
    await item(a.page, 'camp-read').waitFor();

    // A drags the reading month a week later, without its activities: B's bar moves.
    await drag(a.page, item(a.page, 'camp-read'), 7 * 14);
    const dialog = a.page.getByTestId('move-campaign-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('move-campaign-only').click();
    await expect.poll(() => docField(a.page, 'campaigns', 'camp-read', 'start')).toBe('2026-04-08');
    expect(await docField(a.page, 'campaigns', 'camp-read', 'end')).toBe('2026-05-08');
    await expect.poll(() => item(b, 'camp-read').getAttribute('data-start'), { timeout: 10_000 }).toBe('2026-04-08');
    expect(await docField(a.page, 'events', 'ev-reading-fair', 'start')).toBe('2026-04-18');
    // One drag, one undo step.
    await a.page.getByTestId('undo').click();
    await expect.poll(() => item(b, 'camp-read').getAttribute('data-start'), { timeout: 10_000 }).toBe('2026-04-01');

    // Now with its activities: each keeps its offset.
    await drag(a.page, item(a.page, 'camp-read'), 7 * 14);
    await a.page.getByTestId('move-campaign-dialog').getByTestId('move-campaign-all').click();
    await expect.poll(() => docField(a.page, 'events', 'ev-reading-fair', 'start')).toBe('2026-04-25');
    expect(await docField(a.page, 'events', 'ev-reading-fair', 'end')).toBe('2026-04-27');
    expect(await docField(a.page, 'events', 'ev-reading-open', 'start')).toBe('2026-04-09');
    await expect.poll(() => item(b, 'ev-reading-fair').getAttribute('data-start'), { timeout: 10_000 }).toBe('2026-04-25');

    // B resizes the fair by dragging its right end two days further.
    const fair = item(b, 'ev-reading-fair');
    await drag(b, fair, 2 * 14, 0.97);
    await expect.poll(() => docField(b, 'events', 'ev-reading-fair', 'end')).toBe('2026-04-29');
    expect(await docField(b, 'events', 'ev-reading-fair', 'start')).toBe('2026-04-25');
    await expect.poll(() => item(a.page, 'ev-reading-fair').getAttribute('data-end'), { timeout: 10_000 }).toBe('2026-04-29');

    // A draws a new campaign across the empty top section's row.
    const row = a.page.locator(`[data-group="${sid('s1')}"] .row-track`);
    const box = (await row.boundingBox())!;
    await a.page.mouse.move(box.x + 20 * 14 + 5, box.y + 15);
    await a.page.mouse.down();
    await a.page.mouse.move(box.x + 30 * 14 + 5, box.y + 15, { steps: 8 });
    await a.page.mouse.up();
    const editor = a.page.getByTestId('campaign-editor');
    await editor.waitFor();
    expect(await editor.locator('[name="start"]').inputValue()).toBe('2026-04-21');
    expect(await editor.locator('[name="lastDay"]').inputValue()).toBe('2026-05-01');
    await editor.locator('[name="title"]').fill('理论学习月');
    await editor.getByTestId('save-campaign').click();
    await editor.waitFor({ state: 'detached' });
    const created = b.locator('[data-testid="timeline-item"][data-type="campaign"]', { hasText: '理论学习月' });
    await expect.poll(() => created.count(), { timeout: 10_000 }).toBe(1);
    expect(await created.getAttribute('data-end')).toBe('2026-05-02');
    expect(await b.locator(`[data-group="${sid('s1')}"]`).locator('[data-type="campaign"]').count()).toBe(1);

    // Presence: while A has the talks season open, B's bar says who is editing it.
    await item(a.page, 'camp-talk').click();
    await a.page.getByTestId('campaign-editor').waitFor();
    await expect.poll(() => item(b, 'camp-talk').innerText(), { timeout: 10_000 }).toContain('✎ 张三');
    await a.page.getByTestId('campaign-editor').press('Escape');
    await expect.poll(() => item(b, 'camp-talk').innerText(), { timeout: 10_000 }).not.toContain('✎');

    // A view link sees the same chart and cannot move anything.
    const v = await openLink(a.viewLink, '王五', query);
    await item(v, 'camp-talk').waitFor();
    const before = await item(v, 'camp-talk').getAttribute('data-start');
    await drag(v, item(v, 'camp-talk'), 7 * 14);
    await v.waitForTimeout(500);
    expect(await item(v, 'camp-talk').getAttribute('data-start')).toBe(before);
    expect(await docField(a.page, 'campaigns', 'camp-talk', 'start')).toBe('2026-06-01');
    expect(await v.getByTestId('new-campaign').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a campaign opens in its editor, goes to the trash and comes back; an activity joins a campaign from its editor or by a drop onto the bar', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    const id = randomId();
    await page.goto(`${app.server.url}/w/${id}/timeline?zoom=quarter&date=2026-04-01&groupBy=campaign`);
    await page.getByTestId('timeline').waitFor();
    await seed(page, timelineDoc());
    await item(page, 'camp-read').click();
    const editor = page.getByTestId('campaign-editor');
    await editor.waitFor();
    expect(await editor.locator('[name="title"]').inputValue()).toBe('全民阅读月');
    expect(await editor.locator('[name="lastDay"]').inputValue()).toBe('2026-04-30');
    await editor.getByTestId('delete-campaign').click();
    await expect.poll(() => item(page, 'camp-read').count()).toBe(0);
    await page.getByTestId('trash-link').click();
    const row = page.locator('[data-testid="trash-item"][data-type="campaign"]', { hasText: '全民阅读月' });
    await row.waitFor();
    await row.getByTestId('restore-campaign').click();
    await expect.poll(() => row.count()).toBe(0);
    await page.goto(`${app.server.url}/w/${id}/timeline?zoom=quarter&date=2026-04-01&groupBy=campaign`);
    await item(page, 'camp-read').waitFor();

    // The unlinked training joins the reading month through its editor…
    await item(page, 'ev-unlinked').click();
    const ev = page.getByTestId('event-editor');
    await ev.waitFor();
    await ev.locator('[name="campaignId"]').selectOption('camp-read');
    await ev.getByTestId('save-event').click();
    await ev.waitFor({ state: 'detached' });
    await expect.poll(() => docField(page, 'events', 'ev-unlinked', 'campaignId')).toBe('camp-read');
    await expect.poll(() => page.locator('[data-group="camp-read"]').locator('[data-id="ev-unlinked"]').count()).toBe(1);
    // …and the exhibition joins the talks season by being dropped onto its bar.
    await page.locator('select[name="groupBy"]').selectOption('section');
    await page.locator('[data-zoom="year"]').click();
    const exhibit = item(page, 'ev-exhibit');
    const target = item(page, 'camp-talk');
    const from = (await exhibit.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => docField(page, 'events', 'ev-exhibit', 'campaignId')).toBe('camp-talk');
    expect(await docField(page, 'events', 'ev-exhibit', 'start')).toBe('2026-09-20'); // linked, not moved
    expect(errors).toEqual([]);
  });

  it('a crowded row fills in over a few frames when it first appears, and an edit never makes its bars blink', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    await page.goto(`${app.server.url}/w/${randomId()}/timeline?zoom=year&date=2026-01-01&groupBy=kind`);
    await page.getByTestId('timeline').waitFor();
    const doc = crowdedTimelineDoc({ campaigns: 0, events: 600, sections: 6 });
    await seed(page, doc);
    // Grouped by kind: about 55 activities a row, more than a frame's batch of 20.
    const row = page.locator('[data-testid="timeline-group"]').first();
    await expect.poll(async () => row.locator('[data-testid="timeline-item"]').count(), { timeout: 10_000 }).toBeGreaterThan(40);
    await page.waitForTimeout(300);
    const whole = await row.locator('[data-testid="timeline-item"]').count();
    // A change arrives (as from a colleague): the row is rebuilt, and must be whole in the very next frame.
    const edit = new Y.Doc();
    Y.applyUpdate(edit, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(edit);
    (edit.getMap('events').get('ev-1') as Y.Map<unknown>).set('title', '改过的活动');
    const update = Array.from(Y.encodeStateAsUpdate(edit, before));
    const counts = (await page.evaluate(
      `(async (u) => {
        const rowEl = () => document.querySelector('[data-testid="timeline-group"]');
        const seen = [];
        window.__cc.applyUpdate(new Uint8Array(u));
        for (let i = 0; i < 12; i++) {
          await new Promise((r) => requestAnimationFrame(r));
          seen.push(rowEl().querySelectorAll('[data-testid="timeline-item"]').length);
        }
        return seen;
      })(${JSON.stringify(update)})`,
    )) as number[];
    expect(Math.min(...counts)).toBe(whole);
  });

  it('a session dragged onto the day its speaker is elsewhere turns red while dragged and stays marked after the drop', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    await page.goto(`${app.server.url}/w/${randomId()}/timeline?zoom=month&date=2026-05-01&groupBy=team`);
    await page.getByTestId('timeline').waitFor();
    const doc = new Y.Doc();
    initWorkspaceDoc(doc, { name: '宣讲' });
    const o = (id: string) => ({ origin: SYSTEM_ORIGIN, id });
    createTeam(doc, { name: '青年宣讲团', members: ['王芳'] }, o('t1'));
    createEvent(doc, { title: '进校园', kind: 'lecture', status: 'planned', start: '2026-05-12', teamId: 't1', speakers: ['王芳'] }, o('e1'));
    createEvent(doc, { title: '进社区', kind: 'lecture', status: 'planned', start: '2026-05-14', teamId: 't1', speakers: ['王芳'] }, o('e2'));
    await seed(page, doc);
    const bar = item(page, 'e1');
    await bar.waitFor();
    expect(await bar.getAttribute('data-conflict')).toBeNull();
    const box = (await bar.boundingBox())!;
    const dayPx = (await item(page, 'e2').boundingBox())!.x - box.x; // two days apart
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + dayPx / 2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width / 2 + dayPx, box.y + box.height / 2, { steps: 5 });
    await expect.poll(() => bar.getAttribute('data-conflict')).toBe('hard');
    expect(await bar.getAttribute('title')).toContain('王芳');
    await page.mouse.up();
    await expect.poll(() => docField(page, 'events', 'e1', 'start')).toBe('2026-05-14');
    // The conflict index is rebuilt when the main thread is idle (stores/conflicts.ts, up to 1 s
    // after the change, then the build): more than expect.poll's default second on a busy machine.
    for (const id of ['e1', 'e2']) await expect.poll(() => item(page, id).getAttribute('data-conflict'), { timeout: 10_000 }).toBe('hard');
    expect(errors).toEqual([]);
  });

  it("a contest's phases share one row joined by links; dragging the final a week later carries the award; a broken link is marked", async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    await page.goto(`${app.server.url}/w/${randomId()}/timeline?zoom=quarter&date=2026-10-01&groupBy=kind`);
    await page.getByTestId('timeline').waitFor();
    // The contest as the write API makes it (what the editor's 新建竞赛 runs).
    const doc = new Y.Doc();
    initWorkspaceDoc(doc, { name: '竞赛' });
    const api = createWorkspaceApi(doc, { locale: () => 'zh' });
    const made = api.run('contest.createFromTemplate', { template: 'knowledge-contest', title: '读书知识竞赛', anchor: { phaseKey: 'final', start: '2026-10-16' } });
    if (!made.ok) throw new Error(made.error.message);
    const { mainId, phaseIds } = made.value;
    const [, , , semi, final, award] = phaseIds as [string, string, string, string, string, string];
    const second = api.run('contest.createFromTemplate', { template: 'knowledge-contest', title: '青年知识竞赛', anchor: { phaseKey: 'final', start: '2026-11-20' } });
    if (!second.ok) throw new Error(second.error.message);
    const [, , , semi2, final2, award2] = second.value.phaseIds as [string, string, string, string, string, string];
    await seed(page, doc);
    const row = page.locator('[data-testid="timeline-group"][data-group="contest"]');
    await item(page, final).waitFor();
    // The main event is a bracket over its phases; the phases are on one lane, in its colour, by their own names.
    expect(await item(page, mainId).getAttribute('data-bracket')).toBe('true');
    const mine = [];
    for (const id of phaseIds) if (await item(page, id).count()) mine.push(item(page, id));
    expect(mine.length).toBeGreaterThanOrEqual(3);
    for (const b of mine) expect(await b.getAttribute('data-phase')).toBe('true');
    const tops = new Set<number>();
    for (const b of mine) tops.add(Math.round((await b.boundingBox())!.y));
    expect([...tops]).toHaveLength(1);
    expect(await item(page, final).innerText()).toBe('决赛');
    expect(await item(page, final).getAttribute('title')).toContain('读书知识竞赛·决赛');
    const colour = (id: string) => item(page, id).evaluate((el) => getComputedStyle(el).getPropertyValue('--c').trim());
    expect(await colour(final)).toBe(await colour(mainId));
    const link = (to: string) => row.locator(`[data-testid="phase-link"][data-to="${to}"]`);
    expect(await link(final).getAttribute('data-from')).toBe(semi);
    expect(await link(award).getAttribute('data-from')).toBe(final);
    // One link into every phase but the first in view (its predecessor is before the quarter).
    let links = 0;
    for (const id of phaseIds) links += await link(id).count();
    expect(links).toBe(mine.length - 1);
    // The link into the final ends at the final's dot.
    const finalBox = (await item(page, final).boundingBox())!;
    const linkBox = (await link(final).boundingBox())!;
    expect(Math.abs(linkBox.x + linkBox.width - finalBox.x)).toBeLessThan(2);

    // Drag the final a week later: the move's cascade (the command's, not the chart's) carries the award.
    const awardStart = await item(page, award).getAttribute('data-start');
    const awardX = (await item(page, award).boundingBox())!.x;
    const dayPx = 14; // quarter zoom
    await page.mouse.move(finalBox.x + 5, finalBox.y + finalBox.height / 2);
    await page.mouse.down();
    await page.mouse.move(finalBox.x + 5 + dayPx * 3, finalBox.y + finalBox.height / 2, { steps: 4 });
    await page.mouse.move(finalBox.x + 5 + dayPx * 7, finalBox.y + finalBox.height / 2, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => docField(page, 'events', final, 'start')).toBe('2026-10-23T14:30');
    await expect.poll(() => item(page, final).getAttribute('data-start')).toBe('2026-10-23T14:30');
    await expect.poll(() => item(page, award).getAttribute('data-start')).not.toBe(awardStart);
    expect((await item(page, award).getAttribute('data-start'))! > awardStart!).toBe(true);
    expect((await item(page, award).boundingBox())!.x).toBeGreaterThan(awardX + dayPx * 4);
    // Still one lane, still linked.
    expect(Math.round((await item(page, award).boundingBox())!.y)).toBe([...tops][0]);
    expect(await link(award).getAttribute('data-link-broken')).toBeNull();
    expect(await row.locator('[data-link-broken="true"]').count()).toBe(0);

    // A move that keeps nothing, as two offline edits can merge into: the final of a second contest
    // moved before its semifinal's end by another replica (this doc), with no cascade.
    const before = Y.encodeStateVector(doc);
    const moved = api.run('event.move', { id: final2, start: '2026-11-12T14:30', end: '2026-11-12T17:30', cascade: 'none' });
    if (!moved.ok) throw new Error(moved.error.message);
    await page.evaluate((u) => (globalThis as any).__cc.applyUpdate(new Uint8Array(u)), Array.from(Y.encodeStateAsUpdate(doc, before)));
    await expect.poll(() => item(page, final2).getAttribute('data-link-broken'), { timeout: 10_000 }).toBe('true');
    expect(await item(page, final2).getAttribute('data-start')).toBe('2026-11-12T14:30');
    expect(await item(page, final2).getAttribute('class')).toContain('link-broken');
    expect(await item(page, final2).innerText()).toContain('⚠');
    // 复赛 ends on Fri 13 Nov at 17:00; five working days later is Fri 20 Nov.
    expect(await item(page, final2).getAttribute('title')).toContain('早于「复赛」结束后的最早开始时间（11月20日 14:30）');
    expect(await link(final2).getAttribute('data-from')).toBe(semi2);
    expect(await link(final2).getAttribute('data-link-broken')).toBe('true');
    expect(await link(final2).evaluate((el) => getComputedStyle(el).strokeDasharray)).not.toBe('none');
    expect(await link(award2).getAttribute('data-link-broken')).toBeNull();
    // The first contest is untouched by it.
    expect(await item(page, final).getAttribute('data-link-broken')).toBeNull();
    expect(errors).toEqual([]);
  });
});
