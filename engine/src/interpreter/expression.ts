/**
 * The `expression` node's little language: comparisons over the facts, joined with
 * and / or / not. It is parsed, never eval'd, so a playbook cannot run code, and it is
 * evaluated in linear time. Example: `sentiment.compound < -0.5 and influence.segment == "vip"`.
 */
type Node =
  | { t: 'lit'; v: unknown }
  | { t: 'path'; p: string[] }
  | { t: 'list'; items: Node[] }
  | { t: 'not'; e: Node }
  | { t: 'bin'; op: string; l: Node; r: Node };

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at ${position}`);
  }
}

// Numbers may be negative (`sentiment.compound < -0.5`): there is no subtraction, so a
// minus sign can only start a number.
const TOKEN = /\s*(?:(-?\d+(?:\.\d+)?)|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(==|!=|<=|>=|<|>|\(|\)|\[|\]|,)|([A-Za-z_][A-Za-z0-9_.]*))/y;

interface Token {
  kind: 'num' | 'str' | 'op' | 'word';
  text: string;
  value?: unknown;
  pos: number;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) {
      const at = start + (src.slice(start).length - src.slice(start).trimStart().length);
      throw new ExpressionError(`unexpected character "${src[at]}"`, at);
    }
    const pos = m.index + m[0].length - m[0].trimStart().length; // where the token starts, after the blanks
    if (m[1] !== undefined) out.push({ kind: 'num', text: m[1], value: Number(m[1]), pos });
    else if (m[2] !== undefined || m[3] !== undefined)
      out.push({ kind: 'str', text: m[0].trim(), value: (m[2] ?? m[3]).replace(/\\(.)/g, '$1'), pos });
    else if (m[4] !== undefined) out.push({ kind: 'op', text: m[4], pos });
    else out.push({ kind: 'word', text: m[5], pos });
  }
  return out;
}

export function parseExpression(src: string): Node {
  const tokens = tokenize(src);
  let i = 0;
  const peek = () => tokens[i];
  const isWord = (w: string) => peek()?.kind === 'word' && peek().text === w;
  const expect = (text: string) => {
    if (peek()?.text !== text) throw new ExpressionError(`expected "${text}"`, peek()?.pos ?? src.length);
    i++;
  };
  const or = (): Node => {
    let l = and();
    while (isWord('or')) {
      i++;
      l = { t: 'bin', op: 'or', l, r: and() };
    }
    return l;
  };
  const and = (): Node => {
    let l = not();
    while (isWord('and')) {
      i++;
      l = { t: 'bin', op: 'and', l, r: not() };
    }
    return l;
  };
  const not = (): Node => (isWord('not') ? (i++, { t: 'not', e: not() }) : cmp());
  const cmp = (): Node => {
    const l = primary();
    const tok = peek();
    if (
      tok &&
      ((tok.kind === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(tok.text)) ||
        (tok.kind === 'word' && ['in', 'contains'].includes(tok.text)))
    ) {
      i++;
      return { t: 'bin', op: tok.text, l, r: primary() };
    }
    return l;
  };
  const primary = (): Node => {
    const tok = peek();
    if (!tok) throw new ExpressionError('unexpected end of expression', src.length);
    i++;
    if (tok.kind === 'num' || tok.kind === 'str') return { t: 'lit', v: tok.value };
    if (tok.text === '(') {
      const e = or();
      expect(')');
      return e;
    }
    if (tok.text === '[') {
      const items: Node[] = [];
      while (peek()?.text !== ']') {
        items.push(primary());
        if (peek()?.text === ',') i++;
        else break;
      }
      expect(']');
      return { t: 'list', items };
    }
    if (tok.kind === 'word') {
      if (tok.text === 'true' || tok.text === 'false') return { t: 'lit', v: tok.text === 'true' };
      if (tok.text === 'null') return { t: 'lit', v: null };
      if (['and', 'or', 'not', 'in', 'contains'].includes(tok.text)) throw new ExpressionError(`unexpected "${tok.text}"`, tok.pos);
      return { t: 'path', p: tok.text.split('.') };
    }
    throw new ExpressionError(`unexpected "${tok.text}"`, tok.pos);
  };
  const tree = or();
  if (i < tokens.length) throw new ExpressionError(`unexpected "${tokens[i].text}"`, tokens[i].pos);
  return tree;
}

function evaluate(node: Node, scope: Record<string, unknown>): unknown {
  switch (node.t) {
    case 'lit':
      return node.v;
    case 'list':
      return node.items.map((n) => evaluate(n, scope));
    case 'path':
      return node.p.reduce<unknown>(
        (v, k) =>
          v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, k) ? (v as Record<string, unknown>)[k] : undefined,
        scope,
      );
    case 'not':
      return !evaluate(node.e, scope);
    case 'bin': {
      if (node.op === 'and') return Boolean(evaluate(node.l, scope)) && Boolean(evaluate(node.r, scope));
      if (node.op === 'or') return Boolean(evaluate(node.l, scope)) || Boolean(evaluate(node.r, scope));
      const l = evaluate(node.l, scope);
      const r = evaluate(node.r, scope);
      switch (node.op) {
        case '==':
          return l === r;
        case '!=':
          return l !== r;
        case '<':
          return typeof l === typeof r && (l as number) < (r as number);
        case '<=':
          return typeof l === typeof r && (l as number) <= (r as number);
        case '>':
          return typeof l === typeof r && (l as number) > (r as number);
        case '>=':
          return typeof l === typeof r && (l as number) >= (r as number);
        case 'in':
          return Array.isArray(r) ? r.includes(l) : typeof r === 'string' && typeof l === 'string' && r.includes(l);
        case 'contains':
          return Array.isArray(l)
            ? l.includes(r)
            : typeof l === 'string' && typeof r === 'string' && l.toLowerCase().includes(r.toLowerCase());
      }
    }
  }
  return undefined;
}

export function evaluateExpression(src: string, scope: Record<string, unknown>): boolean {
  return Boolean(evaluate(parseExpression(src), scope));
}
