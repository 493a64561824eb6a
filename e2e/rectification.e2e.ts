import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, login, newPage, screenshot } from './browser.js';

async function pick(page: Page, testId: string, typed: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  if (typed) await page.keyboard.type(typed);
  // let the server search answer and the previous drop-down finish closing (it stays in the DOM)
  await page.waitForTimeout(800);
  await page
    .locator('.ant-select-item-option:visible, .ant-select-tree-treenode:visible', { hasText: option })
    .last()
    .click();
  // close the drop-down (clicking the dialog's title) so that it cannot cover the next field
  if (await page.locator('.ant-modal-title').isVisible()) await page.locator('.ant-modal-title').click();
  await page.waitForTimeout(300);
}

async function fill(page: Page, testId: string, value: string) {
  const el = page.getByTestId(testId);
  const isInput = await el.evaluate((n) => n.tagName === 'INPUT' || n.tagName === 'TEXTAREA');
  await (isInput ? el : el.locator('input, textarea').first()).fill(value);
}

async function typeDate(page: Page, testId: string, day: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(day);
  await page.keyboard.press('Enter');
}

/** Submits the open step dialog and waits for it to close. */
async function submitStep(page: Page) {
  await page.getByTestId('step-submit').click();
  await page.getByTestId('step-submit').waitFor({ state: 'hidden' });
}

const day = (offset: number) =>
  new Date(Date.now() + 8 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);

/**
 * The "done means": an inspector records a field-survey finding that becomes a task; the lead
 * unit reports progress twice; the inspector verifies; the task is closed (销号); the ledger exports.
 */
describe('rectification journey', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('from a field-survey finding to 销号 and the exported ledger', async () => {
    const inspector = await newPage(browser);
    await login(inspector, 'inspector');
    await inspector.getByTestId('home-welcome').waitFor();
    await inspector.getByTestId('menu-rectification').click();
    await inspector.getByTestId('rect-totals').waitFor();
    await expect
      .poll(() => inspector.getByTestId('rect-campaign').textContent())
      .toContain('开发区营商环境整改提升行动方案');
    await screenshot(inspector, 'journey-rectification-dashboard-empty');

    await inspector.getByTestId('rect-nav').getByText('整改任务台账').click();
    await inspector.getByTestId('rect-tasks-table').waitFor();
    await inspector.getByTestId('rect-finding').click();
    await pick(inspector, 'task-form-problem', '', '要素保障不到位');
    await fill(
      inspector,
      'task-form-findings',
      '实地查看：园区标准厂房项目用地未完成征收，企业等待已超三个月',
    );
    await fill(inspector, 'task-form-issue', '临汾经开区标准厂房项目用地迟迟未落实');
    await fill(inspector, 'task-form-measures', '经开区牵头完成征收，市自然资源局保障用地指标，年底前供地');
    await pick(inspector, 'task-form-zone', '临汾经济', '临汾经济开发区');
    await pick(inspector, 'task-form-lead', '临汾经济', '临汾经济开发区');
    await pick(inspector, 'task-form-coop', '临汾市自然', '临汾市自然资源局');
    await typeDate(inspector, 'task-form-deadline', day(20));
    await screenshot(inspector, 'journey-rectification-finding');
    await inspector.getByTestId('task-form-submit').click();
    await inspector.getByTestId('task-title').waitFor();
    expect(await inspector.getByTestId('task-title').textContent()).toBe(
      '临汾经开区标准厂房项目用地迟迟未落实',
    );
    expect(await inspector.getByTestId('task-timeline').textContent()).toContain('实地调研发现');
    const taskUrl = inspector.url();

    // the lead unit (临汾经开区) reports twice
    const zone = await newPage(browser);
    await login(zone, 'lfkfq');
    await zone.getByTestId('home-welcome').waitFor();
    await zone.goto(taskUrl);
    await zone.getByTestId('task-action-progress').click();
    await fill(zone, 'step-percent', '60');
    await fill(zone, 'step-narrative', '已完成土地征收和地上物清表');
    await submitStep(zone);
    await expect.poll(() => zone.getByTestId('task-progress').textContent()).toContain('60');
    await zone.getByTestId('task-action-progress').click();
    await fill(zone, 'step-percent', '100');
    await fill(zone, 'step-narrative', '用地已完成挂牌出让，企业取得不动产权证');
    await submitStep(zone);
    await expect.poll(() => zone.getByTestId('task-progress').textContent()).toContain('100');
    await screenshot(zone, 'journey-rectification-reports');
    await zone.context().close();

    // the inspector verifies on site and closes the task
    await inspector.reload();
    await inspector.getByTestId('task-action-field-surveys').click();
    await inspector.getByTestId('step-result').getByText('通过', { exact: true }).click();
    await fill(inspector, 'step-findings', '实地核查：项目已取得用地并开工建设');
    await submitStep(inspector);
    await expect.poll(() => inspector.getByTestId('task-status').textContent()).toContain('已核查通过');
    await inspector.getByTestId('task-action-close').click();
    await fill(inspector, 'step-note', '整改到位，同意销号');
    await submitStep(inspector);
    await expect.poll(() => inspector.getByTestId('task-status').textContent()).toContain('已销号');
    const timeline = await inspector.getByTestId('task-timeline').textContent();
    for (const text of ['填报进展 60%', '填报进展 100%', '实地调研核查：通过', '销号'])
      expect(timeline).toContain(text);
    await screenshot(inspector, 'journey-rectification-closed');

    // the ledger exports in the filing layout
    await inspector.getByTestId('rect-nav').getByText('整改任务台账').click();
    await expect.poll(() => inspector.getByTestId('rect-tasks-table').textContent()).toContain('已销号');
    await screenshot(inspector, 'journey-rectification-tasks');
    const [download] = await Promise.all([
      inspector.waitForEvent('download'),
      inspector.getByTestId('rect-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/整改任务台账.*\.xlsx$/);
    const file = path.join(os.tmpdir(), `ys-e2e-rect-${Date.now()}.xlsx`);
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.getRow(3).getCell(9).value).toBe('是否销号');
    const row = ws.getRow(4).values as unknown[];
    expect(row[3]).toBe('临汾经开区标准厂房项目用地迟迟未落实');
    expect(row[5]).toBe('临汾经济开发区');
    expect(row[6]).toBe('临汾市自然资源局');
    expect(String(row[9])).toMatch(/^是/);

    await inspector.getByTestId('rect-nav').getByText('整改总览').click();
    await expect.poll(() => inspector.getByTestId('rect-totals').textContent()).toContain('100.0%');
    await inspector.getByTestId('burn-down').waitFor();
    await screenshot(inspector, 'journey-rectification-dashboard');
    await inspector.context().close();
  });

  it('keeps the arrears ledger: a debt and a repayment', async () => {
    const page = await newPage(browser);
    await login(page, 'linfen');
    await page.getByTestId('home-welcome').waitFor();
    await page.goto(`${baseUrl()}/rectification/arrears`);
    await page.getByTestId('arrears-table').waitFor();
    await page.getByTestId('arrear-new').click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByLabel('欠款国有企业').fill('临汾市国有资本投资运营有限公司');
    await dialog.getByLabel('被欠款中小企业').fill('临汾市恒达建材有限公司');
    await dialog.getByLabel('统一社会信用代码', { exact: true }).fill('91110000802100433B');
    await dialog.getByLabel('合同').fill('LF-2025-017 建材采购合同');
    await dialog.getByLabel('所在地区').click();
    await page.keyboard.type('尧都');
    await page.locator('.ant-select-tree-treenode', { hasText: '尧都区' }).first().click();
    await dialog.getByLabel('欠款金额（万元）').fill('120');
    await dialog.getByLabel('应付日期').click();
    await page.keyboard.type(day(-30));
    await page.keyboard.press('Enter');
    await dialog.locator('.ant-btn-primary').click();
    await page.getByTestId('arrear-repay').click();
    await page
      .locator('.ant-modal')
      .getByLabel(/还款金额/)
      .fill('20');
    await page.locator('.ant-modal .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('arrear-outstanding').textContent()).toContain('100');
    await screenshot(page, 'journey-rectification-arrear');
    await page.goto(`${baseUrl()}/rectification/arrears`);
    await expect.poll(() => page.getByTestId('arrears-table').textContent()).toContain('部分偿还');
    await screenshot(page, 'journey-rectification-arrears');

    // the same pages in English
    await page.getByTestId('lang-en-US').click();
    await page.goto(`${baseUrl()}/rectification`);
    await expect.poll(() => page.getByTestId('rect-totals').textContent()).toContain('Completion');
    await screenshot(page, 'journey-rectification-dashboard-en-US');
    await page.goto(`${baseUrl()}/rectification/tasks`);
    await expect.poll(() => page.getByTestId('rect-tasks-table').textContent()).toContain('Closed');
    await screenshot(page, 'journey-rectification-tasks-en-US');
    await page.getByTestId('lang-zh-CN').click();
    await page.context().close();
  });
});
