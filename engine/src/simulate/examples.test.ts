import { trail } from '../__fixtures__/graphs';
import { examplePlaybook, exampleTemplates, facts, interaction } from '../__fixtures__/examples';
import { Command } from '../interpreter/types';
import { simulate, SimulateOptions } from '.';

const templates = exampleTemplates();
const activities = (sim: ReturnType<typeof simulate>) =>
  sim.steps
    .flatMap((s) => s.commands)
    .filter((c): c is Extract<Command, { type: 'activity' }> => c.type === 'activity')
    .map((c) => `${c.nodeId}:${c.activity}`);

describe('social-care', () => {
  const pb = examplePlaybook('social-care');
  const run = (o: Partial<SimulateOptions> & { who?: Parameters<typeof interaction>[0] } = {}) =>
    simulate(pb, interaction(o.who), { templates, ...o, facts: o.facts ?? facts() });

  test('PII in a public post → warn publicly (moving to DM), tag, route to care', () => {
    const sim = run({
      facts: facts({ pii: { found: true, kinds: ['card'], spans: [{ kind: 'card', start: 3, end: 19 }] } }),
      answers: { task: { outcome: 'answered' } },
    });
    expect(trail(sim.state)).toEqual([
      'start:next',
      'crisis:normal',
      'pii:found',
      'pii-warn:sent',
      'pii-tag:next',
      'route-care:routed',
      'task:answered',
      'resolve:next',
      'end:undefined',
    ]);
    expect(sim.state.path[3].detail?.text).toBe(
      "Hi Angela, please don't share card or account details publicly. We've sent you a private message so we can help safely.",
    );
    expect(sim.steps[0].commands[0]).toMatchObject({ activity: 'send', input: { visibility: 'public', template: 'pii-public-warning' } });
    expect(sim.state.vars.tags).toEqual(['sensitive-data']);
    expect(sim.state.vars.assignment).toMatchObject({ team: 'care' });
    expect(sim.state.status).toBe('completed');
  });

  test('the same PII in a private message is not warned about', () => {
    const sim = run({
      who: { visibility: 'private' },
      facts: facts({ pii: { found: true, kinds: ['card'], spans: [] } }),
      answers: { task: { outcome: 'answered' } },
    });
    expect(trail(sim.state).slice(0, 4)).toEqual(['start:next', 'crisis:normal', 'pii:none', 'priority:first']);
  });

  test('noise → tagged and ended, nothing sent or routed', () => {
    const sim = run({ facts: facts({ priority: { tier: 'noise', needsResponse: false, cues: ['lol'] } }) });
    expect(trail(sim.state)).toEqual(['start:next', 'crisis:normal', 'pii:none', 'priority:noise', 'noise-tag:next', 'end:undefined']);
    expect(sim.state.vars.tags).toEqual(['noise']);
    expect(activities(sim)).toEqual([]);
  });

  test('second tier → tagged, pulled by the engagement queue', () => {
    const sim = run({
      facts: facts({ priority: { tier: 'second', needsResponse: false, cues: [] } }),
      answers: { task: { outcome: 'answered' } },
    });
    expect(trail(sim.state).slice(3, 6)).toEqual(['priority:second', 'second-tag:next', 'route-engage:routed']);
    expect(sim.steps.flatMap((s) => s.commands).find((c) => c.type === 'activity' && c.nodeId === 'route-engage')).toMatchObject({
      input: { team: 'engagement', strategy: 'least_busy', mode: 'pull' },
    });
  });

  test.each(['vip', 'influencer'] as const)('%s → the priority desk', (segment) => {
    const sim = run({ facts: facts({ influence: { score: 95, segment } }), answers: { task: { outcome: 'answered' } } });
    expect(trail(sim.state)).toEqual([
      'start:next',
      'crisis:normal',
      'pii:none',
      'priority:first',
      `customer:${segment}`,
      'route-priority:routed',
      'task:answered',
      'resolve:next',
      'end:undefined',
    ]);
    expect(sim.state.vars.assignment).toMatchObject({ team: 'priority' });
  });

  test('the agent task gets a rendered-later prompt and the suggested replies', () => {
    const sim = run({ answers: { task: { outcome: 'answered' } } });
    expect(sim.steps.flatMap((s) => s.commands).find((c) => c.type === 'activity' && c.nodeId === 'task')).toMatchObject({
      activity: 'createTask',
      input: {
        prompt: 'Reply to {{handle}}: "{{message.text}}"',
        suggestedReplies: ['acknowledge', 'thank-you'],
        outcomes: ['answered', 'needs_pr'],
        dueAt: '2026-11-25T11:00:00.000Z',
      },
    });
  });

  test('agent escalates to PR → PR approves with an edit → the edited text is sent, then resolved', () => {
    const edited = 'Hi Angela, we are truly sorry. A replacement ships today. ^PR';
    const sim = run({ answers: { task: { outcome: 'needs_pr' }, 'approval-pr': { outcome: 'approved', by: 'pr@demo', text: edited } } });
    expect(trail(sim.state)).toEqual([
      'start:next',
      'crisis:normal',
      'pii:none',
      'priority:first',
      'customer:standard',
      'route-care:routed',
      'task:needs_pr',
      'draft-pr:next',
      'approval-pr:approved',
      'send-approved:sent',
      'resolve:next',
      'end:undefined',
    ]);
    const request = sim.steps.flatMap((s) => s.commands).find((c) => c.type === 'activity' && c.activity === 'requestApproval');
    expect(request).toMatchObject({
      input: { role: 'pr', text: "Hi Angela, we're sorry about the trouble. We're looking into it and will get back to you shortly." },
    });
    const send = sim.steps.flatMap((s) => s.commands).find((c) => c.type === 'activity' && c.nodeId === 'send-approved');
    expect(send).toMatchObject({ input: { visibility: 'public', text: edited } });
    expect(sim.state.path[9].detail).toMatchObject({ text: edited });
    expect(sim.state.vars.draft).toMatchObject({ text: edited, approved: true, approvedBy: 'pr@demo' });
    expect(sim.steps.flatMap((s) => s.commands).find((c) => c.type === 'activity' && c.nodeId === 'resolve')).toMatchObject({
      input: { resolution: 'answered', thankYou: true },
    });
  });

  test('PR rejects → back to the agent task (second visit), which answers', () => {
    const sim = run({
      answers: {
        task: [{ outcome: 'needs_pr' }, { outcome: 'answered' }],
        'approval-pr': { outcome: 'rejected', by: 'pr@demo', reason: 'too casual' },
      },
    });
    expect(trail(sim.state).slice(6)).toEqual([
      'task:needs_pr',
      'draft-pr:next',
      'approval-pr:rejected',
      'task:answered',
      'resolve:next',
      'end:undefined',
    ]);
    expect(sim.state.visits.task).toBe(2);
    expect(activities(sim).filter((a) => a.startsWith('send'))).toEqual([]);
  });

  test('PR does not answer, nor the backup → the team lead is told', () => {
    const sim = run({ answers: { task: { outcome: 'needs_pr' }, 'approval-pr': { timeout: true } } });
    expect(trail(sim.state).slice(8)).toEqual(['approval-pr:timeout', 'notify-lead:next', 'end:undefined']);
    expect(activities(sim).filter((a) => a.startsWith('approval-pr'))).toEqual([
      'approval-pr:requestApproval',
      'approval-pr:requestApproval',
    ]);
  });

  test('during a crisis → a generic holding message, then end', () => {
    const sim = run({ facts: facts({ crisis: { active: true, topics: ['outage'] } }) });
    expect(trail(sim.state)).toEqual(['start:next', 'crisis:crisis', 'holding:next', 'end:undefined']);
    expect(
      [templates['holding-generic-1'], templates['holding-generic-2']].map((t) => t.replace('{{customerName}}', 'Angela').trim()),
    ).toContain(sim.state.path[2].detail?.text);
  });
});

describe('discount-link-crisis', () => {
  const pb = examplePlaybook('discount-link-crisis');
  const inCrisis = facts({ matches: { 'crisis:discount-link': true }, crisis: { active: true, topics: ['discount-link'] } });
  const variants = ['holding-discount-1', 'holding-discount-2', 'holding-discount-3'].map((n) =>
    templates[n].replace('{{customerName}}', 'Angela').trim(),
  );
  const crisisTrail = [
    'start:next',
    'crisis:crisis',
    'holding:next',
    'approval-pr:approved',
    'send-holding:sent',
    'tag:next',
    'follow-up:done',
    'resolve:next',
    'end:undefined',
  ];

  test('during the crisis: a holding variant is drafted, PR approves it, it is sent, an agent follows up', () => {
    const sim = simulate(pb, interaction(), { facts: inCrisis, templates });
    expect(trail(sim.state)).toEqual(crisisTrail);
    expect(activities(sim)).toEqual([
      'holding:draft',
      'approval-pr:requestApproval',
      'send-holding:send',
      'follow-up:createTask',
      'resolve:resolve',
    ]);
    expect(variants).toContain(sim.state.vars.draft?.text);
    expect(sim.state.vars.tags).toEqual(['discount-link']);
  });

  test('replies vary across customers but never for the same one', () => {
    const textOf = (id: string) => simulate(pb, interaction({ id }), { facts: inCrisis, templates }).state.vars.draft?.text;
    const texts = Array.from({ length: 30 }, (_, i) => textOf(`tweet-${i}`));
    expect(new Set(texts)).toEqual(new Set(variants));
    expect(textOf('tweet-7')).toBe(texts[7]);
  });

  test('PR rejects the holding reply: nothing is sent, PR is told, the care team answers', () => {
    const sim = simulate(pb, interaction(), {
      facts: inCrisis,
      templates,
      answers: { 'approval-pr': { outcome: 'rejected', reason: 'tone' } },
    });
    expect(trail(sim.state)).toEqual([
      'start:next',
      'crisis:crisis',
      'holding:next',
      'approval-pr:rejected',
      'notify-pr:next',
      'route:routed',
      'task:answered',
      'resolve:next',
      'end:undefined',
    ]);
    expect(activities(sim)).not.toContain('send-holding:send');
  });

  test('no crisis (yet) → the care team and an agent task', () => {
    const sim = simulate(pb, interaction(), { facts: facts(), templates });
    expect(trail(sim.state)).toEqual(['start:next', 'crisis:normal', 'route:routed', 'task:answered', 'resolve:next', 'end:undefined']);
  });
});
