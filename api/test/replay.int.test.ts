import { Client as Temporal, Connection } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { api } from './support/http';
import { decide as takeDecision, TestDecision } from './support/decisions';
import { runId, until } from './support/cases';
import { exampleForTest } from './support/examples';
import { chain, publishPlaybook } from './support/playbooks';
import { repoRoot } from './support/stack';

/**
 * Workflow code must replay the histories it wrote before: a change to the interpreter or
 * the workflow shell that would take another path on replay breaks running interactions.
 * `histories/` holds recorded runs of the example playbooks; every test run replays them
 * against the current bundle, plus the runs it records now. RECORD_HISTORIES=1 rewrites the
 * corpus (do it only when a change is deliberately incompatible, with patched()).
 */
const corpus = join(__dirname, 'histories');
const bundle = { codePath: join(repoRoot, 'engine', 'dist', 'workflow-bundle.js') };

const flows: Array<{ name: string; run: () => Promise<string> }> = [
  {
    name: 'social-care-answered',
    run: async () => {
      const id = await post('scenario-social-care', 'rp-1', '@brand my order never arrived and nobody answers, where is it?');
      await until(id, (r) => r.waiting?.waitFor === 'task');
      await decide(id, { nodeId: 'task', outcome: 'answered', by: 'agent@demo' });
      return id;
    },
  },
  {
    name: 'social-care-pr-approves-edit',
    run: async () => {
      const id = await post('scenario-social-care', 'rp-2', '@brand two weeks and still no refund. Terrible service');
      await until(id, (r) => r.waiting?.waitFor === 'task');
      await decide(id, { nodeId: 'task', outcome: 'needs_pr', by: 'agent@demo' });
      await until(id, (r) => r.waiting?.waitFor === 'approval');
      await decide(id, { nodeId: 'approval-pr', outcome: 'approved', by: 'pr@demo', text: 'So sorry! Your refund is on its way today.' });
      return id;
    },
  },
  {
    name: 'escalation-map-brand',
    run: async () => {
      const id = await post('scenario-escalation-map', 'rp-3', '@brand this ad is offensive, boycott!');
      await until(id, (r) => r.waiting?.waitFor === 'escalation');
      await decide(id, { nodeId: 'escalate-brand', outcome: 'handled', by: 'manager@demo' });
      await until(id, (r) => r.waiting?.waitFor === 'approval');
      await decide(id, { nodeId: 'approval-pr', outcome: 'rejected', by: 'pr@demo', reason: 'tone' });
      return id;
    },
  },
  {
    name: 'timers-and-backup-approver',
    run: async () => {
      const id = await post('replay-timers', 'rp-4', 'hello?');
      return id;
    },
  },
];

const post = async (playbook: string, ext: string, text: string) =>
  (
    await api('POST', '/api/interactions', {
      channel: 'x',
      externalId: `${ext}-${runId}`,
      author: { id: `${ext}-${runId}`, name: 'Riley Replay' },
      text,
      playbook,
    })
  ).body.id as string;
const decide = async (id: string, body: TestDecision) => {
  const r = await takeDecision(id, body);
  if (r.status !== 201) throw new Error(`decision ${JSON.stringify(body)} → ${r.status} ${JSON.stringify(r.body)}`);
};

let temporal: Temporal;
beforeAll(async () => {
  temporal = new Temporal({ connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! }) });
  await publishPlaybook(exampleForTest('social-care', 'scenario-social-care', 120));
  await publishPlaybook(exampleForTest('escalation-map', 'scenario-escalation-map', 120));
  await publishPlaybook(
    chain('replay-timers', [
      { id: 'start', kind: 'start', next: 'next' },
      { id: 'pause', kind: 'wait', config: { for: 'duration', duration: '1s' }, next: 'elapsed' },
      { id: 'draft', kind: 'draft', config: { source: 'template', template: 'acknowledge' }, next: 'next' },
      {
        id: 'approval',
        kind: 'approval',
        config: { role: 'pr', sla: '1s', backup: true },
        next: 'approved',
        ends: ['rejected', 'timeout'],
      },
      { id: 'end', kind: 'end' },
    ]),
  );
});
afterAll(() => temporal.connection.close());

async function replay(histories: Array<{ workflowId: string; history: unknown }>) {
  const failures: string[] = [];
  for await (const r of Worker.runReplayHistories(
    { workflowBundle: bundle },
    histories.map((h) => ({ workflowId: h.workflowId, history: historyFromJSON(h.history) })),
  )) {
    if (r.error) failures.push(`${r.workflowId}: ${r.error.message}`);
  }
  return failures;
}

test('runs of the example playbooks recorded now replay deterministically', async () => {
  const recorded = [];
  for (const flow of flows) {
    const id = await flow.run();
    const run = await until(id, (r) => r.status === 'completed');
    const history = await temporal.workflow.getHandle(run.workflowId).fetchHistory();
    recorded.push({ name: flow.name, workflowId: run.workflowId, history: JSON.parse(historyToJSON(history)) });
  }
  expect(recorded.map((r) => r.history.events.length).every((n) => n > 10)).toBe(true);
  expect(await replay(recorded)).toEqual([]);
  if (process.env.RECORD_HISTORIES === '1') {
    for (const r of recorded)
      writeFileSync(join(corpus, `${r.name}.json`), JSON.stringify({ workflowId: r.workflowId, history: r.history }) + '\n');
  }
});

test('the committed corpus of recorded histories replays on the current workflow code', async () => {
  const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.json')) : [];
  expect(files.length).toBeGreaterThanOrEqual(flows.length);
  const histories = files.map((f) => JSON.parse(readFileSync(join(corpus, f), 'utf8')));
  expect(await replay(histories)).toEqual([]);
});
