import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../dist/database/data-source';
import { routeInteraction } from '../dist/routing/router';
import { api, eventually } from './support/http';
import { chain } from './support/playbooks';
import { assignmentOf, post, publishPinned, runId } from './support/cases';

/** Routing on the real stack: strategies, capacity under concurrency, push vs pull, queue priority. */
let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(() => db.end());

/** Each test gets its own team, agents and playbook, so nothing another test routes counts in its loads. */
async function team(
  name: string,
  agents: Array<{ name: string; capacity?: number; languages?: string[]; channels?: string[]; skills?: string[] }>,
) {
  const key = `${name}-${runId}`;
  expect((await api('POST', '/api/teams', { key, name })).status).toBe(201);
  const ids: Record<string, string> = {};
  for (const a of agents) {
    const r = await api('POST', '/api/agents', { capacity: 5, ...a, teams: [key] });
    expect(r.status).toBe(201);
    ids[a.name] = r.body.id;
  }
  return { key, ids };
}

async function playbook(name: string, config: Record<string, unknown>) {
  const key = `${name}-${runId}`;
  await publishPinned(
    db,
    chain(key, [
      { id: 'start', kind: 'start', next: 'next' },
      { id: 'route', kind: 'route', config, next: 'routed' },
      { id: 'end', kind: 'end' },
    ]),
  );
  return key;
}

let seq = 0;
const send = (playbook: string, customer: string, extra: Record<string, any> = {}) =>
  post({
    channel: 'x',
    externalId: `rt-${runId}-${++seq}`,
    playbook,
    text: extra.text ?? 'my order is two weeks late, where is it?',
    author: { id: `${customer}-${runId}`, handle: customer, followers: extra.followers ?? 100, verified: extra.verified ?? false },
  });
const routed = async (playbook: string, customer: string, extra: Record<string, any> = {}) =>
  assignmentOf(db, (await send(playbook, customer, extra)).id);
const loads = async (teamKey: string) =>
  Object.fromEntries(
    (await api('GET', '/api/agents')).body
      .filter((a: { teams: string[] }) => a.teams.includes(teamKey))
      .map((a: { name: string; load: number }) => [a.name, a.load]),
  );

test('least busy: each new case goes to the agent with the fewest open cases', async () => {
  const t = await team('lb', [{ name: 'Ann' }, { name: 'Ben' }, { name: 'Cas' }]);
  const pb = await playbook('lb', { team: t.key, strategy: 'least_busy', mode: 'push' });
  const got = [];
  for (let i = 0; i < 6; i++) got.push((await routed(pb, `lb-c${i}`)).agent_name);
  expect(new Set(got.slice(0, 3)).size).toBe(3);
  expect(new Set(got.slice(3)).size).toBe(3);
  expect(await loads(t.key)).toEqual({ Ann: 2, Ben: 2, Cas: 2 });
});

test('round robin: turns rotate whatever the load', async () => {
  const t = await team('rr', [{ name: 'Dee' }, { name: 'Eli' }]);
  const busy = await playbook('rr-load', { team: t.key, strategy: 'least_busy', mode: 'push' });
  const pb = await playbook('rr', { team: t.key, strategy: 'round_robin', mode: 'push' });
  // Load Dee with two cases first: least-busy would now pick Eli twice; round robin alternates.
  await api('PUT', `/api/agents/${t.ids.Eli}/availability`, { available: false });
  await routed(busy, 'rr-pre1');
  await routed(busy, 'rr-pre2');
  await api('PUT', `/api/agents/${t.ids.Eli}/availability`, { available: true });
  const got = [];
  for (let i = 0; i < 4; i++) got.push((await routed(pb, `rr-c${i}`)).agent_name);
  expect(got).toEqual(['Eli', 'Dee', 'Eli', 'Dee']);
  expect((await routed(pb, 'rr-c4')).strategy).toBe('round_robin');
});

test("sticky: the same customer's next message goes to the case's agent, at no extra capacity; unavailable → least busy", async () => {
  const t = await team('st', [
    { name: 'Fay', capacity: 1 },
    { name: 'Gus', capacity: 1 },
  ]);
  const pb = await playbook('st', { team: t.key, strategy: 'sticky', mode: 'push' });
  const first = await routed(pb, 'st-angela');
  const other = await routed(pb, 'st-bob');
  expect(other.agent_id).not.toBe(first.agent_id);
  const again = await routed(pb, 'st-angela');
  expect(again.agent_id).toBe(first.agent_id); // even at capacity 1: it is the same case
  expect(again.case_id).toBe(first.case_id);
  expect(again.reason).toBe("sticky: the case's agent");
  expect(Object.values(await loads(t.key)).sort()).toEqual([1, 1]);

  // Her agent goes off duty and the other one is full: the newcomer with room gets her.
  const hugo = await api('POST', '/api/agents', { name: 'Hugo', capacity: 2, teams: [t.key] });
  await api('PUT', `/api/agents/${first.agent_id}/availability`, { available: false });
  const away = await routed(pb, 'st-angela');
  expect(away.agent_id).toBe(hugo.body.id);
  expect(away.reason).toMatch(/the case's agent is unavailable; least busy instead/);
  await api('PUT', `/api/agents/${first.agent_id}/availability`, { available: true });
});

test('skills: the node skills plus the language and channel agents declare', async () => {
  const t = await team('sk', [
    { name: 'Hal', languages: ['de'], skills: ['billing'] },
    { name: 'Ida', languages: ['en'], skills: ['billing'], channels: ['email'] },
    { name: 'Jon', languages: ['en'], skills: ['billing'], channels: ['x'] },
    { name: 'Kim', languages: [], skills: [] },
  ]);
  const pb = await playbook('sk', { team: t.key, strategy: 'least_busy', mode: 'push', skills: ['billing'] });
  const a = await routed(pb, 'sk-1', {
    text: 'Hello, I was billed twice this month for the same order. Could you please refund the extra payment?',
  });
  expect(a.agent_name).toBe('Jon'); // English, on X, with billing
  expect(a.required_skills).toEqual(['billing']);
  const es = await routed(pb, 'sk-2', { text: 'Hola, me cobraron dos veces por mi pedido, necesito un reembolso por favor' });
  expect(es).toMatchObject({ status: 'queued', agent_id: null });
  expect(es.reason).toMatch(/Hal: does not speak es.*Ida: does not speak es.*Jon: does not speak es.*Kim: lacks billing/);
});

test('capacity is never exceeded when many arrive at once; the rest wait in the queue', async () => {
  const t = await team('cap', [
    { name: 'Lou', capacity: 2 },
    { name: 'Max', capacity: 2 },
  ]);
  const pb = await playbook('cap', { team: t.key, strategy: 'least_busy', mode: 'push' });
  const posted = await Promise.all(Array.from({ length: 12 }, (_, i) => send(pb, `cap-c${i}`)));
  const decisions = await Promise.all(posted.map((p) => assignmentOf(db, p.id)));
  const byStatus = decisions.reduce((m: Record<string, number>, d) => ({ ...m, [d.status]: (m[d.status] ?? 0) + 1 }), {});
  expect(byStatus).toEqual({ assigned: 4, queued: 8 });
  expect(await loads(t.key)).toEqual({ Lou: 2, Max: 2 });
  const queue = (await api('GET', `/api/routing/queues?team=${t.key}`)).body;
  expect(queue).toEqual([{ team: t.key, items: expect.any(Array) }]);
  expect(queue[0].items).toHaveLength(8);
});

test('a retried route (same idempotency key, even concurrently) decides once', async () => {
  const t = await team('idem', [{ name: 'Ned', capacity: 5 }]);
  const pb = await playbook('idem', { team: t.key, strategy: 'least_busy', mode: 'push' });
  const first = await routed(pb, 'idem-c1');
  const ds = new DataSource(dataSourceOptions(process.env.DATABASE_URL));
  await ds.initialize();
  try {
    const input = {
      interactionId: first.interaction_id,
      nodeId: 'retry',
      idempotencyKey: `${first.interaction_id}:retry:1:0`,
      team: t.key,
      skills: [],
      strategy: 'least_busy' as const,
      mode: 'push' as const,
      tier: 'first',
      influence: 10,
    };
    const results = await Promise.all([routeInteraction(ds, input), routeInteraction(ds, input), routeInteraction(ds, input)]);
    expect(new Set(results.map((r) => r.assignmentId)).size).toBe(1);
    expect(results[0]).toMatchObject({ status: 'assigned', agentName: 'Ned', team: t.key });
    const rows = await db.query(
      `SELECT (SELECT count(*) FROM assignments WHERE idempotency_key = $1)::int AS a, (SELECT count(*) FROM work_items WHERE idempotency_key = $1)::int AS w`,
      [input.idempotencyKey],
    );
    expect(rows.rows[0]).toEqual({ a: 1, w: 1 });
  } finally {
    await ds.destroy();
  }
});

test('pull queues for the team until an agent takes it; push with nobody free queues, and an agent coming back takes it', async () => {
  const t = await team('pp', [{ name: 'Oli', capacity: 3 }]);
  const pull = await playbook('pp-pull', { team: t.key, strategy: 'least_busy', mode: 'pull' });
  const push = await playbook('pp-push', { team: t.key, strategy: 'least_busy', mode: 'push' });
  const queued = await routed(pull, 'pp-1');
  expect(queued).toMatchObject({ status: 'queued', agent_id: null, mode: 'pull' });
  const taken = await api('POST', `/api/routing/queues/${t.key}/pull`, { agentId: t.ids.Oli });
  expect(taken).toMatchObject({ status: 200, body: { assignment: { assignmentId: queued.id, status: 'assigned', agentName: 'Oli' } } });
  expect((await api('POST', `/api/routing/queues/${t.key}/pull`, { agentId: t.ids.Oli })).body).toEqual({ assignment: null });

  await api('PUT', `/api/agents/${t.ids.Oli}/availability`, { available: false });
  const waiting = await routed(push, 'pp-2');
  expect(waiting).toMatchObject({ status: 'queued', mode: 'push' });
  expect(waiting.reason).toMatch(/no agent free \(Oli: unavailable\)/);
  const back = await api('PUT', `/api/agents/${t.ids.Oli}/availability`, { available: true });
  expect(back.body.assigned.map((a: { assignmentId: string }) => a.assignmentId)).toEqual([waiting.id]);
  expect(back.body.agent).toMatchObject({ available: true, load: 2 });
  const caseRow = await db.query(`SELECT agent_id FROM cases WHERE id = $1`, [waiting.case_id]);
  expect(caseRow.rows[0].agent_id).toBe(t.ids.Oli);
});

test('queue priority: first tier before second, then the most influence, then the most reach', async () => {
  const t = await team('prio', []);
  const pb = await playbook('prio', { team: t.key, strategy: 'least_busy', mode: 'pull' });
  const senders = [
    { who: 'prio-small', followers: 40, text: 'my order is two weeks late and nobody answers, this is terrible!' },
    { who: 'prio-fan', followers: 900, text: 'love the new menu, great job team' },
    { who: 'prio-mid', followers: 12_000, text: 'my card was charged twice, where is my refund??' },
    { who: 'prio-frank', followers: 2_400_000, verified: true, text: 'three weeks and still no refund. is anyone there?' },
    { who: 'prio-star', followers: 900_000, verified: true, text: 'the app crashes every time I try to pay, fix it!' },
  ];
  const rows = [];
  for (const s of senders) rows.push(await routed(pb, s.who, s));
  const queue = (await api('GET', `/api/routing/queues?team=${t.key}`)).body[0].items;
  const weight: Record<string, number> = { first: 3, second: 2, noise: 1 };
  const expected = [...rows]
    .sort((a, b) => weight[b.tier] - weight[a.tier] || b.influence - a.influence || Number(b.followers) - Number(a.followers))
    .map((r) => r.interaction_id);
  expect(queue.map((q: { interactionId: string }) => q.interactionId)).toEqual(expected);
  // Frank (2.4M) and the star (900k) both score 100: reach breaks the tie.
  const frank = queue.findIndex((q: { followers: number }) => q.followers === 2_400_000);
  const star = queue.findIndex((q: { followers: number }) => q.followers === 900_000);
  if (queue[frank].tier === queue[star].tier) expect(frank).toBeLessThan(star);
  expect(queue[0].priority).toBeGreaterThanOrEqual(queue[queue.length - 1].priority);
});

describe('bad input gets a clear 4xx and writes nothing', () => {
  test('agents and teams', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM agents`)).rows[0].n;
    const unknown = await api('POST', '/api/agents', { name: 'Nobody', teams: ['no-such-team'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toMatch(/unknown team\(s\): no-such-team/);
    const bad = await api('POST', '/api/agents', { name: '', capacity: -1, languages: ['english'], channels: ['fax'] });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['capacity', 'channels.0', 'languages.0', 'name']);
    expect((await db.query(`SELECT count(*)::int AS n FROM agents`)).rows[0].n).toBe(before);
    expect((await api('POST', '/api/teams', { key: 'Bad Key', name: 'x' })).status).toBe(400);
    expect((await api('POST', '/api/teams', { key: 'care', name: 'again' })).status).toBe(409);
    expect((await api('PUT', '/api/agents/00000000-0000-4000-8000-000000000000/availability', { available: true })).status).toBe(404);
    expect((await api('PUT', '/api/agents/00000000-0000-4000-8000-000000000000/availability', { available: 'yes' })).status).toBe(400);
  });
  test('pulling from a team one is not in', async () => {
    const t = await team('nope', [{ name: 'Pat' }]);
    const r = await api('POST', `/api/routing/queues/care/pull`, { agentId: t.ids.Pat });
    expect(r.status).toBe(422);
  });
});

test('the demo teams and agents are there on first start', async () => {
  const teams = (await api('GET', '/api/teams')).body.map((t: { key: string }) => t.key);
  expect(teams).toEqual(expect.arrayContaining(['care', 'priority', 'engagement', 'care-leads']));
  await eventually(async () =>
    (await api('GET', '/api/agents')).body.some((a: { email: string }) => a.email === 'agent@demo') ? true : undefined,
  );
});
