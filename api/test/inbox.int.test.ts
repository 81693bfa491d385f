import { Client } from 'pg';
import { publishPinned, post, runId, until } from './support/cases';
import { agentFor, inboxEntry, received } from './support/desks';
import { api, eventually } from './support/http';
import { chain } from './support/playbooks';
import { ensureUser } from './support/users';

/** The agent inbox on the real stack: the to-do list with next steps, claim, suggestions, replies through the outbox, complete. */
let db: Client;
const pushTeam = `inbox-push-${runId}`;
const pullTeam = `inbox-pull-${runId}`;
// Agents of the test's own, who answer in any language: short messages are easily detected as another one.
const agent1 = `agent1-${runId}@test`;
const agent2 = `agent2-${runId}@test`;

const taskChain = (key: string, team: string, mode: 'push' | 'pull') =>
  chain(key, [
    { id: 'start', kind: 'start', next: 'next' },
    { id: 'route', kind: 'route', config: { team, strategy: 'least_busy', mode }, next: 'routed' },
    {
      id: 'task',
      kind: 'agent_task',
      config: {
        prompt: 'Reply to {{handle}}: "{{message.text}}"',
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
  ]);

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  await ensureUser(db, agent1, 'agent', 'First Agent');
  await ensureUser(db, agent2, 'agent', 'Second Agent');
  await agentFor(db, agent1, 'First Agent', [pushTeam, pullTeam], 10);
  await agentFor(db, agent2, 'Second Agent', [pullTeam], 1);
  await publishPinned(db, taskChain('inbox-push', pushTeam, 'push'));
  await publishPinned(db, taskChain('inbox-pull', pullTeam, 'pull'));
});
afterAll(() => db.end());

let n = 0;
const message = (playbook: string, text: string, extra: Record<string, unknown> = {}) => {
  n++;
  return post({
    channel: 'x',
    externalId: `inbox-${runId}-${n}`,
    author: { id: `inbox-author-${runId}-${n}`, handle: `alice${n}`, name: `Alice Number${n}` },
    text,
    playbook,
    ...extra,
  });
};
const caseIdOf = async (id: string) => (await until(id, (r) => !!r.caseId && r.status === 'waiting')).caseId as string;

test("the agent's cases as the to-do list, longest waiting first, each with the playbook's next step", async () => {
  const first = await message('inbox-push', 'my parcel is two weeks late');
  const second = await message('inbox-push', 'the app logs me out all the time');
  const [c1, c2] = [await caseIdOf(first.id), await caseIdOf(second.id)];
  await inboxEntry((e) => e.caseId === c2 && e.nextStep, agent1);
  const { body } = await api('GET', '/api/inbox', undefined, { as: agent1 });
  expect(body.agent).toMatchObject({ email: agent1, name: 'First Agent' });
  const ids = body.items.map((e: any) => e.caseId);
  expect(ids.indexOf(c1)).toBeGreaterThanOrEqual(0);
  expect(ids.indexOf(c1)).toBeLessThan(ids.indexOf(c2));
  const entry = body.items.find((e: any) => e.caseId === c1);
  expect(entry).toMatchObject({
    team: pushTeam,
    customer: { name: `Alice Number${n - 1}` },
    nextStep: {
      nodeId: 'task',
      interactionId: first.id,
      prompt: expect.stringContaining('"my parcel is two weeks late"'),
      checklist: ['Read the case history', 'Answer in their channel'],
      outcomes: ['answered', 'needs_pr'],
      suggestedReplies: ['acknowledge'],
    },
    lastMessage: { interactionId: first.id, channel: 'x', text: 'my parcel is two weeks late' },
    sla: { breached: false },
  });
  expect(entry.itemId).toBe(entry.nextStep.taskId);
  expect(entry.nextStep.prompt).toContain(`alice${n - 1}`);
  expect(Date.parse(entry.sla.dueAt)).toBeGreaterThan(Date.now() + 3_000_000);
  expect(entry.todo.map((t: any) => t.type).sort()).toEqual(['message', 'task']);

  // Who may look: a manager or viewer names the agent; the agent only themselves; PR and legal have their desk.
  expect((await inboxEntry((e) => e.caseId === c1, 'manager@demo', agent1)).itemId).toBe(entry.itemId);
  expect((await api('GET', `/api/inbox?agent=${agent1}`, undefined, { as: 'viewer@demo' })).status).toBe(200);
  expect((await api('GET', '/api/inbox', undefined, { as: 'manager@demo' })).status).toBe(422);
  expect((await api('GET', `/api/inbox?agent=${agent2}`, undefined, { as: agent1 })).status).toBe(403);
  expect((await api('GET', '/api/inbox?agent=nobody@test', undefined, { as: 'manager@demo' })).status).toBe(404);
  expect((await api('GET', '/api/inbox', undefined, { as: 'pr@demo' })).status).toBe(403);
  expect((await api('GET', '/api/inbox', undefined, { as: 'legal@demo' })).status).toBe(403);
  expect((await api('GET', `/api/inbox`, undefined, { as: agent2 })).body.items.map((e: any) => e.caseId)).not.toContain(c1);
});

test('suggestions: the task’s templates first and knowledge-base articles for the message, rendered for this case', async () => {
  const { id } = await message('inbox-push', 'the 20% discount link in your email is broken');
  const caseId = await caseIdOf(id);
  const entry = await inboxEntry((e) => e.caseId === caseId && e.nextStep, agent1);
  const r = await api('GET', `/api/inbox/${entry.itemId}/suggestions`, undefined, { as: agent1 });
  expect(r.status).toBe(200);
  expect(r.body.interactionId).toBe(id);
  expect(r.body.templates[0]).toMatchObject({
    name: 'acknowledge',
    suggested: true,
    text: expect.stringMatching(/^Hi Alice, we're sorry/),
  });
  expect(r.body.templates.filter((t: any) => t.suggested)).toHaveLength(1);
  expect(r.body.articles[0]).toMatchObject({
    title: 'The 20% discount link in our e-mail is broken',
    text: expect.stringMatching(/^Hi Alice, sorry/),
  });
  expect((await api('GET', `/api/inbox/${entry.itemId}/suggestions`, undefined, { as: agent2 })).status).toBe(403);
  expect((await api('GET', `/api/inbox/${entry.itemId}/suggestions`, undefined, { as: 'pr@demo' })).status).toBe(403);
  expect((await api('GET', `/api/inbox/${entry.itemId}/suggestions`, undefined, { as: 'viewer@demo' })).status).toBe(200);
});

test('reply: sent on the case’s channel through the outbox, once per Idempotency-Key; it answers the message and counts for FRT and ART', async () => {
  // Received at an instant of its own, so the metrics window holds this thread alone.
  const askedAt = new Date(Date.UTC(1999, 0, 1) + (Date.now() % 1e9) * 1000);
  const { id } = await message('inbox-push', 'where is my refund?', { receivedAt: askedAt.toISOString() });
  const caseId = await caseIdOf(id);
  const entry = await inboxEntry((e) => e.caseId === caseId && e.nextStep, agent1);
  const reply = (body: object, key?: string, as = agent1) =>
    api('POST', `/api/inbox/${entry.itemId}/reply`, body, { as, headers: key ? { 'idempotency-key': key } : {} });

  expect((await reply({})).status).toBe(400);
  expect((await reply({ template: 'no-such-template' })).status).toBe(422);
  expect((await reply({ text: 'hi', interactionId: '00000000-0000-4000-8000-000000000000' })).status).toBe(422);
  for (const as of [agent2, 'viewer@demo', 'pr@demo']) expect((await reply({ text: 'hi' }, undefined, as)).status).toBe(403);

  const sent = await reply({ template: 'acknowledge' }, `k-${runId}`);
  expect(sent.status).toBe(201);
  expect(sent.body).toMatchObject({
    interactionId: id,
    channel: 'x',
    visibility: 'public',
    status: 'sent (sandbox)',
    text: expect.stringMatching(/^Hi Alice/),
    sentBy: agent1,
  });
  const again = await reply({ template: 'acknowledge' }, `k-${runId}`);
  expect(again.status).toBe(201);
  expect(again.body.outboxId).toBe(sent.body.outboxId);
  expect((await reply({ text: 'something else' }, `k-${runId}`)).status).toBe(409);
  expect(await received(db, id)).toEqual([sent.body.text]);

  const later = await reply({ text: `Your refund left today. ^AA ${runId}`, clientId: `c-${runId}` });
  expect(later.status).toBe(201);
  expect((await reply({ text: `Your refund left today. ^AA ${runId}`, clientId: `c-${runId}` })).body.outboxId).toBe(later.body.outboxId);
  expect(await received(db, id)).toEqual([sent.body.text, `Your refund left today. ^AA ${runId}`]);

  // Answered: the message is off the to-do list, the task stays.
  const now = await inboxEntry((e) => e.caseId === caseId, agent1);
  expect(now.todo.map((t: any) => t.type)).toEqual(['task']);
  const from = askedAt.toISOString();
  const to = new Date(askedAt.getTime() + 1000).toISOString();
  const metrics = await api('GET', `/api/metrics/summary?from=${from}&to=${to}`, undefined, { as: 'manager@demo' });
  expect(metrics.status).toBe(200);
  expect(metrics.body.frt.count).toBe(1);
  expect(metrics.body.art.count).toBe(1);
  expect(metrics.body.frt.avgMs).toBe(Date.parse(sent.body.sentAt) - askedAt.getTime());
  // The reply is credited to the agent who sent it.
  const perAgent = await api('GET', `/api/metrics/agents?from=${from}&to=${to}`, undefined, { as: 'manager@demo' });
  expect(perAgent.body.agents.filter((a: any) => a.frt.count > 0).map((a: any) => a.name)).toEqual(['First Agent']);
});

test('complete: one of the task’s outcomes moves the run on; a wrong one lists the valid ones; done is done', async () => {
  const { id } = await message('inbox-push', 'thanks, all sorted now');
  const caseId = await caseIdOf(id);
  const entry = await inboxEntry((e) => e.caseId === caseId && e.nextStep, agent1);
  const complete = (body: object, as = agent1) => api('POST', `/api/inbox/${entry.itemId}/complete`, body, { as });

  const wrong = await complete({ outcome: 'bogus' });
  expect(wrong.status).toBe(422);
  expect(wrong.body.validOutcomes).toEqual(['answered', 'needs_pr']);
  expect(wrong.body.message).toMatch(/answered, needs_pr/);
  expect((await complete({ outcome: 'answered' }, agent2)).status).toBe(403);
  expect((await complete({ outcome: 'answered' }, 'viewer@demo')).status).toBe(403);
  expect((await complete({ outcome: 'answered' }, 'pr@demo')).status).toBe(403);

  const done = await complete({ outcome: 'answered', note: 'customer confirmed' });
  expect(done.status).toBe(200);
  expect(done.body).toMatchObject({ status: 'decided', decision: { outcome: 'answered', by: agent1, reason: 'customer confirmed' } });
  const run = await until(id, (r) => r.status === 'completed');
  expect(run.path.map((s: any) => s.nodeId)).toEqual(['start', 'route', 'task', 'resolve', 'end']);
  expect(run.path[2]).toMatchObject({ outcome: 'answered', detail: { by: agent1 } });
  expect((await complete({ outcome: 'answered' })).status).toBe(409);
  await eventually(async () => {
    const { body } = await api('GET', '/api/inbox', undefined, { as: agent1 });
    return body.items.some((e: any) => e.caseId === caseId) ? undefined : true;
  });
});

test('claim from the pull queue: first come first served, within capacity; the claimed case is in the inbox', async () => {
  const first = await message('inbox-pull', 'my voucher code is not accepted');
  const queued = async (as: string, interactionId: string) =>
    eventually(async () =>
      (await api('GET', '/api/inbox/available', undefined, { as })).body.items?.find((i: any) => i.interactionId === interactionId),
    );
  const item = await queued(agent2, first.id);
  expect(item).toMatchObject({ team: pullTeam, mode: 'pull', canClaim: true, customer: { name: expect.stringMatching(/^Alice/) } });
  expect((await queued(agent1, first.id)).id).toBe(item.id);

  const claim = (as: string, itemId = item.id) => api('POST', `/api/inbox/${itemId}/claim`, undefined, { as });
  expect((await claim('viewer@demo')).status).toBe(403);
  const mine = await claim(agent2);
  expect(mine.status).toBe(200);
  expect(mine.body).toMatchObject({ claimed: true, agent: { name: 'Second Agent' }, item: { nextStep: { nodeId: 'task' } } });
  const taken = await claim(agent1);
  expect(taken.status).toBe(409);
  expect(taken.body.message).toMatch(/Second Agent has this item already/);
  expect((await claim(agent2)).body).toMatchObject({ claimed: false });
  expect((await api('GET', '/api/inbox', undefined, { as: agent2 })).body.items.map((e: any) => e.caseId)).toContain(mine.body.item.caseId);

  // Second Agent holds one case, their capacity: they see the next item but cannot take it; Alex can.
  const second = await message('inbox-pull', 'the voucher still fails');
  const next = await queued(agent2, second.id);
  expect(next.canClaim).toBe(false);
  const full = await claim(agent2, next.id);
  expect(full.status).toBe(409);
  expect(full.body.message).toMatch(/at capacity/);
  expect((await claim(agent1, next.id)).status).toBe(200);
  expect((await api('POST', '/api/inbox/00000000-0000-4000-8000-000000000000/claim', undefined, { as: agent1 })).status).toBe(404);
});
