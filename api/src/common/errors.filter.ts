import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'http';
import type { Response } from 'express';

/**
 * Every error leaves as JSON: `{ statusCode, error, message, ...details }`. 4xx say what is
 * wrong; 5xx are logged with their stack and say nothing internal.
 */
@Catch()
export class JsonErrorsFilter implements ExceptionFilter {
  private readonly log = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const details = typeof body === 'string' ? { message: body } : (body as Record<string, unknown>);
      res.status(status).json({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', ...details, ...(details.statusCode ? { statusCode: status } : {}) });
      return;
    }
    // Malformed JSON bodies reach us as body-parser errors with a status of their own.
    const e = exception as { status?: number; type?: string; message?: string; stack?: string };
    if (e?.status && e.status >= 400 && e.status < 500) {
      res.status(e.status).json({ statusCode: e.status, error: STATUS_CODES[e.status] ?? 'Error', message: e.type === 'entity.parse.failed' ? 'the request body is not valid JSON' : e.message });
      return;
    }
    this.log.error(e?.stack ?? String(exception));
    res.status(500).json({ statusCode: 500, error: 'Internal Server Error', message: 'something went wrong on our side' });
  }
}
