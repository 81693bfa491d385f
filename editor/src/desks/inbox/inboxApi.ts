import { api } from '../../api/client';
import type { CustomerSummary, TodoItem } from '@firebreak/engine';

export interface NextStep {
  taskId: string;
  interactionId: string;
  nodeId: string;
  prompt: string;
  checklist: string[];
  outcomes: string[];
  suggestedReplies: string[];
  dueAt: string | null;
}

/** One case of the agent's inbox (see api/src/inbox/inbox.service.ts). */
export interface InboxEntry {
  /** The open task, or the case's assignment: what suggestions and replies are addressed to. */
  itemId: string | null;
  caseId: string;
  team: string | null;
  customer: CustomerSummary | null;
  nextStep: NextStep | null;
  todo: TodoItem[];
  sla: { dueAt: string | null; breached: boolean };
  lastMessage: { interactionId: string; channel: string; visibility: string; text: string; at: string } | null;
  waitingSince: string | null;
  openedAt: string;
  lastActivityAt: string;
}

export interface AvailableItem {
  id: string;
  caseId: string | null;
  interactionId: string;
  team: string;
  tier: string | null;
  channel: string;
  customer: { id: string; name: string | null } | null;
  followers: number;
  message: string;
  queuedAt: string;
  canClaim: boolean;
}

export interface Suggestions {
  interactionId: string;
  templates: Array<{ name: string; suggested: boolean; text: string | null; error?: string }>;
  articles: Array<{ id: string; title: string; score: number; text: string | null; error?: string }>;
}

export interface CaseMessage {
  id: string;
  channel: string;
  text: string;
  visibility: string;
  author: { id: string; handle?: string; name?: string };
  receivedAt: string;
}

const item = (id: string) => `/inbox/${encodeURIComponent(id)}`;

export const inboxApi = {
  mine: (signal?: AbortSignal) => api.request<{ agent: { name: string }; items: InboxEntry[] }>('GET', '/inbox', undefined, signal),
  available: (signal?: AbortSignal) => api.request<{ items: AvailableItem[] }>('GET', '/inbox/available', undefined, signal),
  claim: (id: string) => api.request<{ claimed: boolean; item: InboxEntry | null }>('POST', `${item(id)}/claim`, {}),
  complete: (taskId: string, outcome: string, note?: string) =>
    api.request<{ id: string; status: string }>('POST', `${item(taskId)}/complete`, note ? { outcome, note } : { outcome }),
  suggestions: (id: string, signal?: AbortSignal) => api.request<Suggestions>('GET', `${item(id)}/suggestions`, undefined, signal),
  /** `clientId` makes a retried send (double click, network blip) a no-op on the server. */
  reply: (id: string, text: string, clientId: string) =>
    api.request<{ status: string; text: string }>('POST', `${item(id)}/reply`, { text, clientId }),
  caseMessages: (caseId: string, signal?: AbortSignal) =>
    api.request<{ interactions: CaseMessage[] }>('GET', `/cases/${encodeURIComponent(caseId)}`, undefined, signal),
};
