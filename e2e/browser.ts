import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const PASSWORD = 'Demo12345678';
export const baseUrl = () => inject('baseUrl');
const shots = path.resolve(import.meta.dirname, '../screenshots');

/** Debian's Chromium, headless, without the background traffic this network refuses. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A signed-out page; `axe`: the context lets axe-core's script in past the app's CSP. */
export async function newPage(
  browser: Browser,
  locale: 'zh-CN' | 'en-US' = 'zh-CN',
  opts: { axe?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale,
    bypassCSP: !!opts.axe,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

export async function login(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
}

/** Calls the API from the signed-in page (cookie + CSRF token): the records a journey starts from. */
export async function apiPost<T = Record<string, unknown>>(
  page: Page,
  url: string,
  body: unknown,
): Promise<T> {
  const res = await page.evaluate(
    async ([u, b]) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const r = await fetch(u as string, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify(b),
      });
      return { status: r.status, body: await r.json() };
    },
    [url, body] as const,
  );
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body as T;
}

/** A unit's id by its code, read through the API as the signed-in user. */
export function unitIdByCode(page: Page, code: string): Promise<string> {
  return page.evaluate(async (c) => {
    const r = await (await fetch(`/api/v1/org-units?q=${c}`)).json();
    return r.items.find((u: { code: string }) => u.code === c).id as string;
  }, code);
}

const AXE = path.resolve(import.meta.dirname, '../node_modules/axe-core/axe.min.js');
interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[]; html: string }[];
  }[];
}

/**
 * axe-core's critical and serious WCAG 2 A/AA violations on the page as it is now, one line each
 * (the page's context must let the script in: newPage(…, { axe: true }), or bypassCSP).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<unknown> };
      }
    ).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'], resultTypes: ['violations'] }),
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => {
      const targets = v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ');
      // the first offending element as written, to find it in the code
      const html = v.nodes[0]?.html.replace(/\s+/g, ' ').slice(0, 160);
      return `axe ${v.impact} ${v.id} (${v.nodes.length} nodes): ${v.help} — ${targets} — ${html}`;
    });
}
