import { join } from 'path';
import { bootstrapDatabase } from '../../dist/runtime/bootstrap';
import { startEmbeddedPostgres } from '../../dist/runtime/postgres';
import { startTemporalDevServer } from '../../dist/runtime/temporal';
import { freePort, newStackDir, release, startApi, startWorker, StackState, writeState } from './stack';

/**
 * Once per `npm test`: real PostgreSQL and a real Temporal dev server, migrations and the
 * example content, then the api and the worker as processes. Tests find it through
 * FIREBREAK_URL, DATABASE_URL and TEMPORAL_ADDRESS.
 */
export default async function globalSetup() {
  const dir = newStackDir();
  const pg = await startEmbeddedPostgres(join(dir, 'pg'), await freePort());
  const temporal = await startTemporalDevServer({ port: await freePort() });
  await bootstrapDatabase(pg.url, { demoUsers: true });
  const apiPort = await freePort();
  const state: StackState = { dir, url: `http://127.0.0.1:${apiPort}`, databaseUrl: pg.url, temporalAddress: temporal.address, pids: [] };
  process.env.FIREBREAK_TEST_STATE = join(dir, 'state.json');
  const api = await startApi(state, apiPort);
  const worker = await startWorker(state);
  [api, worker].forEach(release);
  state.pids.push(api.pid!, worker.pid!);
  writeState(state);
  process.env.FIREBREAK_URL = state.url;
  process.env.DATABASE_URL = pg.url;
  process.env.TEMPORAL_ADDRESS = temporal.address;
  (globalThis as Record<string, unknown>).__firebreakStop = async () => {
    await temporal.stop();
    await pg.stop();
  };
}
