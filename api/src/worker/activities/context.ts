import { ApplicationFailure } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { ActivityInput, buildTemplateContext, renderTemplate, RunVars, TemplateContext } from '@firebreak/engine';
import { InteractionEntity, TemplateEntity, WorkItemEntity } from '../../database/entities';
import { asJson } from '../../database/json';
import { ChannelAdapter } from '../channels';

/** The run an activity works for: its interaction and, from the workflow, the run's vars. */
export type RunRef = Pick<ActivityInput, 'interactionId' | 'vars'>;

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
   * interaction, its facts and the run's vars (so the assignment of an earlier route node
   * is there), plus the order number the customer's case knows. The vars come with the
   * activity's input (the workflow passes the run's current ones); runs started before it
   * did read them as last recorded on the interaction.
   */
  async templateContext(ref: RunRef): Promise<TemplateContext> {
    const i = await this.interactions.findOneByOrFail({ id: ref.interactionId });
    const vars = (ref.vars as RunVars | undefined) ?? i.vars;
    return buildTemplateContext({ interaction: i, facts: i.facts, vars, order: await this.caseOrder(ref.interactionId) });
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

  async render(name: string, ref: RunRef): Promise<string> {
    const t = await this.db.getRepository(TemplateEntity).findOneBy({ name });
    if (!t) throw ApplicationFailure.nonRetryable(`template "${name}" does not exist`, 'MissingTemplate');
    return renderTemplate(t.source, await this.templateContext(ref));
  }

  async renderInline(source: string, ref: RunRef): Promise<string> {
    return renderTemplate(source, await this.templateContext(ref));
  }
}
