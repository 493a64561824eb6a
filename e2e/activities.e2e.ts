import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPost, baseUrl, launch, login, newPage, screenshot } from './browser.js';

/**
 * A Taiyuan clerk records a leaders' trip with two enterprises met and a project signed there, then
 * moves the project to 开工 and sees the trip's funnel follow. (Taiyuan, so that the Linfen journeys
 * of the pipeline see none of this.)
 */
const day = (n: number) => new Date(Date.now() + 8 * 3600_000 - n * 86400_000).toISOString().slice(0, 10);

/** expect.poll with room for a loaded machine (the default waits one second). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

async function pick(page: Page, testId: string, typed: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  if (typed) await page.keyboard.type(typed);
  await page
    .locator(
      '.ant-select-dropdown:visible .ant-select-item-option, .ant-select-dropdown:visible .ant-select-tree-treenode',
      {
        hasText: option,
      },
    )
    .first()
    .click();
}

describe('activities journey', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('records a trip with two enterprises met and a project signed there; its funnel follows the project to 开工', async () => {
    const page = await newPage(browser);
    await login(page, 'taiyuan');
    await page.getByTestId('home-welcome').waitFor();

    // what the trip starts from: two investors, the district's party secretary, a signed project
    const units = await page.evaluate(
      async () => (await (await fetch('/api/v1/org-units?q=140105')).json()).items,
    );
    const xiaodian = units.find((u: { code: string }) => u.code === '140105').id as string;
    const inv1 = await apiPost(page, '/api/v1/investors', {
      name: '深圳华储新能源有限公司',
      creditCode: '91440300MA5HX1E00K',
    });
    await apiPost(page, '/api/v1/investors', {
      name: '深圳鹏芯材料有限公司',
      creditCode: '91440300MA5HX1E01N',
    });
    await apiPost(page, '/api/v1/officials', {
      name: '张书记',
      post: '小店区委书记',
      orgUnitId: xiaodian,
      main: true,
    });
    let project = await apiPost(page, '/api/v1/projects', {
      name: '华储储能电站装备制造项目',
      regionId: xiaodian,
      industryCode: '3841',
      totalInvestmentFen: 3_500_000_000_00,
      projectType: 'new',
      investorIds: [inv1.id],
    });
    for (const [to, date] of [
      ['negotiating', day(40)],
      ['signed', day(19)],
    ]) {
      project = await apiPost(page, `/api/v1/projects/${project.id}/stage`, {
        version: project.version,
        action: 'advance',
        to,
        date,
      });
    }

    // record the trip in the form
    await page.getByTestId('menu-activities').click();
    await page.getByTestId('activities-table').waitFor();
    await page.getByTestId('activity-new').click();
    await page.getByTestId('activity-form-title').fill('赴深圳开展储能产业链招商');
    const dates = page.getByTestId('activity-form').locator('.ant-picker-range input');
    await dates.nth(0).click();
    await dates.nth(0).fill(day(20));
    await dates.nth(0).press('Enter');
    await dates.nth(1).fill(day(18));
    await dates.nth(1).press('Enter');
    await page.getByTestId('activity-form-province').fill('广东省');
    await page.getByTestId('activity-form-city').fill('深圳市');
    await pick(page, 'activity-form-organiserId', '小店', '小店区');
    await pick(page, 'activity-form-officialIds', 'zsj', '张书记');
    await page.keyboard.press('Escape');
    await pick(page, 'activity-form-investorIds', '华储', '深圳华储新能源有限公司');
    await pick(page, 'activity-form-investorIds', '鹏芯', '深圳鹏芯材料有限公司');
    await page.keyboard.press('Escape');
    await page.getByTestId('activity-form-signing-add').click();
    await pick(page, 'activity-form-signing-0', 'hcc', '华储储能电站装备制造项目');
    await poll(() => page.getByTestId('activity-form-signing-amount-0').inputValue()).toBe('350,000');
    await page.getByTestId('activity-form-summary').fill('走访两家储能企业，现场签约一个项目');
    await screenshot(page, 'journey-activity-form');
    await page.getByTestId('activity-form-submit').click();

    // the detail: two enterprises met, the project signed there, nothing started yet
    await page.getByTestId('activity-title').waitFor();
    await expect(page.getByTestId('activity-type-tag').textContent()).resolves.toBe('外出招商');
    await poll(() => page.getByTestId('funnel-signed-value').textContent()).toBe('1');
    await expect(page.getByTestId('funnel-started-value').textContent()).resolves.toBe('0');
    await expect(page.getByTestId('funnel-signed-fen').textContent()).resolves.toContain('350,000.00');
    await expect(page.getByTestId('activity-projects').textContent()).resolves.toContain('现场签约');
    await page.getByTestId('tab-enterprises').click();
    await poll(() => page.getByTestId('activity-enterprises').locator('tbody tr.ant-table-row').count()).toBe(
      2,
    );
    await screenshot(page, 'journey-activity-detail');
    const activityUrl = page.url();

    // the project moves to 开工 in the pipeline
    await page.getByTestId('tab-projects').click();
    await page
      .getByTestId('activity-projects')
      .getByRole('link', { name: '华储储能电站装备制造项目' })
      .click();
    await page.getByTestId('project-title').waitFor();
    // the project names the trip it was signed at
    await poll(() => page.getByTestId('project-signed-activity').textContent()).toContain('万元');
    await page.getByTestId('project-stage-action').click();
    await page.getByTestId('stage-dialog-submit').click();
    await page.getByTestId('stage-dialog-submit').waitFor({ state: 'hidden' });
    await poll(() => page.getByTestId('project-status-tag').first().textContent()).toBe('开工');

    // … and the trip's funnel follows
    await page.goto(activityUrl);
    await page.getByTestId('activity-title').waitFor();
    await poll(() => page.getByTestId('funnel-started-value').textContent()).toBe('1');
    await expect(page.getByTestId('funnel-started-fen').textContent()).resolves.toContain('350,000.00');
    await expect(page.getByTestId('funnel-not-arrived-fen').textContent()).resolves.toContain('350,000.00');
    await screenshot(page, 'journey-activity-funnel');

    // the list, the calendar and the leaders' page show it too
    await page.goto(`${baseUrl()}/activities`);
    await poll(() => page.getByTestId('activities-table').textContent()).toContain(
      '赴深圳开展储能产业链招商',
    );
    await poll(() => page.getByTestId('figure-main-trips').textContent()).toContain('1');
    await screenshot(page, 'journey-activities');
    await page.getByTestId('activities-view').getByText('日历').click();
    await page.getByTestId('activities-calendar').waitFor();
    await screenshot(page, 'journey-activities-calendar');
    await page.goto(`${baseUrl()}/activities/leaders`);
    await poll(() => page.getByTestId('leaders-table').textContent()).toContain('张书记');
    await poll(() => page.getByTestId('leaders-trips').textContent()).toContain('小店区');
    await screenshot(page, 'journey-activity-leaders');
    await page.context().close();
  });

  it('shows the activities in English', async () => {
    const page = await newPage(browser);
    await login(page, 'taiyuan');
    await page.getByTestId('home-welcome').waitFor();
    await page.getByTestId('lang-en-US').click();
    await page.goto(`${baseUrl()}/activities`);
    await poll(() => page.getByTestId('activities-figures').textContent()).toMatch(/Main leaders/);
    await poll(() => page.getByTestId('activities-table').textContent()).toContain('Outbound visit');
    await screenshot(page, 'journey-activities-en-US');
    await page.getByTestId('activities-table').locator('tbody tr.ant-table-row').first().click();
    await page.getByTestId('activity-title').waitFor();
    await poll(() => page.getByTestId('activity-funnel').textContent()).toMatch(/Started/);
    await screenshot(page, 'journey-activity-detail-en-US');
    await page.getByTestId('lang-zh-CN').click();
    await page.context().close();
  });
});
