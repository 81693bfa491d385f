/**
 * "Does this query match this text, and why?": the engine's own parser and compiled matcher,
 * so the answer is the one production gives. Each term is matched on its own too, to show
 * which of them were found.
 */
import { KeywordMatcher, parseQuery, type LeafNode, type QueryError, type QueryNode } from '@firebreak/engine';

export interface TermResult {
  /** The term as written in the query: refund*, "money back", /ord-\d+/. */
  text: string;
  start: number;
  end: number;
  found: boolean;
  /** Under a NOT: finding it argues against a match. */
  negated: boolean;
}

export type QueryTest = { errors: QueryError[]; matches: null; terms: [] } | { errors: []; matches: boolean; terms: TermResult[] };

export function testQuery(query: string, text: string): QueryTest {
  const parsed = parseQuery(query);
  if (!parsed.ast) return { errors: parsed.errors, matches: null, terms: [] };
  const leaves: Array<{ leaf: LeafNode; negated: boolean }> = [];
  collect(parsed.ast, false, leaves);
  const matcher = new KeywordMatcher([
    { id: 'query', query },
    ...leaves.map(({ leaf }, i) => ({ id: `term-${i}`, query: query.slice(leaf.start, leaf.end) })),
  ]);
  const hits = new Set(matcher.match(text));
  return {
    errors: [],
    matches: hits.has('query'),
    terms: leaves.map(({ leaf, negated }, i) => ({
      text: query.slice(leaf.start, leaf.end),
      start: leaf.start,
      end: leaf.end,
      found: hits.has(`term-${i}`),
      negated,
    })),
  };
}

function collect(node: QueryNode, negated: boolean, out: Array<{ leaf: LeafNode; negated: boolean }>) {
  switch (node.type) {
    case 'and':
    case 'or':
      node.children.forEach((c) => collect(c, negated, out));
      return;
    case 'not':
      collect(node.child, !negated, out);
      return;
    case 'near':
      collect(node.left, negated, out);
      collect(node.right, negated, out);
      return;
    default:
      out.push({ leaf: node, negated });
  }
}
