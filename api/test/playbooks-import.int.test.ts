import { readFileSync } from 'fs';
import { join } from 'path';
import { Client } from 'pg';
import { api } from './support/http';
import { repoRoot } from './support/stack';

/** Import on the real stack: the exported file or a bare playbook, all or nothing. */
let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(() => db.end());

const asManager = { as: 'manager@demo' };
const example = () => JSON.parse(readFileSync(join(repoRoot, 'playbooks', 'influencer.json'), 'utf8'));
const counts = async () => {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM playbooks)::int AS playbooks, (SELECT count(*) FROM playbook_versions)::int AS versions,
            (SELECT md5(string_agg(draft::text, ',' ORDER BY key)) FROM playbooks) AS drafts`,
  );
  return rows[0];
};

test('an exported file imports as a new playbook whose draft is the exported graph; nothing is published', async () => {
  const exported = await api('GET', '/api/playbooks/influencer/export?version=1', undefined, asManager);
  expect(exported.status).toBe(200);
  const file = { ...exported.body, key: 'pb-import-copy', name: 'Influencer (copy)' };
  const before = await counts();

  const r = await api('POST', '/api/playbooks/import', file, asManager);
  expect(r.status).toBe(201);
  expect(r.body).toEqual({ key: 'pb-import-copy', created: true, problems: [] });
  const got = (await api('GET', '/api/playbooks/pb-import-copy')).body;
  expect(got).toMatchObject({ name: 'Influencer (copy)', liveVersion: null, archived: false, problems: [] });
  const { $export: _, ...graph } = file;
  expect(got.draft).toEqual(graph);
  expect(await counts()).toMatchObject({ playbooks: before.playbooks + 1, versions: before.versions });

  // The import of the same key again is a conflict unless it asks to replace the draft.
  const again = await api('POST', '/api/playbooks/import', file, asManager);
  expect(again.status).toBe(409);
  expect(again.body.message).toMatch(/mode=draft/);
  const edited = { ...file, name: 'Influencer (edited)', nodes: file.nodes.map((n: any) => ({ ...n, label: `${n.label ?? n.id}!` })) };
  const replaced = await api('POST', '/api/playbooks/import?mode=draft', edited, asManager);
  expect(replaced.status).toBe(201);
  expect(replaced.body).toMatchObject({ key: 'pb-import-copy', created: false });
  const after = (await api('GET', '/api/playbooks/pb-import-copy')).body;
  expect(after.name).toBe('Influencer (edited)');
  expect(after.draft.nodes.every((n: any) => n.label.endsWith('!'))).toBe(true);
  expect(await counts()).toMatchObject({ playbooks: before.playbooks + 1, versions: before.versions });
});

test('a bare playbook imports too, and the validator’s problems (an unknown template) come back with the saved draft', async () => {
  const pb = example();
  pb.key = 'pb-import-bare';
  pb.nodes.find((n: any) => n.kind === 'draft').config.template = 'no-such-template';
  const r = await api('POST', '/api/playbooks/import', pb, { as: 'admin@demo' });
  expect(r.status).toBe(201);
  expect(r.body.created).toBe(true);
  expect(r.body.problems).toEqual([
    expect.objectContaining({ code: 'missing_template', path: 'config.template', message: expect.stringMatching(/no-such-template/) }),
  ]);
  // It is a draft: publishing it is what the problems refuse.
  const publish = await api('POST', '/api/playbooks/pb-import-bare/publish', {}, asManager);
  expect(publish.status).toBe(422);
  expect(publish.body.problems).toEqual([expect.objectContaining({ code: 'missing_template' })]);
});

test('a file that is not a playbook is a 422 with every field path, and nothing is written', async () => {
  const before = await counts();
  const bad = example();
  bad.key = 'pb-import-bad';
  bad.name = '';
  bad.nodes[0].id = 'not an id';
  bad.nodes[1].kind = 'teleport';
  bad.edges[0].target = 42;
  const r = await api('POST', '/api/playbooks/import', bad, asManager);
  expect(r.status).toBe(422);
  expect(r.body.message).toMatch(/not a valid playbook/);
  expect(r.body.problems.map((p: any) => p.path).sort()).toEqual(['edges.0.target', 'name', 'nodes.0.id', 'nodes.1.kind']);

  // Replacing an existing draft with a bad file leaves the draft as it was.
  const replace = await api('POST', '/api/playbooks/import?mode=draft', { ...bad, key: 'pb-import-copy' }, asManager);
  expect(replace.status).toBe(422);
  const foreign = await api('POST', '/api/playbooks/import', { ...example(), $export: { format: 'something-else' } }, asManager);
  expect(foreign.status).toBe(422);
  expect(foreign.body.problems).toEqual([expect.objectContaining({ path: '$export.format' })]);
  for (const body of ['[1, 2]', '{}', '"a string"']) {
    const res = await api('POST', '/api/playbooks/import', body, asManager);
    expect([400, 422]).toContain(res.status);
  }
  expect((await api('POST', '/api/playbooks/import', '{"key": ', asManager)).status).toBe(400);
  expect(
    (await api('POST', '/api/playbooks/import?mode=overwrite', { ...example(), key: 'pb-import-mode' }, asManager)).body,
  ).toMatchObject({
    statusCode: 422,
    problems: [expect.objectContaining({ path: 'mode' })],
  });
  expect(await counts()).toEqual(before);
  expect((await api('GET', '/api/playbooks/pb-import-bad')).status).toBe(404);
});

test('viewers, agents, PR and legal may not import; nothing is written', async () => {
  const before = await counts();
  for (const as of ['viewer@demo', 'agent@demo', 'pr@demo', 'legal@demo']) {
    const r = await api('POST', '/api/playbooks/import', { ...example(), key: 'pb-import-denied' }, { as });
    expect(r.status).toBe(403);
    expect((await api('POST', '/api/playbooks/import?mode=draft', { ...example(), key: 'pb-import-copy' }, { as })).status).toBe(403);
  }
  expect((await api('POST', '/api/playbooks/import', { ...example(), key: 'pb-import-denied' }, { as: null })).status).toBe(401);
  expect(await counts()).toEqual(before);
});

test('concurrent imports of one new key: one creates it, the others get a 409, none a 5xx', async () => {
  const file = { ...example(), key: 'pb-import-race' };
  const results = await Promise.all(Array.from({ length: 5 }, () => api('POST', '/api/playbooks/import', file, asManager)));
  expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
  const creates = await Promise.all(
    Array.from({ length: 3 }, () => api('POST', '/api/playbooks', { ...file, key: 'pb-create-race' }, asManager)),
  );
  expect(creates.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM playbooks WHERE key IN ('pb-import-race', 'pb-create-race')`);
  expect(rows[0].n).toBe(2);
});
