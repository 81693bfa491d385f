import { ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/roles';
import { customerSummary } from '../approvals/case-context';
import type { TodoItem } from '@firebreak/engine';
import { todoList } from '../cases/todo';
import type { SqlRow } from '../cases/sql-row';
import { DecisionsService } from '../decisions/decisions.service';
import { QUEUE_ORDER, takeNext } from '../routing/queue';
import { hasRoom } from '../routing/router';
import { ineligibility } from '../routing/strategy';
import { actingAgent, mayWork, SUPERVISORS, type ActingAgent } from './acting-agent';
import type { CompleteBody } from './inbox.schema';

/** A work item as the inbox addresses it: a task, or the assignment of a case (its handle before any task). */
export interface InboxItemRow {
  id: string;
  kind: string;
  status: string;
  node_id: string;
  interaction_id: string;
  payload: SqlRow;
  case_id: string | null;
  case_status: string | null;
  case_agent_id: string | null;
}

/**
 * The agent inbox: the cases an agent holds as the auto to-do list, each with the
 * playbook's next step; the queued work they may claim; completing a task with an outcome
 * (the run's Update, through `DecisionsService`).
 */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly decisions: DecisionsService,
  ) {}

  /** The agent's open cases, the one waiting longest first (the to-do list's own order inside each). */
  async list(user: AuthUser, asked?: string) {
    const agent = await actingAgent(this.db, user, asked);
    const cases: SqlRow[] = await this.db.query(
      `SELECT c.id, c.customer_id, c.team, c.opened_at, c.last_activity_at FROM cases c WHERE c.status = 'open' AND c.agent_id = $1`,
      [agent.id],
    );
    const entries = [];
    for (const c of cases) entries.push(await this.entry(c));
    entries.sort(
      (a, b) => (a.waitingSince ?? '~').localeCompare(b.waitingSince ?? '~') || b.lastActivityAt.localeCompare(a.lastActivityAt),
    );
    return { agent: { id: agent.id, name: agent.name, email: agent.email }, items: entries };
  }

  /** Queued work in the agent's teams that they could take: skills, language and channel fit; `canClaim` says whether they have room now. */
  async available(user: AuthUser, asked?: string) {
    const agent = await actingAgent(this.db, user, asked);
    const [me] = await this.db.query(`SELECT available, capacity, skills, languages, channels FROM agents WHERE id = $1`, [agent.id]);
    const rows: SqlRow[] = await this.db.query(
      `SELECT w.id, s.id AS assignment_id, s.case_id, s.team, s.mode, s.tier, s.priority, s.followers, s.required_skills, s.created_at,
              i.id AS interaction_id, i.channel, i.text, i.facts->>'language' AS language, i.customer_id, coalesce(cu.name, cu.handle) AS customer
         FROM assignments s JOIN work_items w ON w.idempotency_key = s.idempotency_key
         JOIN interactions i ON i.id = s.interaction_id LEFT JOIN customers cu ON cu.id = i.customer_id
        WHERE s.status = 'queued' AND s.team = ANY($1) ORDER BY ${QUEUE_ORDER} LIMIT 200`,
      [agent.teams],
    );
    const room = await hasRoom(this.db.manager, agent.id, me, null);
    const items = rows
      .filter((r) => !ineligibility(candidate(agent.id, { ...me, available: true }), request(r)))
      .map((r) => ({
        id: r.id,
        assignmentId: r.assignment_id,
        caseId: r.case_id,
        interactionId: r.interaction_id,
        team: r.team,
        mode: r.mode,
        tier: r.tier,
        priority: r.priority,
        channel: r.channel,
        customer: r.customer_id ? { id: r.customer_id, name: r.customer } : null,
        followers: Number(r.followers),
        message: r.text,
        queuedAt: new Date(r.created_at).toISOString(),
        canClaim: room,
      }));
    return { agent: { id: agent.id, name: agent.name, email: agent.email }, items };
  }

  /** Take a queued item: 409 when someone else has it or the agent is full; 422 when it needs what they lack. */
  async claim(itemId: string, user: AuthUser, asked?: string) {
    const agent = await actingAgent(this.db, user, user.role === 'agent' ? undefined : asked);
    const [s] = await this.db.query(
      `SELECT s.*, i.channel, i.facts->>'language' AS language, a.name AS agent_name
         FROM work_items w JOIN assignments s ON s.idempotency_key = w.idempotency_key LEFT JOIN agents a ON a.id = s.agent_id
         JOIN interactions i ON i.id = s.interaction_id WHERE w.id = $1`,
      [itemId],
    );
    if (!s) throw new NotFoundException(`no queued item with id "${itemId}"`);
    if (s.status === 'assigned' && s.agent_id === agent.id) return this.claimed(s.case_id, agent, false);
    if (s.status === 'assigned') throw new ConflictException(`${s.agent_name ?? 'another agent'} has this item already`);
    if (s.status !== 'queued') throw new ConflictException(`this item is ${s.status}`);
    if (!agent.teams.includes(s.team)) throw new ForbiddenException(`${agent.name} is not in team ${s.team}`);
    const [me] = await this.db.query(`SELECT available, capacity, skills, languages, channels FROM agents WHERE id = $1`, [agent.id]);
    // Being away is a 409 below (it may change); lacking a skill, language or channel is a 422.
    const why = ineligibility(candidate(agent.id, { ...me, available: true }), request(s));
    if (why) throw new UnprocessableEntityException(`${agent.name} cannot take this item: ${why}`);
    const taken = await this.db.transaction((tx) => takeNext(tx, agent.id, [s.team], ['pull', 'push'], s.id));
    if (taken) return this.claimed(s.case_id, agent, true);
    // Refused under the lock: someone claimed it meanwhile, or the agent is full or away.
    const [now] = await this.db.query(`SELECT status, agent_id FROM assignments WHERE id = $1`, [s.id]);
    if (now.status === 'assigned' && now.agent_id === agent.id) return this.claimed(s.case_id, agent, false);
    if (now.status !== 'queued') throw new ConflictException('someone else claimed this item first');
    if (!me.available) throw new ConflictException(`${agent.name} is not available`);
    throw new ConflictException(`${agent.name} is at capacity (${me.capacity} open cases)`);
  }

  /** Complete a task with one of its outcomes; the run goes on along that edge. */
  async complete(itemId: string, body: CompleteBody, user: AuthUser) {
    const item = await this.workItem(itemId, user);
    if (item.kind !== 'task')
      throw new UnprocessableEntityException(`item ${itemId} is a${item.kind === 'assignment' ? 'n' : ''} ${item.kind}, not a task`);
    if (item.status !== 'open') throw new ConflictException(`task ${itemId} is ${item.status} already`);
    const valid: string[] = Array.isArray(item.payload.outcomes) ? item.payload.outcomes : [];
    if (valid.length && !valid.includes(body.outcome))
      throw new UnprocessableEntityException({
        message: `"${body.outcome}" is not an outcome of this task (${valid.join(', ')})`,
        problems: [{ path: 'outcome', message: `one of ${valid.join(', ')}` }],
        validOutcomes: valid,
      });
    await this.decisions.decide(
      item.interaction_id,
      { nodeId: item.node_id, outcome: body.outcome, text: body.text, reason: body.note },
      user,
    );
    const [after] = await this.db.query(`SELECT id, status, payload->'decision' AS decision FROM work_items WHERE id = $1`, [itemId]);
    return { id: after.id, status: after.status, decision: after.decision };
  }

  /** A work item of a case the caller may work (their own, or any for a manager); readers may look at any. */
  async workItem(itemId: string, user: AuthUser, read = false): Promise<InboxItemRow> {
    const [item] = await this.db.query(
      `SELECT w.id, w.kind, w.status, w.node_id, w.interaction_id, w.payload, i.case_id, c.status AS case_status, c.agent_id AS case_agent_id
         FROM work_items w JOIN interactions i ON i.id = w.interaction_id LEFT JOIN cases c ON c.id = i.case_id
        WHERE w.id = $1 AND w.kind IN ('task', 'assignment')`,
      [itemId],
    );
    if (!item) throw new NotFoundException(`no inbox item with id "${itemId}"`);
    if (read && (SUPERVISORS.includes(user.role) || user.role === 'viewer')) return item;
    const agent = user.role === 'agent' ? await actingAgent(this.db, user) : null;
    if (!mayWork(user, item.case_agent_id, agent)) throw new ForbiddenException(`${user.email} does not hold the case of item ${itemId}`);
    return item;
  }

  private async claimed(caseId: string | null, agent: ActingAgent, claimedNow: boolean) {
    const [c] = caseId
      ? await this.db.query(`SELECT id, customer_id, team, opened_at, last_activity_at FROM cases WHERE id = $1`, [caseId])
      : [];
    return { claimed: claimedNow, agent: { id: agent.id, name: agent.name }, item: c ? await this.entry(c) : null };
  }

  /** One case of the inbox: its to-do list, the next step the playbook asks for, the customer and the last message. */
  private async entry(c: SqlRow) {
    const todo: TodoItem[] = await todoList(this.db.manager, c.id);
    const [task] = await this.db.query(
      `SELECT w.id, w.interaction_id, w.node_id, w.payload, w.created_at FROM work_items w JOIN interactions i ON i.id = w.interaction_id
        WHERE i.case_id = $1 AND w.kind = 'task' AND w.status = 'open' ORDER BY w.created_at LIMIT 1`,
      [c.id],
    );
    const [handle] = await this.db.query(
      `SELECT w.id FROM work_items w JOIN assignments s ON s.idempotency_key = w.idempotency_key WHERE s.case_id = $1 ORDER BY s.created_at DESC LIMIT 1`,
      [c.id],
    );
    const [last] = await this.db.query(
      `SELECT id, channel, visibility, text, received_at FROM interactions WHERE case_id = $1 ORDER BY received_at DESC, created_at DESC LIMIT 1`,
      [c.id],
    );
    const dues = todo.map((t) => t.dueAt).filter((d): d is string => !!d);
    const slaDueAt = dues.length ? dues.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)) : null;
    return {
      itemId: task?.id ?? handle?.id ?? null,
      caseId: c.id,
      team: c.team,
      customer: await customerSummary(this.db, c.customer_id),
      nextStep: task
        ? {
            taskId: task.id,
            interactionId: task.interaction_id,
            nodeId: task.node_id,
            prompt: String(task.payload.prompt ?? ''),
            checklist: task.payload.checklist ?? [],
            outcomes: task.payload.outcomes ?? [],
            suggestedReplies: task.payload.suggestedReplies ?? [],
            dueAt: task.payload.dueAt ?? null,
          }
        : null,
      todo,
      sla: { dueAt: slaDueAt, breached: slaDueAt !== null && Date.parse(slaDueAt) < Date.now() },
      lastMessage: last
        ? {
            interactionId: last.id,
            channel: last.channel,
            visibility: last.visibility,
            text: last.text,
            at: new Date(last.received_at).toISOString(),
          }
        : null,
      waitingSince: todo[0]?.since ?? null,
      openedAt: new Date(c.opened_at).toISOString(),
      lastActivityAt: new Date(c.last_activity_at).toISOString(),
    };
  }
}

const candidate = (id: string, a: SqlRow) => ({
  id,
  name: '',
  available: a.available,
  capacity: a.capacity,
  load: 0, // capacity is checked under the agent's lock when claiming
  skills: a.skills,
  languages: a.languages,
  channels: a.channels,
  lastAssignedAt: null,
});

const request = (r: SqlRow) => ({
  strategy: 'least_busy' as const,
  skills: r.required_skills ?? [],
  language: r.language ?? null,
  channel: r.channel,
  caseAgentId: null,
});
