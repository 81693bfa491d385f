import { Client } from 'pg';
import { api } from './support/http';
import { publishPlaybook, waitFor } from './support/playbooks';

/** Crises: declared and stood down by people, or detected from a volume spike. */
let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(() => db.end());

const spike = {
  key: 'crisis-spike-test',
  name: 'Crisis spike test',
  settings: { crisisTopics: [{ topic: 'outage-test', query: 'outage OR "site down"', threshold: 3, window: '10m' }] },
  nodes: [
    { id: 'start', kind: 'start', config: {} },
    { id: 'crisis', kind: 'crisis', config: { topic: 'outage-test' } },
    { id: 'holding', kind: 'tag', config: { tags: ['holding'] } },
    { id: 'normal', kind: 'tag', config: { tags: ['normal'] } },
    { id: 'end', kind: 'end', config: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'crisis' },
    { id: 'e2', source: 'crisis', sourceHandle: 'crisis', target: 'holding' },
    { id: 'e3', source: 'crisis', sourceHandle: 'normal', target: 'normal' },
    { id: 'e4', source: 'holding', sourceHandle: 'next', target: 'end' },
    { id: 'e5', source: 'normal', sourceHandle: 'next', target: 'end' },
  ],
};
const post = async (n: number, text: string) => {
  const r = await api('POST', '/api/interactions', {
    channel: 'x',
    externalId: `spike-${n}`,
    author: { id: `s-${n}` },
    text,
    playbook: 'crisis-spike-test',
  });
  return waitFor(r.body.id, (x) => x.status === 'completed');
};

test('three messages about an outage within ten minutes declare the crisis; stand-down ends it', async () => {
  await publishPlaybook(spike);
  expect((await post(1, 'is there an outage? site down for me')).tags).toEqual(['normal']);
  expect((await post(2, 'love the new colours')).tags).toEqual(['normal']); // not about the topic: not counted
  expect((await post(3, 'outage again, seriously')).tags).toEqual(['normal']);
  const third = await post(4, 'the site down AGAIN?! outage #3');
  expect(third.tags).toEqual(['holding']);
  expect(third.facts.crisis).toEqual({ active: true, topics: ['outage-test'] });
  expect(third.facts.priority.tier).toBe('first');

  const active = (await api('GET', '/api/crises?status=active')).body.filter((c: any) => c.topic === 'outage-test');
  expect(active).toEqual([
    expect.objectContaining({ status: 'active', declaredBy: expect.stringMatching(/^detector: 3 messages within 10m/) }),
  ]);
  expect((await post(5, 'still an outage')).tags).toEqual(['holding']);

  const down = await api('POST', `/api/crises/${active[0].id}/stand-down`, {}, { as: 'manager@demo' });
  expect(down).toMatchObject({ status: 201, body: { status: 'stood_down', stoodDownBy: 'manager@demo' } });
  expect((await api('POST', `/api/crises/${active[0].id}/stand-down`, {}, { as: 'manager@demo' })).status).toBe(409);
  // A message after the stand-down is the first of a new window only if it crosses the threshold again.
  await db.query(`UPDATE interactions SET received_at = received_at - interval '1 hour' WHERE external_id LIKE 'spike-%'`);
  expect((await post(6, 'outage over?')).tags).toEqual(['normal']);
});

test('people declare and stand down crises; bad requests get 4xx', async () => {
  const d = await api('POST', '/api/crises', { topic: 'discount-link-test' }, { as: 'manager@demo' });
  expect(d).toMatchObject({ status: 201, body: { topic: 'discount-link-test', status: 'active', declaredBy: 'manager@demo' } });
  expect((await api('POST', '/api/crises', { topic: 'discount-link-test' }, { as: 'manager@demo' })).status).toBe(409);
  expect((await api('POST', '/api/crises', { topic: '  ' }, { as: 'manager@demo' })).status).toBe(400);
  expect((await api('POST', '/api/crises/00000000-0000-4000-8000-000000000000/stand-down', {}, { as: 'manager@demo' })).status).toBe(404);
  expect((await api('POST', `/api/crises/${d.body.id}/stand-down`, {}, { as: 'manager@demo' })).status).toBe(201);
});
