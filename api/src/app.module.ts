import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApprovalsModule } from './approvals/approvals.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { CrisesModule } from './crises/crises.module';
import { CustomersModule } from './customers/customers.module';
import { dataSourceOptions } from './database/data-source';
import { DecisionsModule } from './decisions/decisions.module';
import { EventsModule } from './events/events.module';
import { HealthController } from './health/health.controller';
import { InboxModule } from './inbox/inbox.module';
import { IngestModule } from './ingest/ingest.module';
import { InteractionsModule } from './interactions/interactions.module';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { MetricsModule } from './metrics/metrics.module';
import { ObservabilityModule } from './observability/observability.module';
import { PlaybooksModule } from './playbooks/playbooks.module';
import { RecentInteractionsModule } from './interactions/recent.module';
import { RoutingModule } from './routing/routing.module';
import { SamplesModule } from './samples/samples.module';
import { TemplatesModule } from './templates/templates.module';
import { TemporalModule } from './temporal/temporal.module';
import { WorkspaceModule } from './workspace/workspace.module';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({ useFactory: () => dataSourceOptions() }),
    TemporalModule,
    WorkspaceModule,
    AuthModule,
    TemplatesModule,
    PlaybooksModule,
    InteractionsModule,
    DecisionsModule,
    ApprovalsModule,
    InboxModule,
    KnowledgeModule,
    CasesModule,
    CustomersModule,
    RoutingModule,
    CrisesModule,
    AuditModule,
    MetricsModule,
    ObservabilityModule,
    EventsModule,
    IngestModule,
    SamplesModule,
    RecentInteractionsModule,
  ],
  controllers: [HealthController],
})
export class AppModule {}
