import { Context } from '@temporalio/activity';
import type { LiveEventType } from '@firebreak/engine';
import { publishEvent, Queryable } from './publish';

/**
 * A live event from inside an activity: the interaction and node from its input, the
 * workflow id from the activity's own context. A retried activity may publish twice; the
 * event is a nudge to look, its consumers re-read the state.
 */
export function publishFromActivity(
  db: Queryable,
  input: { interactionId: string; nodeId?: string },
  type: LiveEventType,
  detail: Record<string, unknown> = {},
): Promise<void> {
  return publishEvent(db, { type, interactionId: input.interactionId, workflowId: currentWorkflowId(), nodeId: input.nodeId, ...detail });
}

function currentWorkflowId(): string | undefined {
  try {
    return Context.current().info.workflowExecution?.workflowId;
  } catch {
    return undefined; // called outside an activity (a test, a script)
  }
}
