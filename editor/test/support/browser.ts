/**
 * Browser tests' Chromium, launched one way for every test file (Debian's /usr/bin/chromium,
 * headless), with every page error and console error collected so a test can assert there
 * were none. Screenshots go to editor/test-results/.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const baseUrl = (process.env.FIREBREAK_URL ?? '').replace(/\/+$/, '');
export const results = join(__dirname, '..', '..', 'test-results');

export async function launch(): Promise<Browser> {
  if (!baseUrl) throw new Error('FIREBREAK_URL is not set: the browser tests need a running Firebreak (the global setup starts one)');
  mkdirSync(results, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page whose script and console errors land in `errors`. */
export async function openPage(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  return page;
}

/**
 * A full-page screenshot, taken only once the page fits its window's width: content wider
 * than the window (an unwrapped line pushing a column off the card) is a layout bug a
 * person sees, so the test fails on it instead of filing a broken picture.
 */
export async function screenshot(page: Page, name: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  if (scrollWidth > innerWidth + 1) throw new Error(`${name}: the page is ${scrollWidth}px wide in a ${innerWidth}px window`);
  await page.screenshot({ path: join(results, `${name}.png`), fullPage: true });
}

/** The errors left once the expected failed loads (statuses a test provoked on purpose) are set aside. */
export function unexpected(errors: string[], expectedStatuses: number[] = []): string[] {
  const expected = new RegExp(`Failed to load resource: the server responded with a status of (${expectedStatuses.join('|') || 'none'})`);
  return errors.filter((e) => !expected.test(e));
}
