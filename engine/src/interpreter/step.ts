import { catalog, NodeKind } from '../playbook/catalog';
import { edgeFor } from '../playbook/graph';
import { Playbook, PlaybookNode, typedNode } from '../playbook/schema';
import { handlers, NodeContext, NodeResult } from './nodes';
import { Command, RunEvent, RunState, StepResult } from './types';

/** A safety net for graphs that slipped past validation: no step visits more nodes than this. */
const MAX_NODES_PER_STEP = 1000;

export class InterpreterError extends Error {}

/**
 * The whole engine in one pure function: given the graph, the run's state (null before
 * the start) and one event, the new state and the commands to carry out. The Temporal
 * workflow, the simulator and the editor's test run all drive this same function.
 */
export function step(pb: Playbook, prev: RunState | null, event: RunEvent): StepResult {
  const commands: Command[] = [];
  let state: RunState;
  let result: NodeResult;
  let node: PlaybookNode;

  if (event.type === 'start') {
    if (prev) throw new InterpreterError('the run has already started');
    const start = pb.nodes.find((n) => n.kind === 'start');
    if (!start) throw new InterpreterError('the playbook has no start node');
    state = { status: 'running', interaction: event.interaction, facts: event.facts, path: [], vars: { tags: [], sent: 0 }, visits: {} };
    node = start;
    result = enter(pb, state, node, event.at);
  } else {
    if (!prev || prev.status !== 'waiting' || !prev.waiting) throw new InterpreterError(`no step is waiting for ${event.type}`);
    state = JSON.parse(JSON.stringify(prev)) as RunState; // plain data; works in the workflow sandbox too
    const waiting = state.waiting!;
    if (event.type !== 'customer_reply' && event.nodeId !== waiting.nodeId) {
      throw new InterpreterError(`${event.type} for node ${event.nodeId}, but the run waits at ${waiting.nodeId}`);
    }
    checkFits(pb, waiting.waitFor, event, waiting.nodeId);
    node = nodeById(pb, waiting.nodeId);
    state.status = 'running';
    state.waiting = undefined;
    const handler = handlers[node.kind] as { resume?: (c: NodeContext<NodeKind>, e: RunEvent, w: typeof waiting) => NodeResult };
    if (event.type === 'activity_failed') result = { finish: 'failed', reason: `${node.kind} ${node.id} failed: ${event.error}` };
    else if (!handler.resume) throw new InterpreterError(`${node.kind} does not wait`);
    else result = handler.resume(context(state, node, event.at), event, waiting);
  }

  for (let guard = 0; ; guard++) {
    if (guard > MAX_NODES_PER_STEP) {
      finish(state, commands, 'failed', `more than ${MAX_NODES_PER_STEP} nodes in one step: a loop without a waiting node`, event.at);
      break;
    }
    const current = state.path[state.path.length - 1];
    if ('finish' in result) {
      finish(state, commands, result.finish, result.reason, event.at);
      break;
    }
    if ('activity' in result) {
      state.status = 'waiting';
      state.waiting = { nodeId: node.id, waitFor: 'activity', phase: result.phase ?? 0 };
      const visit = state.visits[node.id];
      const phase = result.phase ?? 0;
      commands.push({
        type: 'activity',
        nodeId: node.id,
        activity: result.activity,
        input: {
          ...result.input,
          interactionId: state.interaction.id,
          nodeId: node.id,
          idempotencyKey: `${state.interaction.id}:${node.id}:${visit}:${phase}`,
        },
      });
      break;
    }
    if ('await' in result) {
      state.status = 'waiting';
      state.waiting = { nodeId: node.id, waitFor: result.await, until: result.until, phase: result.phase ?? 0 };
      commands.push({ type: 'await', nodeId: node.id, waitFor: result.await, until: result.until });
      break;
    }
    // An outcome: close this node's step and follow its edge.
    result.update?.(state);
    current.outcome = result.outcome;
    current.finishedAt = event.at;
    if (result.detail) current.detail = { ...current.detail, ...result.detail };
    const edge = edgeFor(pb, node.id, result.outcome);
    if (!edge) {
      if (!node.ends.includes(result.outcome)) {
        finish(state, commands, 'failed', `outcome "${result.outcome}" of ${node.id} leads nowhere`, event.at);
      } else finish(state, commands, 'completed', `${node.id} ended the run on "${result.outcome}"`, event.at);
      break;
    }
    node = nodeById(pb, edge.target);
    result = enter(pb, state, node, event.at);
  }
  return { state, commands };
}

function enter(pb: Playbook, state: RunState, node: PlaybookNode, at: string): NodeResult {
  state.visits[node.id] = (state.visits[node.id] ?? 0) + 1;
  state.path.push({ nodeId: node.id, kind: node.kind, startedAt: at });
  const handler = handlers[node.kind] as { enter: (c: NodeContext<NodeKind>) => NodeResult };
  return handler.enter(context(state, node, at));
}

function context(state: RunState, node: PlaybookNode, at: string): NodeContext<NodeKind> {
  return { node: typedNode(node), state, at };
}

function finish(state: RunState, commands: Command[], status: 'completed' | 'failed', reason: string, at: string) {
  const last = state.path[state.path.length - 1];
  if (last && !last.finishedAt) last.finishedAt = at;
  state.status = status;
  state.reason = reason;
  commands.push({ type: 'finish', status, reason });
}

function nodeById(pb: Playbook, id: string): PlaybookNode {
  const node = pb.nodes.find((n) => n.id === id);
  if (!node) throw new InterpreterError(`unknown node ${id}`);
  return node;
}

/** Reject events that cannot end the current wait, e.g. an outcome the node does not have. */
function checkFits(pb: Playbook, waitFor: string, event: RunEvent, nodeId: string) {
  const ok: Record<string, RunEvent['type'][]> = {
    activity: ['activity_done', 'activity_failed'],
    approval: ['decision', 'timeout'],
    task: ['decision', 'timeout'],
    escalation: ['decision', 'timeout'],
    reply: ['customer_reply', 'timeout'],
    timer: ['timeout'],
  };
  if (!ok[waitFor].includes(event.type)) throw new InterpreterError(`${event.type} cannot end a wait for ${waitFor}`);
  if (event.type === 'decision') {
    const problem = decisionProblem(pb, nodeId, event.outcome);
    if (problem) throw new InterpreterError(problem);
  }
}

/** Why a person's decision cannot be taken at this node, or null when it can. */
export function decisionProblem(pb: Playbook, nodeId: string, outcome: string): string | null {
  const node = typedNode(nodeById(pb, nodeId));
  const outcomes = catalog[node.kind].outcomes(node.config as never).filter((o) => o !== 'timeout');
  return outcomes.includes(outcome) ? null : `"${outcome}" is not a decision ${node.kind} ${nodeId} accepts (${outcomes.join(', ')})`;
}
