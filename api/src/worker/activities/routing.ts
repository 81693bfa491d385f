import type { ActivityResult } from '@firebreak/engine';
import type { NodeActivities } from '@firebreak/engine/temporal';
import { publishFromActivity } from '../../events/activity-events';
import { routeInteraction } from '../../routing/router';
import type { Strategy } from '../../routing/strategy';
import { ActivityContext } from './context';

type RoutingActivities = Pick<NodeActivities, 'route'>;

/** The route node: an agent for the interaction (push) or a place in its team's queue. */
export function routingActivities(ctx: ActivityContext): RoutingActivities {
  return {
    async route(input): Promise<ActivityResult> {
      const result = await routeInteraction(ctx.db, {
        interactionId: input.interactionId,
        nodeId: input.nodeId,
        idempotencyKey: input.idempotencyKey,
        team: String(input.team),
        skills: Array.isArray(input.skills) ? input.skills.map(String) : [],
        strategy: (input.strategy as Strategy | undefined) ?? 'sticky',
        mode: input.mode === 'pull' ? 'pull' : 'push',
        tier: typeof input.tier === 'string' ? input.tier : null,
        influence: typeof input.influence === 'number' ? input.influence : 0,
      });
      const who = { team: result.team, mode: result.mode, agentId: result.agentId, agentName: result.agentName, caseId: result.caseId };
      await publishFromActivity(ctx.db, input, 'interaction.routed', { status: result.status, ...who });
      if (result.status === 'assigned') await publishFromActivity(ctx.db, input, 'task.assigned', { kind: 'assignment', ...who });
      return result;
    },
  };
}
