import { ApplicationFailure } from '@temporalio/activity';
import { analyzeFor, CRISIS_PREFIX, CompiledAnalysis, compilePlaybook, InteractionRef } from '@firebreak/engine';
import type { InteractionWorkflowInput, PreparedRun, RunActivities, RunRecord } from '@firebreak/engine/temporal';
import { activeCrises, detectCrises } from '../../crises/crisis-detector';
import { PlaybookVersionEntity } from '../../database/entities';
import { publishEvent } from '../../events/publish';
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
      const interaction: InteractionRef = {
        id: i.id,
        channel: i.channel,
        visibility: i.visibility,
        text: i.text,
        author: i.author,
        receivedAt: i.receivedAt.toISOString(),
        ...(i.account ? { account: i.account } : {}),
      };
      if (i.facts) return { playbook: version.graph, interaction, facts: i.facts }; // a retry: the facts were fixed the first time
      const analysis = compiled.get(version.id)!;
      let facts = analyzeFor(analysis, { ...interaction }, await activeCrises(ctx.db));
      await ctx.interactions.update({ id: i.id }, { facts: asJson(facts) });
      // About a crisis topic of the playbook: the matches are stored, so the spike detector
      // counts this message too; when it declares a crisis, analyse again knowing it (a
      // message about an active crisis is an escalating crisis issue).
      if (Object.keys(facts.matches).some((k) => k.startsWith(CRISIS_PREFIX))) {
        const declared = await detectCrises(ctx.db, version.graph, facts.matches, i.receivedAt);
        if (declared.length) {
          facts = analyzeFor(analysis, { ...interaction }, await activeCrises(ctx.db));
          await ctx.interactions.update({ id: i.id }, { facts: asJson(facts) });
        }
      }
      return { playbook: version.graph, interaction, facts };
    },

    async recordRun(r: RunRecord): Promise<void> {
      await ctx.interactions.update(
        { id: r.interactionId },
        { status: r.status, path: asJson(r.path), vars: asJson(r.vars), waiting: asJson(r.waiting ?? null), reason: r.reason ?? null },
      );
      // Recorded when the run stops to wait or ends: what a live view shows as its progress.
      const last = r.path[r.path.length - 1];
      const finished = r.status === 'completed' || r.status === 'failed';
      await publishEvent(ctx.db, {
        type: finished ? 'interaction.finished' : 'interaction.step',
        interactionId: r.interactionId,
        workflowId: r.workflowId,
        nodeId: r.waiting?.nodeId ?? last?.nodeId,
        status: r.status,
        kind: last?.kind,
        outcome: last?.outcome,
        steps: r.path.length,
        ...(r.reason ? { reason: r.reason.slice(0, 500) } : {}),
      });
    },
  };
}
