import { api } from '../../api/client';
import type { CaseContext } from '@firebreak/engine';

export type ApprovalStatus = 'pending' | 'decided' | 'expired' | 'timed_out' | 'closed';

/** An approval as `GET /api/approvals` lists it (see api/src/approvals/approvals.service.ts). */
export interface ApprovalItem {
  id: string;
  interactionId: string;
  caseId: string | null;
  nodeId: string;
  role: string;
  status: ApprovalStatus;
  draft: { text: string; template: string | null; author: string | null };
  sla: { dueAt: string | null; breached: boolean };
  assignedTo: { email: string; name: string | null; backup: boolean } | null;
  decision: { outcome: string; by: string; text: string | null; reason: string | null; at: string } | null;
  customer: { id: string; name: string | null } | null;
  channel: string;
  message: { text: string; receivedAt: string };
  createdAt: string;
}

export interface ApprovalDetail extends ApprovalItem {
  context: CaseContext;
}

export type ApprovalDecision = { outcome: 'approve'; text?: string } | { outcome: 'reject'; reason: string };

export const approvalsApi = {
  pending: (signal?: AbortSignal) =>
    api.request<{ role: string | null; items: ApprovalItem[] }>('GET', '/approvals?status=pending', undefined, signal),
  get: (id: string, signal?: AbortSignal) => api.request<ApprovalDetail>('GET', `/approvals/${encodeURIComponent(id)}`, undefined, signal),
  decide: (id: string, decision: ApprovalDecision) =>
    api.request<ApprovalItem>('POST', `/approvals/${encodeURIComponent(id)}/decision`, decision),
};
