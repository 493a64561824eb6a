import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPost, baseUrl, launch, login, newPage, screenshot } from './browser.js';

/**
 * The "done means": an enterprise applies for the 到资奖励 with two arrivals and sees the
 * trace; the zone, the city and the province approve; the payment is recorded; the cap holds on a
 * second application.
 */
async function as(browser: Browser, username: string): Promise<Page> {
  const page = await newPage(browser);
  await login(page, username);
  await page.getByTestId('home-welcome').waitFor();
  return page;
}

async function pick(page: Page, testId: string, typed: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  if (typed) await page.keyboard.type(typed);
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

async function arrival(page: Page, i: number, receipt: string, day: string, wanUsd: string) {
  await page.locator(`#apply_arrivals_${i}_bankReceiptNo`).fill(receipt);
  const date = page.locator(`#apply_arrivals_${i}_receivedOn`);
  await date.click();
  await date.fill(day);
  await date.press('Enter');
  await page.locator(`#apply_arrivals_${i}_amount`).fill(wanUsd);
}

/** Fills the form for the 镁、铝 project at the 临汾经济开发区 and computes. */
async function applyForm(page: Page, rows: [string, string, string][]) {
  await page.getByTestId('menu-incentives').click();
  await page.getByTestId('inc-apply').click();
  await pick(page, 'inc-region', '经济开发区', /^临汾经济开发区$/);
  await pick(page, 'inc-province', '江苏', /^江苏省$/);
  await pick(page, 'inc-catalogue', '镁', /镁、铝等有色金属精深加工/);
  for (const [i, r] of rows.entries()) {
    if (i > 0) await page.getByTestId('inc-add-arrival').click();
    await arrival(page, i, ...r);
  }
  await page.getByTestId('inc-add-required').click();
  await page.getByTestId('inc-evaluate').click();
  await page.getByTestId('inc-trace').waitFor();
}

async function submit(page: Page): Promise<string> {
  await page.getByTestId('inc-submit').click();
  await page.locator('.ant-modal-confirm .ant-btn-primary').click();
  await page.getByTestId('inc-title').waitFor();
  return page.url().split('/').at(-1) as string;
}

async function approve(browser: Browser, username: string, id: string, next: string) {
  const page = await as(browser, username);
  await page.goto(`${baseUrl()}/incentives/${id}`);
  await page.getByTestId('inc-review').click();
  await page.getByTestId('inc-dialog-ok').click();
  try {
    await expect.poll(() => page.getByTestId('inc-status').textContent()).toBe(next);
  } catch (e) {
    await screenshot(page, `incentives-failed-${username}`);
    throw e;
  }
  return page;
}

describe('incentive rewards journey', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('applies with two arrivals, shows the trace, is approved at three levels, is paid, and the cap holds', async () => {
    // The province keeps the central parities of the arrival days (test values).
    const admin = await as(browser, 'admin');
    for (const [day, rate] of [
      ['2025-03-03', '7.1702'],
      ['2025-06-02', '7.1848'],
      ['2025-09-01', '7.1030'],
    ])
      await apiPost(admin, '/api/v1/incentives/rates', { day, rate });

    // 测算 on an empty form names each missing field in words, never a field path.
    const empty = await as(browser, 'enterprise');
    await empty.getByTestId('menu-incentives').click();
    await empty.getByTestId('inc-apply').click();
    await empty.getByTestId('inc-evaluate').click();
    const errors = () => empty.locator('.ant-form-item-explain-error').allInnerTexts();
    await expect.poll(errors).toEqual(expect.arrayContaining(['请填写银行回单号', '请选择到账日期']));
    expect((await errors()).join(' ')).not.toMatch(/bankReceiptNo|receivedOn|\d,/);
    await expect(empty.getByTestId('inc-submit').isDisabled()).resolves.toBe(true);
    await empty.context().close();

    // The enterprise applies with two arrivals (USD 6M and 5M) and reads the computation.
    const ent = await as(browser, 'enterprise');
    await applyForm(ent, [
      ['BOC-20250303-0001', '2025-03-03', '600'],
      ['BOC-20250602-0007', '2025-06-02', '500'],
    ]);
    const result = ent.getByTestId('inc-trace-result');
    // 6,000,000 × 7.1702 + 5,000,000 × 7.1848 = 78,945,200 yuan; × 5% = 3,947,260.00
    await expect(result.textContent()).resolves.toContain('3,947,260.00');
    await expect(ent.getByTestId('inc-cond-capital_threshold').textContent()).resolves.toContain(
      '11,000,000.00 美元，不低于 10,000,000.00 美元',
    );
    await expect(ent.getByTestId('inc-trace').textContent()).resolves.toContain('7.1848');
    await screenshot(ent, 'incentives-apply-trace');
    const id = await submit(ent);
    await expect(ent.getByTestId('inc-status').textContent()).resolves.toBe('县区/开发区审核中');
    await screenshot(ent, 'incentives-detail-submitted');

    // Zone, city and province approve in turn.
    await approve(browser, 'lfkfq', id, '市商务局审核中');
    await approve(browser, 'linfen', id, '省商务厅审定中');
    const prov = await approve(browser, 'admin', id, '已审定待兑付');
    await expect(prov.getByTestId('inc-approved').textContent()).resolves.toBe('394.73');
    await screenshot(prov, 'incentives-approved');

    // The payment is recorded (the whole approved amount, with its voucher).
    await prov.getByTestId('inc-pay').click();
    await prov.getByTestId('inc-pay-voucher').fill('GK2026-000123');
    await screenshot(prov, 'incentives-pay-dialog');
    await prov.getByTestId('inc-dialog-ok').click();
    await expect.poll(() => prov.getByTestId('inc-status').textContent()).toBe('已兑付');
    await prov.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await expect(prov.getByTestId('inc-payments').textContent()).resolves.toContain('3,947,260.00');
    await expect(prov.getByTestId('inc-timeline').textContent()).resolves.toContain('省商务厅审定');
    await screenshot(prov, 'incentives-paid');

    // A second application of USD 30M: the CNY 10M cap leaves 6,052,740.00.
    const ent2 = await as(browser, 'enterprise');
    await applyForm(ent2, [['ICBC-20250901-0011', '2025-09-01', '3000']]);
    await expect(ent2.getByTestId('inc-trace-result').textContent()).resolves.toContain('6,052,740.00');
    await expect(ent2.getByTestId('inc-trace-cap').textContent()).resolves.toContain('3,947,260.00');
    await expect(ent2.getByTestId('inc-trace').textContent()).resolves.toContain('已按上限封顶');
    await screenshot(ent2, 'incentives-cap');
    const second = await submit(ent2);
    expect(second).not.toBe(id);

    // The list shows both, with status in colour and words; the figures count them.
    await ent2.getByTestId('menu-incentives').click();
    await ent2.getByText('已兑付').first().waitFor();
    await screenshot(ent2, 'incentives-list-enterprise');
    // The same record in English: the trace reads in plain English.
    const en = await as(browser, 'enterprise');
    await en.getByTestId('lang-en-US').click();
    await en.goto(`${baseUrl()}/incentives/${id}`);
    await expect
      .poll(() => en.getByTestId('inc-trace-result').textContent())
      .toContain('Eligible: reward CNY 3,947,260.00');
    await expect(en.getByTestId('inc-status').textContent()).resolves.toBe('Paid');
    await screenshot(en, 'incentives-detail-en-US');
    await en.getByTestId('lang-zh-CN').click();
    await prov.goto(`${baseUrl()}/incentives/figures`);
    await prov.getByTestId('inc-figures').waitFor();
    await screenshot(prov, 'incentives-figures');
    await prov.goto(`${baseUrl()}/incentives/ledger`);
    await prov.getByTestId('inc-ledger-summary').waitFor();
    await screenshot(prov, 'incentives-ledger');
  }, 150_000); // an enterprise and three review levels in their own browsers: 56 s on a quiet 2-core machine
});
