import 'reflect-metadata';
import { createWorker } from './worker';

/** The Temporal worker as its own process: it scales apart from the HTTP api. */
async function main() {
  const { worker, close } = await createWorker();
  // The SDK's runtime already turns SIGINT/SIGTERM into a graceful worker.shutdown().
  console.log(JSON.stringify({ level: 'info', msg: 'worker running', taskQueue: worker.options.taskQueue }));
  await worker.run();
  await close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
