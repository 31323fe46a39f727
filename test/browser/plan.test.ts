import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId, startApp, trackErrors, type AppHarness } from './helpers/app';
import { createViaEditor, dayCell, eventInCalendar } from './helpers/calendar';

const PLAN = readFileSync(new URL('../fixtures/plans/typical-points.txt', import.meta.url), 'utf8');

let app: AppHarness;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('work plans in real Chromium', () => {
  it('imports a plan, accepts drafts onto the calendar linked to sections, filters by section, schedules from the tray', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    const ws = randomId();

    // Import by paste, preview the outline, save.
    await page.goto(`${app.server.url}/w/${ws}/plan`);
    await page.getByTestId('plan-paste').fill(PLAN);
    await page.getByTestId('parse-plan').click();
    await page.getByTestId('plan-preview').waitFor();
    const previewRows = await page.getByTestId('preview-section').count();
    expect(previewRows).toBeGreaterThanOrEqual(7);
    await page.getByTestId('save-plan').click();
    await page.getByTestId('plan-view').waitFor();
    await expect.poll(() => page.getByTestId('plan-section').count()).toBe(previewRows);
    expect(await page.getByTestId('plan-title').textContent()).toContain('工作要点');

    // Drafts: a dated one, a window (tentative), an undated one (→ tray).
    // By title: a draft's source sentence may mention another activity.
    const draft = (title: string) => page.getByTestId('draft').filter({ has: page.locator('.draft-title', { hasText: title }) });
    await draft('全市新闻发布工作培训班').waitFor();
    expect(await draft('学雷锋志愿服务活动').getByTestId('draft-section').textContent()).toContain('三、');
    await draft('全市新闻发布工作培训班').getByTestId('accept-draft').click();
    await draft('学雷锋志愿服务活动').getByTestId('accept-draft').click();
    // Accepting says what became of it: a dated draft is on the calendar.
    await expect.poll(() => page.getByTestId('accept-summary').innerText()).toBe('1 项已排入日历');
    await draft('“新思想进万家”基层宣讲活动').getByTestId('accept-draft').click();
    await draft('网络意识形态形势分析研判会').getByTestId('dismiss-draft').click();
    await expect.poll(() => draft('网络意识形态形势分析研判会').count()).toBe(0);
    // Drafts sit under their plan sections, each with the sentence it was read from.
    expect(await page.getByTestId('draft-group').count()).toBeGreaterThan(1);
    expect(await draft('“奋进新征程”主题宣传').getByTestId('draft-source').locator('mark').first().innerText()).toBe('“奋进新征程”主题宣传');
    await expect.poll(() => draft('学雷锋志愿服务活动').count()).toBe(0);
    await expect.poll(() => draft('“新思想进万家”基层宣讲活动').count()).toBe(0);

    // On the calendar, with the outline panel open.
    await page.goto(`${app.server.url}/w/${ws}?view=month&date=2024-03-01`);
    await page.getByTestId('calendar').waitFor();
    await page.getByTestId('outline-toggle').click();
    await page.getByTestId('outline-panel').waitFor();
    await expect.poll(() => page.getByTestId('outline-section').count()).toBe(previewRows);
    // 2024-03-02/03 are a weekend: the window 3月5日前后 proposes Monday the 4th.
    await expect.poll(() => dayCell(page, '2024-03-04').getByText('学雷锋志愿服务活动').count()).toBe(1);
    expect(await page.getByTestId('nothing-scheduled').count()).toBeGreaterThan(0);

    // Open it: the editor shows the linked section's label path.
    await eventInCalendar(page, '学雷锋志愿服务活动').click();
    const editor = page.getByTestId('event-editor');
    await editor.waitFor();
    const linked = editor.getByTestId('linked-section');
    await expect.poll(() => linked.count()).toBe(1);
    // Labels are shown as the plan wrote them (（二） or (二)).
    expect((await linked.textContent())!.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')')).toContain('三、(二)推进文明创建');
    expect(await editor.locator('[name="notes"]').inputValue()).toContain('3月5日前后');
    await editor.getByRole('button', { name: '取消', exact: true }).click();
    await editor.waitFor({ state: 'detached' });

    // An unlinked activity, then filter by the section: it disappears, the linked one stays.
    await createViaEditor(page, { title: '无关的座谈会', kind: 'meeting', start: '2024-03-12' });
    await expect.poll(() => eventInCalendar(page, '无关的座谈会').count()).toBe(1);
    const section = page.getByTestId('outline-section').filter({ hasText: '推进文明创建' });
    expect(await section.getByTestId('section-count').getAttribute('data-total')).toBe('1');
    await section.click();
    await page.getByTestId('section-filter').waitFor();
    await expect.poll(() => eventInCalendar(page, '无关的座谈会').count()).toBe(0);
    expect(await eventInCalendar(page, '学雷锋志愿服务活动').count()).toBe(1);
    // The parent section's filter includes its subsections.
    await page.getByTestId('outline-section').filter({ hasText: '繁荣文化事业' }).click();
    await expect.poll(() => eventInCalendar(page, '学雷锋志愿服务活动').count()).toBe(1);
    await page.getByTestId('clear-section-filter').click();
    await expect.poll(() => eventInCalendar(page, '无关的座谈会').count()).toBe(1);

    // The unscheduled tray: drag the undated draft onto a day.
    const item = page.getByTestId('tray-item').filter({ hasText: '“新思想进万家”基层宣讲活动' });
    await item.waitFor();
    await item.dragTo(dayCell(page, '2024-03-20'));
    await expect.poll(() => dayCell(page, '2024-03-20').getByText('“新思想进万家”基层宣讲活动').count()).toBe(1);
    await expect.poll(() => page.getByTestId('tray-item').count()).toBe(0);
    await eventInCalendar(page, '“新思想进万家”基层宣讲活动').click();
    await expect.poll(() => page.getByTestId('event-editor').getByTestId('linked-section').count()).toBe(1);
    await page.getByTestId('event-editor').getByRole('button', { name: '取消', exact: true }).click();

    // Dragging a section onto a day opens the editor prefilled and linked.
    await page.getByTestId('outline-section').filter({ hasText: '实施文艺精品工程' }).dragTo(dayCell(page, '2024-03-26'));
    await editor.waitFor();
    expect(await editor.locator('[name="title"]').inputValue()).toBe('实施文艺精品工程');
    expect(await editor.locator('[name="start"]').inputValue()).toBe('2024-03-26');
    await editor.getByTestId('save-event').click();
    await expect.poll(() => dayCell(page, '2024-03-26').getByText('实施文艺精品工程').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('outline-section').filter({ hasText: '实施文艺精品工程' }).getByTestId('section-count').count())
      .toBe(1);

    // The panel stays open after a reload (remembered).
    await page.reload();
    await page.getByTestId('outline-panel').waitFor();
    expect(errors).toEqual([]);
  });

  it('a plan item with several session days becomes one activity on each day; a written clock times it', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const errors = trackErrors(page);
    const ws = randomId();
    await page.goto(`${app.server.url}/w/${ws}/plan`);
    await page.getByTestId('plan-paste').fill(
      '县文化馆2025年夏季活动安排\n一、阅读推广\n（一）“书香田野”阅读推广活动\n活动时间：8月9日、16日、23日（共三场）\n活动地点：各乡镇农家书屋\n二、广场活动\n（一）6月28日晚7:30在人民公园举办全县广场舞展示活动。',
    );
    await page.getByTestId('parse-plan').click();
    await page.getByTestId('plan-preview').waitFor();
    await page.getByTestId('save-plan').click();
    await page.getByTestId('plan-view').waitFor();
    const draft = (title: string) => page.getByTestId('draft').filter({ has: page.locator('.draft-title', { hasText: title }) });
    await draft('阅读推广').waitFor();
    // The review lists every session, so the organiser sees what accepting will schedule.
    expect(await draft('阅读推广').locator('.draft-when').innerText()).toContain('2025-08-09、08-16、08-23');
    expect(await draft('广场舞展示').locator('.draft-when').innerText()).toContain('2025-06-28 19:30');
    await draft('阅读推广').getByTestId('accept-draft').click();
    await draft('广场舞展示').getByTestId('accept-draft').click();
    await expect.poll(() => draft('阅读推广').count()).toBe(0);
    await expect.poll(() => draft('广场舞展示').count()).toBe(0);

    await page.goto(`${app.server.url}/w/${ws}?view=month&date=2025-08-01`);
    await page.getByTestId('calendar').waitFor();
    for (const day of ['2025-08-09', '2025-08-16', '2025-08-23'])
      await expect.poll(() => dayCell(page, day).getByText('“书香田野”阅读推广活动').count(), { timeout: 5000 }).toBe(1);
    expect(await dayCell(page, '2025-08-10').getByText('“书香田野”阅读推广活动').count()).toBe(0);
    // The editor shows the later sessions as extra dates.
    await eventInCalendar(page, '“书香田野”阅读推广活动').first().click();
    const editor = page.getByTestId('event-editor');
    await editor.waitFor();
    await expect.poll(() => editor.getByTestId('rdates').innerText()).toContain('2025-08-23');
    await editor.getByRole('button', { name: '取消', exact: true }).click();
    await page.goto(`${app.server.url}/w/${ws}?view=week&date=2025-06-28`);
    await page.getByTestId('calendar').waitFor();
    await expect.poll(() => eventInCalendar(page, '全县广场舞展示活动').innerText(), { timeout: 5000 }).toContain('19:30');
    expect(errors).toEqual([]);
  });

  it('reads a Word document (.docx) in the browser, and says so for a damaged one', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    await page.goto(`${app.server.url}/w/${randomId()}/plan`);
    const docx = readFileSync(new URL('../fixtures/plan-corpus/17-docx-zhongxinzu.docx', import.meta.url));
    const mime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    await page.getByTestId('plan-file').setInputFiles({ name: '学习计划.docx', mimeType: mime, buffer: docx.subarray(0, 200) });
    await page.getByTestId('plan-error').waitFor();
    expect(await page.getByTestId('plan-error').textContent()).toContain('.docx');
    await page.getByTestId('plan-file').setInputFiles({ name: '学习计划.docx', mimeType: mime, buffer: docx });
    await page.getByTestId('plan-preview').waitFor();
    expect(await page.locator('[name="planTitle"]').inputValue()).toBe('区委理论学习中心组2024年学习计划');
    // (its ten headings, as the Node reader finds them: corpus plan 17)
    expect(await page.getByTestId('plan-preview').textContent()).toContain('10 个章节');
    await ctx.close();
  });

  it('shows a clear error for a file that is not a plan, and keeps several plans', async () => {
    const ctx = await app.newContext();
    const page = await ctx.newPage();
    const ws = randomId();
    await page.goto(`${app.server.url}/w/${ws}/plan`);
    await page.getByTestId('plan-file').setInputFiles({ name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]) });
    await page.getByTestId('plan-error').waitFor();
    expect((await page.getByTestId('plan-error').textContent())!.length).toBeGreaterThan(4);

    await page.getByTestId('plan-file').setInputFiles({ name: 'plan.txt', mimeType: 'text/plain', buffer: Buffer.from(PLAN) });
    await page.getByTestId('plan-preview').waitFor();
    await page.locator('[name="planTitle"]').fill('宣传工作要点');
    await page.getByTestId('save-plan').click();
    await page.getByTestId('plan-view').waitFor();
    await page.getByTestId('import-plan').click();
    await page.getByTestId('plan-paste').fill(PLAN);
    await page.getByTestId('parse-plan').click();
    await page.locator('[name="planTitle"]').fill('精神文明工作方案');
    await page.getByTestId('save-plan').click();
    await expect.poll(() => page.getByTestId('plan-tab').count()).toBe(2);
    page.on('dialog', (d) => void d.accept());
    await page.getByTestId('delete-plan').click();
    await expect.poll(() => page.getByTestId('plan-tab').count()).toBe(1);
    expect(await page.getByTestId('plan-title').textContent()).toBe('宣传工作要点');
  });
});
