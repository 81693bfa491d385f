import { api, eventually } from './support/http';
import { readState, release, startWorker, writeState } from './support/stack';

/**
 * Nothing is lost when a process dies: the worker is killed (SIGKILL, no goodbye) while a
 * run waits on a timer, the timer fires with no worker alive, and a new worker finishes it.
 */
const playbook = {
  key: 'durability-test',
  name: 'Durability test',
  nodes: [
    { id: 'start', kind: 'start', config: {} },
    { id: 'route', kind: 'route', config: { team: 'care' } },
    { id: 'pause', kind: 'wait', config: { for: 'duration', duration: '3s' } },
    { id: 'tag', kind: 'tag', config: { tags: ['survived'] } },
    { id: 'end', kind: 'end', config: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'route' },
    { id: 'e2', source: 'route', sourceHandle: 'routed', target: 'pause' },
    { id: 'e3', source: 'pause', sourceHandle: 'elapsed', target: 'tag' },
    { id: 'e4', source: 'tag', sourceHandle: 'next', target: 'end' },
  ],
};

test('a worker killed mid-run and restarted finishes the run', async () => {
  expect((await api('POST', '/api/playbooks', playbook)).status).toBe(201);
  expect((await api('POST', '/api/playbooks/durability-test/publish', {})).status).toBe(201);
  const posted = await api('POST', '/api/interactions', { channel: 'chat', externalId: 'dur-1', author: { id: 'c-1' }, text: 'is anyone there?', playbook: 'durability-test' });
  expect(posted.status).toBe(202);
  await eventually(async () => ((await api('GET', `/api/interactions/${posted.body.id}`)).body.waiting?.nodeId === 'pause' ? true : undefined), 30_000, 'the run to wait');

  const state = readState();
  const workerPid = state.pids[state.pids.length - 1];
  process.kill(workerPid, 'SIGKILL');
  state.pids = state.pids.filter((p) => p !== workerPid);
  await new Promise((r) => setTimeout(r, 4000)); // the timer fires while no worker is alive
  expect((await api('GET', `/api/interactions/${posted.body.id}`)).body.status).toBe('waiting');

  const worker = await startWorker(state);
  release(worker);
  state.pids.push(worker.pid!);
  writeState(state);

  const done = await eventually(async () => {
    const r = await api('GET', `/api/interactions/${posted.body.id}`);
    return r.body.status === 'completed' ? r.body : undefined;
  }, 60_000, 'the run to finish on the new worker');
  expect(done.path.map((s: { nodeId: string; outcome?: string }) => [s.nodeId, s.outcome])).toEqual([['start', 'next'], ['route', 'routed'], ['pause', 'elapsed'], ['tag', 'next'], ['end', undefined]]);
  expect(done.tags).toEqual(['survived']);
});
