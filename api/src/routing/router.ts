import { DataSource, EntityManager } from 'typeorm';
import { CandidateAgent, queuePriority, rankAgents, Strategy } from './strategy';
import type { SqlRow } from '../cases/sql-row';

/** What a route node asks for (its config plus the facts the interpreter passes). */
export interface RouteInput {
  interactionId: string;
  nodeId: string;
  idempotencyKey: string;
  team: string;
  skills: string[];
  strategy: Strategy;
  mode: 'push' | 'pull';
  tier?: string | null;
  influence?: number;
}

/** The activity's result, stored by the interpreter in `vars.assignment` (templates read agentName). */
export interface AssignmentResult {
  status: 'assigned' | 'queued';
  queued: boolean;
  assignmentId: string;
  workItemId?: string;
  team: string;
  mode: 'push' | 'pull';
  strategy: string;
  agentId: string | null;
  agentName: string | null;
  agentSignature: string | null;
  caseId: string | null;
  priority: number;
  tier: string | null;
  influence: number;
  reason: string | null;
  [key: string]: unknown;
}

interface Arrival {
  channel: string;
  language: string | null;
  caseId: string | null;
  followers: number;
}

const ATTEMPTS = 5;
class LockedOut extends Error {}

/**
 * Assign an interaction to an agent (push) or put it in its team's queue (pull, or push
 * with nobody free). Idempotent on the idempotency key: a retried activity gets the first
 * decision back. Concurrency-safe: capacity is re-checked while holding the agent's row
 * lock, and every assignment to an agent takes that lock, so two workers can never both
 * fill an agent's last slot.
 */
export async function routeInteraction(db: DataSource, input: RouteInput): Promise<AssignmentResult> {
  const done = await findAssignment(db.manager, input.idempotencyKey);
  if (done) return done;
  const arrival = await loadArrival(db.manager, input.interactionId);
  for (let attempt = 1; ; attempt++) {
    try {
      // Early attempts skip agents another transaction holds (no waiting, no deadlock); the
      // last one waits for them, so a busy moment never queues work an agent could take.
      return await db.transaction((tx) => decide(tx, input, arrival, attempt < ATTEMPTS));
    } catch (e) {
      if (!(e instanceof LockedOut) || attempt >= ATTEMPTS) throw e;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}

async function decide(tx: EntityManager, input: RouteInput, arrival: Arrival, skipLocked: boolean): Promise<AssignmentResult> {
  const caseAgentId = arrival.caseId
    ? ((await tx.query(`SELECT agent_id FROM cases WHERE id = $1`, [arrival.caseId]))[0]?.agent_id ?? null)
    : null;
  const base = {
    ...input,
    priority: queuePriority(input.tier, input.influence ?? 0),
    followers: arrival.followers,
    caseId: arrival.caseId,
  };
  if (input.mode === 'pull') return record(tx, base, null, 'pull: queued for the team');

  const candidates = await teamCandidates(tx, input.team);
  const ranking = rankAgents(candidates, {
    strategy: input.strategy,
    skills: input.skills,
    language: arrival.language,
    channel: arrival.channel,
    caseAgentId,
  });
  let lockedOut = false;
  for (const agent of ranking.ranked) {
    const rows = await tx.query(`SELECT available, capacity FROM agents WHERE id = $1 FOR UPDATE${skipLocked ? ' SKIP LOCKED' : ''}`, [
      agent.id,
    ]);
    if (!rows.length) {
      lockedOut = true;
      continue;
    }
    if (await hasRoom(tx, agent.id, rows[0], arrival.caseId)) {
      const reason = agent === ranking.ranked[0] ? ranking.reason : `${ranking.reason}; first choice became full`;
      return record(tx, base, agent, reason);
    }
  }
  if (lockedOut) throw new LockedOut();
  const why = candidates.length
    ? `no agent free (${ranking.excluded.map((e) => `${nameOf(candidates, e.id)}: ${e.why}`).join('; ')})`
    : `team ${input.team} has no agents`;
  return record(tx, base, null, `push: queued, ${why}`);
}

/** Capacity under the lock: the agent's open cases now, and whether this case is one of them. */
export async function hasRoom(
  tx: EntityManager,
  agentId: string,
  agent: { available: boolean; capacity: number },
  caseId: string | null,
): Promise<boolean> {
  if (!agent.available) return false;
  const [{ load, holds }] = await tx.query(
    `SELECT count(DISTINCT coalesce(case_id, id))::int AS load, coalesce(bool_or(case_id = $2), false) AS holds
       FROM assignments WHERE agent_id = $1 AND status = 'assigned'`,
    [agentId, caseId],
  );
  return holds || load < agent.capacity;
}

/** The team's agents with their open-case load and their last turn in this team. */
export async function teamCandidates(tx: EntityManager, team: string): Promise<CandidateAgent[]> {
  const rows = await tx.query(
    `SELECT a.id, a.name, a.available, a.capacity, a.skills, a.languages, a.channels, at.last_assigned_at,
            (SELECT count(DISTINCT coalesce(s.case_id, s.id))::int FROM assignments s WHERE s.agent_id = a.id AND s.status = 'assigned') AS load
       FROM agents a JOIN agent_teams at ON at.agent_id = a.id JOIN teams t ON t.id = at.team_id
      WHERE t.key = $1 ORDER BY a.name, a.id`,
    [team],
  );
  return rows.map((r: Record<string, unknown>) => ({
    id: r.id as string,
    name: r.name as string,
    available: r.available as boolean,
    capacity: r.capacity as number,
    load: r.load as number,
    skills: r.skills as string[],
    languages: r.languages as string[],
    channels: r.channels as string[],
    lastAssignedAt: r.last_assigned_at ? new Date(r.last_assigned_at as string).getTime() : null,
  }));
}

type Decision = RouteInput & { priority: number; followers: number; caseId: string | null };

async function record(tx: EntityManager, d: Decision, agent: CandidateAgent | null, reason: string): Promise<AssignmentResult> {
  const status = agent ? 'assigned' : 'queued';
  const inserted = await tx.query(
    `INSERT INTO assignments (interaction_id, case_id, node_id, idempotency_key, team, agent_id, status, mode, strategy, tier, influence, followers, priority, required_skills, reason, assigned_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, CASE WHEN $6::uuid IS NULL THEN NULL ELSE now() END)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      d.interactionId,
      d.caseId,
      d.nodeId,
      d.idempotencyKey,
      d.team,
      agent?.id ?? null,
      status,
      d.mode,
      d.strategy,
      d.tier ?? null,
      Math.round(d.influence ?? 0),
      d.followers,
      d.priority,
      d.skills,
      reason,
    ],
  );
  // A concurrent attempt of the same activity got there first: its decision stands.
  if (!inserted.length) return (await findAssignment(tx, d.idempotencyKey))!;
  if (d.caseId) {
    await tx.query(`UPDATE cases SET team = $2, agent_id = coalesce($3, agent_id), last_activity_at = now() WHERE id = $1`, [
      d.caseId,
      d.team,
      agent?.id ?? null,
    ]);
  }
  if (agent) {
    await tx.query(
      `UPDATE agent_teams SET last_assigned_at = clock_timestamp() WHERE agent_id = $1 AND team_id = (SELECT id FROM teams WHERE key = $2)`,
      [agent.id, d.team],
    );
  }
  const result = (await findAssignment(tx, d.idempotencyKey))!;
  // The generic record of the node's side effect, next to approvals, tasks and escalations.
  const item = await tx.query(
    `INSERT INTO work_items (interaction_id, node_id, kind, idempotency_key, status, payload) VALUES ($1, $2, 'assignment', $3, $4, $5)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [d.interactionId, d.nodeId, d.idempotencyKey, status, JSON.stringify(workItemPayload(result))],
  );
  return { ...result, workItemId: item[0]?.id };
}

export function workItemPayload(a: AssignmentResult): Record<string, unknown> {
  return {
    team: a.team,
    mode: a.mode,
    strategy: a.strategy,
    agentId: a.agentId,
    agentName: a.agentName,
    priority: a.priority,
    tier: a.tier,
    influence: a.influence,
    reason: a.reason,
  };
}

export async function findAssignment(m: EntityManager, idempotencyKey: string): Promise<AssignmentResult | null> {
  const rows = await m.query(
    `SELECT s.*, a.name AS agent_name, a.signature AS agent_signature, w.id AS work_item_id
       FROM assignments s LEFT JOIN agents a ON a.id = s.agent_id LEFT JOIN work_items w ON w.idempotency_key = s.idempotency_key
      WHERE s.idempotency_key = $1`,
    [idempotencyKey],
  );
  return rows.length ? toResult(rows[0]) : null;
}

export function toResult(r: SqlRow): AssignmentResult {
  const status = r.status === 'queued' ? 'queued' : 'assigned';
  return {
    status,
    queued: status === 'queued',
    assignmentId: r.id,
    workItemId: r.work_item_id ?? undefined,
    team: r.team,
    mode: r.mode,
    strategy: r.strategy,
    agentId: r.agent_id ?? null,
    agentName: r.agent_name ?? null,
    agentSignature: r.agent_signature ?? null,
    caseId: r.case_id ?? null,
    priority: r.priority,
    tier: r.tier ?? null,
    influence: r.influence,
    reason: r.reason ?? null,
  };
}

async function loadArrival(m: EntityManager, interactionId: string): Promise<Arrival> {
  const rows = await m.query(
    `SELECT channel, facts->>'language' AS language, case_id, coalesce((author->>'followers')::bigint, 0) AS followers FROM interactions WHERE id = $1`,
    [interactionId],
  );
  if (!rows.length) throw new Error(`interaction ${interactionId} does not exist`);
  return {
    channel: rows[0].channel,
    language: rows[0].language ?? null,
    caseId: rows[0].case_id ?? null,
    followers: Number(rows[0].followers),
  };
}

const nameOf = (agents: CandidateAgent[], id: string) => agents.find((a) => a.id === id)?.name ?? id;
