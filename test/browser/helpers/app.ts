import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { startServer, type TestServer } from '../../helpers/start-server';
import { launchChromium } from './chromium';

export interface AppHarness {
  server: TestServer;
  browser: Browser;
  /** A fresh profile: its own IndexedDB, service worker and storage. */
  newContext(opts?: { timezoneId?: string; locale?: string }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startApp(): Promise<AppHarness> {
  const server = await startServer({ staticDir: inject('staticDir') });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async newContext(opts = {}) {
      const ctx = await browser.newContext({
        timezoneId: opts.timezoneId ?? 'Asia/Shanghai',
        locale: opts.locale ?? 'zh-CN',
        viewport: { width: 1280, height: 860 },
      });
      contexts.push(ctx);
      return ctx;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server.kill();
    },
  };
}

/** Collect page errors, and anything the Content-Security-Policy blocked, so a test can assert neither happened. */
export function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  return errors;
}

export function randomId(prefix = 'ws'): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 12)}`;
}
