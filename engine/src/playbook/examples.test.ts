import { readdirSync } from 'fs';
import { join } from 'path';
import { examplePlaybook, exampleTemplates, facts, interaction } from '../__fixtures__/examples';
import { simulate } from '../simulate';
import { validate } from './validate';

const keys = readdirSync(join(__dirname, '..', '..', '..', 'playbooks')).map((f) => f.replace(/\.json$/, ''));

describe.each(keys)('example playbook %s', (key) => {
  test('is valid, with every template it names present and compiling', () => {
    expect(validate(examplePlaybook(key), { templates: exampleTemplates() })).toEqual([]);
  });
});

test('social-care: a first-tier message from a standard customer is routed to care and waits for the agent', () => {
  const sim = simulate(examplePlaybook('social-care'), interaction(), {
    facts: facts(),
    answers: { task: { timeout: true } },
    templates: exampleTemplates(),
  });
  expect(sim.state.path.map((s) => `${s.nodeId}:${s.outcome}`)).toEqual([
    'start:next',
    'crisis:normal',
    'pii:none',
    'priority:first',
    'customer:standard',
    'route-care:routed',
    'task:timeout',
    'notify-lead:next',
    'end:undefined',
  ]);
  expect(sim.state.status).toBe('completed');
});
