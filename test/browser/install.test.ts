/**
 * Installable: the manifest the page links has the Chinese name and short name, colours,
 * start_url, standalone display and PNG icons of 192 and 512 px (one maskable), each of
 * which loads at the size it claims.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, trackErrors, type AppHarness } from './helpers/app';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

interface Icon {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
}

describe('the web app manifest', () => {
  it('is linked, complete, and its icons load at their sizes', async () => {
    const page = await (await app.newContext()).newPage();
    const errors = trackErrors(page);
    await page.goto(`${app.server.url}/`);
    await page.getByTestId('workspace-list').or(page.getByTestId('create-workspace')).first().waitFor();
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifestUrl = new URL(href!, page.url()).href;
    const res = await page.request.get(manifestUrl);
    expect(res.status()).toBe(200);
    const m = (await res.json()) as Record<string, unknown> & { icons: Icon[] };
    expect(m.name).toContain('活动日历');
    expect(m.short_name).toBe('活动日历');
    expect(m.display).toBe('standalone');
    expect(m.start_url).toBe('/');
    expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    const png = m.icons.filter((i) => i.type === 'image/png');
    expect(png.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(png.some((i) => (i.purpose ?? '').split(' ').includes('maskable'))).toBe(true);
    for (const icon of png) {
      const url = new URL(icon.src, manifestUrl).href;
      const size = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return `${img.naturalWidth}x${img.naturalHeight}`;
      }, url);
      expect(size, icon.src).toBe(icon.sizes);
    }
    expect(errors).toEqual([]);
  });
});
