import { ApplicationFailure } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { ActivityInput, buildTemplateContext, renderTemplate, TemplateContext } from '@firebreak/engine';
import { InteractionEntity, TemplateEntity, WorkItemEntity } from '../../database/entities';
import { asJson } from '../../database/json';
import { ChannelAdapter } from '../channels';

/** What every group of activities shares: the database, the channel adapter and a few helpers. */
export class ActivityContext {
  constructor(
    readonly db: DataSource,
    readonly adapter: ChannelAdapter,
  ) {}

  get interactions() {
    return this.db.getRepository(InteractionEntity);
  }

  /** The work item of this node visit, created once: a retried activity finds the first one. */
  async workItem(
    input: ActivityInput,
    kind: WorkItemEntity['kind'],
    status: string,
    payload: Record<string, unknown>,
  ): Promise<WorkItemEntity> {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(WorkItemEntity)
      .values({
        interactionId: input.interactionId,
        nodeId: input.nodeId,
        kind,
        idempotencyKey: input.idempotencyKey,
        status,
        payload: asJson(payload),
      })
      .orIgnore()
      .execute();
    return this.db.getRepository(WorkItemEntity).findOneByOrFail({ idempotencyKey: input.idempotencyKey });
  }

  /**
   * The variables every template of a run sees, built by the engine's one mapping from the
   * interaction, its facts and the run's vars as last recorded (so the assignment of an
   * earlier route node is there), plus the order number the customer's case knows.
   */
  async templateContext(interactionId: string): Promise<TemplateContext> {
    const i = await this.interactions.findOneByOrFail({ id: interactionId });
    return buildTemplateContext({ interaction: i, facts: i.facts, vars: i.vars, order: await this.caseOrder(interactionId) });
  }

  /** The newest order number the customer gave on any channel (an identity of kind order_number). */
  private async caseOrder(interactionId: string): Promise<{ number?: string } | null> {
    try {
      const rows = await this.db.query<Array<{ value: string }>>(
        `SELECT ci.value FROM interactions i JOIN customer_identities ci ON ci.customer_id = i.customer_id
         WHERE i.id = $1 AND ci.kind = 'order_number' ORDER BY ci.created_at DESC LIMIT 1`,
        [interactionId],
      );
      return rows[0] ? { number: rows[0].value } : null;
    } catch (e) {
      // A database without the customers tables (their migration not run): no case, no order number.
      if (['42P01', '42703'].includes((e as { driverError?: { code?: string } }).driverError?.code ?? '')) return null;
      throw e;
    }
  }

  async render(name: string, interactionId: string): Promise<string> {
    const t = await this.db.getRepository(TemplateEntity).findOneBy({ name });
    if (!t) throw ApplicationFailure.nonRetryable(`template "${name}" does not exist`, 'MissingTemplate');
    return renderTemplate(t.source, await this.templateContext(interactionId));
  }

  async renderInline(source: string, interactionId: string): Promise<string> {
    return renderTemplate(source, await this.templateContext(interactionId));
  }
}
