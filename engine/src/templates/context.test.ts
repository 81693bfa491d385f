import { facts } from '../__fixtures__/examples';
import { buildTemplateContext, formatEta, renderTemplate, TemplateSources } from '.';

const angela = { text: 'where is order #A-10428? it was due monday', channel: 'x', author: { id: 'u-1', name: 'Angela Smith', handle: 'angela' } };
const orderSpan = { kind: 'order_number', start: angela.text.indexOf('A-10428'), end: angela.text.indexOf('A-10428') + 7 };

describe('buildTemplateContext', () => {
  test('customer, message and an empty agent/order when the run knows nothing else', () => {
    expect(buildTemplateContext({ interaction: angela })).toEqual({
      customer: { name: 'Angela Smith', handle: 'angela', tier: undefined },
      agent: { name: undefined, signature: undefined },
      order: { number: undefined, eta: undefined },
      message: { text: angela.text, channel: 'x' },
      crisis: undefined,
    });
  });

  test.each<[string, Record<string, unknown>, { name?: string; signature?: string }]>([
    ['a team-only assignment (what route returns today)', { team: 'care', mode: 'push', workItemId: 'w-1' }, {}],
    ['a real agent', { agentId: 'a-7', agentName: 'Sam Lee', team: 'care' }, { name: 'Sam Lee' }],
    ['an agent with a signature', { agentId: 'a-7', agentName: 'Sam Lee', agentSignature: 'SL' }, { name: 'Sam Lee', signature: 'SL' }],
    ['a nested agent object', { agent: { id: 'a-7', name: 'Sam Lee', signature: 'sam' } }, { name: 'Sam Lee', signature: 'sam' }],
    ['wrong types and blanks are ignored', { agentName: 42, agentSignature: '  ', agent: 'Sam' }, {}],
  ])('agent from %s', (_what, assignment, agent) => {
    expect(buildTemplateContext({ interaction: angela, vars: { assignment } }).agent).toEqual({ name: undefined, signature: undefined, ...agent });
  });

  test('a null or missing assignment is fine', () => {
    expect(buildTemplateContext({ interaction: angela, vars: null }).agent).toEqual({ name: undefined, signature: undefined });
    expect(buildTemplateContext({ interaction: angela, vars: { assignment: undefined } }).agent.name).toBeUndefined();
  });

  test('order number from the message (pii span), else from the case; ETA from the case', () => {
    const withSpan = facts({ pii: { found: true, kinds: ['order_number'], spans: [orderSpan] } });
    expect(buildTemplateContext({ interaction: angela, facts: withSpan }).order).toEqual({ number: 'A-10428', eta: undefined });
    expect(buildTemplateContext({ interaction: angela, facts: withSpan, order: { number: 'B-1', eta: '2026-11-28' } }).order).toEqual({ number: 'A-10428', eta: '2026-11-28' });
    expect(buildTemplateContext({ interaction: angela, facts: facts(), order: { number: 'B-1' } }).order.number).toBe('B-1');
    // Other sensitive data is never taken for an order number.
    const phone = facts({ pii: { found: true, kinds: ['phone'], spans: [{ kind: 'phone', start: 0, end: 5 }] } });
    expect(buildTemplateContext({ interaction: angela, facts: phone }).order.number).toBeUndefined();
  });

  test('the crisis topic while a crisis is active', () => {
    expect(buildTemplateContext({ interaction: angela, facts: facts({ crisis: { active: true, topics: ['discount-link'] } }) }).crisis).toEqual({ topic: 'discount-link' });
    expect(buildTemplateContext({ interaction: angela, facts: facts() }).crisis).toBeUndefined();
  });

  test('end to end: a KB-style reply rendered from a run', () => {
    const src: TemplateSources = {
      interaction: angela,
      facts: facts({ pii: { found: true, kinds: ['order_number'], spans: [orderSpan] } }),
      vars: { assignment: { agentId: 'a-7', agentName: 'Sam Lee' } },
      order: { eta: '2026-11-28T15:00:00Z' },
    };
    const source = 'Hi {{customerName}}, order {{orderNumber}} arrives {{eta "soon"}}. {{agentName}} {{signature}}';
    expect(renderTemplate(source, buildTemplateContext(src))).toBe('Hi Angela, order A-10428 arrives Saturday 28 November. Sam Lee ^SL');
  });
});

describe('formatEta', () => {
  test.each([
    ['2026-11-28', 'Saturday 28 November'],
    ['2026-11-28T23:30:00-05:00', 'Sunday 29 November'],
    ['2–3 working days', '2–3 working days'],
    ['2026-13-45', '2026-13-45'],
  ])('%s → %s', (eta, expected) => {
    expect(formatEta(eta)).toBe(expected);
  });
});

describe('helpers inside blocks read the run, not the loop item', () => {
  test('#each and #with', () => {
    const ctx = { ...buildTemplateContext({ interaction: angela, vars: { assignment: { agentName: 'Sam Lee' } } }), items: [{ name: 'x' }, { name: 'y' }] };
    expect(renderTemplate('{{#each items}}[{{customerName}} {{agentName}} {{name}}]{{/each}}', ctx)).toBe('[Angela Sam Lee x][Angela Sam Lee y]');
    expect(renderTemplate('{{#with message}}{{handle}}: {{text}}{{/with}}', ctx)).toBe(`@angela: ${angela.text}`);
  });

  test('fallback arguments', () => {
    expect(renderTemplate('{{agentName "our care team"}} / {{orderNumber "your order"}}', {})).toBe('our care team / your order');
  });

  test('values from the customer are escaped even through helpers', () => {
    const ctx = buildTemplateContext({ interaction: { ...angela, author: { id: 'u', name: '<b>Eve</b>', handle: 'eve"><img>' } } });
    expect(renderTemplate('{{customerName}} {{handle}}', ctx)).toBe('&lt;b&gt;Eve&lt;/b&gt; @eve&quot;&gt;&lt;img&gt;');
  });
});
