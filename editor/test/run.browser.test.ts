/**
 * Browser test of the test run and the backtest, as a manager, on copies of the example
 * playbooks (keys of their own, so other tests keep the examples): a typed message and a
 * real TWCS thread light up their path step by step with the "why" of each decision; PR
 * rejecting or approving takes different paths; the backtest counts per node over posted
 * interactions and lists the one a draft edit routes differently, which opens in the test run.
 * Screenshots go to editor/test-results/.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { analyzeFor, compilePlaybook, playbookSchema, simulate } from '@firebreak/engine';
import { baseUrl, launch, openPage, screenshot, unexpected } from './support/browser';
import { login, signIn } from './support/session';

jest.setTimeout(180_000);

const stamp = Date.now().toString(36);
const example = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'playbooks', `${name}.json`), 'utf8'));
const esc = { ...example('escalation-map'), key: `run-esc-${stamp}`, name: 'Test run: escalation map' };
const care = { ...example('social-care'), key: `run-care-${stamp}`, name: 'Test run: social care' };

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

beforeAll(async () => {
  token = (await login(baseUrl, 'manager@demo')).accessToken;
  for (const pb of [esc, care]) {
    await call('POST', '/playbooks', pb);
    await call('POST', `/playbooks/${pb.key}/publish`, { note: 'browser test of the test run' });
  }
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await signIn(context, baseUrl, 'manager@demo');
  page = await openPage(context, errors);
  // Name the failing request too: a console line alone does not say which call failed.
  page.on('response', async (r) => {
    if (r.status() >= 400)
      errors.push(`${r.status()} ${r.request().method()} ${r.url()}: ${(await r.text().catch(() => '')).slice(0, 300)}`);
  });
});

afterAll(async () => {
  await browser?.close();
});

async function openTestRun(key: string) {
  await page.goto(`${baseUrl}/playbooks/${key}`);
  await page.getByTestId('node-start').waitFor();
  await page.getByTestId('tab-run').click();
  await page.getByTestId('run-panel').waitFor();
}

/** The path the panel lists, as "node:outcome". */
const listedPath = () =>
  page
    .getByTestId('run-steps')
    .locator(':scope > li')
    .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-node')));
/** The canvas re-renders after a click: wait (briefly) for the card to take the tone, failing with what it has. */
async function toneIs(nodeId: string, want: string) {
  const card = page.locator(`[data-testid="node-${nodeId}"][data-tone="${want}"]`);
  await card.waitFor({ timeout: 5_000 }).catch(async () => {
    throw new Error(`node ${nodeId} has tone ${await page.getByTestId(`node-${nodeId}`).getAttribute('data-tone')}, not ${want}`);
  });
}
const positionIs = (text: string) =>
  page.waitForFunction((t) => document.querySelector('[data-testid="run-position"]')?.textContent === t, text, { timeout: 15_000 });
const why = (index: number) => page.getByTestId(`run-step-${index}`).getByTestId('run-why').allTextContents();

test('a typed legal threat: the path lights up step by step, and each decision says why', async () => {
  await openTestRun(esc.key);
  await page.getByTestId('run-text').fill('@brand my lawyer will sue you over this');
  await page.getByTestId('run-followers').fill('250');
  await page.getByTestId('run-start').click();
  await page.getByTestId('run-result').waitFor();

  // Back to the start, then step: the canvas follows the cursor.
  await page.getByTestId('run-first').click();
  await positionIs('Step 1 of 6');
  await toneIs('start', 'current');
  await toneIs('legal-risk', 'muted');
  await page.getByTestId('run-step').click();
  await positionIs('Step 2 of 6');
  await toneIs('start', 'path');
  await toneIs('legal-risk', 'current');
  expect(await why(1)).toEqual(['query matched: “lawyer” at 10, “sue” at 22']);
  await page.getByTestId('run-step').click();
  await page.getByTestId('run-step').click();
  await toneIs('escalate-legal', 'current');
  expect(await page.getByTestId('node-escalate-legal-overlay').textContent()).toBe('4');
  expect(await page.getByTestId('run-step-3').getByTestId('run-action').first().textContent()).toMatch(
    /^Escalate to the team lead, rung 1, SLA 15m/,
  );
  await page.getByTestId('run-back').click();
  await toneIs('escalate-legal', 'muted');
  await toneIs('tag-legal', 'current');
  await page.screenshot({ path: join(__dirname, '..', 'test-results', 'run-stepping.png') });

  await page.getByTestId('run-last').click();
  expect(await listedPath()).toEqual(['start', 'legal-risk', 'tag-legal', 'escalate-legal', 'resolve', 'end']);
  await toneIs('end', 'current');
  await toneIs('brand-risk', 'muted');
  expect(await page.getByTestId('run-status').textContent()).toBe('The run completes in 6 steps');
  // The edges taken are emphasised, the others not.
  expect(await page.locator('.react-flow__edge.edge-tone-path').count()).toBe(5);

  // Play from the start: the cursor walks to the end by itself.
  await page.getByTestId('run-play').click();
  await positionIs('Step 6 of 6');
  await screenshot(page, 'run-typed');
});

test('PR rejecting or approving the drafted reply takes different paths; the approved edit is the reply that goes out', async () => {
  await page.getByTestId('run-text').fill('@brand a journalist friend will hear about this');
  await page.getByTestId('run-answer-approval-pr').selectOption('reject');
  await page.getByTestId('run-answer-approval-pr-reason').fill('Too defensive');
  await page.getByTestId('run-start').click();
  await page.getByTestId('run-last').click();
  const rejected = await listedPath();
  expect(rejected.slice(-3)).toEqual(['approval-pr', 'notify-leads', 'end']);
  expect(await why(2)).toEqual(['query matched: “journalist” at 9']);
  expect(
    await page
      .getByTestId(`run-step-${rejected.indexOf('approval-pr')}`)
      .getByTestId('run-why')
      .textContent(),
  ).toBe('rejected by test run: “Too defensive”');
  expect(await page.getByTestId('run-reply').count()).toBe(0);

  await page.getByTestId('run-answer-approval-pr').selectOption('approve_edit');
  await page.getByTestId('run-answer-approval-pr-text').fill('Hi, PR here: we are looking into it right now.');
  await page.getByTestId('run-start').click();
  await page.getByTestId('run-last').click();
  const approved = await listedPath();
  expect(approved.slice(-4)).toEqual(['approval-pr', 'send', 'resolve', 'end']);
  expect(approved).not.toEqual(rejected);
  await toneIs('send', 'path');
  await toneIs('notify-leads', 'muted');
  expect(await page.getByTestId('run-reply').textContent()).toContain('Hi, PR here: we are looking into it right now.');
  await screenshot(page, 'run-approved');
});

test('a real TWCS thread runs on the social-care playbook exactly as the engine runs it', async () => {
  await openTestRun(care.key);
  await page.getByTestId('run-source-sample').click();
  await page.getByTestId('run-sample-search').fill('refund');
  const { threads } = await call('GET', '/samples/threads?q=refund&limit=20');
  const thread = threads[0];
  await page.getByTestId(`run-sample-${thread.id}`).click();
  await page.getByTestId('run-result').waitFor();
  expect(await page.getByTestId('run-origin').textContent()).toContain(`thread ${thread.id}`);
  expect(await page.getByTestId('run-text').inputValue()).toBe(thread.text);

  // The engine itself, on the same message: the panel must list its path.
  const pb = playbookSchema.parse(care);
  const interaction = {
    id: `twcs-${thread.id}`,
    channel: 'x' as const,
    visibility: 'public' as const,
    text: thread.text,
    author: { id: thread.customer, handle: thread.customer, followers: 0, verified: false },
    receivedAt: thread.receivedAt,
  };
  const facts = analyzeFor(compilePlaybook(pb), interaction, { active: false, topics: [] });
  const expected = simulate(pb, interaction, { facts }).state.path.map((s) => s.nodeId);
  await page.getByTestId('run-last').click();
  expect(await listedPath()).toEqual(expected);
  const priority = expected.indexOf('priority');
  expect(priority).toBeGreaterThan(0);
  expect((await why(priority))[0]).toMatch(new RegExp(`^priority = ${facts.priority.tier}`));
  expect(await page.getByTestId('run-fact-priority').textContent()).toBe(facts.priority.tier);
  await screenshot(page, 'run-twcs');
});

test('the backtest counts per node and lists the interaction a draft edit routes differently; it opens in the test run', async () => {
  const texts = ['@brand I want a refund for the broken blender', '@brand my lawyer says you owe me', '@brand where is my parcel?'];
  const ids: string[] = [];
  for (const [i, text] of texts.entries()) {
    const posted = await call('POST', '/interactions', {
      channel: 'x',
      externalId: `run-bt-${stamp}-${i}`,
      author: { id: `bt-${stamp}-${i}`, handle: `bt${i}`, followers: 40 },
      text,
      playbook: esc.key,
    });
    ids.push(posted.id);
  }
  // Wait until each run has recorded its path (they wait at an escalation or an agent task).
  for (const id of ids) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const i = await call('GET', `/interactions/${id}`);
      if (i.path.length > 1 && i.status !== 'running' && i.status !== 'received') break;
      if (Date.now() > deadline) throw new Error(`interaction ${id} recorded no path: ${JSON.stringify(i)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  // The draft edit: refunds are a brand risk now.
  const draft = (await call('GET', `/playbooks/${esc.key}`)).draft;
  draft.nodes = draft.nodes.map((n: any) => (n.id === 'brand-risk' ? { ...n, config: { query: `${n.config.query} OR refund*` } } : n));
  await call('PUT', `/playbooks/${esc.key}/draft`, draft);

  await page.goto(`${baseUrl}/playbooks/${esc.key}`);
  await page.getByTestId('node-start').waitFor();
  await page.getByTestId('tab-backtest').click();
  await page.getByTestId('backtest-run').click();
  await page.getByTestId('backtest-result').waitFor();
  expect(await page.getByTestId('backtest-summary').textContent()).toMatch(/^3 recorded interactions \(run on v1\)/);
  const badge = (id: string) => page.getByTestId(`node-${id}-overlay`).textContent();
  expect(await badge('start')).toBe('3');
  expect(await badge('legal-risk')).toBe('3');
  expect(await badge('tag-legal')).toBe('1');
  expect(await badge('brand-risk')).toBe('2');
  expect(await badge('tag-brand')).toBe('1');
  expect(await badge('route')).toBe('1');
  expect(await badge('notify-leads')).toBe('0');
  await toneIs('notify-leads', 'muted');
  expect(await page.getByTestId('backtest-differing-count').textContent()).toBe('1');
  const row = page.getByTestId(`backtest-diff-${ids[0]}`);
  expect(await row.textContent()).toContain(texts[0]);
  expect(await row.getByTestId('backtest-why').textContent()).toBe('Brand risk? — query matched: “refund” at 16');
  await screenshot(page, 'backtest');

  await row.getByRole('button').click();
  await page.getByTestId('run-result').waitFor();
  expect(await page.getByTestId('tab-run').getAttribute('aria-selected')).toBe('true');
  expect(await page.getByTestId('run-origin').textContent()).toContain(`Recorded interaction ${ids[0]}`);
  expect(await page.getByTestId('run-text').inputValue()).toBe(texts[0]);
  await page.getByTestId('run-last').click();
  expect((await listedPath()).slice(0, 5)).toEqual(['start', 'legal-risk', 'brand-risk', 'tag-brand', 'escalate-brand']);
  await screenshot(page, 'backtest-opened');
});

test('no script errors in the browser', () => {
  expect(unexpected(errors)).toEqual([]);
});
