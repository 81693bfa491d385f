import { LoggerService } from '@nestjs/common';
import { logger } from './log';

/** Nest's own start-up chatter (modules loaded, routes mapped): useful when debugging, noise otherwise. */
const STARTUP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/**
 * Nest's logger, and every `new Logger(context)` in the code, written through the one JSON
 * logger: `context` becomes a field, an error's stack a field of its own.
 */
export class PinoNestLogger implements LoggerService {
  log(message: unknown, ...rest: unknown[]) {
    const context = contextOf(rest);
    if (context && STARTUP_CONTEXTS.has(context)) logger.debug({ context }, String(message));
    else write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    write('fatal', message, rest);
  }
}

/** Nest passes the context last; for errors, a stack string before it. */
function contextOf(rest: unknown[]): string | undefined {
  const last = rest[rest.length - 1];
  return typeof last === 'string' && !last.includes('\n') ? last : undefined;
}

function write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]) {
  const context = contextOf(rest);
  const stack = rest.find((r): r is string => typeof r === 'string' && r.includes('\n'));
  if (message instanceof Error) logger[level]({ context, err: message }, message.message);
  else if (message !== null && typeof message === 'object') logger[level]({ context, ...message });
  else logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
}
