import { ApplicationFailure } from '@temporalio/activity';
import { analyzeFor, CompiledAnalysis, compilePlaybook, InteractionRef } from '@firebreak/engine';
import type { InteractionWorkflowInput, PreparedRun, RunActivities, RunRecord } from '@firebreak/engine/temporal';
import { CrisisEntity, PlaybookVersionEntity } from '../../database/entities';
import { asJson } from '../../database/json';
import { ActivityContext } from './context';

/** Loading a run (graph, interaction, facts) and recording its progress on the interaction row. */
export function runActivities(ctx: ActivityContext): RunActivities {
  // Compiling a version's analysis is the costly part; versions are immutable, so cache it.
  const compiled = new Map<string, CompiledAnalysis>();
  return {
    async prepareRun({ interactionId, playbookVersionId }: InteractionWorkflowInput): Promise<PreparedRun> {
      const i = await ctx.interactions.findOneBy({ id: interactionId });
      if (!i) throw ApplicationFailure.nonRetryable(`interaction ${interactionId} does not exist`, 'NotFound');
      const version = await ctx.db.getRepository(PlaybookVersionEntity).findOneByOrFail({ id: playbookVersionId });
      if (!compiled.has(version.id)) compiled.set(version.id, compilePlaybook(version.graph));
      const active = await ctx.db.getRepository(CrisisEntity).findBy({ status: 'active' });
      const interaction: InteractionRef = { id: i.id, channel: i.channel, visibility: i.visibility, text: i.text, author: i.author, receivedAt: i.receivedAt.toISOString() };
      const facts = i.facts ?? analyzeFor(compiled.get(version.id)!, { ...interaction }, { active: active.length > 0, topics: active.map((c) => c.topic) });
      await ctx.interactions.update({ id: i.id }, { facts: asJson(facts) });
      return { playbook: version.graph, interaction, facts };
    },

    async recordRun(r: RunRecord): Promise<void> {
      await ctx.interactions.update(
        { id: r.interactionId },
        { status: r.status, path: asJson(r.path), vars: asJson(r.vars), waiting: asJson(r.waiting ?? null), reason: r.reason ?? null },
      );
    },
  };
}
