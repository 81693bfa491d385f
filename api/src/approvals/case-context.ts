import type { CaseContext, CustomerSummary, ThreadEntry } from '@firebreak/engine';
import { DataSource } from 'typeorm';
import { todoList } from '../cases/todo';
import type { SqlRow } from '../cases/sql-row';

/** Replies written in the inbox carry this prefix in their outbox key; the playbook's carry the node visit's key. */
export const INBOX_REPLY_PREFIX = 'inbox:';

/** The newest messages of a conversation; older ones are a click away in the case itself. */
const THREAD_LIMIT = 200;

/** The case's conversation in order: the customer's messages and every reply, on every channel. */
export async function caseThread(db: DataSource, caseId: string | null, interactionId: string): Promise<ThreadEntry[]> {
  const rows: SqlRow[] = await db.query(
    `WITH msgs AS (SELECT * FROM interactions WHERE ${caseId ? 'case_id = $1' : 'id = $1'})
     SELECT * FROM (
       SELECT 'inbound' AS direction, m.id AS interaction_id, m.channel, m.visibility, m.text, m.received_at AS at, m.author,
              NULL AS status, NULL AS key, m.created_at AS tiebreak
         FROM msgs m
       UNION ALL
       SELECT 'outbound', o.interaction_id, o.channel, o.visibility, o.text, coalesce(o.sent_at, o.created_at), NULL, o.status, o.idempotency_key, o.created_at
         FROM outbox o WHERE o.interaction_id IN (SELECT id FROM msgs)
     ) t ORDER BY at DESC, tiebreak DESC LIMIT ${THREAD_LIMIT}`,
    [caseId ?? interactionId],
  );
  return rows.reverse().map((r) => ({
    direction: r.direction,
    interactionId: r.interaction_id,
    channel: r.channel,
    visibility: r.visibility,
    text: r.text,
    at: new Date(r.at).toISOString(),
    ...(r.direction === 'inbound'
      ? { author: { id: r.author?.id, handle: r.author?.handle, name: r.author?.name } }
      : { status: r.status, source: String(r.key).startsWith(INBOX_REPLY_PREFIX) ? ('agent' as const) : ('playbook' as const) }),
  }));
}

export async function customerSummary(db: DataSource, customerId: string | null): Promise<CustomerSummary | null> {
  if (!customerId) return null;
  const [c] = await db.query(
    `SELECT c.id, c.name, c.handle, c.profile,
            (SELECT i.facts->'influence' FROM interactions i WHERE i.customer_id = c.id AND i.facts IS NOT NULL ORDER BY i.received_at DESC LIMIT 1) AS influence
       FROM customers c WHERE c.id = $1`,
    [customerId],
  );
  if (!c) return null;
  const identities = await db.query(
    `SELECT kind, value, source FROM customer_identities WHERE customer_id = $1 ORDER BY created_at, source, kind`,
    [customerId],
  );
  const p = c.profile ?? {};
  return {
    id: c.id,
    name: c.name,
    handle: c.handle,
    tier: p.tier ?? null,
    followers: p.followers ?? 0,
    verified: !!p.verified,
    tags: p.tags ?? [],
    influence: c.influence ?? null,
    channels: p.channels ?? {},
    identities,
  };
}

/** The case around one run: who, the whole conversation, the run's path, and what else is still open. */
export async function caseContext(db: DataSource, interactionId: string, exceptWorkItemId?: string): Promise<CaseContext> {
  const [i] = await db.query(
    `SELECT i.case_id, i.customer_id, i.path, c.status, c.team, c.agent_id, a.name AS agent_name, a.email AS agent_email
       FROM interactions i LEFT JOIN cases c ON c.id = i.case_id LEFT JOIN agents a ON a.id = c.agent_id WHERE i.id = $1`,
    [interactionId],
  );
  const caseId: string | null = i?.case_id ?? null;
  const open = caseId && i.status === 'open' ? await todoList(db.manager, caseId) : [];
  return {
    caseId,
    case: caseId
      ? {
          id: caseId,
          status: i.status,
          team: i.team,
          agent: i.agent_id ? { id: i.agent_id, name: i.agent_name, email: i.agent_email } : null,
        }
      : null,
    customer: await customerSummary(db, i?.customer_id ?? null),
    thread: await caseThread(db, caseId, interactionId),
    path: i?.path ?? [],
    openItems: open.filter((t) => !exceptWorkItemId || t.workItemId !== exceptWorkItemId),
  };
}
