import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { playbookSchema, type PathStep, type Playbook, type RecordedInteraction } from '@firebreak/engine';
import { countsOverlay, recordedAnswers, runBacktest, runBacktestInSlices } from './backtest';

const root = join(__dirname, '..', '..', '..');
const live = playbookSchema.parse(JSON.parse(readFileSync(join(root, 'playbooks', 'escalation-map.json'), 'utf8')));
const templates = Object.fromEntries(
  readdirSync(join(root, 'templates'))
    .filter((f) => f.endsWith('.hbs'))
    .map((f) => [f.slice(0, -4), readFileSync(join(root, 'templates', f), 'utf8')]),
);
/** The draft: "refund" is now a brand risk too. */
const draft: Playbook = {
  ...live,
  nodes: live.nodes.map((n) => (n.id === 'brand-risk' ? { ...n, config: { query: `${String(n.config.query)} OR refund*` } } : n)),
};

const recorded = (id: string, text: string, path: Array<Partial<PathStep>> = []): RecordedInteraction => ({
  id,
  channel: 'x',
  visibility: 'public',
  text,
  author: { id: `a-${id}`, handle: `h${id}`, followers: 10 },
  account: null,
  receivedAt: '2026-03-02T10:00:00.000Z',
  status: 'completed',
  version: 1,
  facts: null,
  waiting: null,
  path: path.map((p) => ({ nodeId: '', kind: '', startedAt: '2026-03-02T10:00:00.000Z', ...p })),
});

test('per node counts on the draft, and only the interactions the edit moves differ from live', () => {
  const rows = [
    recorded('1', '@brand I want my refund'),
    recorded('2', '@brand my lawyer will call'),
    recorded('3', '@brand where is my parcel'),
    recorded('4', '@brand refunds take forever, my attorney agrees'),
  ];
  const result = runBacktest(draft, live, rows, templates);
  expect(result.total).toBe(4);
  expect(result.failed).toEqual([]);
  expect(result.perNode).toMatchObject({ start: 4, 'legal-risk': 4, 'brand-risk': 2, 'tag-legal': 2, 'tag-brand': 1, route: 1, end: 4 });
  expect(result.differing.map((d) => d.interaction.id)).toEqual(['1']); // 4 goes to legal before brand risk is asked
  const [row] = result.differing;
  expect(row.partsAt).toBe(2);
  expect(row.draft[2]).toMatchObject({ nodeId: 'brand-risk', outcome: 'match', why: ['query matched: “refund” at 17'] });
  expect(row.live[2]).toMatchObject({ nodeId: 'brand-risk', outcome: 'no_match' });
  expect(countsOverlay(result).nodes['tag-brand']).toEqual({
    tone: 'path',
    badge: '1',
    title: '1 of 4 recorded interactions would pass here',
  });
  expect(countsOverlay(result).nodes['notify-leads']).toMatchObject({ tone: 'muted', badge: '0' });
});

test('the recorded decisions script both runs: a PR rejection stays a rejection', () => {
  const path = [
    { nodeId: 'approval-pr', kind: 'approval', outcome: 'rejected', detail: { by: 'pr@demo', reason: 'tone' } },
    { nodeId: 'task', kind: 'agent_task', outcome: 'escalate' },
    { nodeId: 'escalate-lead', kind: 'escalate', outcome: 'handled', detail: { rung: 0 } },
    { nodeId: 'approval-pr', kind: 'approval', outcome: 'approved' },
  ];
  const answers = recordedAnswers(recorded('5', 'x', path));
  expect(answers).toEqual({
    'approval-pr': { kind: 'reject', reason: 'tone' },
    task: { kind: 'outcome', outcome: 'escalate' },
    'escalate-lead': { kind: 'handled', rung: 0 },
  });
  const result = runBacktest(draft, live, [recorded('5', '@brand a journalist friend of mine wants a refund', path)], templates);
  expect(result.differing).toEqual([]); // both take brand risk (the journalist), both end at the rejection
  expect(result.perNode['notify-leads']).toBe(1);
});

test('the account a message was addressed to is replayed: a draft that keeps to one account stops the others at its start', () => {
  const start = draft.nodes.find((n) => n.kind === 'start')!;
  const oneAccount: Playbook = {
    ...draft,
    nodes: draft.nodes.map((n) => (n === start ? { ...n, config: { ...n.config, accounts: ['104000000000001'] } } : n)),
  };
  const rows = [
    { ...recorded('7', '@brand my lawyer will call'), account: '104000000000001' },
    { ...recorded('8', '@brand my lawyer will call'), account: '999' },
  ];
  const result = runBacktest(oneAccount, live, rows, templates);
  expect(result.perNode).toMatchObject({ start: 2, 'legal-risk': 1 });
  expect(result.differing.map((d) => d.interaction.id)).toEqual(['8']);
  expect(result.differing[0].draft[0].why.join(' ')).toMatch(/to 999 is not for this playbook \(it takes to 104000000000001\)/);
});

test('without a live version there is nothing to differ from', () => {
  const result = runBacktest(draft, null, [recorded('6', '@brand I want my refund')], templates);
  expect(result.differing).toEqual([]);
  expect(result.perNode['tag-brand']).toBe(1);
});

test('in slices (the browser keeps answering between them): the same result, with progress', async () => {
  const rows = ['refund please', 'my lawyer', 'parcel?', 'refund now', 'hello'].map((t, i) => recorded(`s${i}`, `@brand ${t}`));
  const progress: number[] = [];
  const sliced = await runBacktestInSlices(draft, live, rows, templates, (n) => progress.push(n), 2);
  expect(progress).toEqual([2, 4, 5]);
  expect(sliced).toEqual(runBacktest(draft, live, rows, templates));
  expect(sliced.differing.map((d) => d.interaction.id)).toEqual(['s0', 's3']);
});
