import { NativeConnection, Worker } from '@temporalio/worker';
import { existsSync } from 'fs';
import { dirname, join } from 'path';
import { DataSource } from 'typeorm';
import { config, required } from '../config';
import { dataSourceOptions } from '../database/data-source';
import { logActivities } from '../observability/worker-logging';
import { createActivities } from './activities';

const engineDir = dirname(require.resolve('@firebreak/engine/package.json'));
/** Prebuilt by `npm run build` so a worker starts in a second instead of bundling each time. */
export const workflowBundlePath = join(engineDir, 'dist', 'workflow-bundle.js');
export const workflowsPath = join(engineDir, 'dist', 'temporal', 'workflows.js');

export async function createWorker(): Promise<{ worker: Worker; close: () => Promise<void> }> {
  const db = new DataSource(dataSourceOptions());
  await db.initialize();
  const connection = await NativeConnection.connect({ address: required('temporalAddress') });
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    ...(existsSync(workflowBundlePath) ? { workflowBundle: { codePath: workflowBundlePath } } : { workflowsPath }),
    activities: createActivities(db),
    interceptors: { activity: [logActivities] },
    // Explicit: the default derives from the heap size, which differs per machine.
    maxCachedWorkflows: 1000,
  });
  return {
    worker,
    close: async () => {
      await connection.close();
      await db.destroy();
    },
  };
}
