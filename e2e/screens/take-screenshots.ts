/**
 * Screenshots of the main screens in zh-CN and en-US, for a person to look at.
 *   SCREENS_BASE=http://localhost:3300 DEMO_PASSWORD=Demo12345678 node --import tsx e2e/screens/take-screenshots.ts
 * Writes screenshots/<screen>-<locale>.png (gitignored) and prints browser console errors and warnings.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const BASE = process.env.SCREENS_BASE ?? 'http://localhost:3300';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo12345678';
const OUT = path.resolve(import.meta.dirname, '../../screenshots');
const LOCALES = ['zh-CN', 'en-US'] as const;

const problems: string[] = [];
/** 4xx/5xx answers seen (a 401 from /auth/me before login and from the wrong-password attempt are expected). */
const statuses: string[] = [];

async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  console.log('wrote', file);
}

async function checkNoHorizontalScroll(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) problems.push(`${label}: page scrolls horizontally by ${overflow}px`);
}

async function run(browser: Browser, locale: (typeof LOCALES)[number]) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
  await context.addInitScript((l) => localStorage.setItem('yingshang.locale', l), locale);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      problems.push(`[${locale}] console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`[${locale}] pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400)
      statuses.push(`[${locale}] ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });

  await page.goto(`${BASE}/login`);
  await page.getByTestId('login-username').waitFor();
  await shot(page, `login-${locale}`);

  // a wrong password shows the API's message
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('wrong-password-1');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-error').waitFor();
  await shot(page, `login-error-${locale}`);

  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-welcome').waitFor();
  await shot(page, `home-${locale}`);
  await checkNoHorizontalScroll(page, `home ${locale}`);

  await page.getByTestId('menu-users').click();
  await page.getByTestId('users-table').locator('tbody tr.ant-table-row').first().waitFor();
  await shot(page, `users-${locale}`);
  await checkNoHorizontalScroll(page, `users ${locale}`);

  // new-user form, with a weak password to see the field message
  await page.getByTestId('user-new').click();
  await page
    .getByTestId('user-form-username')
    .fill(`shot${locale === 'zh-CN' ? 'zh' : 'en'}${Date.now() % 100000}`);
  await page
    .getByTestId('user-form-displayName')
    .fill(locale === 'zh-CN' ? '截图测试员' : 'Screenshot Tester');
  await page.getByTestId('user-form-orgUnit').click();
  await page.keyboard.type('lf');
  await page.locator('.ant-select-tree-treenode', { hasText: '临汾市' }).first().waitFor();
  await page.locator('.ant-select-tree-treenode', { hasText: '临汾市' }).first().click();
  await page.getByTestId('user-form-password').fill('short1');
  await page.getByTestId('user-form-roles').click();
  await page.waitForTimeout(300);
  await shot(page, `user-form-${locale}`);
  await page.locator('.ant-select-item-option').first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('user-form-password').fill('Strong12345pass');
  await page.getByTestId('user-form-submit').click();
  await page.getByTestId('user-form').waitFor({ state: 'hidden' });

  // reset the new user's password and show the one-time modal
  const username = await page
    .getByTestId('users-table')
    .locator('tbody tr.ant-table-row')
    .first()
    .textContent();
  await page.getByTestId('users-search').locator('input').fill('shot');
  await page.keyboard.press('Enter');
  await page.waitForLoadState('networkidle');
  const reset = page.locator('[data-testid^="user-reset-shot"]').first();
  await reset.click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await page.getByTestId('temp-password').waitFor();
  const tempPassword = (await page.getByTestId('temp-password').textContent())?.trim() ?? '';
  const tempUser = (
    await page.locator('[data-testid^="user-reset-shot"]').first().getAttribute('data-testid')
  )?.replace('user-reset-', '');
  await shot(page, `temp-password-${locale}`);
  await page.getByTestId('temp-password-close').click();
  await page.getByTestId('temp-password').waitFor({ state: 'hidden' });
  void username;

  await page.getByTestId('menu-orgs').click();
  await page.getByTestId('org-children-table').locator('tbody tr.ant-table-row').first().waitFor();
  await shot(page, `orgs-${locale}`);
  await checkNoHorizontalScroll(page, `orgs ${locale}`);
  await page.getByTestId('org-tree-search').locator('input').fill('lf');
  await page.waitForTimeout(800);
  await page.locator('.ant-tree-node-content-wrapper', { hasText: '临汾市' }).first().click();
  await page.getByTestId('org-children-table').locator('tbody tr.ant-table-row').first().waitFor();
  await shot(page, `orgs-linfen-${locale}`);

  await page.getByTestId('menu-audit').click();
  await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor();
  const expand = page.locator('.ant-table-row-expand-icon:not(.ant-table-row-expand-icon-spaced)').first();
  if (await expand.count()) await expand.click();
  await shot(page, `audit-${locale}`);
  await checkNoHorizontalScroll(page, `audit ${locale}`);

  await page.getByTestId('notification-bell').click();
  await page.getByTestId('notification-popover').waitFor();
  await shot(page, `bell-${locale}`);
  await page.keyboard.press('Escape');

  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').waitFor();

  // the user whose password was reset must change it before anything else
  if (tempUser && tempPassword) {
    await page.getByTestId('login-username').fill(tempUser);
    await page.getByTestId('login-password').fill(tempPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('cp-current').waitFor();
    await shot(page, `forced-password-${locale}`);
    await page.getByTestId('cp-current').fill(tempPassword);
    await page.getByTestId('cp-new').fill('NewPass2026abc');
    await page.getByTestId('cp-confirm').fill('NewPass2026abc');
    await page.getByTestId('cp-submit').click();
    await page.getByTestId('home-welcome').waitFor();
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
  }

  // other roles: what they see
  for (const [user, target] of [
    ['enterprise', '/'],
    ['linfen_zrzy', '/admin/orgs'],
    ['linfen_leader', '/admin/users'],
  ] as const) {
    await page.getByTestId('login-username').fill(user);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-welcome').waitFor();
    if (target !== '/') await page.goto(`${BASE}${target}`);
    await shot(page, `role-${user}-${locale}`);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
  }
  await context.close();
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  for (const l of LOCALES) await run(browser, l);
} catch (e) {
  for (const ctx of browser.contexts())
    for (const p of ctx.pages()) await p.screenshot({ path: path.join(OUT, 'failure.png') });
  console.log(`HTTP errors seen:\n${statuses.join('\n')}\n${problems.join('\n')}`);
  throw e;
} finally {
  await browser.close();
}
console.log(`\nHTTP errors seen:\n${statuses.map((x) => ` - ${x}`).join('\n') || ' (none)'}`);
if (problems.length) {
  console.log(`\n${problems.length} problem(s):`);
  for (const p of problems) console.log(' -', p);
} else {
  console.log('\nno console errors or warnings');
}
