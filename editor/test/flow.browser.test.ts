/**
 * The whole flow end to end, in real browsers against the real stack, one user per browser
 * context: a manager draws a 6-node playbook from scratch with the palette, fixes the
 * validation error the problems panel shows, test-runs it and publishes it; an interaction
 * pinned to it follows it; PR approves the draft with an edit in the approvals desk (the
 * customer gets the edited text); the agent completes the task in the inbox; the run
 * completes. The playbook takes only its own traffic (pinned, live_since dated back), and
 * routes to a team of its own with only agent@demo in it. Screenshots: editor/test-results/flow-*.png.
 */
import { Client } from 'pg';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { post, until } from '../../api/test/support/cases';
import { agentFor, approvalOf, received, rosterAlwaysOn } from '../../api/test/support/desks';
import { api, eventually } from '../../api/test/support/http';
import { baseUrl, launch, openPage, screenshot, unexpected } from './support/browser';
import { signIn } from './support/session';

jest.setTimeout(240_000);

const stamp = Date.now().toString(36);
const key = `flow-test-${stamp}`;
const name = `Flow test ${stamp}`;
const team = `flow-team-${stamp}`;
const nodes = ['start', 'route-1', 'draft-1', 'approval-1', 'send-1', 'agent_task-1'];

let db: Client;
let browser: Browser;
let restoreRoster: () => Promise<void>;
const errors: string[] = [];
let interactionId = '';

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  // The first PR approver on duty whatever the hour; agent@demo alone in the playbook's team.
  restoreRoster = await rosterAlwaysOn(db);
  await agentFor(db, 'agent@demo', 'Alex Agent', [team], 20);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await restoreRoster?.();
  // Belt and braces: never let the test playbook take other tests' un-pinned traffic.
  await db?.query(`UPDATE playbooks SET live_since = '2000-01-01' WHERE key = $1`, [key]);
  await db?.end();
});

async function pageAs(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await signIn(context, baseUrl, email);
  const page = await openPage(context, errors);
  page.setDefaultTimeout(15_000);
  // Name the failing request too: a console line alone does not say which call failed.
  page.on('response', async (r) => {
    if (r.status() >= 400)
      errors.push(`${r.status()} ${r.request().method()} ${r.url()}: ${(await r.text().catch(() => '')).slice(0, 300)}`);
  });
  return { context, page };
}

describe('a manager draws, fixes, test-runs and publishes a playbook', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await pageAs('manager@demo'));
  });
  afterAll(() => context?.close());

  const center = async (locator: Locator) => {
    const b = (await locator.boundingBox())!;
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };
  const drop = (kind: string, x: number, y: number) =>
    page.getByTestId(`palette-${kind}`).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
  async function connect(source: string, outcome: string, target: string) {
    const from = await center(page.getByTestId(`handle-${source}-${outcome}`).locator('.react-flow__handle'));
    const to = await center(page.getByTestId(`node-${target}`).locator('.react-flow__handle.target'));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
    await page.waitForFunction(([s, o]) => document.querySelector(`[data-testid="handle-${s}-${o}"]`)?.classList.contains('is-connected'), [
      source,
      outcome,
    ] as const);
  }
  async function endRun(source: string, outcome: string) {
    await page.getByTestId(`handle-${source}-${outcome}`).getByRole('button').click();
    await page.getByTestId('outcome-dialog').waitFor();
    await page.getByTestId('outcome-target').selectOption('__end');
    await page.getByTestId('outcome-apply').click();
    await page.getByTestId('outcome-dialog').waitFor({ state: 'hidden' });
  }
  async function select(nodeId: string) {
    await page.getByTestId(`node-${nodeId}`).click();
    await page.getByTestId('tab-properties').click();
    await page.locator(`[data-testid="properties-node"][data-node-id="${nodeId}"]`).waitFor();
  }
  const field = (path: string) => page.getByTestId(`field-${path}`);

  test('a new playbook, drawn from the palette: route, draft, PR approval, send, agent task', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('new-playbook-open').click();
    await page.getByTestId('new-playbook-name').fill(name);
    expect(await page.getByTestId('new-playbook-key').inputValue()).toBe(key);
    await page.getByTestId('new-playbook-create').click();
    await page.waitForURL(`${baseUrl}/playbooks/${key}`);
    await page.getByTestId('node-end').waitFor();

    // The last node is the agent's task: its outcomes end the run, so the End node goes.
    await page.getByTestId('node-end').click();
    await page.keyboard.press('Delete');
    await page.getByTestId('node-end').waitFor({ state: 'detached' });

    await drop('route', 150, 130);
    await page.getByTestId('node-route-1').waitFor();
    await drop('draft', 450, 130);
    await drop('approval', 750, 130);
    await drop('send', 150, 650);
    await drop('agent_task', 500, 650);
    await page.getByTestId('node-agent_task-1').waitFor();
    await page.getByTestId('fit-view').click();
    await page.waitForTimeout(500);

    await connect('start', 'next', 'route-1');
    await connect('route-1', 'routed', 'draft-1');
    await connect('draft-1', 'next', 'approval-1');
    await connect('approval-1', 'approved', 'send-1');
    await connect('send-1', 'sent', 'agent_task-1');
    // The settings each node needs, through the generated form — all but the approver's role.
    await select('route-1');
    await field('config.team').locator('input').fill(team);
    await field('config.team').locator('input').press('Tab');
    await select('draft-1');
    await field('config.template').locator('select').selectOption('acknowledge');
    await select('agent_task-1');
    const prompt = page.getByTestId('template-editor-prompt');
    await prompt.locator('.monaco-editor').waitFor();
    await prompt.locator('.monaco-editor .view-lines').click();
    await page.keyboard.type('Check the reply landed and follow up');
    await page.locator('#properties-title').click();
    // The task's outcomes (from its settings) end the run, as do PR's rejection and a failed send.
    for (const [source, outcome] of [
      ['approval-1', 'rejected'],
      ['approval-1', 'timeout'],
      ['send-1', 'failed'],
      ['agent_task-1', 'done'],
      ['agent_task-1', 'timeout'],
    ])
      await endRun(source, outcome);

    expect(await page.locator('.react-flow__edge').count()).toBe(5);
    await page.getByTestId('fit-view').click();
    await page.waitForTimeout(500);
    await screenshot(page, 'flow-drawn');
  });

  test('the missing approver is the one error: publish waits for it, the form fixes it', async () => {
    await page.getByTestId('tab-problems').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="problem"]').length === 1);
    expect(
      await page
        .getByTestId('problem')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-node')}:${e.getAttribute('data-code')}`)),
    ).toEqual(['approval-1:config']);
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);
    expect(await page.getByTestId('publish-blocked').textContent()).toContain('Fix the 1 error');
    await screenshot(page, 'flow-problems');

    await select('approval-1');
    await field('config.role').locator('select').selectOption('pr');
    await page.getByTestId('tab-problems').click();
    await page.getByTestId('no-problems').waitFor();
    expect(await page.getByTestId('publish').isEnabled()).toBe(true);
    await screenshot(page, 'flow-fixed');
  });

  test('a test run with PR approving an edit lights the path to the agent task', async () => {
    await page.getByTestId('tab-run').click();
    await page.getByTestId('run-panel').waitFor();
    await page.getByTestId('run-text').fill('@brand my order arrived broken, this is not ok');
    await page.getByTestId('run-answer-approval-1').selectOption('approve_edit');
    await page.getByTestId('run-answer-approval-1-text').fill('So sorry! A replacement is on its way.');
    await page.getByTestId('run-start').click();
    await page.getByTestId('run-result').waitFor();
    await page.getByTestId('run-last').click();
    const listed = await page
      .getByTestId('run-steps')
      .locator(':scope > li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-node')));
    expect(listed).toEqual(nodes);
    expect(await page.getByTestId('run-status').textContent()).toBe('The run completes in 6 steps');
    expect(await page.getByTestId('run-reply').textContent()).toContain('So sorry! A replacement is on its way.');
    for (const id of nodes.slice(0, -1)) await page.locator(`[data-testid="node-${id}"][data-tone="path"]`).waitFor({ timeout: 5_000 });
    await page.locator('[data-testid="node-agent_task-1"][data-tone="current"]').waitFor({ timeout: 5_000 });
    expect(await page.locator('.react-flow__edge.edge-tone-path').count()).toBe(5);
    await screenshot(page, 'flow-test-run');
  });

  test('publishing with a note makes exactly this graph live', async () => {
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'saved');
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-note').fill('First version: PR approves the reply, then an agent follows up');
    await screenshot(page, 'flow-publish');
    await page.getByTestId('publish-confirm').click();
    await page.getByTestId('publish-result').waitFor();
    expect(await page.getByTestId('publish-result').textContent()).toContain('version 1 is live');
    // Only its own (pinned) traffic: other tests' un-pinned messages keep going to the examples.
    await db.query(`UPDATE playbooks SET live_since = '2000-01-01' WHERE key = $1`, [key]);
    await screenshot(page, 'flow-published');

    const version = await api('GET', `/api/playbooks/${key}/versions/1`, undefined, { as: 'manager@demo' });
    expect(version.body.note).toBe('First version: PR approves the reply, then an agent follows up');
    const graph = version.body.graph as { nodes: Array<{ id: string; kind: string }>; edges: Array<{ source: string; target: string }> };
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([...nodes].sort());
    expect(graph.edges.map((e) => `${e.source}->${e.target}`)).toHaveLength(5);
  });
});

describe('an interaction follows the published playbook through the desks', () => {
  test('PR approves it with an edit in the desk: the customer receives the edited text', async () => {
    const posted = await post({
      channel: 'x',
      externalId: `flow-${stamp}`,
      author: { id: `flow-author-${stamp}`, handle: 'flowfan', name: 'Flo Fan', followers: 320 },
      text: 'my order arrived broken, this is not ok',
      playbook: key,
    });
    interactionId = posted.id;
    const approval = await approvalOf(interactionId, 'pr@demo');

    const { context, page } = await pageAs('pr@demo');
    await page.goto(`${baseUrl}/approvals`);
    const row = page.getByTestId(`approval-${approval.id}`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('Flo Fan');
    await screenshot(page, 'flow-approvals');
    await row.getByRole('link').click();
    await page.waitForURL(`${baseUrl}/approvals/${approval.id}`);
    await page.getByTestId('approval-detail').getByTestId('customer-message').waitFor();
    const draft = page.getByTestId('draft-text');
    expect(await draft.inputValue()).toBe(approval.draft.text);

    const edited = `Hi Flo, we are so sorry: a replacement is on its way. (${stamp})`;
    await draft.fill(edited);
    expect(await page.getByTestId('approve').textContent()).toBe('Approve with edit');
    await page.getByTestId('approve').click();
    await page.getByTestId('desk-note').waitFor();
    expect(await page.getByTestId('desk-note').textContent()).toContain('Approved with your edit');
    await screenshot(page, 'flow-approved');

    const sent = await eventually(async () => {
      const texts = await received(db, interactionId);
      return texts.length ? texts : undefined;
    });
    expect(sent).toEqual([edited]);
    expect((await approvalOf(interactionId, 'pr@demo', 'decided')).decision).toMatchObject({
      outcome: 'approved',
      by: 'pr@demo',
      text: edited,
    });
    await context.close();
  });

  test('the agent completes the task in the inbox, and the run completes along the drawn path', async () => {
    const { caseId } = await until(interactionId, (r) => !!r.caseId && r.status === 'waiting' && r.waiting?.nodeId === 'agent_task-1');
    await eventually(async () => {
      const r = await api('GET', '/api/inbox', undefined, { as: 'agent@demo' });
      return r.body.items?.find((e: any) => e.caseId === caseId && e.nextStep) ? true : undefined;
    });

    const { context, page } = await pageAs('agent@demo');
    await page.goto(`${baseUrl}/inbox/${caseId}`);
    const step = page.getByTestId('next-step');
    await step.waitFor();
    expect(await step.textContent()).toContain('Check the reply landed and follow up');
    await screenshot(page, 'flow-inbox');
    await page.getByTestId('task-outcome').selectOption('done');
    await page.getByTestId('complete-task').click();
    await page.getByTestId('desk-note').getByText('Task completed: done.').waitFor();
    await screenshot(page, 'flow-inbox-completed');
    await context.close();

    const done = await until(interactionId, (r) => r.status === 'completed');
    expect(done.path.map((s: any) => s.nodeId)).toEqual(nodes);
    expect(done.path.find((s: any) => s.nodeId === 'approval-1')).toMatchObject({ outcome: 'approved' });
    expect(done.path.find((s: any) => s.nodeId === 'agent_task-1')).toMatchObject({ outcome: 'done' });
  });
});

describe('the browsers', () => {
  test('no script errors, console errors or failed requests in any of them', () => {
    expect(unexpected(errors)).toEqual([]);
  });
});
