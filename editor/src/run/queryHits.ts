/**
 * Where a keyword query matched a message: the query's positive terms (not those under NOT)
 * found in the text, with their character offsets, for the test run's "why" ("matched
 * 'discount' at 12"). The matcher itself only says whether a query matched; this re-reads the
 * message with the same tokenizer and parser, so the terms found are the ones it saw.
 */
import { fold, parseQuery, tokenize, type QueryNode } from '@firebreak/engine';

export interface QueryHit {
  /** The term as written in the query. */
  term: string;
  /** The text it matched, as written in the message. */
  found: string;
  /** Character offset in the message. */
  at: number;
}

interface Located {
  key: string;
  at: number;
  length: number;
}

/** The message's tokens with their offsets (best effort: a token whose folded key is not literally in the text has none). */
function locate(text: string): Located[] {
  const folded = fold(text);
  const out: Located[] = [];
  let cursor = 0;
  for (const t of tokenize(text)) {
    const at = folded.indexOf(t.key, cursor);
    if (at < 0) continue;
    out.push({ key: t.key, at, length: t.key.length });
    cursor = at + t.key.length;
  }
  return out;
}

type Leaf = Extract<QueryNode, { type: 'phrase' | 'prefix' | 'regex' }>;

function positiveLeaves(node: QueryNode, out: Leaf[] = []): Leaf[] {
  switch (node.type) {
    case 'and':
    case 'or':
      node.children.forEach((c) => positiveLeaves(c, out));
      break;
    case 'near':
      out.push(node.left, node.right);
      break;
    case 'not':
      break; // a term under NOT never explains a match
    default:
      out.push(node);
  }
  return out;
}

export function queryHits(query: string, text: string): QueryHit[] {
  const { ast } = parseQuery(query);
  if (!ast) return [];
  const tokens = locate(text);
  const hits: QueryHit[] = [];
  const add = (leaf: Leaf, at: number, end: number) => {
    if (!hits.some((h) => h.at === at)) hits.push({ term: query.slice(leaf.start, leaf.end), found: text.slice(at, end), at });
  };
  for (const leaf of positiveLeaves(ast)) {
    if (leaf.type === 'regex') {
      const m = safeRegex(leaf.source)?.exec(text);
      if (m) add(leaf, m.index, m.index + m[0].length);
      continue;
    }
    for (let i = 0; i < tokens.length; i++) {
      if (leaf.type === 'prefix') {
        if (tokens[i].key.startsWith(leaf.prefix)) add(leaf, tokens[i].at, tokens[i].at + tokens[i].length);
        continue;
      }
      const keys = leaf.keys;
      const same = (k: string, j: number) => k === keys[j] || (leaf.bare && keys.length === 1 && k === `#${keys[0]}`);
      if (keys.every((_, j) => tokens[i + j] && same(tokens[i + j].key, j))) {
        const last = tokens[i + keys.length - 1];
        add(leaf, tokens[i].at, last.at + last.length);
      }
    }
  }
  return hits.sort((a, b) => a.at - b.at);
}

function safeRegex(source: string): RegExp | null {
  try {
    return new RegExp(source, 'iu');
  } catch {
    return null;
  }
}
