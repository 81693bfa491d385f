import { ApplicationFailure } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { analyzeFor, ActivityInput, ActivityResult, CompiledAnalysis, compilePlaybook, InteractionRef, renderTemplate, TemplateContext } from '@firebreak/engine';
import type { FirebreakActivities, InteractionWorkflowInput, PreparedRun, RunRecord } from '@firebreak/engine/temporal';
import { CrisisEntity, InteractionEntity, OutboxEntity, PlaybookVersionEntity, TemplateEntity, WorkItemEntity } from '../database/entities';
import { asJson } from '../database/json';
import { ChannelAdapter, sandboxAdapter } from './channels';

/**
 * The activities of the interaction workflow, on the api's own tables. Each one is
 * idempotent on its input's idempotency key (a unique column), because Temporal retries
 * an activity whose worker died mid-way: a retry finds the row and does not act twice.
 */
export function createActivities(db: DataSource, adapter: ChannelAdapter = sandboxAdapter): FirebreakActivities {
  const compiled = new Map<string, CompiledAnalysis>();
  const interactions = db.getRepository(InteractionEntity);

  async function workItem(input: ActivityInput, kind: WorkItemEntity['kind'], status: string, payload: Record<string, unknown>): Promise<WorkItemEntity> {
    await db.createQueryBuilder().insert().into(WorkItemEntity).values({ interactionId: input.interactionId, nodeId: input.nodeId, kind, idempotencyKey: input.idempotencyKey, status, payload: asJson(payload) }).orIgnore().execute();
    return db.getRepository(WorkItemEntity).findOneByOrFail({ idempotencyKey: input.idempotencyKey });
  }

  async function templateContext(interactionId: string): Promise<TemplateContext> {
    const i = await interactions.findOneByOrFail({ id: interactionId });
    return { customer: { name: i.author.name, handle: i.author.handle, tier: i.author.tier }, message: { text: i.text, channel: i.channel } };
  }

  async function render(name: string, interactionId: string): Promise<string> {
    const t = await db.getRepository(TemplateEntity).findOneBy({ name });
    if (!t) throw ApplicationFailure.nonRetryable(`template "${name}" does not exist`, 'MissingTemplate');
    return renderTemplate(t.source, await templateContext(interactionId));
  }

  return {
    async prepareRun({ interactionId, playbookVersionId }: InteractionWorkflowInput): Promise<PreparedRun> {
      const i = await interactions.findOneBy({ id: interactionId });
      if (!i) throw ApplicationFailure.nonRetryable(`interaction ${interactionId} does not exist`, 'NotFound');
      const version = await db.getRepository(PlaybookVersionEntity).findOneByOrFail({ id: playbookVersionId });
      if (!compiled.has(version.id)) compiled.set(version.id, compilePlaybook(version.graph));
      const active = await db.getRepository(CrisisEntity).findBy({ status: 'active' });
      const interaction: InteractionRef = { id: i.id, channel: i.channel, visibility: i.visibility, text: i.text, author: i.author, receivedAt: i.receivedAt.toISOString() };
      const facts = i.facts ?? analyzeFor(compiled.get(version.id)!, { ...interaction }, { active: active.length > 0, topics: active.map((c) => c.topic) });
      await interactions.update({ id: i.id }, { facts: asJson(facts) });
      return { playbook: version.graph, interaction, facts };
    },

    async recordRun(r: RunRecord): Promise<void> {
      await interactions.update({ id: r.interactionId }, { status: r.status, path: asJson(r.path), vars: asJson(r.vars), waiting: asJson(r.waiting ?? null), reason: r.reason ?? null });
    },

    async route(input): Promise<ActivityResult> {
      const item = await workItem(input, 'assignment', input.mode === 'pull' ? 'queued' : 'assigned', { team: input.team, skills: input.skills, strategy: input.strategy, mode: input.mode, tier: input.tier, influence: input.influence });
      return { team: item.payload.team, mode: item.payload.mode, workItemId: item.id };
    },

    async escalate(input): Promise<ActivityResult> {
      const item = await workItem(input, 'escalation', 'open', { rung: input.rung, to: input.to, team: input.team, sla: input.sla, note: input.note });
      return { workItemId: item.id, to: input.to };
    },

    async draft(input): Promise<ActivityResult> {
      if (input.source === 'template' && typeof input.template === 'string') return { text: await render(input.template, input.interactionId), template: input.template };
      // Knowledge-base drafting (PostgreSQL full-text search) is not built yet: an empty draft goes on to the next node.
      return { text: '', articleId: null };
    },

    async requestApproval(input): Promise<ActivityResult> {
      const item = await workItem(input, 'approval', 'pending', { role: input.role, text: input.text, dueAt: input.dueAt, backup: input.backup });
      return { workItemId: item.id };
    },

    async send(input): Promise<ActivityResult> {
      const i = await interactions.findOneByOrFail({ id: input.interactionId });
      const text = typeof input.text === 'string' && input.text ? input.text : typeof input.template === 'string' ? await render(input.template, i.id) : '';
      if (!text) return { outcome: 'failed', reason: 'nothing to send' };
      const outbox = db.getRepository(OutboxEntity);
      await db.createQueryBuilder().insert().into(OutboxEntity).values({ interactionId: i.id, idempotencyKey: input.idempotencyKey, channel: i.channel, visibility: input.visibility as 'public' | 'private', text, status: 'pending' }).orIgnore().execute();
      const row = await outbox.findOneByOrFail({ idempotencyKey: input.idempotencyKey });
      if (row.status !== 'pending') return { outcome: row.status === 'failed' ? 'failed' : 'sent', outboxId: row.id, status: row.status };
      const status = await adapter.send({ channel: i.channel, visibility: row.visibility, text, inReplyTo: i.externalId, recipient: i.author, idempotencyKey: row.idempotencyKey });
      await outbox.update({ id: row.id }, { status, attempts: row.attempts + 1, sentAt: new Date() });
      return { outcome: 'sent', outboxId: row.id, status, text };
    },

    async createTask(input): Promise<ActivityResult> {
      const prompt = renderTemplate(String(input.prompt), await templateContext(input.interactionId));
      const item = await workItem(input, 'task', 'open', { prompt, checklist: input.checklist, suggestedReplies: input.suggestedReplies, outcomes: input.outcomes, dueAt: input.dueAt });
      return { workItemId: item.id };
    },

    async notify(input): Promise<ActivityResult> {
      const message = renderTemplate(String(input.message), await templateContext(input.interactionId));
      const item = await workItem(input, 'notification', 'sent', { to: input.to, message });
      return { workItemId: item.id };
    },

    async declareCrisis(input): Promise<ActivityResult> {
      await db.createQueryBuilder().insert().into(CrisisEntity).values({ topic: String(input.topic), status: 'active', declaredBy: `playbook:${input.nodeId}` }).orIgnore().execute();
      const item = await workItem(input, 'crisis', 'declared', { topic: input.topic });
      return { workItemId: item.id };
    },

    async resolve(input): Promise<ActivityResult> {
      await db.getRepository(WorkItemEntity).createQueryBuilder().update().set({ status: 'closed' }).where('interaction_id = :id AND kind IN (:...kinds) AND status NOT IN (:...done)', { id: input.interactionId, kinds: ['task', 'approval', 'escalation'], done: ['closed', 'decided'] }).execute();
      const item = await workItem(input, 'resolution', 'resolved', { resolution: input.resolution, thankYou: input.thankYou });
      return { workItemId: item.id, thankYouPrompted: input.thankYou };
    },
  };
}
