import {
  BadGatewayException,
  ConflictException,
  Injectable,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { renderTemplate, type TemplateContext } from '@firebreak/engine';
import type { AuthUser } from '../auth/roles';
import { INBOX_REPLY_PREFIX } from '../approvals/case-context';
import { TemplateEntity } from '../database/entities';
import { KnowledgeService } from '../knowledge/knowledge.service';
import { ActivityContext } from '../worker/activities/context';
import { responseActivities } from '../worker/activities/responses';
import { channelAdaptersFromConfig, type ChannelAdapter } from '../worker/channels';
import type { ReplyBody } from './inbox.schema';
import { InboxService, type InboxItemRow } from './inbox.service';

/** How many knowledge-base articles the composer offers. */
const ARTICLES = 3;

/**
 * What an agent answers with: suggested replies (templates and knowledge-base articles,
 * rendered for the case with the engine's template context) and the reply itself, which
 * leaves through the playbook's own send path (outbox row first, then the channel adapter,
 * once per idempotency key), so it is in the thread and counts for FRT and ART.
 */
@Injectable()
export class RepliesService {
  private adapter?: ChannelAdapter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly inbox: InboxService,
    private readonly knowledge: KnowledgeService,
  ) {}

  /** The same adapters as the worker's, from the same configuration; built on first use so a bad one fails the send, not the api. */
  private context(): ActivityContext {
    this.adapter ??= channelAdaptersFromConfig(this.db);
    return new ActivityContext(this.db, this.adapter);
  }

  async suggestions(itemId: string, user: AuthUser) {
    const item = await this.inbox.workItem(itemId, user, true);
    const target = await this.target(item);
    const context = await this.templateContext(item, target);
    const suggested = await this.suggestedReplies(item);
    const templates = await this.db.getRepository(TemplateEntity).find({ order: { name: 'ASC' } });
    const ordered = [
      ...suggested.flatMap((n) => templates.filter((t) => t.name === n)),
      ...templates.filter((t) => !suggested.includes(t.name)),
    ];
    const articles = (await this.knowledge.search(target.text, ARTICLES)).results;
    return {
      interactionId: target.id,
      templates: ordered.map((t) => ({ name: t.name, suggested: suggested.includes(t.name), ...rendered(t.source, context) })),
      articles: await Promise.all(
        articles.map(async (a) => ({
          id: a.id,
          title: a.title,
          score: a.score,
          ...rendered((await this.knowledge.get(a.id)).body, context),
        })),
      ),
    };
  }

  async reply(itemId: string, body: ReplyBody, clientKey: string | undefined, user: AuthUser) {
    const item = await this.inbox.workItem(itemId, user);
    const target = await this.target(item, body.interactionId);
    const text = body.text ?? (await this.composed(item, target, body));
    const idempotencyKey = `${INBOX_REPLY_PREFIX}${item.id}:${clientKey ?? body.clientId ?? randomUUID()}`;
    const [earlier] = await this.db.query(`SELECT text, interaction_id FROM outbox WHERE idempotency_key = $1`, [idempotencyKey]);
    if (earlier && (earlier.text !== text || earlier.interaction_id !== target.id))
      throw new ConflictException('this Idempotency-Key was used for a different reply');
    let result;
    try {
      result = await responseActivities(this.context()).send({
        interactionId: target.id,
        nodeId: 'inbox',
        idempotencyKey,
        visibility: body.visibility ?? target.visibility,
        text,
        sentBy: user.email,
      });
    } catch (e) {
      // The send path's "try again": the outbox row waits, and a retry with the same key finishes it.
      throw new ServiceUnavailableException(
        `the channel did not take the reply yet (${(e as Error).message}); retry with the same Idempotency-Key`,
      );
    }
    if (result.outcome !== 'sent') throw new BadGatewayException(`the channel refused the reply: ${result.reason}`);
    if (item.case_id) await this.db.query(`UPDATE cases SET last_activity_at = now() WHERE id = $1`, [item.case_id]);
    const [row] = await this.db.query(
      `SELECT id, interaction_id, channel, visibility, text, status, sent_at, sent_by FROM outbox WHERE idempotency_key = $1`,
      [idempotencyKey],
    );
    return {
      outboxId: row.id,
      interactionId: row.interaction_id,
      channel: row.channel,
      visibility: row.visibility,
      text: row.text,
      status: row.status,
      sentAt: row.sent_at,
      sentBy: row.sent_by,
      idempotencyKey,
    };
  }

  /** The message to answer: one of the case's (422 otherwise), by default the newest. */
  private async target(item: InboxItemRow, asked?: string): Promise<{ id: string; text: string; visibility: 'public' | 'private' }> {
    const [row] = await this.db.query(
      `SELECT id, text, visibility FROM interactions WHERE ${item.case_id ? 'case_id = $1' : 'id = $1'} AND ($2::uuid IS NULL OR id = $2)
        ORDER BY received_at DESC, created_at DESC LIMIT 1`,
      [item.case_id ?? item.interaction_id, asked ?? null],
    );
    if (!row)
      throw new UnprocessableEntityException({
        message: `interaction ${asked} is not part of this case`,
        problems: [{ path: 'interactionId', message: 'not a message of this case' }],
      });
    return row;
  }

  /** The run's template context (its assignment, the case's order number), about the message being answered. */
  private async templateContext(item: InboxItemRow, target: { id: string; text: string }): Promise<TemplateContext> {
    const context = await this.context().templateContext({ interactionId: item.interaction_id });
    return { ...context, message: { ...context.message, text: target.text } };
  }

  /** The task's suggested replies, or those of the case's open task when the item is its assignment. */
  private async suggestedReplies(item: InboxItemRow): Promise<string[]> {
    if (item.kind === 'task') return item.payload.suggestedReplies ?? [];
    const [task] = await this.db.query(
      `SELECT w.payload->'suggestedReplies' AS names FROM work_items w JOIN interactions i ON i.id = w.interaction_id
        WHERE i.case_id = $1 AND w.kind = 'task' AND w.status = 'open' ORDER BY w.created_at LIMIT 1`,
      [item.case_id],
    );
    return task?.names ?? [];
  }

  private async composed(item: InboxItemRow, target: { id: string; text: string }, body: ReplyBody): Promise<string> {
    const context = await this.templateContext(item, target);
    if (body.template) {
      const t = await this.db.getRepository(TemplateEntity).findOneBy({ name: body.template });
      if (!t)
        throw new UnprocessableEntityException({
          message: `no template "${body.template}"`,
          problems: [{ path: 'template', message: 'unknown' }],
        });
      return renderTemplate(t.source, context);
    }
    const article = await this.knowledge.get(body.articleId!).catch(() => {
      throw new UnprocessableEntityException({
        message: `no article "${body.articleId}"`,
        problems: [{ path: 'articleId', message: 'unknown' }],
      });
    });
    return renderTemplate(article.body, context);
  }
}

function rendered(source: string, context: TemplateContext): { text: string } | { text: null; error: string } {
  try {
    return { text: renderTemplate(source, context) };
  } catch (e) {
    return { text: null, error: (e as Error).message };
  }
}
