import { DataSource, EntityManager } from 'typeorm';
import { hasRoom, toResult, workItemPayload, type AssignmentResult } from './router';
import { publishEvent } from '../events/publish';
import { ineligibility } from './strategy';

/** The order of every queue: first tier first, then the most influential, then the most reach, then the oldest. */
export const QUEUE_ORDER = 's.priority DESC, s.followers DESC, s.created_at, s.id';

export interface QueuedItem {
  assignmentId: string;
  interactionId: string;
  caseId: string | null;
  customerId: string | null;
  customer: string | null;
  channel: string;
  text: string;
  mode: 'push' | 'pull';
  tier: string | null;
  influence: number;
  followers: number;
  priority: number;
  queuedAt: string;
}

/** Per team, what waits for an agent, in the order agents will get it. */
export async function listQueues(db: DataSource, team?: string): Promise<Array<{ team: string; items: QueuedItem[] }>> {
  const rows = await db.query(
    `SELECT s.*, i.channel, i.text, i.customer_id, coalesce(c.name, c.handle) AS customer
       FROM assignments s JOIN interactions i ON i.id = s.interaction_id LEFT JOIN customers c ON c.id = i.customer_id
      WHERE s.status = 'queued' AND ($1::text IS NULL OR s.team = $1)
      ORDER BY s.team, ${QUEUE_ORDER}`,
    [team ?? null],
  );
  const teams = new Map<string, QueuedItem[]>();
  if (team) teams.set(team, []);
  for (const r of rows) {
    const items = teams.get(r.team) ?? [];
    items.push({
      assignmentId: r.id,
      interactionId: r.interaction_id,
      caseId: r.case_id,
      customerId: r.customer_id,
      customer: r.customer,
      channel: r.channel,
      text: r.text,
      mode: r.mode,
      tier: r.tier,
      influence: r.influence,
      followers: Number(r.followers),
      priority: r.priority,
      queuedAt: new Date(r.created_at).toISOString(),
    });
    teams.set(r.team, items);
  }
  return [...teams].map(([key, items]) => ({ team: key, items }));
}

/**
 * Give an agent the first queued item they can take, from the given teams (pull: the agent
 * asks; push: an agent just became free), or exactly the item `only` (an agent claiming it
 * from their inbox). The agent's row lock serialises this with the router; SKIP LOCKED lets
 * two agents pulling at once take different items.
 */
export async function takeNext(
  tx: EntityManager,
  agentId: string,
  teams: string[],
  modes: Array<'push' | 'pull'>,
  only: string | null = null,
): Promise<AssignmentResult | null> {
  const [agent] = await tx.query(`SELECT id, available, capacity, skills, languages, channels FROM agents WHERE id = $1 FOR UPDATE`, [
    agentId,
  ]);
  if (!agent || !teams.length) return null;
  const queued = await tx.query(
    `SELECT s.*, i.channel, i.facts->>'language' AS language, c.agent_id AS case_agent_id
       FROM assignments s JOIN interactions i ON i.id = s.interaction_id LEFT JOIN cases c ON c.id = s.case_id
      WHERE s.status = 'queued' AND s.team = ANY($1) AND s.mode = ANY($2) AND ($3::uuid IS NULL OR s.id = $3)
      ORDER BY ${QUEUE_ORDER} LIMIT 50 FOR UPDATE OF s SKIP LOCKED`,
    [teams, modes, only],
  );
  for (const q of queued) {
    if (!(await hasRoom(tx, agentId, agent, q.case_id))) continue; // full, unless the item is for a case they hold
    const why = ineligibility(
      {
        id: agentId,
        name: '',
        available: agent.available,
        capacity: agent.capacity,
        load: 0,
        skills: agent.skills,
        languages: agent.languages,
        channels: agent.channels,
        lastAssignedAt: null,
      },
      { strategy: 'least_busy', skills: q.required_skills, language: q.language, channel: q.channel, caseAgentId: null },
    );
    if (why) continue;
    await tx.query(
      `UPDATE assignments SET status = 'assigned', agent_id = $2, assigned_at = now(), reason = coalesce(reason, '') || $3 WHERE id = $1`,
      [q.id, agentId, `; taken from the ${q.mode} queue`],
    );
    if (q.case_id) await tx.query(`UPDATE cases SET agent_id = $2, last_activity_at = now() WHERE id = $1`, [q.case_id, agentId]);
    await tx.query(
      `UPDATE agent_teams SET last_assigned_at = clock_timestamp() WHERE agent_id = $1 AND team_id = (SELECT id FROM teams WHERE key = $2)`,
      [agentId, q.team],
    );
    const [row] = await tx.query(
      `SELECT s.*, a.name AS agent_name, a.signature AS agent_signature FROM assignments s JOIN agents a ON a.id = s.agent_id WHERE s.id = $1`,
      [q.id],
    );
    const result = toResult(row);
    await tx.query(`UPDATE work_items SET status = 'assigned', payload = $2 WHERE idempotency_key = $1`, [
      q.idempotency_key,
      JSON.stringify(workItemPayload(result)),
    ]);
    // In the transaction: the event leaves when the claim commits, never for one rolled back.
    await publishEvent(tx, {
      type: modes.includes('pull') ? 'task.claimed' : 'task.assigned',
      interactionId: row.interaction_id,
      nodeId: row.node_id,
      kind: 'assignment',
      team: result.team,
      mode: result.mode,
      agentId: result.agentId,
      agentName: result.agentName,
      caseId: result.caseId,
    });
    return result;
  }
  return null;
}

export async function teamsOf(m: EntityManager, agentId: string): Promise<string[]> {
  return (await m.query(`SELECT t.key FROM teams t JOIN agent_teams at ON at.team_id = t.id WHERE at.agent_id = $1`, [agentId])).map(
    (r: { key: string }) => r.key,
  );
}

/** Push-mode work that found nobody free goes to an agent as soon as they have room. */
export async function drainFor(db: DataSource, agentId: string, max = 100): Promise<AssignmentResult[]> {
  const given: AssignmentResult[] = [];
  for (let i = 0; i < max; i++) {
    const next = await db.transaction(async (tx) => takeNext(tx, agentId, await teamsOf(tx, agentId), ['push']));
    if (!next) break;
    given.push(next);
  }
  return given;
}
