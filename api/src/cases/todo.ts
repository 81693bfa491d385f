import type { TodoItem } from '@firebreak/engine';
import { EntityManager } from 'typeorm';
import { SqlRow } from './sql-row';

/**
 * A message is answered once a reply left for it (or for the run it joined) after it
 * arrived, or its run resolved after it arrived. Noise is never on the list.
 */
const UNANSWERED = `
  SELECT i.id, i.channel, i.text, i.received_at, i.new_request
    FROM interactions i
   WHERE i.case_id = $1
     AND coalesce(i.facts->'priority'->>'tier', '') <> 'noise'
     AND NOT coalesce(i.vars->'tags' ? 'noise', false)
     AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.interaction_id IN (i.id, i.joined_interaction_id) AND o.status LIKE 'sent%' AND o.created_at >= i.created_at)
     AND NOT EXISTS (SELECT 1 FROM work_items r WHERE r.interaction_id IN (i.id, i.joined_interaction_id) AND r.kind = 'resolution' AND r.created_at >= i.created_at)`;

const OPEN_WORK = `
  SELECT w.id, w.interaction_id, w.node_id, w.kind, w.payload, w.created_at
    FROM work_items w JOIN interactions i ON i.id = w.interaction_id
   WHERE i.case_id = $1 AND w.kind IN ('approval', 'task', 'escalation') AND w.status IN ('pending', 'open')`;

export async function todoList(m: EntityManager, caseId: string): Promise<TodoItem[]> {
  const [messages, work] = [await m.query(UNANSWERED, [caseId]), await m.query(OPEN_WORK, [caseId])];
  const items: TodoItem[] = [
    ...messages.map((r: SqlRow) => ({
      type: 'message' as const,
      interactionId: r.id,
      channel: r.channel,
      summary: excerpt(r.text),
      since: iso(r.received_at),
      ...(r.new_request ? { newRequest: true } : {}),
    })),
    ...work.map((w: SqlRow) => ({
      type: w.kind,
      interactionId: w.interaction_id,
      workItemId: w.id,
      nodeId: w.node_id,
      since: iso(w.created_at),
      summary: summaryOf(w.kind, w.payload ?? {}),
      ...(w.payload?.dueAt ? { dueAt: String(w.payload.dueAt) } : {}),
    })),
  ];
  return items.sort((a, b) => a.since.localeCompare(b.since) || a.type.localeCompare(b.type));
}

/** How many items are pending: the test for "a new request inside an open case". */
export async function pendingCount(m: EntityManager, caseId: string): Promise<number> {
  const [{ n }] = await m.query(
    `SELECT (SELECT count(*) FROM (${UNANSWERED}) u)::int + (SELECT count(*) FROM (${OPEN_WORK}) w)::int AS n`,
    [caseId],
  );
  return n;
}

function summaryOf(kind: string, p: SqlRow): string {
  if (kind === 'approval')
    return `${String(p.role ?? '').toUpperCase() || 'An'} approval of a reply${p.assignee ? ` (${p.assignee})` : ''}`;
  if (kind === 'task') return excerpt(String(p.prompt ?? 'Agent task'));
  return `Escalation to ${p.to ?? 'the team lead'}${p.team ? ` (${p.team})` : ''}`;
}

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);
const iso = (d: Date | string) => new Date(d).toISOString();
