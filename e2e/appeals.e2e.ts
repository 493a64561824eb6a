import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, baseUrl, launch, login, newPage, screenshot } from './browser.js';

/**
 * The "done means": an enterprise files an appeal through the portal; the zone accepts and
 * assigns it; the department answers; the enterprise rates it 不满意 and it reopens; it is answered
 * again and closed.
 */
async function pick(page: Page, testId: string, typed: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  if (typed) await page.keyboard.type(typed);
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

async function fill(page: Page, testId: string, value: string) {
  const el = page.getByTestId(testId);
  const isInput = await el.evaluate((n) => n.tagName === 'INPUT' || n.tagName === 'TEXTAREA');
  await (isInput ? el : el.locator('input, textarea').first()).fill(value);
}

async function as(browser: Browser, username: string, opts: { axe?: boolean } = {}): Promise<Page> {
  const page = await newPage(browser, 'zh-CN', opts);
  await login(page, username);
  await page.getByTestId('home-welcome').waitFor();
  return page;
}

async function open(page: Page, id: string) {
  await page.goto(`${baseUrl()}/appeals/${id}`);
  await page.getByTestId('appeal-title').waitFor();
}

async function step(page: Page, action: string, fields: Record<string, string> = {}) {
  await page.getByTestId(`appeal-action-${action}`).click();
  await page.getByTestId('appeal-step-submit').waitFor();
  for (const [name, value] of Object.entries(fields)) await fill(page, `appeal-field-${name}`, value);
}

async function submitStep(page: Page) {
  await page.getByTestId('appeal-step-submit').click();
  await page.getByTestId('appeal-step-submit').waitFor({ state: 'hidden' });
}

const status = (page: Page) => page.getByTestId('appeal-status').textContent();

describe('enterprise appeals journey', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('files, accepts, assigns, answers, reopens on 不满意, answers again and closes', async () => {
    // The enterprise files through the portal, to the development zone.
    const ent = await as(browser, 'enterprise');
    await ent.getByTestId('menu-appeals').click();
    await ent.getByTestId('appeals-table').waitFor();
    await screenshot(ent, 'appeals-portal-empty');
    await ent.getByTestId('appeal-new').click();
    // Submitting empty names the missing fields; filling one takes its message away.
    await ent.getByTestId('appeal-form-submit').click();
    await expect.poll(() => ent.getByTestId('appeal-form').textContent()).toContain('请填写诉求内容');
    await pick(ent, 'appeal-form-category', '', /^用地$/);
    await pick(ent, 'appeal-form-regionId', '经济开发区', /^临汾经济开发区$/);
    await fill(ent, 'appeal-form-title', '厂区进场道路未通车影响施工');
    await fill(
      ent,
      'appeal-form-description',
      '项目所在园区道路至今未通车，大型施工车辆无法进场，请协调尽快打通。',
    );
    await expect.poll(() => ent.getByTestId('appeal-form').textContent()).not.toContain('请填写');
    await screenshot(ent, 'appeals-portal-form');
    await ent.getByTestId('appeal-form-submit').click();
    await ent.getByTestId('appeal-title').waitFor();
    await expect.poll(() => status(ent)).toBe('待受理');
    const id = ent.url().split('/').at(-1) as string;
    await expect(ent.getByTestId('appeal-sla').textContent()).resolves.toMatch(/临期|正常/);
    await ent.getByRole('tab', { name: '附件' }).click();
    await ent.getByTestId('appeal-upload').waitFor();
    await ent.locator('input[type=file]').setInputFiles({
      name: '道路现状照片说明.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 e2e'),
    });
    await expect.poll(() => ent.getByTestId('appeal-files').textContent()).toContain('道路现状照片说明.pdf');

    // The zone accepts it and assigns it to the city's natural-resources bureau.
    const zone = await as(browser, 'lfkfq');
    await zone.getByTestId('menu-appeals').click();
    await zone.getByTestId('appeals-table').waitFor();
    await expect
      .poll(() => zone.getByTestId('appeals-table').textContent())
      .toContain('厂区进场道路未通车影响施工');
    await screenshot(zone, 'appeals-queue-zone');
    await zone.getByTestId('appeals-table').getByText('厂区进场道路未通车影响施工').click();
    await zone.getByTestId('appeal-title').waitFor();
    await step(zone, 'accept', { note: '经核实属实，予以受理' });
    await submitStep(zone);
    await expect.poll(() => status(zone)).toBe('待派单');
    await step(zone, 'assign');
    await pick(zone, 'appeal-field-departmentId', '自然资源', '临汾市自然资源局');
    await submitStep(zone);
    await expect.poll(() => status(zone)).toBe('待签收');
    await screenshot(zone, 'appeals-detail-assigned');

    // The department signs for it and answers.
    const dept = await as(browser, 'linfen_zrzy');
    await open(dept, id);
    await dept.getByTestId('appeal-action-sign').click();
    await dept.getByTestId('appeal-confirm').click();
    await expect.poll(() => status(dept)).toBe('办理中');
    await step(dept, 'answer', { answer: '已安排施工单位，道路将于下月底前通车。' });
    await submitStep(dept);
    await expect.poll(() => status(dept)).toBe('待评价');

    // The enterprise is not satisfied: the appeal reopens (重办).
    await open(ent, id);
    await expect(ent.getByTestId('appeal-answer').textContent()).resolves.toContain('下月底前通车');
    await step(ent, 'rate', { comment: '时间太晚，影响项目节点' });
    await ent.getByTestId('appeal-field-rating').getByText('不满意', { exact: true }).click();
    await screenshot(ent, 'appeals-rate-unsatisfied');
    await submitStep(ent);
    await expect.poll(() => status(ent)).toBe('办理中');
    await expect(ent.getByText('重办 1 次').count()).resolves.toBeGreaterThan(0);

    // Answered again, rated 满意, closed.
    await open(dept, id);
    await step(dept, 'answer', { answer: '已协调提前施工，本月 28 日前通车。' });
    await submitStep(dept);
    await expect.poll(() => status(dept)).toBe('待评价');
    await open(ent, id);
    await step(ent, 'rate', { comment: '感谢协调' });
    await ent.getByTestId('appeal-field-rating').getByText('满意', { exact: true }).click();
    await submitStep(ent);
    await expect.poll(() => status(ent)).toBe('已办结');
    await expect(ent.getByTestId('appeal-rating').textContent()).resolves.toBe('满意');
    await ent.getByRole('tab', { name: '办理过程' }).click();
    const timeline = (await ent.getByTestId('appeal-timeline').textContent()) ?? '';
    for (const word of ['提交诉求', '受理', '派单', '签收', '答复', '企业评价', '重办', '办结']) {
      expect(timeline).toContain(word);
    }
    await screenshot(ent, 'appeals-detail-closed');
    for (const p of [ent, zone, dept]) await p.context().close();
  });

  it('shows the queue’s SLA states, meetings, figures and the holiday schedule', async () => {
    const city = await as(browser, 'linfen');
    await city.goto(`${baseUrl()}/appeals/figures`);
    await city.getByTestId('appeal-figures').waitFor();
    await expect
      .poll(() => city.getByTestId('figures-departments').textContent())
      .toContain('临汾市自然资源局');
    await screenshot(city, 'appeals-figures');

    await city.goto(`${baseUrl()}/appeals/meetings`);
    await city.getByTestId('meeting-new').click();
    await city.getByTestId('meeting-form-submit').waitFor();
    await fill(city, 'meeting-form-title', '第一期政企早餐会');
    await pick(city, 'meeting-form-regionId', '临汾市', /^临汾市$/);
    await city.getByTestId('meeting-form-heldOn').click();
    await city.keyboard.type('2026-11-20');
    await city.keyboard.press('Enter');
    await fill(city, 'meeting-form-host', '临汾市市长');
    await pick(city, 'meeting-form-enterprises', '晋鑫', '山西晋鑫焦化有限公司');
    await city.keyboard.press('Escape');
    await city.getByTestId('meeting-form-submit').click();
    await city.getByTestId('meeting-title').waitFor();
    await city.getByTestId('meeting-raise').click();
    await city.getByTestId('meeting-issue-submit').waitFor();
    await pick(city, 'issue-form-enterprise', '', '山西晋鑫焦化有限公司');
    await pick(city, 'issue-form-category', '', /^融资$/);
    await fill(city, 'issue-form-title', '流动资金贷款续贷困难');
    await fill(city, 'issue-form-description', '银行到期后不予续贷，请协调。');
    await city.getByTestId('meeting-issue-submit').click();
    await expect
      .poll(() => city.getByTestId('meeting-issues').textContent())
      .toContain('流动资金贷款续贷困难');
    await screenshot(city, 'appeals-meeting');

    const admin = await as(browser, 'admin');
    await admin.goto(`${baseUrl()}/appeals/calendar`);
    await admin.getByTestId('calendar-table').waitFor();
    await expect(admin.getByTestId('calendar-missing').textContent()).resolves.toContain('2027');
    await admin.getByTestId('calendar-add').click();
    await fill(admin, 'calendar-holidays', '2027-01-01\n2027-02-30');
    await fill(admin, 'calendar-workdays', '2027-01-06');
    await admin.getByTestId('calendar-save').click();
    await expect.poll(() => admin.getByTestId('calendar-problems').textContent()).toContain('2027-02-30');
    await screenshot(admin, 'appeals-calendar-error');
    await fill(admin, 'calendar-holidays', '2027-01-01, 2027-01-02, 2027-01-03');
    await fill(admin, 'calendar-workdays', '');
    await admin.getByTestId('calendar-save').click();
    await expect.poll(() => admin.getByTestId('calendar-table').textContent()).toContain('管理员录入');
    await screenshot(admin, 'appeals-calendar');

    await city.goto(`${baseUrl()}/appeals?open=true&sort=due`);
    await city.getByTestId('appeals-table').waitFor();
    await expect
      .poll(() => city.getByTestId('appeals-table').textContent())
      .toContain('流动资金贷款续贷困难');
    await screenshot(city, 'appeals-queue-city');
    await city.getByTestId('lang-en-US').click();
    await expect
      .poll(() => city.getByTestId('appeals-table').textContent())
      .toMatch(/Government–enterprise meeting/);
    await screenshot(city, 'appeals-queue-en-US');
    await city.getByTestId('lang-zh-CN').click();
    for (const p of [city, admin]) await p.context().close();
  });

  it('moves the zone’s own 办不成事 register in: one column mapped, the bad row named, the valid rows imported on their days', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    // days of this year (the zone's back-date limit), a few days back
    const back = (n: number) => {
      const d = new Date(Date.parse(`${today}T00:00:00Z`) - n * 86400_000).toISOString().slice(0, 10);
      return d < `${today.slice(0, 4)}-01-01` ? `${today.slice(0, 4)}-01-01` : d;
    };
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('在办诉求');
    ws.addRow(['临汾经济开发区“办不成事”窗口登记台账']);
    ws.mergeCells(1, 1, 1, 8);
    ws.addRow([
      '序号',
      '登记日期',
      '企业名称',
      '联系电话',
      '群众反映问题',
      '问题类别',
      '承办单位',
      '办理状态',
    ]);
    ws.addRow([
      1,
      back(6).replaceAll('-', '.'),
      '大陆希望（临汾）光伏科技有限公司',
      '13903571111',
      '二期厂房规划许可办理进度缓慢，影响开工',
      '用地',
      '临汾市自然资源局',
      '办理中',
    ]);
    ws.addRow([2, back(2), '不存在的贸易有限公司', '13512345678', '货款拖欠', '账款拖欠', null, '已受理']);
    ws.addRow(['合计', '2 件']);
    const file = path.join(os.tmpdir(), `ys-e2e-register-${Date.now()}.xlsx`);
    await wb.xlsx.writeFile(file);

    const zone = await as(browser, 'lfkfq', { axe: true });
    await zone.getByTestId('menu-appeals').click();
    await zone.getByTestId('appeals-table').waitFor();
    await zone.getByTestId('appeal-import').click();
    await zone.locator('.ant-modal input[type=file]').setInputFiles(file);
    await expect
      .poll(() => zone.getByTestId('ledger-errors').textContent(), { timeout: 30_000 })
      .toContain('缺少必填列');
    await zone.getByTestId('ledger-column-5').click();
    await zone.locator('.ant-select-item-option:visible', { hasText: /^诉求内容/ }).click();
    await screenshot(zone, 'journey-appeal-import-columns');
    await zone.getByTestId('ledger-columns-save').click();
    await expect
      .poll(() => zone.getByTestId('ledger-errors').textContent(), { timeout: 30_000 })
      .toContain('不存在的贸易有限公司');
    await expect(zone.getByTestId('ledger-report').textContent()).resolves.toContain('可导入 1 行');
    await expect.poll(() => zone.getByTestId('ledger-commit-valid').isEnabled()).toBe(true);
    await screenshot(zone, 'journey-appeal-import-report');
    expect(await axeViolations(zone)).toEqual([]);
    await zone.setViewportSize({ width: 390, height: 844 });
    await screenshot(zone, 'journey-appeal-import-report-390');
    await zone.setViewportSize({ width: 1440, height: 900 });
    await zone.getByTestId('ledger-commit-valid').click();
    await zone.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect
      .poll(() => zone.getByTestId('ledger-done').textContent(), { timeout: 30_000 })
      .toContain('已导入 1 条');
    await zone.keyboard.press('Escape');
    // in the queue, assigned to the department, filed on the register's day
    await zone.goto(`${baseUrl()}/appeals?q=${encodeURIComponent('二期厂房规划许可')}`);
    await expect
      .poll(() => zone.getByTestId('appeals-table').textContent())
      .toContain('二期厂房规划许可办理进度缓慢');
    await zone
      .getByTestId('appeals-table')
      .locator('tbody tr', { hasText: '二期厂房规划许可' })
      .first()
      .click();
    await zone.getByTestId('appeal-title').waitFor();
    const detail = await zone.locator('main').textContent();
    expect(detail).toContain('临汾市自然资源局');
    expect(detail).toContain(back(6));
    await zone.context().close();
  });
});
