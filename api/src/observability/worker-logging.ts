import { Context } from '@temporalio/activity';
import type { LogLevel, LogMetadata } from '@temporalio/common';
import { ActivityInterceptorsFactory, DefaultLogger, Runtime } from '@temporalio/worker';
import { LogContext, logContext, logger } from './log';

const PINO_LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** The SDK's names for what it logs, in the one vocabulary of our lines. */
function fromSdkMeta(meta: LogMetadata | undefined): Record<string, unknown> {
  if (!meta) return {};
  const { workflowRunId, activityType, taskToken: _secretish, ...rest } = meta as Record<string, unknown>;
  return { ...rest, ...(workflowRunId ? { runId: workflowRunId } : {}), ...(activityType ? { activity: activityType } : {}) };
}

/**
 * Everything the Temporal SDK logs, the native core's lines included (forwarded), goes
 * through the JSON logger. Optionally, the core's own Prometheus exporter
 * (FIREBREAK_WORKER_METRICS_ADDRESS, e.g. `0.0.0.0:9464`, scraped at /metrics): task slots,
 * poll and schedule-to-start latencies, activity execution times, per worker process.
 * Must run before the first connection or worker is created.
 */
export function installWorkerRuntime(): void {
  const level = (process.env.FIREBREAK_LOG_LEVEL ?? 'info').toUpperCase() as LogLevel;
  const metricsAddress = process.env.FIREBREAK_WORKER_METRICS_ADDRESS;
  Runtime.install({
    logger: new DefaultLogger(PINO_LEVEL[level] ? level : 'INFO', (entry) =>
      logger[PINO_LEVEL[entry.level]]({ sdk: true, ...fromSdkMeta(entry.meta) }, entry.message),
    ),
    telemetryOptions: {
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      ...(metricsAddress ? { metrics: { prometheus: { bindAddress: metricsAddress } } } : {}),
    },
  });
}

/**
 * One line per activity execution with the ids that tie it to its interaction
 * (interactionId, workflowId, runId, nodeId, activity, attempt, duration); every line
 * logged while it runs carries the same ids.
 */
export const logActivities: ActivityInterceptorsFactory = (ctx: Context) => ({
  inbound: {
    async execute(input, next) {
      const info = ctx.info;
      const arg = (input.args[0] ?? {}) as { interactionId?: unknown; nodeId?: unknown };
      const ids: LogContext = {
        interactionId: typeof arg.interactionId === 'string' ? arg.interactionId : undefined,
        workflowId: info.workflowExecution?.workflowId,
        runId: info.workflowExecution?.runId,
        nodeId: typeof arg.nodeId === 'string' ? arg.nodeId : undefined,
        activity: info.activityType,
      };
      const started = process.hrtime.bigint();
      const ms = () => Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      return logContext.run(ids, async () => {
        try {
          const result = await next(input);
          logger.info({ attempt: info.attempt, local: info.isLocal, durationMs: ms() }, 'activity completed');
          return result;
        } catch (e) {
          logger.warn({ attempt: info.attempt, local: info.isLocal, durationMs: ms(), err: e }, 'activity failed');
          throw e;
        }
      });
    },
  },
});
