// Renders client/public/icon.svg into the PNG icons the web app manifest lists (committed; run
// again after changing the SVG): `node scripts/render-icons.mjs`. Uses the Chromium the browser
// tests use. The maskable icon keeps the drawing inside the central 80 % safe zone on the
// theme colour, so a launcher's circle or squircle never cuts it.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync(new URL('../client/public/icon.svg', import.meta.url), 'utf8');
const out = (name) => new URL(`../client/public/${name}`, import.meta.url).pathname;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ deviceScaleFactor: 1 });
const data = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
for (const [name, size, maskable] of [['icon-192.png', 192, false], ['icon-512.png', 512, false], ['icon-maskable-512.png', 512, true]]) {
  await page.setViewportSize({ width: size, height: size });
  const inner = maskable ? Math.round(size * 0.7) : size;
  await page.setContent(
    `<html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? '#ffffff' : 'transparent'}">` +
      `<img src="${data}" width="${inner}" height="${inner}"></body></html>`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({ path: out(name), omitBackground: !maskable });
  console.log(name);
}
await browser.close();
