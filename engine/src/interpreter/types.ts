import type { Author, Channel, Facts, Visibility } from '../analysis/facts';

/** The interaction as the interpreter sees it: ids and the little it branches on. */
export interface InteractionRef {
  id: string;
  channel: Channel;
  visibility: Visibility;
  text: string;
  author: Author;
  receivedAt: string;
  caseId?: string;
  /** The brand account the message was addressed to, when its channel says (see the start node's `accounts`). */
  account?: string;
}

/** Everything arrives in an event, with its instant: the interpreter has no clock. */
export type RunEvent =
  | { type: 'start'; at: string; interaction: InteractionRef; facts: Facts }
  | { type: 'activity_done'; at: string; nodeId: string; result?: ActivityResult }
  | { type: 'activity_failed'; at: string; nodeId: string; error: string }
  | { type: 'decision'; at: string; nodeId: string; outcome: string; by?: string; text?: string; reason?: string }
  | { type: 'timeout'; at: string; nodeId: string }
  | { type: 'customer_reply'; at: string; text: string; interactionId?: string };

export interface ActivityResult {
  /** The node's outcome when the activity decides it (e.g. send → sent | failed). */
  outcome?: string;
  [key: string]: unknown;
}

export type ActivityName =
  'route' | 'escalate' | 'draft' | 'requestApproval' | 'send' | 'createTask' | 'notify' | 'declareCrisis' | 'resolve';

export type WaitFor = 'activity' | 'approval' | 'task' | 'reply' | 'escalation' | 'timer';

/** What the shell (Temporal workflow, simulator) must do next. */
export type Command =
  | { type: 'activity'; nodeId: string; activity: ActivityName; input: ActivityInput }
  | { type: 'await'; nodeId: string; waitFor: Exclude<WaitFor, 'activity'>; until: string }
  | { type: 'finish'; status: 'completed' | 'failed'; reason?: string };

/** Every activity input carries the keys an idempotent implementation needs. */
export interface ActivityInput {
  interactionId: string;
  nodeId: string;
  /** Unique per node visit: a retried activity reuses it, a loop back gets a new one. */
  idempotencyKey: string;
  /** The run's vars when the activity was scheduled (added by the workflow shell, for templates). */
  vars?: RunVars;
  [key: string]: unknown;
}

export interface PathStep {
  nodeId: string;
  kind: string;
  outcome?: string;
  startedAt: string;
  finishedAt?: string;
  /** Why it went this way: the facts or the decision that chose the outcome. */
  detail?: Record<string, unknown>;
}

export interface Draft {
  text: string;
  /** Who wrote it (an agent's reply, a manager's draft); they may not approve it. */
  author?: string;
  template?: string;
  articleId?: string;
  approved?: boolean;
  approvedBy?: string;
  rejected?: boolean;
}

export interface RunVars {
  tags: string[];
  draft?: Draft;
  assignment?: Record<string, unknown>;
  sent: number;
}

export interface Waiting {
  nodeId: string;
  waitFor: WaitFor;
  until?: string;
  /** Progress inside a multi-phase node: escalation rung, approval attempt. */
  phase: number;
}

export interface RunState {
  status: 'running' | 'waiting' | 'completed' | 'failed';
  interaction: InteractionRef;
  facts: Facts;
  waiting?: Waiting;
  path: PathStep[];
  vars: RunVars;
  visits: Record<string, number>;
  reason?: string;
}

export interface StepResult {
  state: RunState;
  commands: Command[];
}
