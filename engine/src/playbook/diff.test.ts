import { graph } from '../__fixtures__/graphs';
import { diffPlaybooks, isEmptyDiff } from './diff';
import type { Playbook } from './schema';

const base = (): Playbook =>
  graph(
    [
      { id: 'start', kind: 'start', config: { channels: ['x'] } },
      { id: 'route', kind: 'route', config: { team: 'care', skills: ['billing'] }, label: 'Care team' },
      {
        id: 'esc',
        kind: 'escalate',
        config: {
          ladder: [
            { to: 'team_lead', sla: '1h' },
            { to: 'pr', sla: '2h' },
          ],
        },
      },
      { id: 'end', kind: 'end' },
    ],
    [
      ['start', 'next', 'route'],
      ['route', 'assigned', 'esc'],
      ['esc', 'taken', 'end'],
    ],
  );

const clone = (pb: Playbook): Playbook => structuredClone(pb);
const node = (pb: Playbook, id: string) => pb.nodes.find((n) => n.id === id)!;

describe('diffPlaybooks', () => {
  test('identical playbooks give an empty diff', () => {
    const d = diffPlaybooks(base(), base());
    expect(d).toEqual({
      nodes: { added: [], removed: [], changed: [] },
      edges: { added: [], removed: [], changed: [] },
      playbook: [],
      summary: { nodesAdded: 0, nodesRemoved: 0, nodesChanged: 0, edgesAdded: 0, edgesRemoved: 0, edgesChanged: 0 },
    });
    expect(isEmptyDiff(d)).toBe(true);
  });

  test('added and removed nodes and edges are matched by id, not by position in the list', () => {
    const before = base();
    const after = clone(before);
    after.nodes.reverse();
    after.nodes = after.nodes.filter((n) => n.id !== 'esc');
    after.nodes.push({ id: 'tag', kind: 'tag', config: { tags: ['vip'] }, ends: [], position: { x: 5, y: 5 } });
    after.edges = [after.edges[0], { id: 'e-new', source: 'route', sourceHandle: 'assigned', target: 'tag' }];
    const d = diffPlaybooks(before, after);
    expect(d.nodes.added.map((n) => n.id)).toEqual(['tag']);
    expect(d.nodes.removed.map((n) => n.id)).toEqual(['esc']);
    expect(d.nodes.changed).toEqual([]);
    expect(d.edges.added).toEqual([{ id: 'e-new', source: 'route', sourceHandle: 'assigned', target: 'tag' }]);
    expect(d.edges.removed.map((e) => e.id)).toEqual(['e-1', 'e-2']);
    expect(d.summary).toEqual({ nodesAdded: 1, nodesRemoved: 1, nodesChanged: 0, edgesAdded: 1, edgesRemoved: 2, edgesChanged: 0 });
    expect(isEmptyDiff(d)).toBe(false);
  });

  test('config is compared deeply, each change at its leaf path', () => {
    const before = base();
    const after = clone(before);
    node(after, 'route').config.team = 'priority';
    node(after, 'route').config.strategy = 'least_busy';
    node(after, 'route').config.skills = ['billing', 'refunds'];
    (node(after, 'esc').config.ladder as Array<{ sla: string }>)[1].sla = '30m';
    (node(after, 'esc').config.ladder as object[]).push({ to: 'legal', sla: '4h' });
    const d = diffPlaybooks(before, after);
    expect(d.nodes.changed).toEqual([
      {
        id: 'route',
        kind: 'route',
        changes: [
          { path: 'config.team', before: 'care', after: 'priority' },
          { path: 'config.skills', before: ['billing'], after: ['billing', 'refunds'] },
          { path: 'config.strategy', before: undefined, after: 'least_busy' },
        ],
      },
      {
        id: 'esc',
        kind: 'escalate',
        changes: [
          { path: 'config.ladder.1.sla', before: '2h', after: '30m' },
          { path: 'config.ladder.2', before: undefined, after: { to: 'legal', sla: '4h' } },
        ],
      },
    ]);
    expect(d.summary.nodesChanged).toBe(2);
  });

  test('label, ends and edge rewiring are changes of their own', () => {
    const before = base();
    const after = clone(before);
    node(after, 'route').label = 'Priority desk';
    node(after, 'esc').ends = ['timeout'];
    after.edges[2].sourceHandle = 'timeout';
    after.edges[2].target = 'route';
    const d = diffPlaybooks(before, after);
    expect(d.nodes.changed).toEqual([
      { id: 'route', kind: 'route', changes: [{ path: 'label', before: 'Care team', after: 'Priority desk' }] },
      { id: 'esc', kind: 'escalate', changes: [{ path: 'ends', before: [], after: ['timeout'] }] },
    ]);
    expect(d.edges.changed).toEqual([
      {
        id: 'e-2',
        changes: [
          { path: 'sourceHandle', before: 'taken', after: 'timeout' },
          { path: 'target', before: 'end', after: 'route' },
        ],
      },
    ]);
  });

  test('a node whose kind changed is changed (not removed and added), with a kind change first', () => {
    const before = base();
    const after = clone(before);
    Object.assign(node(after, 'route'), { kind: 'tag', config: { tags: ['care'] } });
    const d = diffPlaybooks(before, after);
    expect(d.nodes.added).toEqual([]);
    expect(d.nodes.removed).toEqual([]);
    expect(d.nodes.changed).toHaveLength(1);
    expect(d.nodes.changed[0].kind).toBe('tag');
    expect(d.nodes.changed[0].changes[0]).toEqual({ path: 'kind', before: 'route', after: 'tag' });
    expect(d.nodes.changed[0].changes.map((c) => c.path)).toEqual(['kind', 'config.team', 'config.skills', 'config.tags']);
  });

  test('a move is one position change, which ignorePositions drops', () => {
    const before = base();
    const after = clone(before);
    node(after, 'route').position = { x: 120, y: 40 };
    expect(diffPlaybooks(before, after).nodes.changed).toEqual([
      { id: 'route', kind: 'route', changes: [{ path: 'position', before: { x: 0, y: 0 }, after: { x: 120, y: 40 } }] },
    ]);
    expect(isEmptyDiff(diffPlaybooks(before, after, { ignorePositions: true }))).toBe(true);

    node(after, 'route').config.team = 'vip';
    expect(diffPlaybooks(before, after, { ignorePositions: true }).nodes.changed[0].changes).toEqual([
      { path: 'config.team', before: 'care', after: 'vip' },
    ]);
  });

  test('the playbook’s name, description and settings leaves are reported', () => {
    const before = base();
    const after = clone(before);
    after.name = 'Renamed';
    after.description = 'now with a description';
    after.settings = { cues: { first: ['refund'] }, crisisTopics: [{ topic: 'link', query: 'link', threshold: 5, window: '15m' }] };
    const d = diffPlaybooks(before, after);
    expect(d.playbook).toEqual([
      { path: 'name', before: 'Test', after: 'Renamed' },
      { path: 'description', before: undefined, after: 'now with a description' },
      { path: 'settings.cues', before: undefined, after: { first: ['refund'] } },
      { path: 'settings.crisisTopics', before: undefined, after: [{ topic: 'link', query: 'link', threshold: 5, window: '15m' }] },
    ]);
    const later = clone(after);
    later.settings.crisisTopics![0].threshold = 10;
    expect(diffPlaybooks(after, later).playbook).toEqual([{ path: 'settings.crisisTopics.0.threshold', before: 5, after: 10 }]);
    expect(diffPlaybooks(after, later).summary.nodesChanged).toBe(0);
  });
});
