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
      res.status(status).json({
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        ...details,
        ...(details.statusCode ? { statusCode: status } : {}),
      });
      return;
    }
    const e = exception as { stack?: string };
    this.log.error(e?.stack ?? String(exception));
    res.status(500).json({ statusCode: 500, error: 'Internal Server Error', message: 'something went wrong on our side' });
  }
}
