import { nodeConfigs } from '../playbook/catalog';
import { Playbook } from '../playbook/schema';
import { decisionProblem } from './step';
import { RunState } from './types';

/** Who is deciding: the user and their role, as the api authenticated them. */
export interface Decider {
  by: string;
  role: string;
}

export interface DecisionRefusal {
  /** not_waiting → 409, invalid_outcome → 422, forbidden and own_draft → 403 at the api. */
  code: 'not_waiting' | 'invalid_outcome' | 'forbidden' | 'own_draft';
  message: string;
}

const ESCALATION_ROLES: Record<string, string[]> = { team_lead: ['manager'], pr: ['pr'], legal: ['legal'], team: ['agent', 'manager'] };

/**
 * Whether a person may take this decision on this run now: the node must be waiting for a
 * person, the outcome must be one it offers, the role must be the one it asks for (admins
 * may stand in), and nobody approves a draft they wrote. The workflow's Update validator
 * runs it, so a refused decision never reaches the history.
 */
export function checkDecision(
  pb: Playbook,
  state: RunState | null,
  d: Decider & { nodeId: string; outcome: string },
): DecisionRefusal | null {
  const w = state?.waiting;
  if (!w || w.nodeId !== d.nodeId || !['approval', 'task', 'escalation'].includes(w.waitFor)) {
    return {
      code: 'not_waiting',
      message: `node ${d.nodeId} is not waiting for a decision${w ? ` (the run waits at ${w.nodeId} for ${w.waitFor})` : ''}`,
    };
  }
  const outcome = decisionProblem(pb, d.nodeId, d.outcome);
  if (outcome) return { code: 'invalid_outcome', message: outcome };

  const node = pb.nodes.find((n) => n.id === d.nodeId)!;
  let roles: string[];
  if (node.kind === 'approval') roles = [nodeConfigs.approval.parse(node.config).role];
  else if (node.kind === 'escalate') roles = ESCALATION_ROLES[nodeConfigs.escalate.parse(node.config).ladder[w.phase]?.to ?? 'team'] ?? [];
  else roles = ['agent', 'manager'];
  if (d.role !== 'admin' && !roles.includes(d.role)) {
    return { code: 'forbidden', message: `${d.by} (${d.role}) may not decide ${node.kind} ${d.nodeId}: it needs ${roles.join(' or ')}` };
  }
  if (node.kind === 'approval' && state!.vars.draft?.author && state!.vars.draft.author === d.by) {
    return { code: 'own_draft', message: `${d.by} wrote this draft and cannot approve it` };
  }
  return null;
}
