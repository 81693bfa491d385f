import { Client } from 'pg';
import { api } from './support/http';
import { chain } from './support/playbooks';
import { ensureUser } from './support/users';

/**
 * Four-eyes publishing on the real stack: with the workspace rule on, a manager's publish is a
 * request that another manager approves (publishing the snapshot) or rejects with a reason.
 */
const KEY = 'pb-four-eyes-test';
const graph = (tag: string) =>
  chain(KEY, [
    { id: 'start', kind: 'start', config: { channels: ['email'] }, next: 'next' },
    { id: 'tag', kind: 'tag', config: { tags: [tag] }, next: 'next' },
    { id: 'end', kind: 'end' },
  ]);
const M1 = { as: 'manager@demo' };
const M2 = { as: 'manager2@demo' };
const fourEyes = (on: boolean) => api('PATCH', '/api/workspace/settings', { fourEyesPublish: on }, { as: 'admin@demo' });
const versions = async () => (await api('GET', `/api/playbooks/${KEY}/versions`)).body as any[];

let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  await ensureUser(db, 'manager2@demo', 'manager', 'Second Manager');
  expect((await api('POST', '/api/playbooks', graph('one'), M1)).status).toBe(201);
  expect((await api('POST', `/api/playbooks/${KEY}/publish`, { note: 'before the rule' }, M1)).status).toBe(201);
  expect((await fourEyes(true)).body).toMatchObject({ fourEyesPublish: true });
});
afterAll(async () => {
  // Other test files publish alone.
  await fourEyes(false);
  await db.query(`UPDATE playbooks SET live_since = '2000-01-01' WHERE key = $1`, [KEY]);
  await db.end();
});

test('a publish becomes a pending request; another manager’s approval publishes its snapshot, not the later draft', async () => {
  expect((await api('PUT', `/api/playbooks/${KEY}/draft`, graph('two'), M1)).status).toBe(200);
  const asked = await api('POST', `/api/playbooks/${KEY}/publish`, { note: 'tag two' }, M1);
  expect(asked.status).toBe(202);
  expect(asked.body.request).toMatchObject({
    id: expect.any(String),
    status: 'pending',
    requestedBy: 'manager@demo',
    note: 'tag two',
    problems: [],
    changes: { nodesChanged: 1, nodesAdded: 0 },
  });
  expect(asked.body.request.snapshot.nodes[1].config.tags).toEqual(['two']);
  const id = asked.body.request.id;
  expect(await versions()).toHaveLength(1);

  // The draft moves on after the request: the approval must not publish this.
  expect((await api('PUT', `/api/playbooks/${KEY}/draft`, graph('three'), M1)).status).toBe(200);

  const pending = await api('GET', `/api/playbooks/${KEY}/publish-requests`, undefined, { as: 'viewer@demo' });
  expect(pending.status).toBe(200);
  expect(pending.body.map((r: any) => [r.id, r.status])).toEqual([[id, 'pending']]);

  const own = await api('POST', `/api/playbooks/${KEY}/publish-requests/${id}/approve`, undefined, M1);
  expect(own.status).toBe(403);
  expect(own.body.message).toMatch(/another manager/);
  for (const as of ['viewer@demo', 'agent@demo', 'pr@demo', 'legal@demo'])
    expect((await api('POST', `/api/playbooks/${KEY}/publish-requests/${id}/approve`, undefined, { as })).status).toBe(403);
  expect(await versions()).toHaveLength(1);

  const approved = await api('POST', `/api/playbooks/${KEY}/publish-requests/${id}/approve`, undefined, M2);
  expect(approved.status).toBe(201);
  expect(approved.body.request).toMatchObject({ status: 'approved', decidedBy: 'manager2@demo', version: 2 });
  expect(approved.body.published).toMatchObject({ version: 2, note: 'tag two', publishedBy: 'manager@demo' });
  const live = await api('GET', `/api/playbooks/${KEY}/versions/2`);
  expect(live.body).toMatchObject({ live: true, note: 'tag two' });
  expect(live.body.graph.nodes[1].config.tags).toEqual(['two']);
  expect((await api('GET', `/api/playbooks/${KEY}`)).body.draft.nodes[1].config.tags).toEqual(['three']);
  expect((await versions())[0]).toMatchObject({ version: 2, publishedBy: 'manager@demo', approvedBy: 'manager2@demo', live: true });

  // Deciding twice is a conflict, whichever way.
  expect((await api('POST', `/api/playbooks/${KEY}/publish-requests/${id}/approve`, undefined, { as: 'admin@demo' })).status).toBe(409);
  expect((await api('POST', `/api/playbooks/${KEY}/publish-requests/${id}/reject`, { reason: 'late' }, M2)).status).toBe(409);
  expect((await api('GET', `/api/playbooks/${KEY}/publish-requests`)).body).toEqual([]);
  expect((await api('GET', `/api/playbooks/${KEY}/publish-requests?status=approved`)).body.map((r: any) => r.id)).toEqual([id]);
  expect(await versions()).toHaveLength(2);
});

test('a rejection needs a reason and publishes nothing; a draft with errors is refused before any request', async () => {
  const asked = await api('POST', `/api/playbooks/${KEY}/publish`, { note: 'tag three' }, { as: 'manager2@demo' });
  expect(asked.status).toBe(202);
  const id = asked.body.request.id;
  const noReason = await api('POST', `/api/playbooks/${KEY}/publish-requests/${id}/reject`, {}, M1);
  expect(noReason.status).toBe(400);
  expect(noReason.body.problems).toEqual([expect.objectContaining({ path: 'reason' })]);
  for (const as of ['viewer@demo', 'agent@demo'])
    expect((await api('POST', `/api/playbooks/${KEY}/publish-requests/${id}/reject`, { reason: 'no' }, { as })).status).toBe(403);

  const rejected = await api('POST', `/api/playbooks/${KEY}/publish-requests/${id}/reject`, { reason: 'tag three is premature' }, M1);
  expect(rejected.status).toBe(200);
  expect(rejected.body.request).toMatchObject({
    status: 'rejected',
    decidedBy: 'manager@demo',
    reason: 'tag three is premature',
    version: null,
  });
  expect((await api('POST', `/api/playbooks/${KEY}/publish-requests/${id}/approve`, undefined, { as: 'admin@demo' })).status).toBe(409);
  expect(await versions()).toHaveLength(2);

  const broken = graph('four');
  broken.edges.pop();
  expect((await api('PUT', `/api/playbooks/${KEY}/draft`, broken, M1)).status).toBe(200);
  const refused = await api('POST', `/api/playbooks/${KEY}/publish`, { note: 'broken' }, M1);
  expect(refused.status).toBe(422);
  expect(refused.body.problems.length).toBeGreaterThan(0);
  expect((await api('GET', `/api/playbooks/${KEY}/publish-requests?status=all`)).body.map((r: any) => r.status)).toEqual([
    'rejected',
    'approved',
  ]);

  expect((await api('POST', `/api/playbooks/${KEY}/publish-requests/not-an-id/approve`, undefined, M2)).status).toBe(404);
  expect((await api('POST', `/api/playbooks/${KEY}/publish-requests/${crypto.randomUUID()}/approve`, undefined, M2)).status).toBe(404);
  expect((await api('GET', `/api/playbooks/${KEY}/publish-requests?status=maybe`)).status).toBe(422);
});

test('two managers approving at once: one publishes, the other gets a 409', async () => {
  expect((await api('PUT', `/api/playbooks/${KEY}/draft`, graph('race'), M1)).status).toBe(200);
  const asked = await api('POST', `/api/playbooks/${KEY}/publish`, { note: 'race' }, M1);
  expect(asked.status).toBe(202);
  const path = `/api/playbooks/${KEY}/publish-requests/${asked.body.request.id}/approve`;
  const [a, b] = await Promise.all([api('POST', path, undefined, M2), api('POST', path, undefined, { as: 'admin@demo' })]);
  expect([a.status, b.status].sort()).toEqual([201, 409]);
  expect((await versions()).map((v) => v.note)).toEqual(['race', 'tag two', 'before the rule']);
});

test('with the rule off again, a publish goes live at once', async () => {
  expect((await fourEyes(false)).body).toMatchObject({ fourEyesPublish: false });
  expect((await api('PUT', `/api/playbooks/${KEY}/draft`, graph('five'), M1)).status).toBe(200);
  const published = await api('POST', `/api/playbooks/${KEY}/publish`, { note: 'alone' }, M1);
  expect(published.status).toBe(201);
  expect(published.body).toMatchObject({ version: 4, note: 'alone', publishedBy: 'manager@demo' });
});
