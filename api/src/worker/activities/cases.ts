import type { ActivityResult } from '@firebreak/engine';
import type { NodeActivities } from '@firebreak/engine/temporal';
import { CrisisEntity, WorkItemEntity } from '../../database/entities';
import { ActivityContext } from './context';

type CaseActivities = Pick<NodeActivities, 'declareCrisis' | 'resolve'>;

/** Activities on the case and the workspace: crises and resolution. */
export function caseActivities(ctx: ActivityContext): CaseActivities {
  return {
    async declareCrisis(input): Promise<ActivityResult> {
      // One active crisis per topic (a partial unique index): a second declaration joins the first.
      await ctx.db.createQueryBuilder().insert().into(CrisisEntity).values({ topic: String(input.topic), status: 'active', declaredBy: `playbook:${input.nodeId}` }).orIgnore().execute();
      const item = await ctx.workItem(input, 'crisis', 'declared', { topic: input.topic });
      return { workItemId: item.id };
    },

    async resolve(input): Promise<ActivityResult> {
      await ctx.db
        .getRepository(WorkItemEntity)
        .createQueryBuilder()
        .update()
        .set({ status: 'closed' })
        .where('interaction_id = :id AND kind IN (:...kinds) AND status NOT IN (:...done)', { id: input.interactionId, kinds: ['task', 'approval', 'escalation'], done: ['closed', 'decided'] })
        .execute();
      const item = await ctx.workItem(input, 'resolution', 'resolved', { resolution: input.resolution, thankYou: input.thankYou });
      return { workItemId: item.id, thankYouPrompted: input.thankYou };
    },
  };
}
