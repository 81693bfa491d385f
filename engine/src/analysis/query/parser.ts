/**
 * Keyword query parser. Grammar (lowest precedence first):
 *
 *   query := or
 *   or    := and ( "OR" and )*
 *   and   := unary ( ["AND"] unary )*          -- a space is an implicit AND
 *   unary := "NOT" unary | near
 *   near  := primary ( "NEAR/n" primary )?      -- operands must be terms or phrases
 *   primary := "(" or ")" | term | prefix* | "phrase" | /regex/
 *
 * Operators are recognised only in upper case, so "not" and "or" stay searchable words.
 * Every error carries the [start, end) offsets the editor underlines.
 */
import { RE2JS } from 're2js';
import { tokenize } from '../text/tokenize';
import type { LeafNode, ParseResult, PhraseNode, PrefixNode, QueryError, QueryNode } from './ast';

type LexKind = 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'near' | 'term' | 'phrase' | 'regex' | 'eof';
interface Lex {
  kind: LexKind;
  text: string;
  start: number;
  end: number;
  distance?: number;
}

class ParseError extends Error {
  constructor(readonly error: QueryError) {
    super(error.message);
  }
}

function fail(message: string, start: number, end: number): never {
  throw new ParseError({ message, start, end: Math.max(end, start + 1) });
}

function lex(q: string): Lex[] {
  const out: Lex[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      out.push({ kind: c === '(' ? 'lparen' : 'rparen', text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === '"' || c === '“' || c === '”') {
      const close = q.slice(i + 1).search(/["“”]/);
      if (close < 0) fail('Unterminated phrase: add the closing "', i, q.length);
      const end = i + 1 + close + 1;
      out.push({ kind: 'phrase', text: q.slice(i + 1, end - 1), start: i, end });
      i = end;
      continue;
    }
    if (c === '/') {
      // A regex ends at the next unescaped slash.
      let j = i + 1;
      while (j < q.length && q[j] !== '/') j += q[j] === '\\' ? 2 : 1;
      if (j >= q.length) fail('Unterminated regular expression: add the closing /', i, q.length);
      out.push({ kind: 'regex', text: q.slice(i + 1, j), start: i, end: j + 1 });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < q.length && !/[\s()"“”]/.test(q[j])) j++;
    const word = q.slice(i, j);
    const near = /^NEAR\/(\d+)$/.exec(word);
    if (word === 'AND') out.push({ kind: 'and', text: word, start: i, end: j });
    else if (word === 'OR') out.push({ kind: 'or', text: word, start: i, end: j });
    else if (word === 'NOT') out.push({ kind: 'not', text: word, start: i, end: j });
    else if (near) out.push({ kind: 'near', text: word, start: i, end: j, distance: Number(near[1]) });
    else if (/^NEAR\b/.test(word)) fail('NEAR needs a distance, e.g. NEAR/3', i, j);
    else out.push({ kind: 'term', text: word, start: i, end: j });
    i = j;
  }
  out.push({ kind: 'eof', text: '', start: q.length, end: q.length });
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly toks: Lex[]) {}

  private peek(): Lex {
    return this.toks[this.pos];
  }
  private next(): Lex {
    return this.toks[this.pos++];
  }

  parseQuery(): QueryNode {
    const node = this.parseOr();
    const t = this.peek();
    if (t.kind === 'rparen') fail('Unmatched closing parenthesis', t.start, t.end);
    if (t.kind !== 'eof') fail(`Unexpected "${t.text}"`, t.start, t.end);
    return node;
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    while (this.peek().kind === 'or') {
      this.next();
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0] : { type: 'or', children };
  }

  private parseAnd(): QueryNode {
    const children = [this.parseUnary()];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'and') {
        this.next();
        children.push(this.parseUnary());
      } else if (t.kind === 'term' || t.kind === 'phrase' || t.kind === 'regex' || t.kind === 'lparen' || t.kind === 'not') {
        children.push(this.parseUnary()); // implicit AND
      } else break;
    }
    return children.length === 1 ? children[0] : { type: 'and', children };
  }

  private parseUnary(): QueryNode {
    const t = this.peek();
    if (t.kind === 'not') {
      this.next();
      return { type: 'not', child: this.parseUnary() };
    }
    const left = this.parsePrimary();
    const op = this.peek();
    if (op.kind !== 'near') return left;
    this.next();
    const right = this.parsePrimary();
    const l = nearOperand(left, op);
    const r = nearOperand(right, op);
    if (this.peek().kind === 'near') {
      const again = this.peek();
      fail('Chained NEAR is not supported: use (a NEAR/n b) AND (b NEAR/n c)', again.start, again.end);
    }
    return { type: 'near', distance: op.distance!, left: l, right: r };
  }

  private parsePrimary(): QueryNode {
    const t = this.next();
    switch (t.kind) {
      case 'lparen': {
        if (this.peek().kind === 'rparen') fail('Empty parentheses', t.start, this.peek().end);
        const inner = this.parseOr();
        const close = this.peek();
        if (close.kind !== 'rparen') fail('Missing closing parenthesis', t.start, t.end);
        this.next();
        return inner;
      }
      case 'term':
        return termNode(t);
      case 'phrase':
        return phraseNode(t.text, t.start, t.end, false);
      case 'regex':
        return regexNode(t);
      case 'eof': {
        const prev = this.toks[this.pos - 2];
        if (!prev) fail('The query is empty', 0, 0);
        fail(`Expected a term after "${prev.text}"`, prev.start, prev.end);
      }
      // falls through (fail never returns)
      default:
        fail(`Expected a term, found "${t.text}"`, t.start, t.end);
    }
  }
}

function nearOperand(n: QueryNode, op: Lex): PhraseNode | PrefixNode {
  if (n.type === 'phrase' || n.type === 'prefix') return n;
  fail('NEAR works between terms or "phrases" only', op.start, op.end);
}

function phraseNode(text: string, start: number, end: number, bare: boolean): PhraseNode {
  const keys = tokenize(text).map((t) => t.key);
  if (keys.length === 0) fail('Nothing searchable here: use letters, digits, @mentions, #hashtags or emoji', start, end);
  return { type: 'phrase', keys, bare: bare && keys.length === 1, start, end };
}

function termNode(t: Lex): LeafNode {
  const star = t.text.indexOf('*');
  if (star < 0) return phraseNode(t.text, t.start, t.end, true);
  if (star !== t.text.length - 1) fail('The wildcard * is only allowed at the end of a term', t.start + star, t.start + star + 1);
  const keys = tokenize(t.text.slice(0, -1)).map((k) => k.key);
  if (keys.length !== 1) fail('A wildcard term must be a single word, e.g. refund*', t.start, t.end);
  const prefix = keys[0];
  if (prefix.replace(/^[#@]/, '').length < 2) fail('A wildcard needs at least 2 characters before *', t.start, t.end);
  return { type: 'prefix', prefix, start: t.start, end: t.end };
}

function regexNode(t: Lex) {
  try {
    RE2JS.compile(t.text, RE2JS.CASE_INSENSITIVE);
  } catch (e) {
    fail(`Invalid regular expression: ${(e as Error).message}`, t.start, t.end);
  }
  return { type: 'regex' as const, source: t.text, start: t.start, end: t.end };
}

/** Parse one keyword query. Never throws: problems come back in `errors`. */
export function parseQuery(query: string): ParseResult {
  try {
    if (query.trim() === '') return { ast: null, errors: [{ message: 'The query is empty', start: 0, end: Math.max(1, query.length) }] };
    return { ast: new Parser(lex(query)).parseQuery(), errors: [] };
  } catch (e) {
    if (e instanceof ParseError) return { ast: null, errors: [e.error] };
    throw e;
  }
}
