import { bundleWorkflowCode } from '@temporalio/worker';
import { writeFileSync } from 'fs';
import { workflowBundlePath, workflowsPath } from './worker';

/** Build step: bundle the workflow code once, so workers and tests start without webpack. */
async function main() {
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never,
  });
  writeFileSync(workflowBundlePath, code);
  console.log(`workflow bundle: ${workflowBundlePath} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
