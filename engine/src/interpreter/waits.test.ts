import { begin, decide, done, drive, graph, HOUR, MIN, plus, single, T0, timeout, trail } from '../__fixtures__/graphs';
import { step } from './step';

const key = (node: string, visit = 1, phase = 0) => `i-1:${node}:${visit}:${phase}`;
const T1 = plus(T0, 1000); // when the activity reports back

describe('escalate: a ladder of rungs, each with its SLA', () => {
  const pb = single('escalate', {
    ladder: [
      { to: 'team_lead', sla: '15m' },
      { to: 'pr', sla: '1h' },
    ],
    note: 'angry influencer',
  });

  test('rung 0: the escalate activity, then a wait until the rung SLA', () => {
    const first = begin(pb);
    expect(first.commands).toEqual([
      {
        type: 'activity',
        nodeId: 'n',
        activity: 'escalate',
        input: {
          rung: 0,
          to: 'team_lead',
          sla: '15m',
          note: 'angry influencer',
          interactionId: 'i-1',
          nodeId: 'n',
          idempotencyKey: key('n', 1, 0),
        },
      },
    ]);
    const [, waiting] = drive(pb, first, done('n', {}, T1));
    expect(waiting.commands).toEqual([{ type: 'await', nodeId: 'n', waitFor: 'escalation', until: plus(T1, 15 * MIN) }]);
    expect(waiting.state.waiting).toEqual({ nodeId: 'n', waitFor: 'escalation', until: plus(T1, 15 * MIN), phase: 0 });
  });

  test('a decision on the first rung → handled, with the rung and who', () => {
    const steps = drive(pb, begin(pb), done('n', {}, T1), decide('n', 'handled', { by: 'lead@demo', at: plus(T1, MIN) }));
    expect(trail(steps[2].state)).toEqual(['start:next', 'n:handled']);
    expect(steps[2].state.path[1].detail).toEqual({ rung: 0, by: 'lead@demo' });
  });

  test('timeout → the next rung (new idempotency key) → its SLA → handled there', () => {
    const t = plus(T1, 15 * MIN);
    const steps = drive(pb, begin(pb), done('n', {}, T1), timeout('n', t));
    expect(steps[2].commands).toEqual([
      {
        type: 'activity',
        nodeId: 'n',
        activity: 'escalate',
        input: {
          rung: 1,
          to: 'pr',
          sla: '1h',
          note: 'angry influencer',
          interactionId: 'i-1',
          nodeId: 'n',
          idempotencyKey: key('n', 1, 1),
        },
      },
    ]);
    const more = drive(pb, steps[2], done('n', {}, t), decide('n', 'handled', { by: 'pr@demo' }));
    expect(more[1].commands).toEqual([{ type: 'await', nodeId: 'n', waitFor: 'escalation', until: plus(t, HOUR) }]);
    expect(more[1].state.waiting?.phase).toBe(1);
    expect(more[2].state.path[1].detail).toEqual({ rung: 1, by: 'pr@demo' });
  });

  test('the last rung times out → timeout', () => {
    const t = plus(T1, 15 * MIN);
    const steps = drive(pb, begin(pb), done('n', {}, T1), timeout('n', t), done('n', {}, t), timeout('n', plus(t, HOUR)));
    const last = steps[steps.length - 1];
    expect(trail(last.state)).toEqual(['start:next', 'n:timeout']);
    expect(last.state.path[1].detail).toEqual({ rungs: 2 });
    expect(last.state.path[1].finishedAt).toBe(plus(t, HOUR));
    expect(last.state.status).toBe('completed');
  });
});

describe('approval', () => {
  const pb = (config: Record<string, unknown> = {}) =>
    graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'd', kind: 'draft', config: { template: 't' } },
        { id: 'a', kind: 'approval', config: { role: 'pr', sla: '30m', ...config }, ends: ['approved', 'rejected', 'timeout'] },
      ],
      [
        ['start', 'next', 'd'],
        ['d', 'next', 'a'],
      ],
    );
  /** Up to the wait for the approver. */
  const atApproval = (config: Record<string, unknown> = {}) => {
    const g = pb(config);
    return { g, steps: drive(g, begin(g), done('d', { text: 'Sorry about that!' }), done('a', {}, T1)) };
  };

  test('requests an approval of the draft text with its due time, then waits for the SLA', () => {
    const g = pb();
    const steps = drive(g, begin(g), done('d', { text: 'Sorry about that!' }), done('a', {}, T1));
    expect(steps[1].commands).toEqual([
      {
        type: 'activity',
        nodeId: 'a',
        activity: 'requestApproval',
        input: {
          role: 'pr',
          text: 'Sorry about that!',
          dueAt: plus(T0, 30 * MIN),
          backup: false,
          interactionId: 'i-1',
          nodeId: 'a',
          idempotencyKey: key('a', 1, 0),
        },
      },
    ]);
    expect(steps[2].commands).toEqual([{ type: 'await', nodeId: 'a', waitFor: 'approval', until: plus(T1, 30 * MIN) }]);
  });

  test('approve: the draft is marked approved by the approver, text unchanged', () => {
    const { g, steps } = atApproval();
    const { state } = step(g, steps[2].state, decide('a', 'approved', { by: 'pr@demo' }));
    expect(trail(state)).toEqual(['start:next', 'd:next', 'a:approved']);
    expect(state.vars.draft).toEqual({ text: 'Sorry about that!', approved: true, approvedBy: 'pr@demo', rejected: false });
    expect(state.path[2].detail).toEqual({ by: 'pr@demo', reason: undefined, edited: false });
  });

  test('approve with an edit: the approved text replaces the draft', () => {
    const { g, steps } = atApproval();
    const { state } = step(g, steps[2].state, decide('a', 'approved', { by: 'pr@demo', text: 'We are so sorry, Angela.' }));
    expect(state.vars.draft).toMatchObject({ text: 'We are so sorry, Angela.', approved: true, approvedBy: 'pr@demo' });
    expect(state.path[2].detail).toMatchObject({ edited: true });
  });

  test('reject: rejected, with the reason; the draft is marked rejected', () => {
    const { g, steps } = atApproval();
    const { state } = step(g, steps[2].state, decide('a', 'rejected', { by: 'pr@demo', reason: 'tone' }));
    expect(trail(state)).toEqual(['start:next', 'd:next', 'a:rejected']);
    expect(state.vars.draft).toEqual({ text: 'Sorry about that!', approved: false, approvedBy: undefined, rejected: true });
    expect(state.path[2].detail).toEqual({ by: 'pr@demo', reason: 'tone', edited: false });
  });

  test('timeout → a backup request (new key) → timeout', () => {
    const { g, steps } = atApproval();
    const t = plus(T1, 30 * MIN);
    const backup = step(g, steps[2].state, timeout('a', t));
    expect(backup.commands).toEqual([
      {
        type: 'activity',
        nodeId: 'a',
        activity: 'requestApproval',
        input: {
          role: 'pr',
          text: 'Sorry about that!',
          dueAt: plus(t, 30 * MIN),
          backup: true,
          interactionId: 'i-1',
          nodeId: 'a',
          idempotencyKey: key('a', 1, 1),
        },
      },
    ]);
    const [, waiting, last] = drive(g, backup, done('a', {}, t), timeout('a', plus(t, 30 * MIN)));
    expect(waiting.state.waiting).toEqual({ nodeId: 'a', waitFor: 'approval', until: plus(t, 30 * MIN), phase: 1 });
    expect(trail(last.state)).toEqual(['start:next', 'd:next', 'a:timeout']);
    expect(last.state.path[2].detail).toEqual({ attempts: 2 });
  });

  test('the backup approver may still decide', () => {
    const { g, steps } = atApproval();
    const t = plus(T1, 30 * MIN);
    const [, , , last] = drive(g, steps[2], timeout('a', t), done('a', {}, t), decide('a', 'approved', { by: 'backup@demo' }));
    expect(trail(last.state)).toEqual(['start:next', 'd:next', 'a:approved']);
    expect(last.state.vars.draft?.approvedBy).toBe('backup@demo');
  });

  test('without a backup the first timeout is final', () => {
    const { g, steps } = atApproval({ backup: false });
    const { state } = step(g, steps[2].state, timeout('a', plus(T1, 30 * MIN)));
    expect(trail(state)).toEqual(['start:next', 'd:next', 'a:timeout']);
    expect(state.path[2].detail).toEqual({ attempts: 1 });
  });
});

describe('agent_task', () => {
  const pb = single('agent_task', {
    prompt: 'Reply to {{handle}}',
    checklist: ['Read history'],
    outcomes: ['answered', 'needs_pr'],
    sla: '2h',
  });

  test('creates the task with its prompt, checklist, outcomes and due time, then waits for the SLA', () => {
    const first = begin(pb);
    expect(first.commands).toEqual([
      {
        type: 'activity',
        nodeId: 'n',
        activity: 'createTask',
        input: {
          prompt: 'Reply to {{handle}}',
          checklist: ['Read history'],
          suggestedReplies: [],
          outcomes: ['answered', 'needs_pr'],
          sla: '2h',
          dueAt: plus(T0, 2 * HOUR),
          interactionId: 'i-1',
          nodeId: 'n',
          idempotencyKey: key('n'),
        },
      },
    ]);
    const [, waiting] = drive(pb, first, done('n', { taskId: 't-1' }, T1));
    expect(waiting.commands).toEqual([{ type: 'await', nodeId: 'n', waitFor: 'task', until: plus(T1, 2 * HOUR) }]);
  });

  test.each(['answered', 'needs_pr'])('the agent picks the custom outcome %s', (o) => {
    const [, , last] = drive(pb, begin(pb), done('n'), decide('n', o, { by: 'agent@demo' }));
    expect(trail(last.state)).toEqual(['start:next', `n:${o}`]);
    expect(last.state.path[1].detail).toEqual({ by: 'agent@demo' });
  });

  test('the SLA passes → timeout', () => {
    const [, , last] = drive(pb, begin(pb), done('n'), timeout('n', plus(T0, 2 * HOUR)));
    expect(trail(last.state)).toEqual(['start:next', 'n:timeout']);
  });

  test('an agent cannot choose "timeout" or an outcome the task does not offer', () => {
    const [, waiting] = drive(pb, begin(pb), done('n'));
    expect(() => step(pb, waiting.state, decide('n', 'timeout'))).toThrow(
      '"timeout" is not a decision agent_task n accepts (answered, needs_pr)',
    );
    expect(() => step(pb, waiting.state, decide('n', 'done'))).toThrow(/"done" is not a decision/);
  });
});

describe('wait', () => {
  test('for a reply: awaits the reply until the duration, replied with the text', () => {
    const pb = single('wait', { for: 'reply', duration: '2h' });
    const first = begin(pb);
    expect(first.commands).toEqual([{ type: 'await', nodeId: 'n', waitFor: 'reply', until: plus(T0, 2 * HOUR) }]);
    const { state } = step(pb, first.state, { type: 'customer_reply', at: plus(T0, MIN), text: 'still broken' });
    expect(trail(state)).toEqual(['start:next', 'n:replied']);
    expect(state.path[1].detail).toEqual({ text: 'still broken' });
  });

  test('for a reply: nobody answers → timeout', () => {
    const pb = single('wait', {});
    const first = begin(pb);
    expect(first.commands).toEqual([{ type: 'await', nodeId: 'n', waitFor: 'reply', until: plus(T0, 24 * HOUR) }]);
    expect(trail(step(pb, first.state, timeout('n', plus(T0, 24 * HOUR))).state)).toEqual(['start:next', 'n:timeout']);
  });

  test('for a duration: a timer, then elapsed; a customer reply does not end it', () => {
    const pb = single('wait', { for: 'duration', duration: '30m' });
    const first = begin(pb);
    expect(first.commands).toEqual([{ type: 'await', nodeId: 'n', waitFor: 'timer', until: plus(T0, 30 * MIN) }]);
    expect(() => step(pb, first.state, { type: 'customer_reply', at: T0, text: 'hello?' })).toThrow(
      'customer_reply cannot end a wait for timer',
    );
    expect(trail(step(pb, first.state, timeout('n', plus(T0, 30 * MIN))).state)).toEqual(['start:next', 'n:elapsed']);
  });
});
