import { createTemplateEnv, templateError } from '@firebreak/engine';

/**
 * What is wrong with a template's source, each problem at its place (1-based line and
 * column, as editors count). Errors stop a save: the source does not parse, or it calls a
 * helper Firebreak does not have (Handlebars would only fail when a reply is rendered, in
 * the middle of a run). Warnings do not: a variable the run's context never has renders
 * as nothing, which may be meant ({{#if crisis.topic}}) or a typo.
 */
export interface TemplateProblem {
  severity: 'error' | 'warning';
  message: string;
  line: number;
  column: number;
}

/** Our own environment, to read the AST and the helper list; rendering uses the engine's. */
const env = createTemplateEnv();
type Ast = ReturnType<typeof env.parse>;
type AstNode = Ast['body'][number];

/** Handlebars' internal fallbacks are not helpers a template may call by name. */
const INTERNAL = new Set(['helperMissing', 'blockHelperMissing']);
export const HELPERS: readonly string[] = Object.keys(env.helpers).filter((h) => !INTERNAL.has(h));
/** Built-in block helpers that change what a path is relative to: paths inside are not checked. */
const SCOPING = new Set(['each', 'with']);

export function checkTemplate(source: string, variables?: ReadonlySet<string>): TemplateProblem[] {
  let ast: Ast;
  try {
    ast = env.parse(source);
  } catch (e) {
    return [parseProblem(source, e as Error & { lineNumber?: number; column?: number })];
  }
  const problems: TemplateProblem[] = [];
  walk(ast.body, true, problems, variables);
  // The engine's publish-time check is the final word: whatever it refuses, we refuse too.
  const engineError = problems.length ? null : templateError(source);
  if (engineError) problems.push({ severity: 'error', message: engineError, line: 1, column: 1 });
  return problems;
}

export const hasTemplateErrors = (problems: TemplateProblem[]) => problems.some((p) => p.severity === 'error');

function parseProblem(source: string, e: Error & { lineNumber?: number; column?: number }): TemplateProblem {
  const message = templateError(source) ?? e.message.split('\n')[0];
  // A semantic error (a block closed by the wrong name) carries its place; a parse error's
  // place is the token the lexer stopped at, read right after the synchronous failure.
  if (typeof e.lineNumber === 'number') return { severity: 'error', message, line: e.lineNumber, column: (e.column ?? 0) + 1 };
  const at = ((env as unknown as { Parser?: unknown }).Parser as { lexer?: { yylloc?: { first_line: number; first_column: number } } }).lexer?.yylloc;
  return { severity: 'error', message, line: at?.first_line ?? 1, column: (at?.first_column ?? 0) + 1 };
}

interface Call {
  type: string;
  path: { type: string; original: unknown; head?: unknown; parts?: string[] };
  params: unknown[];
  hash?: { pairs: Array<{ value: unknown }> };
  loc?: { start: { line: number; column: number } };
  program?: { body: AstNode[] };
  inverse?: { body: AstNode[] };
}

function walk(body: readonly AstNode[], atRoot: boolean, out: TemplateProblem[], variables?: ReadonlySet<string>) {
  for (const node of body) visit(node as unknown as Call, atRoot, out, variables);
}

function visit(node: Call, atRoot: boolean, out: TemplateProblem[], variables?: ReadonlySet<string>) {
  const at = { line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 };
  if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
    out.push({ severity: 'error', message: 'partials ({{> name}}) are not supported in replies', ...at });
    return;
  }
  if (node.type === 'DecoratorBlock' || node.type === 'Decorator') {
    out.push({ severity: 'error', message: 'decorators ({{* name}}) are not supported in replies', ...at });
    return;
  }
  if (!['MustacheStatement', 'BlockStatement', 'SubExpression'].includes(node.type)) {
    if (node.type === 'PathExpression') checkVariable(node as unknown as Call['path'], atRoot, at, out, variables);
    return;
  }
  const name = node.path.type === 'PathExpression' ? String(node.path.original) : '';
  const isCall = node.type === 'SubExpression' || node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
  if (isCall && !HELPERS.includes(name))
    out.push({ severity: 'error', message: `unknown helper "${name}" (known: ${HELPERS.join(', ')})`, ...at });
  else if (!isCall && !HELPERS.includes(name)) checkVariable(node.path, atRoot, at, out, variables);
  for (const p of node.params) visit(p as Call, atRoot, out, variables);
  for (const pair of node.hash?.pairs ?? []) visit(pair.value as Call, atRoot, out, variables);
  const inner = atRoot && !SCOPING.has(name) && (HELPERS.includes(name) || isCall);
  if (node.program) walk(node.program.body, inner, out, variables);
  if (node.inverse) walk(node.inverse.body, inner, out, variables);
}

function checkVariable(
  path: Call['path'],
  atRoot: boolean,
  at: { line: number; column: number },
  out: TemplateProblem[],
  variables?: ReadonlySet<string>,
) {
  if (!variables || !atRoot || path.type !== 'PathExpression') return;
  const original = String(path.original);
  if (original.startsWith('@') || original === 'this' || original.startsWith('this.') || original.startsWith('../')) return;
  if (variables.has(original) || [...variables].some((v) => v.startsWith(`${original}.`))) return;
  out.push({ severity: 'warning', message: `"${original}" is not a variable of the reply context: it renders as nothing`, ...at });
}
