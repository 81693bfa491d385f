import 'reflect-metadata';
import { logger } from '../observability/log';
import { installWorkerRuntime } from '../observability/worker-logging';
import { createWorker } from './worker';

/** The Temporal worker as its own process: it scales apart from the HTTP api. */
async function main() {
  installWorkerRuntime(); // before any connection: the SDK's logs go through the JSON logger
  const { worker, close } = await createWorker();
  // The SDK's runtime already turns SIGINT/SIGTERM into a graceful worker.shutdown().
  logger.info({ taskQueue: worker.options.taskQueue }, 'worker running');
  await worker.run();
  await close();
}

main().catch((e) => {
  logger.fatal({ err: e }, 'the worker could not start');
  process.exit(1);
});
