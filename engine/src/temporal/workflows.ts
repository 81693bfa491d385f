import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  defineQuery,
  defineSignal,
  defineUpdate,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
  allHandlersFinished,
} from '@temporalio/workflow';
import { checkDecision } from '../interpreter/decisions';
import { step } from '../interpreter/step';
import type { RunEvent, RunState } from '../interpreter/types';
import type { CustomerReply, DecisionInput, InteractionWorkflowInput, NodeActivities, RunActivities } from './activities';

export const decideUpdate = defineUpdate<{ accepted: true }, [DecisionInput]>('decide');
export const customerReplySignal = defineSignal<[CustomerReply]>('customerReply');
export const runStateQuery = defineQuery<RunState | null>('runState');

const runOptions = { startToCloseTimeout: '1 minute', retry: { initialInterval: '1s', maximumInterval: '30s' } } as const;
const runRemote = proxyActivities<RunActivities>(runOptions);
/**
 * Loading the run and recording its progress are short writes to our own database: as
 * local activities they cost no task-queue round trip and no scheduled/started/completed
 * events in history, which was half of the activities and most of the server's work per
 * interaction (bench/results/engine.json).
 */
const runLocal = proxyLocalActivities<RunActivities>(runOptions);
/** Runs started before the change keep the remote activities and record before every activity, so they replay. */
const LOCAL_RUN_ACTIVITIES = 'local-run-activities-v1';
// A worker that dies mid-activity is noticed when this runs out, and the activity retried
// elsewhere: short enough for a care team, long enough for a slow channel API.
const nodes = proxyActivities<NodeActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1s', maximumInterval: '1 minute', maximumAttempts: 10 },
});

/**
 * One interaction, from arrival to the end of its playbook. A thin shell: the pure
 * interpreter decides, this loop carries out its commands (activities, waits on people,
 * the customer or the clock) and feeds back what happened.
 */
export async function interactionWorkflow(input: InteractionWorkflowInput): Promise<RunState> {
  const lean = patched(LOCAL_RUN_ACTIVITIES);
  const run = lean ? runLocal : runRemote;
  const { playbook, interaction, facts } = await run.prepareRun(input);
  let state: RunState | null = null;
  let decision: DecisionInput | null = null;
  const replies: CustomerReply[] = [];

  setHandler(runStateQuery, () => state);
  setHandler(customerReplySignal, (reply) => void replies.push(reply));
  setHandler(
    decideUpdate,
    (d) => {
      decision = d;
      return { accepted: true as const };
    },
    {
      validator: (d) => {
        const refusal = decision
          ? { code: 'not_waiting', message: `node ${d.nodeId} has already been decided` }
          : checkDecision(playbook, state, d);
        // Typed, so the api can answer 409 / 422 / 403 without parsing messages.
        if (refusal) throw ApplicationFailure.create({ type: refusal.code, message: refusal.message, nonRetryable: true });
      },
    },
  );

  const now = () => new Date().toISOString();
  let event: RunEvent = { type: 'start', at: now(), interaction, facts };
  for (;;) {
    let out;
    try {
      out = step(playbook, state, event);
    } catch (e) {
      throw ApplicationFailure.nonRetryable(`playbook cannot run: ${(e as Error).message}`, 'InterpreterError');
    }
    state = out.state;
    const command = out.commands[0];
    // Record where the run is whenever it stops to wait or ends; an activity's own rows say
    // what it did, and the next wait records the path through it.
    if (!lean || command?.type !== 'activity')
      await run.recordRun({
        interactionId: interaction.id,
        workflowId: workflowInfo().workflowId,
        status: state.status,
        path: state.path,
        waiting: state.waiting,
        vars: state.vars,
        reason: state.reason,
      });
    if (!command || command.type === 'finish') break;

    if (command.type === 'activity') {
      try {
        // The run's vars travel with the input: the interaction row is no longer written before
        // every activity, and templates need e.g. the agent an earlier route node assigned.
        const result = await nodes[command.activity](lean ? { ...command.input, vars: state.vars } : command.input);
        event = { type: 'activity_done', at: now(), nodeId: command.nodeId, result };
      } catch (e) {
        const cause = e instanceof ActivityFailure && e.cause ? e.cause.message : (e as Error).message;
        event = { type: 'activity_failed', at: now(), nodeId: command.nodeId, error: cause };
      }
      continue;
    }

    const ms = Math.max(0, Date.parse(command.until) - Date.now());
    if (command.waitFor === 'timer') {
      await sleep(ms);
      event = { type: 'timeout', at: now(), nodeId: command.nodeId };
    } else if (command.waitFor === 'reply') {
      const replied = await condition(() => replies.length > 0, ms);
      event = replied
        ? { type: 'customer_reply', at: now(), text: replies.shift()!.text }
        : { type: 'timeout', at: now(), nodeId: command.nodeId };
    } else {
      const decided = await condition(() => decision !== null, ms);
      const d = decision as DecisionInput | null;
      decision = null;
      event =
        decided && d
          ? { type: 'decision', at: now(), nodeId: d.nodeId, outcome: d.outcome, by: d.by, text: d.text, reason: d.reason }
          : { type: 'timeout', at: now(), nodeId: command.nodeId };
    }
  }
  await condition(allHandlersFinished);
  return state!;
}
