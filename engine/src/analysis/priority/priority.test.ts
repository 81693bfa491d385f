import { priorityTier } from './index';

describe('priority tier (seeds: Prioritization framework)', () => {
  test.each([
    ['@AcmeHelp where is my package?', 'first', 'question:?'],
    ['@AcmeHelp how do i change my address', 'first', 'question:how do i'],
    ['@AcmeHelp worst service ever, still waiting for my refund', 'first', 'dissatisfaction:worst'],
    ['@delta flight cancelled and I am stranded at JFK', 'first', 'urgent:stranded'],
    ['@AcmeHelp thanks, all sorted!', 'second', 'positive:thanks'],
    ['@AcmeHelp just ordered the new model', 'second', 'reference:addressed'],
    ['RT to win a free phone! giveaway', 'noise', 'noise:rt to win'],
    ['@AcmeHelp https://t.co/xyz', 'noise', 'noise:no-content'],
    ['what a lovely sunset tonight', 'second', 'positive:sentiment'],
    ['going to the shops later', 'noise', undefined],
  ])('%s → %s', (text, tier, cue) => {
    const r = priorityTier(text);
    expect(r.tier).toBe(tier);
    expect(r.needsResponse).toBe(tier === 'first');
    if (cue) expect(r.cues).toContain(cue);
  });

  test('a private message with a question is addressed to the brand', () => {
    expect(priorityTier({ text: 'what time do you open?', visibility: 'private' }).tier).toBe('first');
    expect(priorityTier({ text: 'what time do the stores open?' }).tier).toBe('noise');
  });

  test('cue lists are editable per playbook', () => {
    const cfg = { lists: { dissatisfaction: ['meh'] }, first: ['"discount link"'], extra: { reference: ['acme'] } };
    expect(priorityTier('the discount link is meh', cfg).cues).toEqual(
      expect.arrayContaining(['dissatisfaction:meh', 'first:discount link']),
    );
    expect(priorityTier('the discount link is meh').cues).not.toContain('dissatisfaction:meh');
    expect(priorityTier('worst day', cfg).tier).toBe('first'); // via sentiment, not the replaced list
    expect(priorityTier('worst day', cfg).cues).toEqual(['dissatisfaction:sentiment']);
    expect(priorityTier('bought an acme kettle', cfg)).toEqual({ tier: 'second', needsResponse: false, cues: ['reference:acme'] });
  });

  test('brand handles decide whether a question is addressed to us', () => {
    const cfg = { brandHandles: ['AcmeHelp'] };
    expect(priorityTier('@bob is it open today?', cfg).tier).not.toBe('first');
    expect(priorityTier('@bob @acmehelp is it open today?', cfg).tier).toBe('first');
  });
});
