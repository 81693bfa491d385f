import { api } from './support/http';
import { chain, publishPlaybook, waitFor } from './support/playbooks';

/** The crises api on the real stack: who declares and stands down comes from the sign-in, the list says who, when and how many were affected. */
const topic = `cx-api-${Date.now().toString(36)}`;
let n = 0;

beforeAll(async () => {
  await publishPlaybook(
    chain('cx-api-playbook', [
      { id: 'start', kind: 'start', config: { channels: ['chat'] }, next: 'next' },
      { id: 'tag', kind: 'tag', config: { tags: ['seen'] }, ends: ['next'] },
    ]),
  );
});

async function arrive() {
  const r = await api('POST', '/api/interactions', {
    channel: 'chat',
    externalId: `${topic}-${++n}`,
    visibility: 'private',
    playbook: 'cx-api-playbook',
    author: { id: `${topic}-author-${n}` },
    text: 'is the site down for everyone?',
  });
  expect(r.status).toBe(202);
  return waitFor(r.body.id, (x) => x.status === 'completed');
}

const listed = async (as: string, query = '') =>
  ((await api('GET', `/api/crises${query}`, undefined, { as })).body as Array<{ id: string; topic: string }>).find(
    (c) => c.topic === topic,
  );

test('PR declares, as themselves; the interactions analysed while it is active are counted; a manager stands it down, as themselves', async () => {
  const declared = await api('POST', '/api/crises', { topic, by: 'somebody-else@demo' }, { as: 'pr@demo' });
  expect(declared.status).toBe(201);
  expect(declared.body).toMatchObject({
    topic,
    status: 'active',
    declaredBy: 'pr@demo',
    declaredByName: 'Priya PR',
    stoodDownAt: null,
    stoodDownBy: null,
    affectedInteractions: 0,
  });
  const id = declared.body.id as string;

  const during = [await arrive(), await arrive()];
  for (const i of during) expect(i.facts.crisis.topics).toContain(topic);
  const active = await listed('viewer@demo', '?status=active');
  expect(active).toMatchObject({ id, status: 'active' });
  expect((active as unknown as { affectedInteractions: number }).affectedInteractions).toBeGreaterThanOrEqual(2);

  const down = await api('POST', `/api/crises/${id}/stand-down`, { by: 'somebody-else@demo' }, { as: 'manager@demo' });
  expect(down.status).toBe(201);
  expect(down.body).toMatchObject({
    status: 'stood_down',
    stoodDownBy: 'manager@demo',
    stoodDownByName: 'Maya Manager',
    declaredBy: 'pr@demo',
  });
  expect(new Date(down.body.stoodDownAt).getTime()).toBeGreaterThanOrEqual(new Date(down.body.declaredAt).getTime());
  const affected = down.body.affectedInteractions as number;
  expect(affected).toBeGreaterThanOrEqual(2);

  // After the stand-down nothing new is affected, and the crisis is in the past list only.
  const after = await arrive();
  expect(after.facts.crisis?.topics ?? []).not.toContain(topic);
  expect((await api('GET', `/api/crises/${id}`, undefined, { as: 'agent@demo' })).body).toMatchObject({ affectedInteractions: affected });
  expect(await listed('viewer@demo', '?status=active')).toBeUndefined();
  expect(await listed('viewer@demo', '?status=stood_down')).toMatchObject({ id });

  const again = await api('POST', `/api/crises/${id}/stand-down`, {}, { as: 'manager@demo' });
  expect(again).toMatchObject({ status: 409, body: { message: `the crisis on "${topic}" was already stood down` } });
});

test('only PR, managers and admins declare and stand down; everyone signed in reads; anonymous is refused', async () => {
  const mine = `${topic}-roles`;
  for (const as of ['viewer@demo', 'agent@demo', 'legal@demo']) {
    const r = await api('POST', '/api/crises', { topic: mine }, { as });
    expect([as, r.status]).toEqual([as, 403]);
    expect(r.body.message).toMatch(/may not POST/);
  }
  const d = await api('POST', '/api/crises', { topic: mine }, { as: 'admin@demo' });
  expect(d).toMatchObject({ status: 201, body: { declaredBy: 'admin@demo', declaredByName: 'Ada Admin' } });
  for (const as of ['viewer@demo', 'agent@demo', 'legal@demo']) {
    expect([as, (await api('POST', `/api/crises/${d.body.id}/stand-down`, {}, { as })).status]).toEqual([as, 403]);
    expect([as, (await api('GET', `/api/crises/${d.body.id}`, undefined, { as })).status]).toEqual([as, 200]);
  }
  expect((await api('GET', '/api/crises', undefined, { as: null })).status).toBe(401);
  expect((await api('GET', `/api/crises/${d.body.id}`)).body.status).toBe('active');
  expect((await api('POST', `/api/crises/${d.body.id}/stand-down`, {}, { as: 'pr@demo' })).body).toMatchObject({ stoodDownBy: 'pr@demo' });
});

test('bad requests: 400 with the field, 409 for a second active crisis on a topic, 404 for an unknown one', async () => {
  const blank = await api('POST', '/api/crises', { topic: '  ' }, { as: 'manager@demo' });
  expect(blank.status).toBe(400);
  expect(blank.body.problems).toEqual([{ path: 'topic', message: 'a crisis topic is required' }]);
  expect((await api('POST', '/api/crises', {}, { as: 'manager@demo' })).body.problems.map((p: { path: string }) => p.path)).toEqual([
    'topic',
  ]);
  const status = await api('GET', '/api/crises?status=over');
  expect(status.status).toBe(400);
  expect(status.body.problems.map((p: { path: string }) => p.path)).toEqual(['status']);

  const dup = `${topic}-dup`;
  expect((await api('POST', '/api/crises', { topic: dup }, { as: 'manager@demo' })).status).toBe(201);
  expect((await api('POST', '/api/crises', { topic: dup }, { as: 'pr@demo' })).body).toMatchObject({
    statusCode: 409,
    message: `a crisis on "${dup}" is already active`,
  });
  const active = await api('GET', '/api/crises?status=active');
  await api('POST', `/api/crises/${active.body.find((c: { topic: string }) => c.topic === dup).id}/stand-down`, {}, { as: 'manager@demo' });

  expect((await api('POST', '/api/crises/00000000-0000-4000-8000-000000000000/stand-down', {}, { as: 'manager@demo' })).status).toBe(404);
  expect((await api('GET', '/api/crises/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  expect((await api('GET', '/api/crises/not-a-uuid')).status).toBe(400);
});
