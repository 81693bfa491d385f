/**
 * Counts per node from recorded runs: how many runs passed each node, how many wait there
 * now, and how many broke an SLA there (an approval, agent task or escalation that took its
 * `timeout` outcome, or still waits past its deadline). Pure, so it is the same whatever
 * the runs' source.
 */
import type { PathStep, RunState } from '@firebreak/engine';

export interface RecordedRun {
  id: string;
  channel: string;
  visibility: string;
  text: string;
  author: { handle?: string; name?: string };
  receivedAt: string;
  status: string;
  version: number;
  path: PathStep[];
  waiting: RunState['waiting'] | null;
}

export interface NodeStats {
  nodeId: string;
  runs: number;
  waiting: number;
  breaches: number;
}

/** The kinds whose SLA is a promise to the customer; a customer's own silence (a wait's timeout) is not a breach. */
const SLA_KINDS = new Set(['approval', 'agent_task', 'escalate']);
const SLA_WAITS = new Set(['approval', 'task', 'escalation']);

export function isBreachStep(step: PathStep): boolean {
  return SLA_KINDS.has(step.kind) && step.outcome === 'timeout';
}

export function isOverdueWait(run: RecordedRun, now: number): boolean {
  const w = run.waiting;
  return !!w && SLA_WAITS.has(w.waitFor) && !!w.until && Date.parse(w.until) < now && run.status === 'waiting';
}

export function nodeStats(runs: RecordedRun[], now: number): Map<string, NodeStats> {
  const stats = new Map<string, NodeStats>();
  const get = (nodeId: string) => {
    let s = stats.get(nodeId);
    if (!s) stats.set(nodeId, (s = { nodeId, runs: 0, waiting: 0, breaches: 0 }));
    return s;
  };
  for (const run of runs) {
    for (const nodeId of new Set(run.path.map((p) => p.nodeId))) get(nodeId).runs++;
    for (const step of run.path) if (isBreachStep(step)) get(step.nodeId).breaches++;
    if (run.status === 'waiting' && run.waiting) {
      const s = get(run.waiting.nodeId);
      s.waiting++;
      if (isOverdueWait(run, now)) s.breaches++;
    }
  }
  return stats;
}

/** The runs that passed a node, newest first, with what happened there. */
export function runsThrough(
  runs: RecordedRun[],
  nodeId: string,
  now: number,
): Array<{ run: RecordedRun; outcome: string | null; breach: boolean }> {
  return runs
    .filter((r) => r.path.some((p) => p.nodeId === nodeId))
    .map((run) => {
      const steps = run.path.filter((p) => p.nodeId === nodeId);
      const last = steps[steps.length - 1];
      return {
        run,
        outcome: last.outcome ?? null,
        breach: steps.some(isBreachStep) || (run.waiting?.nodeId === nodeId && isOverdueWait(run, now)),
      };
    });
}
