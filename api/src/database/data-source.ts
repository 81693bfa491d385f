import { DataSource, DataSourceOptions } from 'typeorm';
import { required } from '../config';
import { entities } from './entities';
import { Init1732500000000 } from './migrations/1732500000000-init';

/** Migrations are listed, not globbed: the compiled set is exactly what ran in tests. */
export const migrations = [Init1732500000000];

export function dataSourceOptions(url = required('databaseUrl')): DataSourceOptions {
  return { type: 'postgres', url, entities, migrations, migrationsRun: false, synchronize: false, logging: ['error'] };
}

export async function migrate(url?: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
