import { api } from './support/http';
import { chain, publishPlaybook, waitFor } from './support/playbooks';

/** A run is pinned to the version live when it arrived; rollback publishes an old graph anew. */
const v1 = chain('versions-test', [
  { id: 'start', kind: 'start', next: 'next' },
  { id: 'approval', kind: 'approval', config: { role: 'pr', sla: '1h' }, next: 'approved', ends: ['rejected', 'timeout'] },
  { id: 'tag', kind: 'tag', config: { tags: ['v1'] }, next: 'next' },
  { id: 'end', kind: 'end' },
]);
const v2 = chain('versions-test', [
  { id: 'start', kind: 'start', next: 'next' },
  { id: 'tag', kind: 'tag', config: { tags: ['v2'] }, next: 'next' },
  { id: 'end', kind: 'end' },
]);
const post = async (externalId: string) =>
  (
    await api('POST', '/api/interactions', {
      channel: 'chat',
      externalId,
      author: { id: 'v-c' },
      text: 'hello?',
      playbook: 'versions-test',
    })
  ).body.id as string;

test('a v1 run waiting for approval finishes on v1 while new runs take v2; rollback brings v1 back as v3', async () => {
  const first = await publishPlaybook(v1);
  const a = await post('ver-a');
  await waitFor(a, (r) => r.waiting?.waitFor === 'approval');

  const second = await publishPlaybook(v2);
  expect(second.version).toBe(first.version + 1);
  const b = await post('ver-b');
  const runB = await waitFor(b, (r) => r.status === 'completed');
  expect(runB.playbookVersion.version).toBe(second.version);
  expect(runB.tags).toEqual(['v2']);

  expect(
    (await api('POST', `/api/interactions/${a}/decisions`, { nodeId: 'approval', outcome: 'approved' }, { as: 'pr@demo' })).status,
  ).toBe(201);
  const runA = await waitFor(a, (r) => r.status === 'completed');
  expect(runA.playbookVersion.version).toBe(first.version);
  expect(runA.tags).toEqual(['v1']);
  expect(runA.path.map((s: any) => s.nodeId)).toEqual(['start', 'approval', 'tag', 'end']);

  const rolled = await api('POST', `/api/playbooks/versions-test/versions/${first.version}/rollback`, {}, { as: 'manager@demo' });
  expect(rolled.status).toBe(201);
  expect(rolled.body).toMatchObject({ version: second.version + 1, note: `rollback to version ${first.version}` });
  const versions = (await api('GET', '/api/playbooks/versions-test/versions')).body;
  expect(versions.map((v: any) => [v.version, v.live])).toEqual([
    [second.version + 1, true],
    [second.version, false],
    [first.version, false],
  ]);
  expect((await api('GET', '/api/playbooks/versions-test')).body.draft.nodes.map((n: any) => n.id)).toEqual([
    'start',
    'approval',
    'tag',
    'end',
  ]);
  const c = await post('ver-c');
  const runC = await waitFor(c, (r) => r.waiting?.waitFor === 'approval');
  expect(runC.playbookVersion.version).toBe(second.version + 1);

  expect((await api('POST', `/api/playbooks/versions-test/versions/99/rollback`, {})).status).toBe(404);
});
