import type { ActivityResult } from '@firebreak/engine';
import type { NodeActivities } from '@firebreak/engine/temporal';
import { OutboxEntity } from '../../database/entities';
import { ActivityContext } from './context';

type ResponseActivities = Pick<NodeActivities, 'draft' | 'send'>;

/** Drafting replies and sending them through the outbox. */
export function responseActivities(ctx: ActivityContext): ResponseActivities {
  return {
    async draft(input): Promise<ActivityResult> {
      if (input.source === 'template' && typeof input.template === 'string') return { text: await ctx.render(input.template, input.interactionId), template: input.template };
      // Knowledge-base drafting (PostgreSQL full-text search) is not built yet: an empty draft goes on to the next node.
      return { text: '', articleId: null };
    },

    /** Written to the outbox before it is sent, under the idempotency key: a retry never sends twice. */
    async send(input): Promise<ActivityResult> {
      const i = await ctx.interactions.findOneByOrFail({ id: input.interactionId });
      const text = typeof input.text === 'string' && input.text ? input.text : typeof input.template === 'string' ? await ctx.render(input.template, i.id) : '';
      if (!text) return { outcome: 'failed', reason: 'nothing to send' };
      const outbox = ctx.db.getRepository(OutboxEntity);
      await ctx.db
        .createQueryBuilder()
        .insert()
        .into(OutboxEntity)
        .values({ interactionId: i.id, idempotencyKey: input.idempotencyKey, channel: i.channel, visibility: input.visibility as 'public' | 'private', text, status: 'pending' })
        .orIgnore()
        .execute();
      const row = await outbox.findOneByOrFail({ idempotencyKey: input.idempotencyKey });
      if (row.status !== 'pending') return { outcome: row.status === 'failed' ? 'failed' : 'sent', outboxId: row.id, status: row.status };
      const status = await ctx.adapter.send({ channel: i.channel, visibility: row.visibility, text, inReplyTo: i.externalId, recipient: i.author, idempotencyKey: row.idempotencyKey });
      await outbox.update({ id: row.id }, { status, attempts: row.attempts + 1, sentAt: new Date() });
      return { outcome: 'sent', outboxId: row.id, status, text };
    },
  };
}
