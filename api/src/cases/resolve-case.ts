import { DataSource } from 'typeorm';
import { drainFor } from '../routing/queue';

export interface CaseResolution {
  caseId: string | null;
  /** false when the case was closed already (a retried resolve, a second resolve node). */
  closed: boolean;
  status: string | null;
  /** Agents whose capacity this freed, and queued work that went to them because of it. */
  freedAgents: string[];
  reassigned: number;
}

/**
 * Close a case: its pending items (tasks, approvals, escalations, queued assignments) are
 * closed, its agents' capacity is freed, and the resolution is recorded. The next message
 * from this customer opens a new case. Idempotent: resolving a closed case changes nothing.
 *
 * For the `resolve` activity: `await resolveCase(ctx.db, { interactionId: input.interactionId }, { resolution, by: \`playbook:${input.nodeId}\` })`.
 */
export async function resolveCase(
  db: DataSource,
  ref: { caseId: string } | { interactionId: string },
  options: { resolution?: string; by?: string } = {},
): Promise<CaseResolution> {
  const outcome = await db.transaction(async (tx) => {
    const caseId: string | null =
      'caseId' in ref
        ? ref.caseId
        : ((await tx.query(`SELECT case_id FROM interactions WHERE id = $1`, [ref.interactionId]))[0]?.case_id ?? null);
    if (!caseId) return { caseId: null, closed: false, status: null, agents: [] as string[] };
    const [c] = await tx.query(`SELECT status FROM cases WHERE id = $1 FOR UPDATE`, [caseId]);
    if (!c) return { caseId: null, closed: false, status: null, agents: [] as string[] };
    if (c.status !== 'open') return { caseId, closed: false, status: c.status as string, agents: [] as string[] };
    await tx.query(
      `UPDATE cases SET status = 'closed', closed_at = now(), resolution = $2, resolved_by = $3, last_activity_at = now() WHERE id = $1`,
      [caseId, options.resolution ?? 'resolved', options.by ?? null],
    );
    const [released] = await tx.query(
      `UPDATE assignments SET status = 'closed', closed_at = now() WHERE case_id = $1 AND status IN ('assigned', 'queued') RETURNING agent_id, idempotency_key`,
      [caseId],
    );
    await tx.query(`UPDATE work_items SET status = 'closed' WHERE idempotency_key = ANY($1)`, [
      released.map((r: { idempotency_key: string }) => r.idempotency_key),
    ]);
    await tx.query(
      `UPDATE work_items SET status = 'closed' WHERE kind IN ('task', 'approval', 'escalation') AND status IN ('pending', 'open')
          AND interaction_id IN (SELECT id FROM interactions WHERE case_id = $1)`,
      [caseId],
    );
    const agents = [...new Set(released.map((r: { agent_id: string | null }) => r.agent_id).filter(Boolean))] as string[];
    return { caseId, closed: true, status: 'closed', agents };
  });
  let reassigned = 0;
  for (const agent of outcome.agents) reassigned += (await drainFor(db, agent)).length;
  return { caseId: outcome.caseId, closed: outcome.closed, status: outcome.status, freedAgents: outcome.agents, reassigned };
}
