/**
 * The two baselines of the benchmark, built from the same parsed queries:
 *  - naive: every query compiled to its own JavaScript RegExp (lookaheads for AND/NOT,
 *    alternation for OR) and tested one by one against each message;
 *  - json-rules-engine: one rule per query over the message's token list.
 */
import { Engine } from 'json-rules-engine';
import { parseQuery, tokenize, type QueryNode } from '../../engine/src/analysis';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const B = '(?<![\\p{L}\\p{N}_])';
const E = '(?![\\p{L}\\p{N}_])';

function leafPattern(n: QueryNode): string {
  if (n.type === 'phrase') return B + n.keys.map(esc).join('[^\\p{L}\\p{N}]+') + E;
  if (n.type === 'prefix') return B + esc(n.prefix);
  if (n.type === 'regex') return n.source;
  throw new Error('not a leaf');
}

/** A lookahead expression that holds at position 0 iff the query holds. */
function cond(n: QueryNode): string {
  switch (n.type) {
    case 'and':
      return n.children.map(cond).join('');
    case 'or':
      return `(?:${n.children.map(cond).join('|')})`;
    case 'not':
      return `(?!${cond(n.child)})`;
    case 'near': {
      const a = leafPattern(n.left);
      const b = leafPattern(n.right);
      const gap = `(?:[^\\p{L}\\p{N}]+[\\p{L}\\p{N}]+){0,${n.distance}}[^\\p{L}\\p{N}]+`;
      return `(?=[\\s\\S]*?(?:${a}${gap}${b}|${b}${gap}${a}))`;
    }
    default:
      return `(?=[\\s\\S]*?${leafPattern(n)})`;
  }
}

export function naiveMatcher(queries: readonly string[]): (text: string) => number {
  const res = queries.map((q) => new RegExp('^' + cond(parseQuery(q).ast!), 'iu'));
  return (text) => {
    let hits = 0;
    for (const re of res) if (re.test(text)) hits++;
    return hits;
  };
}

/**
 * A stronger naive variant for context: one small RegExp per leaf (word-bounded term,
 * phrase, prefix), the boolean structure evaluated in JavaScript with short-circuit.
 * NEAR is approximated by AND here (it only makes this baseline faster).
 */
export function naiveLeafMatcher(queries: readonly string[]): (text: string) => number {
  type Ev = (t: string) => boolean;
  const build = (n: QueryNode): Ev => {
    switch (n.type) {
      case 'and': {
        const cs = n.children.map(build);
        return (t) => cs.every((c) => c(t));
      }
      case 'or': {
        const cs = n.children.map(build);
        return (t) => cs.some((c) => c(t));
      }
      case 'not': {
        const c = build(n.child);
        return (t) => !c(t);
      }
      case 'near': {
        const a = new RegExp(leafPattern(n.left), 'iu');
        const b = new RegExp(leafPattern(n.right), 'iu');
        return (t) => a.test(t) && b.test(t);
      }
      default: {
        const re = new RegExp(leafPattern(n), 'iu');
        return (t) => re.test(t);
      }
    }
  };
  const evs = queries.map((q) => build(parseQuery(q).ast!));
  return (text) => {
    let hits = 0;
    for (const e of evs) if (e(text)) hits++;
    return hits;
  };
}

type Cond = Record<string, unknown>;

function ruleCond(n: QueryNode): Cond {
  switch (n.type) {
    case 'and':
      return { all: n.children.map(ruleCond) };
    case 'or':
      return { any: n.children.map(ruleCond) };
    case 'not':
      return { not: ruleCond(n.child) };
    case 'near':
      return { fact: 'tokens', operator: 'near', value: { a: n.left, b: n.right, n: n.distance } };
    case 'prefix':
      return { fact: 'tokens', operator: 'hasPrefix', value: n.prefix };
    case 'phrase':
      return n.keys.length === 1
        ? { fact: 'tokens', operator: 'contains', value: n.keys[0] }
        : { fact: 'tokens', operator: 'hasPhrase', value: n.keys };
    default:
      return { fact: 'text', operator: 'regex', value: n.source };
  }
}

function positions(tokens: string[], leaf: QueryNode): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => {
    if (leaf.type === 'prefix' ? t.startsWith(leaf.prefix) : leaf.type === 'phrase' && leaf.keys.every((k, j) => tokens[i + j] === k))
      out.push(i);
  });
  return out;
}

export function rulesEngine(queries: readonly string[]): (text: string) => Promise<number> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('hasPrefix', (f: string[], v: string) => f.some((t) => t.startsWith(v)));
  engine.addOperator('hasPhrase', (f: string[], v: string[]) => f.some((_, i) => v.every((k, j) => f[i + j] === k)));
  engine.addOperator('near', (f: string[], v: { a: QueryNode; b: QueryNode; n: number }) => {
    const pa = positions(f, v.a);
    const pb = positions(f, v.b);
    return pa.some((x) => pb.some((y) => Math.abs(x - y) - 1 <= v.n));
  });
  engine.addOperator('regex', (f: string, v: string) => new RegExp(v, 'i').test(f));
  queries.forEach((q, i) => {
    const c = ruleCond(parseQuery(q).ast!);
    // The root must be all/any/not: wrap a single condition.
    engine.addRule({ conditions: ('fact' in c ? { all: [c] } : c) as never, event: { type: `q${i}` } });
  });
  return async (text) => {
    const tokens = tokenize(text).map((t) => t.key);
    const r = await engine.run({ tokens, text });
    return r.events.length;
  };
}
