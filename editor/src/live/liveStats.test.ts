import { nodeStats, runsThrough, type RecordedRun } from './liveStats';

const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 12, min)).toISOString();
const now = Date.parse(at(60));

function run(id: string, path: Array<[string, string, string?]>, extra: Partial<RecordedRun> = {}): RecordedRun {
  return {
    id,
    channel: 'x',
    visibility: 'public',
    text: `message ${id}`,
    author: { handle: id },
    receivedAt: at(0),
    status: 'completed',
    version: 1,
    path: path.map(([nodeId, kind, outcome], i) => ({ nodeId, kind, outcome, startedAt: at(i) })),
    waiting: null,
    ...extra,
  };
}

describe('live counts per node', () => {
  const runs = [
    run('a', [
      ['start', 'start', 'next'],
      ['approval', 'approval', 'approved'],
    ]),
    run('b', [
      ['start', 'start', 'next'],
      ['approval', 'approval', 'timeout'],
    ]),
    // Waits at its task past the deadline: waiting there and breaching its SLA.
    run(
      'c',
      [
        ['start', 'start', 'next'],
        ['task', 'agent_task'],
      ],
      {
        status: 'waiting',
        waiting: { nodeId: 'task', waitFor: 'task', until: at(30), phase: 0 },
      },
    ),
    // Waits for the customer past the deadline: the customer's silence is no SLA breach.
    run(
      'd',
      [
        ['start', 'start', 'next'],
        ['wait', 'wait'],
      ],
      {
        status: 'waiting',
        waiting: { nodeId: 'wait', waitFor: 'reply', until: at(30), phase: 0 },
      },
    ),
    // A loop visits a node twice: one run, counted once.
    run('e', [
      ['start', 'start', 'next'],
      ['tag', 'tag', 'next'],
      ['tag', 'tag', 'next'],
    ]),
  ];

  test('runs, waiting and breaches per node', () => {
    const s = nodeStats(runs, now);
    expect(s.get('start')).toEqual({ nodeId: 'start', runs: 5, waiting: 0, breaches: 0 });
    expect(s.get('approval')).toEqual({ nodeId: 'approval', runs: 2, waiting: 0, breaches: 1 });
    expect(s.get('task')).toEqual({ nodeId: 'task', runs: 1, waiting: 1, breaches: 1 });
    expect(s.get('wait')).toEqual({ nodeId: 'wait', runs: 1, waiting: 1, breaches: 0 });
    expect(s.get('tag')?.runs).toBe(1);
  });

  test('a wait still within its deadline is not a breach', () => {
    expect(nodeStats(runs, Date.parse(at(20))).get('task')).toMatchObject({ waiting: 1, breaches: 0 });
  });

  test('the runs through a node, with what happened there', () => {
    expect(runsThrough(runs, 'approval', now).map((r) => [r.run.id, r.outcome, r.breach])).toEqual([
      ['a', 'approved', false],
      ['b', 'timeout', true],
    ]);
    expect(runsThrough(runs, 'task', now).map((r) => [r.run.id, r.outcome, r.breach])).toEqual([['c', null, true]]);
  });
});
