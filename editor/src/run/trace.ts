/**
 * One test run, from the manager's inputs to what the run panel shows: the facts, then each
 * step of the path with why it went there and what it did. The browser runs the same
 * analysis and the same interpreter as production (`analyzeFor`, `simulate`), so the path
 * shown here is the path a real run takes.
 */
import {
  analyzeFor,
  buildTemplateContext,
  compilePlaybook,
  edgeFor,
  simulate,
  type ActivityResult,
  type Command,
  type Facts,
  type InteractionRef,
  type Playbook,
  type RunState,
} from '@firebreak/engine';
import { scriptedAnswers, type Answers } from './answers';
import { describeActivity, describeWait, renderSafely } from './describe';
import { toInteractionRef, toMessage, type TestInteraction } from './interaction';
import { explainStep } from './why';

export interface TraceStep {
  index: number;
  nodeId: string;
  kind: string;
  label: string;
  outcome?: string;
  /** The facts that chose the outcome. */
  why: string[];
  /** What the step did: routes, drafts, approvals asked, replies sent, waits. */
  actions: string[];
  /** The edge the run left this node by (absent at the end). */
  edgeId?: string;
}

export interface Trace {
  interaction: InteractionRef;
  facts: Facts;
  steps: TraceStep[];
  status: RunState['status'];
  reason?: string;
  /** Replies that would go out, rendered. */
  sent: Array<{ index: number; nodeId: string; visibility: string; text: string }>;
}

// Compiling a playbook's queries and cue lists is the costly part: once per draft object, not per run
// (a backtest runs hundreds). Drafts are replaced, never mutated, so the object is the version.
const compiled = new WeakMap<Playbook, ReturnType<typeof compilePlaybook>>();

export function factsFor(pb: Playbook, ref: InteractionRef, crisis: TestInteraction['crisis']): Facts {
  let c = compiled.get(pb);
  if (!c) compiled.set(pb, (c = compilePlaybook(pb)));
  return analyzeFor(c, toMessage(ref), crisis);
}

export function runTest(pb: Playbook, input: TestInteraction, answers: Answers, templates: Record<string, string>): Trace {
  const interaction = toInteractionRef(input);
  const facts = factsFor(pb, interaction, input.crisis);
  const sim = simulate(pb, interaction, { facts, answers: scriptedAnswers(answers), templates, now: interaction.receivedAt });
  const path = sim.state.path;

  // Tie each command, and the activity result that answered it, to the node visit it ran for.
  const actions: string[][] = path.map(() => []);
  const sent: Trace['sent'] = [];
  sim.steps.forEach((s, k) => {
    const owner = s.pathLength - 1;
    const next = sim.steps[k + 1]?.event;
    for (const command of s.commands) {
      if (command.type === 'finish' || owner < 0) continue;
      if (command.type === 'await') {
        actions[owner].push(describeWait(pb, command));
        continue;
      }
      const result: ActivityResult | undefined = next?.type === 'activity_done' && next.nodeId === command.nodeId ? next.result : undefined;
      const failed = next?.type === 'activity_failed' && next.nodeId === command.nodeId ? next.error : undefined;
      const context = buildTemplateContext({ interaction, facts, vars: sim.state.vars });
      actions[owner].push(
        describeActivity(command as Extract<Command, { type: 'activity' }>, result, failed, (s) => renderSafely(s, context)),
      );
      if (command.activity === 'send' && result && result.outcome !== 'failed' && typeof result.text === 'string')
        sent.push({
          index: owner,
          nodeId: command.nodeId,
          visibility: String(command.input.visibility ?? interaction.visibility),
          text: result.text,
        });
    }
  });

  const steps = path.map((p, index): TraceStep => {
    const node = pb.nodes.find((n) => n.id === p.nodeId);
    return {
      index,
      nodeId: p.nodeId,
      kind: p.kind,
      label: node?.label || p.nodeId,
      outcome: p.outcome,
      why: explainStep(p, node, { facts, interaction }),
      actions: actions[index],
      edgeId: p.outcome ? edgeFor(pb, p.nodeId, p.outcome)?.id : undefined,
    };
  });
  return { interaction, facts, steps, status: sim.state.status, reason: sim.state.reason, sent };
}
