import { NodeSpec, raw } from '../__fixtures__/graphs';
import { hasErrors, Problem, validate } from './validate';

/** The parts of a problem a test asserts on (message aside). */
const brief = (ps: Problem[]) => ps.map(({ code, nodeId, edgeId, path, severity }) => ({ code, nodeId, edgeId, path, severity }));
const only = (ps: Problem[], code: string) => brief(ps.filter((p) => p.code === code));
const E = (p: Partial<Problem> & { code: string }) => ({ nodeId: undefined, edgeId: undefined, path: undefined, severity: 'error', ...p });

const start: NodeSpec = { id: 'start', kind: 'start' };
const end: NodeSpec = { id: 'end', kind: 'end' };
const tag = (id: string): NodeSpec => ({ id, kind: 'tag', config: { tags: [id] } });

describe('validate: ids and the start node', () => {
  test('a valid graph has no problems', () => {
    const ps = validate(
      raw(
        [start, tag('t'), end],
        [
          ['start', 'next', 't'],
          ['t', 'next', 'end'],
        ],
      ),
    );
    expect(ps).toEqual([]);
    expect(hasErrors(ps)).toBe(false);
  });

  test('duplicate_node_id names the id once, however often it repeats', () => {
    const ps = validate(
      raw(
        [start, tag('t'), tag('t'), tag('t'), end],
        [
          ['start', 'next', 't'],
          ['t', 'next', 'end'],
        ],
      ),
    );
    expect(only(ps, 'duplicate_node_id')).toEqual([E({ code: 'duplicate_node_id', nodeId: 't' })]);
  });

  test('duplicate_edge_id', () => {
    const input = raw(
      [start, tag('t'), end],
      [
        ['start', 'next', 't'],
        ['t', 'next', 'end'],
      ],
    );
    input.edges[1].id = input.edges[0].id;
    expect(only(validate(input), 'duplicate_edge_id')).toEqual([E({ code: 'duplicate_edge_id', edgeId: 'e-0' })]);
  });

  test('start_count: none', () => {
    const ps = validate(raw([{ ...tag('t'), ends: ['next'] }]));
    expect(brief(ps)).toEqual([E({ code: 'start_count' })]);
    expect(ps.find((p) => p.code === 'start_count')?.message).toBe('a playbook needs one start node');
  });

  test('start_count: two, pointing at the second; and no unreachable warnings without a single start', () => {
    const ps = validate(
      raw(
        [start, { id: 'start2', kind: 'start' }, end],
        [
          ['start', 'next', 'end'],
          ['start2', 'next', 'end'],
        ],
      ),
    );
    expect(only(ps, 'start_count')).toEqual([E({ code: 'start_count', nodeId: 'start2' })]);
    expect(ps.find((p) => p.code === 'start_count')?.message).toMatch(/found 2/);
    expect(only(ps, 'unreachable')).toEqual([]);
  });
});

describe('validate: edges', () => {
  test('dangling_edge from an unknown source', () => {
    const ps = validate(
      raw(
        [start, end],
        [
          ['start', 'next', 'end'],
          ['ghost', 'next', 'end'],
        ],
      ),
    );
    expect(brief(ps)).toEqual([E({ code: 'dangling_edge', edgeId: 'e-1', path: 'source' })]);
  });

  test('dangling_edge to an unknown target', () => {
    const ps = validate(raw([start, end], [['start', 'next', 'ghost']]));
    expect(only(ps, 'dangling_edge')).toEqual([E({ code: 'dangling_edge', edgeId: 'e-0', path: 'target' })]);
  });

  test('a loop through an unknown node is reported as dangling edges, without crashing', () => {
    const ps = validate(
      raw(
        [start, tag('t')],
        [
          ['start', 'next', 't'],
          ['t', 'next', 'ghost'],
          ['ghost', 'next', 't'],
        ],
      ),
    );
    expect(brief(ps)).toEqual([
      E({ code: 'dangling_edge', edgeId: 'e-1', path: 'target' }),
      E({ code: 'dangling_edge', edgeId: 'e-2', path: 'source' }),
    ]);
  });

  test('edge_into_start', () => {
    const ps = validate(
      raw(
        [start, { ...tag('t') }],
        [
          ['start', 'next', 't'],
          ['t', 'next', 'start'],
        ],
      ),
    );
    expect(only(ps, 'edge_into_start')).toEqual([E({ code: 'edge_into_start', edgeId: 'e-1' })]);
  });

  test('bad_handle: an outcome the kind does not have', () => {
    const ps = validate(
      raw(
        [start, { id: 's', kind: 'sentiment', ends: ['negative', 'neutral', 'positive'] }],
        [
          ['start', 'next', 's'],
          ['s', 'angry', 's'],
        ],
      ),
    );
    expect(only(ps, 'bad_handle')).toEqual([E({ code: 'bad_handle', edgeId: 'e-1', nodeId: 's', path: 'sourceHandle' })]);
    expect(ps.find((p) => p.code === 'bad_handle')?.message).toBe('"angry" is not an outcome of sentiment (negative, neutral, positive)');
  });

  test('handles follow the config: channel branches, hours whenClosed, agent_task outcomes', () => {
    const schedule = { timeZone: 'UTC', weekly: { mon: '09:00-17:00' } };
    const ps = validate(
      raw(
        [
          start,
          { id: 'ch', kind: 'channel', config: { branches: ['x'] } },
          { id: 'h', kind: 'hours', config: { schedule, whenClosed: 'wait' } },
          { id: 'a', kind: 'agent_task', config: { prompt: 'p', outcomes: ['fixed', 'refund'] } },
          end,
        ],
        [
          ['start', 'next', 'ch'],
          ['ch', 'x', 'h'],
          ['ch', 'other', 'end'],
          ['ch', 'email', 'end'],
          ['h', 'open', 'a'],
          ['h', 'closed', 'end'],
          ['a', 'fixed', 'end'],
          ['a', 'refund', 'end'],
          ['a', 'timeout', 'end'],
          ['a', 'done', 'end'],
        ],
      ),
    );
    expect(only(ps, 'bad_handle').map((p) => p.edgeId)).toEqual(['e-3', 'e-5', 'e-9']);
    expect(only(ps, 'unconnected_outcome')).toEqual([]);
  });

  test('ambiguous_outcome: two edges from one outcome', () => {
    const ps = validate(
      raw(
        [start, tag('a'), tag('b'), end],
        [
          ['start', 'next', 'a'],
          ['start', 'next', 'b'],
          ['a', 'next', 'end'],
          ['b', 'next', 'end'],
        ],
      ),
    );
    expect(only(ps, 'ambiguous_outcome')).toEqual([E({ code: 'ambiguous_outcome', edgeId: 'e-1', nodeId: 'start' })]);
    expect(ps.find((p) => p.code === 'ambiguous_outcome')?.message).toBe('outcome "next" of start already leads to a');
  });
});

describe('validate: outcomes', () => {
  test('unconnected_outcome, one problem per outcome, with outcomes.<name> as path', () => {
    const ps = validate(
      raw(
        [start, { id: 'p', kind: 'priority' }, end],
        [
          ['start', 'next', 'p'],
          ['p', 'first', 'end'],
        ],
      ),
    );
    expect(brief(ps)).toEqual([
      E({ code: 'unconnected_outcome', nodeId: 'p', path: 'outcomes.second' }),
      E({ code: 'unconnected_outcome', nodeId: 'p', path: 'outcomes.noise' }),
    ]);
  });

  test('`ends` satisfies an outcome without an edge', () => {
    const ps = validate(
      raw(
        [start, { id: 'p', kind: 'priority', ends: ['second', 'noise'] }, end],
        [
          ['start', 'next', 'p'],
          ['p', 'first', 'end'],
        ],
      ),
    );
    expect(ps).toEqual([]);
  });

  test('end has no outcome to connect', () => {
    expect(validate(raw([start, end], [['start', 'next', 'end']]))).toEqual([]);
  });
});

describe('validate: cycles', () => {
  test('cycle_without_wait: a loop of instant nodes', () => {
    const ps = validate(
      raw(
        [start, tag('a'), tag('b')],
        [
          ['start', 'next', 'a'],
          ['a', 'next', 'b'],
          ['b', 'next', 'a'],
        ],
      ),
    );
    expect(only(ps, 'cycle_without_wait')).toEqual([E({ code: 'cycle_without_wait', nodeId: 'a' })]);
    expect(ps.find((p) => p.code === 'cycle_without_wait')?.message).toBe('the loop a → b has no waiting node and would spin forever');
  });

  test('cycle_without_wait: a self-loop', () => {
    const ps = validate(
      raw(
        [start, tag('a')],
        [
          ['start', 'next', 'a'],
          ['a', 'next', 'a'],
        ],
      ),
    );
    expect(only(ps, 'cycle_without_wait')).toEqual([E({ code: 'cycle_without_wait', nodeId: 'a' })]);
  });

  test.each([
    ['approval', { role: 'pr' }, 'rejected', ['approved', 'timeout']],
    ['wait', { for: 'reply' }, 'timeout', ['replied']],
    ['wait', { for: 'duration' }, 'elapsed', []],
    ['agent_task', { prompt: 'p', outcomes: ['again', 'done'] }, 'again', ['done', 'timeout']],
    ['escalate', { ladder: [{ to: 'pr', sla: '1h' }] }, 'timeout', ['handled']],
    ['hours', { schedule: { timeZone: 'UTC' }, whenClosed: 'wait' }, 'open', []],
  ] as const)('a loop through %s %j is accepted', (kind, config, loop, ends) => {
    const ps = validate(
      raw(
        [start, tag('a'), { id: 'w', kind, config, ends: [...ends] }],
        [
          ['start', 'next', 'a'],
          ['a', 'next', 'w'],
          ['w', loop, 'a'],
        ],
      ),
    );
    expect(ps).toEqual([]);
  });

  test('hours that branch when closed do not wait, so a loop through them is refused', () => {
    const ps = validate(
      raw(
        [start, tag('a'), { id: 'h', kind: 'hours', config: { schedule: {} }, ends: ['closed'] }],
        [
          ['start', 'next', 'a'],
          ['a', 'next', 'h'],
          ['h', 'open', 'a'],
        ],
      ),
    );
    expect(only(ps, 'cycle_without_wait')).toEqual([E({ code: 'cycle_without_wait', nodeId: 'a' })]);
  });
});

describe('validate: reachability', () => {
  test('unreachable is a warning, not an error', () => {
    const ps = validate(raw([start, end, { ...tag('orphan'), ends: ['next'] }], [['start', 'next', 'end']]));
    expect(brief(ps)).toEqual([{ code: 'unreachable', nodeId: 'orphan', edgeId: undefined, path: undefined, severity: 'warning' }]);
    expect(hasErrors(ps)).toBe(false);
  });

  test('a node reached only through another unreachable node is unreachable too', () => {
    const ps = validate(
      raw(
        [start, end, tag('a'), tag('b')],
        [
          ['start', 'next', 'end'],
          ['a', 'next', 'b'],
          ['b', 'next', 'end'],
        ],
      ),
    );
    expect(only(ps, 'unreachable').map((p) => p.nodeId)).toEqual(['a', 'b']);
  });
});
