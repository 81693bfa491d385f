import { Client } from 'pg';
import { api } from './support/http';
import { decide } from './support/decisions';
import { chain, waitFor } from './support/playbooks';

/** Archive on the real stack: no new traffic, runs in flight finish, read-only, hidden from the list. */
const KEY = 'pb-archive-test';
const pb = chain(KEY, [
  { id: 'start', kind: 'start', config: { channels: ['chat'] }, next: 'next' },
  { id: 'approval', kind: 'approval', config: { role: 'pr', sla: '1h' }, next: 'approved', ends: ['rejected', 'timeout'] },
  { id: 'tag', kind: 'tag', config: { tags: ['archived-run'] }, next: 'next' },
  { id: 'end', kind: 'end' },
]);
const asManager = { as: 'manager@demo' };
const post = (externalId: string, extra: Record<string, unknown> = {}) =>
  api('POST', '/api/interactions', {
    channel: 'chat',
    externalId,
    author: { id: `arch-${externalId}` },
    text: 'hello, anyone there?',
    ...extra,
  });

let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  expect((await api('POST', '/api/playbooks', pb, asManager)).status).toBe(201);
  expect((await api('POST', `/api/playbooks/${KEY}/publish`, { note: 'v1' }, asManager)).status).toBe(201);
});
afterAll(async () => {
  // Leave it archived and dated in the past, so it never takes other tests' un-pinned traffic.
  await db.query(`UPDATE playbooks SET archived = true, live_since = '2000-01-01' WHERE key = $1`, [KEY]);
  await db.end();
});

test('an archived playbook takes no new interactions, while a run already waiting finishes on its version', async () => {
  // Newest live playbook for chat: un-pinned chat traffic comes here.
  const first = await post('arch-1');
  expect(first.status).toBe(202);
  const waiting = await waitFor(first.body.id, (r) => r.waiting?.waitFor === 'approval');
  expect(waiting.playbookVersion).toMatchObject({ playbook: KEY, version: 1 });

  const archived = await api('POST', `/api/playbooks/${KEY}/archive`, undefined, asManager);
  expect(archived.status).toBe(200);
  expect(archived.body).toMatchObject({ key: KEY, archived: true, liveVersion: { version: 1 } });

  const next = await post('arch-2');
  expect(next.status).toBe(202);
  const other = await waitFor(next.body.id, (r) => !!r.playbookVersion);
  expect(other.playbookVersion.playbook).not.toBe(KEY);
  const named = await post('arch-3', { playbook: KEY });
  expect(named.status).toBe(422);
  expect(named.body.message).toMatch(new RegExp(KEY));

  expect((await decide(first.body.id, { by: 'pr@demo', nodeId: 'approval', outcome: 'approved' })).status).toBe(201);
  const done = await waitFor(first.body.id, (r) => r.status === 'completed');
  expect(done.playbookVersion).toMatchObject({ playbook: KEY, version: 1 });
  expect(done.tags).toEqual(['archived-run']);

  const back = await api('POST', `/api/playbooks/${KEY}/unarchive`, undefined, asManager);
  expect(back.status).toBe(200);
  expect(back.body.archived).toBe(false);
  const again = await post('arch-4', { playbook: KEY });
  expect(again.status).toBe(202);
  expect((await waitFor(again.body.id, (r) => !!r.playbookVersion)).playbookVersion).toMatchObject({ playbook: KEY, version: 1 });
});

test('archived playbooks are hidden from the list unless asked for, and read-only (409) until unarchived', async () => {
  expect((await api('POST', `/api/playbooks/${KEY}/archive`, undefined, asManager)).status).toBe(200);
  const list = await api('GET', '/api/playbooks', undefined, { as: 'viewer@demo' });
  expect(list.body.map((p: any) => p.key)).not.toContain(KEY);
  expect(list.body.map((p: any) => p.key)).toContain('social-care');
  const all = await api('GET', '/api/playbooks?archived=true', undefined, { as: 'viewer@demo' });
  expect(all.body.find((p: any) => p.key === KEY)).toMatchObject({ archived: true });
  expect((await api('GET', '/api/playbooks?archived=maybe')).status).toBe(422);
  expect((await api('GET', `/api/playbooks/${KEY}`)).body.archived).toBe(true);

  const versionsBefore = (await api('GET', `/api/playbooks/${KEY}/versions`)).body.length;
  const edit = await api('PUT', `/api/playbooks/${KEY}/draft`, pb, asManager);
  expect(edit.status).toBe(409);
  expect(edit.body.message).toMatch(/archived/);
  expect((await api('POST', `/api/playbooks/${KEY}/publish`, { note: 'no' }, asManager)).status).toBe(409);
  expect((await api('POST', `/api/playbooks/${KEY}/versions/1/rollback`, {}, asManager)).status).toBe(409);
  expect((await api('POST', '/api/playbooks/import?mode=draft', pb, asManager)).status).toBe(409);
  expect((await api('GET', `/api/playbooks/${KEY}/versions`)).body).toHaveLength(versionsBefore);
  // Reading, diffing and exporting still work.
  expect((await api('GET', `/api/playbooks/${KEY}/export?version=1`)).status).toBe(200);
  expect((await api('GET', `/api/playbooks/${KEY}/diff?from=1`)).status).toBe(200);

  for (const as of ['viewer@demo', 'agent@demo', 'pr@demo']) {
    expect((await api('POST', `/api/playbooks/${KEY}/unarchive`, undefined, { as })).status).toBe(403);
    expect((await api('POST', `/api/playbooks/${KEY}/archive`, undefined, { as })).status).toBe(403);
  }
  expect((await api('POST', '/api/playbooks/no-such-playbook/archive', undefined, asManager)).status).toBe(404);

  expect((await api('POST', `/api/playbooks/${KEY}/unarchive`, undefined, asManager)).status).toBe(200);
  expect((await api('PUT', `/api/playbooks/${KEY}/draft`, pb, asManager)).status).toBe(200);
  expect((await api('POST', `/api/playbooks/${KEY}/publish`, { note: 'after unarchive' }, asManager)).body).toMatchObject({
    version: versionsBefore + 1,
    note: 'after unarchive',
  });
});
