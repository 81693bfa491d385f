/**
 * Browser test of the Properties panel, as a manager, on a copy of the escalation map (its own
 * key, so other tests keep the example): the generated form edits a number and an enum and the
 * card and problems follow; undo (Ctrl+Z) brings the old value back; a keyword query typed
 * wrong is underlined with the parser's message, then fixed and tried on a sample; an agent
 * prompt template is completed and previewed live; with nothing selected, the playbook's own
 * settings. Screenshots go to editor/test-results/.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseUrl, launch, openPage, screenshot, unexpected } from './support/browser';
import { login, signIn } from './support/session';

jest.setTimeout(120_000);

const key = `props-${Date.now().toString(36)}`;
// The test's own stored template, so saving it changes nothing other tests rely on.
const templateName = `${key}-ack`;
const example = JSON.parse(readFileSync(join(__dirname, '..', '..', 'playbooks', 'escalation-map.json'), 'utf8'));
// A sentiment node gives the form a number to edit; it ends every outcome (unreachable: a warning only).
const playbook = {
  ...example,
  key,
  name: 'Properties test',
  nodes: [
    ...example.nodes.map((n: { id: string }) =>
      n.id === 'draft-pr' ? { ...n, config: { source: 'template', template: templateName } } : n,
    ),
    { id: 'mood', kind: 'sentiment', label: 'Mood', position: { x: 0, y: 900 }, config: {}, ends: ['negative', 'neutral', 'positive'] },
  ],
};

let browser: Browser;
let page: Page;
let managerToken = '';
const errors: string[] = [];

beforeAll(async () => {
  const { accessToken: token } = await login(baseUrl, 'manager@demo');
  for (const [path, body] of [
    ['/api/templates', { name: templateName, source: 'Hi {{customerName}}, we are on it.' }],
    ['/api/playbooks', playbook],
  ] as const) {
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  }
  managerToken = token;
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await signIn(context, baseUrl, 'manager@demo');
  page = await openPage(context, errors);
  // Name the failing request too: a console line alone does not say which call failed.
  page.on('response', async (r) => {
    if (r.status() >= 400)
      errors.push(`${r.status()} ${r.request().method()} ${r.url()}: ${(await r.text().catch(() => '')).slice(0, 300)}`);
  });
  await page.goto(`${baseUrl}/playbooks/${key}`);
  await page.getByTestId('node-mood').waitFor();
});

afterAll(async () => {
  await browser?.close();
});

/** Select a node on the canvas and show the Properties tab. */
async function select(nodeId: string) {
  await page.getByTestId(`node-${nodeId}`).click();
  await page.getByTestId('tab-properties').click();
  await page.locator(`[data-testid="properties-node"][data-node-id="${nodeId}"]`).waitFor();
}

/** Leave the field (so the workbench's shortcuts apply again) by clicking the panel's heading. */
const blur = () => page.locator('#properties-title').click();

const field = (path: string) => page.getByTestId(`field-${path}`);
const summary = (nodeId: string) => page.getByTestId(`node-${nodeId}-summary`);

/** A Monaco field, once Monaco has loaded: replace its whole text by typing. */
async function typeInto(editor: Locator, text: string) {
  await editor.locator('.monaco-editor').waitFor();
  await editor.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

test('the generated form edits a number: an out-of-range value is an inline error and a badge, a good one updates the card', async () => {
  await select('mood');
  const help = await field('config.negativeBelow').textContent();
  expect(help).toContain('Negative below');
  expect(help).toContain('compound score below this is negative'); // the catalog's description
  expect(help).toContain('Default: -0.05');

  const input = field('config.negativeBelow').locator('input');
  await input.fill('-2');
  await input.press('Tab');
  await page.getByTestId('field-errors-config.negativeBelow').waitFor();
  expect(await page.getByTestId('field-errors-config.negativeBelow').textContent()).toMatch(/-1/);
  await page.getByTestId('node-mood-problems').waitFor();
  await screenshot(page, 'properties-error');

  await input.fill('-0.3');
  await input.press('Tab');
  await page.getByTestId('field-errors-config.negativeBelow').waitFor({ state: 'detached' });
  await expectText(summary('mood'), 'negative < -0.3');
});

test('an enum is a select; the card follows, and Ctrl+Z brings the old value back', async () => {
  await select('approval-pr');
  const role = field('config.role').locator('select');
  expect(await role.inputValue()).toBe('pr');
  expect(await role.locator('option').allTextContents()).toEqual(['Manager', 'PR', 'Legal']);
  await role.selectOption('legal');
  await expectText(summary('approval-pr'), 'LEGAL within 30m');

  // The SLA is a duration: an amount and a unit.
  await field('config.sla').getByLabel('SLA: unit').selectOption('h');
  await expectText(summary('approval-pr'), 'LEGAL within 30h');
  await screenshot(page, 'properties-node');

  await blur();
  await page.keyboard.press('ControlOrMeta+Z');
  await expectText(summary('approval-pr'), 'LEGAL within 30m');
  await page.keyboard.press('ControlOrMeta+Z');
  await expectText(summary('approval-pr'), 'PR within 30m');
  expect(await role.inputValue()).toBe('pr');
});

test('a keyword query: an error is underlined where it is, with the message; fixed, it is tried on a sample', async () => {
  await select('legal-risk');
  const editor = page.getByTestId('query-editor-query');
  await typeInto(editor, 'refund OR');
  await page.getByTestId('query-errors').waitFor();
  expect(await page.getByTestId('query-errors').textContent()).toContain('Expected a term after "OR"');
  // Monaco draws the marker as a squiggle under the offending text.
  await editor.locator('.squiggly-error').first().waitFor();
  await screenshot(page, 'properties-query-error');

  await page.keyboard.type(' "money back"');
  await page.getByTestId('query-errors').waitFor({ state: 'detached' });
  expect(await editor.locator('.squiggly-error').count()).toBe(0);

  await page.getByTestId('query-sample').fill('I just want my MONEY BACK, no refunds of half');
  await expectText(page.getByTestId('query-verdict'), 'Matches');
  expect(await page.getByTestId('query-terms').locator('[data-found="true"]').allTextContents()).toEqual(['"money back" found']);
  await page.getByTestId('query-sample').fill('where is my parcel');
  await expectText(page.getByTestId('query-verdict'), 'Does not match');
  await screenshot(page, 'properties-query');

  // The edit reached the draft: the card shows the new query.
  await blur();
  await expectText(summary('legal-risk'), 'refund OR "money back"');
});

test('a template: completion offers what the node can use, and the preview renders it live', async () => {
  await select('task');
  const editor = page.getByTestId('template-editor-prompt');
  const output = page.getByTestId('template-preview-output');
  await expectText(output, 'Answer @angela');

  await typeInto(editor, 'Hi {{cust');
  const suggest = page.locator('.suggest-widget');
  await suggest.waitFor();
  expect(await suggest.textContent()).toContain('customerName');
  expect(await suggest.textContent()).toContain('customer.name');
  await screenshot(page, 'properties-template-completion');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  // Typing "{{" closes it with "}}" as a code editor does; End steps past the closing braces.
  await page.keyboard.type('Hi {{customerName');
  await page.keyboard.press('End');
  await page.keyboard.type(', order {{orderNumber');
  await page.keyboard.press('End');
  expect(await editor.locator('.view-lines').textContent()).toBe('Hi {{customerName}}, order {{orderNumber}}'.replace(/ /g, '\u00a0'));
  await expectText(output, 'Hi Angela, order ORD-48213');

  // Another sample, the fallbacks show.
  await page.getByTestId('template-preview').getByLabel('Preview on').selectOption('discount');
  await expectText(output, 'Hi there, order');

  // A template that does not compile says why instead of a preview.
  await editor.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' {{#if');
  await page.getByTestId('template-error').waitFor();
  await screenshot(page, 'properties-template');
});

test('a stored template is edited in place, previewed, and saved for every playbook that uses it', async () => {
  await select('draft-pr');
  const picker = field('config.template');
  expect(await picker.locator('select').inputValue()).toBe(templateName);
  await picker.getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByTestId(`template-editor-${templateName}`);
  await editor.locator('.monaco-editor').waitFor();
  await editor.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Talk soon');
  const stored = page.getByTestId(`stored-template-${templateName}`);
  await expectText(stored.getByTestId('template-preview-output'), 'we are on it. Talk soon');
  await stored.getByRole('button', { name: `Save template “${templateName}”` }).click();
  await expectText(stored, 'Saved');
  const res = await fetch(`${baseUrl}/api/templates/${templateName}`, { headers: { authorization: `Bearer ${managerToken}` } });
  expect(((await res.json()) as { source: string }).source).toBe('Hi {{customerName}}, we are on it. Talk soon');
  await screenshot(page, 'properties-stored-template');
});

test('with nothing selected, the playbook settings: name, description, cue lists, crisis topics', async () => {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.getByTestId('properties-playbook').waitFor();
  expect(await field('name').locator('input').inputValue()).toBe('Properties test');
  await field('settings.crisisTopics').getByRole('button', { name: 'Add a crisis topic' }).click();
  await field('settings.crisisTopics.0.topic').locator('input').fill('outage');
  await field('settings.crisisTopics.0.topic').locator('input').press('Tab');
  await page.getByTestId('query-editor-settings.crisisTopics.0.query').locator('.monaco-editor').waitFor();
  await screenshot(page, 'properties-playbook');
});

test('a viewer sees the same form, disabled', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await signIn(context, baseUrl, 'viewer@demo');
  const viewer = await openPage(context, errors);
  await viewer.goto(`${baseUrl}/playbooks/${key}`);
  await viewer.getByTestId('node-approval-pr').click();
  await viewer.getByTestId('tab-properties').click();
  await viewer.getByTestId('properties-node').waitFor();
  expect(await viewer.getByTestId('field-config.role').locator('select').isDisabled()).toBe(true);
  await context.close();
});

test('no script errors in the browser', () => {
  expect(unexpected(errors)).toEqual([]);
});

/** Poll a locator's text (it may be re-rendered meanwhile) until it contains `text`. */
async function expectText(locator: Locator, text: string) {
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.textContent({ timeout: 2_000 }).catch(() => '')) ?? '';
    if (last.includes(text)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`expected "${text}", saw "${last}"`);
}
