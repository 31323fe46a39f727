/**
 * The calendar's exchange menu in real Chromium: .ics export and import (round trip into a
 * fresh workspace, a broken file changes nothing), and the month table as .xlsx / .docx,
 * opened in Node with exceljs and jszip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { seedDoc } from './helpers/seed';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { dayCell, openMonth } from './helpers/calendar';
import { printFixture, type PrintFixture } from '../fixtures/print/month-workspace';
import * as Y from 'yjs';
import ICAL from 'ical.js';
import { createEvent, createObservance, initWorkspaceDoc, SYSTEM_ORIGIN } from '../../shared/src/schema';

const here = path.dirname(fileURLToPath(import.meta.url));
let app: AppHarness;
let tmp: string;

beforeAll(async () => {
  app = await startApp();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-exchange-'));
});
afterAll(async () => {
  await app?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const seed = (page: Page, fx: PrintFixture) => seedDoc(page, fx.doc, fx.name);

/** Click a menu item and save what it downloads. */
async function downloadFrom(page: Page, item: string): Promise<{ file: string; name: string }> {
  await page.getByTestId('exchange-menu').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  const file = path.join(tmp, `${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return { file, name: dl.suggestedFilename() };
}

async function importFile(page: Page, file: string): Promise<string> {
  await page.getByTestId('exchange-menu').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-ics').click()]);
  await chooser.setFiles(file);
  const msg = page.getByTestId('exchange-message');
  await msg.waitFor();
  return (await msg.textContent()) ?? '';
}

const eventCount = (page: Page) => page.evaluate(() => (globalThis as any).__cc.eventCount() as number);

describe('exchange menu', () => {
  it('exports the month as .ics and imports it into a fresh workspace; importing again updates nothing', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    const ws = randomId();
    const fx = printFixture(20);
    await openMonth(page, app.server.url, ws, '2026-12-01');
    await seed(page, fx);

    const { file, name } = await downloadFrom(page, 'export-ics-month');
    expect(name).toBe('市直机关工委宣传部-2026-12.ics');
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=FR');
    expect(text).not.toContain('不应出现'); // neither the other month nor the trash
    expect(text.match(/BEGIN:VEVENT/g)!.length).toBe(fx.titles.length + 1);

    const all = await downloadFrom(page, 'export-ics-all');
    expect(fs.readFileSync(all.file, 'utf8')).toContain('下个月的迎新春联欢会');

    // A fresh workspace (another profile) gets the same events.
    const ctx2 = await app.newContext();
    const page2 = await ctx2.newPage();
    const ws2 = randomId();
    await openMonth(page2, app.server.url, ws2, '2026-12-01');
    const message = await importFile(page2, file);
    expect(message).toContain(`新建 ${fx.titles.length + 1} 项`);
    await expect.poll(() => eventCount(page2)).toBe(fx.titles.length + 1);
    await expect.poll(() => dayCell(page2, '2026-12-11').getByText(fx.recurringTitle).count()).toBe(1);
    await expect.poll(() => dayCell(page2, '2026-12-14').getByText(fx.titles[0]).count()).toBe(1);
    // Same file again: updates, never duplicates.
    await page2.getByTestId('exchange-message').locator('button').click();
    const again = await importFile(page2, file);
    expect(again).toContain('新建 0 项');
    expect(await eventCount(page2)).toBe(fx.titles.length + 1);
    expect(errors).toEqual([]);
  });

  it('the whole-workspace .ics carries reminders as VALARM and our own anniversaries as yearly events (read back with ical.js)', async () => {
    const page = await (await app.newContext()).newPage();
    const errors = trackErrors(page);
    await openMonth(page, app.server.url, randomId(), '2026-12-01');
    const doc = new Y.Doc();
    initWorkspaceDoc(doc, { name: '文化馆' });
    createEvent(doc, { title: '征文截止', kind: 'contest', status: 'planned', start: '2026-12-18', reminders: [0, 1440] }, { origin: SYSTEM_ORIGIN, id: 'due' });
    createObservance(doc, { title: '建馆纪念日', rule: 'solar:12-20', originYear: 1956 }, { origin: SYSTEM_ORIGIN, id: 'founding' });
    await seedDoc(page, doc, '文化馆');
    const { file } = await downloadFrom(page, 'export-ics-all');
    const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
    const events = cal.getAllSubcomponents('vevent');
    const due = events.find((v) => v.getFirstPropertyValue('summary') === '征文截止')!;
    const triggers = due.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger')));
    expect(triggers.sort()).toEqual(['-P1D', 'PT0S'].sort());
    const founding = events.find((v) => v.getFirstPropertyValue('summary') === '建馆纪念日')!;
    const it = new ICAL.Event(founding).iterator();
    const next = [it.next(), it.next(), it.next()].map((t) => t!.toString().slice(0, 10));
    expect(next).toEqual(['2026-12-20', '2027-12-20', '2028-12-20']);
    expect(errors).toEqual([]);
  });

  it('rejects a broken .ics with a clear message and changes nothing', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const ws = randomId();
    const fx = printFixture(10);
    await openMonth(page, app.server.url, ws, '2026-12-01');
    await seed(page, fx);
    const before = await page.evaluate(() => {
      const cc = (globalThis as any).__cc;
      return JSON.stringify(cc.doc.getMap('events').toJSON());
    });
    const message = await importFile(page, path.join(here, '../fixtures/ics/broken.ics'));
    expect(message).toContain('无法导入，日历未做任何更改');
    await expect.poll(() => page.getByTestId('exchange-message').getAttribute('class')).toContain('error');
    const after = await page.evaluate(() => JSON.stringify((globalThis as any).__cc.doc.getMap('events').toJSON()));
    expect(after).toBe(before);

    const notIcs = path.join(tmp, 'notes.ics');
    fs.writeFileSync(notIcs, 'hello, this is not a calendar');
    expect(await importFile(page, notIcs)).toContain('这不是 iCalendar');
    expect(await page.evaluate(() => JSON.stringify((globalThis as any).__cc.doc.getMap('events').toJSON()))).toBe(before);
  });

  it('exports the month table as .xlsx and .docx holding the month’s rows', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const ws = randomId();
    const fx = printFixture(20);
    await openMonth(page, app.server.url, ws, '2026-12-01');
    await seed(page, fx);

    const xlsx = await downloadFrom(page, 'export-xlsx');
    expect(xlsx.name).toBe('市直机关工委宣传部-2026-12.xlsx');
    expect(fs.statSync(xlsx.file).size).toBeGreaterThan(1000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.file);
    const sheet = wb.worksheets[0];
    expect(String(sheet.getCell('A1').value)).toBe('市直机关工委宣传部 2026年12月活动安排表');
    expect(sheet.getRow(2).values).toEqual([undefined, '序号', '时间', '活动内容', '地点', '牵头单位', '参加对象', '备注']);
    const titles: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2 && typeof row.getCell(1).value === 'number') titles.push(String(row.getCell(3).value));
    });
    expect(titles).toHaveLength(fx.titles.length + 3);
    for (const t of fx.titles) expect(titles).toContain(t);
    expect(titles.filter((t) => t === fx.recurringTitle)).toHaveLength(3);
    expect(titles.join()).not.toContain('不应出现');

    const docx = await downloadFrom(page, 'export-docx');
    expect(docx.name).toBe('市直机关工委宣传部-2026-12.docx');
    const zip = await JSZip.loadAsync(fs.readFileSync(docx.file));
    const xml = await zip.file('word/document.xml')!.async('string');
    const plain = xml.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(plain).toContain('市直机关工委宣传部 2026年12月活动安排表');
    for (const t of fx.titles) expect(plain).toContain(t);
    expect(plain.split(fx.recurringTitle).length - 1).toBe(3);
    expect(xml).toContain('w:orient="landscape"');
    expect(plain).not.toContain('不应出现');
  });

  it('hides import in a read-only (view link) workspace, and keeps the exports', async () => {
    const id = randomId('ro-ws');
    const res = await fetch(`${app.server.url}/api/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, name: '只读工作区' }),
    });
    expect(res.status).toBe(201);
    const { viewToken } = (await res.json()) as { viewToken: string };
    const ctx = await app.newContext();
    await ctx.addInitScript(() => localStorage.setItem('cc.displayName', '王五'));
    const page = await ctx.newPage();
    await page.goto(`${app.server.url}/w/${id}?token=${viewToken}`);
    await page.getByTestId('read-only').waitFor({ timeout: 15_000 });
    await page.getByTestId('exchange-menu').click();
    await page.getByTestId('export-ics-month').waitFor();
    expect(await page.getByTestId('import-ics').count()).toBe(0);
    expect(await page.getByTestId('print-month').count()).toBe(1);
  });
});
