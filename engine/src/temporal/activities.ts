import type { Facts } from '../analysis/facts';
import type { ActivityInput, ActivityName, ActivityResult, InteractionRef, PathStep, RunState } from '../interpreter/types';
import type { Playbook } from '../playbook/schema';

/** The workflow's input: ids only; everything else is loaded by `prepareRun`. */
export interface InteractionWorkflowInput {
  interactionId: string;
  playbookVersionId: string;
}

/** What a run needs, loaded once and so pinned in the workflow's history. */
export interface PreparedRun {
  playbook: Playbook;
  interaction: InteractionRef;
  facts: Facts;
}

/** The run as recorded on the interaction after every step, for the api, editor and metrics. */
export interface RunRecord {
  interactionId: string;
  workflowId: string;
  status: RunState['status'];
  path: PathStep[];
  waiting?: RunState['waiting'];
  vars: RunState['vars'];
  reason?: string;
}

/**
 * The activity interfaces. Implementations live in the api (they share its repositories);
 * each must be idempotent on `input.idempotencyKey`, because Temporal retries them.
 */
export type NodeActivities = { [A in ActivityName]: (input: ActivityInput) => Promise<ActivityResult> };

export interface RunActivities {
  prepareRun(input: InteractionWorkflowInput): Promise<PreparedRun>;
  recordRun(record: RunRecord): Promise<void>;
}

export type FirebreakActivities = NodeActivities & RunActivities;

/** A person's decision on a waiting node (approval, agent task, escalation). */
export interface DecisionInput {
  nodeId: string;
  outcome: string;
  by: string;
  /** The decider's role, as the api authenticated them; the validator checks it. */
  role: string;
  text?: string;
  reason?: string;
}

export interface CustomerReply {
  text: string;
  interactionId?: string;
}

export const TASK_QUEUE = 'firebreak-interactions';
export const workflowIdFor = (channel: string, externalId: string) => `interaction:${channel}:${externalId}`;
