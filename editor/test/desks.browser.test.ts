/**
 * Browser test of the desks on the real stack. PR: a drafted reply waits for PR approval
 * with a short SLA; it appears in the open desk through live events, PR edits the draft and
 * approves, and the customer receives the edited text. Agent: a routed case shows the
 * playbook's next step and checklist, a suggested reply goes into the composer and is sent,
 * and the task is completed with an outcome the run then follows.
 */
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { publishPinned, post, runId, until } from '../../api/test/support/cases';
import { agentFor, approvalOf, received, rosterAlwaysOn } from '../../api/test/support/desks';
import { api, eventually } from '../../api/test/support/http';
import { chain } from '../../api/test/support/playbooks';
import { ensureUser } from '../../api/test/support/users';
import { baseUrl, launch, openPage, screenshot, unexpected } from './support/browser';
import { signIn } from './support/session';

jest.setTimeout(120_000);

let db: Client;
let browser: Browser;
let restoreRoster: () => Promise<void>;
const errors: string[] = [];
const team = `desk-browser-${runId}`;
const agentEmail = `desk-agent-${runId}@test`;
const prKey = `desk-browser-pr-${runId}`;
const taskKey = `desk-browser-task-${runId}`;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  restoreRoster = await rosterAlwaysOn(db);
  await ensureUser(db, agentEmail, 'agent', 'Dana Desk');
  await agentFor(db, agentEmail, 'Dana Desk', [team], 10);
  await publishPinned(
    db,
    chain(prKey, [
      { id: 'start', kind: 'start', next: 'next' },
      { id: 'draft', kind: 'draft', config: { source: 'template', template: 'acknowledge' }, next: 'next' },
      {
        id: 'approval-pr',
        kind: 'approval',
        config: { role: 'pr', sla: '10m', backup: false },
        next: 'approved',
        ends: ['rejected', 'timeout'],
      },
      { id: 'send', kind: 'send', config: { visibility: 'public', requireApproval: true }, next: 'sent', ends: ['failed'] },
      { id: 'end', kind: 'end' },
    ]),
  );
  await publishPinned(
    db,
    chain(taskKey, [
      { id: 'start', kind: 'start', next: 'next' },
      { id: 'route', kind: 'route', config: { team, strategy: 'least_busy', mode: 'push' }, next: 'routed' },
      {
        id: 'task',
        kind: 'agent_task',
        config: {
          prompt: 'Apologise to {{handle}} and ask for the order number',
          checklist: ['Read the case history', 'Answer in their channel'],
          suggestedReplies: ['acknowledge'],
          outcomes: ['answered', 'needs_pr'],
          sla: '1h',
        },
        next: 'answered',
        ends: ['needs_pr', 'timeout'],
      },
      { id: 'resolve', kind: 'resolve', config: { thankYou: false }, next: 'next' },
      { id: 'end', kind: 'end' },
    ]),
  );
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await restoreRoster?.();
  await db?.end();
});

let n = 0;
const message = (playbook: string, text: string) => {
  n++;
  return post({
    channel: 'x',
    externalId: `desk-browser-${runId}-${n}`,
    author: { id: `desk-browser-author-${runId}-${n}`, handle: `frank${n}`, name: `Frank Desk${n}`, followers: 5400 },
    text,
    playbook,
  });
};

async function pageAs(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await signIn(context, baseUrl, email);
  return { context, page: await openPage(context, errors) };
}

test('PR sees a new draft arrive live, edits it and approves: the customer receives the edited text', async () => {
  const { context, page } = await pageAs('pr@demo');
  await page.goto(`${baseUrl}/approvals`);
  await page.getByRole('heading', { name: /^Approvals · PR/ }).waitFor();
  await page.getByTestId('live-status').getByText('Live').waitFor();

  // Posted while the desk is open: the queue shows it without a reload (live events).
  const { id } = await message(prKey, 'your ad is offensive and I am telling a journalist');
  const approval = await approvalOf(id, 'pr@demo');
  const row = page.getByTestId(`approval-${approval.id}`);
  await row.waitFor({ timeout: 30_000 });
  expect(await row.textContent()).toContain(`Frank Desk${n}`);
  expect(await row.getByTestId('sla').textContent()).toMatch(/^due in (9|10):\d\d$/);

  await row.getByRole('link').click();
  await page.waitForURL(`${baseUrl}/approvals/${approval.id}`);
  const detail = page.getByTestId('approval-detail');
  await detail.getByTestId('customer-message').waitFor();
  expect(await detail.getByTestId('customer-message').textContent()).toContain('telling a journalist');
  // The case context: the thread with the customer's message, the customer, and the path that led here.
  expect(await detail.getByTestId('thread').textContent()).toContain('telling a journalist');
  expect(await detail.getByTestId('customer').textContent()).toContain('5,400');
  expect(await detail.getByTestId('path').textContent()).toContain('approval-pr');
  const draft = page.getByTestId('draft-text');
  expect(await draft.inputValue()).toBe(approval.draft.text);
  await screenshot(page, 'approvals-desk');

  const edited = `Hi Frank, we are truly sorry. Please DM us so we can put this right. (${runId})`;
  await draft.fill(edited);
  const approve = page.getByTestId('approve');
  expect(await approve.textContent()).toBe('Approve with edit');
  await approve.click();
  await page.getByTestId('desk-note').waitFor();
  expect(await page.getByTestId('desk-note').textContent()).toContain('Approved with your edit');
  await screenshot(page, 'approvals-desk-approved');

  // What went out is the edited text, and the decision is PR's.
  const sent = await eventually(async () => {
    const texts = await received(db, id);
    return texts.length ? texts : undefined;
  });
  expect(sent).toEqual([edited]);
  const decided = await approvalOf(id, 'pr@demo', 'decided');
  expect(decided.decision).toMatchObject({ outcome: 'approved', by: 'pr@demo', text: edited });
  await context.close();
});

test('a rejection needs a reason: the button stays disabled until one is given', async () => {
  const { id } = await message(prKey, 'this is the worst brand ever and I want a refund now');
  const approval = await approvalOf(id, 'pr@demo');
  const { context, page } = await pageAs('pr@demo');
  await page.goto(`${baseUrl}/approvals/${approval.id}`);
  await page.getByTestId('decision-form').waitFor();
  await page.getByRole('button', { name: 'Reject…' }).click();
  const reject = page.getByTestId('reject');
  expect(await reject.isDisabled()).toBe(true);
  await page.getByTestId('reject-reason').fill('Too casual for a refund request; legal should word it');
  await reject.click();
  await page.getByTestId('desk-note').waitFor();
  const decided = await approvalOf(id, 'pr@demo', 'decided');
  expect(decided.decision).toMatchObject({ outcome: 'rejected', reason: 'Too casual for a refund request; legal should word it' });
  expect(await received(db, id)).toEqual([]);
  await context.close();
});

test('the agent follows the next step, sends a suggested reply and completes the task with an outcome', async () => {
  const { id } = await message(taskKey, 'my order is two weeks late, where is it?');
  const { caseId } = await until(id, (r) => !!r.caseId && r.status === 'waiting' && r.waiting?.nodeId === 'task');
  await eventually(async () => {
    const r = await api('GET', '/api/inbox', undefined, { as: agentEmail });
    return r.body.items?.find((e: any) => e.caseId === caseId && e.nextStep) ? true : undefined;
  });

  const { context, page } = await pageAs(agentEmail);
  await page.goto(`${baseUrl}/inbox/${caseId}`);
  const step = page.getByTestId('next-step');
  await step.waitFor();
  expect(await step.textContent()).toContain(`Apologise to @frank${n} and ask for the order number`);
  expect(await step.getByRole('checkbox').count()).toBe(2);
  await step.getByLabel('Read the case history').check();
  expect(await page.getByTestId(`inbox-case-${caseId}`).isVisible()).toBe(true);

  // A suggested reply (the task's template, rendered for this case) fills the composer.
  const suggestion = page.getByTestId('suggestions').getByRole('button').first();
  await suggestion.waitFor();
  await suggestion.click();
  const reply = page.getByTestId('reply-text');
  expect((await reply.inputValue()).length).toBeGreaterThan(10);
  await reply.fill(`${await reply.inputValue()} (${runId})`);
  const text = await reply.inputValue();
  await screenshot(page, 'inbox');
  await page.getByTestId('send-reply').click();
  await page
    .getByTestId('desk-note')
    .getByText(/Reply sent/)
    .waitFor();
  expect(await received(db, id)).toEqual([text]);

  await page.getByTestId('task-outcome').selectOption('answered');
  await page.getByTestId('complete-task').click();
  await page.getByTestId('desk-note').getByText('Task completed: answered.').waitFor();
  await screenshot(page, 'inbox-completed');

  // The run took the chosen outcome and went on to resolve the case.
  const done = await until(id, (r) => r.status === 'completed');
  expect(done.path.find((s: any) => s.nodeId === 'task')).toMatchObject({ outcome: 'answered' });
  expect(done.path.map((s: any) => s.nodeId)).toContain('resolve');
  await context.close();
});

test('no script errors in the browser', () => {
  expect(unexpected(errors)).toEqual([]);
});
