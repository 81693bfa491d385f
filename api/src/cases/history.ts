import { DataSource } from 'typeorm';

export interface CaseHistoryEntry {
  interactionId: string;
  channel: string;
  visibility: string;
  text: string;
  receivedAt: string;
  status: string;
  /** The playbook's path through this message, as node:outcome. */
  path: string[];
  replies: Array<{ text: string; status: string; at: string | null }>;
}

/**
 * Everything the case has seen so far, oldest first, for whoever a case is escalated to:
 * each message, what the playbook did with it and what was answered. Bounded, newest kept.
 */
export async function caseHistory(
  db: DataSource,
  interactionId: string,
  limit = 50,
): Promise<{ caseId: string | null; entries: CaseHistoryEntry[] }> {
  const [row] = await db.query(`SELECT case_id FROM interactions WHERE id = $1`, [interactionId]);
  const caseId: string | null = row?.case_id ?? null;
  const rows = await db.query(
    `SELECT i.id, i.channel, i.visibility, i.text, i.received_at, i.status, i.path,
            COALESCE((SELECT json_agg(json_build_object('text', o.text, 'status', o.status, 'at', o.sent_at) ORDER BY o.created_at) FROM outbox o WHERE o.interaction_id = i.id), '[]') AS replies
       FROM interactions i
      WHERE ${caseId ? 'i.case_id = $1' : 'i.id = $1'}
      ORDER BY i.received_at DESC
      LIMIT ${Number(limit)}`,
    [caseId ?? interactionId],
  );
  interface Row {
    id: string;
    channel: string;
    visibility: string;
    text: string;
    received_at: Date;
    status: string;
    path: Array<{ nodeId: string; outcome?: string }>;
    replies: CaseHistoryEntry['replies'];
  }
  const entries = (rows as Row[]).reverse().map((r) => ({
    interactionId: r.id,
    channel: r.channel,
    visibility: r.visibility,
    text: r.text,
    receivedAt: new Date(r.received_at).toISOString(),
    status: r.status,
    path: r.path.map((s) => (s.outcome ? `${s.nodeId}:${s.outcome}` : s.nodeId)),
    replies: r.replies,
  }));
  return { caseId, entries };
}
