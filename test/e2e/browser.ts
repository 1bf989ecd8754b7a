import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core, so the tests need no browser download. */
export const CHROMIUM = '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run \`bash scripts/install-test-deps.sh\` as root (installs chromium and fonts-wqy-microhei)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
}

export interface ConsolePage {
  page: Page;
  /** Uncaught exceptions and console errors seen so far; a page that throws fails the test. */
  errors: string[];
  close: () => Promise<void>;
}

export async function openConsole(browser: Browser, baseUrl: string): Promise<ConsolePage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A 401 on purpose (anonymous visits) is logged by Chromium as a failed resource; it is not a page error.
    if (m.type() === 'error' && !/status of 40[134]/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return { page, errors, close: () => context.close() };
}

export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Saves a full-page screenshot under the temp folder and returns its path (for a human to look at). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(tmpdir(), `renshe-console-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
