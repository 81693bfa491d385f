import { DataSource, DataSourceOptions } from 'typeorm';
import { required } from '../config';
import { approvalEntities } from '../approvals/entities';
import { caseEntities } from '../cases/entities';
import { routingEntities } from '../routing/entities';
import { entities as coreEntities } from './entities';
import { knowledgeEntities } from '../knowledge/knowledge.entity';
import { Init1732500000000 } from './migrations/1732500000000-init';
import { CasesRouting1732600000000 } from './migrations/1732600000000-cases-routing';
import { Knowledge1732700000000 } from './migrations/1732700000000-knowledge';
import { Approvals1732800000000 } from './migrations/1732800000000-approvals';
import { CrisisStandDown1732900000000 } from './migrations/1732900000000-crisis-stand-down';
import { Audit1733000000000 } from './migrations/1733000000000-audit';
import { auditEntities } from '../audit/audit.entity';
import { authEntities } from '../auth/entities';
import { Auth1733100000000 } from './migrations/1733100000000-auth';
import { LiveEvents1733140000000 } from './migrations/1733140000000-live-events';
import { playbookEntities } from '../playbooks/publish-request.entity';
import { PublishRequests1733112500000 } from './migrations/1733112500000-publish-requests';
import { KbLanguage1733153000000 } from './migrations/1733153000000-kb-language';
import { CustomerMergedBy1733153100000 } from './migrations/1733153100000-customer-merged-by';
import { OutboxSentBy1733200000000 } from './migrations/1733200000000-outbox-sent-by';
import { InteractionAccount1733300000000 } from './migrations/1733300000000-interaction-account';

/**
 * Entities and migrations are listed, not globbed: the compiled set is exactly what ran in
 * tests. A module with tables of its own exports its entity list and adds it here, and adds
 * its migrations (each a file in ./migrations with a later timestamp) to the list below.
 */
export const entities = [
  ...coreEntities,
  ...caseEntities,
  ...routingEntities,
  ...approvalEntities,
  ...knowledgeEntities,
  ...auditEntities,
  ...authEntities,
  ...playbookEntities,
];
export const migrations = [
  Init1732500000000,
  CasesRouting1732600000000,
  Approvals1732800000000,
  Knowledge1732700000000,
  CrisisStandDown1732900000000,
  Audit1733000000000,
  Auth1733100000000,
  LiveEvents1733140000000,
  PublishRequests1733112500000,
  KbLanguage1733153000000,
  CustomerMergedBy1733153100000,
  OutboxSentBy1733200000000,
  InteractionAccount1733300000000,
];

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
