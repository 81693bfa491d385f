import { Client } from 'pg';
import { NODE_KINDS } from '@firebreak/engine';
import { api } from './support/http';
import { runId, until } from './support/cases';
import { publishPlaybook } from './support/playbooks';

/**
 * Every node kind of the catalog on the real stack, in one playbook whose branches all
 * lead on: the decisions read the facts of a real analysis, the actions run their real
 * activities. The kinds the other scenario tests cover are here too, so that a kind added
 * to the catalog without running on the stack fails this test.
 */
const n = (id: string, kind: string, config: object = {}) => ({ id, kind, config });
const all = (source: string, outcomes: string[], target: string) =>
  outcomes.map((o) => ({ id: `e-${source}-${o}`, source, sourceHandle: o, target }));
const always = {
  timeZone: 'UTC',
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, '00:00-24:00'])),
};

const playbook = {
  key: 'every-node-kind',
  name: 'Every node kind',
  nodes: [
    n('start', 'start', { channels: ['x'] }),
    n('keywords', 'keywords', { query: 'refund* OR "money back"' }),
    n('sentiment', 'sentiment'),
    n('priority', 'priority'),
    n('customer', 'customer'),
    n('channel', 'channel'),
    n('hours', 'hours', { schedule: always }),
    n('crisis', 'crisis', { topic: 'kinds-test' }),
    n('pii', 'pii'),
    n('expression', 'expression', { expression: 'sentiment.compound < 0 and priority.tier == "first"' }),
    n('tag', 'tag', { tags: ['kinds'] }),
    n('route', 'route', { team: 'care', mode: 'pull' }),
    n('declare', 'declare_crisis', { topic: 'kinds-test' }),
    n('notify', 'notify', { to: ['team:care-leads'], message: 'Refund request from {{handle}}' }),
    n('draft', 'draft', { source: 'kb' }),
    n('holding', 'holding', { templates: ['holding-generic-1', 'holding-generic-2'], mode: 'draft' }),
    n('approval', 'approval', { role: 'pr', sla: '1h' }),
    n('send', 'send', { requireApproval: true }),
    n('task', 'agent_task', { prompt: 'Check the refund for {{handle}}', outcomes: ['done'] }),
    n('escalate', 'escalate', { ladder: [{ to: 'team_lead', sla: '1h' }] }),
    n('wait', 'wait', { for: 'reply', duration: '1h' }),
    n('resolve', 'resolve'),
    n('end', 'end'),
  ],
  edges: [
    ...all('start', ['next'], 'keywords'),
    ...all('keywords', ['match', 'no_match'], 'sentiment'),
    ...all('sentiment', ['negative', 'neutral', 'positive'], 'priority'),
    ...all('priority', ['first', 'second', 'noise'], 'customer'),
    ...all('customer', ['vip', 'influencer', 'first_time', 'standard'], 'channel'),
    ...all('channel', ['x', 'facebook', 'instagram', 'email', 'chat', 'other'], 'hours'),
    ...all('hours', ['open', 'closed'], 'crisis'),
    ...all('crisis', ['crisis', 'normal'], 'pii'),
    ...all('pii', ['found', 'none'], 'expression'),
    ...all('expression', ['true', 'false'], 'tag'),
    ...all('tag', ['next'], 'route'),
    ...all('route', ['routed'], 'declare'),
    ...all('declare', ['next'], 'notify'),
    ...all('notify', ['next'], 'draft'),
    ...all('draft', ['next', 'no_article'], 'holding'),
    ...all('holding', ['next'], 'approval'),
    ...all('approval', ['approved', 'rejected', 'timeout'], 'send'),
    ...all('send', ['sent', 'failed'], 'task'),
    ...all('task', ['done', 'timeout'], 'escalate'),
    ...all('escalate', ['handled', 'timeout'], 'wait'),
    ...all('wait', ['replied', 'timeout'], 'resolve'),
    ...all('resolve', ['next'], 'end'),
  ],
};

let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db.query(`UPDATE crises SET status = 'stood_down', stood_down_at = now() WHERE topic = 'kinds-test' AND status = 'active'`);
  await db.end();
});

test('a message goes through every node kind of the catalog on the real stack', async () => {
  await publishPlaybook(playbook);
  const author = { id: `kinds-${runId}`, handle: 'kim', name: 'Kim Lee', followers: 40 };
  const posted = await api('POST', '/api/interactions', {
    channel: 'x',
    externalId: `kinds-${runId}`,
    author,
    text: '@brand I want a refund NOW, this is the worst service ever',
    playbook: 'every-node-kind',
  });
  const id = posted.body.id;
  const decide = async (nodeId: string, outcome: string, by: string, text?: string) => {
    await until(id, (r) => r.waiting?.nodeId === nodeId && r.waiting.waitFor !== 'activity');
    expect((await api('POST', `/api/interactions/${id}/decisions`, { nodeId, outcome, text }, { as: by })).status).toBe(201);
  };
  await decide('approval', 'approved', 'pr@demo');
  await decide('task', 'done', 'agent@demo');
  await decide('escalate', 'handled', 'manager@demo');
  await until(id, (r) => r.waiting?.nodeId === 'wait' && r.waiting.waitFor === 'reply');
  const reply = await api('POST', '/api/interactions', {
    channel: 'x',
    externalId: `kinds-${runId}-reply`,
    author,
    text: 'thanks, got it',
    playbook: 'every-node-kind',
  });
  expect(reply.status).toBe(202);
  const run = await until(id, (r) => r.status === 'completed');

  const byNode = Object.fromEntries(run.path.map((s: { nodeId: string; outcome?: string }) => [s.nodeId, s.outcome]));
  expect(byNode).toMatchObject({
    keywords: 'match',
    sentiment: 'negative',
    priority: 'first',
    customer: 'standard',
    channel: 'x',
    hours: 'open',
    crisis: 'normal', // declared later in this very run: the facts were fixed on arrival
    pii: 'none',
    expression: 'true',
    route: 'routed',
    approval: 'approved',
    send: 'sent',
    task: 'done',
    escalate: 'handled',
    wait: 'replied',
  });
  expect(new Set(run.path.map((s: { nodeId: string }) => playbook.nodes.find((x) => x.id === s.nodeId)!.kind))).toEqual(
    new Set(NODE_KINDS),
  );
  expect(run.tags).toEqual(['kinds']);
  const crisis = await db.query(`SELECT declared_by FROM crises WHERE topic = 'kinds-test' AND status = 'active'`);
  expect(crisis.rows).toEqual([{ declared_by: 'playbook:declare' }]);
  const sent = await db.query(`SELECT text FROM outbox WHERE interaction_id = $1`, [id]);
  expect(sent.rows).toHaveLength(1);
  expect(sent.rows[0].text).toMatch(/Kim/);
});
