import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { axeViolations, baseUrl, launch, PASSWORD } from './browser.js';

/**
 * The page sweep: every demo role signs in and every page of its menu (read from the rendered menu,
 * the drawer on a phone), the sections each module page offers (its tabs) and the first record of
 * each list, at 1440×900 and 390×844, in zh-CN and en-US, are checked for horizontal overflow,
 * console and page errors, failed requests and axe-core critical / serious violations (WCAG 2 A/AA).
 * One run lists every problem found; each page's screenshot goes to screenshots/pages/.
 *   PAGES_ROLE=enterprise npx vitest run --project e2e e2e/pages.e2e.ts   (one role, for iterating)
 */
const ROLES = [
  'admin',
  'taiyuan',
  'linfen',
  'yaodu',
  'lfkfq',
  'linfen_zrzy',
  'linfen_leader',
  'inspector',
  'enterprise',
] as const;
const DESK = { width: 1440, height: 900 } as const;
const PHONE = { width: 390, height: 844 } as const;
type Locale = 'zh-CN' | 'en-US';
/** Four passes per role: zh-CN and en-US, each on a desk and on a phone, every check in each. */
const PASSES = [DESK, PHONE].flatMap((viewport) =>
  (['zh-CN', 'en-US'] as const).map((locale) => ({ viewport, locale })),
);

const only = process.env.PAGES_ROLE?.split(',').map((r) => r.trim());
const roles = ROLES.filter((r) => !only || only.includes(r));

const SHOTS = path.resolve(import.meta.dirname, '../screenshots/pages');

/** A page's name in the report and the screenshot's file name: its path, slashes as dashes. */
const slug = (pathname: string) => (pathname === '/' ? 'home' : pathname.slice(1).replaceAll('/', '_'));

/** One signed-in browser at one size and language, with every problem it meets written down. */
class Sweep {
  /** What the problems seen now belong to (the page being opened). */
  where = 'login';
  signedIn = false;
  /** Requests sent and not yet answered. */
  inFlight = 0;

  constructor(
    readonly role: string,
    readonly page: Page,
    readonly width: number,
    readonly locale: Locale,
    readonly problems: string[],
  ) {
    page.on('request', () => this.inFlight++);
    page.on('requestfinished', () => this.inFlight--);
    page.on('requestfailed', () => this.inFlight--);
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // the failed request itself is reported below, with its address
      if (m.text().startsWith('Failed to load resource')) return;
      this.note(`console error: ${m.text().slice(0, 300)}`);
    });
    page.on('pageerror', (e) => this.note(`page error: ${e.message.slice(0, 300)}`));
    page.on('response', (r) => {
      if (r.status() < 400) return;
      const url = new URL(r.url());
      // before sign-in the app asks who is signed in and is told: nobody (401)
      if (!this.signedIn && r.status() === 401) return;
      this.note(`request failed: ${r.status()} ${r.request().method()} ${url.pathname}${url.search}`);
    });
    page.on('requestfailed', (r) => {
      const why = r.failure()?.errorText ?? '';
      // a navigation cancels the requests of the page it leaves
      if (why.includes('ERR_ABORTED')) return;
      this.note(`request failed: ${why} ${r.method()} ${new URL(r.url()).pathname}`);
    });
  }

  get phone() {
    return this.width < 768;
  }

  note(what: string) {
    this.problems.push(`${this.role} · ${this.where} · ${this.width}px · ${this.locale}: ${what}`);
  }

  async settle() {
    const { page } = this;
    // the address's page, not the one before it while a lazy page's chunk loads
    await page
      .waitForFunction(
        () => document.querySelector<HTMLElement>('main')?.dataset.path === location.pathname,
        undefined,
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    // its requests answered and no spinner left, twice in a row 100 ms apart (a reply starts the
    // next request); a page that never settles is checked as it is after 10 s
    const until = Date.now() + 10_000;
    let quiet = 0;
    while (quiet < 2 && Date.now() < until) {
      await page.waitForTimeout(100);
      const spinning = await page.evaluate(() => !!document.querySelector('.ant-spin-spinning'));
      quiet = this.inFlight <= 0 && !spinning ? quiet + 1 : 0;
    }
  }

  /** The checks every page gets, and its screenshot. */
  async check(name: string) {
    this.where = name;
    const { page } = this;
    // the pointer rests where the menu entry was: a hovered control is not the page's resting state
    await page.mouse.move(0, 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) this.note(`page overflows horizontally by ${overflow}px`);
    await this.runAxe();
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({
      path: path.join(SHOTS, `${this.role}-${name}-${this.width}-${this.locale}.png`),
    });
  }

  async runAxe() {
    for (const v of await axeViolations(this.page)) this.note(v);
  }

  /** The entries of the rendered menu (on a phone, the drawer's), in order. */
  async menu(): Promise<string[]> {
    const { page } = this;
    if (this.phone) {
      await page.getByTestId('menu-button').click();
      await page.getByTestId('menu-drawer').getByTestId('side-menu').waitFor();
    }
    const keys = await page
      .getByTestId('side-menu')
      .locator('[data-testid^="menu-"]')
      .evaluateAll((els) =>
        els.map((e) => e.getAttribute('data-testid')!.slice(5)).filter((k) => k !== 'system'),
      );
    if (this.phone) {
      await page.keyboard.press('Escape');
      await page.getByTestId('menu-drawer').getByTestId('side-menu').waitFor({ state: 'hidden' });
    }
    return keys;
  }

  /** Opens a menu entry as a person does: from the side menu, or on a phone from the drawer. */
  async openFromMenu(key: string) {
    const { page } = this;
    this.where = `menu ${key}`;
    const before = page.url();
    if (this.phone) {
      await page.getByTestId('menu-button').click();
      await page.getByTestId('menu-drawer').getByTestId(`menu-${key}`).click();
      // the drawer closes on navigation
      const closed = await page
        .getByTestId('menu-drawer')
        .getByTestId('side-menu')
        .waitFor({ state: 'hidden', timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (!closed) {
        this.note('the menu drawer stays open after choosing a page');
        await page.keyboard.press('Escape');
      }
    } else {
      await page.getByTestId('side-menu').getByTestId(`menu-${key}`).click();
    }
    // the entry's page, not the one before it: wait for the address to change (unless already there)
    await page.waitForURL((u) => u.href !== before, { timeout: 3_000 }).catch(() => undefined);
    await this.settle();
  }

  /** The module's sections offered as tabs whose keys are paths (诉求: 座谈会, 统计分析 …). */
  sections(): Promise<string[]> {
    return this.page
      .locator('main nav a[data-section]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-section')!));
  }

  /** The first row of a list whose rows open a record: opens it and returns its path, or null. */
  async openFirstRow(): Promise<string | null> {
    const { page } = this;
    const row = page.locator('main tbody tr.ant-table-row').first();
    if ((await row.count()) === 0) return null;
    const clickable = await row.evaluate(
      (r) => getComputedStyle(r).cursor === 'pointer' || !!r.closest('.clickable-rows'),
    );
    if (!clickable) return null;
    const before = new URL(page.url()).pathname;
    // a cell, not a link or button inside the row
    await row.locator('td').first().click();
    await page.waitForURL((u) => u.pathname !== before, { timeout: 5_000 }).catch(() => undefined);
    const after = new URL(page.url()).pathname;
    if (after === before) {
      await page.keyboard.press('Escape');
      return null;
    }
    await this.settle();
    return after;
  }

  async goto(pathname: string) {
    this.where = slug(pathname);
    await this.page.goto(`${baseUrl()}${pathname}`);
    await this.settle();
  }
}

async function sweepOne(
  browser: Browser,
  role: string,
  { viewport, locale }: (typeof PASSES)[number],
  problems: string[],
  visited: Set<string>,
) {
  const context: BrowserContext = await browser.newContext({ viewport, locale, bypassCSP: true });
  await context.addInitScript((l) => localStorage.setItem('yingshang.locale', l), locale);
  // no transitions: a colour or opacity half-way through its animation is not what a person reads
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent =
        '*, *::before, *::after { transition: none !important; animation: none !important; }';
      document.head.append(style);
    });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const s = new Sweep(role, page, viewport.width, locale, problems);
  try {
    await page.goto(`${baseUrl()}/login`);
    await page.getByTestId('login-username').fill(role);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => u.pathname !== '/login');
    s.signedIn = true;
    await page.getByTestId(s.phone ? 'menu-button' : 'side-menu').waitFor();
    await s.settle();
    // where the user lands: the home page, or a leader's 驾驶舱
    const landing = new URL(page.url()).pathname;
    await s.check(slug(landing));
    const seen = new Set([landing]);
    const lists: string[] = [];

    const keys = await s.menu();
    if (keys.length === 0) s.note('the menu is empty');
    for (const key of keys) {
      await s.openFromMenu(key);
      const here = new URL(page.url()).pathname;
      if (!seen.has(here)) {
        seen.add(here);
        await s.check(slug(here));
        lists.push(here);
      }
      for (const section of await s.sections()) {
        if (seen.has(section)) continue;
        seen.add(section);
        await s.goto(section);
        await s.check(slug(section));
        lists.push(section);
      }
    }
    // the first record of each list, once per viewport (the records' pages are many; one each is enough)
    if (locale === 'zh-CN') {
      for (const list of lists) {
        await s.goto(list);
        const detail = await s.openFirstRow();
        if (!detail) continue;
        const name = `${slug(list)}_detail`;
        if (seen.has(name)) continue;
        seen.add(name);
        await s.check(name);
      }
    }
    for (const p of seen) visited.add(`${viewport.width}/${locale} ${p}`);
  } catch (e) {
    s.note(`the sweep stopped: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await context.close();
  }
}

describe('page sweep', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  // two roles at a time (the e2e project's maxConcurrency): the browser and the server share two cores
  it.concurrent.for(roles)(
    '%s: every menu page fits 1440 and 390 px in zh-CN and en-US, without errors or axe violations',
    { timeout: 20 * 60_000 },
    async (role, { expect }) => {
      const problems: string[] = [];
      const visited = new Set<string>();
      for (const pass of PASSES) await sweepOne(browser, role, pass, problems, visited);
      fs.mkdirSync(SHOTS, { recursive: true });
      fs.writeFileSync(path.join(SHOTS, `${role}-problems.txt`), `${problems.join('\n')}\n`);
      // every role has a home and at least one page of its menu, at every size and language
      expect(visited.size).toBeGreaterThanOrEqual(2 * PASSES.length);
      expect(problems, `${problems.length} problems:\n${problems.join('\n')}`).toEqual([]);
    },
  );
});
