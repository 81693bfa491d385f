import { parseQuery } from './parser';
import type { QueryNode } from './ast';

/** A compact rendering of the tree, to compare structure rather than positions. */
function show(n: QueryNode | null): string {
  if (!n) return 'null';
  switch (n.type) {
    case 'phrase':
      return n.keys.length === 1 ? n.keys[0] : `"${n.keys.join(' ')}"`;
    case 'prefix':
      return `${n.prefix}*`;
    case 'regex':
      return `/${n.source}/`;
    case 'not':
      return `NOT(${show(n.child)})`;
    case 'near':
      return `NEAR${n.distance}(${show(n.left)},${show(n.right)})`;
    default:
      return `${n.type.toUpperCase()}(${n.children.map(show).join(',')})`;
  }
}

describe('parseQuery: valid queries', () => {
  test.each([
    ['refund', 'refund'],
    ['Refund Café', 'AND(refund,cafe)'],
    ['a b OR c', 'OR(AND(a,b),c)'],
    ['a AND (b OR c)', 'AND(a,OR(b,c))'],
    ['NOT spam', 'NOT(spam)'],
    ['refund NOT NOT late', 'AND(refund,NOT(NOT(late)))'],
    ['"money back" OR refund*', 'OR("money back",refund*)'],
    ['@AmazonHelp #fail', 'AND(@amazonhelp,#fail)'],
    ['late NEAR/3 order', 'NEAR3(late,order)'],
    ['"not working" NEAR/0 app*', 'NEAR0("not working",app*)'],
    ["don't", 'dont'],
    ['amazon.com', '"amazon com"'],
    ['/ord-[0-9]{4}/', '/ord-[0-9]{4}/'],
    ['😡 OR 👎', 'OR(😡,👎)'],
    ['or and not', 'AND(or,and,not)'],
  ])('%s → %s', (q, expected) => {
    const r = parseQuery(q);
    expect(r.errors).toEqual([]);
    expect(show(r.ast)).toBe(expected);
  });
});

describe('parseQuery: errors carry their position', () => {
  test.each([
    ['', 'empty', 0, 1],
    ['   ', 'empty', 0, 3],
    ['(refund OR late', 'Missing closing parenthesis', 0, 1],
    ['refund)', 'Unmatched closing parenthesis', 6, 7],
    ['refund AND', 'Expected a term after "AND"', 7, 10],
    ['refund OR OR late', 'Expected a term, found "OR"', 10, 12],
    ['"money back', 'Unterminated phrase', 0, 11],
    ['re*und', 'only allowed at the end', 2, 3],
    ['r*', 'at least 2 characters', 0, 2],
    ['late NEAR order', 'NEAR needs a distance', 5, 9],
    ['(a OR b) NEAR/2 c', 'NEAR works between terms', 9, 15],
    ['a NEAR/2 b NEAR/2 c', 'Chained NEAR', 11, 17],
    ['/ord[0-9/', 'Invalid regular expression', 0, 9],
    ['/(a+)+\\1/', 'Invalid regular expression', 0, 9],
    ['refund !!!', 'Nothing searchable', 7, 10],
    ['()', 'Empty parentheses', 0, 2],
  ])('%j', (q, message, start, end) => {
    const r = parseQuery(q);
    expect(r.ast).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toContain(message);
    expect([r.errors[0].start, r.errors[0].end]).toEqual([start, end]);
  });
});
