import { KeywordMatcher } from './matcher';

const MESSAGES = {
  refund: '@AcmeHelp I want a REFUND now',
  refunds: 'Refunds take forever',
  hashtag: 'Still waiting #refund #fail',
  phrase: 'I just want my money back please',
  splitPhrase: 'money is not coming back',
  near: 'my order is very late again',
  far: 'late delivery, and then the order was wrong',
  accents: 'Le café était froid',
  contraction: "It doesn’t work and I can't log in",
  url: 'see https://acme.com/refund-policy for details',
  emoji: 'the app crashed again 😡',
  mention: 'thanks @AcmeHelp for the help',
  regex: 'my ticket is ORD-20931, please check',
  spam: 'RT to win a free refund giveaway',
} as const;
type Msg = keyof typeof MESSAGES;

// Query → the messages it must match (every other message must not match).
const TABLE: Array<[string, Msg[]]> = [
  ['refund', ['refund', 'hashtag', 'spam']],
  ['refund*', ['refund', 'refunds', 'hashtag', 'spam']],
  ['#refund', ['hashtag']],
  ['"money back"', ['phrase']],
  ['money back', ['phrase', 'splitPhrase']],
  ['late NEAR/2 order', ['near']],
  ['late NEAR/6 order', ['near', 'far']],
  ['cafe OR CAFÉ', ['accents']],
  ['"doesn\'t work"', ['contraction']],
  ['cant', ['contraction']],
  ['😡', ['emoji']],
  ['@acmehelp', ['refund', 'mention']],
  ['acmehelp', []],
  ['/ord-[0-9]{5}/', ['regex']],
  ['refund NOT giveaway', ['refund', 'hashtag']],
  ['(refund OR crashed) AND NOT (giveaway OR #fail)', ['refund', 'emoji']],
  ['refund OR late order', ['refund', 'hashtag', 'spam', 'near', 'far']],
  ['refund-policy', []],
];

describe('one matcher for all queries: table of queries × messages', () => {
  const matcher = new KeywordMatcher(TABLE.map(([query], i) => ({ id: `q${i}`, query })));
  const results = new Map<Msg, Set<string>>();
  for (const m of Object.keys(MESSAGES) as Msg[]) results.set(m, new Set(matcher.match(MESSAGES[m])));

  test('every query compiled', () => expect(matcher.problems).toEqual([]));
  test.each(TABLE.map(([q, ms], i) => [q, ms, i] as const))('%s', (_q, expected, i) => {
    const matched = (Object.keys(MESSAGES) as Msg[]).filter((m) => results.get(m)!.has(`q${i}`));
    expect(matched.sort()).toEqual([...expected].sort());
  });
});

describe('KeywordMatcher', () => {
  test('a pure NOT query matches messages that contain none of its terms', () => {
    const m = new KeywordMatcher([{ id: 'n', query: 'NOT spam' }]);
    expect(m.match('hello')).toEqual(['n']);
    expect(m.match('spam here')).toEqual([]);
  });

  test('identical leaves in many queries are indexed once and all queries still answer', () => {
    const qs = Array.from({ length: 500 }, (_, i) => ({ id: `k${i}`, query: i % 2 ? 'refund' : 'refund AND late' }));
    const m = new KeywordMatcher(qs);
    expect(m.match('refund').length).toBe(250);
    expect(m.match('late refund').length).toBe(500);
  });

  test('invalid queries are reported with their id and never match', () => {
    const m = new KeywordMatcher([
      { id: 'bad', query: 'refund AND' },
      { id: 'ok', query: 'refund' },
    ]);
    expect(m.problems).toEqual([{ id: 'bad', message: expect.stringContaining('AND'), start: 7, end: 10 }]);
    expect(m.match('refund')).toEqual(['ok']);
  });

  test('a catastrophic-backtracking pattern runs in linear time on RE2', () => {
    const m = new KeywordMatcher([{ id: 'r', query: '/(a+)+$/' }]);
    const evil = 'a'.repeat(5000) + '!';
    const t0 = Date.now();
    expect(m.match(evil)).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  test('overlapping phrases are all found (Aho–Corasick failure links)', () => {
    const m = new KeywordMatcher([
      { id: 'abc', query: '"a b c"' },
      { id: 'bcd', query: '"b c d"' },
      { id: 'c', query: 'c' },
    ]);
    expect(m.match('x a b c d y').sort()).toEqual(['abc', 'bcd', 'c']);
    expect(m.match('a b b c d').sort()).toEqual(['bcd', 'c']);
  });
});
