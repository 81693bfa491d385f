/**
 * The case context the desks show beside an item, as the api's `api/src/approvals/case-context.ts`
 * returns it (the approvals desk and the inbox share it).
 */
import type { PathStep } from '@firebreak/engine';

export interface ThreadEntry {
  direction: 'inbound' | 'outbound';
  interactionId: string;
  channel: string;
  visibility: string;
  text: string;
  at: string;
  author?: { id: string; handle?: string; name?: string };
  status?: string;
  source?: 'agent' | 'playbook';
}

export interface CustomerSummary {
  id: string;
  name: string | null;
  handle: string | null;
  tier: string | null;
  followers: number;
  verified: boolean;
  tags: string[];
  influence: { score: number; segment: string } | null;
  identities: Array<{ kind: string; value: string; source: string }>;
}

export interface CaseContext {
  caseId: string | null;
  case: { id: string; status: string; team: string | null; agent: { id: string; name: string; email: string | null } | null } | null;
  customer: CustomerSummary | null;
  thread: ThreadEntry[];
  path: PathStep[];
  openItems: Array<{ type: string; summary: string; since: string; dueAt?: string }>;
}
