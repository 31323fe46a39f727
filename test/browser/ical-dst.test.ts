/**
 * Issue 16 in the calendar itself: a Google export from Europe/Berlin imported through the
 * exchange menu shows, in the week view of a Beijing workspace, the same occurrences ical.js
 * expands from the file (the oracle's truth, test/shared/ical/oracle.ts), in the weeks before
 * and after the March and October daylight-saving changes. E.g. "Abstimmung Shanghai",
 * Tue/Thu 18:00 Berlin: 01:00 Beijing the next day in winter, 00:00 in summer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { openMonth } from './helpers/calendar';
import { expandIcs, oracleFixture } from '../shared/ical/oracle';

const here = path.dirname(fileURLToPath(import.meta.url));
const BERLIN = path.join(here, '../fixtures/ics/oracle/google-berlin.ics');

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const wall = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An oracle instant (`2026-03-24T17:00Z`) as Beijing wall clock (`2026-03-25T01:00`); dates as they are. */
function beijing(value: string): string {
  if (!value.includes('T')) return value;
  const p = Object.fromEntries(wall.formatToParts(new Date(value.replace(/Z$/, ':00Z'))).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** What ical.js says the week Monday `monday` .. Sunday holds (by Beijing start day): "start title". */
function truthFor(monday: string): string[] {
  const end = addDays(monday, 7);
  return expandIcs(oracleFixture('google-berlin.ics'), { from: addDays(monday, -2), to: addDays(end, 2) })
    .occurrences.map((o) => ({ start: beijing(o.start), summary: o.summary }))
    .filter((o) => o.start.slice(0, 10) >= monday && o.start.slice(0, 10) < end)
    .map((o) => `${o.start} ${o.summary}`)
    .sort();
}

/** What the week view shows: one "start title" per event (a segment past midnight counted once). */
async function shownInWeek(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, string>();
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="calendar"] [data-event-id]')) {
      const id = el.dataset.eventId!;
      const start = el.dataset.start!;
      // title attribute: "<title> · <kind> · <status>", then a conflict line.
      const title = (el.title.split('\n')[0] ?? '').split(' · ')[0];
      seen.set(`${id}|${start}`, `${start} ${title}`);
    }
    return [...seen.values()].sort();
  });
}

async function openWeek(page: Page, ws: string, monday: string): Promise<void> {
  await page.goto(`${app.server.url}/w/${ws}?view=week&date=${monday}`);
  await page.getByTestId('calendar').waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('cc:doc-loaded').length > 0, undefined, { timeout: 30_000 });
}

describe('a Berlin series across daylight saving, in a Beijing calendar', () => {
  it('the week view shows what ical.js expands from the imported file, before and after each change', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    const ws = randomId();
    await openMonth(page, app.server.url, ws, '2026-03-01');
    await page.getByTestId('exchange-menu').click();
    await page.getByTestId('import-ics-file').setInputFiles(BERLIN);
    const msg = page.getByTestId('exchange-message');
    await msg.waitFor();
    expect(await msg.textContent()).toContain('新建');

    // The series this is about, by hand: Tue/Thu 18:00 Berlin.
    const abstimmung: Record<string, string[]> = {
      '2026-03-23': ['2026-03-25T01:00', '2026-03-27T01:00'], // CET, UTC+1: 01:00 next day
      '2026-03-30': ['2026-04-01T00:00', '2026-04-03T00:00'], // CEST from 29 March: 00:00
      '2026-10-19': ['2026-10-21T00:00', '2026-10-23T00:00'],
      '2026-10-26': ['2026-10-30T01:00'], // CET from 25 October; Tue 27 October is an EXDATE
    };
    for (const [monday, expected] of Object.entries(abstimmung)) {
      const truth = truthFor(monday);
      expect(truth.filter((s) => s.endsWith(' Abstimmung Shanghai')).map((s) => s.slice(0, 16)), `ical.js, week of ${monday}`).toEqual(expected);
      await openWeek(page, ws, monday);
      await expect.poll(() => shownInWeek(page), { timeout: 15_000, message: `week of ${monday}` }).toEqual(truth);
    }
    expect(errors).toEqual([]);
  });
});
