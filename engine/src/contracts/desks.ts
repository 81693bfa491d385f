/**
 * The case context the desks show beside an item (the approvals desk and the inbox share it),
 * as the api's `api/src/approvals/case-context.ts` returns it.
 */
import type { PathStep } from '../interpreter/types';

/** One message of a case's conversation, whichever side wrote it. */
export interface ThreadEntry {
  direction: 'inbound' | 'outbound';
  /** The customer's message, or the one a reply answers. */
  interactionId: string;
  channel: string;
  visibility: string;
  text: string;
  at: string;
  /** inbound: the author as the channel showed them. */
  author?: { id: string; handle?: string; name?: string };
  /** outbound: the outbox status (pending, sent, sent (sandbox), failed). */
  status?: string;
  /** outbound: written by a person from the inbox, or by the playbook. */
  source?: 'agent' | 'playbook';
}

/**
 * The case's auto to-do list: what still needs someone, oldest first. Derived from the
 * rows each part of the engine writes (interactions, outbox, work items), so it can never
 * drift from what actually happened.
 */
export interface TodoItem {
  type: 'message' | 'approval' | 'task' | 'escalation';
  interactionId: string;
  workItemId?: string;
  nodeId?: string;
  channel?: string;
  summary: string;
  since: string;
  dueAt?: string;
  /** A message that arrived while earlier items of the case were still pending. */
  newRequest?: boolean;
}

/** Everything a person deciding on a case needs to see, besides the item itself. */
export interface CaseContext {
  caseId: string | null;
  case: { id: string; status: string; team: string | null; agent: { id: string; name: string; email: string | null } | null } | null;
  customer: CustomerSummary | null;
  thread: ThreadEntry[];
  /** The run's recorded path: each node, its outcome and its times. */
  path: PathStep[];
  /** The case's other open to-do items, oldest first. */
  openItems: TodoItem[];
}

export interface CustomerSummary {
  id: string;
  name: string | null;
  handle: string | null;
  tier: string | null;
  followers: number;
  verified: boolean;
  tags: string[];
  /** How much reach the customer has, as the latest analysis scored it. */
  influence: { score: number; segment: string } | null;
  /** The author as each channel last showed them. */
  channels: Record<string, unknown>;
  identities: Array<{ kind: string; value: string; source: string }>;
}
