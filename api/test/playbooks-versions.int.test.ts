import { api } from './support/http';
import { chain } from './support/playbooks';

/** Publish notes and publishers, the diff of two versions, and export, on the real stack. */
const KEY = 'pb-versions-test';
const v1 = chain(KEY, [
  { id: 'start', kind: 'start', config: { channels: ['chat'] }, next: 'next' },
  { id: 'route', kind: 'route', config: { team: 'care' }, next: 'routed' },
  { id: 'end', kind: 'end' },
]);
const v2 = chain(KEY, [
  { id: 'start', kind: 'start', config: { channels: ['chat'] }, next: 'next' },
  { id: 'route', kind: 'route', config: { team: 'priority', skills: ['vip'] }, next: 'routed' },
  { id: 'tag', kind: 'tag', config: { tags: ['v2'] }, next: 'next' },
  { id: 'end', kind: 'end' },
]);
const asManager = { as: 'manager@demo' };

beforeAll(async () => {
  expect((await api('POST', '/api/playbooks', v1, asManager)).status).toBe(201);
  const first = await api('POST', `/api/playbooks/${KEY}/publish`, { note: 'first cut' }, asManager);
  expect(first.status).toBe(201);
  expect((await api('PUT', `/api/playbooks/${KEY}/draft`, v2, asManager)).status).toBe(200);
  const second = await api('POST', `/api/playbooks/${KEY}/publish`, {}, { as: 'admin@demo' });
  expect(second.status).toBe(201);
  expect(second.body).toMatchObject({ version: 2, publishedBy: 'admin@demo', note: null, problems: [] });
  // The draft moves on: the route node is dragged and the tag changed.
  const draft = structuredClone(v2) as any;
  draft.nodes[1].position = { x: 300, y: 40 };
  draft.nodes[2].config.tags = ['draft'];
  expect((await api('PUT', `/api/playbooks/${KEY}/draft`, draft, asManager)).status).toBe(200);
});

test('publish stores the change note, the signed-in publisher and the time; the versions list shows them to any role', async () => {
  const versions = await api('GET', `/api/playbooks/${KEY}/versions`, undefined, { as: 'viewer@demo' });
  expect(versions.status).toBe(200);
  expect(versions.body).toEqual([
    expect.objectContaining({ version: 2, note: null, publishedBy: 'admin@demo', approvedBy: null, live: true }),
    expect.objectContaining({ version: 1, note: 'first cut', publishedBy: 'manager@demo', approvedBy: null, live: false }),
  ]);
  const [newest, oldest] = versions.body.map((v: any) => Date.parse(v.publishedAt));
  expect(newest).toBeGreaterThanOrEqual(oldest);
  expect(Date.now() - oldest).toBeLessThan(10 * 60_000);
  // A note over the limit is refused before anything is written.
  expect((await api('POST', `/api/playbooks/${KEY}/publish`, { note: 'x'.repeat(2001) }, asManager)).status).toBe(400);
  expect((await api('GET', `/api/playbooks/${KEY}/versions`)).body).toHaveLength(2);
});

test('diff of two versions: nodes and edges added and changed by id, config at leaf paths', async () => {
  const d = await api('GET', `/api/playbooks/${KEY}/diff?from=1&to=2`, undefined, { as: 'agent@demo' });
  expect(d.status).toBe(200);
  expect(d.body).toMatchObject({ key: KEY, from: 1, to: 2 });
  expect(d.body.summary).toEqual({ nodesAdded: 1, nodesRemoved: 0, nodesChanged: 1, edgesAdded: 1, edgesRemoved: 0, edgesChanged: 1 });
  expect(d.body.nodes.added).toEqual([expect.objectContaining({ id: 'tag', kind: 'tag', config: { tags: ['v2'] } })]);
  expect(d.body.nodes.changed).toEqual([
    {
      id: 'route',
      kind: 'route',
      changes: [
        { path: 'config.team', before: 'care', after: 'priority' },
        { path: 'config.skills', after: ['vip'] },
      ],
    },
  ]);
  expect(d.body.edges.changed).toEqual([{ id: 'e-route', changes: [{ path: 'target', before: 'end', after: 'tag' }] }]);
  expect(d.body.edges.added).toEqual([{ id: 'e-tag', source: 'tag', sourceHandle: 'next', target: 'end' }]);

  const back = (await api('GET', `/api/playbooks/${KEY}/diff?from=2&to=1`)).body;
  expect(back.summary).toMatchObject({ nodesAdded: 0, nodesRemoved: 1, edgesRemoved: 1 });
  expect((await api('GET', `/api/playbooks/${KEY}/diff?from=2&to=2`)).body.summary).toEqual({
    nodesAdded: 0,
    nodesRemoved: 0,
    nodesChanged: 0,
    edgesAdded: 0,
    edgesRemoved: 0,
    edgesChanged: 0,
  });
});

test('diff against the draft (the default "to"), with and without position moves', async () => {
  const d = (await api('GET', `/api/playbooks/${KEY}/diff?from=2`)).body;
  expect(d.to).toBe('draft');
  expect(d.nodes.changed).toEqual([
    { id: 'route', kind: 'route', changes: [{ path: 'position', before: { x: 0, y: 0 }, after: { x: 300, y: 40 } }] },
    { id: 'tag', kind: 'tag', changes: [{ path: 'config.tags', before: ['v2'], after: ['draft'] }] },
  ]);
  const still = (await api('GET', `/api/playbooks/${KEY}/diff?from=2&to=draft&ignorePositions=true`)).body;
  expect(still.nodes.changed.map((c: any) => c.id)).toEqual(['tag']);
});

test.each([
  ['from is missing', '', 'from'],
  ['from is not a version', '?from=abc', 'from'],
  ['version 0', '?from=0', 'from'],
  ['to is not a version', '?from=1&to=latest', 'to'],
  ['ignorePositions is not a flag', '?from=1&ignorePositions=yes', 'ignorePositions'],
])('diff: %s is a 422 naming the parameter', async (_, query, path) => {
  const r = await api('GET', `/api/playbooks/${KEY}/diff${query}`);
  expect(r.status).toBe(422);
  expect(r.body.problems).toEqual([expect.objectContaining({ path })]);
});

test('diff: an unknown playbook or version is a 404', async () => {
  expect((await api('GET', '/api/playbooks/no-such-playbook/diff?from=1')).status).toBe(404);
  const r = await api('GET', `/api/playbooks/${KEY}/diff?from=1&to=99`);
  expect(r.status).toBe(404);
  expect(r.body.message).toMatch(/no version 99/);
});

test('export a version or the draft as a download any role may take; it is a playbook with where it came from', async () => {
  const res = await fetch(`${process.env.FIREBREAK_URL}/api/playbooks/${KEY}/export?version=1`, {
    headers: { authorization: `Bearer ${await (await import('./support/http')).tokenFor('viewer@demo')}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${KEY}-v1.json"`);
  const doc = await res.json();
  expect(doc.$export).toMatchObject({
    format: 'firebreak.playbook',
    formatVersion: 1,
    exportedBy: 'viewer@demo',
    source: { key: KEY, version: 1, note: 'first cut', publishedBy: 'manager@demo' },
  });
  const { $export: _, ...playbook } = doc;
  expect(playbook).toEqual((await api('GET', `/api/playbooks/${KEY}/versions/1`)).body.graph);

  const draft = await api('GET', `/api/playbooks/${KEY}/export`, undefined, { as: 'agent@demo' });
  expect(draft.status).toBe(200);
  expect(draft.body.$export.source).toEqual({ key: KEY, version: 'draft' });
  expect(draft.body.nodes.find((n: any) => n.id === 'tag').config.tags).toEqual(['draft']);

  expect((await api('GET', `/api/playbooks/${KEY}/export?version=7`)).status).toBe(404);
  expect((await api('GET', '/api/playbooks/no-such-playbook/export')).status).toBe(404);
  const bad = await api('GET', `/api/playbooks/${KEY}/export?version=v1`);
  expect(bad.status).toBe(422);
  expect(bad.body.problems).toEqual([expect.objectContaining({ path: 'version' })]);
});

test('viewers and agents read but may not publish, roll back or change a draft', async () => {
  for (const as of ['viewer@demo', 'agent@demo', 'pr@demo']) {
    expect((await api('POST', `/api/playbooks/${KEY}/publish`, {}, { as })).status).toBe(403);
    expect((await api('POST', `/api/playbooks/${KEY}/versions/1/rollback`, {}, { as })).status).toBe(403);
    expect((await api('PUT', `/api/playbooks/${KEY}/draft`, v1, { as })).status).toBe(403);
    expect((await api('POST', '/api/playbooks', { ...v1, key: 'pb-never' }, { as })).status).toBe(403);
    expect((await api('GET', `/api/playbooks/${KEY}`, undefined, { as })).status).toBe(200);
  }
  expect((await api('GET', `/api/playbooks/${KEY}/versions`, undefined, { as: null })).status).toBe(401);
  expect((await api('GET', `/api/playbooks/${KEY}/versions`)).body).toHaveLength(2);
  expect((await api('GET', '/api/playbooks/pb-never')).status).toBe(404);
});

test('the OpenAPI document describes the version endpoints', async () => {
  const doc = await api('GET', '/api/docs/json', undefined, { as: null });
  expect(doc.status).toBe(200);
  const paths = Object.keys(doc.body.paths);
  for (const path of [
    '/api/playbooks/{key}/diff',
    '/api/playbooks/{key}/export',
    '/api/playbooks/import',
    '/api/playbooks/{key}/archive',
    '/api/playbooks/{key}/unarchive',
    '/api/playbooks/{key}/publish-requests',
    '/api/playbooks/{key}/publish-requests/{id}/approve',
    '/api/playbooks/{key}/publish-requests/{id}/reject',
  ])
    expect(paths).toContain(path);
  expect(doc.body.paths['/api/playbooks/{key}/diff'].get.parameters.map((p: any) => p.name)).toEqual(
    expect.arrayContaining(['key', 'from', 'to', 'ignorePositions']),
  );
});
