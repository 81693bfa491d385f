import { begin, graph, single, T0, trail } from '../__fixtures__/graphs';
import type { Channel } from '../analysis/facts';
import { startAccepts } from '../playbook/entry';

/** The outcome the single decision node `n` took. */
const took = (r: ReturnType<typeof begin>) => r.state.path[1]?.outcome;

describe('start', () => {
  const pb = (config: Record<string, unknown>) =>
    graph(
      [
        { id: 'start', kind: 'start', config },
        { id: 'end', kind: 'end' },
      ],
      [['start', 'next', 'end']],
    );

  test('no filter: every interaction goes on', () => {
    const { state, commands } = begin(pb({}));
    expect(trail(state)).toEqual(['start:next', 'end:undefined']);
    expect(commands).toEqual([{ type: 'finish', status: 'completed', reason: 'end' }]);
    expect(state.path).toEqual([
      { nodeId: 'start', kind: 'start', outcome: 'next', startedAt: T0, finishedAt: T0 },
      { nodeId: 'end', kind: 'end', startedAt: T0, finishedAt: T0 },
    ]);
  });

  test('channel filter: a listed channel goes on, another completes at once without going further', () => {
    expect(trail(begin(pb({ channels: ['x', 'email'] }), { interaction: { channel: 'email' } }).state)).toEqual([
      'start:next',
      'end:undefined',
    ]);
    const { state, commands } = begin(pb({ channels: ['x', 'email'] }), { interaction: { channel: 'facebook' } });
    expect(trail(state)).toEqual(['start:undefined']);
    expect(state.status).toBe('completed');
    expect(commands).toEqual([{ type: 'finish', status: 'completed', reason: 'channel facebook is not handled by this playbook' }]);
  });

  test('visibility filter', () => {
    expect(trail(begin(pb({ visibility: ['private'] }), { interaction: { visibility: 'private' } }).state)).toEqual([
      'start:next',
      'end:undefined',
    ]);
    const { state, commands } = begin(pb({ visibility: ['private'] }), { interaction: { visibility: 'public' } });
    expect(trail(state)).toEqual(['start:undefined']);
    expect(commands[0]).toEqual({ type: 'finish', status: 'completed', reason: 'public messages are not handled by this playbook' });
  });

  test('account filter: a message to a listed brand account goes on; another account, or none named, completes with the reason', () => {
    const only = pb({ accounts: ['104000000000001', '1500000000000000000'] });
    expect(trail(begin(only, { interaction: { account: '104000000000001' } }).state)).toEqual(['start:next', 'end:undefined']);
    expect(begin(only, { interaction: { account: '999' } }).commands[0]).toEqual({
      type: 'finish',
      status: 'completed',
      reason: 'messages to account 999 are not handled by this playbook',
    });
    expect(begin(only).commands[0]).toMatchObject({ type: 'finish', reason: expect.stringMatching(/names no account/) });
    // The playbook chooser asks the same rule.
    expect(startAccepts(only, { channel: 'x', visibility: 'public', account: '1500000000000000000' })).toBe(true);
    expect(startAccepts(only, { channel: 'x', visibility: 'public', account: '999' })).toBe(false);
    expect(startAccepts(only, { channel: 'x', visibility: 'public' })).toBe(false);
    expect(startAccepts(pb({}), { channel: 'x', visibility: 'public' })).toBe(true);
  });
});

describe('keywords', () => {
  const pb = single('keywords', { query: 'refund' });
  test('match when facts.matches has the node id', () => {
    const r = begin(pb, { facts: { matches: { n: true } } });
    expect(took(r)).toBe('match');
    expect(r.state.path[1].detail).toEqual({ query: 'refund' });
  });
  test('no_match when absent or false, whatever other nodes matched', () => {
    expect(took(begin(pb, { facts: { matches: {} } }))).toBe('no_match');
    expect(took(begin(pb, { facts: { matches: { n: false, other: true } } }))).toBe('no_match');
  });
});

describe('sentiment', () => {
  const sentiment = (compound: number) => ({ sentiment: { compound, label: 'neutral' as const } });
  test.each([
    [-0.9, 'negative'],
    [-0.05, 'negative'],
    [-0.04, 'neutral'],
    [0, 'neutral'],
    [0.04, 'neutral'],
    [0.05, 'positive'],
    [1, 'positive'],
  ])('default thresholds: %d → %s', (compound, outcome) => {
    const r = begin(single('sentiment'), { facts: sentiment(compound) });
    expect(took(r)).toBe(outcome);
    expect(r.state.path[1].detail).toEqual({ compound });
  });
  test.each([
    [-0.5, 'negative'],
    [-0.49, 'neutral'],
    [0.49, 'neutral'],
    [0.5, 'positive'],
  ])('thresholds ±0.5: %d → %s', (compound, outcome) => {
    expect(took(begin(single('sentiment', { negativeBelow: -0.5, positiveAbove: 0.5 }), { facts: sentiment(compound) }))).toBe(outcome);
  });
});

describe('priority', () => {
  test.each(['first', 'second', 'noise'] as const)('tier %s', (tier) => {
    const r = begin(single('priority'), { facts: { priority: { tier, needsResponse: tier === 'first', cues: ['cue-' + tier] } } });
    expect(took(r)).toBe(tier);
    expect(r.state.path[1].detail).toEqual({ cues: ['cue-' + tier] });
  });
});

describe('customer', () => {
  test.each(['vip', 'influencer', 'first_time', 'standard'] as const)('segment %s', (segment) => {
    const r = begin(single('customer'), { facts: { influence: { segment, score: 77 } } });
    expect(took(r)).toBe(segment);
    expect(r.state.path[1].detail).toEqual({ score: 77 });
  });
});

describe('channel', () => {
  test.each<[Channel, string]>([
    ['x', 'x'],
    ['email', 'email'],
    ['facebook', 'other'],
    ['chat', 'other'],
  ])('branches [x, email]: %s → %s', (channel, outcome) => {
    expect(took(begin(single('channel', { branches: ['x', 'email'] }), { interaction: { channel } }))).toBe(outcome);
  });
  test('default branches: every channel has its own', () => {
    expect(took(begin(single('channel'), { interaction: { channel: 'instagram' } }))).toBe('instagram');
  });
});

describe('crisis', () => {
  const crisis = (active: boolean, topics: string[]) => ({ crisis: { active, topics } });
  test('no topic: any active crisis', () => {
    const r = begin(single('crisis'), { facts: crisis(true, ['outage']) });
    expect(took(r)).toBe('crisis');
    expect(r.state.path[1].detail).toEqual({ topics: ['outage'] });
    expect(took(begin(single('crisis'), { facts: crisis(false, []) }))).toBe('normal');
  });
  test('with a topic: only a crisis on that topic', () => {
    expect(took(begin(single('crisis', { topic: 'discount-link' }), { facts: crisis(true, ['outage', 'discount-link']) }))).toBe('crisis');
    expect(took(begin(single('crisis', { topic: 'discount-link' }), { facts: crisis(true, ['outage']) }))).toBe('normal');
  });
  test('no crisis facts at all (analysis without a server) → normal', () => {
    const r = begin(single('crisis'), { facts: { crisis: undefined } });
    expect(took(r)).toBe('normal');
    expect(r.state.path[1].detail).toEqual({ topics: [] });
  });
});

describe('pii', () => {
  const found = { pii: { found: true, kinds: ['card'], spans: [{ kind: 'card', start: 0, end: 16 }] } };
  test('public post with PII → found, with the kinds', () => {
    const r = begin(single('pii'), { facts: found });
    expect(took(r)).toBe('found');
    expect(r.state.path[1].detail).toEqual({ kinds: ['card'] });
  });
  test('public post without → none', () => {
    expect(took(begin(single('pii')))).toBe('none');
  });
  test('private message: none by default (publicOnly), found when publicOnly is off', () => {
    const r = begin(single('pii'), { facts: found, interaction: { visibility: 'private' } });
    expect(took(r)).toBe('none');
    expect(r.state.path[1].detail).toEqual({ reason: 'private message' });
    expect(took(begin(single('pii', { publicOnly: false }), { facts: found, interaction: { visibility: 'private' } }))).toBe('found');
  });
});

describe('expression', () => {
  test.each([
    [
      'sentiment.compound < -0.5 and influence.score > 50',
      { sentiment: { compound: -0.8, label: 'negative' as const }, influence: { score: 80, segment: 'influencer' as const } },
      'true',
    ],
    [
      'sentiment.compound < -0.5 and influence.score > 50',
      { sentiment: { compound: -0.8, label: 'negative' as const }, influence: { score: 20, segment: 'standard' as const } },
      'false',
    ],
    ['influence.segment == "vip" or priority.tier == "first"', {}, 'true'],
    ['"card" in pii.kinds', {}, 'false'],
  ])('%s → %s', (expression, facts, outcome) => {
    expect(took(begin(single('expression', { expression }), { facts }))).toBe(outcome);
  });

  test('the scope has the channel, the visibility and the author of the interaction', () => {
    const pb = single('expression', { expression: 'channel == "email" and visibility == "private" and author.followers >= 100' });
    expect(took(begin(pb, { interaction: { channel: 'email', visibility: 'private' } }))).toBe('true');
    expect(took(begin(pb, { interaction: { channel: 'x', visibility: 'private' } }))).toBe('false');
  });

  test('tags given earlier in the run are in the scope', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 't', kind: 'tag', config: { tags: ['vip-watch'] } },
        { id: 'n', kind: 'expression', config: { expression: 'tags contains "vip-watch"' }, ends: ['true', 'false'] },
      ],
      [
        ['start', 'next', 't'],
        ['t', 'next', 'n'],
      ],
    );
    expect(trail(begin(pb).state)).toEqual(['start:next', 't:next', 'n:true']);
  });
});
