import { catalog, NodeConfig, NodeKind, nodeConfigs } from './catalog';
import { officeHoursProblems } from '../interpreter/hours';
import { parseExpression } from '../interpreter/expression';
import { Playbook, playbookSchema, settingsSchema } from './schema';
import { templateError } from '../templates';
import { findCycles } from './graph';
import { parseQuery } from '../analysis/query/parser';

export interface Problem {
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Dotted path of the field at fault, e.g. "config.query" or "nodes.3.id". */
  path?: string;
  severity: 'error' | 'warning';
}

export interface ValidateOptions {
  /** Template sources by name; when given, referenced templates must exist. */
  templates?: Record<string, string>;
  /** Checks a keyword query; returns its errors. Default: the analysis query parser. */
  checkQuery?: (query: string) => Array<{ message: string; start?: number }>;
}

const err = (p: Omit<Problem, 'severity'>): Problem => ({ ...p, severity: 'error' });
const defaultCheckQuery = (query: string) => parseQuery(query).errors;

/**
 * Every problem at once, each pointing at a node, an edge or a field, so the editor can
 * badge the canvas and the api can answer 422 with the whole list.
 */
export function validate(input: unknown, options: ValidateOptions = {}): Problem[] {
  const parsed = playbookSchema.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => err({ code: 'schema', message: i.message, path: i.path.join('.') }));
  }
  const pb: Playbook = parsed.data;
  const problems: Problem[] = [];
  const nodes = new Map(pb.nodes.map((n) => [n.id, n]));

  duplicates(pb.nodes.map((n) => n.id)).forEach((id) =>
    problems.push(err({ code: 'duplicate_node_id', nodeId: id, message: `node id "${id}" is used twice` })),
  );
  duplicates(pb.edges.map((e) => e.id)).forEach((id) =>
    problems.push(err({ code: 'duplicate_edge_id', edgeId: id, message: `edge id "${id}" is used twice` })),
  );

  const starts = pb.nodes.filter((n) => n.kind === 'start');
  if (starts.length !== 1) {
    problems.push(
      err({
        code: 'start_count',
        nodeId: starts[1]?.id,
        message: starts.length === 0 ? 'a playbook needs one start node' : `a playbook has exactly one start node, found ${starts.length}`,
      }),
    );
  }

  const outcomesOf = new Map<string, string[]>();
  pb.nodes.forEach((node) => {
    const result = nodeConfigs[node.kind as NodeKind].safeParse(node.config);
    if (!result.success) {
      for (const i of result.error.issues) {
        problems.push(err({ code: 'config', nodeId: node.id, path: ['config', ...i.path].join('.'), message: i.message }));
      }
      return;
    }
    const config = result.data as never;
    const spec = catalog[node.kind as NodeKind];
    const outcomes = spec.outcomes(config);
    outcomesOf.set(node.id, outcomes);
    node.ends.forEach((o, j) => {
      if (!outcomes.includes(o))
        problems.push(
          err({
            code: 'bad_end',
            nodeId: node.id,
            path: `ends.${j}`,
            message: `"${o}" is not an outcome of ${node.kind} (${outcomes.join(', ') || 'none'})`,
          }),
        );
    });
    if (node.kind === 'expression') {
      const error = expressionError((config as NodeConfig<'expression'>).expression);
      if (error) problems.push(err({ code: 'expression', nodeId: node.id, path: 'config.expression', message: error }));
    }
    if (node.kind === 'hours') {
      for (const h of officeHoursProblems((config as NodeConfig<'hours'>).schedule)) {
        problems.push(err({ code: 'config', nodeId: node.id, path: `config.schedule.${h.path}`, message: h.message }));
      }
    }
    if (node.kind === 'keywords') {
      for (const q of (options.checkQuery ?? defaultCheckQuery)((config as { query: string }).query)) {
        problems.push(
          err({
            code: 'query',
            nodeId: node.id,
            path: 'config.query',
            message: q.start === undefined ? q.message : `${q.message} (at ${q.start})`,
          }),
        );
      }
    }
    problems.push(...templateProblems(node.id, config, spec.templates?.(config), options.templates));
  });

  const settings = settingsSchema.safeParse(pb.settings);
  if (!settings.success)
    for (const i of settings.error.issues)
      problems.push(err({ code: 'settings', path: ['settings', ...i.path].join('.'), message: i.message }));
  problems.push(...settingsQueryProblems(pb.settings, options.checkQuery ?? defaultCheckQuery));

  const used = new Map<string, string>();
  for (const edge of pb.edges) {
    const source = nodes.get(edge.source);
    if (!source)
      problems.push(
        err({
          code: 'dangling_edge',
          edgeId: edge.id,
          path: 'source',
          message: `edge ${edge.id} leaves from unknown node "${edge.source}"`,
        }),
      );
    if (!nodes.has(edge.target))
      problems.push(
        err({ code: 'dangling_edge', edgeId: edge.id, path: 'target', message: `edge ${edge.id} points to unknown node "${edge.target}"` }),
      );
    else if (nodes.get(edge.target)!.kind === 'start')
      problems.push(err({ code: 'edge_into_start', edgeId: edge.id, message: 'nothing may lead back into the start node' }));
    if (!source) continue;
    const outcomes = outcomesOf.get(source.id);
    if (outcomes && !outcomes.includes(edge.sourceHandle)) {
      problems.push(
        err({
          code: 'bad_handle',
          edgeId: edge.id,
          nodeId: source.id,
          path: 'sourceHandle',
          message: `"${edge.sourceHandle}" is not an outcome of ${source.kind} (${outcomes.join(', ') || 'none'})`,
        }),
      );
    }
    const key = `${edge.source}\u0000${edge.sourceHandle}`;
    if (used.has(key))
      problems.push(
        err({
          code: 'ambiguous_outcome',
          edgeId: edge.id,
          nodeId: source.id,
          message: `outcome "${edge.sourceHandle}" of ${source.id} already leads to ${used.get(key)}`,
        }),
      );
    else used.set(key, edge.target);
  }

  for (const node of pb.nodes) {
    for (const outcome of outcomesOf.get(node.id) ?? []) {
      if (!used.has(`${node.id}\u0000${outcome}`) && !node.ends.includes(outcome)) {
        problems.push(
          err({
            code: 'unconnected_outcome',
            nodeId: node.id,
            path: `outcomes.${outcome}`,
            message: `outcome "${outcome}" of ${node.label ?? node.id} leads nowhere: connect it or mark it as ending the run`,
          }),
        );
      }
    }
  }

  for (const cycle of findCycles(pb)) {
    const waits = cycle.some((id) => {
      const node = nodes.get(id)!;
      const cfg = nodeConfigs[node.kind].safeParse(node.config);
      return cfg.success && catalog[node.kind].waits(cfg.data as never);
    });
    if (!waits)
      problems.push(
        err({
          code: 'cycle_without_wait',
          nodeId: cycle[0],
          message: `the loop ${cycle.join(' → ')} has no waiting node and would spin forever`,
        }),
      );
  }

  if (starts.length === 1) {
    const reached = reachable(pb, starts[0].id);
    for (const node of pb.nodes) {
      if (!reached.has(node.id))
        problems.push({
          code: 'unreachable',
          nodeId: node.id,
          message: `${node.label ?? node.id} cannot be reached from the start`,
          severity: 'warning',
        });
    }
  }
  return problems;
}

export const hasErrors = (problems: Problem[]) => problems.some((p) => p.severity === 'error');

function templateProblems(
  nodeId: string,
  config: Record<string, unknown>,
  refs: { names: string[]; inline: Record<string, string> } | undefined,
  known?: Record<string, string>,
): Problem[] {
  if (!refs) return [];
  const out: Problem[] = [];
  for (const [field, source] of Object.entries(refs.inline)) {
    const e = templateError(source);
    if (e) out.push(err({ code: 'template', nodeId, path: `config.${field}`, message: `template does not compile: ${e}` }));
  }
  if (!known) return out;
  for (const name of refs.names) {
    const path = fieldOf(config, name);
    if (!Object.prototype.hasOwnProperty.call(known, name))
      out.push(err({ code: 'missing_template', nodeId, path, message: `template "${name}" does not exist` }));
    else {
      const e = templateError(known[name]);
      if (e) out.push(err({ code: 'template', nodeId, path, message: `template "${name}" does not compile: ${e}` }));
    }
  }
  return out;
}

/** Crisis topics and cue lists are keyword queries too: one that does not parse would never match. */
function settingsQueryProblems(settings: Playbook['settings'], check: NonNullable<ValidateOptions['checkQuery']>): Problem[] {
  const queries: Array<[string, string]> = [];
  settings.crisisTopics?.forEach((t, i) => queries.push([`settings.crisisTopics.${i}.query`, t.query]));
  for (const [tier, list] of Object.entries(settings.cues ?? {})) list?.forEach((q, i) => queries.push([`settings.cues.${tier}.${i}`, q]));
  // An empty query is the settings schema's "required" problem already.
  return queries.flatMap(([path, query]) =>
    !query.trim()
      ? []
      : check(query).map((q) => err({ code: 'query', path, message: q.start === undefined ? q.message : `${q.message} (at ${q.start})` })),
  );
}

/** Why an expression does not parse (with the position), or null: better at publish than mid-run. */
function expressionError(src: string): string | null {
  try {
    parseExpression(src);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The config field that names a template, e.g. "config.template" or "config.templates.1". */
function fieldOf(config: Record<string, unknown>, name: string): string {
  for (const [key, value] of Object.entries(config)) {
    if (value === name) return `config.${key}`;
    if (Array.isArray(value) && value.includes(name)) return `config.${key}.${value.indexOf(name)}`;
  }
  return 'config';
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(ids.filter((id) => seen.has(id) || !seen.add(id)))];
}

function reachable(pb: Playbook, from: string): Set<string> {
  const out = new Set([from]);
  const queue = [from];
  while (queue.length) {
    const id = queue.shift()!;
    for (const e of pb.edges) {
      if (e.source !== id || out.has(e.target)) continue;
      out.add(e.target);
      queue.push(e.target);
    }
  }
  return out;
}
