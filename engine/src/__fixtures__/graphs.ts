import type { Facts } from '../analysis/facts';
import { step } from '../interpreter/step';
import type { InteractionRef, RunEvent, RunState, StepResult } from '../interpreter/types';
import { catalog, NodeKind, nodeConfigs } from '../playbook/catalog';
import { Playbook, PlaybookInput, playbookSchema } from '../playbook/schema';
import { facts, interaction } from './examples';

/** Small hand-built graphs for the unit tests of the validator, the interpreter and the simulator. */
export const T0 = '2026-11-25T10:00:00.000Z';

export interface NodeSpec {
  id: string;
  kind: NodeKind;
  config?: Record<string, unknown>;
  ends?: string[];
  label?: string;
}

/** A raw (unparsed) playbook input: nodes as given, edges as [source, handle, target] (id e-<n>). */
export function raw(nodes: NodeSpec[], edges: Array<[string, string, string]> = []): PlaybookInput {
  return {
    key: 'test',
    name: 'Test',
    nodes: nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      config: n.config ?? {},
      ends: n.ends ?? [],
      ...(n.label ? { label: n.label } : {}),
    })),
    edges: edges.map(([source, sourceHandle, target], i) => ({ id: `e-${i}`, source, sourceHandle, target })),
    settings: {},
  };
}

export function graph(nodes: NodeSpec[], edges: Array<[string, string, string]> = []): Playbook {
  return playbookSchema.parse(raw(nodes, edges));
}

/** The outcomes a node of `kind` offers with `config` (defaults applied). */
export function outcomesOf(kind: NodeKind, config: Record<string, unknown> = {}): string[] {
  return catalog[kind].outcomes(nodeConfigs[kind].parse(config) as never);
}

/** start → n, every outcome of n ending the run, so the outcome taken is path[1].outcome. */
export function single(kind: NodeKind, config: Record<string, unknown> = {}, startConfig: Record<string, unknown> = {}): Playbook {
  return graph(
    [
      { id: 'start', kind: 'start', config: startConfig },
      { id: 'n', kind, config, ends: outcomesOf(kind, config) },
    ],
    [['start', 'next', 'n']],
  );
}

export interface Begin {
  facts?: Partial<Facts>;
  interaction?: Partial<InteractionRef>;
  at?: string;
}

export function begin(pb: Playbook, o: Begin = {}): StepResult {
  return step(pb, null, { type: 'start', at: o.at ?? T0, interaction: interaction(o.interaction), facts: facts(o.facts) });
}

/** Feed events one after the other; returns every step's result (the last one is the run's state). */
export function drive(pb: Playbook, first: StepResult, ...events: RunEvent[]): StepResult[] {
  const out = [first];
  for (const e of events) out.push(step(pb, out[out.length - 1].state, e));
  return out;
}

/** "node:outcome" for each step of the path, e.g. ["start:next", "n:match"]. */
export const trail = (s: RunState) => s.path.map((p) => `${p.nodeId}:${p.outcome}`);

export const done = (nodeId: string, result?: Record<string, unknown>, at = T0): RunEvent => ({
  type: 'activity_done',
  at,
  nodeId,
  result,
});
export const decide = (
  nodeId: string,
  outcome: string,
  more: { by?: string; text?: string; reason?: string; at?: string } = {},
): RunEvent => ({
  type: 'decision',
  at: more.at ?? T0,
  nodeId,
  outcome,
  by: more.by,
  text: more.text,
  reason: more.reason,
});
export const timeout = (nodeId: string, at: string): RunEvent => ({ type: 'timeout', at, nodeId });
export const plus = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();
export const MIN = 60_000;
export const HOUR = 3_600_000;

export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
  }
  return o;
}
