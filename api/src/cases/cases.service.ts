import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { resolveCase } from './resolve-case';
import { todoList } from './todo';
import { SqlRow } from './sql-row';

@Injectable()
export class CasesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: { status?: string; customerId?: string; limit: number }) {
    const rows = await this.db.query(
      `SELECT c.id, c.status, c.team, c.opened_at, c.last_activity_at, c.closed_at, c.resolution,
              c.customer_id, coalesce(cu.name, cu.handle) AS customer, a.id AS agent_id, a.name AS agent_name,
              (SELECT count(*)::int FROM interactions i WHERE i.case_id = c.id) AS interactions,
              (SELECT array_agg(DISTINCT i.channel) FROM interactions i WHERE i.case_id = c.id) AS channels
         FROM cases c JOIN customers cu ON cu.id = c.customer_id LEFT JOIN agents a ON a.id = c.agent_id
        WHERE ($1::text IS NULL OR c.status = $1) AND ($2::uuid IS NULL OR c.customer_id = $2)
        ORDER BY c.last_activity_at DESC LIMIT $3`,
      [query.status ?? null, query.customerId ?? null, query.limit],
    );
    return rows.map((r: SqlRow) => ({
      id: r.id,
      status: r.status,
      customer: { id: r.customer_id, name: r.customer },
      team: r.team,
      agent: r.agent_id ? { id: r.agent_id, name: r.agent_name } : null,
      interactions: r.interactions,
      channels: r.channels ?? [],
      openedAt: r.opened_at,
      lastActivityAt: r.last_activity_at,
      closedAt: r.closed_at,
      resolution: r.resolution,
    }));
  }

  /** The case as an agent needs it: who, every message across channels, what is still to do, who has it. */
  async get(id: string) {
    const [c] = await this.db.query(
      `SELECT c.*, a.name AS agent_name, a.email AS agent_email FROM cases c LEFT JOIN agents a ON a.id = c.agent_id WHERE c.id = $1`,
      [id],
    );
    if (!c) throw new NotFoundException(`no case with id "${id}"`);
    const interactions = await this.db.query(
      `SELECT id, channel, external_id, text, visibility, author, received_at, status, new_request, joined_interaction_id, workflow_id, facts->'priority'->>'tier' AS tier
         FROM interactions WHERE case_id = $1 ORDER BY received_at, created_at`,
      [id],
    );
    const assignments = await this.db.query(
      `SELECT s.id, s.interaction_id, s.node_id, s.team, s.status, s.mode, s.strategy, s.priority, s.reason, s.created_at, s.assigned_at, a.id AS agent_id, a.name AS agent_name
         FROM assignments s LEFT JOIN agents a ON a.id = s.agent_id WHERE s.case_id = $1 ORDER BY s.created_at`,
      [id],
    );
    // A closed case has nothing left to do, whatever its messages' state.
    const todo = c.status === 'open' ? await todoList(this.db.manager, id) : [];
    return {
      id: c.id,
      status: c.status,
      openedAt: c.opened_at,
      lastActivityAt: c.last_activity_at,
      closedAt: c.closed_at,
      resolution: c.resolution,
      resolvedBy: c.resolved_by,
      mergedInto: c.merged_into,
      customer: await this.customerSummary(c.customer_id),
      team: c.team,
      agent: c.agent_id ? { id: c.agent_id, name: c.agent_name, email: c.agent_email } : null,
      flags: { newRequest: todo.some((t) => t.newRequest) },
      todo,
      interactions: interactions.map((i: SqlRow) => ({
        id: i.id,
        channel: i.channel,
        externalId: i.external_id,
        text: i.text,
        visibility: i.visibility,
        author: i.author,
        receivedAt: i.received_at,
        status: i.status,
        tier: i.tier,
        newRequest: i.new_request,
        joinedInteractionId: i.joined_interaction_id,
        workflowId: i.workflow_id,
      })),
      assignments: assignments.map((s: SqlRow) => ({
        id: s.id,
        interactionId: s.interaction_id,
        nodeId: s.node_id,
        team: s.team,
        status: s.status,
        mode: s.mode,
        strategy: s.strategy,
        priority: s.priority,
        reason: s.reason,
        createdAt: s.created_at,
        assignedAt: s.assigned_at,
        agent: s.agent_id ? { id: s.agent_id, name: s.agent_name } : null,
      })),
    };
  }

  async resolve(id: string, body: { resolution?: string; by?: string }) {
    const [c] = await this.db.query(`SELECT id FROM cases WHERE id = $1`, [id]);
    if (!c) throw new NotFoundException(`no case with id "${id}"`);
    return resolveCase(this.db, { caseId: id }, body);
  }

  private async customerSummary(id: string) {
    const [c] = await this.db.query(`SELECT id, name, handle, profile FROM customers WHERE id = $1`, [id]);
    const identities = await this.db.query(
      `SELECT kind, value FROM customer_identities WHERE customer_id = $1 ORDER BY created_at, source, kind`,
      [id],
    );
    return {
      id: c.id,
      name: c.name,
      handle: c.handle,
      followers: c.profile?.followers ?? 0,
      verified: !!c.profile?.verified,
      tier: c.profile?.tier ?? null,
      identities,
    };
  }
}
