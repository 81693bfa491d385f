import { playbookSchema, renderTemplate } from '@firebreak/engine';
import { templateVariables } from './variables';
import { SAMPLES, sampleContext } from './samples';

const pb = playbookSchema.parse({
  key: 'test',
  name: 'Test',
  nodes: [
    { id: 'start', kind: 'start' },
    { id: 'crisis', kind: 'crisis', config: { topic: 'discount-link' } },
    { id: 'route', kind: 'route', label: 'Care team', config: { team: 'care' } },
    { id: 'task', kind: 'agent_task', config: { prompt: 'x' } },
    { id: 'notify', kind: 'notify', config: { to: ['a'], message: 'x' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'crisis' },
    { id: 'e2', source: 'crisis', sourceHandle: 'normal', target: 'route' },
    { id: 'e3', source: 'route', sourceHandle: 'routed', target: 'task' },
    { id: 'e4', source: 'crisis', sourceHandle: 'crisis', target: 'notify' },
  ],
});

const names = (nodeId: string) => templateVariables(pb, nodeId).map((v) => v.name);

describe('the variables a template may use at a node', () => {
  test('the helpers come from the engine, the context fields from its template context', () => {
    expect(names('notify')).toEqual(expect.arrayContaining(['customerName', 'handle', 'signature', 'eta', 'message.text', 'customer.name', 'order.number']));
  });

  test('an agent only after a Route, the crisis topic only after a crisis decision', () => {
    expect(names('task')).toEqual(expect.arrayContaining(['agent.name', 'crisis.topic']));
    expect(names('notify')).not.toContain('agent.name');
    expect(names('notify')).toContain('crisis.topic');
    expect(names('crisis')).not.toContain('crisis.topic');
    expect(templateVariables(pb, 'task').find((v) => v.name === 'agent.name')?.detail).toBe('set by Care team (route)');
  });

  test('a preview on a sample renders with what the run knows there', () => {
    const angela = SAMPLES[0];
    const src = 'Hi {{customerName}}, order {{order.number}} arrives {{eta}} {{signature}} {{crisis.topic}}';
    expect(renderTemplate(src, sampleContext(angela, { agent: true, crisisTopic: 'discount-link' }))).toBe(
      'Hi Angela, order ORD-48213 arrives Saturday 28 November ^PS discount-link',
    );
    expect(renderTemplate(src, sampleContext(SAMPLES[2], { agent: false, crisisTopic: null }))).toBe('Hi there, order  arrives soon');
  });
});
