import { Client } from 'pg';
import { publishPinned, post, runId, until } from './support/cases';
import { agentFor, approvalOf, inboxEntry, received, rosterAlwaysOn } from './support/desks';
import { api, eventually } from './support/http';
import { exampleForTest } from './support/examples';
import { chain } from './support/playbooks';

/**
 * Each role does its job through the API alone, signed in as the demo user of that role:
 * the manager publishes a playbook and watches it work, the agent claims, replies and
 * completes, PR and legal approve with edits and reject, the viewer reads and is refused writes.
 */
let db: Client;
let restoreRoster: () => Promise<void>;
const team = `journeys-${runId}`;
const playbookKey = `journeys-care-${runId}`;

/** The everyday example, routing every message to this test's pull queue (SLAs left long: people act here, not the clock). */
function careJourneyPlaybook() {
  const pb = exampleForTest('social-care', playbookKey, 3600) as { nodes: Array<{ kind: string; config: Record<string, unknown> }> };
  for (const node of pb.nodes) if (node.kind === 'route') node.config = { ...node.config, team, mode: 'pull', skills: [] };
  return pb;
}

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  restoreRoster = await rosterAlwaysOn(db);
  await agentFor(db, 'agent@demo', 'Alex Agent', [team], 20);
  await publishPinned(
    db,
    chain(`journeys-legal-${runId}`, [
      { id: 'start', kind: 'start', next: 'next' },
      { id: 'draft', kind: 'draft', config: { source: 'template', template: 'acknowledge' }, next: 'next' },
      { id: 'approval-legal', kind: 'approval', config: { role: 'legal', sla: '1h' }, next: 'approved', ends: ['rejected', 'timeout'] },
      { id: 'send', kind: 'send', config: { visibility: 'public', requireApproval: true }, next: 'sent', ends: ['failed'] },
      { id: 'end', kind: 'end' },
    ]),
  );
});
afterAll(async () => {
  await restoreRoster();
  await db.end();
});

let n = 0;
/** A first-tier complaint in plain English, as a channel would send it. */
const complaint = (
  playbook: string,
  text = 'My order arrived broken and nobody has answered my emails for a week, I want a refund now',
) => {
  n++;
  return post({
    channel: 'x',
    externalId: `journey-${runId}-${n}`,
    author: { id: `journey-author-${runId}-${n}`, handle: `dana${n}`, name: `Dana Person${n}`, followers: 120 },
    text,
    playbook,
  });
};

/** The agent's part of a case: find it in the pull queue, claim it, see the next step. */
async function agentClaims(interactionId: string) {
  const item = await eventually(
    async () =>
      (await api('GET', '/api/inbox/available', undefined, { as: 'agent@demo' })).body.items?.find(
        (i: any) => i.interactionId === interactionId,
      ),
    60_000,
    'the item in the pull queue',
  );
  const claimed = await api('POST', `/api/inbox/${item.id}/claim`, undefined, { as: 'agent@demo' });
  expect(claimed.status).toBe(200);
  return inboxEntry((e) => e.caseId === claimed.body.item.caseId && e.nextStep?.interactionId === interactionId, 'agent@demo');
}

test('manager: publishes a playbook with a change note, sees it live and its metrics move', async () => {
  const as = { as: 'manager@demo' };
  const created = await api('POST', '/api/playbooks', careJourneyPlaybook(), as);
  expect(created.status).toBe(201);
  const draft = await api('GET', `/api/playbooks/${playbookKey}`, undefined, as);
  expect(draft.status).toBe(200);
  expect(draft.body.problems.filter((p: any) => p.severity !== 'warning')).toEqual([]);
  const published = await api('POST', `/api/playbooks/${playbookKey}/publish`, { note: 'route everything to the journeys queue' }, as);
  expect(published.status).toBe(201);
  // Pinned by the tests that use it: its go-live dated back so it never takes other files' traffic.
  await db.query(`UPDATE playbooks SET live_since = '2000-01-01' WHERE key = $1`, [playbookKey]);
  const versions = await api('GET', `/api/playbooks/${playbookKey}/versions`, undefined, as);
  expect(JSON.stringify(versions.body)).toContain('route everything to the journeys queue');
  expect(JSON.stringify(versions.body)).toContain('manager@demo');

  const from = new Date(Date.now() - 1000).toISOString();
  const { id } = await complaint(playbookKey);
  const run = await until(id, (r) => r.waiting?.nodeId === 'task');
  expect(run.path.map((s: any) => s.nodeId)).toContain('route-care');
  const metrics = await api('GET', `/api/metrics/summary?from=${from}`, undefined, as);
  expect(metrics.status).toBe(200);
  expect(metrics.body.volume.inbound).toBeGreaterThanOrEqual(1);
  expect(
    (await api('GET', '/api/routing/queues', undefined, as)).body.find((q: any) => q.team === team)?.items.map((i: any) => i.interactionId),
  ).toContain(id);
  // The manager watches an agent's inbox, and the queue the agent will pull from.
  expect((await api('GET', '/api/inbox/available?agent=agent@demo', undefined, as)).body.items.map((i: any) => i.interactionId)).toContain(
    id,
  );
});

test('agent: claims from the queue, reads the next step, replies with a suggested template, completes; the case closes', async () => {
  const { id } = await complaint(playbookKey);
  const entry = await agentClaims(id);
  expect(entry.nextStep).toMatchObject({
    nodeId: 'task',
    outcomes: ['answered', 'needs_pr'],
    prompt: expect.stringContaining('I want a refund now'),
  });
  expect(entry.nextStep.checklist.length).toBeGreaterThan(0);

  const suggestions = (await api('GET', `/api/inbox/${entry.itemId}/suggestions`, undefined, { as: 'agent@demo' })).body;
  const suggested = suggestions.templates.find((t: any) => t.suggested);
  expect(suggested.text).toMatch(/Dana/);
  const text = `${suggested.text} A replacement is on its way. ${runId}`;
  const reply = await api(
    'POST',
    `/api/inbox/${entry.itemId}/reply`,
    { text, template: suggested.name },
    {
      as: 'agent@demo',
      headers: { 'idempotency-key': `journey-${runId}` },
    },
  );
  expect(reply.status).toBe(201);
  expect((await received(db, id))[0]).toBe(text);

  const done = await api('POST', `/api/inbox/${entry.itemId}/complete`, { outcome: 'answered' }, { as: 'agent@demo' });
  expect(done.status).toBe(200);
  const run = await until(id, (r) => r.status === 'completed');
  expect(run.path.map((s: any) => s.nodeId)).toEqual(expect.arrayContaining(['task', 'resolve']));
  const kase = await api('GET', `/api/cases/${entry.caseId}`, undefined, { as: 'agent@demo' });
  expect(kase.body.status).toBe('closed');
  const inbox = await api('GET', '/api/inbox', undefined, { as: 'agent@demo' });
  expect(inbox.body.items.map((e: any) => e.caseId)).not.toContain(entry.caseId);
});

test('PR: rejects an agent’s request with a reason (back to the agent), then approves an edited reply that the customer receives', async () => {
  const { id } = await complaint(playbookKey);
  const entry = await agentClaims(id);
  const askPr = () =>
    api(
      'POST',
      `/api/inbox/${entry.nextStep.taskId}/complete`,
      { outcome: 'needs_pr', note: 'they threaten to go public' },
      { as: 'agent@demo' },
    );
  expect((await askPr()).status).toBe(200);

  const first = await approvalOf(id, 'pr@demo');
  expect(first).toMatchObject({ role: 'pr', nodeId: 'approval-pr', assignedTo: { email: 'pr@demo' } });
  const context = (await api('GET', `/api/approvals/${first.id}`, undefined, { as: 'pr@demo' })).body.context;
  expect(context.thread[0]).toMatchObject({ direction: 'inbound', interactionId: id });
  expect(context.path.find((s: any) => s.nodeId === 'task')).toMatchObject({ outcome: 'needs_pr', detail: { by: 'agent@demo' } });
  expect(context.customer).toMatchObject({ name: `Dana Person${n}` });
  const rejected = await api(
    'POST',
    `/api/approvals/${first.id}/decision`,
    { outcome: 'reject', reason: 'too generic for an angry customer' },
    { as: 'pr@demo' },
  );
  expect(rejected.status).toBe(200);

  // Rejected: the case is back with the agent as a new task, who asks PR again.
  const again = await inboxEntry(
    (e) => e.caseId === entry.caseId && e.nextStep && e.nextStep.taskId !== entry.nextStep.taskId,
    'agent@demo',
  );
  expect((await api('POST', `/api/inbox/${again.nextStep.taskId}/complete`, { outcome: 'needs_pr' }, { as: 'agent@demo' })).status).toBe(
    200,
  );
  const second = await approvalOf(id, 'pr@demo');
  expect(second.id).not.toBe(first.id);
  const edited = `Dana, we are truly sorry. A manager will call you today and the refund is on its way. ${runId}`;
  const approved = await api('POST', `/api/approvals/${second.id}/decision`, { outcome: 'approve', text: edited }, { as: 'pr@demo' });
  expect(approved.status).toBe(200);
  await until(id, (r) => r.status === 'completed');
  expect(await received(db, id)).toContain(edited);
  expect((await api('POST', `/api/approvals/${second.id}/decision`, { outcome: 'approve' }, { as: 'pr@demo' })).status).toBe(409);
});

test('legal: works only the legal queue; approves with edits and rejects with a reason', async () => {
  const legalKey = `journeys-legal-${runId}`;
  const a = await complaint(legalKey, 'I am talking to my lawyer about the data you leaked');
  const b = await complaint(legalKey, 'This is a GDPR violation and I will take legal action');
  const [ia, ib] = [await approvalOf(a.id, 'legal@demo'), await approvalOf(b.id, 'legal@demo')];
  expect((await api('GET', '/api/approvals?role=pr', undefined, { as: 'legal@demo' })).status).toBe(403);
  expect((await api('GET', '/api/approvals', undefined, { as: 'pr@demo' })).body.items.map((i: any) => i.id)).not.toContain(ia.id);

  const edited = `We take this seriously. Please write to privacy@example.com so our data protection team can look into it. ${runId}`;
  expect((await api('POST', `/api/approvals/${ia.id}/decision`, { outcome: 'approve', text: edited }, { as: 'legal@demo' })).status).toBe(
    200,
  );
  expect((await api('POST', `/api/approvals/${ib.id}/decision`, { outcome: 'reject' }, { as: 'legal@demo' })).status).toBe(422);
  expect(
    (await api('POST', `/api/approvals/${ib.id}/decision`, { outcome: 'reject', reason: 'no public reply' }, { as: 'legal@demo' })).status,
  ).toBe(200);
  await until(a.id, (r) => r.status === 'completed');
  await until(b.id, (r) => r.status === 'completed');
  expect(await received(db, a.id)).toEqual([edited]);
  expect(await received(db, b.id)).toEqual([]);
  const decided = (await api('GET', '/api/approvals?status=decided', undefined, { as: 'legal@demo' })).body.items;
  expect(decided.find((i: any) => i.id === ib.id)?.decision).toMatchObject({
    outcome: 'rejected',
    by: 'legal@demo',
    reason: 'no public reply',
  });
});

test('viewer: reads every desk and is refused every write', async () => {
  const as = { as: 'viewer@demo' };
  const { id } = await complaint(playbookKey);
  const run = await until(id, (r) => r.waiting?.nodeId === 'task');
  const queued = await eventually(async () =>
    (await api('GET', '/api/inbox/available?agent=agent@demo', undefined, as)).body.items?.find((i: any) => i.interactionId === id),
  );
  for (const path of [
    '/api/playbooks',
    `/api/playbooks/${playbookKey}`,
    `/api/playbooks/${playbookKey}/versions`,
    `/api/interactions/${id}`,
    `/api/cases/${run.caseId}`,
    '/api/approvals',
    '/api/inbox?agent=agent@demo',
    '/api/metrics/summary',
    '/api/crises',
    '/api/templates',
  ]) {
    expect([path, (await api('GET', path, undefined, as)).status]).toEqual([path, 200]);
  }
  const writes: Array<[string, string, unknown]> = [
    ['POST', '/api/playbooks', careJourneyPlaybook()],
    ['PUT', `/api/playbooks/${playbookKey}/draft`, careJourneyPlaybook()],
    ['POST', `/api/playbooks/${playbookKey}/publish`, {}],
    ['POST', '/api/interactions', { channel: 'x', externalId: `viewer-${runId}`, author: { id: 'v' }, text: 'hi' }],
    ['POST', `/api/interactions/${id}/decisions`, { nodeId: 'task', outcome: 'answered' }],
    ['POST', `/api/inbox/${queued.id}/claim`, undefined],
    ['POST', `/api/inbox/${queued.id}/reply`, { text: 'hello' }],
    ['POST', `/api/inbox/${queued.id}/complete`, { outcome: 'answered' }],
    ['POST', `/api/cases/${run.caseId}/resolve`, {}],
    ['POST', '/api/crises', { topic: `viewer-${runId}` }],
    ['POST', '/api/templates', { name: `viewer-${runId}`, source: 'hi' }],
  ];
  for (const [method, path, body] of writes) {
    expect([method, path, (await api(method, path, body, as)).status]).toEqual([method, path, 403]);
  }
  // Nothing the viewer tried happened.
  expect((await api('GET', `/api/interactions/${id}`, undefined, as)).body.waiting).toMatchObject({ nodeId: 'task' });
  expect((await db.query(`SELECT count(*)::int AS n FROM outbox WHERE interaction_id = $1`, [id])).rows[0].n).toBe(0);
});

test('admin: adds a manager, gives an integration a token, locks the workspace to known addresses, checks the audit trail', async () => {
  const email = `journey.manager.${runId}@example.com`;
  const user = await api('POST', '/api/users', { email, name: 'Journey Manager', role: 'manager', password: 'journey-password' });
  expect(user.status).toBe(201);
  const session = await api('POST', '/api/auth/login', { email, password: 'journey-password' }, { as: null });
  expect(session.body.user.role).toBe('manager');

  const token = await api('POST', '/api/auth/tokens', { name: `journey-crm-${runId}`, role: 'agent' });
  const asIntegration = { as: null, headers: { authorization: `Bearer ${token.body.token}` } };
  const posted = await api(
    'POST',
    '/api/interactions',
    { channel: 'email', externalId: `journey-admin-${runId}`, author: { id: `crm-${runId}` }, text: 'where is my parcel?' },
    asIntegration,
  );
  expect(posted.status).toBe(202);

  const settings = await api('PATCH', '/api/workspace/settings', { ipAllowList: ['127.0.0.1', '::1'] });
  try {
    expect(settings.body.ipAllowList).toEqual(['127.0.0.1', '::1']);
    const asManager = { as: null, headers: { authorization: `Bearer ${session.body.accessToken}` } };
    expect((await api('GET', '/api/playbooks', undefined, asManager)).status).toBe(200); // from a listed address
  } finally {
    await api('PATCH', '/api/workspace/settings', { ipAllowList: [] });
  }

  // Who did what is on record, signed by the chain.
  const trail = await eventually(async () => {
    const r = await api('GET', `/api/audit?actor=${encodeURIComponent(`token:journey-crm-${runId}`)}`);
    return r.body.items?.length ? r.body.items : undefined;
  });
  expect(trail[0]).toMatchObject({ action: 'POST /api/interactions', status: 202 });
  expect((await api('GET', '/api/audit/verify')).body).toMatchObject({ ok: true });
  expect((await api('PATCH', `/api/users/${user.body.id}`, { disabled: true })).status).toBe(200);
  expect(
    (await api('GET', '/api/auth/me', undefined, { as: null, headers: { authorization: `Bearer ${session.body.accessToken}` } })).status,
  ).toBe(401);
});
