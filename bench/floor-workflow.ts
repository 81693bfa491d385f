/**
 * The bare-Temporal floor of the engine benchmark: the least a workflow engine can do per
 * interaction on this server — start a workflow, run one activity that does nothing, end.
 * Bundled on its own with `bundleWorkflowCode` (see floor.ts); it imports only the SDK.
 */
import { proxyActivities } from '@temporalio/workflow';

export interface FloorActivities {
  noop(id: string): Promise<void>;
}

// The same timeouts and retry shape as the interaction workflow's run activities.
const { noop } = proxyActivities<FloorActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', maximumInterval: '30s' },
});

export async function floorWorkflow(id: string): Promise<void> {
  await noop(id);
}
