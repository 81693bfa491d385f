/**
 * Browser test of the Versions panel, as a manager, on a copy of the escalation map (a key of
 * its own): the history says who published what and which is live; a diff of two versions
 * colours the changed and the added node on the canvas and lists the setting that changed; a
 * node deleted in the draft shows as a ghost; rollback, after its confirmation, publishes the
 * old graph as a new version. A viewer sees the history without the rollback. Screenshots go
 * to editor/test-results/.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, openPage, screenshot, unexpected } from './support/browser';
import { login, signIn } from './support/session';

jest.setTimeout(120_000);

const key = `ver-${Date.now().toString(36)}`;
const example = JSON.parse(readFileSync(join(__dirname, '..', '..', 'playbooks', 'escalation-map.json'), 'utf8'));
const v1 = { ...example, key, name: 'Versions test' };
// v2: refunds are a brand risk, and a sentiment node is added (it ends every outcome: unreachable is only a warning).
const v2 = {
  ...v1,
  nodes: [
    ...v1.nodes.map((n: any) => (n.id === 'brand-risk' ? { ...n, config: { query: `${n.config.query} OR refund*` } } : n)),
    { id: 'mood', kind: 'sentiment', label: 'Mood', position: { x: 400, y: 0 }, config: {}, ends: ['negative', 'neutral', 'positive'] },
  ],
};

let browser: Browser;
let page: Page;
let token: string;
const errors: string[] = [];

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Wait (briefly) for a card to take a tone, failing with the tone it has. */
async function toneIs(nodeId: string, want: string) {
  await page
    .locator(`[data-testid="node-${nodeId}"][data-tone="${want}"]`)
    .waitFor({ timeout: 5_000 })
    .catch(async () => {
      throw new Error(`node ${nodeId} has tone ${await page.getByTestId(`node-${nodeId}`).getAttribute('data-tone')}, not ${want}`);
    });
}

async function openVersions(p: Page) {
  await p.goto(`${baseUrl}/playbooks/${key}`);
  await p.getByTestId('node-start').waitFor();
  await p.getByTestId('tab-versions').click();
  await p.getByTestId('versions-history').waitFor();
}

beforeAll(async () => {
  token = (await login(baseUrl, 'manager@demo')).accessToken;
  await call('POST', '/playbooks', v1);
  await call('POST', `/playbooks/${key}/publish`, { note: 'The escalation map as the seeds draw it' });
  await call('PUT', `/playbooks/${key}/draft`, v2);
  await call('POST', `/playbooks/${key}/publish`, { note: 'Refunds are a brand risk' });
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await signIn(context, baseUrl, 'manager@demo');
  page = await openPage(context, errors);
  page.on('response', async (r) => {
    if (r.status() >= 400)
      errors.push(`${r.status()} ${r.request().method()} ${r.url()}: ${(await r.text().catch(() => '')).slice(0, 300)}`);
  });
});

afterAll(async () => {
  await browser?.close();
});

test('the history: each version with its publisher, time and note; the live one marked', async () => {
  await openVersions(page);
  const rows = page.getByTestId('versions-history').locator(':scope > li');
  expect(await rows.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-testid')))).toEqual(['version-2', 'version-1']);
  const live = page.getByTestId('version-2');
  expect(await live.textContent()).toContain('live');
  expect(await live.textContent()).toContain('by manager@demo');
  expect(await live.textContent()).toContain('Refunds are a brand risk');
  expect(await page.getByTestId('version-1').textContent()).toContain('The escalation map as the seeds draw it');
  expect(await page.getByTestId('version-1').textContent()).not.toContain('live');
  expect(await page.getByTestId('version-2-rollback').count()).toBe(0); // the live one cannot be rolled back to
});

test('a diff of v1 and v2 colours the changed and the added node, and lists the changed setting', async () => {
  await page.getByTestId('versions-from').selectOption('1');
  await page.getByTestId('versions-to').selectOption('2');
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="versions-summary"]')?.textContent?.startsWith('From v1 to v2: 1 added, 0 removed, 1 changed'),
    undefined,
    { timeout: 10_000 },
  );
  await toneIs('brand-risk', 'changed');
  await toneIs('mood', 'added');
  await toneIs('legal-risk', 'muted');
  expect(await page.getByTestId('node-brand-risk-overlay').textContent()).toBe('changed');
  expect(await page.getByTestId('node-mood-overlay').textContent()).toBe('new');
  const change = page.getByTestId('change-brand-risk');
  expect(await change.textContent()).toContain('config.query');
  expect(await change.textContent()).toContain('OR refund*');
  expect(await page.getByTestId('change-mood').textContent()).toContain('Added');
  await screenshot(page, 'versions-diff');
});

test('a node deleted in the draft shows as a ghost against the live version', async () => {
  const draft = (await call('GET', `/playbooks/${key}`)).draft;
  await call('PUT', `/playbooks/${key}/draft`, { ...draft, nodes: draft.nodes.filter((n: any) => n.id !== 'mood') });
  await openVersions(page);
  await page.getByTestId('versions-from').selectOption('2');
  await page.getByTestId('versions-to').selectOption('draft');
  await toneIs('mood', 'removed');
  expect(await page.getByTestId('node-mood').evaluate((el) => el.classList.contains('is-ghost'))).toBe(true);
  expect(await page.getByTestId('versions-summary').textContent()).toMatch(/^From v2 to the draft: 0 added, 1 removed, 0 changed/);
  await screenshot(page, 'versions-ghost');
});

test('rollback asks first, then publishes v1 again as v3 and makes it the draft', async () => {
  await page.getByTestId('version-1-rollback').click();
  const dialog = page.getByTestId('rollback-dialog');
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('published again as version 3');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect((await call('GET', `/playbooks/${key}/versions`)).length).toBe(2); // cancelled: nothing happened

  await page.getByTestId('version-1-rollback').click();
  await screenshot(page, 'versions-rollback-confirm');
  await page.getByTestId('rollback-confirm').click();
  await page.getByTestId('versions-notice').waitFor();
  expect(await page.getByTestId('versions-notice').textContent()).toBe("Version 1 is live again as v3. The draft is now v1's graph.");
  await page.getByTestId('version-3').waitFor();
  expect(await page.getByTestId('version-3').textContent()).toContain('rollback to version 1');
  expect(await page.getByTestId('version-3').textContent()).toContain('live');

  const versions = await call('GET', `/playbooks/${key}/versions`);
  expect(versions.map((v: any) => [v.version, v.live])).toEqual([
    [3, true],
    [2, false],
    [1, false],
  ]);
  const [third, first] = await Promise.all([call('GET', `/playbooks/${key}/versions/3`), call('GET', `/playbooks/${key}/versions/1`)]);
  expect(third.graph).toEqual(first.graph);
  // The canvas shows the new draft (v1's graph): no mood node, and v3 against it has no differences.
  await page.getByTestId('node-brand-risk').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="node-mood"]'), undefined, { timeout: 10_000 });
  expect(await page.getByTestId('versions-summary').textContent()).toMatch(/^From v3 to the draft: 0 added, 0 removed, 0 changed/);
  await screenshot(page, 'versions-rollback');
});

test('a viewer reads the history and the diff but is not offered a rollback', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await signIn(context, baseUrl, 'viewer@demo');
  const viewer = await openPage(context, errors);
  await openVersions(viewer);
  expect(await viewer.getByTestId('versions-history').locator(':scope > li').count()).toBe(3);
  await viewer.getByTestId('versions-diff').waitFor();
  expect(await viewer.locator('[data-testid$="-rollback"]').count()).toBe(0);
  await context.close();
});

test('no script errors in the browser', () => {
  expect(unexpected(errors)).toEqual([]);
});
