import { Client } from 'pg';
import { api, eventually, tokenFor } from './support/http';
import { chain, waitFor } from './support/playbooks';

/** The audit log on the real stack: captured requests and changes, search, export, the hash chain. */
let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(() => db.end());

type Row = Record<string, any>;
const search = async (query: string): Promise<{ items: Row[]; nextCursor: string | null }> => {
  const r = await api('GET', `/api/audit?${query}`);
  expect(r.status).toBe(200);
  return r.body;
};
/** Rows are committed before the response leaves; the search still waits a little, for the slow machine's sake. */
const rowsFor = (query: string, count = 1) =>
  eventually(
    async () => {
      const { items } = await search(query);
      return items.length >= count ? items : undefined;
    },
    15_000,
    `audit rows for ${query}`,
  );
const LOCAL_IP = /^(::ffff:)?127\.0\.0\.1$|^::1$/;

const playbook = chain('audit-pb-test', [
  { id: 'start', kind: 'start', next: 'next' },
  { id: 'draft', kind: 'draft', config: { source: 'template', template: 'acknowledge' }, next: 'next' },
  { id: 'approval', kind: 'approval', config: { role: 'pr', sla: '1h' }, next: 'approved', ends: ['rejected', 'timeout'] },
  { id: 'end', kind: 'end' },
]);

test('a draft edit and a publish are logged with actor, before/after and IP', async () => {
  expect((await api('POST', '/api/playbooks', playbook, { as: 'manager@demo' })).status).toBe(201);
  expect(
    (await api('PUT', '/api/playbooks/audit-pb-test/draft', { ...playbook, name: 'Audit renamed' }, { as: 'manager@demo' })).status,
  ).toBe(200);
  const published = await api(
    'POST',
    '/api/playbooks/audit-pb-test/publish',
    { note: 'first', password: 'hunter2' },
    { as: 'manager@demo' },
  );
  expect(published.status).toBe(201);

  const [edit] = await rowsFor(`resource=audit-pb-test&action=${encodeURIComponent('PUT /api/playbooks/:key/draft')}`);
  expect(edit).toMatchObject({ actor: 'manager@demo', method: 'PUT', route: '/api/playbooks/audit-pb-test/draft', status: 200 });
  expect(edit.ip).toMatch(LOCAL_IP);
  expect(edit.changes).toEqual([
    expect.objectContaining({ entity: 'playbooks', op: 'update', before: expect.objectContaining({ name: 'audit-pb-test' }) }),
  ]);
  expect(edit.changes[0].after.name).toBe('Audit renamed');

  const [publish] = await rowsFor(`resource=audit-pb-test&action=${encodeURIComponent('POST /api/playbooks/:key/publish')}`);
  expect(publish).toMatchObject({ actor: 'manager@demo', status: 201, resourceType: 'playbooks', resourceId: 'audit-pb-test' });
  expect(publish.ip).toMatch(LOCAL_IP);
  expect(publish.body).toEqual({ note: 'first', password: '[redacted]' });
  const version = publish.changes.find((c: Row) => c.entity === 'playbook_versions');
  expect(version).toMatchObject({ op: 'insert', before: null, after: { id: published.body.id, version: 1, publishedBy: 'manager@demo' } });
  const live = publish.changes.find((c: Row) => c.entity === 'playbooks');
  expect(live).toMatchObject({ op: 'update', after: { liveVersionId: published.body.id } });
});

test('a decision is logged with its actor, outcome and response status', async () => {
  const posted = await api('POST', '/api/interactions', {
    channel: 'x',
    externalId: 'audit-decision-1',
    author: { id: 'audit-author' },
    text: 'your ad is offensive',
    playbook: 'audit-pb-test',
  });
  expect(posted.status).toBe(202);
  const id = posted.body.id as string;
  await waitFor(id, (r) => r.waiting?.nodeId === 'approval');
  expect(
    (await api('POST', `/api/interactions/${id}/decisions`, { nodeId: 'approval', outcome: 'approved' }, { as: 'agent@demo' })).status,
  ).toBe(403);
  expect(
    (await api('POST', `/api/interactions/${id}/decisions`, { nodeId: 'approval', outcome: 'approved' }, { as: 'pr@demo' })).status,
  ).toBe(201);

  const rows = await rowsFor(`resource=${id}&action=POST%20/api/interactions/:id/decisions`, 2);
  expect(rows.map((r) => [r.actor, r.body.outcome, r.status])).toEqual([
    ['pr@demo', 'approved', 201],
    ['agent@demo', 'approved', 403],
  ]);
  expect(rows[0].ip).toMatch(LOCAL_IP);
  // The ingest payload is a customer's message: only its ids are kept.
  const ingest = (await rowsFor(`resource=${id}`, 3)).find((r) => r.route === '/api/interactions');
  expect(ingest).toMatchObject({ action: 'POST /api/interactions', status: 202, body: { channel: 'x', externalId: 'audit-decision-1' } });
});

test('the row is in the log by the time the response arrives, refusals included', async () => {
  const key = `audit-now-${Date.now()}`;
  const created = await api('POST', '/api/knowledge', { key, title: 'Now', body: 'Logged before the answer.' });
  expect(created.status).toBe(201);
  const refused = await api('PUT', `/api/knowledge/${created.body.id}`, { title: '' });
  expect(refused.status).toBe(400);
  // One query, no waiting: both rows are there already.
  const { rows } = await db.query(`SELECT action, status FROM audit_log WHERE resource_id = $1 ORDER BY seq`, [created.body.id]);
  expect(rows).toEqual([
    { action: 'POST /api/knowledge', status: 201 },
    { action: 'PUT /api/knowledge/:id', status: 400 },
  ]);
});

test('knowledge article edits and deletes carry their before/after', async () => {
  const article = { key: 'audit-kb-test', title: 'Old title', body: 'Refunds take five days.' }; // strict schema: no `by`
  const created = await api('POST', '/api/knowledge', article);
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await api('PUT', `/api/knowledge/${id}`, { ...article, title: 'New title' })).status).toBe(200);
  expect((await api('DELETE', `/api/knowledge/${id}`)).status).toBe(204);

  const rows = await rowsFor(`resource=${id}`, 3);
  expect(rows.map((r) => [r.method, r.status, r.actor])).toEqual([
    ['DELETE', 204, 'admin@demo'],
    ['PUT', 200, 'admin@demo'],
    ['POST', 201, 'admin@demo'],
  ]);
  expect(rows[1].changes).toEqual([
    { entity: 'kb_articles', id, op: 'update', before: { title: 'Old title' }, after: { title: 'New title' } },
  ]);
  expect(rows[0].changes).toBeNull(); // repository.delete names no rows: the request's resourceId does
  expect(rows[2].changes[0]).toMatchObject({ entity: 'kb_articles', op: 'insert', after: { id, title: 'Old title' } });
});

test('X-Forwarded-For is not believed unless a trusted proxy is configured', async () => {
  // A bad body: a 400, so nothing changes for the other tests, and still one audit row.
  const r = await api('PUT', '/api/auth/password', {}, { as: 'legal.backup@demo', headers: { 'x-forwarded-for': '203.0.113.9' } });
  expect(r.status).toBe(400);
  const [row] = await rowsFor(`actor=legal.backup@demo&action=${encodeURIComponent('PUT /api/auth/password')}`);
  expect(row.ip).toMatch(LOCAL_IP);
});

test('search filters by actor, action, time and text, and pages with a cursor', async () => {
  const byPr = await search('actor=pr@demo');
  expect(byPr.items.length).toBeGreaterThan(0);
  expect(byPr.items.every((r) => r.actor === 'pr@demo')).toBe(true);
  expect((await search('action=PUT')).items.every((r) => r.method === 'PUT')).toBe(true);
  expect((await search(`from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`)).items).toEqual([]);
  expect((await search('q=Audit%20renamed')).items.some((r) => r.route === '/api/playbooks/audit-pb-test/draft')).toBe(true);
  expect((await search('q=no-such-text-anywhere-xyz')).items).toEqual([]);

  const first = await search('limit=2');
  expect(first.items).toHaveLength(2);
  const second = await search(`limit=2&cursor=${first.nextCursor}`);
  expect(Number(second.items[0].seq)).toBeLessThan(Number(first.items[1].seq));

  expect((await api('GET', '/api/audit?from=not-a-date')).status).toBe(400);
  expect((await api('GET', '/api/audit?limit=0')).status).toBe(400);
  expect((await api('GET', '/api/audit/export?format=xml')).status).toBe(400);
});

test('exports the matching rows as CSV and as JSON', async () => {
  const csv = await fetch(`${process.env.FIREBREAK_URL}/api/audit/export?format=csv&actor=manager@demo`, {
    headers: { authorization: `Bearer ${await tokenFor('admin@demo')}` },
  });
  expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  const lines = (await csv.text()).trim().split('\n');
  expect(lines[0]).toBe('seq,at,actor,action,method,route,resourceType,resourceId,status,ip,body,changes,prevHash,hash');
  expect(lines.some((l) => l.includes('POST /api/playbooks/:key/publish') && l.includes('manager@demo'))).toBe(true);

  const json = await api('GET', '/api/audit/export?format=json&actor=manager@demo');
  expect(json.status).toBe(200);
  expect(json.body.length).toBeGreaterThanOrEqual(3);
  expect(json.body.every((r: Row) => r.actor === 'manager@demo')).toBe(true);
  const seqs = json.body.map((r: Row) => Number(r.seq));
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b)); // oldest first
});

test('the table is append-only: UPDATE and DELETE are rejected by the trigger', async () => {
  await expect(db.query(`UPDATE audit_log SET actor = 'mallory' WHERE seq = (SELECT min(seq) FROM audit_log)`)).rejects.toThrow(
    /append-only/,
  );
  await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
});

test('concurrent requests keep one valid chain', async () => {
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => api('POST', '/api/playbooks', { key: `audit-conc-${i}`, name: `audit-conc-${i}` })),
  );
  expect(results.every((r) => r.status === 400)).toBe(true); // bad bodies are audited too
  await rowsFor('q=audit-conc-&action=POST%20/api/playbooks', 20);
  const verify = await api('GET', '/api/audit/verify');
  expect(verify.body).toMatchObject({ ok: true });
  const { rows } = (await db.query(`SELECT count(*)::int AS rows FROM audit_log`)).rows[0];
  expect(verify.body.rows).toBe(rows);
});

test('a row changed around the trigger breaks the chain at that row; verify says which', async () => {
  const target = (await search(`resource=audit-pb-test&action=${encodeURIComponent('POST /api/playbooks/:key/publish')}`)).items[0];
  const tamper = async (actor: string) => {
    await db.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await db.query(`UPDATE audit_log SET actor = $1 WHERE seq = $2`, [actor, target.seq]);
    await db.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  };
  await tamper('someone-else@demo');
  try {
    expect((await api('GET', '/api/audit/verify')).body).toMatchObject({ ok: false, brokenAt: target.seq });
  } finally {
    await tamper(target.actor); // later tests share this database
  }
  expect((await api('GET', '/api/audit/verify')).body).toMatchObject({ ok: true });
});
