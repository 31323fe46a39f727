import type { Locator, Page } from 'playwright-core';

export async function openMonth(page: Page, base: string, ws: string, date: string): Promise<void> {
  await page.goto(`${base}/w/${ws}?view=month&date=${date}`);
  await page.getByTestId('calendar').waitFor();
  await dayCell(page, date).waitFor();
  // The calendar paints from the stored index first; days become clickable once the document
  // has loaded (the 新建 button is disabled until then). Tests that click at once wait for it.
  await page.waitForFunction(() => performance.getEntriesByName('cc:doc-loaded').length > 0, undefined, { timeout: 30_000 });
}

/** The month grid's cell for one day (FullCalendar marks cells with data-date). */
export function dayCell(page: Page, day: string): Locator {
  return page.locator(`[data-testid="calendar"] [role="gridcell"][data-date="${day}"]`).first();
}

export function eventInCalendar(page: Page, title: string): Locator {
  return page.getByTestId('calendar').locator('.cc-event').filter({ hasText: title });
}

export interface NewEvent {
  title: string;
  kind: string;
  start: string;
  end?: string;
  location?: string;
  leadUnit?: string;
}

/** Fill the editor through the Contract 3 hooks and save. */
export async function createViaEditor(page: Page, e: NewEvent): Promise<void> {
  await page.getByTestId('new-event').click();
  const editor = page.getByTestId('event-editor');
  await editor.waitFor();
  await editor.locator('[name="title"]').fill(e.title);
  await editor.locator('[name="kind"]').selectOption(e.kind);
  await editor.locator('[name="start"]').fill(e.start);
  if (e.end) await editor.locator('[name="end"]').fill(e.end);
  if (e.location) await editor.locator('[name="location"]').fill(e.location);
  if (e.leadUnit) await editor.locator('[name="leadUnit"]').fill(e.leadUnit);
  await editor.getByTestId('save-event').click();
  await editor.waitFor({ state: 'detached' });
}
