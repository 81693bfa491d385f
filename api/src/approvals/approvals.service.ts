import { ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/roles';
import type { SqlRow } from '../cases/sql-row';
import { DecisionsService } from '../decisions/decisions.service';
import {
  APPROVER_ROLES,
  OUTCOME_OF,
  type ApprovalDecision,
  type ApprovalListQuery,
  type ApprovalStatus,
  type ApproverRole,
} from './approvals.schema';
import { caseContext } from './case-context';

/**
 * An approval work item's status as people see it. The row says pending until someone
 * decides, the case closes or the backup takes over; when the run took its `timeout`
 * outcome (or moved on) the row still says pending, so the run's record decides.
 */
const STATUS_SQL = `CASE
  WHEN w.status = 'pending' AND i.status NOT IN ('completed', 'failed') AND (i.waiting IS NULL OR i.waiting->>'nodeId' = w.node_id) THEN 'pending'
  WHEN w.status = 'pending' THEN 'timed_out'
  ELSE w.status END`;

const SELECT_ITEMS = `
  SELECT * FROM (
    SELECT w.id, w.interaction_id, w.node_id, w.payload, w.created_at, ${STATUS_SQL} AS status,
           i.case_id, i.customer_id, i.channel, i.text AS message, i.received_at, i.vars->'draft' AS draft,
           coalesce(cu.name, cu.handle) AS customer, u.name AS assignee_name
      FROM work_items w JOIN interactions i ON i.id = w.interaction_id
      LEFT JOIN customers cu ON cu.id = i.customer_id
      LEFT JOIN users u ON u.email = w.payload->>'assignee'
     WHERE w.kind = 'approval') t`;

/** Desks that see one role's queue; the others (managers, admins, viewers) may look at any. */
const OWN_QUEUE_ONLY = ['pr', 'legal'];

/**
 * The approvals desk: PR's and legal's queues of drafted replies with their SLA, the case
 * around each, and their decisions, which go to the run through `DecisionsService` (the
 * workflow's Update validator judges role and own drafts).
 */
@Injectable()
export class ApprovalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly decisions: DecisionsService,
  ) {}

  async list(query: ApprovalListQuery, user: AuthUser) {
    const roles = this.queueRoles(query.role, user);
    const order = query.status === 'pending' ? `(payload->>'dueAt') ASC NULLS LAST, created_at` : `created_at DESC`;
    const rows: SqlRow[] = await this.db.query(
      `${SELECT_ITEMS} WHERE payload->>'role' = ANY($1) AND status = $2 AND ($3::text IS NULL OR payload->>'assignee' = $3)
        ORDER BY ${order} LIMIT $4`,
      [roles, query.status, query.mine === 'true' ? user.email : null, query.limit],
    );
    return { role: roles.length === 1 ? roles[0] : null, status: query.status, items: rows.map(view) };
  }

  /** One approval with the whole case: thread, customer, the run's path so far, the case's other open items. */
  async get(id: string, user: AuthUser) {
    const row = await this.item(id, user);
    return { ...view(row), context: await caseContext(this.db, row.interaction_id, row.id) };
  }

  /** Approve (with edits) or reject (with a reason). The run takes the decision as its Update. */
  async decide(id: string, body: ApprovalDecision, user: AuthUser) {
    if (body.outcome === 'reject' && !body.reason)
      throw new UnprocessableEntityException({
        message: 'a rejection needs a reason',
        problems: [{ path: 'reason', message: 'required' }],
      });
    if (body.outcome === 'reject' && body.text)
      throw new UnprocessableEntityException({
        message: 'only an approval carries an edited text',
        problems: [{ path: 'text', message: 'not allowed when rejecting' }],
      });
    const row = await this.item(id, user);
    if (row.status !== 'pending') throw new ConflictException(alreadyMessage(row));
    await this.decisions.decide(
      row.interaction_id,
      { nodeId: row.node_id, outcome: OUTCOME_OF[body.outcome], text: body.text, reason: body.reason },
      user,
    );
    return view(await this.item(id, user));
  }

  private async item(id: string, user: AuthUser): Promise<SqlRow> {
    const [row] = await this.db.query(`${SELECT_ITEMS} WHERE id = $1`, [id]);
    if (!row) throw new NotFoundException(`no approval with id "${id}"`);
    if (OWN_QUEUE_ONLY.includes(user.role) && row.payload.role !== user.role)
      throw new ForbiddenException(`${user.email} (${user.role}) may not see ${row.payload.role} approvals`);
    return row;
  }

  /** PR sees PR's queue and legal legal's; asking for another role's queue is refused, not emptied. */
  private queueRoles(asked: ApproverRole | undefined, user: AuthUser): string[] {
    if (OWN_QUEUE_ONLY.includes(user.role)) {
      if (asked && asked !== user.role) throw new ForbiddenException(`${user.email} (${user.role}) may not see the ${asked} queue`);
      return [user.role];
    }
    return asked ? [asked] : [...APPROVER_ROLES];
  }
}

function alreadyMessage(row: SqlRow): string {
  const d = row.payload.decision;
  const what: Record<ApprovalStatus, string> = {
    pending: 'is pending',
    decided: `was already ${d?.outcome ?? 'decided'}${d?.by ? ` by ${d.by}` : ''}${d?.at ? ` at ${d.at}` : ''}`,
    expired: 'ran out of time and moved to the backup approver',
    timed_out: 'ran out of time: the run went on without a decision',
    closed: 'belongs to a case that was resolved',
  };
  return `approval ${row.id} ${what[row.status as ApprovalStatus] ?? row.status}`;
}

function view(r: SqlRow) {
  const p = r.payload ?? {};
  const decision = p.decision
    ? {
        outcome: p.decision.outcome,
        by: p.decision.by,
        text: p.decision.text ?? null,
        reason: p.decision.reason ?? null,
        at: p.decision.at,
      }
    : null;
  const dueAt: string | null = p.dueAt ? String(p.dueAt) : null;
  const endedAt = decision?.at ? Date.parse(decision.at) : Date.now();
  const breached = r.status === 'expired' || r.status === 'timed_out' || (dueAt !== null && endedAt > Date.parse(dueAt));
  return {
    id: r.id,
    interactionId: r.interaction_id,
    caseId: r.case_id,
    nodeId: r.node_id,
    role: p.role,
    status: r.status as ApprovalStatus,
    draft: { text: String(p.text ?? ''), template: r.draft?.template ?? null, author: r.draft?.author ?? null },
    sla: { dueAt, breached },
    assignedTo: p.assignee ? { email: p.assignee, name: r.assignee_name ?? null, backup: !!p.backup } : null,
    decision,
    customer: r.customer_id ? { id: r.customer_id, name: r.customer } : null,
    channel: r.channel,
    message: { text: r.message, receivedAt: new Date(r.received_at).toISOString() },
    createdAt: new Date(r.created_at).toISOString(),
  };
}
