/**
 * Browser test: the login form (a wrong password says so, a right one opens the role's own
 * desk), role-aware navigation for manager, agent and PR, keyboard access (skip link first),
 * signing out, and an ended session sending the user back to the login page with a message.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch, openPage, screenshot, unexpected } from './support/browser';
import { SESSION_KEY } from './support/session';

jest.setTimeout(60_000);

let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  return { context, page: await openPage(context, errors) };
}

async function signInWithForm(page: Page, email: string, password = 'firebreak') {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const navLabels = (page: Page) => page.getByTestId('main-nav').getByRole('link').allTextContents();

test('a wrong password is refused with a clear message, and nothing is stored', async () => {
  const { context, page } = await freshPage();
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('login-form').waitFor();
  // The e-mail field has focus on arrival, so the user can type at once.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-email');
  await screenshot(page, 'login');
  await signInWithForm(page, 'manager@demo', 'not-the-password');
  const error = page.getByTestId('login-error');
  await error.waitFor();
  expect(await error.textContent()).toContain('do not match');
  expect(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY)).toBeNull();
  await screenshot(page, 'login-error');
  await context.close();
});

test('a manager signs in to the playbooks, sees Playbooks, Metrics and Crises, and keeps a deep link', async () => {
  const { context, page } = await freshPage();
  await page.goto(`${baseUrl}/metrics`);
  await signInWithForm(page, 'manager@demo');
  await page.getByTestId('main-nav').waitFor();
  // The address asked for before signing in is where the user lands.
  expect(new URL(page.url()).pathname).toBe('/metrics');
  expect(await navLabels(page)).toEqual(['Playbooks', 'Metrics', 'Crises']);
  expect(await page.getByTestId('signed-in-as').textContent()).toContain('Care manager');
  const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY)) ?? '{}');
  expect(stored.user.email).toBe('manager@demo');
  expect(typeof stored.accessToken).toBe('string');

  // The first Tab stop is the skip link, and following it moves focus to the content.
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(`${baseUrl}/playbooks`);
  await page.getByTestId('playbook-list').waitFor();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
  await screenshot(page, 'nav-manager');

  // Signing out returns to the login page and says so.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByTestId('login-notice').waitFor();
  expect(await page.getByTestId('login-notice').textContent()).toContain('signed out');
  expect(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY)).toBeNull();
  await context.close();
});

test('an agent lands in the inbox and sees only the inbox', async () => {
  const { context, page } = await freshPage();
  await page.goto(`${baseUrl}/`);
  await signInWithForm(page, 'agent@demo');
  await page.waitForURL(`${baseUrl}/inbox`);
  expect(await navLabels(page)).toEqual(['Inbox']);
  await page.getByRole('heading', { name: /^Inbox/ }).waitFor();
  // A page of another role says so instead of failing.
  await page.goto(`${baseUrl}/metrics`);
  await page.getByTestId('empty').waitFor();
  expect(await page.getByTestId('empty').textContent()).toContain('Not part of your role');
  await screenshot(page, 'nav-agent');
  await context.close();
});

test('PR lands on the approvals desk and sees only approvals', async () => {
  const { context, page } = await freshPage();
  await page.goto(`${baseUrl}/`);
  await signInWithForm(page, 'pr@demo');
  await page.waitForURL(`${baseUrl}/approvals`);
  expect(await navLabels(page)).toEqual(['Approvals']);
  await page.getByRole('heading', { name: /^Approvals/ }).waitFor();
  await screenshot(page, 'nav-pr');
  await context.close();
});

test('a token the server refuses ends the session: back to the login page, saying why', async () => {
  const { context, page } = await freshPage();
  const forged = { accessToken: 'not-a-real-token', user: { id: 'x', email: 'manager@demo', name: 'Forged', role: 'manager' } };
  await context.addInitScript(([k, v]) => localStorage.getItem(k) || localStorage.setItem(k, v), [
    SESSION_KEY,
    JSON.stringify(forged),
  ] as const);
  await page.goto(`${baseUrl}/playbooks`);
  await page.getByTestId('login-notice').waitFor();
  expect(await page.getByTestId('login-notice').textContent()).toContain('session has ended');
  await screenshot(page, 'login-session-ended');
  await context.close();
});

test('no script errors in the browser', () => {
  // The wrong password's and the forged token's 401s are provoked on purpose.
  expect(unexpected(errors, [401])).toEqual([]);
});
