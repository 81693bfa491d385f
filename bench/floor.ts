/**
 * The bare-Temporal floor: an empty workflow with one no-op activity (floor-workflow.ts),
 * on the same Temporal server as Firebreak, run by its own worker process with
 * Firebreak's worker settings (floor-worker.ts) on its own task queue. Its span is the
 * same as Firebreak's: from the start request to the moment the activity ran.
 */
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForOutput } from '../api/dist/runtime/processes';
import type { Target } from './engine-load';
import { FLOOR_TASK_QUEUE } from './floor-worker';

export interface Floor {
  target: Target;
  workerPid: number;
  stop(): Promise<void>;
}

const quiet = { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never;

export async function startFloor(dir: string, temporalAddress: string, runTag: string): Promise<Floor> {
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./floor-workflow'), logger: quiet });
  const bundlePath = join(dir, 'floor-workflow-bundle.js');
  writeFileSync(bundlePath, code);

  // Run floor-worker.ts with the same TypeScript loader this process runs under (tsx).
  const worker: ChildProcess = spawn(
    process.execPath,
    [...process.execArgv, require.resolve('./floor-worker'), temporalAddress, bundlePath],
    {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  await waitForOutput(worker, /worker running/, 60_000, 'the floor worker');
  const finished: Array<{ key: string; at: number; outcome: string }> = [];
  worker.on('message', (m) => {
    const [key, at] = m as [string, number];
    finished.push({ key, at, outcome: 'activity ran' });
  });
  worker.stdout?.resume();
  worker.stderr?.resume();
  worker.removeAllListeners('exit');

  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection });
  const target: Target = {
    name: 'floor',
    async submit(key) {
      await client.workflow.start('floorWorkflow', { taskQueue: FLOOR_TASK_QUEUE, workflowId: `floor:${runTag}:${key}`, args: [key] });
    },
    async poll() {
      return finished.splice(0);
    },
  };
  return {
    target,
    workerPid: worker.pid!,
    stop: async () => {
      worker.kill('SIGTERM');
      await connection.close();
    },
  };
}
