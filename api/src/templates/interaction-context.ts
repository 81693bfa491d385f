import { NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildTemplateContext, TemplateContext } from '@firebreak/engine';
import { InteractionEntity } from '../database/entities';

/**
 * The context a reply to this interaction would be rendered with, as the worker builds it
 * (ActivityContext.templateContext): the interaction, its facts, the run's vars as last
 * recorded, and the newest order number the customer gave on any channel.
 */
export async function interactionTemplateContext(db: DataSource, interactionId: string): Promise<TemplateContext> {
  const i = await db.getRepository(InteractionEntity).findOneBy({ id: interactionId });
  if (!i) throw new NotFoundException(`no interaction with id "${interactionId}"`);
  const [order] = await db.query<Array<{ value: string }>>(
    `SELECT ci.value FROM customer_identities ci JOIN interactions i ON ci.customer_id = i.customer_id
      WHERE i.id = $1 AND ci.kind = 'order_number' ORDER BY ci.created_at DESC LIMIT 1`,
    [interactionId],
  );
  return buildTemplateContext({ interaction: i, facts: i.facts, vars: i.vars, order: order ? { number: order.value } : null });
}
