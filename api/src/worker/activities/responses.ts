import { ApplicationFailure } from '@temporalio/activity';
import { renderTemplate, type ActivityInput, type ActivityResult } from '@firebreak/engine';
import type { NodeActivities } from '@firebreak/engine/temporal';
import { rankArticles } from '../../knowledge/knowledge.ranking';
import { PermanentSendError } from '../channels';
import { ActivityContext } from './context';

type ResponseActivities = Pick<NodeActivities, 'draft' | 'send'>;

/**
 * How many times one message is tried before the send node takes `failed`. Temporal
 * retries the activity (the workflow allows 10 attempts); this bound is ours and stays
 * below that, so a dead channel ends in `failed` instead of failing the whole run.
 */
export const SEND_MAX_ATTEMPTS = Math.min(Math.max(Number(process.env.FIREBREAK_SEND_MAX_ATTEMPTS ?? 5) || 5, 1), 9);

interface OutboxRow {
  id: string;
  status: string;
  attempts: number;
  text: string;
  visibility: 'public' | 'private';
  idempotency_key: string;
}

/** Drafting replies (template or knowledge base) and sending them through the outbox. */
export function responseActivities(ctx: ActivityContext): ResponseActivities {
  return {
    async draft(input): Promise<ActivityResult> {
      if (input.source === 'kb') return draftFromKnowledge(ctx, input);
      // A template draft without a template drafts nothing; the send after it then says "nothing to send".
      if (typeof input.template !== 'string') return { text: '', reason: 'the draft node names no template' };
      return { text: await ctx.render(input.template, input), template: input.template };
    },

    /**
     * The outbox row is written first, under the node visit's idempotency key; then the
     * adapter is called with that key. A failure throws, so Temporal retries the activity
     * and the row counts the attempt; after SEND_MAX_ATTEMPTS (or a permanent refusal) the
     * row is `failed` and so is the node's outcome. A retry after a crash finds the row: a
     * settled row is answered from the database, a pending one is tried again with the same
     * key, which the channel uses to recognise a message it already posted.
     */
    async send(input): Promise<ActivityResult> {
      const i = await ctx.interactions.findOneByOrFail({ id: input.interactionId });
      const text =
        typeof input.text === 'string' && input.text
          ? input.text
          : typeof input.template === 'string'
            ? await ctx.render(input.template, input)
            : '';
      if (!text) return { outcome: 'failed', reason: 'nothing to send' };
      await ctx.db.query(
        `INSERT INTO outbox (interaction_id, idempotency_key, channel, visibility, text, status, sent_by) VALUES ($1, $2, $3, $4, $5, 'pending', $6) ON CONFLICT (idempotency_key) DO NOTHING`,
        [i.id, input.idempotencyKey, i.channel, input.visibility, text, typeof input.sentBy === 'string' ? input.sentBy : null],
      );
      // Count the attempt before calling out: a worker that dies inside the call still used it up.
      // (Wrapped in a SELECT because TypeORM answers a bare UPDATE with [rows, count].)
      const [claimed] = await ctx.db.query<OutboxRow[]>(
        `WITH claimed AS (UPDATE outbox SET attempts = attempts + 1 WHERE idempotency_key = $1 AND status = 'pending' RETURNING *) SELECT * FROM claimed`,
        [input.idempotencyKey],
      );
      if (!claimed) return settled(ctx, input);

      try {
        const receipt = await ctx.adapter.send({
          channel: i.channel,
          visibility: claimed.visibility,
          text: claimed.text,
          inReplyTo: i.externalId,
          recipient: i.author,
          idempotencyKey: claimed.idempotency_key,
        });
        await ctx.db.query(
          `UPDATE outbox SET status = $2, sent_at = now(), adapter = $3, external_message_id = $4, last_error = NULL WHERE id = $1`,
          [claimed.id, receipt.status, receipt.adapter ?? ctx.adapter.name, receipt.externalMessageId ?? null],
        );
        return { outcome: 'sent', outboxId: claimed.id, status: receipt.status, attempts: claimed.attempts };
      } catch (e) {
        const error = (e as Error).message;
        const permanent = e instanceof PermanentSendError;
        if (permanent || claimed.attempts >= SEND_MAX_ATTEMPTS) {
          await ctx.db.query(`UPDATE outbox SET status = 'failed', last_error = $2 WHERE id = $1`, [claimed.id, error]);
          return {
            outcome: 'failed',
            outboxId: claimed.id,
            attempts: claimed.attempts,
            reason: permanent ? error : `gave up after ${claimed.attempts} attempts: ${error}`,
          };
        }
        await ctx.db.query(`UPDATE outbox SET last_error = $2 WHERE id = $1`, [claimed.id, error]);
        throw ApplicationFailure.retryable(
          `send attempt ${claimed.attempts} of ${SEND_MAX_ATTEMPTS} failed: ${error}`,
          'ChannelUnavailable',
        );
      }
    },
  };
}

/** A retry of a send whose row is already decided: answer from the row, call nobody. */
async function settled(ctx: ActivityContext, input: ActivityInput): Promise<ActivityResult> {
  const [row] = await ctx.db.query<Array<OutboxRow & { last_error: string | null }>>(`SELECT * FROM outbox WHERE idempotency_key = $1`, [
    input.idempotencyKey,
  ]);
  if (row.status === 'failed') return { outcome: 'failed', outboxId: row.id, attempts: row.attempts, reason: row.last_error ?? 'failed' };
  return { outcome: 'sent', outboxId: row.id, status: row.status, attempts: row.attempts };
}

/**
 * The best article for the message (full-text rank plus the keyword boost, see
 * knowledge.ranking), rendered with the run's context. No article is an outcome of its
 * own, so the playbook can fall back to a template or a person.
 */
async function draftFromKnowledge(ctx: ActivityContext, input: ActivityInput): Promise<ActivityResult> {
  const i = await ctx.interactions.findOneByOrFail({ id: input.interactionId });
  const [best] = await rankArticles(ctx.db, i.text, 1);
  if (!best) return { outcome: 'no_article', reason: 'no knowledge-base article matches the message' };
  const text = renderTemplate(best.body, await ctx.templateContext(input));
  return { text, articleId: best.id, title: best.title, score: best.score, keywordMatched: best.why.keywordMatched };
}
