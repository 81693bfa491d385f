import { graph, T0, trail } from '../__fixtures__/graphs';
import { facts, interaction } from '../__fixtures__/examples';
import { simulate } from '.';

const templates = { ack: 'Hi {{customerName}}, {{agentName}} is on it.', h1: 'Sorry {{customerName}}! (1)', h2: 'Thanks {{handle}} (2)' };
const events = (sim: ReturnType<typeof simulate>) => sim.steps.map((s) => s.event.type);

describe('simulate: scripted answers', () => {
  // start → task (again | done) ; again → approval → task
  const loop = graph(
    [
      { id: 'start', kind: 'start' },
      { id: 'task', kind: 'agent_task', config: { prompt: 'p', outcomes: ['again', 'done'] }, ends: ['done', 'timeout'] },
      { id: 'appr', kind: 'approval', config: { role: 'pr' }, ends: ['rejected', 'timeout'] },
      { id: 'end', kind: 'end' },
    ],
    [
      ['start', 'next', 'task'],
      ['task', 'again', 'appr'],
      ['appr', 'approved', 'task'],
    ],
  );

  test('an array answers the visits in order, the last one repeating', () => {
    const sim = simulate(loop, interaction(), {
      facts: facts(),
      answers: { task: [{ outcome: 'again' }, { outcome: 'again' }, { outcome: 'done' }] },
    });
    expect(trail(sim.state)).toEqual(['start:next', 'task:again', 'appr:approved', 'task:again', 'appr:approved', 'task:done']);
    expect(sim.state.status).toBe('completed');
  });

  test('a single answer applies to every visit', () => {
    const sim = simulate(loop, interaction(), { facts: facts(), answers: { task: { outcome: 'done', by: 'agent@demo' } } });
    expect(trail(sim.state)).toEqual(['start:next', 'task:done']);
    expect(sim.state.path[1].detail).toEqual({ by: 'agent@demo' });
  });

  test('defaults: approval → approved, agent_task → its first outcome, escalation → handled', () => {
    const sim = simulate(loop, interaction(), { facts: facts(), answers: { task: [{ outcome: 'again' }, { outcome: 'done' }] } });
    expect(sim.state.path[2]).toMatchObject({ nodeId: 'appr', outcome: 'approved', detail: { by: 'simulator' } });
    const firstOutcome = simulate(loop, interaction(), { facts: facts(), answers: { appr: { outcome: 'rejected' } } });
    expect(trail(firstOutcome.state)).toEqual(['start:next', 'task:again', 'appr:rejected']);
    const esc = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'e', kind: 'escalate', config: { ladder: [{ to: 'pr', sla: '1h' }] }, ends: ['handled', 'timeout'] },
      ],
      [['start', 'next', 'e']],
    );
    expect(trail(simulate(esc, interaction(), { facts: facts() }).state)).toEqual(['start:next', 'e:handled']);
  });

  test('an agent_task without configured outcomes defaults to done', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 't', kind: 'agent_task', config: { prompt: 'p' }, ends: ['done', 'timeout'] },
      ],
      [['start', 'next', 't']],
    );
    expect(trail(simulate(pb, interaction(), { facts: facts() }).state)).toEqual(['start:next', 't:done']);
  });

  test('timeouts move the clock to the deadline; escalation rungs answered in order', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        {
          id: 'e',
          kind: 'escalate',
          config: {
            ladder: [
              { to: 'team_lead', sla: '15m' },
              { to: 'pr', sla: '1h' },
            ],
          },
          ends: ['handled', 'timeout'],
        },
      ],
      [['start', 'next', 'e']],
    );
    const sim = simulate(pb, interaction(), { facts: facts(), answers: { e: [{ timeout: true }, { outcome: 'handled', by: 'pr@demo' }] } });
    expect(trail(sim.state)).toEqual(['start:next', 'e:handled']);
    expect(sim.state.path[1]).toMatchObject({ detail: { rung: 1, by: 'pr@demo' }, finishedAt: '2026-11-25T10:15:00.000Z' });
    const out = simulate(pb, interaction(), { facts: facts(), answers: { e: { timeout: true } } });
    expect(out.state.path[1]).toMatchObject({ outcome: 'timeout', finishedAt: '2026-11-25T11:15:00.000Z' });
  });

  test('wait for a reply: scripted reply → replied; unscripted → timeout; a duration always elapses', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'w', kind: 'wait', config: { for: 'reply', duration: '2h' }, ends: ['replied', 'timeout'] },
      ],
      [['start', 'next', 'w']],
    );
    const replied = simulate(pb, interaction(), { facts: facts(), answers: { w: { reply: 'it works now' } } });
    expect(replied.state.path[1]).toMatchObject({ outcome: 'replied', detail: { text: 'it works now' } });
    const silent = simulate(pb, interaction(), { facts: facts() });
    expect(silent.state.path[1]).toMatchObject({ outcome: 'timeout', finishedAt: '2026-11-25T12:00:00.000Z' });
    const timer = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'w', kind: 'wait', config: { for: 'duration', duration: '30m' }, ends: ['elapsed'] },
      ],
      [['start', 'next', 'w']],
    );
    expect(simulate(timer, interaction(), { facts: facts() }).state.path[1]).toMatchObject({
      outcome: 'elapsed',
      finishedAt: '2026-11-25T10:30:00.000Z',
    });
  });

  test('a `fail` answer fails the node activity and the run', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'r', kind: 'route', config: { team: 'care' }, ends: ['routed'] },
      ],
      [['start', 'next', 'r']],
    );
    const sim = simulate(pb, interaction(), { facts: facts(), answers: { r: { fail: 'no agents' } } });
    expect(sim.state.status).toBe('failed');
    expect(sim.state.reason).toBe('route r failed: no agents');
    expect(events(sim)).toEqual(['start', 'activity_failed']);
  });

  test('a `fail` answer on a waiting node fails its activity (e.g. the task cannot be created)', () => {
    const sim = simulate(loop, interaction(), { facts: facts(), answers: { task: { fail: 'inbox down' } } });
    expect(sim.state.status).toBe('failed');
    expect(sim.state.reason).toBe('agent_task task failed: inbox down');
  });

  test('an answer the node does not accept is an error, not a silent default', () => {
    expect(() => simulate(loop, interaction(), { facts: facts(), answers: { task: { outcome: 'shrug' } } })).toThrow(
      /"shrug" is not a decision agent_task task accepts/,
    );
  });

  test('activityResults replace the sandbox result', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 's', kind: 'send', config: { template: 'ack' }, ends: ['sent', 'failed'] },
      ],
      [['start', 'next', 's']],
    );
    const sim = simulate(pb, interaction(), { facts: facts(), activityResults: { s: { outcome: 'failed', error: 'rate limited' } } });
    expect(trail(sim.state)).toEqual(['start:next', 's:failed']);
  });

  test('`now` sets the arrival instant; otherwise the interaction receivedAt', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'end', kind: 'end' },
      ],
      [['start', 'next', 'end']],
    );
    expect(simulate(pb, interaction(), { facts: facts() }).state.path[0].startedAt).toBe(T0);
    expect(simulate(pb, interaction(), { facts: facts(), now: '2026-12-01T00:00:00.000Z' }).state.path[0].startedAt).toBe(
      '2026-12-01T00:00:00.000Z',
    );
  });
});

describe('simulate: sandbox results render templates', () => {
  const who = interaction({ author: { id: 'u', handle: 'frank', name: 'Frank Castle' } });

  test('draft renders its template with the customer; send sends the draft text', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'd', kind: 'draft', config: { template: 'ack' } },
        { id: 's', kind: 'send', config: {}, ends: ['sent', 'failed'] },
      ],
      [
        ['start', 'next', 'd'],
        ['d', 'next', 's'],
      ],
    );
    const sim = simulate(pb, who, { facts: facts(), templates });
    expect(sim.state.vars.draft).toEqual({ text: 'Hi Frank, the team is on it.', template: 'ack', articleId: undefined });
    expect(sim.state.path[2]).toMatchObject({
      outcome: 'sent',
      detail: { outcome: 'sent', text: 'Hi Frank, the team is on it.', sandbox: true },
    });
    expect(sim.state.vars.sent).toBe(1);
  });

  test('holding renders the chosen variant; an unknown template shows its name', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'h', kind: 'holding', config: { templates: ['h1', 'h2'] }, ends: ['next'] },
      ],
      [['start', 'next', 'h']],
    );
    const texts = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => simulate(pb, { ...who, id }, { facts: facts(), templates }).state.path[1].detail?.text),
    );
    expect(texts).toEqual(new Set(['Sorry Frank! (1)', 'Thanks @frank (2)']));
    expect(simulate(pb, who, { facts: facts() }).state.path[1].detail?.text).toMatch(/^\(template h[12]\)$/);
  });

  test('a knowledge-base draft is a placeholder article', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'd', kind: 'draft', config: { source: 'kb' }, ends: ['next'] },
      ],
      [['start', 'next', 'd']],
    );
    expect(simulate(pb, who, { facts: facts() }).state.vars.draft).toEqual({
      text: '(the best knowledge-base article)',
      template: undefined,
      articleId: 'kb',
    });
  });
});
