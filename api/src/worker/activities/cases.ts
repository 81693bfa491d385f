import type { ActivityResult } from '@firebreak/engine';
import type { NodeActivities } from '@firebreak/engine/temporal';
import { resolveCase } from '../../cases/resolve-case';
import { CrisisEntity, TemplateEntity } from '../../database/entities';
import { publishFromActivity } from '../../events/activity-events';
import { ActivityContext } from './context';

type CaseActivities = Pick<NodeActivities, 'declareCrisis' | 'resolve'>;

/** Activities on the case and the workspace: crises and resolution. */
export function caseActivities(ctx: ActivityContext): CaseActivities {
  return {
    async declareCrisis(input): Promise<ActivityResult> {
      // One active crisis per topic (a partial unique index): a second declaration joins the first.
      const inserted = await ctx.db
        .createQueryBuilder()
        .insert()
        .into(CrisisEntity)
        .values({ topic: String(input.topic), status: 'active', declaredBy: `playbook:${input.nodeId}` })
        .orIgnore()
        .returning('id')
        .execute();
      const [crisis] = inserted.raw as Array<{ id: string }>;
      if (crisis)
        await publishFromActivity(ctx.db, input, 'crisis.declared', {
          crisisId: crisis.id,
          topic: input.topic,
          by: `playbook:${input.nodeId}`,
        });
      const item = await ctx.workItem(input, 'crisis', 'declared', { topic: input.topic });
      return { workItemId: item.id };
    },

    /**
     * Close the case (its items, its agents' load) and record the resolution; on a public
     * thread, prompt the agent with a public thank-you drafted from the `thank-you` template.
     */
    async resolve(input): Promise<ActivityResult> {
      const closed = await resolveCase(
        ctx.db,
        { interactionId: input.interactionId },
        { resolution: String(input.resolution), by: `playbook:${input.nodeId}` },
      );
      const thankYou = input.thankYou
        ? {
            prompt: 'Thank the customer publicly in the thread.',
            draft: (await ctx.db.getRepository(TemplateEntity).existsBy({ name: 'thank-you' }))
              ? await ctx.render('thank-you', input)
              : null,
          }
        : null;
      const item = await ctx.workItem(input, 'resolution', 'resolved', { resolution: input.resolution, caseId: closed.caseId, thankYou });
      return { workItemId: item.id, caseId: closed.caseId, caseClosed: closed.closed, thankYouPrompted: !!thankYou };
    },
  };
}
