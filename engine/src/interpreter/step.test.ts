import { begin, decide, deepFreeze, done, drive, graph, single, T0, timeout, trail } from '../__fixtures__/graphs';
import { facts, interaction } from '../__fixtures__/examples';
import { Command, RunEvent } from './types';
import { InterpreterError, step } from './step';

const keys = (cs: Command[]) => cs.flatMap((c) => (c.type === 'activity' ? [c.input.idempotencyKey] : []));

describe('step(): events that do not fit', () => {
  const pb = single('agent_task', { prompt: 'p', outcomes: ['done'] });

  test('a second start', () => {
    const first = begin(pb);
    expect(() => step(pb, first.state, { type: 'start', at: T0, interaction: interaction(), facts: facts() })).toThrow(
      new InterpreterError('the run has already started'),
    );
  });

  test('a playbook without a start node', () => {
    const noStart = graph([{ id: 'end', kind: 'end' }]);
    expect(() => begin(noStart)).toThrow('the playbook has no start node');
  });

  test('an event before the start, or after the end', () => {
    expect(() => step(pb, null, done('n'))).toThrow('no step is waiting for activity_done');
    const ended = begin(
      graph(
        [
          { id: 'start', kind: 'start' },
          { id: 'end', kind: 'end' },
        ],
        [['start', 'next', 'end']],
      ),
    );
    expect(() => step(pb, ended.state, decide('n', 'done'))).toThrow('no step is waiting for decision');
  });

  test('an event for another node than the one waiting', () => {
    const first = begin(pb);
    expect(() => step(pb, first.state, done('other'))).toThrow(InterpreterError);
    expect(() => step(pb, first.state, done('other'))).toThrow('activity_done for node other, but the run waits at n');
  });

  test('an event of the wrong type for the wait', () => {
    const first = begin(pb); // waiting for the createTask activity
    expect(() => step(pb, first.state, decide('n', 'done'))).toThrow('decision cannot end a wait for activity');
    expect(() => step(pb, first.state, timeout('n', T0))).toThrow('timeout cannot end a wait for activity');
    const waiting = step(pb, first.state, done('n'));
    expect(() => step(pb, waiting.state, done('n'))).toThrow('activity_done cannot end a wait for task');
  });

  test('a decision outcome the node does not accept', () => {
    const a = single('approval', { role: 'pr' });
    const [, waiting] = drive(a, begin(a), done('n'));
    expect(() => step(a, waiting.state, decide('n', 'maybe'))).toThrow('"maybe" is not a decision approval n accepts (approved, rejected)');
    expect(() => step(a, waiting.state, decide('n', 'timeout'))).toThrow(InterpreterError);
  });
});

describe('step(): failing runs', () => {
  test('activity_failed fails the run with the node and the error', () => {
    const pb = single('route', { team: 'care' });
    const { state, commands } = step(pb, begin(pb).state, {
      type: 'activity_failed',
      at: '2026-11-25T10:01:00.000Z',
      nodeId: 'n',
      error: 'no such team',
    });
    expect(state.status).toBe('failed');
    expect(state.reason).toBe('route n failed: no such team');
    expect(state.waiting).toBeUndefined();
    expect(commands).toEqual([{ type: 'finish', status: 'failed', reason: 'route n failed: no such team' }]);
    expect(state.path[1]).toEqual({ nodeId: 'n', kind: 'route', startedAt: T0, finishedAt: '2026-11-25T10:01:00.000Z' });
  });

  test('an outcome with neither an edge nor an end fails the run', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'p', kind: 'priority', ends: ['noise'] },
        { id: 'end', kind: 'end' },
      ],
      [
        ['start', 'next', 'p'],
        ['p', 'first', 'end'],
      ],
    );
    const { state, commands } = begin(pb, { facts: { priority: { tier: 'second', needsResponse: false, cues: [] } } });
    expect(trail(state)).toEqual(['start:next', 'p:second']);
    expect(commands).toEqual([{ type: 'finish', status: 'failed', reason: 'outcome "second" of p leads nowhere' }]);
    const noise = begin(pb, { facts: { priority: { tier: 'noise', needsResponse: false, cues: [] } } });
    expect(noise.commands).toEqual([{ type: 'finish', status: 'completed', reason: 'p ended the run on "noise"' }]);
  });

  test('a loop without a waiting node (an invalid graph) stops instead of spinning', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'a', kind: 'tag', config: { tags: ['x'] } },
        { id: 'b', kind: 'tag', config: { tags: ['y'] } },
      ],
      [
        ['start', 'next', 'a'],
        ['a', 'next', 'b'],
        ['b', 'next', 'a'],
      ],
    );
    const { state, commands } = begin(pb);
    expect(state.status).toBe('failed');
    expect(commands).toEqual([
      { type: 'finish', status: 'failed', reason: 'more than 1000 nodes in one step: a loop without a waiting node' },
    ]);
  });
});

describe('idempotency keys', () => {
  // start → task --again--> tag → task (a loop through a waiting node); task --done--> end
  const pb = graph(
    [
      { id: 'start', kind: 'start' },
      { id: 'task', kind: 'agent_task', config: { prompt: 'p', outcomes: ['again', 'done'] }, ends: ['done', 'timeout'] },
      { id: 'appr', kind: 'approval', config: { role: 'pr' }, ends: ['approved', 'rejected'] },
    ],
    [
      ['start', 'next', 'task'],
      ['task', 'again', 'appr'],
      ['appr', 'timeout', 'task'],
    ],
  );

  test('are unique per node visit and phase, and stable for a retried activity', () => {
    const first = begin(pb);
    const steps = drive(
      pb,
      first,
      done('task'),
      decide('task', 'again'), // → appr: request (phase 0)
      done('appr'),
      timeout('appr', T0), // → backup request (phase 1)
      done('appr'),
      timeout('appr', T0), // → timeout → task again (visit 2)
    );
    const all = steps.flatMap((s) => keys(s.commands));
    expect(all).toEqual(['i-1:task:1:0', 'i-1:appr:1:0', 'i-1:appr:1:1', 'i-1:task:2:0']);
    expect(new Set(all).size).toBe(all.length);
    expect(steps[steps.length - 1].state.visits).toEqual({ start: 1, task: 2, appr: 1 });
    // Re-running the same step (a workflow replay or a retried activity) gives the same key.
    expect(keys(step(pb, steps[2].state, done('appr')).commands)).toEqual([]);
    expect(keys(step(pb, steps[1].state, decide('task', 'again')).commands)).toEqual(['i-1:appr:1:0']);
  });

  test('every activity input carries the interaction and node ids', () => {
    const c = begin(pb).commands[0];
    expect(c).toMatchObject({ type: 'activity', input: { interactionId: 'i-1', nodeId: 'task' } });
  });
});

describe('purity', () => {
  const pb = graph(
    [
      { id: 'start', kind: 'start' },
      { id: 'tag', kind: 'tag', config: { tags: ['a'] } },
      { id: 'd', kind: 'draft', config: { template: 't' } },
      { id: 'appr', kind: 'approval', config: { role: 'pr' }, ends: ['rejected', 'timeout'] },
      { id: 'route', kind: 'route', config: { team: 'care' } },
      { id: 'tag2', kind: 'tag', config: { tags: ['b'] } },
      { id: 'end', kind: 'end' },
    ],
    [
      ['start', 'next', 'tag'],
      ['tag', 'next', 'd'],
      ['d', 'next', 'appr'],
      ['appr', 'approved', 'route'],
      ['route', 'routed', 'tag2'],
      ['tag2', 'next', 'end'],
    ],
  );

  test('step() never mutates the previous state, the event or the graph (all deep-frozen)', () => {
    deepFreeze(pb);
    const events: RunEvent[] = [
      done('d', { text: 'hi' }),
      done('appr'),
      decide('appr', 'approved', { text: 'hello', by: 'pr@demo' }),
      done('route', { agent: 'a-1' }),
    ];
    let prev = begin(pb);
    const snapshots = [JSON.stringify(prev.state)];
    for (const e of events) {
      deepFreeze(prev.state);
      deepFreeze(e);
      const next = step(pb, prev.state, e);
      expect(JSON.stringify(prev.state)).toBe(snapshots[snapshots.length - 1]);
      expect(next.state).not.toBe(prev.state);
      snapshots.push(JSON.stringify(next.state));
      prev = next;
    }
    expect(prev.state.status).toBe('completed');
    expect(prev.state.vars).toEqual({
      tags: ['a', 'b'],
      sent: 0,
      draft: { text: 'hello', approved: true, approvedBy: 'pr@demo', rejected: false },
      assignment: { agent: 'a-1' },
    });
  });

  test('the same inputs give the same outputs (deterministic)', () => {
    const a = drive(pb, begin(pb), done('d', { text: 'hi' }), done('appr'));
    const b = drive(pb, begin(pb), done('d', { text: 'hi' }), done('appr'));
    expect(b).toEqual(a);
  });
});
