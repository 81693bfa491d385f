import { Client } from 'pg';
import { publishPinned, post, runId, until } from './support/cases';
import { approvalOf, received, rosterAlwaysOn } from './support/desks';
import { api } from './support/http';
import { chain } from './support/playbooks';

/** The approvals desk on the real stack: role queues, the case context, approve with edits, reject with a reason, 409/403/422. */
let db: Client;
let restoreRoster: () => Promise<void>;

const approvalChain = (key: string, role: string, sla: string, backup = true) =>
  chain(key, [
    { id: 'start', kind: 'start', next: 'next' },
    { id: 'draft', kind: 'draft', config: { source: 'template', template: 'acknowledge' }, next: 'next' },
    { id: 'approval', kind: 'approval', config: { role, sla, backup }, next: 'approved', ends: ['rejected', 'timeout'] },
    { id: 'send', kind: 'send', config: { visibility: 'public', requireApproval: true }, next: 'sent', ends: ['failed'] },
    { id: 'end', kind: 'end' },
  ]);

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  restoreRoster = await rosterAlwaysOn(db);
  await publishPinned(db, approvalChain('desk-pr', 'pr', '1h'));
  await publishPinned(db, approvalChain('desk-legal', 'legal', '1h'));
  await publishPinned(db, approvalChain('desk-sla', 'pr', '2s', false));
});
afterAll(async () => {
  await restoreRoster();
  await db.end();
});

let n = 0;
const message = (playbook: string, text = 'your ad is offensive, I am telling a journalist') =>
  post({
    channel: 'x',
    externalId: `desk-${runId}-${++n}`,
    author: { id: `desk-author-${runId}-${n}`, handle: `frank${n}`, name: 'Frank Jones', followers: 5400 },
    text,
    playbook,
  });

test("PR's queue: the draft, its template, the SLA due time and the first approver on duty; legal and agents do not see it", async () => {
  const before = Date.now();
  const { id } = await message('desk-pr');
  const item = await approvalOf(id, 'pr@demo');
  expect(item).toMatchObject({
    role: 'pr',
    status: 'pending',
    nodeId: 'approval',
    draft: { text: expect.stringContaining("Hi Frank, we're sorry about the trouble."), template: 'acknowledge', author: null },
    assignedTo: { email: 'pr@demo', name: 'Priya PR', backup: false },
    decision: null,
    customer: { name: 'Frank Jones' },
    channel: 'x',
  });
  const due = Date.parse(item.sla.dueAt);
  expect(due).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
  expect(due).toBeLessThanOrEqual(Date.now() + 3_600_000);
  expect(item.sla.breached).toBe(false);

  const legalQueue = await api('GET', '/api/approvals', undefined, { as: 'legal@demo' });
  expect(legalQueue.status).toBe(200);
  expect(legalQueue.body.role).toBe('legal');
  expect(legalQueue.body.items.map((i: any) => i.id)).not.toContain(item.id);
  expect((await api('GET', '/api/approvals?role=pr', undefined, { as: 'legal@demo' })).status).toBe(403);
  expect((await api('GET', `/api/approvals/${item.id}`, undefined, { as: 'legal@demo' })).status).toBe(403);
  expect((await api('GET', '/api/approvals', undefined, { as: 'agent@demo' })).status).toBe(403);
  expect((await api('GET', '/api/approvals', undefined, { as: null })).status).toBe(401);
  // Managers and viewers look at any queue.
  for (const as of ['manager@demo', 'viewer@demo']) {
    const all = await api('GET', '/api/approvals', undefined, { as });
    expect(all.body.items.map((i: any) => i.id)).toContain(item.id);
  }
  expect(
    (await api('GET', '/api/approvals?mine=true', undefined, { as: 'pr.backup@demo' })).body.items.map((i: any) => i.id),
  ).not.toContain(item.id);
  expect((await api('GET', '/api/approvals?status=bogus', undefined, { as: 'pr@demo' })).status).toBe(400);
});

test('the full case context: thread in order with direction, customer profile, the path so far, the other open items', async () => {
  const { id } = await message('desk-pr', 'my order #A-77123 never came and now your ad is offensive');
  const item = await approvalOf(id, 'pr@demo');
  const r = await api('GET', `/api/approvals/${item.id}`, undefined, { as: 'pr@demo' });
  expect(r.status).toBe(200);
  const { context } = r.body;
  expect(context.caseId).toBe(item.caseId);
  expect(context.thread).toEqual([
    expect.objectContaining({ direction: 'inbound', interactionId: id, channel: 'x', text: expect.stringContaining('#A-77123') }),
  ]);
  expect(context.customer).toMatchObject({ name: 'Frank Jones', followers: 5400 });
  expect(context.customer.identities).toEqual(
    expect.arrayContaining([
      { kind: 'x', value: `desk-author-${runId}-${n}`, source: 'channel' },
      { kind: 'order_number', value: 'A77123', source: 'message' },
    ]),
  );
  expect(context.customer.influence).toMatchObject({ segment: expect.any(String), score: expect.any(Number) });
  expect(context.path.map((s: any) => [s.nodeId, s.outcome])).toEqual([
    ['start', 'next'],
    ['draft', 'next'],
    ['approval', undefined],
  ]);
  expect(context.path[0]).toMatchObject({ kind: 'start', startedAt: expect.any(String), finishedAt: expect.any(String) });
  // The unanswered message is the case's other open item; the approval itself is not repeated.
  expect(context.openItems).toEqual([expect.objectContaining({ type: 'message', interactionId: id })]);
  expect((await api('GET', '/api/approvals/00000000-0000-4000-8000-000000000000', undefined, { as: 'pr@demo' })).status).toBe(404);
});

test('approve with edits: the edited text is what the customer receives, once; a second decision is a 409', async () => {
  const { id } = await message('desk-pr');
  const item = await approvalOf(id, 'pr@demo');
  const decide = (body: object, as = 'pr@demo') => api('POST', `/api/approvals/${item.id}/decision`, body, { as });

  expect((await decide({ outcome: 'approve' }, 'agent@demo')).status).toBe(403);
  expect((await decide({ outcome: 'approve' }, 'viewer@demo')).status).toBe(403);
  expect((await decide({ outcome: 'approve' }, 'legal@demo')).status).toBe(403);
  expect((await decide({ outcome: 'maybe' })).status).toBe(400);
  const noReason = await decide({ outcome: 'reject' });
  expect(noReason.status).toBe(422);
  expect(noReason.body.problems).toEqual([{ path: 'reason', message: 'required' }]);
  expect((await decide({ outcome: 'reject', reason: 'tone', text: 'x' })).status).toBe(422);

  const edited = `Hi Frank, you are right: we are pulling the ad today. ^PP ${runId}`;
  const ok = await decide({ outcome: 'approve', text: edited });
  expect(ok.status).toBe(200);
  expect(ok.body).toMatchObject({ status: 'decided', decision: { outcome: 'approved', by: 'pr@demo', text: edited } });
  const done = await until(id, (r) => r.status === 'completed');
  expect(done.path.find((s: any) => s.nodeId === 'approval')).toMatchObject({
    outcome: 'approved',
    detail: { by: 'pr@demo', edited: true },
  });
  expect(await received(db, id)).toEqual([edited]);

  const again = await decide({ outcome: 'reject', reason: 'changed my mind' });
  expect(again.status).toBe(409);
  expect(again.body.message).toMatch(/already approved by pr@demo/);
  const decided = await approvalOf(id, 'pr@demo', 'decided');
  expect(decided.decision).toMatchObject({ outcome: 'approved', by: 'pr@demo', text: edited });
  // The reply is in the thread, after the customer's message.
  const ctx = (await api('GET', `/api/approvals/${item.id}`, undefined, { as: 'pr@demo' })).body.context;
  expect(ctx.thread.map((t: any) => [t.direction, t.text])).toEqual([
    ['inbound', expect.any(String)],
    ['outbound', edited],
  ]);
  expect(ctx.thread[1]).toMatchObject({ status: 'sent (sandbox)', source: 'playbook' });
});

test('legal rejects with a reason: nothing is sent; the reason is on the decision; PR may not look at it', async () => {
  const { id } = await message('desk-legal', 'I will sue you over this');
  const item = await approvalOf(id, 'legal@demo');
  expect(item).toMatchObject({ role: 'legal', assignedTo: { email: 'legal@demo' } });
  expect((await api('GET', `/api/approvals/${item.id}`, undefined, { as: 'pr@demo' })).status).toBe(403);
  expect((await api('POST', `/api/approvals/${item.id}/decision`, { outcome: 'approve' }, { as: 'pr@demo' })).status).toBe(403);
  const r = await api(
    'POST',
    `/api/approvals/${item.id}/decision`,
    { outcome: 'reject', reason: 'admits liability' },
    { as: 'legal@demo' },
  );
  expect(r.status).toBe(200);
  expect(r.body.decision).toMatchObject({ outcome: 'rejected', by: 'legal@demo', reason: 'admits liability' });
  const done = await until(id, (x) => x.status === 'completed');
  expect(done.path.map((s: any) => s.nodeId)).toEqual(['start', 'draft', 'approval']);
  expect(await received(db, id)).toEqual([]);
});

test('an approval whose SLA ran out is breached and can no longer be decided', async () => {
  const { id } = await message('desk-sla');
  const item = await approvalOf(id, 'pr@demo');
  await until(id, (r) => r.status === 'completed');
  const late = await approvalOf(id, 'pr@demo', 'timed_out');
  expect(late).toMatchObject({ id: item.id, sla: { breached: true }, decision: null });
  const r = await api('POST', `/api/approvals/${item.id}/decision`, { outcome: 'approve' }, { as: 'pr@demo' });
  expect(r.status).toBe(409);
  expect(r.body.message).toMatch(/ran out of time/);
});
