import { Client } from 'pg';
import { api, eventually } from './support/http';
import { chain, publishPlaybook, waitFor } from './support/playbooks';
import { readState, release, startWorker, writeState } from './support/stack';

/**
 * Nothing is lost when a process dies: the worker is killed (SIGKILL, no goodbye) while a
 * run waits on a timer, on an approval, and in the middle of sending a reply; a new worker
 * finishes every run, and every reply goes out exactly once.
 */
let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await restartWorker(); // leave the shared stack with an ordinary worker
  await db.end();
});

function killWorker() {
  const state = readState();
  const pid = state.pids.pop()!;
  process.kill(pid, 'SIGKILL');
  writeState(state);
}

async function restartWorker(env: Record<string, string> = {}) {
  killWorker();
  const state = readState();
  const worker = await startWorker(state, env);
  release(worker);
  state.pids.push(worker.pid!);
  writeState(state);
}

async function startAgain() {
  const state = readState();
  const worker = await startWorker(state);
  release(worker);
  state.pids.push(worker.pid!);
  writeState(state);
}

const post = async (externalId: string, playbook: string) => {
  const r = await api('POST', '/api/interactions', {
    channel: 'chat',
    externalId,
    author: { id: `c-${externalId}`, name: 'Dana Doe' },
    text: 'is anyone there?',
    playbook,
  });
  expect(r.status).toBe(202);
  return r.body.id as string;
};
const sends = async (id: string) =>
  (
    await db.query(
      `SELECT o.status, o.attempts, s.calls FROM outbox o LEFT JOIN sandbox_messages s USING (idempotency_key) WHERE o.interaction_id = $1`,
      [id],
    )
  ).rows;

test('killed while waiting on a timer: the timer fires with no worker alive, a new worker finishes the run', async () => {
  await publishPlaybook(
    chain('durability-timer', [
      { id: 'start', kind: 'start', next: 'next' },
      { id: 'route', kind: 'route', config: { team: 'care', mode: 'pull' }, next: 'routed' },
      { id: 'pause', kind: 'wait', config: { for: 'duration', duration: '3s' }, next: 'elapsed' },
      { id: 'tag', kind: 'tag', config: { tags: ['survived'] }, next: 'next' },
      { id: 'end', kind: 'end' },
    ]),
  );
  const id = await post('dur-1', 'durability-timer');
  await waitFor(id, (r) => r.waiting?.nodeId === 'pause');
  killWorker();
  await new Promise((r) => setTimeout(r, 4000));
  expect((await api('GET', `/api/interactions/${id}`)).body.status).toBe('waiting');
  await startAgain();
  const done = await waitFor(id, (r) => r.status === 'completed');
  expect(done.path.map((s: any) => [s.nodeId, s.outcome])).toEqual([
    ['start', 'next'],
    ['route', 'routed'],
    ['pause', 'elapsed'],
    ['tag', 'next'],
    ['end', undefined],
  ]);
  expect(done.tags).toEqual(['survived']);
});

const approveThenSend = chain('durability-approval', [
  { id: 'start', kind: 'start', next: 'next' },
  { id: 'draft', kind: 'draft', config: { source: 'template', template: 'acknowledge' }, next: 'next' },
  { id: 'approval', kind: 'approval', config: { role: 'pr', sla: '1h' }, next: 'approved', ends: ['rejected', 'timeout'] },
  { id: 'send', kind: 'send', config: { requireApproval: true }, next: 'sent', ends: ['failed'] },
  { id: 'end', kind: 'end' },
]);

test('killed mid-approval: the decision waits for a worker, the run finishes, one reply goes out', async () => {
  await publishPlaybook(approveThenSend);
  const id = await post('dur-2', 'durability-approval');
  await waitFor(id, (r) => r.waiting?.waitFor === 'approval');
  killWorker();
  // The Update is accepted only once a worker runs the workflow again.
  const decision = api(
    'POST',
    `/api/interactions/${id}/decisions`,
    { nodeId: 'approval', outcome: 'approved', text: 'We are on it, Dana.' },
    { as: 'pr@demo' },
  );
  await new Promise((r) => setTimeout(r, 1500));
  await startAgain();
  expect((await decision).status).toBe(201);
  const done = await waitFor(id, (r) => r.status === 'completed');
  expect(done.path.map((s: any) => s.nodeId)).toEqual(['start', 'draft', 'approval', 'send', 'end']);
  expect(await sends(id)).toEqual([{ status: 'sent (sandbox)', attempts: 1, calls: 1 }]);
});

test('killed in the middle of sending: the send is retried on a new worker and goes out exactly once', async () => {
  await restartWorker({ FIREBREAK_CHANNEL_ADAPTERS: '*=slow:4000' });
  const id = await post('dur-3', 'durability-approval');
  await waitFor(id, (r) => r.waiting?.waitFor === 'approval');
  expect(
    (await api('POST', `/api/interactions/${id}/decisions`, { nodeId: 'approval', outcome: 'approved' }, { as: 'pr@demo' })).status,
  ).toBe(201);
  // The outbox row is written and counted before the (slow) channel call: kill inside it.
  await eventually(async () => ((await sends(id))[0]?.attempts === 1 ? true : undefined), 20_000, 'the send to start');
  killWorker();
  expect(await sends(id)).toEqual([{ status: 'pending', attempts: 1, calls: null }]);
  await startAgain();
  const done = await waitFor(id, (r) => r.status === 'completed');
  expect(done.path.find((s: any) => s.nodeId === 'send').outcome).toBe('sent');
  expect(await sends(id)).toEqual([{ status: 'sent (sandbox)', attempts: 2, calls: 1 }]);
});
