import { Client } from 'pg';
import { api } from './support/http';
import { assignmentOf, interaction, post, runId, until } from './support/cases';
import { tweetsMatching } from './support/twcs';

/**
 * The seeds' customers on the example playbooks, among TWCS customer traffic: Angela the
 * channel hopper (one case, one agent) and Frank the influencer (priority desk, ahead in
 * its queue). Both playbooks are pinned: un-pinned X traffic belongs to `social-care`.
 */
let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(() => db.end());

const tweets = tweetsMatching(/order|deliver|refund|charge|package/i, 40);
let seq = 0;
const twcs = (playbook: string, i: number, extra: Record<string, unknown> = {}) =>
  post({
    channel: 'x',
    externalId: `ex-${runId}-${++seq}`,
    playbook,
    text: tweets[i].text,
    author: { id: `twcs-${tweets[i].authorId}-${runId}`, handle: `u${tweets[i].authorId}`, followers: 150 + i },
    ...extra,
  });

describe('channel hopper: Angela across X, e-mail, Facebook and chat', () => {
  test('one customer, one case, one agent; each next message answers the run that waits for it', async () => {
    const email = `angela.hopper.${runId}@example.com`;
    const angela = (channel: string, id: string, text: string, visibility = 'public') =>
      post({
        channel,
        externalId: `hop-${channel}-${runId}`,
        playbook: 'channel-hopper',
        visibility,
        text,
        author: { id, handle: 'angela_eats', name: 'Angela Smith', followers: 310 },
      });
    const background = [];
    for (let i = 0; i < 4; i++) background.push(await twcs('channel-hopper', i));

    // 20:45 — X: the order is late; she leaves her e-mail.
    const onX = await angela(
      'x',
      `hop-x-${runId}`,
      `@FoodCo my #tuesdaytakeaway was due at 20:55 and it's still not here. Where is my order?? You can reach me at ${email}`,
    );
    await until(onX.id, (r) => r.waiting?.nodeId === 'wait-reply');
    for (let i = 5; i < 7; i++) background.push(await twcs('channel-hopper', i));
    // 21:10 — e-mail, with her order number: the X run was waiting for her, so it goes on.
    const byEmail = await angela(
      'email',
      email,
      'Hello, my order #TK-4471902 was due at 20:55 and it is not here. Nobody answers.',
      'private',
    );
    expect(byEmail.workflowId).toBe(onX.workflowId);
    await until(onX.id, (r) => r.waiting?.nodeId === 'task');
    // 21:15 — a Facebook comment with the order number: her case, a new run, the same agent.
    const onFacebook = await angela(
      'facebook',
      `fb-${runId}-angela`,
      'Where is my food?? Order TK-4471902 is 20 minutes late, not cool #notcool',
    );
    await until(onFacebook.id, (r) => r.waiting?.nodeId === 'wait-reply');
    // 21:20 — live chat: she gives her e-mail; it answers the Facebook run.
    const onChat = await angela('chat', `chat-${runId}-angela`, `Hi, Angela here (${email}). Still waiting for my duck!`, 'private');
    expect(onChat.workflowId).toBe(onFacebook.workflowId);
    await until(onFacebook.id, (r) => r.waiting?.nodeId === 'task');

    const first = await interaction(onX.id);
    const caseView = (await api('GET', `/api/cases/${first.caseId}`)).body;
    expect(caseView.interactions.map((i: { channel: string }) => i.channel)).toEqual(['x', 'email', 'facebook', 'chat']);
    expect(caseView.interactions.map((i: { status: string }) => i.status)).toEqual(['waiting', 'joined', 'waiting', 'joined']);
    expect(caseView.customer.identities.map((i: { kind: string }) => i.kind).sort()).toEqual([
      'chat',
      'email',
      'facebook',
      'order_number',
      'x',
    ]);
    expect(caseView.agent).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String) }));
    // Two runs were routed (X and Facebook); both to the case's agent.
    expect(caseView.assignments.map((a: { agent: { id: string } }) => a.agent?.id)).toEqual([caseView.agent.id, caseView.agent.id]);
    expect(caseView.assignments[1].reason).toBe("sticky: the case's agent");
    // Her to-do list: the two open agent tasks (X and Facebook runs); the acknowledgements answered X and Facebook.
    expect(caseView.todo.filter((t: { type: string }) => t.type === 'task')).toHaveLength(2);
    const acks = await db.query(`SELECT visibility, status FROM outbox WHERE interaction_id IN ($1, $2)`, [onX.id, onFacebook.id]);
    expect(acks.rows).toEqual([
      { visibility: 'private', status: 'sent (sandbox)' },
      { visibility: 'private', status: 'sent (sandbox)' },
    ]);

    // Other customers in the same hour are not in her case.
    for (const b of background) expect((await interaction(b.id)).caseId).not.toBe(first.caseId);
    // Clear the queue of all her requests.
    const agentLoad = async () => (await api('GET', `/api/agents/${caseView.agent.id}`)).body.load;
    const before = await agentLoad();
    expect(
      (await api('POST', `/api/cases/${first.caseId}/resolve`, { resolution: 'food delivered' }, { as: 'agent@demo' })).body.closed,
    ).toBe(true);
    expect(await agentLoad()).toBe(before - 1);
    expect((await api('GET', `/api/cases/${first.caseId}`)).body).toMatchObject({ status: 'closed', todo: [] });
  });
});

describe('influencer: Frank is prioritised by his reach', () => {
  const frank = (id: string, text: string) =>
    post({
      channel: 'x',
      externalId: `frank-${id}-${runId}`,
      playbook: 'influencer',
      text,
      author: { id: `frank-${runId}-${id}`, handle: 'frank_reviews', name: 'Frank Jones', followers: 2_100_000, verified: true },
    });
  const desk = async () => (await api('GET', '/api/agents')).body.filter((a: { teams: string[] }) => a.teams.includes('priority'));

  test('standard customers take the care pull queue; Frank goes to the priority desk with a personal public acknowledgement', async () => {
    const regular = await twcs('influencer', 10);
    const r = await assignmentOf(db, regular.id);
    expect(r).toMatchObject({ team: 'care', mode: 'pull', status: 'queued' });

    const posted = await frank(
      'a',
      '@FoodCo three weeks and still no refund for my cancelled order. Is anyone there? Telling my followers to stay away.',
    );
    const run = await until(posted.id, (x) => x.waiting?.nodeId === 'task-priority');
    expect(run.path.map((s: { nodeId: string; outcome?: string }) => `${s.nodeId}:${s.outcome}`).slice(0, 6)).toEqual([
      'start:next',
      `priority:${run.facts.priority.tier}`,
      'customer:influencer',
      'influencer-tag:next',
      'route-priority:routed',
      'notify-desk:next',
    ]);
    expect(run.facts.influence.score).toBe(100);
    const a = await assignmentOf(db, posted.id);
    expect(a).toMatchObject({ team: 'priority', status: 'assigned', mode: 'push' });
    expect((await desk()).map((d: { id: string }) => d.id)).toContain(a.agent_id);
    expect(run.assignment).toMatchObject({ status: 'assigned', agentId: a.agent_id, team: 'priority' });
    const ack = await db.query(`SELECT visibility, status FROM outbox WHERE interaction_id = $1`, [posted.id]);
    expect(ack.rows).toEqual([{ visibility: 'public', status: 'sent (sandbox)' }]);
  });

  test('with the desk busy, Frank goes ahead of earlier influencers in its queue and is the first served when an agent is back', async () => {
    const agents = await desk();
    for (const d of agents) await api('PUT', `/api/agents/${d.id}/availability`, { available: false });
    try {
      const earlier = [];
      for (const [i, followers] of [
        [11, 15_000],
        [12, 40_000],
        [13, 70_000],
      ])
        earlier.push(await twcs('influencer', i, { author: { id: `inf-${i}-${runId}`, handle: `inf${i}`, followers } }));
      const posted = await frank('b', '@FoodCo my order never arrived and support hung up on me. What is going on??');
      const mine = await assignmentOf(db, posted.id);
      expect(mine).toMatchObject({ team: 'priority', status: 'queued' });

      const queue = (await api('GET', '/api/routing/queues?team=priority')).body[0].items;
      const ids = queue.map((q: { interactionId: string }) => q.interactionId);
      // TWCS texts the analysis calls noise end without routing; the others wait in the desk's queue.
      const queuedEarlier = [];
      for (const e of earlier) {
        await until(e.id, (x) => x.status === 'completed' || x.waiting?.nodeId === 'task-priority');
        const row = await db.query(`SELECT status FROM assignments WHERE interaction_id = $1`, [e.id]);
        if (row.rows[0]?.status === 'queued') queuedEarlier.push(e.id);
      }
      expect(queuedEarlier.length).toBeGreaterThan(0); // the TWCS influencers reached the desk too
      for (const e of queuedEarlier) expect(ids.indexOf(posted.id)).toBeLessThan(ids.indexOf(e));

      const back = await api('PUT', `/api/agents/${agents[0].id}/availability`, { available: true });
      expect(back.body.assigned[0]).toMatchObject({ assignmentId: mine.id, agentId: agents[0].id });
      const caseRow = await db.query(`SELECT agent_id FROM cases WHERE id = $1`, [mine.case_id]);
      expect(caseRow.rows[0].agent_id).toBe(agents[0].id);
    } finally {
      for (const d of agents) await api('PUT', `/api/agents/${d.id}/availability`, { available: true });
    }
  });
});
