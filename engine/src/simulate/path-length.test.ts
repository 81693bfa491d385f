import { graph } from '../__fixtures__/graphs';
import { facts, interaction } from '../__fixtures__/examples';
import { simulate } from '.';

/** A viewer ties every command to the visit of the node it ran for through `pathLength`. */
describe('simulate: each step says how long the path was', () => {
  // start → task (again | done) ; again → appr → task: a loop, so nodes are visited twice
  const loop = graph(
    [
      { id: 'start', kind: 'start' },
      { id: 'task', kind: 'agent_task', config: { prompt: 'p', outcomes: ['again', 'done'] }, ends: ['done', 'timeout'] },
      { id: 'appr', kind: 'approval', config: { role: 'pr' }, ends: ['rejected', 'timeout'] },
    ],
    [
      ['start', 'next', 'task'],
      ['task', 'again', 'appr'],
      ['appr', 'approved', 'task'],
    ],
  );

  test('the commands of a step belong to the last path entry, loops included', () => {
    const sim = simulate(loop, interaction(), { facts: facts(), answers: { task: [{ outcome: 'again' }, { outcome: 'done' }] } });
    const owners = sim.steps
      .filter((s) => s.commands[0]?.type !== 'finish')
      .map((s) => {
        const c = s.commands[0] as { nodeId: string };
        const entry = sim.state.path[s.pathLength - 1];
        expect(entry.nodeId).toBe(c.nodeId);
        return `${s.pathLength - 1}:${c.nodeId}`;
      });
    // task (activity, await), appr (activity, await), task again (activity, await)
    expect(owners).toEqual(['1:task', '1:task', '2:appr', '2:appr', '3:task', '3:task']);
    expect(sim.steps[sim.steps.length - 1].pathLength).toBe(sim.state.path.length);
  });
});
