// Browser tests drive Debian's chromium (/usr/bin/chromium, installed with apt; never
// `playwright install`, which downloads a browser) through playwright-core. Each test gets a fresh
// context (no cookies) at 1280×800, the size the console is checked at, and every page error or
// console error is collected so a test can demand there were none (a CSP violation is one).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/dev/bench/chromium.js';

export const SCREENSHOT_DIR = join('test-results', 'screenshots');
export const VIEWPORT = { width: 1280, height: 800 };

export async function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

export interface ConsoleTab {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, except the browser's own note on each non-2xx answer. */
  errors: string[];
  /** JavaScript dialogs that opened (an injected alert() would be one). */
  dialogs: string[];
}

export async function openTab(
  browser: Browser,
  baseURL: string,
  options: { locale?: string } = {},
): Promise<ConsoleTab> {
  const context = await browser.newContext({
    baseURL,
    locale: options.locale ?? 'en-US',
    viewport: VIEWPORT,
    timezoneId: 'Europe/Moscow',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { context, page, errors, dialogs };
}

/** Signs in through the login page and waits for the fleet page. */
export async function signInAs(page: Page, user: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Devices', level: 1 }).waitFor();
}

/** Saves the page as test-results/screenshots/NAME.png (gitignored; the best go to docs/screenshots). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}
