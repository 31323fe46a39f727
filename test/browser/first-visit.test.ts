/**
 * A first visit teaches and never blocks: an empty workspace shows its three first steps (each
 * button does what it says, and the steps go once there is anything), and someone opening a
 * share link with no name on the device acts at once under a guest name, renamed from the avatar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { createViaEditor, eventInCalendar, openMonth } from './helpers/calendar';
import { contextAs, startSharing, syncState } from './helpers/collab';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('a first visit', () => {
  it('shows an empty workspace its three first steps, each with a working button, until there is something', async () => {
    const page = await (await app.newContext()).newPage();
    const errors = trackErrors(page);
    const id = randomId();
    await openMonth(page, app.server.url, id, '2026-10-01');
    const steps = page.getByTestId('first-steps');
    await steps.waitFor();
    expect(await steps.locator('li').count()).toBe(3);

    await steps.getByTestId('first-step-create').click();
    await page.getByTestId('event-editor').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('event-editor').waitFor({ state: 'detached' });

    await steps.getByTestId('first-step-share').click();
    await page.getByTestId('share-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('share-dialog').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('first-step-share');

    await steps.getByTestId('first-step-import').click();
    await page.getByTestId('plan-import').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/w/${id}/plan`);

    await openMonth(page, app.server.url, id, '2026-10-01');
    await steps.waitFor();
    await createViaEditor(page, { title: '国庆升旗仪式', kind: 'anniversary', start: '2026-10-01' });
    await steps.waitFor({ state: 'detached' });
    // Still gone after a reload: the workspace has an activity.
    await openMonth(page, app.server.url, id, '2026-10-01');
    await eventInCalendar(page, '国庆升旗仪式').first().waitFor();
    expect(await steps.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lets someone opening a share link act at once under a guest name, and rename from the avatar', async () => {
    const ownerCtx = await contextAs(app, '张三');
    const owner = await ownerCtx.newPage();
    const id = randomId();
    await openMonth(owner, app.server.url, id, '2026-10-01');
    const editLink = await startSharing(owner);

    const guestCtx = await app.newContext(); // no name on this device
    const guest = await guestCtx.newPage();
    const errors = trackErrors(guest);
    await guest.goto(editLink);
    await guest.getByTestId('calendar').waitFor();
    await expect.poll(() => syncState(guest), { timeout: 10_000 }).toBe('synced');
    // Nothing modal stands in the way: the first click creates.
    expect(await guest.locator('dialog[open]').count()).toBe(0);
    await createViaEditor(guest, { title: '访客建的活动', kind: 'meeting', start: '2026-10-12' });
    const avatar = guest.getByTestId('my-avatar');
    expect(await avatar.getAttribute('aria-label')).toMatch(/^访客 [0-9A-Z]{4}/);
    const guestName = (await avatar.getAttribute('aria-label'))!.match(/^访客 [0-9A-Z]{4}/)![0];
    await expect.poll(() => owner.getByTestId('presence').getByTestId('peer').getAttribute('title')).toBe(guestName);
    await expect.poll(() => owner.evaluate(() => [...(globalThis as any).__cc.doc.getMap('events').values()].map((e: any) => e.get('updatedBy')))).toContain(guestName);

    await avatar.click();
    const prompt = guest.getByTestId('name-prompt');
    await prompt.waitFor();
    await prompt.locator('[name="displayName"]').fill('李四');
    await prompt.getByTestId('save-name').click();
    await prompt.waitFor({ state: 'detached' });
    await expect.poll(() => owner.getByTestId('presence').getByTestId('peer').getAttribute('title')).toBe('李四');
    expect(errors).toEqual([]);
  });
});
