import { raw } from '../__fixtures__/graphs';
import { NODE_KINDS, nodeConfigs } from './catalog';
import { parseDuration } from './duration';
import { findCycles } from './graph';
import { playbookSchema, typedNode } from './schema';
import { validate } from './validate';

const ok = () =>
  raw(
    [
      { id: 'start', kind: 'start' },
      { id: 'end', kind: 'end' },
    ],
    [['start', 'next', 'end']],
  );
const schemaPaths = (input: unknown) => validate(input).map((p) => [p.code, p.path]);

describe('playbook schema', () => {
  test('a minimal valid playbook parses, with defaults applied', () => {
    const pb = playbookSchema.parse(ok());
    expect(pb.nodes[0]).toEqual({ id: 'start', kind: 'start', config: {}, ends: [], position: { x: 0, y: 0 } });
    expect(pb.settings).toEqual({});
    expect(validate(ok())).toEqual([]);
  });

  test.each(['a b', '', 'x'.repeat(65), 'é', 'a.b'])('node id %j is rejected at nodes.0.id', (id) => {
    const input = ok();
    input.nodes[0].id = id;
    expect(schemaPaths(input)).toEqual([['schema', 'nodes.0.id']]);
  });

  test.each(['a', 'A-1_b', 'x'.repeat(64)])('node id %j is accepted', (id) => {
    const input = ok();
    input.nodes[1].id = id;
    input.edges[0].target = id;
    expect(playbookSchema.safeParse(input).success).toBe(true);
  });

  test('a bad edge id is reported at edges.N.id', () => {
    const input = ok();
    input.edges[0].id = 'bad id!';
    expect(schemaPaths(input)).toEqual([['schema', 'edges.0.id']]);
  });

  test('an unknown kind is reported at nodes.N.kind, naming the kinds', () => {
    const input = ok() as { nodes: Array<Record<string, unknown>> };
    input.nodes[1].kind = 'teleport';
    const problems = validate(input);
    expect(problems.map((p) => [p.code, p.path, p.severity])).toEqual([['schema', 'nodes.1.kind', 'error']]);
    expect(problems[0].message).toContain('"end"');
  });

  test('missing fields are each reported with their path', () => {
    const input = { key: 'k', nodes: [{ kind: 'start' }], edges: [{ id: 'e', source: 's', target: 't' }] };
    expect(schemaPaths(input)).toEqual([
      ['schema', 'name'],
      ['schema', 'nodes.0.id'],
      ['schema', 'edges.0.sourceHandle'],
    ]);
  });

  test('a bad key, an empty name and a non-object input', () => {
    expect(schemaPaths({ ...ok(), key: 'Has Spaces' })).toEqual([['schema', 'key']]);
    expect(schemaPaths({ ...ok(), name: '' })).toEqual([['schema', 'name']]);
    expect(schemaPaths(null)).toEqual([['schema', '']]);
    expect(schemaPaths({ ...ok(), nodes: 'x' })).toEqual([['schema', 'nodes']]);
  });

  test('the node config is validated per kind by validate(), not by the schema', () => {
    const input = raw(
      [
        { id: 'start', kind: 'start' },
        { id: 'k', kind: 'keywords', config: { query: 42 } },
      ],
      [['start', 'next', 'k']],
    );
    expect(playbookSchema.safeParse(input).success).toBe(true);
    expect(() => typedNode(playbookSchema.parse(input).nodes[1])).toThrow();
  });

  test('typedNode applies the kind defaults', () => {
    const node = typedNode(playbookSchema.parse(raw([{ id: 'a', kind: 'approval', config: { role: 'pr' } }])).nodes[0]);
    expect(node.config).toEqual({ role: 'pr', sla: '30m', backup: true });
  });

  test('every kind of the catalog has a config schema and an empty config is valid or says why', () => {
    expect([...NODE_KINDS].sort()).toEqual(Object.keys(nodeConfigs).sort());
    const needsConfig = NODE_KINDS.filter((k) => !nodeConfigs[k].safeParse({}).success).sort();
    expect(needsConfig).toEqual([
      'agent_task',
      'approval',
      'declare_crisis',
      'escalate',
      'expression',
      'holding',
      'hours',
      'keywords',
      'notify',
      'route',
      'tag',
    ]);
  });
});

describe('durations', () => {
  test.each([
    ['30s', 30_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1.5h', 5_400_000],
    [' 5 s ', 5_000],
  ])('%j = %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
  test.each(['', '5', '5w', 'h', '-1h', '1h30m'])('%j is not a duration', (text) => {
    expect(() => parseDuration(text)).toThrow(/is not a duration/);
  });
});

describe('findCycles', () => {
  const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
  const e = (source: string, target: string) => ({ source, target });
  test('finds each loop once, and self-loops', () => {
    expect(findCycles({ nodes, edges: [e('a', 'b'), e('b', 'c'), e('c', 'a'), e('c', 'd'), e('d', 'd')] } as never)).toEqual([
      ['d'],
      ['a', 'b', 'c'],
    ]);
  });
  test('a DAG has none', () => {
    expect(findCycles({ nodes, edges: [e('a', 'b'), e('a', 'c'), e('b', 'd'), e('c', 'd')] } as never)).toEqual([]);
  });
  test('edges to or from unknown nodes are ignored', () => {
    expect(findCycles({ nodes, edges: [e('a', 'ghost'), e('ghost', 'a')] } as never)).toEqual([]);
  });
});
