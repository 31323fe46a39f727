/**
 * The share dialog's "Subscribe on phone / Outlook": once shared, the dialog shows the
 * webcal:// feed link, its https form and a QR code; the https link answers the workspace's
 * events as iCalendar. The section passes axe and has no Chinese in English mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import ICAL from 'ical.js';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { createViaEditor, eventInCalendar, openMonth } from './helpers/calendar';
import { contextIn } from './helpers/screens';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('subscription feed in the share dialog', () => {
  it('shows the webcal link, its https form and a QR code; the https link serves the event', async () => {
    const ctx = await app.newContext();
    await ctx.addInitScript(() => localStorage.setItem('cc.displayName', '张三'));
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    const id = randomId();
    await openMonth(page, app.server.url, id, '2026-04-14');
    await createViaEditor(page, { title: '订阅测试活动', kind: 'meeting', start: '2026-04-16' });
    await eventInCalendar(page, '订阅测试活动').waitFor();

    await page.getByTestId('share').click();
    await page.getByTestId('start-sharing').click();
    const dialog = page.getByTestId('share-dialog');
    await expect.poll(() => dialog.getByText('订阅到手机/Outlook').count()).toBe(1);
    const webcal = await dialog.getByTestId('ical-feed-link').inputValue();
    const viewLink = await dialog.getByTestId('view-link').inputValue();
    const viewToken = new URL(viewLink).searchParams.get('token')!;
    const host = new URL(app.server.url).host;
    expect(webcal).toBe(`webcal://${host}/ical/${id}.ics?token=${encodeURIComponent(viewToken)}`);
    const https = await dialog.getByTestId('ical-feed-https').inputValue();
    expect(https).toBe(webcal.replace(/^webcal:/, 'http:'));

    const qr = dialog.getByTestId('ical-feed-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('role')).toBe('img');
    expect(await qr.getAttribute('aria-label')).toMatch(/二维码/);
    expect(((await qr.locator('path').getAttribute('d')) ?? '').length).toBeGreaterThan(100);

    // The page's own fetch of the https form (same origin), once the edit has reached the relay.
    await expect.poll(() => page.evaluate((u) => fetch(u).then((r) => r.text()), https), { timeout: 10_000 }).toContain('订阅测试活动');
    const res = await fetch(https);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    const ev = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).find((e) => e.summary === '订阅测试活动');
    expect(ev?.startDate.toString()).toBe('2026-04-16');

    const axe = await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    expect(errors).toEqual([]);

    // A colleague with the edit link (no view token on that device) gets a feed link with their own
    // token, and is told not to pass it on.
    const editLink = await dialog.getByTestId('edit-link').inputValue();
    const bCtx = await app.newContext();
    await bCtx.addInitScript(() => localStorage.setItem('cc.displayName', '李四'));
    const b = await bCtx.newPage();
    await b.goto(editLink);
    await b.getByTestId('calendar').waitFor();
    await b.getByTestId('share').click();
    const bDialog = b.getByTestId('share-dialog');
    const editToken = new URL(editLink).searchParams.get('token')!;
    await expect.poll(() => bDialog.getByTestId('ical-feed-link').inputValue()).toBe(`webcal://${host}/ical/${id}.ics?token=${encodeURIComponent(editToken)}`);
    expect(await bDialog.locator('.share-warning').count()).toBe(1);
    await bCtx.close();
    await ctx.close();
  });

  it('in English: the section speaks English, passes axe, and its QR is named', async () => {
    const ctx = await contextIn(() => app.newContext(), 'en');
    await ctx.addInitScript(() => localStorage.setItem('cc.displayName', 'Ann'));
    const page = await ctx.newPage();
    await openMonth(page, app.server.url, randomId(), '2026-04-14');
    await page.getByTestId('share').click();
    await page.getByTestId('start-sharing').click();
    const dialog = page.getByTestId('share-dialog');
    await dialog.getByTestId('ical-feed-qr').waitFor();
    await expect.poll(() => dialog.getByText('Subscribe on phone / Outlook').count()).toBe(1);
    const section = dialog.locator('.share-subscribe');
    const text = await section.evaluate((el) => {
      const parts = [el.textContent ?? ''];
      for (const e of el.querySelectorAll('[aria-label], [title], input')) parts.push(e.getAttribute('aria-label') ?? '', e.getAttribute('title') ?? '', (e as HTMLInputElement).value ?? '');
      return parts.join(' ');
    });
    expect(text).not.toMatch(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/);
    expect(await dialog.getByTestId('ical-feed-qr').getAttribute('aria-label')).toMatch(/QR code/);
    const axe = await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await ctx.close();
  });
});
