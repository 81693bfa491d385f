import { analyze, compile, parseQuery, type Facts } from './index';

describe('compile + analyze', () => {
  const compiled = compile({
    queries: [
      { id: 'kw-refund', query: 'refund* OR "money back"' },
      { id: 'kw-broken', query: 'bad (' },
    ],
    crisisTopics: [{ topic: 'discount', query: '"discount link" OR "20% code"' }],
  });

  test('invalid queries are reported with node id and position, and never match', () => {
    expect(compiled.problems).toEqual([{ id: 'kw-broken', message: expect.any(String), start: 4, end: 5 }]);
  });

  test('facts for the broken-discount-link use case', () => {
    const f: Facts = analyze(
      {
        text: '@Acme your discount link is broken!! I want my money back. Card 4111 1111 1111 1111',
        author: { id: 'u1', followers: 25_000 },
      },
      compiled,
    );
    expect(f.matches).toEqual({ 'kw-refund': true, 'crisis:discount': true });
    expect(f.sentiment.label).toBe('negative');
    expect(f.priority.tier).toBe('first');
    expect(f.priority.cues).toEqual(expect.arrayContaining(['dissatisfaction:broken', 'crisis:discount']));
    expect(f.pii).toEqual({ found: true, kinds: ['card_number'], spans: [{ kind: 'card_number', start: 64, end: 83 }] });
    expect(f.influence.segment).toBe('influencer');
    expect(f.language).toBe('en');
    expect(f.crisis).toBeUndefined();
  });

  test('unmatched queries are absent from matches; crisis context is passed through', () => {
    const f = analyze({ text: 'thank you, lovely service' }, compiled, { crisis: { active: true, topics: ['discount'] } });
    expect(f.matches).toEqual({});
    expect(f.priority.tier).toBe('second');
    expect(f.crisis).toEqual({ active: true, topics: ['discount'] });
  });

  test('facts are plain JSON (they go into workflow history)', () => {
    const f = analyze({ text: 'hello @Acme' });
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  });

  test('parseQuery is exported with positioned errors', () => {
    expect(parseQuery('a OR').errors[0]).toEqual({ message: expect.any(String), start: 2, end: 4 });
  });
});
