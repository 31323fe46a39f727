/**
 * English complete: in English mode, no Chinese character is left in the DOM's text (nor in
 * accessible names and placeholders) on any screen, apart from user data. User data is what
 * the seeded workspace holds (titles, names, the plan's text) and whatever sits inside an
 * element marked `data-user-text`. Lunar day labels and holiday marks may stay Chinese when
 * they say so (`lang="zh-CN"`) and carry an English `title`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { contextIn, SCREENS, screensDoc, seedPage } from './helpers/screens';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('English mode', () => {
  it('shows no Chinese outside user data on any screen', async () => {
    const ctx = await contextIn(() => app.newContext(), 'en');
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    const id = randomId();
    const { doc, userText } = screensDoc();
    await page.goto(`${app.server.url}/w/${id}?view=month&date=2026-04-14`);
    await page.getByTestId('calendar').waitFor();
    await seedPage(page, doc);
    // Longest first, so a title is taken out whole before a shorter name inside it.
    const user = [...userText, '宣传部2026'].filter((s) => /[\u3400-\u9fff]/.test(s)).sort((a, b) => b.length - a.length);
    const leaks: string[] = [];
    for (const screen of SCREENS) {
      await screen.open(page, app.server.url, id);
      const found = await page.evaluate((user) => {
        const cjk = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
        const strip = (s: string) => user.reduce((acc, u) => acc.split(u).join(' '), s);
        const exempt = (el: Element | null) =>
          !!el?.closest('[data-user-text], script, style, noscript') ||
          // Chinese on purpose, said so, with an English tooltip (lunar labels, 休/班 marks).
          !!(el?.closest('[lang^="zh"][title]') && !cjk.test(el.closest('[lang^="zh"][title]')!.getAttribute('title')!));
        const where = (el: Element | null) => {
          const parts: string[] = [];
          for (let e = el; e && parts.length < 3; e = e.parentElement) parts.push(e.getAttribute('data-testid') ?? e.className?.toString().split(' ')[0] ?? e.tagName.toLowerCase());
          return parts.join(' < ');
        };
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (exempt(el)) continue;
          const text = strip(n.textContent ?? '');
          if (cjk.test(text)) out.push(`text "${text.trim().slice(0, 60)}" at ${where(el)}`);
        }
        for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
          if (exempt(el)) continue;
          for (const attr of ['aria-label', 'placeholder', 'title']) {
            const v = el.getAttribute(attr);
            if (v && cjk.test(strip(v))) out.push(`${attr} "${strip(v).trim().slice(0, 60)}" at ${where(el)}`);
          }
        }
        return out;
      }, user);
      for (const f of new Set(found)) leaks.push(`[${screen.name}] ${f}`);
    }
    if (leaks.length) console.log(leaks.join('\n'));
    expect(leaks).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 120_000);
});
