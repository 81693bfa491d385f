/**
 * The floor's worker, its own process like Firebreak's worker (api/src/worker/worker.ts),
 * with the same connection type and worker settings, on its own task queue. The no-op
 * activity tells the benchmark the moment it ran (over the IPC channel): that instant ends
 * the floor's measured span, as the committed `work_items` row ends Firebreak's.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import type { FloorActivities } from './floor-workflow';

export const FLOOR_TASK_QUEUE = 'bench-floor';

/** Firebreak's worker settings (api/src/worker/worker.ts): everything else is the SDK default. */
export const WORKER_SETTINGS = { maxCachedWorkflows: 1000 } as const;

async function main() {
  const [address, bundlePath] = process.argv.slice(2);
  const connection = await NativeConnection.connect({ address });
  const activities: FloorActivities = {
    async noop(id) {
      process.send?.([id, Date.now()]);
    },
  };
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue: FLOOR_TASK_QUEUE,
    workflowBundle: { codePath: bundlePath },
    activities,
    ...WORKER_SETTINGS,
  });
  console.log('worker running');
  await worker.run();
  await connection.close();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
