import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPost, baseUrl, launch, login, newPage, screenshot, unitIdByCode } from './browser.js';

/**
 * A provincial leader opens the dashboard for 大同市 this year, checks a figure against the records
 * behind it, drills into a district and copies the bulletin. (大同, so that the other journeys'
 * Linfen and Taiyuan records stay out of these figures.)
 */
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const thisMonth = today.slice(0, 7);
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

describe('dashboard journey', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('shows the year’s figures of a city, the records behind one, a district drilled into, the bulletin', async () => {
    const page = await newPage(browser);
    await login(page, 'admin');
    await page.getByTestId('home-welcome').waitFor();

    // two projects signed this month in two districts of 大同
    const investor = await apiPost<{ id: string }>(page, '/api/v1/investors', {
      name: '大同驾驶舱测试投资有限公司',
      creditCode: '91140200MA0K0D2B11',
    });
    const datong = await unitIdByCode(page, '140200');
    for (const [code, name, wan] of [
      ['140213', '大同平城高端装备项目', 120_000],
      ['140214', '大同云冈文旅综合体项目', 80_000],
    ] as const) {
      let p = await apiPost<{ id: string; version: number }>(page, '/api/v1/projects', {
        name,
        regionId: await unitIdByCode(page, code),
        industryCode: '34',
        totalInvestmentFen: wan * 1_000_000,
        projectType: 'new',
        investorIds: [investor.id],
      });
      for (const to of ['negotiating', 'signed'])
        p = await apiPost(page, `/api/v1/projects/${p.id}/stage`, {
          version: p.version,
          action: 'advance',
          to,
          date: today,
        });
    }

    // and an appeal received by 平城区's office
    await apiPost(page, '/api/v1/appeals', {
      channel: 'window',
      category: 'land',
      title: '大同驾驶舱测试诉求：用地指标',
      description: '驾驶舱测试',
      enterpriseId: await unitIdByCode(page, 'E-YDYS'),
      regionId: await unitIdByCode(page, '140213'),
    });

    await page.goto(`${baseUrl()}/dashboard?region=${datong}`);
    await page
      .getByTestId('dash-preset')
      .getByText(`1-${Number(thisMonth.slice(5))}月`)
      .click();
    await poll(() =>
      page.getByTestId('kpi-signed').locator('.ant-statistic-content').textContent(),
    ).toContain('2');
    await expect(
      page.getByTestId('kpi-signed-investment').locator('.ant-statistic-content').textContent(),
    ).resolves.toContain('20.00');
    await page.getByText('大同市招商驾驶舱').waitFor();
    // the city's districts on the map, coloured by the investment signed
    await poll(() => page.getByTestId('dash-map').locator('svg path').count()).toBeGreaterThan(9);
    // the modules' own figures for the same city and months
    for (const id of ['dash-activities', 'dash-incentives', 'dash-appeals', 'dash-rectification'])
      await page.getByTestId(id).locator('.ant-statistic').first().waitFor();
    await poll(() => page.getByTestId('dash-bulletin').textContent()).toMatch(/主要领导外出招商\d+次/);
    // this month's signings by industry (C 制造业: both are class 34) and by the investors' origin
    await poll(() => page.getByTestId('dash-industries').textContent()).toContain('制造业');
    await poll(() => page.getByTestId('dash-origins').locator('svg').count()).toBeGreaterThan(0);
    await screenshot(page, 'dashboard-city');

    // the workbook of the same figures, and the page as it prints (no menu, header or controls)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('dash-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`大同市-${thisMonth.slice(0, 4)}-01-${thisMonth}.xlsx`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-sider').isVisible()).toBe(false);
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByTestId('dash-filters').isVisible()).toBe(false);
    await page.screenshot({ path: 'screenshots/dashboard-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // the monthly report of the same city, against the annual targets the province sets
    await page.getByTestId('dash-monthly').click();
    await page.getByTestId('monthly-table').waitFor();
    const pingcheng = await unitIdByCode(page, '140213');
    await page.getByTestId('monthly-edit-targets').click();
    await page.getByTestId(`target-signedWan-${pingcheng}`).fill('240000');
    await page.getByTestId('targets-save').click();
    await page.getByText('年度目标已保存').waitFor();
    // 平城区: 12亿元 signed this year against a target of 24亿元
    await poll(() =>
      page.getByTestId('monthly-table').locator('tr', { hasText: '平城区' }).textContent(),
    ).toContain('50.0%');
    await screenshot(page, 'dashboard-monthly');
    const [monthly] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('monthly-export').click(),
    ]);
    expect(monthly.suggestedFilename()).toBe(`大同市招商引资月报-${thisMonth}.xlsx`);
    await page.goBack();

    // the records behind "new signings": the project list with the same period
    await page.getByTestId('kpi-signed').locator('a').click();
    await page.getByTestId('projects-filter-reached').waitFor();
    await poll(() => page.getByTestId('projects-table').locator('tbody tr.ant-table-row').count()).toBe(2);
    await page.goBack();
    // and behind "appeals received": the appeal list of the city, filed in the same months
    await page.getByTestId('dash-appeals-received').locator('a').click();
    await page.getByTestId('appeals-filter-filed').first().waitFor();
    await poll(() => page.getByTestId('appeals-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    await page.getByText('大同驾驶舱测试诉求：用地指标').waitFor();
    await screenshot(page, 'dashboard-appeals-received');
    await page.goBack();
    // and behind the campaign's overdue tasks: its task list narrowed to the city
    const overdueTasks = Number(
      await page.getByTestId('dash-rect-overdue').locator('.ant-statistic-content').textContent(),
    );
    await page.getByTestId('dash-rect-overdue').locator('a').click();
    await page.getByTestId('rect-filter-region').waitFor();
    await poll(
      async () => (await page.locator('.ant-table-tbody tr.ant-table-row').count()) === overdueTasks,
    ).toBe(true);
    await poll(() => page.getByTestId('rect-filter-region').textContent()).toContain('大同市');
    await page.goBack();
    // and behind the incentive applications: the applications list of the city, submitted in the months
    const applications = Number(
      await page.getByTestId('dash-incentives-applications').locator('.ant-statistic-content').textContent(),
    );
    await page.getByTestId('dash-incentives-applications').locator('a').click();
    await page.getByTestId('inc-filter-submitted').first().waitFor();
    await poll(
      async () => (await page.locator('.ant-table-tbody tr.ant-table-row').count()) === applications,
    ).toBe(true);
    await page.goBack();
    // each section's 详情 opens its module's own page for the same city (and months)
    for (const [section, target] of [
      ['dash-activities', 'leaders-filter'],
      ['dash-incentives', 'inc-figures'],
      ['dash-rectification', 'rect-totals'],
    ]) {
      await page.getByTestId(section).locator('.ant-card-extra a').click();
      await page.getByTestId(target).waitFor();
      await page.goBack();
    }

    // drill into 平城区 on the map (a click on its shape), and back
    await page.getByTestId('dash-map').locator('text', { hasText: '平城区' }).first().click();
    await page.getByText('平城区招商驾驶舱').waitFor();
    await page.goBack();
    await page.getByText('大同市招商驾驶舱').waitFor();
    // and from the ranking
    await page.getByTestId('dash-drill-140213').click();
    await page.getByText('平城区招商驾驶舱').waitFor();
    await poll(() =>
      page.getByTestId('kpi-signed').locator('.ant-statistic-content').textContent(),
    ).toContain('1');
    const bulletin = await page.getByTestId('dash-bulletin').textContent();
    expect(bulletin).toMatch(/^今年1-\d+月份，平城区新签约项目1个，总投资12亿元/);
    await page.getByTestId('dash-copy').click();
    await page.getByText('已复制通报段落').waitFor();
    await screenshot(page, 'dashboard-county');

    await page.getByTestId('lang-en-US').click();
    await page.goto(
      `${baseUrl()}/dashboard?region=${datong}&from=${thisMonth.slice(0, 4)}-01&to=${thisMonth}`,
    );
    await poll(() => page.getByTestId('dash-bulletin').textContent()).toMatch(
      /signed 2 new investment projects/,
    );
    await screenshot(page, 'dashboard-city-en-US');
    await page.getByTestId('lang-zh-CN').click();
    await page.context().close();
  });
});
