import { begin, done, drive, graph, single, T0, trail } from '../__fixtures__/graphs';
import { chooseVariant } from '../templates/variant';

const key = (node: string, visit = 1, phase = 0) => `i-1:${node}:${visit}:${phase}`;

describe('tag', () => {
  test('accumulates tags over the run, without duplicates, in order', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'a', kind: 'tag', config: { tags: ['vip', 'angry'] } },
        { id: 'b', kind: 'tag', config: { tags: ['angry', 'pr'] } },
        { id: 'end', kind: 'end' },
      ],
      [
        ['start', 'next', 'a'],
        ['a', 'next', 'b'],
        ['b', 'next', 'end'],
      ],
    );
    const { state, commands } = begin(pb);
    expect(state.vars.tags).toEqual(['vip', 'angry', 'pr']);
    expect(state.path[1].detail).toEqual({ tags: ['vip', 'angry'] });
    expect(trail(state)).toEqual(['start:next', 'a:next', 'b:next', 'end:undefined']);
    expect(commands).toEqual([{ type: 'finish', status: 'completed', reason: 'end' }]);
  });
});

describe('route', () => {
  const pb = single('route', { team: 'care', skills: ['fr'], strategy: 'least_busy', mode: 'pull' });

  test('runs the route activity with the config, the tier and the influence', () => {
    const { state, commands } = begin(pb, { facts: { influence: { score: 42, segment: 'standard' } } });
    expect(commands).toEqual([
      {
        type: 'activity',
        nodeId: 'n',
        activity: 'route',
        input: {
          team: 'care',
          skills: ['fr'],
          strategy: 'least_busy',
          mode: 'pull',
          tier: 'first',
          influence: 42,
          interactionId: 'i-1',
          nodeId: 'n',
          idempotencyKey: key('n'),
        },
      },
    ]);
    expect(state.status).toBe('waiting');
    expect(state.waiting).toEqual({ nodeId: 'n', waitFor: 'activity', phase: 0 });
    expect(state.path[1].outcome).toBeUndefined();
  });

  test('then routed, with the assignment stored', () => {
    const assignment = { team: 'care', agentId: 'a-7' };
    const [, last] = drive(pb, begin(pb), done('n', assignment, '2026-11-25T10:00:05.000Z'));
    expect(trail(last.state)).toEqual(['start:next', 'n:routed']);
    expect(last.state.vars.assignment).toEqual(assignment);
    expect(last.state.path[1]).toEqual({
      nodeId: 'n',
      kind: 'route',
      outcome: 'routed',
      startedAt: T0,
      finishedAt: '2026-11-25T10:00:05.000Z',
      detail: assignment,
    });
  });
});

describe('draft', () => {
  test('asks for a draft and stores vars.draft from the result', () => {
    const pb = single('draft', { template: 'acknowledge' });
    const first = begin(pb);
    expect(first.commands[0]).toMatchObject({
      type: 'activity',
      activity: 'draft',
      input: { source: 'template', template: 'acknowledge' },
    });
    const [, last] = drive(pb, first, done('n', { text: 'Hi Angela', template: 'acknowledge' }));
    expect(last.state.vars.draft).toEqual({ text: 'Hi Angela', template: 'acknowledge', articleId: undefined });
    expect(trail(last.state)).toEqual(['start:next', 'n:next']);
  });

  test('a knowledge-base draft keeps its article id', () => {
    const pb = single('draft', { source: 'kb' });
    const [, last] = drive(pb, begin(pb), done('n', { text: 'Reset your password here', articleId: 'kb-12' }));
    expect(last.state.vars.draft).toEqual({ text: 'Reset your password here', template: undefined, articleId: 'kb-12' });
  });
});

describe('send', () => {
  const withDraft = (send: Record<string, unknown>) =>
    graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'd', kind: 'draft', config: { template: 't' } },
        { id: 's', kind: 'send', config: send, ends: ['sent', 'failed'] },
      ],
      [
        ['start', 'next', 'd'],
        ['d', 'next', 's'],
      ],
    );

  test('sends the drafted text, then sent; counts it', () => {
    const pb = withDraft({ visibility: 'private' });
    const [, atSend, last] = drive(pb, begin(pb), done('d', { text: 'Hello there' }), done('s', { outcome: 'sent', externalId: 'x-1' }));
    expect(atSend.commands).toEqual([
      {
        type: 'activity',
        nodeId: 's',
        activity: 'send',
        input: {
          visibility: 'private',
          text: 'Hello there',
          template: undefined,
          interactionId: 'i-1',
          nodeId: 's',
          idempotencyKey: key('s'),
        },
      },
    ]);
    expect(trail(last.state)).toEqual(['start:next', 'd:next', 's:sent']);
    expect(last.state.path[2].detail).toEqual({ outcome: 'sent', externalId: 'x-1' });
    expect(last.state.vars.sent).toBe(1);
  });

  test('the channel may report failed: the failed outcome, not counted', () => {
    const pb = withDraft({});
    const [, , last] = drive(pb, begin(pb), done('d', { text: 'Hello' }), done('s', { outcome: 'failed', error: 'rate limited' }));
    expect(trail(last.state)).toEqual(['start:next', 'd:next', 's:failed']);
    expect(last.state.vars.sent).toBe(0);
  });

  test('without a draft it sends its own template', () => {
    const { commands } = begin(single('send', { template: 'pii-public-warning' }));
    expect(commands[0]).toMatchObject({
      activity: 'send',
      input: { visibility: 'public', text: undefined, template: 'pii-public-warning' },
    });
  });

  test('requireApproval without an approval: failed at once, nothing sent', () => {
    const pb = withDraft({ requireApproval: true });
    const [, last] = drive(pb, begin(pb), done('d', { text: 'Hello' }));
    expect(trail(last.state)).toEqual(['start:next', 'd:next', 's:failed']);
    expect(last.state.path[2].detail).toEqual({ reason: 'the reply needs an approval it does not have' });
    expect(last.commands).toEqual([{ type: 'finish', status: 'completed', reason: 's ended the run on "failed"' }]);
  });

  const approvalThenSend = graph(
    [
      { id: 'start', kind: 'start' },
      { id: 'd', kind: 'draft', config: { template: 't' } },
      { id: 'a', kind: 'approval', config: { role: 'legal' }, ends: ['timeout'] },
      { id: 's', kind: 'send', config: { requireApproval: true }, ends: ['sent', 'failed'] },
    ],
    [
      ['start', 'next', 'd'],
      ['d', 'next', 'a'],
      ['a', 'approved', 's'],
      ['a', 'rejected', 's'],
    ],
  );
  const decided = (outcome: string) => {
    const steps = drive(approvalThenSend, begin(approvalThenSend), done('d', { text: 'Hello' }), done('a'), {
      type: 'decision',
      at: T0,
      nodeId: 'a',
      outcome,
      by: 'legal@demo',
    });
    return steps[steps.length - 1];
  };

  test('requireApproval with an approved draft sends it', () => {
    const last = decided('approved');
    expect(trail(last.state)).toEqual(['start:next', 'd:next', 'a:approved', 's:undefined']);
    expect(last.commands).toEqual([
      {
        type: 'activity',
        nodeId: 's',
        activity: 'send',
        input: { visibility: 'public', text: 'Hello', template: undefined, interactionId: 'i-1', nodeId: 's', idempotencyKey: key('s') },
      },
    ]);
  });

  test('a rejected draft is never sent', () => {
    const last = decided('rejected');
    expect(trail(last.state)).toEqual(['start:next', 'd:next', 'a:rejected', 's:failed']);
    expect(last.state.path[3].detail).toEqual({ reason: 'the draft was rejected' });
    expect(last.commands).toEqual([{ type: 'finish', status: 'completed', reason: 's ended the run on "failed"' }]);
  });

  test('a rejected draft is never sent, even without requireApproval', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'd', kind: 'draft', config: { template: 't' } },
        { id: 'a', kind: 'approval', config: { role: 'legal' }, ends: ['approved', 'timeout'] },
        { id: 's', kind: 'send', config: {}, ends: ['sent', 'failed'] },
      ],
      [
        ['start', 'next', 'd'],
        ['d', 'next', 'a'],
        ['a', 'rejected', 's'],
      ],
    );
    const steps = drive(pb, begin(pb), done('d', { text: 'Hello' }), done('a'), {
      type: 'decision',
      at: T0,
      nodeId: 'a',
      outcome: 'rejected',
    });
    expect(trail(steps[3].state)).toEqual(['start:next', 'd:next', 'a:rejected', 's:failed']);
    expect(steps[3].commands.some((c) => c.type === 'activity')).toBe(false);
  });
});

describe('holding', () => {
  const templates = ['h1', 'h2', 'h3'];
  const pb = single('holding', { templates });
  const variantOf = (id: string) =>
    (begin(pb, { interaction: { id } }).commands[0] as unknown as { input: { variant: number; template: string } }).input;

  test('sends one variant, chosen from the interaction id, in the interaction visibility', () => {
    const { commands } = begin(pb);
    const v = chooseVariant('i-1', 3);
    expect(commands).toEqual([
      {
        type: 'activity',
        nodeId: 'n',
        activity: 'send',
        input: { visibility: 'public', template: templates[v], variant: v, interactionId: 'i-1', nodeId: 'n', idempotencyKey: key('n') },
      },
    ]);
    expect(begin(pb, { interaction: { visibility: 'private' } }).commands[0]).toMatchObject({ input: { visibility: 'private' } });
  });

  test('deterministic: the same interaction id always gets the same variant', () => {
    for (const id of ['a', 'tweet-123', 'i-1']) expect(variantOf(id)).toEqual(variantOf(id));
  });

  test('different ids spread over every variant, roughly evenly', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 300; i++) counts[variantOf(`tweet-${i}`).variant]++;
    for (const c of counts) expect(c).toBeGreaterThan(60);
    expect(new Set(Array.from({ length: 300 }, (_, i) => variantOf(`tweet-${i}`).template))).toEqual(new Set(templates));
  });

  test('then next, counted as sent', () => {
    const [, last] = drive(pb, begin(pb), done('n', { outcome: 'sent' }));
    expect(trail(last.state)).toEqual(['start:next', 'n:next']);
    expect(last.state.vars.sent).toBe(1);
  });
  test('in draft mode, the chosen variant becomes the run draft (for an approval) and nothing is sent', () => {
    const drafting = single('holding', { templates, mode: 'draft' });
    const first = begin(drafting);
    const v = chooseVariant('i-1', 3);
    expect(first.commands).toEqual([
      {
        type: 'activity',
        nodeId: 'n',
        activity: 'draft',
        input: { source: 'template', template: templates[v], variant: v, interactionId: 'i-1', nodeId: 'n', idempotencyKey: key('n') },
      },
    ]);
    const [, last] = drive(drafting, first, done('n', { text: 'We are on it', template: templates[v] }));
    expect(trail(last.state)).toEqual(['start:next', 'n:next']);
    expect(last.state.vars.draft).toEqual({ text: 'We are on it', template: templates[v] });
    expect(last.state.vars.sent).toBe(0);
  });
});

describe('notify, declare_crisis, resolve, end', () => {
  test('notify runs the notify activity with its config, then next', () => {
    const pb = single('notify', { to: ['team:leads'], message: 'Look at {{handle}}' });
    const first = begin(pb);
    expect(first.commands[0]).toMatchObject({ activity: 'notify', input: { to: ['team:leads'], message: 'Look at {{handle}}' } });
    expect(trail(drive(pb, first, done('n'))[1].state)).toEqual(['start:next', 'n:next']);
  });

  test('declare_crisis runs declareCrisis with the topic, then next', () => {
    const pb = single('declare_crisis', { topic: 'discount-link' });
    const first = begin(pb);
    expect(first.commands[0]).toMatchObject({ activity: 'declareCrisis', input: { topic: 'discount-link', idempotencyKey: key('n') } });
    expect(trail(drive(pb, first, done('n'))[1].state)).toEqual(['start:next', 'n:next']);
  });

  test('resolve asks for a thank-you only on a public interaction', () => {
    const pb = single('resolve', { resolution: 'answered' });
    expect(begin(pb).commands[0]).toMatchObject({ activity: 'resolve', input: { resolution: 'answered', thankYou: true } });
    expect(begin(pb, { interaction: { visibility: 'private' } }).commands[0]).toMatchObject({ input: { thankYou: false } });
    expect(begin(single('resolve', { thankYou: false })).commands[0]).toMatchObject({ input: { thankYou: false } });
    expect(trail(drive(pb, begin(pb), done('n'))[1].state)).toEqual(['start:next', 'n:next']);
  });

  test('end completes the run', () => {
    const { state, commands } = begin(
      graph(
        [
          { id: 'start', kind: 'start' },
          { id: 'end', kind: 'end' },
        ],
        [['start', 'next', 'end']],
      ),
    );
    expect(state.status).toBe('completed');
    expect(state.reason).toBe('end');
    expect(state.waiting).toBeUndefined();
    expect(commands).toEqual([{ type: 'finish', status: 'completed', reason: 'end' }]);
  });
});
