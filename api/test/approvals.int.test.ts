import { Client } from 'pg';
import { api } from './support/http';
import { decide } from './support/decisions';
import { ensureUser } from './support/users';
import { chain, publishPlaybook, waitFor } from './support/playbooks';

/** Approvals on the real stack: roles, own drafts, edits, SLA → backup approver → timeout. */
let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  await publishPlaybook(
    chain('approval-pr-test', [
      { id: 'start', kind: 'start', next: 'next' },
      { id: 'draft', kind: 'draft', config: { source: 'template', template: 'acknowledge' }, next: 'next' },
      {
        id: 'approval',
        kind: 'approval',
        config: { role: 'pr', sla: '3s', backup: true },
        next: 'approved',
        ends: ['rejected', 'timeout'],
      },
      { id: 'send', kind: 'send', config: { visibility: 'public', requireApproval: true }, next: 'sent', ends: ['failed'] },
      { id: 'end', kind: 'end' },
    ]),
  );
  await publishPlaybook(
    chain('approval-self-test', [
      { id: 'start', kind: 'start', next: 'next' },
      {
        id: 'task',
        kind: 'agent_task',
        config: { prompt: 'Draft a reply to {{handle}}', outcomes: ['drafted'] },
        next: 'drafted',
        ends: ['timeout'],
      },
      { id: 'approval', kind: 'approval', config: { role: 'manager', sla: '1h' }, next: 'approved', ends: ['rejected', 'timeout'] },
      { id: 'send', kind: 'send', config: { requireApproval: true }, next: 'sent', ends: ['failed'] },
      { id: 'end', kind: 'end' },
    ]),
  );
  await ensureUser(db, 'manager2@test', 'manager', 'Second Manager');
});
afterAll(() => db.end());

const post = async (externalId: string, playbook: string) => {
  const r = await api('POST', '/api/interactions', {
    channel: 'x',
    externalId,
    author: { id: `a-${externalId}`, handle: 'frank', name: 'Frank Jones' },
    text: 'your ad is offensive',
    playbook,
  });
  expect(r.status).toBe(202);
  return r.body.id as string;
};
const outbox = async (id: string) => (await db.query(`SELECT text, status FROM outbox WHERE interaction_id = $1`, [id])).rows;

test('only PR may approve; the edit is what goes out, once; a second decision is a conflict', async () => {
  const id = await post('appr-1', 'approval-pr-test');
  await waitFor(id, (r) => r.waiting?.nodeId === 'approval' && r.waiting.waitFor === 'approval');
  expect((await decide(id, { nodeId: 'approval', outcome: 'approved', by: 'agent@demo' })).status).toBe(403);
  expect((await api('POST', `/api/interactions/${id}/decisions`, { nodeId: 'approval', outcome: 'approved' }, { as: null })).status).toBe(
    401,
  );
  expect((await decide(id, { nodeId: 'approval', outcome: 'approved', by: 'viewer@demo' })).status).toBe(403);
  expect((await decide(id, { nodeId: 'approval', outcome: 'maybe', by: 'pr@demo' })).status).toBe(422);
  expect((await decide(id, { nodeId: 'draft', outcome: 'approved', by: 'pr@demo' })).status).toBe(409);
  const edited = 'Hi Frank, we hear you and we are pulling the ad today.';
  expect((await decide(id, { nodeId: 'approval', outcome: 'approved', by: 'pr@demo', text: edited })).status).toBe(201);
  const done = await waitFor(id, (r) => r.status === 'completed');
  expect(done.path.find((s: any) => s.nodeId === 'approval')).toMatchObject({
    outcome: 'approved',
    detail: { by: 'pr@demo', edited: true },
  });
  expect(await outbox(id)).toEqual([{ text: edited, status: 'sent (sandbox)' }]);
  expect((await decide(id, { nodeId: 'approval', outcome: 'rejected', by: 'pr@demo' })).status).toBe(409);
  const items = await db.query(
    `SELECT status, payload->'decision'->>'by' AS by FROM work_items WHERE interaction_id = $1 AND kind = 'approval'`,
    [id],
  );
  expect(items.rows).toEqual([{ status: 'decided', by: 'pr@demo' }]);
});

test('a rejected reply is never sent', async () => {
  const id = await post('appr-2', 'approval-pr-test');
  await waitFor(id, (r) => r.waiting?.nodeId === 'approval' && r.waiting.waitFor === 'approval');
  expect((await decide(id, { nodeId: 'approval', outcome: 'rejected', by: 'pr@demo', reason: 'tone' })).status).toBe(201);
  const done = await waitFor(id, (r) => r.status === 'completed');
  expect(done.path.map((s: any) => s.nodeId)).toEqual(['start', 'draft', 'approval']);
  expect(await outbox(id)).toEqual([]);
});

test('on SLA expiry the approval moves to the backup on duty, then times out; nothing is sent', async () => {
  // Both PR approvers on duty around the clock for this test, whatever the hour in London.
  const saved = (await db.query(`SELECT user_email, schedule FROM duty_roster WHERE role = 'pr'`)).rows;
  await db.query(`UPDATE duty_roster SET schedule = NULL WHERE role = 'pr'`);
  try {
    await slaThenBackup();
  } finally {
    for (const r of saved)
      await db.query(`UPDATE duty_roster SET schedule = $2 WHERE role = 'pr' AND user_email = $1`, [r.user_email, r.schedule]);
  }
});

async function slaThenBackup() {
  const id = await post('appr-3', 'approval-pr-test');
  await waitFor(id, (r) => r.waiting?.nodeId === 'approval' && r.waiting.waitFor === 'approval' && r.waiting.phase === 1);
  const items = await db.query(
    `SELECT status, payload->>'assignee' AS assignee, payload->>'backup' AS backup FROM work_items WHERE interaction_id = $1 AND kind = 'approval' ORDER BY created_at`,
    [id],
  );
  expect(items.rows).toHaveLength(2);
  expect(items.rows[0]).toMatchObject({ status: 'expired', backup: 'false' });
  expect(items.rows[1]).toMatchObject({ status: 'pending', backup: 'true' });
  expect([items.rows[0].assignee, items.rows[1].assignee]).toEqual(['pr@demo', 'pr.backup@demo']);
  const done = await waitFor(id, (r) => r.status === 'completed');
  expect(done.path.find((s: any) => s.nodeId === 'approval')).toMatchObject({ outcome: 'timeout', detail: { attempts: 2 } });
  expect(await outbox(id)).toEqual([]);
}

test('nobody approves their own draft', async () => {
  const id = await post('appr-4', 'approval-self-test');
  await waitFor(id, (r) => r.waiting?.nodeId === 'task' && r.waiting.waitFor === 'task');
  expect(
    (await decide(id, { nodeId: 'task', outcome: 'drafted', by: 'manager@demo', text: 'Sorry Frank, we are on it. ^MM' })).status,
  ).toBe(201);
  await waitFor(id, (r) => r.waiting?.nodeId === 'approval' && r.waiting.waitFor === 'approval');
  const own = await decide(id, { nodeId: 'approval', outcome: 'approved', by: 'manager@demo' });
  expect(own.status).toBe(403);
  expect(own.body.message).toMatch(/wrote this draft/);
  expect((await decide(id, { nodeId: 'approval', outcome: 'approved', by: 'manager2@test' })).status).toBe(201);
  await waitFor(id, (r) => r.status === 'completed');
  expect(await outbox(id)).toEqual([{ text: 'Sorry Frank, we are on it. ^MM', status: 'sent (sandbox)' }]);
});
