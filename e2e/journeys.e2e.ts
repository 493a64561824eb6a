import {
  adminPagesFor,
  homeModuleFor,
  MODULES,
  modulesFor,
  type OrgKind,
  permissionsOf,
  type Role,
} from '@yingshang/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, login, newPage, PASSWORD, screenshot } from './browser.js';

/** The journeys a person makes in the browser, on the real server and Debian's Chromium. */
const DEMO: [string, Role, string, OrgKind][] = [
  ['admin', 'province_admin', '山西省', 'province'],
  ['linfen', 'city_bureau', '临汾市', 'city'],
  ['yaodu', 'county_staff', '尧都区', 'county'],
  ['linfen_zrzy', 'dept_handler', '临汾市自然资源局', 'department'],
  ['linfen_leader', 'leader', '临汾市', 'city'],
  ['inspector', 'inspector', '山西省', 'province'],
  ['enterprise', 'enterprise', '山西晋鑫焦化有限公司', 'enterprise'],
];

async function visibleMenu(page: Page): Promise<string[]> {
  await page.getByTestId('side-menu').waitFor();
  const ids = await page
    .getByTestId('side-menu')
    .locator('[data-testid^="menu-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(5)));
  return ids.filter((k) => k !== 'system').sort();
}

describe('browser journeys', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it.each(DEMO)('%s (%s) signs in and sees the menu of the role', async (username, role, unit, kind) => {
    const page = await newPage(browser);
    await login(page, username);
    // a leader's home is the 驾驶舱, everyone else lands on the home page
    const homeModule = homeModuleFor([role]);
    if (homeModule) await page.waitForURL(`**/${homeModule}`);
    else await page.getByTestId('home-welcome').waitFor();
    await expect(page.getByTestId('user-menu').textContent()).resolves.toContain(unit);
    // no dead entries: the system pages that have something for this role's unit
    const expected = [
      ...(homeModule ? [] : ['home']),
      ...modulesFor([role]),
      ...adminPagesFor(permissionsOf([role]), kind),
    ].sort();
    expect(await visibleMenu(page)).toEqual(expected);
    // every module of the menu leads to a page, not a dead link
    for (const key of modulesFor([role]).slice(0, 2)) {
      await page.getByTestId(`menu-${key}`).click();
      await page.waitForURL(`**/${key}`);
      await expect(page.locator('main').textContent()).resolves.not.toContain('404');
    }
    await screenshot(page, `journey-home-${username}`);
    await page.context().close();
  });

  it('shows an error for a wrong password and stays on the login page', async () => {
    const page = await newPage(browser);
    await login(page, 'admin', 'wrong-password-1');
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码错误');
    expect(page.url()).toContain('/login');
    await screenshot(page, 'journey-login-error');
    await page.context().close();
  });

  it('switches the language to English and back, and logs out', async () => {
    const page = await newPage(browser);
    await login(page, 'linfen');
    await page.getByTestId('home-welcome').waitFor();
    await expect(page.getByTestId('menu-projects').textContent()).resolves.toBe('招商项目库');
    await page.getByTestId('lang-en-US').click();
    await expect.poll(() => page.getByTestId('menu-projects').textContent()).toBe('Project pipeline');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en-US');
    await screenshot(page, 'journey-home-en-US');
    // The choice is kept with the account: a reload stays in English.
    await page.reload();
    await expect.poll(() => page.getByTestId('menu-projects').textContent()).toBe('Project pipeline');
    await page.getByTestId('lang-zh-CN').click();
    await expect.poll(() => page.getByTestId('menu-projects').textContent()).toBe('招商项目库');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await page.goto(`${baseUrl()}/admin/users`);
    await page.waitForURL('**/login**');
    await page.context().close();
  });

  it('an administrator creates a user, who then signs in, changes the password and works', async () => {
    const page = await newPage(browser);
    await login(page, 'linfen');
    await page.getByTestId('home-welcome').waitFor();
    await page.getByTestId('menu-users').click();
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('user-new').click();
    await page.getByTestId('user-form-username').fill('quwo_e2e');
    await page.getByTestId('user-form-displayName').fill('曲沃县招商员');
    await page.getByTestId('user-form-orgUnit').click();
    await page.keyboard.type('曲沃');
    await page.locator('.ant-select-tree-treenode', { hasText: '曲沃县' }).first().click();
    await page.getByTestId('user-form-roles').click();
    await page.locator('.ant-select-item-option', { hasText: '县区/开发区' }).first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('user-form-password').fill('short1');
    await page.getByTestId('user-form-submit').click();
    await expect(page.getByTestId('user-form').textContent()).resolves.toMatch(/10/);
    await page.getByTestId('user-form-password').fill('Quwo2026start');
    await screenshot(page, 'journey-user-form');
    await page.getByTestId('user-form-submit').click();
    await page.getByTestId('user-form').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('users-table').textContent()).toContain('quwo_e2e');
    await screenshot(page, 'journey-users');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');

    await login(page, 'quwo_e2e', 'Quwo2026start');
    await page.getByTestId('cp-current').fill('Quwo2026start');
    await page.getByTestId('cp-new').fill('Quwo2026better');
    await page.getByTestId('cp-confirm').fill('Quwo2026better');
    await page.getByTestId('cp-submit').click();
    await page.getByTestId('home-welcome').waitFor();
    await expect(page.getByTestId('user-menu').textContent()).resolves.toContain('曲沃县');
    expect(await visibleMenu(page)).toEqual(
      ['home', ...modulesFor(['county_staff']), 'orgs', 'users'].sort(),
    );
    // the welcome notice waits in the bell
    await expect(page.getByTestId('notification-badge').textContent()).resolves.toContain('1');
    await page.context().close();
  });

  it('renders stored text as text, never as markup', async () => {
    const page = await newPage(browser);
    await login(page, 'admin');
    await page.getByTestId('home-welcome').waitFor();
    const xss = '<img src=x onerror="window.__xss=1">恶意企业';
    const created = await page.evaluate(
      async ([name, csrfFrom]) => {
        const me = await (await fetch(csrfFrom)).json();
        const tree = await (await fetch('/api/v1/org-units?q=141002')).json();
        const res = await fetch('/api/v1/org-units', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ code: 'E-XSS', name, kind: 'enterprise', parentId: tree.items[0].id }),
        });
        return res.status;
      },
      [xss, '/api/v1/auth/me'],
    );
    expect(created).toBe(201);
    await page.goto(`${baseUrl()}/admin/audit`);
    await page.getByTestId('audit-table').waitFor();
    await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain('恶意企业');
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await expect(page.getByTestId('audit-table').textContent()).resolves.toContain('<img src=x');
    await page.context().close();
  });

  it('shows an XSS payload in an appeal title as text, and the app runs under its CSP without a violation', async () => {
    const page = await newPage(browser);
    // every CSP violation any page reports, from the first script on, across navigations
    const violations: string[] = [];
    await page.exposeFunction('__reportCsp', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(
          `${location.pathname}: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
        ),
      );
    });
    await login(page, 'admin');
    await page.getByTestId('home-welcome').waitFor();
    const title = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">诉求标题';
    const filed = await page.evaluate(async (t) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const unit = async (q: string) => (await (await fetch(`/api/v1/org-units?q=${q}`)).json()).items[0].id;
      const res = await fetch('/api/v1/appeals', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          channel: 'window',
          category: 'land',
          title: t,
          description: `${t}的描述`,
          enterpriseId: await unit('E-YDYS'),
          regionId: await unit('141002'),
        }),
      });
      return { status: res.status, id: (await res.json()).id as string };
    }, title);
    expect(filed.status).toBe(201);
    await page.goto(`${baseUrl()}/appeals/${filed.id}`);
    await page.getByTestId('appeal-title').waitFor();
    await expect
      .poll(() => page.getByTestId('appeal-title').textContent(), { timeout: 15_000 })
      .toContain(title);
    await page.goto(`${baseUrl()}/appeals?q=${encodeURIComponent('诉求标题')}`);
    await page.getByTestId('appeals-table').waitFor();
    // the header has a 诉求标题 column too: wait for the payload itself, shown as text
    await expect
      .poll(() => page.getByTestId('appeals-table').textContent(), { timeout: 15_000 })
      .toContain('<img src=x onerror="window.__xss=2">');
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    // the built app satisfies its own Content-Security-Policy on every module's first page
    for (const path of [
      '/dashboard',
      '/projects',
      '/activities',
      '/rectification',
      '/admin/users',
      '/admin/audit',
    ]) {
      await page.goto(`${baseUrl()}${path}`);
      await page.waitForLoadState('networkidle');
    }
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('has a module for every key in the contracts', () => {
    expect(MODULES.map((m) => m.key)).toEqual([
      'dashboard',
      'projects',
      'activities',
      'incentives',
      'appeals',
      'rectification',
    ]);
    expect(PASSWORD).toBe('Demo12345678');
  });
});
