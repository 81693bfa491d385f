import {
  ForbiddenException,
  HttpException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
  ConflictException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { decideUpdate } from '@firebreak/engine/temporal';
import type { AuthUser } from '../auth/roles';
import { publishEvent } from '../events/publish';
import { InteractionEntity, WorkItemEntity } from '../database/entities';
import { TemporalService } from '../temporal/temporal.module';

export interface DecisionBody {
  nodeId: string;
  outcome: string;
  text?: string;
  reason?: string;
}

/** Who decides, as the auth guard established it: never taken from the request body. */
export type DecidingUser = Pick<AuthUser, 'email' | 'role'>;

/** How the workflow's validator refusals map to HTTP. */
const STATUS: Record<string, (m: string) => HttpException> = {
  not_waiting: (m) => new ConflictException(m),
  invalid_outcome: (m) => new UnprocessableEntityException(m),
  forbidden: (m) => new ForbiddenException(m),
  own_draft: (m) => new ForbiddenException(m),
};

/**
 * A person's decision on a waiting node (approval, agent task, escalation), delivered to
 * the run as a Temporal Update. The workflow's validator is the one judge of whether it
 * may be taken; refused decisions never reach the history.
 */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly temporal: TemporalService,
  ) {}

  async decide(interactionId: string, body: DecisionBody, user: DecidingUser) {
    const row = await this.db.getRepository(InteractionEntity).findOneBy({ id: interactionId });
    if (!row) throw new NotFoundException(`no interaction with id "${interactionId}"`);
    const decision = { nodeId: body.nodeId, outcome: body.outcome, text: body.text, reason: body.reason, by: user.email, role: user.role };
    const client = await this.temporal.client();
    let result;
    try {
      result = await client.workflow.getHandle(row.workflowId).executeUpdate(decideUpdate, { args: [decision] });
    } catch (e) {
      const cause = e instanceof WorkflowUpdateFailedError ? e.cause : undefined;
      if (cause instanceof ApplicationFailure && cause.type && STATUS[cause.type]) throw STATUS[cause.type](cause.message);
      throw new ConflictException(
        `the run of interaction ${interactionId} does not take decisions now: ${(cause ?? (e as Error)).message}`,
      );
    }
    const updated = await this.db
      .getRepository(WorkItemEntity)
      .createQueryBuilder()
      .update()
      .set({ status: 'decided', payload: () => `payload || :decision::jsonb` })
      .setParameter('decision', JSON.stringify({ decision: { ...decision, at: new Date().toISOString() } }))
      // The item of the node's current visit (the newest). The run may already have gone on and
      // resolved the case, closing the item, before this write: the decision is still recorded.
      .where(
        `id = (SELECT w.id FROM work_items w WHERE w.interaction_id = :id AND w.node_id = :nodeId AND w.kind IN ('approval','task','escalation')
                ORDER BY w.created_at DESC LIMIT 1) AND status IN ('pending','open','closed')`,
        { id: interactionId, nodeId: body.nodeId },
      )
      .returning(['id', 'kind'])
      .execute();
    const [item] = updated.raw as Array<{ id: string; kind: string }>;
    await publishEvent(this.db, {
      type: item?.kind === 'approval' ? 'approval.decided' : 'task.completed',
      interactionId,
      workflowId: row.workflowId,
      nodeId: body.nodeId,
      kind: item?.kind,
      workItemId: item?.id,
      outcome: body.outcome,
      by: user.email,
    });
    return result;
  }
}
