import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';
import { AuditLogService } from './audit-log.service';
import { actorOf, auditContext, AuditRequestContext, auditedBody } from './request-context';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every mutating request under /api becomes one audit row, written when the response has
 * finished (so its status is the one the client got, errors included), carrying the entity
 * changes the subscriber collected while the handler ran.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly log: AuditLogService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    if (!MUTATING.has(req.method) || !req.path.startsWith('/api/')) return next.handle();

    const route = typeof req.route?.path === 'string' ? req.route.path : req.path;
    const at = new Date();
    const store: AuditRequestContext = { changes: [] };
    let resourceId = pickId(req.params);
    res.on('finish', () =>
      this.log.appendLater({
        at,
        actor: actorOf(req),
        action: `${req.method} ${route}`,
        method: req.method,
        route: req.originalUrl.split('?')[0],
        resourceType: route.split('/')[2] ?? null,
        resourceId,
        status: res.statusCode,
        ip: req.ip ?? null,
        body: auditedBody(route, req.body),
        changes: store.changes.length ? store.changes : null,
      }),
    );
    // handle() binds the async context it is created in, so the handler (and the entity
    // subscriber it triggers) sees this request's store.
    const handled = auditContext.run(store, () => next.handle());
    return handled.pipe(
      tap((value) => {
        resourceId ??= pickId(value);
      }),
    );
  }
}

/** The resource a request is about: its url's id or key, else the id or key it created. */
function pickId(from: unknown): string | null {
  if (!from || typeof from !== 'object') return null;
  const o = from as Record<string, unknown>;
  const v = o.id ?? o.key;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}
