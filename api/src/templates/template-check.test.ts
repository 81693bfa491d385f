import { renderTemplate } from '@firebreak/engine';
import { sampleContext, templateVariables, VARIABLES } from './sample-context';
import { checkTemplate } from './template-check';
import { nodesNaming } from './template-references';

describe('checkTemplate', () => {
  test('a template that compiles and uses known helpers and variables has no problems', () => {
    expect(checkTemplate('Hi {{customerName}}, {{#if order.number}}order {{orderNumber}}{{/if}} {{eta "soon"}} {{signature}}', VARIABLES)).toEqual([]);
  });

  test.each([
    ['Hi {{#if x}}', 1, 13, /unexpected end of template/],
    ['Hi {{}}', 1, 6, /unexpected "}}"/],
    ['Hi\n  {{/if}}', 2, 3, /unexpected "{{\/"/],
    ['line one\n{{#each x}}y{{/if}}', 2, 4, /each doesn't match if/],
  ])('%j does not parse: the place and why', (source, line, column, message) => {
    const [p, ...rest] = checkTemplate(source);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ severity: 'error', line, column });
    expect(p.message).toMatch(message);
  });

  test('an unknown helper is an error at its place; inside blocks and sub-expressions too', () => {
    const problems = checkTemplate('Hi {{shout customer.name}}\n{{#if x}}{{upper "a"}}{{/if}} {{eta (fancy 1)}}');
    expect(problems.map((p) => [p.severity, p.line, p.column, p.message.split(' (')[0]])).toEqual([
      ['error', 1, 4, 'unknown helper "shout"'],
      ['error', 2, 10, 'unknown helper "upper"'],
      ['error', 2, 37, 'unknown helper "fancy"'],
    ]);
  });

  test('partials are refused', () => {
    expect(checkTemplate('{{> footer}}')[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/partials/) });
  });

  test('a variable the context never has is a warning; paths inside #each/#with are relative and not checked', () => {
    const problems = checkTemplate('{{customer.nmae}} {{#with order}}{{number}}{{/with}} {{#each list}}{{whatever}}{{/each}} {{#if agnt}}x{{/if}}', VARIABLES);
    expect(problems.map((p) => [p.severity, p.message.split(' is ')[0]])).toEqual([
      ['warning', '"customer.nmae"'],
      ['warning', '"list"'],
      ['warning', '"agnt"'],
    ]);
  });
});

describe('the sample context', () => {
  test('is what a run builds for Angela: every variable has a value in it', () => {
    const ctx = sampleContext();
    expect(renderTemplate('{{customerName}} {{handle}} {{agentName}} {{signature}} {{orderNumber}} {{eta}} {{crisis.topic}}', ctx)).toBe(
      'Angela @angela Sam Lee ^SL A-10428 Saturday 28 November discount-link',
    );
    const variables = templateVariables(ctx);
    expect(variables.filter((v) => v.kind === 'variable').map((v) => v.name)).toEqual([
      'customer.name',
      'customer.handle',
      'customer.tier',
      'agent.name',
      'agent.signature',
      'order.number',
      'order.eta',
      'message.text',
      'message.channel',
      'crisis.topic',
    ]);
    expect(variables.every((v) => v.description)).toBe(true);
    expect(variables.filter((v) => v.kind === 'helper').map((v) => v.name)).toEqual(
      expect.arrayContaining(['customerName', 'agentName', 'eta', 'if', 'each']),
    );
  });
});

describe('nodesNaming', () => {
  test('finds the nodes that name a template through the catalog (draft, holding variants, suggested replies)', () => {
    const graph = {
      key: 'k',
      name: 'k',
      nodes: [
        { id: 'd', kind: 'draft', config: { source: 'template', template: 'ack' } },
        { id: 'h', kind: 'holding', config: { templates: ['h1', 'ack'] } },
        { id: 'kb', kind: 'draft', config: { source: 'kb', template: 'ack' } },
        { id: 't', kind: 'tag', config: { tags: ['ack'] } },
      ],
      edges: [],
    };
    expect(nodesNaming(graph as never, 'ack')).toEqual(['d', 'h']);
    expect(nodesNaming(graph as never, 'nope')).toEqual([]);
  });
});
