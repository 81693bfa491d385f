import { Client } from 'pg';
import { eventually, tokenFor } from './support/http';
import { chain, publishPlaybook } from './support/playbooks';
import { startOwnServices } from './support/stack';

/**
 * Sending through the outbox on the real stack, with channel adapters that fail on purpose.
 * An api and a worker of this file's own, on their own task queue, are configured the way
 * an operator would: FIREBREAK_CHANNEL_ADAPTERS picks an adapter per channel and
 * FIREBREAK_SEND_MAX_ATTEMPTS bounds the tries. Postgres and Temporal are the shared real ones.
 */
const MAX_ATTEMPTS = 3;
const ADAPTERS = 'chat=flaky:2,email=lost-ack:1,facebook=flaky:99,instagram=rejecting,x=sandbox';
let db: Client;
let url: string;
let services: Awaited<ReturnType<typeof startOwnServices>>;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const env = {
    TEMPORAL_TASK_QUEUE: `firebreak-send-test-${process.pid}`,
    FIREBREAK_CHANNEL_ADAPTERS: ADAPTERS,
    FIREBREAK_SEND_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
  };
  services = await startOwnServices(env, { worker: true });
  url = services.url;
  await publishPlaybook(
    chain('send-test', [
      { id: 'start', kind: 'start', next: 'next' },
      {
        id: 'send',
        kind: 'send',
        config: { template: 'acknowledge', visibility: 'public' },
        next: 'sent',
        branches: { failed: 'not-sent' },
      },
      { id: 'delivered', kind: 'tag', config: { tags: ['delivered'] }, ends: ['next'] },
      { id: 'not-sent', kind: 'tag', config: { tags: ['send-failed'] }, ends: ['next'] },
    ]),
  );
}, 120_000);

afterAll(async () => {
  services.stop();
  // Archived, so that no later test's message lands on this playbook.
  await db.query(`UPDATE playbooks SET archived = true WHERE key = 'send-test'`);
  await db.end();
});

async function post(channel: string, externalId: string): Promise<string> {
  const res = await fetch(`${url}/api/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('agent@demo')}` },
    body: JSON.stringify({
      channel,
      externalId,
      playbook: 'send-test',
      author: { id: `send-${externalId}`, name: 'Angela Smith', handle: 'angela' },
      text: 'my parcel is lost, please help',
    }),
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

async function finished(id: string) {
  const row = await eventually(
    async () => {
      const r = await db.query(`SELECT status, path, vars FROM interactions WHERE id = $1`, [id]);
      return ['completed', 'failed'].includes(r.rows[0]?.status) ? r.rows[0] : undefined;
    },
    60_000,
    `interaction ${id} to finish`,
  );
  const outbox = await db.query(
    `SELECT idempotency_key, status, attempts, adapter, last_error, external_message_id, text FROM outbox WHERE interaction_id = $1`,
    [id],
  );
  const keys = outbox.rows.map((r) => r.idempotency_key);
  const posted = await db.query(`SELECT idempotency_key, calls, text FROM sandbox_messages WHERE idempotency_key = ANY($1)`, [keys]);
  const send = row.path.find((s: { nodeId: string }) => s.nodeId === 'send');
  return {
    status: row.status as string,
    sendOutcome: send.outcome as string,
    sendDetail: send.detail,
    tags: row.vars.tags as string[],
    sent: row.vars.sent as number,
    outbox: outbox.rows,
    posted: posted.rows,
  };
}

test('a channel that fails twice: Temporal retries, the row counts 3 attempts, the message is posted once', async () => {
  const run = await finished(await post('chat', 'send-flaky-1'));
  expect(run).toMatchObject({ status: 'completed', sendOutcome: 'sent', tags: ['delivered'], sent: 1 });
  expect(run.outbox).toEqual([
    {
      idempotency_key: expect.stringMatching(/:send:1:0$/),
      status: 'sent (sandbox)',
      attempts: 3,
      adapter: 'flaky:2',
      last_error: null,
      external_message_id: expect.stringMatching(/^sandbox:/),
      text: expect.stringMatching(/^Hi Angela, we're sorry/),
    },
  ]);
  // Failures happened before the channel was reached: one post, asked for once.
  expect(run.posted).toEqual([{ idempotency_key: run.outbox[0].idempotency_key, calls: 1, text: run.outbox[0].text }]);
});

test('the channel posted but its answer was lost: the retry carries the same key and nothing is posted twice', async () => {
  const run = await finished(await post('email', 'send-lost-ack-1'));
  expect(run).toMatchObject({ status: 'completed', sendOutcome: 'sent', sent: 1 });
  expect(run.outbox).toEqual([expect.objectContaining({ status: 'sent (sandbox)', attempts: 2, adapter: 'lost-ack:1', last_error: null })]);
  // The channel was called twice with one idempotency key, and holds one message.
  expect(run.posted).toEqual([{ idempotency_key: run.outbox[0].idempotency_key, calls: 2, text: run.outbox[0].text }]);
});

test(`a channel that stays down: after ${MAX_ATTEMPTS} attempts the send takes "failed" and the run goes on`, async () => {
  const run = await finished(await post('facebook', 'send-down-1'));
  expect(run).toMatchObject({ status: 'completed', sendOutcome: 'failed', tags: ['send-failed'], sent: 0 });
  expect(run.sendDetail).toMatchObject({
    attempts: MAX_ATTEMPTS,
    reason: expect.stringMatching(/^gave up after 3 attempts: channel unavailable/),
  });
  expect(run.outbox).toEqual([
    expect.objectContaining({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      last_error: expect.stringMatching(/failure 3 of 99/),
      external_message_id: null,
    }),
  ]);
  expect(run.posted).toEqual([]);
});

test('a permanent refusal fails at once, without retries', async () => {
  const run = await finished(await post('instagram', 'send-refused-1'));
  expect(run).toMatchObject({ status: 'completed', sendOutcome: 'failed', tags: ['send-failed'] });
  expect(run.outbox).toEqual([
    expect.objectContaining({ status: 'failed', attempts: 1, last_error: 'the channel refused the message (rejecting adapter)' }),
  ]);
});

test('the default sandbox sends at the first attempt', async () => {
  const run = await finished(await post('x', 'send-ok-1'));
  expect(run).toMatchObject({ status: 'completed', sendOutcome: 'sent' });
  expect(run.outbox).toEqual([expect.objectContaining({ status: 'sent (sandbox)', attempts: 1, adapter: 'sandbox' })]);
  expect(run.posted).toEqual([expect.objectContaining({ calls: 1 })]);
});
