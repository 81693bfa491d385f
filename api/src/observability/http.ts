import { randomUUID } from 'crypto';
import type { NextFunction, Request, Response } from 'express';
import { logContext, logger } from './log';
import { httpDuration, httpRequests } from './prometheus';

const REQUEST_ID = /^[\w.:-]{1,100}$/;
/** Polled endpoints whose every call at info level would drown the rest. */
const QUIET = new Set(['/api/health', '/api/metrics/prometheus']);

/**
 * One log line and one Prometheus observation per HTTP request: request id (the caller's
 * X-Request-Id when it is sane, else a new one, echoed in the response), method, route
 * pattern, status and duration. The route is the pattern (`/api/interactions/:id`), never
 * the raw path, so the metric's labels stay few; the query string is never logged (an
 * EventSource's access_token travels there). Lines logged while serving the request carry
 * its id.
 */
export function httpObservability() {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const header = req.header('x-request-id');
    const reqId = header && REQUEST_ID.test(header) ? header : randomUUID();
    res.setHeader('x-request-id', reqId);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(req);
      // A client that went away before the answer (or a stream that it closed) has no status of its own.
      const status = res.writableFinished || res.headersSent ? String(res.statusCode) : 'aborted';
      httpRequests.inc({ method: req.method, route, status });
      httpDuration.observe({ method: req.method, route, status }, seconds);
      const params = req.params as Record<string, string> | undefined;
      const line = {
        reqId,
        method: req.method,
        route,
        path: req.path,
        status: res.statusCode,
        durationMs: Math.round(seconds * 1e4) / 10,
        ...(route.startsWith('/api/interactions/:id') && params?.id ? { interactionId: params.id } : {}),
      };
      const level = QUIET.has(req.path) || !req.path.startsWith('/api') ? 'debug' : res.statusCode >= 500 ? 'error' : 'info';
      logger[level](line, 'http request');
    };
    res.once('finish', finish);
    res.once('close', finish);
    logContext.run({ reqId }, next);
  };
}

/** The route pattern Express matched, or a fixed label for what no route took (static files, 404s). */
function routeOf(req: Request): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return `${req.baseUrl}${pattern}`;
  return req.path.startsWith('/api') ? 'unmatched' : 'static';
}
