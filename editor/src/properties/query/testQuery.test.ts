import { testQuery } from './testQuery';

describe('trying a keyword query on a sample message', () => {
  test('matches, and says which terms were found', () => {
    const r = testQuery('lawyer* OR "legal action" OR court', 'I will take LEGAL action, my lawyers agree');
    expect(r.matches).toBe(true);
    expect(r.terms.map((t) => [t.text, t.found])).toEqual([
      ['lawyer*', true],
      ['"legal action"', true],
      ['court', false],
    ]);
  });

  test('does not match when a NOT term is found, and marks it as negated', () => {
    const r = testQuery('refund NOT spam', 'refund spam');
    expect(r.matches).toBe(false);
    expect(r.terms.map((t) => [t.text, t.found, t.negated])).toEqual([
      ['refund', true, false],
      ['spam', true, true],
    ]);
  });

  test('NEAR and regex terms are tried too', () => {
    const r = testQuery('late NEAR/3 order AND /ord-[0-9]{5}/', 'my order is so late, ORD-48213');
    expect(r.matches).toBe(true);
    expect(r.terms.map((t) => t.found)).toEqual([true, true, true]);
  });

  test('a query that does not parse answers with its positioned errors', () => {
    const r = testQuery('refund OR', 'refund');
    expect(r.matches).toBeNull();
    expect(r.errors).toEqual([{ message: 'Expected a term after "OR"', start: 7, end: 9 }]);
  });
});
