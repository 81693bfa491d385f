import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { logger } from './log';

/**
 * The api's Prometheus registry. Two kinds of series:
 * - this process's own: HTTP requests (count and duration by method, route pattern and
 *   status), live-event subscribers and events relayed, and the Node process metrics;
 * - the workspace's, read from PostgreSQL at scrape time: interactions by channel, runs
 *   started and finished by playbook and outcome, approvals pending, outbox sends and
 *   failures, SLA breaches. Those happen in the worker processes, which come and go and
 *   scale out; the database holds the truth for all of them, survives restarts (no counter
 *   resets to reconcile) and any one api answers for the whole cluster. The worker's own
 *   runtime figures (task slots, poll and activity latencies) come from the Temporal SDK's
 *   exporter, when FIREBREAK_WORKER_METRICS_ADDRESS is set (see worker-logging.ts).
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const httpRequests = new Counter({
  name: 'firebreak_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'firebreak_http_request_duration_seconds',
  help: 'HTTP request duration, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const liveSubscribers = new Gauge({
  name: 'firebreak_live_event_subscribers',
  help: 'Open /api/events streams on this api process',
  registers: [registry],
});

export const liveEventsRelayed = new Counter({
  name: 'firebreak_live_events_total',
  help: 'Live events this api process received from PostgreSQL NOTIFY, by type',
  labelNames: ['type'] as const,
  registers: [registry],
});

/** One row per series: the metric's name, its labels and its value. */
interface Sample {
  metric: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * The workspace figures in one round trip. Counters are counts of rows that are never
 * deleted (interactions, outbox, work items), so they only grow, as Prometheus expects.
 */
const WORKSPACE_SQL = `
  SELECT 'interactions' AS metric, jsonb_build_object('channel', channel) AS labels, count(*)::float8 AS value
    FROM interactions GROUP BY channel
  UNION ALL
  SELECT 'runs_started', jsonb_build_object('playbook', p.key), count(*)
    FROM interactions i JOIN playbook_versions v ON v.id = i.playbook_version_id JOIN playbooks p ON p.id = v.playbook_id
   WHERE i.joined_interaction_id IS NULL AND i.status <> 'received' GROUP BY p.key
  UNION ALL
  SELECT 'runs_finished', jsonb_build_object('playbook', p.key, 'outcome', i.status), count(*)
    FROM interactions i JOIN playbook_versions v ON v.id = i.playbook_version_id JOIN playbooks p ON p.id = v.playbook_id
   WHERE i.status IN ('completed', 'failed') GROUP BY p.key, i.status
  UNION ALL
  SELECT 'runs_active', jsonb_build_object('status', status), count(*)
    FROM interactions WHERE status IN ('running', 'waiting') GROUP BY status
  UNION ALL
  SELECT 'approvals_pending', jsonb_build_object('role', coalesce(payload->>'role', 'unknown')), count(*)
    FROM work_items WHERE kind = 'approval' AND status = 'pending' GROUP BY 2
  UNION ALL
  SELECT 'outbox_messages', jsonb_build_object('channel', channel, 'status', status), count(*)
    FROM outbox GROUP BY channel, status
  UNION ALL
  SELECT 'outbox_attempts', jsonb_build_object('channel', channel), sum(attempts)
    FROM outbox GROUP BY channel
  UNION ALL
  SELECT 'sla_breaches', jsonb_build_object('kind', kind), count(*)
    FROM (
      SELECT kind, status, coalesce((payload->'decision'->>'at')::timestamptz, updated_at) AS done_at,
             CASE WHEN payload->>'dueAt' ~ '^\\d{4}-\\d{2}-\\d{2}T' THEN (payload->>'dueAt')::timestamptz END AS due_at
        FROM work_items WHERE kind IN ('task', 'approval', 'escalation')
    ) w
   WHERE due_at IS NOT NULL AND ((status = 'decided' AND done_at > due_at) OR (status <> 'decided' AND due_at <= now()))
   GROUP BY kind`;

type WorkspaceMetric =
  | 'interactions'
  | 'runs_started'
  | 'runs_finished'
  | 'runs_active'
  | 'approvals_pending'
  | 'outbox_messages'
  | 'outbox_attempts'
  | 'sla_breaches';

const workspaceCounter = (name: string, help: string, labelNames: string[]) => new Counter({ name, help, labelNames, registers: [] });
const workspaceGauge = (name: string, help: string, labelNames: string[]) => new Gauge({ name, help, labelNames, registers: [] });

const WORKSPACE: Record<WorkspaceMetric, Counter<string> | Gauge<string>> = {
  interactions: workspaceCounter('firebreak_interactions_ingested_total', 'Interactions taken in, by channel', ['channel']),
  runs_started: workspaceCounter('firebreak_runs_started_total', 'Playbook runs started, by playbook', ['playbook']),
  runs_finished: workspaceCounter('firebreak_runs_finished_total', 'Playbook runs finished, by playbook and outcome', [
    'playbook',
    'outcome',
  ]),
  runs_active: workspaceGauge('firebreak_runs_active', 'Runs not finished yet, by status (running, waiting)', ['status']),
  approvals_pending: workspaceGauge('firebreak_approvals_pending', 'Approvals waiting for a decision, by role', ['role']),
  outbox_messages: workspaceCounter('firebreak_outbox_messages_total', 'Outgoing replies, by channel and status (sent…, failed, pending)', [
    'channel',
    'status',
  ]),
  outbox_attempts: workspaceCounter(
    'firebreak_outbox_send_attempts_total',
    'Calls to the channel adapters (tries, retries included), by channel',
    ['channel'],
  ),
  sla_breaches: workspaceCounter('firebreak_sla_breaches_total', 'Tasks, approvals and escalations past their SLA, by kind', ['kind']),
};

const databaseUp = new Gauge({
  name: 'firebreak_workspace_metrics_up',
  help: '1 when the workspace figures could be read from PostgreSQL at this scrape, else 0',
  registers: [],
});

const scrapeDuration = new Gauge({
  name: 'firebreak_workspace_metrics_scrape_seconds',
  help: 'Time taken to read the workspace figures from PostgreSQL at this scrape',
  registers: [],
});

/**
 * The exposition text: this process's series plus the workspace's, read now. A database
 * that does not answer still gives the process series, with firebreak_workspace_metrics_up 0.
 */
export function prometheusText(db: DataSource): Promise<string> {
  // Scrapes at the same moment share one reading: the workspace metrics are reset and refilled per reading.
  inFlight ??= readAll(db).finally(() => (inFlight = undefined));
  return inFlight;
}
let inFlight: Promise<string> | undefined;

async function readAll(db: DataSource): Promise<string> {
  const workspace = new Registry();
  for (const m of [...Object.values(WORKSPACE), databaseUp, scrapeDuration]) {
    m.reset();
    workspace.registerMetric(m);
  }
  const started = process.hrtime.bigint();
  try {
    const rows = await db.query<Sample[]>(WORKSPACE_SQL);
    for (const r of rows) {
      const m = WORKSPACE[r.metric as WorkspaceMetric];
      if (m instanceof Counter) m.inc(r.labels, Number(r.value));
      else m.set(r.labels, Number(r.value));
    }
    databaseUp.set(1);
  } catch (e) {
    logger.warn({ err: e }, 'workspace metrics could not be read');
    databaseUp.set(0);
  }
  scrapeDuration.set(Number(process.hrtime.bigint() - started) / 1e9);
  return Registry.merge([registry, workspace]).metrics();
}

export const prometheusContentType = registry.contentType;
