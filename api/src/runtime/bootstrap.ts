import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source';
import { seed, SeedReport } from './seed';

/**
 * Migrations, then first-start content, under a PostgreSQL advisory lock so that several
 * api replicas starting at once do not race each other.
 */
export async function bootstrapDatabase(
  url: string,
  options: { demoUsers: boolean },
): Promise<{ migrations: string[]; seeded: SeedReport }> {
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
  try {
    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(4242001)');
    try {
      const ran = await db.runMigrations({ transaction: 'each' });
      const seeded = await seed(db, options);
      return { migrations: ran.map((m) => m.name), seeded };
    } finally {
      await runner.query('SELECT pg_advisory_unlock(4242001)');
      await runner.release();
    }
  } finally {
    await db.destroy();
  }
}
