import { Module, OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR, HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditLogService } from './audit-log.service';
import { AuditSubscriber } from './audit.subscriber';

/**
 * The audit log: a global interceptor records mutating requests, a TypeORM subscriber adds
 * entity before/after. X-Forwarded-For is honoured only when FIREBREAK_TRUST_PROXY is set
 * (express's `trust proxy` value, e.g. "loopback" or a hop count): otherwise anyone could
 * write the IP the log keeps.
 */
@Module({
  controllers: [AuditController],
  providers: [AuditLogService, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [AuditLogService],
})
export class AuditModule implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly log: AuditLogService,
    private readonly adapter: HttpAdapterHost,
  ) {}

  onModuleInit() {
    this.db.subscribers.push(
      new AuditSubscriber((change) =>
        this.log.appendLater({
          at: new Date(),
          actor: 'system',
          action: `${change.op} ${change.entity}`,
          method: null,
          route: null,
          resourceType: change.entity,
          resourceId: change.id,
          status: null,
          ip: null,
          body: null,
          changes: [change],
        }),
      ),
    );
    const trust = process.env.FIREBREAK_TRUST_PROXY;
    const http = this.adapter.httpAdapter?.getInstance() as { set?: (k: string, v: unknown) => void } | undefined;
    if (trust && http?.set) http.set('trust proxy', /^\d+$/.test(trust) ? Number(trust) : trust === 'true' ? true : trust);
  }
}
