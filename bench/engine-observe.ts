/**
 * Where the time goes, read from Temporal's own records: for sampled interactions, the
 * activities and workflow tasks up to the routing decision, and how long each waited in
 * its task queue and ran. And the burst's books: every posted interaction checked against
 * Postgres and against Temporal's visibility (workflow ids and runs).
 */
import { Client as TemporalClient } from '@temporalio/client';
import { Client } from 'pg';

type Ts = { seconds?: unknown; nanos?: number | null } | null | undefined;
const ms = (t: Ts) => (t ? Number(t.seconds) * 1000 + (t.nanos ?? 0) / 1e6 : NaN);
const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

export interface HistoryBreakdown {
  sampled: number;
  activitiesToRoute: number | null;
  activityTypesToRoute: Record<string, number>;
  workflowTasksToRoute: number | null;
  historyEventsToRoute: number | null;
  /** Until the run waits or ends (it goes on past its routing decision). */
  activitiesInRun: number | null;
  /** Mean milliseconds, per activity type: waiting in the task queue, and running. */
  activityQueueMs: Record<string, number | null>;
  activityRunMs: Record<string, number | null>;
  workflowTaskQueueMs: number | null;
  workflowTaskRunMs: number | null;
  /** Workflow start → the route activity completed, mean ms. */
  startToRouteMs: number | null;
}

/** `until`: the activity that ends the measured span (`route` for Firebreak, `noop` for the floor). */
export async function historyBreakdown(temporal: TemporalClient, workflowIds: string[], until = 'route'): Promise<HistoryBreakdown> {
  const perRun: Array<{ acts: string[]; wfts: number; events: number; total: number; startToRoute: number }> = [];
  const queue: Record<string, number[]> = {};
  const run: Record<string, number[]> = {};
  const wftQueue: number[] = [];
  const wftRun: number[] = [];
  for (const id of workflowIds) {
    const history = await temporal.workflow.getHandle(id).fetchHistory();
    const events = history.events ?? [];
    const scheduled = new Map<string, { type: string; at: number }>();
    const started = new Map<string, number>();
    let wftScheduledAt = NaN;
    let wftStartedAt = NaN;
    let acts: string[] = [];
    let wfts = 0;
    let routeDone: { index: number; at: number } | null = null;
    const begin = ms(events[0]?.eventTime);
    events.forEach((e, index) => {
      const id = String(e.eventId);
      const at = ms(e.eventTime);
      if (e.activityTaskScheduledEventAttributes) {
        const type = e.activityTaskScheduledEventAttributes.activityType?.name ?? '?';
        scheduled.set(id, { type, at });
        if (!routeDone) acts.push(type);
      } else if (e.activityTaskStartedEventAttributes) {
        const s = scheduled.get(String(e.activityTaskStartedEventAttributes.scheduledEventId))!;
        started.set(String(e.activityTaskStartedEventAttributes.scheduledEventId), at);
        (queue[s.type] ??= []).push(at - s.at);
      } else if (e.activityTaskCompletedEventAttributes) {
        const key = String(e.activityTaskCompletedEventAttributes.scheduledEventId);
        const s = scheduled.get(key)!;
        (run[s.type] ??= []).push(at - (started.get(key) ?? s.at));
        if (s.type === until && !routeDone) routeDone = { index, at };
      } else if (e.workflowTaskScheduledEventAttributes) {
        wftScheduledAt = at;
      } else if (e.workflowTaskStartedEventAttributes) {
        wftStartedAt = at;
        wftQueue.push(at - wftScheduledAt);
      } else if (e.workflowTaskCompletedEventAttributes) {
        wftRun.push(at - wftStartedAt);
        if (!routeDone) wfts++;
      }
    });
    const total = events.filter((e) => e.activityTaskScheduledEventAttributes).length;
    const done = routeDone as { index: number; at: number } | null;
    if (!done) acts = [];
    if (done) perRun.push({ acts, wfts, events: done.index + 1, total, startToRoute: done.at - begin });
  }
  const types: Record<string, number> = {};
  for (const r of perRun) for (const a of r.acts) types[a] = (types[a] ?? 0) + 1 / perRun.length;
  const mapAvg = (m: Record<string, number[]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, avg(v)]));
  return {
    sampled: perRun.length,
    activitiesToRoute: avg(perRun.map((r) => r.acts.length)),
    activityTypesToRoute: Object.fromEntries(Object.entries(types).map(([k, v]) => [k, Math.round(v * 100) / 100])),
    workflowTasksToRoute: avg(perRun.map((r) => r.wfts)),
    historyEventsToRoute: avg(perRun.map((r) => r.events)),
    activitiesInRun: avg(perRun.map((r) => r.total)),
    activityQueueMs: mapAvg(queue),
    activityRunMs: mapAvg(run),
    workflowTaskQueueMs: avg(wftQueue),
    workflowTaskRunMs: avg(wftRun),
    startToRouteMs: avg(perRun.map((r) => r.startToRoute)),
  };
}

export interface BurstBooks {
  /** Accepted (202) but with no interaction row or no workflow in Temporal. */
  lost: number;
  /** More than one workflow run, or more than one routing decision, for one interaction. */
  duplicates: number;
  rowsInPostgres: number;
  workflowsInTemporal: number;
  notStartedRows: number;
  duplicateRuns: number;
  duplicateAssignments: number;
  /** Accepted, started, but neither routed nor ended when the driver stopped waiting. */
  undecided: number;
  statuses: Record<string, number>;
  /** Why runs failed, with how many. */
  failures: Record<string, number>;
}

/** Check every accepted burst interaction in Postgres and in Temporal's visibility. */
export async function burstBooks(db: Client, temporal: TemporalClient, externalIds: string[]): Promise<BurstBooks> {
  const rows = await db.query<{ external_id: string; workflow_id: string; status: string; reason: string | null; assignments: number }>(
    `SELECT i.external_id, i.workflow_id, i.status, i.reason, count(w.id)::int AS assignments
       FROM interactions i LEFT JOIN work_items w ON w.interaction_id = i.id AND w.kind = 'assignment'
      WHERE i.channel = 'x' AND i.external_id = ANY($1)
      GROUP BY i.id`,
    [externalIds],
  );
  const byId = new Map(rows.rows.map((r) => [r.external_id, r]));
  const statuses: Record<string, number> = {};
  const failures: Record<string, number> = {};
  for (const r of rows.rows) {
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (r.status === 'failed') failures[r.reason ?? '?'] = (failures[r.reason ?? '?'] ?? 0) + 1;
  }

  // Visibility lags a little behind the history: wait until it has caught up (or 60 s).
  const wanted = new Set(rows.rows.map((r) => r.workflow_id));
  const listRuns = async () => {
    const runs = new Map<string, number>();
    for await (const w of temporal.workflow.list({ query: `WorkflowType = 'interactionWorkflow'` })) {
      if (wanted.has(w.workflowId)) runs.set(w.workflowId, (runs.get(w.workflowId) ?? 0) + 1);
    }
    return runs;
  };
  let runs = await listRuns();
  for (const deadline = Date.now() + 60_000; runs.size < wanted.size && Date.now() < deadline; runs = await listRuns()) {
    await new Promise((r) => setTimeout(r, 1000));
  }

  let lost = 0;
  let undecided = 0;
  for (const id of externalIds) {
    const r = byId.get(id);
    if (!r || !runs.has(r.workflow_id)) lost++;
    else if (r.assignments === 0 && !['completed', 'failed'].includes(r.status)) undecided++;
  }
  const duplicateRuns = [...runs.values()].filter((n) => n > 1).length;
  const duplicateAssignments = rows.rows.filter((r) => r.assignments > 1).length;
  return {
    lost,
    duplicates: duplicateRuns + duplicateAssignments,
    rowsInPostgres: rows.rows.length,
    workflowsInTemporal: runs.size,
    notStartedRows: rows.rows.filter((r) => r.status === 'received').length,
    duplicateRuns,
    duplicateAssignments,
    undecided,
    statuses,
    failures,
  };
}
