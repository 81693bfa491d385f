import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

/**
 * The real stack for integration and browser tests: one embedded PostgreSQL and one
 * Temporal dev server per test run (started by the global setup), and the api and the
 * worker as real processes from the built code, exactly as `npm start` runs them. The
 * process helpers live in the api's runtime so that the engine benchmark starts the same
 * processes the same way.
 */
import { freePort, release, startApi, startWorker } from '../../dist/runtime/processes';

export { freePort, release, startApi, startWorker };

export const repoRoot = resolve(__dirname, '..', '..', '..');

export interface StackState {
  dir: string;
  url: string;
  databaseUrl: string;
  temporalAddress: string;
  pids: number[];
}

export const statePath = () => process.env.FIREBREAK_TEST_STATE!;
export const readState = (): StackState => JSON.parse(readFileSync(statePath(), 'utf8'));
export const writeState = (s: StackState) => writeFileSync(statePath(), JSON.stringify(s));

export function newStackDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'firebreak-test-'));
  chmodSync(dir, 0o755); // as root, Postgres runs as the postgres user and must reach its data dir
  return dir;
}

/**
 * An api (and, when asked, a worker) of a test file's own, on the shared Postgres and
 * Temporal, with environment of its own (secrets, adapters, a task queue). `stop()` ends them.
 */
export async function startOwnServices(
  env: Record<string, string>,
  options: { worker: boolean },
): Promise<{ url: string; stop: () => void }> {
  const state = readState();
  const port = await freePort();
  const children = [...(options.worker ? [await startWorker(state, env)] : []), await startApi(state, port, env)];
  children.forEach(release);
  return { url: `http://127.0.0.1:${port}`, stop: () => children.forEach((c) => c.kill('SIGTERM')) };
}
