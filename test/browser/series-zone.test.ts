/**
 * A series kept in its own zone in the editor (issue 16): the time fields name the zone, the
 * note gives both clocks for the occurrence opened, axe finds nothing serious, English shows no
 * Chinese in the note, and an extra date added in the editor (另加日期) appears in the calendar
 * at the right Beijing time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import * as Y from 'yjs';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { eventInCalendar } from './helpers/calendar';
import { contextIn, seedPage } from './helpers/screens';
import { initWorkspaceDoc } from '../../shared/src/schema';
import { createWorkspaceApi } from '../../shared/src/workspace';

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const TITLE = 'Fika med Stockholm';

function stockholmSeries(): Y.Doc {
  const doc = new Y.Doc();
  initWorkspaceDoc(doc, { name: '宣传部' });
  const api = createWorkspaceApi(doc, { role: () => 'edit' });
  // Fridays 20:00 in Stockholm: Saturdays 03:00 in Beijing in winter (from 25 October 2026), 02:00 before.
  const r = api.run('event.create', { fields: { title: TITLE, kind: 'meeting', status: 'confirmed', start: '2026-10-16T20:00', rrule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=6', timezone: 'Europe/Stockholm' } });
  if (!r.ok) throw new Error(r.error.message);
  return doc;
}

describe('a series kept in its own zone', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`shows both clocks and takes an extra date (${lang})`, async () => {
      const ctx = await contextIn(() => app.newContext(), lang);
      const page = await ctx.newPage();
      const errors = trackErrors(page);
      await page.goto(`${app.server.url}/w/${randomId()}?view=week&date=2026-10-26`);
      await seedPage(page, stockholmSeries());
      // Week of 26 October: Friday 30 October 20:00 Stockholm (winter time) = Saturday 31 October 03:00 Beijing.
      const occurrence = eventInCalendar(page, TITLE).first();
      await occurrence.waitFor();
      await occurrence.click();
      const editor = page.getByTestId('event-editor');
      await editor.waitFor();
      const note = editor.getByTestId('zone-note');
      const text = await note.innerText();
      if (lang === 'zh') {
        expect(text).toContain('北京时间');
        expect(text).toMatch(/北京时间 10月31日周六 03:00（斯德哥尔摩时间 10月30日周五 20:00）/);
        expect(await editor.locator('label:has([name="start"]) > span').innerText()).toBe('开始（斯德哥尔摩时间）');
      } else {
        expect(text).toMatch(/Beijing time .*31.*03:00 \(Stockholm time .*30.*20:00\)/);
        expect(text).not.toMatch(/[\u3400-\u9fff]/);
      }
      const axe = await new AxeBuilder({ page }).include('[data-testid="event-editor"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}`))).toEqual([]);
      // 另加日期: Wednesday 4 November 12:00 in Stockholm = 19:00 in Beijing.
      const extra = editor.getByTestId('rdates');
      await extra.locator('[name="rdate"]').fill('2026-11-04T12:00');
      await extra.getByTestId('add-rdate').click();
      await expect.poll(() => extra.locator('[data-rdate]').count()).toBe(1);
      await editor.getByTestId('save-event').click();
      await editor.waitFor({ state: 'detached' });
      await page.getByTestId('next-period').click();
      const added = page.locator('[data-event-id]', { hasText: TITLE });
      await expect.poll(async () => (await added.allInnerTexts()).join(' | '), { timeout: 5000 }).toMatch(/19:00 ?– ?20:00.*\| .*03:00 ?– ?04:00|03:00 ?– ?04:00.*\| .*19:00 ?– ?20:00/s);
      expect(errors).toEqual([]);
      await ctx.close();
    }, 60_000);
  }
});
