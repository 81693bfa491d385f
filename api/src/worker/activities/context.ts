import { ApplicationFailure } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { ActivityInput, renderTemplate, TemplateContext } from '@firebreak/engine';
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
  async workItem(input: ActivityInput, kind: WorkItemEntity['kind'], status: string, payload: Record<string, unknown>): Promise<WorkItemEntity> {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(WorkItemEntity)
      .values({ interactionId: input.interactionId, nodeId: input.nodeId, kind, idempotencyKey: input.idempotencyKey, status, payload: asJson(payload) })
      .orIgnore()
      .execute();
    return this.db.getRepository(WorkItemEntity).findOneByOrFail({ idempotencyKey: input.idempotencyKey });
  }

  async templateContext(interactionId: string): Promise<TemplateContext> {
    const i = await this.interactions.findOneByOrFail({ id: interactionId });
    return { customer: { name: i.author.name, handle: i.author.handle, tier: i.author.tier }, message: { text: i.text, channel: i.channel } };
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
