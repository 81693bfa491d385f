import { Client } from 'pg';
import { chain } from './support/playbooks';
import { api } from './support/http';
import { interaction, post, publishPinned, runId, until } from './support/cases';

/** Customers, identities, merges, cases, the to-do list and wait-for-reply, on the real stack. */
let db: Client;
const TASK = `cases-task-${runId}`;
const WAIT = `cases-wait-${runId}`;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  // A run that keeps an agent task open, and one that waits for the customer's next message.
  await publishPinned(
    db,
    chain(TASK, [
      { id: 'start', kind: 'start', next: 'next' },
      {
        id: 'task',
        kind: 'agent_task',
        config: { prompt: 'Answer {{handle}}', outcomes: ['done'], sla: '1h' },
        next: 'done',
        ends: ['timeout'],
      },
      { id: 'end', kind: 'end' },
    ]),
  );
  await publishPinned(
    db,
    chain(WAIT, [
      { id: 'start', kind: 'start', next: 'next' },
      { id: 'ask', kind: 'send', config: { visibility: 'private', template: 'pii-private-followup' }, next: 'sent', ends: ['failed'] },
      { id: 'wait', kind: 'wait', config: { for: 'reply', duration: '10m' }, next: 'replied', ends: ['timeout'] },
      { id: 'tag', kind: 'tag', config: { tags: ['replied'] }, next: 'next' },
      { id: 'end', kind: 'end' },
    ]),
  );
});
afterAll(() => db.end());

const angela = (n: string) => ({
  email: `angela.${n}.${runId}@example.com`,
  x: `ang-x-${n}-${runId}`,
  fb: `ang-fb-${n}-${runId}`,
  chat: `ang-chat-${n}-${runId}`,
});
const msg = (channel: string, externalId: string, authorId: string, text: string, extra: Record<string, unknown> = {}) => ({
  channel,
  externalId: `${externalId}-${runId}`,
  author: { id: authorId, handle: 'angela', name: 'Angela Smith', followers: 310 },
  text,
  playbook: TASK,
  ...extra,
});
const caseOf = async (interactionId: string) => (await interaction(interactionId)).caseId as string;

describe('customers and identities', () => {
  test('Angela gives her e-mail on X; her e-mail and Facebook messages join the same customer and case', async () => {
    const a = angela('link');
    const onX = await post(msg('x', 'link-x', a.x, `@FoodCo my #tuesdaytakeaway is 15 minutes late!! email me at ${a.email}`));
    const first = await interaction(onX.id);
    expect(first.customerId).toEqual(expect.any(String));
    expect(first.caseId).toEqual(expect.any(String));

    const byEmail = await post(
      msg('email', 'link-mail', a.email.toUpperCase(), 'Where is my order? It is now 20 minutes late, order number 88812345', {
        visibility: 'private',
      }),
    );
    const onFacebook = await post(msg('facebook', 'link-fb', a.fb, 'Still no food. Order #88812345 #notcool'));
    for (const id of [byEmail.id, onFacebook.id])
      expect(await interaction(id)).toMatchObject({ customerId: first.customerId, caseId: first.caseId });

    const customer = (await api('GET', `/api/customers/${first.customerId}`)).body;
    expect(customer.identities.map((i: { kind: string; value: string; source: string }) => [i.kind, i.value, i.source])).toEqual([
      ['x', a.x, 'channel'],
      ['email', a.email, 'message'],
      ['order_number', '88812345', 'message'],
      ['facebook', a.fb, 'channel'],
    ]);
    expect(customer.cases).toHaveLength(1);
    expect(customer.profile).toMatchObject({
      name: 'Angela Smith',
      followers: 310,
      channels: { x: expect.any(Object), email: expect.any(Object), facebook: expect.any(Object) },
    });
    expect((await db.query(`SELECT count(*)::int AS n FROM interactions WHERE customer_id = $1`, [first.customerId])).rows[0].n).toBe(3);
  });

  test('two records of one person merge when a message reveals an identity of the other: identities, cases, interactions move', async () => {
    const a = angela('merge');
    const onX = await post(msg('x', 'merge-x', a.x, `my order is late, reach me at ${a.email}`));
    const onFacebook = await post(msg('facebook', 'merge-fb', a.fb, 'where is my food? order #77712345'));
    const [x, fb] = [await interaction(onX.id), await interaction(onFacebook.id)];
    expect(fb.customerId).not.toBe(x.customerId); // nothing links them yet

    // Her e-mail (known on the X record) mentions the order number (known on the Facebook record).
    const byEmail = await post(
      msg('email', 'merge-mail', a.email, 'I wrote on X and Facebook: order 77712345 is still missing', { visibility: 'private' }),
    );
    const mail = await interaction(byEmail.id);
    expect(mail.customerId).toBe(x.customerId); // the older record survives
    for (const id of [onX.id, onFacebook.id, byEmail.id])
      expect(await interaction(id)).toMatchObject({ customerId: x.customerId, caseId: x.caseId });

    const merged = (await api('GET', `/api/customers/${fb.customerId}`)).body;
    expect(merged.mergedInto).toBe(x.customerId);
    const survivor = (await api('GET', `/api/customers/${x.customerId}`)).body;
    expect(survivor.identities.map((i: { kind: string }) => i.kind).sort()).toEqual(['email', 'facebook', 'order_number', 'x']);
    expect(survivor.merges).toEqual([
      { mergedId: fb.customerId, via: { kind: 'order_number', value: '77712345' }, interactionId: byEmail.id, at: expect.any(String) },
    ]);
    // Her Facebook case folded into the surviving one: one open case, one to-do list.
    const cases = (
      await db.query(`SELECT id, status, merged_into FROM cases WHERE id IN ($1, $2) ORDER BY status DESC`, [x.caseId, fb.caseId])
    ).rows;
    expect(cases).toEqual([
      { id: x.caseId, status: 'open', merged_into: null },
      { id: fb.caseId, status: 'merged', merged_into: x.caseId },
    ]);
    expect((await api('GET', `/api/cases/${x.caseId}`)).body.interactions).toHaveLength(3);
  });

  test('the same message twice stores and links once', async () => {
    const a = angela('dup');
    const body = msg('x', 'dup-x', a.x, `late order, ${a.email}`);
    const [one, two] = await Promise.all([post(body), post(body)]);
    expect(two.id).toBe(one.id);
    const ids = await db.query(`SELECT count(*)::int AS n FROM customer_identities WHERE value IN ($1, $2)`, [a.x, a.email]);
    expect(ids.rows[0].n).toBe(2);
  });
});

describe('the case and its auto to-do list', () => {
  test('pending items in order; a second request inside the open case is flagged; resolving clears it', async () => {
    const author = `todo-${runId}`;
    const first = await post(msg('x', 'todo-1', author, '@FoodCo my order never arrived, can you help?'));
    await until(first.id, (r) => r.waiting?.waitFor === 'task');
    const caseId = await caseOf(first.id);
    let view = (await api('GET', `/api/cases/${caseId}`)).body;
    expect(view.todo.map((t: { type: string; interactionId: string }) => [t.type, t.interactionId])).toEqual([
      ['message', first.id],
      ['task', first.id],
    ]);
    expect(view.flags.newRequest).toBe(false);

    const second = await post(msg('chat', 'todo-2', `${author}-chat`, `also my refund for last week. it's me, ${author}@example.com`));
    // A different channel identity: a separate customer until something links them.
    expect(await caseOf(second.id)).not.toBe(caseId);
    const third = await post(msg('x', 'todo-3', author, 'and the app keeps logging me out, what is going on?'));
    expect(await caseOf(third.id)).toBe(caseId);
    expect((await interaction(third.id)).newRequest).toBe(true);
    await until(third.id, (r) => r.waiting?.waitFor === 'task');
    view = (await api('GET', `/api/cases/${caseId}`)).body;
    expect(view.flags.newRequest).toBe(true);
    expect(view.todo.map((t: { type: string; interactionId: string }) => `${t.type}:${t.interactionId === first.id ? 1 : 3}`)).toEqual([
      'message:1',
      'task:1',
      'message:3',
      'task:3',
    ]);
    expect(
      view.todo.find((t: { interactionId: string; type: string }) => t.type === 'message' && t.interactionId === third.id).newRequest,
    ).toBe(true);
    expect(view.customer.identities).toEqual([{ kind: 'x', value: author }]);

    const listed = (await api('GET', '/api/cases?status=open&limit=500')).body;
    expect(listed.find((c: { id: string }) => c.id === caseId)).toMatchObject({ status: 'open', interactions: 2, channels: ['x'] });

    const resolved = await api('POST', `/api/cases/${caseId}/resolve`, { resolution: 'answered both' }, { as: 'agent@demo' });
    expect(resolved).toMatchObject({ status: 200, body: { caseId, closed: true } });
    view = (await api('GET', `/api/cases/${caseId}`)).body;
    expect(view).toMatchObject({
      status: 'closed',
      resolution: 'answered both',
      resolvedBy: 'agent@demo',
      todo: [],
      flags: { newRequest: false },
    });
    expect((await api('POST', `/api/cases/${caseId}/resolve`, {})).body.closed).toBe(false); // idempotent

    // The next message opens a new case for the same customer.
    const later = await post(msg('x', 'todo-4', author, 'one more thing about my order?'));
    const next = await interaction(later.id);
    expect(next.caseId).not.toBe(caseId);
    expect(next.customerId).toBe((await interaction(first.id)).customerId);
    expect(next.newRequest).toBe(false);
  });

  test('bad requests get a clear 4xx', async () => {
    expect((await api('GET', '/api/cases/not-a-uuid')).status).toBe(400);
    expect((await api('GET', '/api/cases/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api('GET', '/api/customers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await api('GET', '/api/cases?status=sleeping');
    expect(bad.status).toBe(400);
    expect(bad.body.problems[0].path).toBe('status');
    expect((await api('POST', '/api/cases/00000000-0000-4000-8000-000000000000/resolve', {})).status).toBe(404);
    expect((await api('POST', `/api/cases/00000000-0000-4000-8000-000000000000/resolve`, { resolution: '' })).status).toBe(400);
  });
});

describe("waiting for the customer's next message", () => {
  test('a message in the case is delivered to the waiting run (any channel); a redelivery is a no-op; later ones start their own run', async () => {
    const a = angela('wait');
    const asked = await post(msg('x', 'wait-1', a.x, `my order is late, write to ${a.email}`, { playbook: WAIT }));
    await until(asked.id, (r) => r.waiting?.nodeId === 'wait' && r.waiting.waitFor === 'reply');

    const replyBody = msg('email', 'wait-2', a.email, 'Here it is: order #55512345', { playbook: WAIT, visibility: 'private' });
    const reply = await post(replyBody);
    expect(reply.workflowId).toBe(asked.workflowId);
    const done = await until(asked.id, (r) => r.status === 'completed');
    expect(done.path.find((s: { nodeId: string }) => s.nodeId === 'wait')).toMatchObject({
      outcome: 'replied',
      detail: { text: 'Here it is: order #55512345' },
    });
    expect(done.tags).toEqual(['replied']);
    expect(await interaction(reply.id)).toMatchObject({
      status: 'joined',
      joinedInteractionId: asked.id,
      caseId: done.caseId,
      newRequest: false,
      path: [],
    });

    expect(await post(replyBody)).toEqual(reply);
    expect((await db.query(`SELECT count(*)::int AS n FROM interactions WHERE external_id = $1`, [replyBody.externalId])).rows[0].n).toBe(
      1,
    );

    // Nobody waits any more: the next message runs on its own.
    const after = await post(msg('x', 'wait-3', a.x, 'thanks, got it?', { playbook: WAIT }));
    expect(after.workflowId).toBe(`interaction:x:wait-3-${runId}`);
    await until(after.id, (r) => r.waiting?.waitFor === 'reply');
    expect((await interaction(after.id)).joinedInteractionId).toBeNull();
  });
});
