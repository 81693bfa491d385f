import { Client } from 'pg';
import { api, eventually } from './support/http';

/** The walking skeleton end to end, on the real Postgres and the real Temporal server. */
let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(() => db.end());

const message = (externalId: string, text: string, extra: Record<string, unknown> = {}) => ({
  channel: 'x',
  externalId,
  author: { id: `author-${externalId}`, handle: 'angela', name: 'Angela Smith', followers: 150 },
  text,
  ...extra,
});

test('health reports both servers up', async () => {
  expect(await api('GET', '/api/health')).toEqual({ status: 200, body: { status: 'ok', postgres: 'up', temporal: 'up' } });
});

test('a published example playbook routes a first-tier message and the path is in Postgres', async () => {
  const pb = await api('GET', '/api/playbooks/social-care');
  expect(pb.status).toBe(200);
  expect(await api('PUT', '/api/playbooks/social-care/draft', pb.body.draft)).toMatchObject({ status: 200, body: { problems: [] } });
  const published = await api('POST', '/api/playbooks/social-care/publish', { note: 'integration test' });
  expect(published.status).toBe(201);
  expect(published.body.version).toBeGreaterThanOrEqual(2);

  const posted = await api('POST', '/api/interactions', {
    ...message('int-route-1', '@brand where is my order?? two weeks late, this is terrible'),
    account: 'brand-main',
  });
  expect(posted.status).toBe(202);
  expect(posted.body).toEqual({ id: expect.any(String), workflowId: 'interaction:x:int-route-1', playbookVersionId: published.body.id });

  const run = await eventually(
    async () => {
      const r = await api('GET', `/api/interactions/${posted.body.id}`);
      return r.body.waiting?.nodeId === 'task' ? r.body : undefined;
    },
    30_000,
    'the run to reach the agent task',
  );
  expect(run.playbookVersion).toEqual({ id: published.body.id, playbook: 'social-care', version: published.body.version });
  expect(run.account).toBe('brand-main'); // the generic endpoint takes the brand account too
  expect(run.facts.priority.tier).toBe('first');
  expect(run.path.map((s: { nodeId: string; outcome?: string }) => [s.nodeId, s.outcome])).toEqual([
    ['start', 'next'],
    ['crisis', 'normal'],
    ['pii', 'none'],
    ['priority', 'first'],
    ['customer', 'standard'],
    ['route-care', 'routed'],
    ['task', undefined],
  ]);

  const row = await db.query(`SELECT status, path, playbook_version_id FROM interactions WHERE id = $1`, [posted.body.id]);
  expect(row.rows[0].status).toBe('waiting');
  expect(row.rows[0].path.map((s: { nodeId: string }) => s.nodeId)).toContain('route-care');
  const assignment = await db.query(`SELECT kind, status, payload FROM work_items WHERE interaction_id = $1 AND kind = 'assignment'`, [
    posted.body.id,
  ]);
  expect(assignment.rows).toEqual([
    { kind: 'assignment', status: 'assigned', payload: expect.objectContaining({ team: 'care', mode: 'push' }) },
  ]);
});

test('the same webhook again is a no-op: same id, one row, one workflow', async () => {
  const first = await api('POST', '/api/interactions', message('int-dup-1', 'my card was charged twice!!'));
  const again = await api('POST', '/api/interactions', message('int-dup-1', 'my card was charged twice!! (redelivered)'));
  expect(again).toEqual({ status: 202, body: first.body });
  const rows = await db.query(`SELECT text FROM interactions WHERE channel = 'x' AND external_id = 'int-dup-1'`);
  expect(rows.rows).toEqual([{ text: 'my card was charged twice!!' }]);
  await eventually(async () => ((await api('GET', `/api/interactions/${first.body.id}`)).body.waiting ? true : undefined));
  const items = await db.query(`SELECT count(*)::int AS n FROM work_items WHERE interaction_id = $1 AND kind = 'assignment'`, [
    first.body.id,
  ]);
  expect(items.rows[0].n).toBe(1);
});

test('a decision moves a waiting run on; an outcome the node lacks is refused with 422', async () => {
  const posted = await api('POST', '/api/interactions', message('int-decide-1', '@brand my parcel is lost, can you help?'));
  await eventually(async () =>
    (await api('GET', `/api/interactions/${posted.body.id}`)).body.waiting?.waitFor === 'task' ? true : undefined,
  );
  const bad = await api(
    'POST',
    `/api/interactions/${posted.body.id}/decisions`,
    { nodeId: 'task', outcome: 'teleport' },
    { as: 'agent@demo' },
  );
  expect(bad.status).toBe(422);
  expect(bad.body.message).toMatch(/"teleport" is not a decision/);
  expect(
    (await api('POST', `/api/interactions/${posted.body.id}/decisions`, { nodeId: 'task', outcome: 'answered' }, { as: 'agent@demo' }))
      .status,
  ).toBe(201);
  const done = await eventually(async () => {
    const r = await api('GET', `/api/interactions/${posted.body.id}`);
    return r.body.status === 'completed' ? r.body : undefined;
  });
  expect(done.path.map((s: { nodeId: string }) => s.nodeId).slice(-3)).toEqual(['task', 'resolve', 'end']);
});

describe('bad input gets a clear 4xx and writes nothing', () => {
  test('malformed JSON', async () => {
    const r = await api('POST', '/api/interactions', '{"channel": "x",');
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/not valid JSON/);
  });
  test('missing and wrong fields are listed by path', async () => {
    const r = await api('POST', '/api/interactions', { channel: 'myspace', externalId: '', author: {}, text: 'hi' });
    expect(r.status).toBe(400);
    expect(r.body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['author.id', 'channel', 'externalId']);
    const rows = await db.query(`SELECT count(*)::int AS n FROM interactions WHERE external_id = ''`);
    expect(rows.rows[0].n).toBe(0);
  });
  test('unknown interaction and playbook', async () => {
    expect((await api('GET', '/api/interactions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api('GET', '/api/interactions/not-a-uuid')).status).toBe(400);
    expect((await api('GET', '/api/playbooks/nope')).status).toBe(404);
    const r = await api('POST', '/api/interactions', message('int-nopb', 'hello', { playbook: 'nope' }));
    expect(r.status).toBe(422);
    expect((await db.query(`SELECT count(*)::int AS n FROM interactions WHERE external_id = 'int-nopb'`)).rows[0].n).toBe(0);
  });
  test('publishing an invalid draft is refused with 422 and the problem list; nothing is published', async () => {
    const before = await api('GET', '/api/playbooks/escalation-map/versions');
    const pb = (await api('GET', '/api/playbooks/escalation-map')).body.draft;
    const broken = {
      ...pb,
      nodes: pb.nodes.map((n: { id: string; config: object }) => (n.id === 'legal-risk' ? { ...n, config: { query: 'lawyer AND (' } } : n)),
      edges: pb.edges.filter((e: { id: string }) => e.id !== 'e-not-legal'),
    };
    const saved = await api('PUT', '/api/playbooks/escalation-map/draft', broken);
    expect(saved.status).toBe(200);
    expect(
      saved.body.problems
        .filter((p: { severity: string }) => p.severity === 'error')
        .map((p: { code: string }) => p.code)
        .sort(),
    ).toEqual(['query', 'unconnected_outcome']);
    const r = await api('POST', '/api/playbooks/escalation-map/publish', {});
    expect(r.status).toBe(422);
    expect(r.body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'query', nodeId: 'legal-risk', path: 'config.query' }),
        expect.objectContaining({ code: 'unconnected_outcome', nodeId: 'legal-risk' }),
      ]),
    );
    expect((await api('GET', '/api/playbooks/escalation-map/versions')).body).toEqual(before.body);
    await api('PUT', '/api/playbooks/escalation-map/draft', pb);
  });
});

test('OpenAPI describes the api', async () => {
  const r = await api('GET', '/api/docs/json');
  expect(r.status).toBe(200);
  expect(Object.keys(r.body.paths)).toEqual(
    expect.arrayContaining([
      '/api/interactions',
      '/api/interactions/{id}',
      '/api/playbooks',
      '/api/playbooks/{key}/publish',
      '/api/health',
    ]),
  );
});
