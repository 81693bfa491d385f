import { z } from 'zod';

/** The roles an approval node can ask (the catalog's `approval.role`). */
export const APPROVER_ROLES = ['pr', 'legal', 'manager'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];

/**
 * Where an approval stands. `pending`: its run waits for it now. `decided`: someone approved
 * or rejected it. `expired`: its SLA ran out and it moved to the backup approver (a new
 * item). `timed_out`: its run took the `timeout` outcome without a decision. `closed`: the
 * case was resolved before anyone decided.
 */
export const APPROVAL_STATUSES = ['pending', 'decided', 'expired', 'timed_out', 'closed'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const approvalListSchema = z.object({
  status: z.enum(APPROVAL_STATUSES).default('pending'),
  role: z.enum(APPROVER_ROLES).optional(),
  /** Only the items assigned to me (the first approver on duty, or the backup). */
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ApprovalListQuery = z.infer<typeof approvalListSchema>;

export const approvalDecisionSchema = z.object({
  outcome: z.enum(['approve', 'reject']),
  /** Approve with edits: this text is what the customer receives. */
  text: z.string().trim().min(1).max(20_000).optional(),
  /** Required when rejecting: the drafter learns why. */
  reason: z.string().trim().min(1).max(2000).optional(),
});
export type ApprovalDecision = z.infer<typeof approvalDecisionSchema>;

/** The desk's words for the approval node's outcomes. */
export const OUTCOME_OF: Record<ApprovalDecision['outcome'], 'approved' | 'rejected'> = { approve: 'approved', reject: 'rejected' };
