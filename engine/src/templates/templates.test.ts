import { chooseVariant, createTemplateEnv, renderTemplate, TemplateContext, templateError } from '.';

const angela: TemplateContext = {
  customer: { name: 'Angela Smith', handle: 'angela' },
  agent: { name: 'Sam Lee' },
  order: { number: 'A-1042', eta: 'Friday' },
  message: { text: 'where is my order?', channel: 'x' },
};

describe('helpers', () => {
  test.each<[string, TemplateContext, string]>([
    ['{{customerName}}', angela, 'Angela'],
    ['{{customerName}}', { customer: { name: '  Angela   Smith ' } }, 'Angela'],
    ['{{customerName}}', { customer: { handle: 'frank' } }, '@frank'],
    ['{{customerName}}', { customer: { handle: '@frank' } }, '@frank'],
    ['{{customerName}}', { customer: { name: '', handle: 'frank' } }, '@frank'],
    ['{{customerName}}', {}, 'there'],
    ['{{handle}}', angela, '@angela'],
    ['{{handle}}', { customer: { handle: '@angela' } }, '@angela'],
    ['[{{handle}}]', {}, '[]'],
    ['{{agentName}}', angela, 'Sam Lee'],
    ['{{agentName}}', {}, 'the team'],
    ['{{signature}}', angela, '^SL'],
    ['{{signature}}', { agent: { name: 'Sam Lee', signature: 'sam' } }, '^sam'],
    ['[{{signature}}]', {}, '[]'],
    ['{{orderNumber}}', angela, 'A-1042'],
    ['[{{orderNumber}}]', {}, '[]'],
    ['{{eta}}', angela, 'Friday'],
    ['{{eta "within 2 days"}}', {}, 'within 2 days'],
    ['{{eta}}', {}, 'soon'],
  ])('%s with %j → %j', (source, context, expected) => {
    expect(renderTemplate(source, context)).toBe(expected);
  });

  test('a whole template: the acknowledgement', () => {
    expect(renderTemplate('Hi {{customerName}}, {{agentName}} will check order {{orderNumber}} ({{eta "soon"}}). {{signature}}\n', angela)).toBe('Hi Angela, Sam Lee will check order A-1042 (Friday). ^SL');
  });

  test('each env has its own helpers (the shared one is not polluted)', () => {
    const env = createTemplateEnv();
    env.registerHelper('shout', () => 'HEY');
    expect(env.compile('{{shout}}')({})).toBe('HEY');
    expect(renderTemplate('[{{shout}}]', {})).toBe('[]');
  });
});

describe('safety', () => {
  test('customer text is HTML-escaped', () => {
    expect(renderTemplate('"{{message.text}}"', { message: { text: '<script>alert("x")</script>' } })).toBe('"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"');
  });

  test('prototype access is blocked', () => {
    const warn = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(renderTemplate('[{{constructor.name}}]', {})).toBe('[]');
      expect(renderTemplate('[{{customer.constructor.name}}]', angela)).toBe('[]');
      expect(renderTemplate('[{{#with __proto__}}{{constructor.name}}{{/with}}]', {})).toBe('[]');
      expect(renderTemplate('[{{lookup this "constructor"}}]', {})).toBe('[]');
    } finally {
      warn.mockRestore();
    }
  });
});

describe('templateError', () => {
  test('null for a template that compiles', () => {
    expect(templateError('Hi {{customerName}} {{#if order}}{{orderNumber}}{{/if}}')).toBeNull();
    expect(templateError('plain text')).toBeNull();
  });

  test.each([
    ['{{#if}}', 'Parse error on line 1: unexpected end of template (is a {{#block}} left open?)'],
    ['Hi {{#if x}}', 'Parse error on line 1: unexpected end of template (is a {{#block}} left open?)'],
    ['Hi {{}}', 'Parse error on line 1: unexpected "}}"'],
    ['Hi\n{{/if}}', 'Parse error on line 2: unexpected "{{/"'],
    ['{{#each x}}y{{/if}}', "each doesn't match if - 1:3"],
  ])('%j → %s', (source, message) => {
    expect(templateError(source)).toBe(message);
  });
});

describe('chooseVariant', () => {
  test('deterministic, in range, spread', () => {
    expect(chooseVariant('i-1', 3)).toBe(chooseVariant('i-1', 3));
    const seen = new Set(Array.from({ length: 50 }, (_, i) => chooseVariant(`k${i}`, 4)));
    expect(seen).toEqual(new Set([0, 1, 2, 3]));
    expect(chooseVariant('anything', 0)).toBe(0);
    expect(chooseVariant('anything', 1)).toBe(0);
  });
});
