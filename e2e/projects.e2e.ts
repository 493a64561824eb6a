import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, login, newPage, screenshot } from './browser.js';

/** A county clerk's day with the pipeline: investor and project, stages, a blocker, a promise, Excel out and in. */
async function pick(page: Page, testId: string, typed: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  if (typed) await page.keyboard.type(typed);
  await page
    // the open dropdown's option: a closed picker's tree stays in the page, hidden
    .locator('.ant-select-item-option:visible, .ant-select-tree-treenode:visible', { hasText: option })
    .first()
    .click();
}

/** Fills an input whose test id sits on the input itself or on an antd wrapper around it. */
async function fill(page: Page, testId: string, value: string) {
  const el = page.getByTestId(testId);
  const isInput = await el.evaluate((n) => n.tagName === 'INPUT' || n.tagName === 'TEXTAREA');
  await (isInput ? el : el.locator('input, textarea').first()).fill(value);
}

/** One step forward, as a clerk takes it: the dialog, its evidence, and the new stage on screen. */
async function stageStep(page: Page, expected: string, evidence?: string) {
  await page.getByTestId('project-stage-action').click();
  await page.getByTestId('stage-dialog-submit').waitFor();
  if (evidence) await fill(page, 'stage-dialog-evidence', evidence);
  await page.getByTestId('stage-dialog-submit').click();
  try {
    await page.getByTestId('stage-dialog-submit').waitFor({ state: 'hidden' });
  } catch (e) {
    // say what the dialog says (a refusal, a field error) rather than only that it stayed open
    const shown = await page
      .locator('.ant-modal:visible')
      .textContent()
      .catch(() => '');
    throw new Error(`the stage dialog stayed open: ${(shown ?? '').replace(/\s+/g, ' ')}`, { cause: e });
  }
  await expect.poll(() => page.getByTestId('project-status-tag').first().textContent()).toBe(expected);
}

async function typeDate(page: Page, testId: string, day: string) {
  await page.getByTestId(testId).click();
  // replace what the picker holds (a default of today) rather than type after it
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(day);
  await page.keyboard.press('Enter');
}

/** n days ago in Beijing, but not before this year's 1 January (a county clerk's back-date limit). */
function thisYearAgo(n: number) {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const day = new Date(Date.parse(today) - n * 86400_000).toISOString().slice(0, 10);
  return day < `${today.slice(0, 4)}-01-01` ? `${today.slice(0, 4)}-01-01` : day;
}

describe('project pipeline journey', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('creates an investor and a project signed weeks ago (补录), starts it, records a need and a promise, exports and re-imports', async () => {
    const page = await newPage(browser);
    await login(page, 'linfen');
    await page.getByTestId('home-welcome').waitFor();
    await page.getByTestId('menu-projects').click();
    await page.getByTestId('projects-table').waitFor();
    await page.getByTestId('project-new').click();

    await fill(page, 'project-form-name', '年产10万吨锂电池负极材料项目');
    await pick(page, 'project-form-regionId', '尧都', '尧都区');
    await pick(page, 'project-form-industryCode', '3985', /3985/);
    await fill(page, 'project-form-totalInvestment', '560000');
    await page.getByTestId('project-form-projectType').getByText('新建').click();
    await page.getByTestId('investor-new').click();
    await fill(page, 'investor-form-name', '北京华创新能源科技有限公司');
    await fill(page, 'investor-form-creditCode', '91110000802100433B');
    await page.getByTestId('investor-form-submit').click();
    await expect
      .poll(() => page.getByTestId('project-form-investorIds').textContent())
      .toContain('北京华创新能源科技有限公司');
    await fill(page, 'project-form-leaderName', '王副市长');
    // entered after the fact: the lead came in weeks ago and the project has signed since
    const [leadOn, negotiatingOn, signedOn] = [thisYearAgo(60), thisYearAgo(50), thisYearAgo(40)];
    await typeDate(page, 'project-form-leadOn', leadOn);
    await page.getByTestId('project-form-stage').getByText('签约').click();
    await typeDate(page, 'project-form-reached-negotiating-date', negotiatingOn);
    await typeDate(page, 'project-form-reached-signed-date', signedOn);
    await fill(page, 'project-form-reached-signed-evidence', 'LFYD-2026-018');
    await screenshot(page, 'journey-project-form');
    await page.getByTestId('project-form-submit').click();

    await page.getByTestId('project-title').waitFor();
    await expect(page.getByTestId('project-status-tag').first().textContent()).resolves.toBe('签约');
    await expect(page.getByTestId('project-steps').textContent()).resolves.toContain(signedOn);
    await stageStep(page, '开工');
    await expect(page.getByTestId('stage-timeline').textContent()).resolves.toContain('LFYD-2026-018');
    if (signedOn < new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10))
      await expect(page.getByTestId('stage-backdated').first().textContent()).resolves.toContain('补录');

    await page.getByTestId('factor-add').click();
    await pick(page, 'factor-form-kind', '', /用地/);
    await fill(page, 'factor-form-quantity', '320');
    await typeDate(page, 'factor-form-dueOn', '2026-01-05');
    await pick(page, 'factor-form-responsibleOrgId', '自然资源', /临汾市自然资源局/);
    await page.getByTestId('factor-form-submit').click();
    await expect.poll(() => page.getByTestId('factor-table').textContent()).toContain('逾期受阻');
    // the quantity carries its unit once: 「320 亩」, never 「320亩 亩」
    await expect(page.getByTestId('factor-table').textContent()).resolves.toContain('320 亩');
    await expect(page.getByTestId('factor-table').textContent()).resolves.not.toMatch(/亩\s*亩/);
    // no credit code or other fact shows a "null" piece
    await expect(page.getByTestId('project-facts').textContent()).resolves.not.toMatch(/null|undefined/);

    await page.getByRole('tab', { name: /招商承诺/ }).click();
    await page.getByTestId('promise-add').click();
    await fill(page, 'promise-form-content', '年内完成土地摘牌');
    await typeDate(page, 'promise-form-dueOn', '2026-12-31');
    await pick(page, 'promise-form-responsibleOrgId', '尧都', '尧都区');
    await page.getByTestId('promise-form-submit').click();
    await expect.poll(() => page.getByTestId('promise-table').textContent()).toContain('年内完成土地摘牌');
    await screenshot(page, 'journey-project-detail');

    await page.getByTestId('menu-projects').click();
    await page.getByTestId('projects-table').waitFor();
    await expect
      .poll(() => page.getByTestId('projects-table').textContent())
      .toContain('年产10万吨锂电池负极材料项目');
    // the pager always says how many rows the filters select
    await expect
      .poll(() => page.locator('.ant-pagination-total-text').textContent())
      .toMatch(/^共 [\d,]+ 条$/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('projects-export').click(),
    ]);
    const file = path.join(os.tmpdir(), `ys-e2e-${Date.now()}.xlsx`);
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/招商项目台账.*\.xlsx$/);

    await page.getByTestId('projects-import').click();
    await page.getByTestId('import-dialog').locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-commit').click();
    await expect
      .poll(() => page.getByTestId('import-result').textContent(), { timeout: 30_000 })
      .toMatch(/新增\s*0/);
    await screenshot(page, 'journey-project-import');
    await page.keyboard.press('Escape');
    const rows = await page.getByTestId('projects-table').locator('tbody tr.ant-table-row').count();
    expect(rows).toBe(1);
    await page.context().close();
  });

  it('a county clerk imports the office’s own ledger, corrects one column, and finds the projects on their true dates', async () => {
    // the county's ledger as it keeps it: a merged title, a 填报单位 row, a two-row header with a
    // column the system does not know (计划投资（亿元）), a spacer row and a 合计 row
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const signed = [thisYearAgo(45), thisYearAgo(75)];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('尧都区台账');
    ws.addRow(['尧都区2026年招商引资项目台账']);
    ws.mergeCells(1, 1, 1, 8);
    ws.addRow(['填报单位：尧都区招商服务中心']);
    ws.mergeCells(2, 1, 2, 8);
    ws.addRow([
      '项目名称',
      '签约企业',
      '统一社会信用代码',
      '投资情况',
      '所在县区',
      '行业代码',
      '项目进展',
      '签约时间',
    ]);
    ws.addRow([null, null, null, '计划投资（亿元）']);
    for (const c of [1, 2, 3, 5, 6, 7, 8]) ws.mergeCells(3, c, 4, c);
    ws.addRow([
      '尧都区精密铸件补录项目',
      '北京晋能科技有限公司',
      '91110108MA01A2B3CF',
      1.8,
      '尧都',
      '3391',
      '已签约',
      signed[0].replaceAll('-', '.'),
    ]);
    ws.addRow([]);
    ws.addRow([
      '尧都区冷链物流补录项目',
      '北京晋能科技有限公司',
      '91110108MA01A2B3CF',
      0.6,
      '尧都区',
      '5920',
      '签约',
      signed[1],
    ]);
    ws.addRow(['合计', null, null, 2.4]);
    const file = path.join(os.tmpdir(), `ys-e2e-own-${Date.now()}.xlsx`);
    await wb.xlsx.writeFile(file);

    const page = await newPage(browser);
    await login(page, 'yaodu');
    await page.getByTestId('home-welcome').waitFor();
    await page.getByTestId('menu-projects').click();
    await page.getByTestId('projects-table').waitFor();
    await page.getByTestId('projects-import').click();
    await page.getByTestId('import-dialog').locator('input[type=file]').setInputFiles(file);
    // proposed from the header words: the unknown column is not imported, so 总投资 is missing
    await expect
      .poll(() => page.getByTestId('import-errors').textContent(), { timeout: 30_000 })
      .toContain('缺少必填列');
    const columns = page.getByTestId('import-columns');
    await expect(columns.textContent()).resolves.toContain('计划投资（亿元）');
    await page.getByTestId('import-column-4').click();
    await page.locator('.ant-select-item-option:visible', { hasText: /^总投资$/ }).click();
    await screenshot(page, 'journey-import-columns');
    await page.getByTestId('import-columns-save').click();
    await page.getByTestId('import-commit').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-commit').click();
    await expect
      .poll(() => page.getByTestId('import-result').textContent(), { timeout: 30_000 })
      .toMatch(/新增\s*2/);
    await page.keyboard.press('Escape');

    // in the list with the signing date of the ledger, not the day of the import
    await page.goto(`${baseUrl()}/projects?q=${encodeURIComponent('补录项目')}`);
    await expect
      .poll(() => page.getByTestId('projects-table').textContent())
      .toContain('尧都区精密铸件补录项目');
    await expect(page.getByTestId('projects-table').textContent()).resolves.toContain(signed[0]);
    // the monthly report of the signing month counts it; a closed month says it was revised
    const month = signed[0].slice(0, 7);
    await page.goto(`${baseUrl()}/dashboard/monthly?month=${month}`);
    await page.getByTestId('monthly-table').waitFor();
    if (month < today.slice(0, 7))
      // the revision names who imported which file, and the figure before and after
      await expect(page.getByTestId('monthly-revisions').textContent()).resolves.toMatch(
        new RegExp(`尧都区招商专员 · ${path.basename(file).replace('.', '\\.')} · 签约（个） \\d+ → \\d+`),
      );
    await screenshot(page, 'journey-monthly-revised');
    await page.context().close();
  });

  it('keeps the figure strip on the period a dashboard figure drilled into', async () => {
    const page = await newPage(browser);
    await login(page, 'linfen');
    await page.getByTestId('home-welcome').waitFor();
    await page.goto(`${baseUrl()}/projects?reached=signed&reachedFrom=2026-04-01&reachedTo=2026-06-30`);
    await page.getByTestId('projects-filter-reached').waitFor();
    await expect
      .poll(() => page.getByTestId('projects-figures-period').textContent())
      .toBe('2026-04-01 至 2026-06-30');
    await expect
      .poll(() => page.locator('.ant-pagination-total-text, .kit-list-total').first().textContent())
      .toMatch(/^共 [\d,]+ 条$/);
    // clearing the drill-down returns the strip to the year to date
    await page.getByTestId('projects-filter-reached').locator('.ant-tag-close-icon').click();
    await expect.poll(() => page.getByTestId('projects-figures-period').textContent()).toMatch(/^\d{4} 年$/);
    await page.context().close();
  });

  it('fits the list, a record and its form on a wide screen and on a phone', async () => {
    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      const page = await newPage(browser);
      await page.setViewportSize({ width, height });
      await login(page, 'linfen');
      await page.getByTestId('home-welcome').waitFor();
      // the shell's side menu (until it becomes a drawer on a phone) is folded to see the page itself
      const fold = page.locator('.ant-layout-sider-trigger');
      if (width < 768 && (await fold.isVisible())) await fold.click();
      const overflow = () =>
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page.goto(`${baseUrl()}/projects`);
      await page.getByTestId('projects-table').locator('tbody tr.ant-table-row').first().waitFor();
      await screenshot(page, `projects-list-${width}`);
      if (width === 1440) {
        expect(await overflow()).toBeLessThanOrEqual(0);
        // the money and stage columns are on screen without scrolling sideways
        const box = await page
          .getByTestId('projects-table')
          .locator('th', { hasText: '总投资' })
          .boundingBox();
        expect(box && box.x + box.width).toBeLessThanOrEqual(width);
      }
      await page.getByTestId('projects-table').locator('tbody tr.ant-table-row').first().click();
      await page.getByTestId('project-title').waitFor();
      await screenshot(page, `projects-detail-${width}`);
      if (width === 1440) expect(await overflow()).toBeLessThanOrEqual(0);
      await page.goto(`${baseUrl()}/projects/new`);
      await page.getByTestId('project-form').waitFor();
      await screenshot(page, `projects-form-${width}`);
      if (width === 1440) expect(await overflow()).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });

  it('shows the list and the figures in English', async () => {
    const page = await newPage(browser);
    await login(page, 'linfen');
    await page.getByTestId('home-welcome').waitFor();
    await page.getByTestId('lang-en-US').click();
    await page.goto(`${baseUrl()}/projects`);
    await page.getByTestId('projects-figures').waitFor();
    await expect.poll(() => page.getByTestId('projects-figures').textContent()).toMatch(/Start rate|Started/);
    await screenshot(page, 'journey-projects-en-US');
    await page.getByTestId('lang-zh-CN').click();
    await page.context().close();
  });
});
