import { begin, done, drive, graph, outcomesOf, raw, single, trail } from '../__fixtures__/graphs';
import { validate } from '../playbook/validate';

/** A knowledge-base draft can find no article: the node says so on its own handle. */
describe('draft from the knowledge base', () => {
  test('outcomes depend on the source', () => {
    expect(outcomesOf('draft', { source: 'template', template: 't' })).toEqual(['next']);
    expect(outcomesOf('draft', { source: 'kb' })).toEqual(['next', 'no_article']);
  });

  test('an article: next, the draft keeps its article id, the path says which and how well it ranked', () => {
    const pb = single('draft', { source: 'kb' });
    const [, last] = drive(pb, begin(pb), done('n', { text: 'Here is how to reset it', articleId: 'kb-1', score: 1.25 }));
    expect(trail(last.state)).toEqual(['start:next', 'n:next']);
    expect(last.state.vars.draft).toEqual({ text: 'Here is how to reset it', template: undefined, articleId: 'kb-1' });
    expect(last.state.path[1].detail).toEqual({ articleId: 'kb-1', score: 1.25 });
  });

  test('no article: the no_article outcome and no (empty) draft', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'kb', kind: 'draft', config: { source: 'kb' } },
        { id: 'send', kind: 'send', config: {}, ends: ['sent', 'failed'] },
        { id: 'fallback', kind: 'draft', config: { template: 'acknowledge' }, ends: ['next'] },
      ],
      [
        ['start', 'next', 'kb'],
        ['kb', 'next', 'send'],
        ['kb', 'no_article', 'fallback'],
      ],
    );
    const [, last] = drive(pb, begin(pb), done('kb', { outcome: 'no_article', reason: 'no article matches the message' }));
    expect(trail(last.state)).toEqual(['start:next', 'kb:no_article', 'fallback:undefined']);
    expect(last.state.path[1].detail).toEqual({ reason: 'no article matches the message' });
    expect(last.state.vars.draft).toBeUndefined();
    expect(last.commands[0]).toMatchObject({
      type: 'activity',
      activity: 'draft',
      nodeId: 'fallback',
      input: { source: 'template', template: 'acknowledge' },
    });
  });

  test('the validator asks for the no_article handle of a KB draft, not of a template draft', () => {
    const kb = validate(playbookWith({ source: 'kb' }), { templates: { t: 'hi' } });
    expect(kb).toEqual([expect.objectContaining({ code: 'unconnected_outcome', nodeId: 'd', path: 'outcomes.no_article' })]);
    expect(validate(playbookWith({ source: 'template', template: 't' }), { templates: { t: 'hi' } })).toEqual([]);
    expect(validate(playbookWith({ source: 'template', template: 't' }, ['no_article']), { templates: { t: 'hi' } })).toEqual([
      expect.objectContaining({ code: 'bad_end', nodeId: 'd' }),
    ]);
  });
});

function playbookWith(config: Record<string, unknown>, ends: string[] = []) {
  return raw(
    [
      { id: 'start', kind: 'start' },
      { id: 'd', kind: 'draft', config, ends },
      { id: 'end', kind: 'end' },
    ],
    [
      ['start', 'next', 'd'],
      ['d', 'next', 'end'],
    ],
  ) as never;
}
