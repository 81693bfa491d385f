import { CallHandler, ExecutionContext, HttpException, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, concatMap, from, Observable, throwError } from 'rxjs';
import { AuditLogService } from './audit-log.service';
import { actorOf, auditContext, AuditRequestContext, auditedBody } from './request-context';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every mutating request under /api becomes one audit row, carrying the entity changes the
 * subscriber collected while the handler ran. The row is committed before the response
 * leaves: a client that was told "done" (or why not) can rely on the log holding it, and a
 * process that dies right after answering loses no row. Writing it never fails the request
 * (the change has happened by then); a row that could not be written is logged loudly.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('audit');

  constructor(
    private readonly log: AuditLogService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    if (!MUTATING.has(req.method) || !req.path.startsWith('/api/')) return next.handle();

    const route = typeof req.route?.path === 'string' ? req.route.path : req.path;
    const at = new Date();
    const store: AuditRequestContext = { changes: [] };
    let resourceId = pickId(req.params);
    const write = (status: number) =>
      this.log
        .append({
          at,
          actor: actorOf(req),
          action: `${req.method} ${route}`,
          method: req.method,
          route: req.originalUrl.split('?')[0],
          resourceType: route.split('/')[2] ?? null,
          resourceId,
          status,
          ip: req.ip ?? null,
          body: auditedBody(route, req.body),
          changes: store.changes.length ? store.changes : null,
        })
        .catch((e: unknown) => this.logger.error(`audit row not written (${req.method} ${route} → ${status}): ${String(e)}`));

    // handle() binds the async context it is created in, so the handler (and the entity
    // subscriber it triggers) sees this request's store.
    const handled = auditContext.run(store, () => next.handle());
    return handled.pipe(
      concatMap(async (value) => {
        resourceId ??= pickId(value);
        await write(this.successStatus(context, req, res));
        return value;
      }),
      // The status the error filter will answer with (JsonErrorsFilter: an HttpException's, else 500).
      catchError((e: unknown) => from(write(e instanceof HttpException ? e.getStatus() : 500)).pipe(concatMap(() => throwError(() => e)))),
    );
  }

  /** The status Nest is about to send: one the handler set itself, else its @HttpCode, else 201 for POST and 200 otherwise. */
  private successStatus(context: ExecutionContext, req: Request, res: Response): number {
    if (res.statusCode !== 200) return res.statusCode;
    return this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? (req.method === 'POST' ? 201 : 200);
  }
}

/** The resource a request is about: its url's id or key, else the id or key it created. */
function pickId(source: unknown): string | null {
  if (!source || typeof source !== 'object') return null;
  const o = source as Record<string, unknown>;
  const v = o.id ?? o.key;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}
