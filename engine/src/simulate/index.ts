import { Facts } from '../analysis/facts';
import { Playbook } from '../playbook/schema';
import { renderTemplate, TemplateContext } from '../templates';
import { step } from '../interpreter/step';
import { ActivityResult, Command, InteractionRef, RunEvent, RunState } from '../interpreter/types';

/** A scripted answer for a node that waits on a person, the customer or the clock. */
export type ScriptedAnswer =
  { outcome: string; by?: string; text?: string; reason?: string } | { timeout: true } | { reply: string } | { fail: string };

export interface SimulateOptions {
  facts: Facts;
  /** Answers per node id, used in order when a node is visited more than once. */
  answers?: Record<string, ScriptedAnswer | ScriptedAnswer[]>;
  /** What activities return, per node id; otherwise a plausible sandbox result. */
  activityResults?: Record<string, ActivityResult>;
  /** Template sources, so drafts and holding messages show their real text. */
  templates?: Record<string, string>;
  /** The instant the interaction arrives (ISO). */
  now?: string;
}

export interface SimulationStep {
  event: RunEvent;
  commands: Command[];
  /**
   * How long the run's path was after this step: a step's commands (and the next step's
   * event) belong to the path entry at `pathLength - 1`, so a viewer can tie each activity
   * and its result to the visit of the node it ran for, loops included.
   */
  pathLength: number;
}

export interface Simulation {
  state: RunState;
  steps: SimulationStep[];
}

/**
 * Runs a playbook over one interaction with scripted answers, with the same interpreter as
 * production, so the path a manager sees in a test run is the path a real run takes.
 * Unscripted waits take their first non-timeout outcome; unscripted replies time out.
 */
export function simulate(pb: Playbook, interaction: InteractionRef, options: SimulateOptions): Simulation {
  // One answer per wait (or per failed activity), in order. A waiting node runs an activity
  // first (createTask, requestApproval, escalate): that activity only peeks, so it does not
  // use up the answer meant for the wait that follows it.
  const used: Record<string, number> = {};
  const peek = (nodeId: string): ScriptedAnswer | undefined => {
    const a = options.answers?.[nodeId];
    return Array.isArray(a) ? a[Math.min(used[nodeId] ?? 0, a.length - 1)] : a;
  };
  const answerFor = (nodeId: string): ScriptedAnswer | undefined => {
    const a = peek(nodeId);
    used[nodeId] = (used[nodeId] ?? 0) + 1;
    return a;
  };

  let at = options.now ?? interaction.receivedAt;
  let event: RunEvent = { type: 'start', at, interaction, facts: options.facts };
  let state: RunState | null = null;
  const steps: SimulationStep[] = [];
  for (let i = 0; i < 10_000; i++) {
    const out = step(pb, state, event);
    state = out.state;
    steps.push({ event, commands: out.commands, pathLength: out.state.path.length });
    const command = out.commands[0];
    if (!command || command.type === 'finish') break;
    if (command.type === 'activity') {
      const scripted = peek(command.nodeId);
      if (scripted && 'fail' in scripted) answerFor(command.nodeId);
      event =
        scripted && 'fail' in scripted
          ? { type: 'activity_failed', at, nodeId: command.nodeId, error: scripted.fail }
          : {
              type: 'activity_done',
              at,
              nodeId: command.nodeId,
              result: options.activityResults?.[command.nodeId] ?? sandboxResult(command, options.templates, interaction),
            };
      continue;
    }
    const answer = answerFor(command.nodeId);
    if (command.waitFor === 'timer' || (!answer && command.waitFor === 'reply') || (answer && ('timeout' in answer || 'fail' in answer))) {
      at = command.until;
      event = { type: 'timeout', at, nodeId: command.nodeId };
    } else if (!answer) {
      event = { type: 'decision', at, nodeId: command.nodeId, outcome: firstOutcome(pb, command.nodeId, command.waitFor), by: 'simulator' };
    } else if ('reply' in answer) {
      event = { type: 'customer_reply', at, text: answer.reply };
    } else {
      event = {
        type: 'decision',
        at,
        nodeId: command.nodeId,
        outcome: answer.outcome,
        by: answer.by ?? 'simulator',
        text: answer.text,
        reason: answer.reason,
      };
    }
  }
  return { state: state!, steps };
}

function firstOutcome(pb: Playbook, nodeId: string, waitFor: string): string {
  if (waitFor === 'approval') return 'approved';
  if (waitFor === 'escalation') return 'handled';
  const node = pb.nodes.find((n) => n.id === nodeId);
  const outcomes = (node?.config as { outcomes?: string[] } | undefined)?.outcomes;
  return outcomes?.[0] ?? 'done';
}

function sandboxResult(
  command: Extract<Command, { type: 'activity' }>,
  templates: Record<string, string> | undefined,
  interaction: InteractionRef,
): ActivityResult {
  const input = command.input;
  const ctx: TemplateContext = {
    customer: { name: interaction.author.name, handle: interaction.author.handle },
    message: { text: interaction.text, channel: interaction.channel },
  };
  const render = (name: unknown) =>
    typeof name === 'string' && templates?.[name] !== undefined ? renderTemplate(templates[name], ctx) : `(template ${String(name)})`;
  switch (command.activity) {
    case 'route':
      return { team: input.team, mode: input.mode, agent: input.mode === 'push' ? '(an available agent)' : undefined };
    case 'draft':
      return input.source === 'kb'
        ? { text: '(the best knowledge-base article)', articleId: 'kb' }
        : { text: render(input.template), template: input.template };
    case 'send':
      return { outcome: 'sent', text: input.text ?? render(input.template), sandbox: true };
    default:
      return {};
  }
}
