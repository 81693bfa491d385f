/**
 * Who should get an interaction, as pure functions: the router loads the candidates and
 * their loads, asks here for an order of preference, then locks agents in that order and
 * re-checks capacity under the lock (a concurrent assignment may have filled them).
 */
export type Strategy = 'sticky' | 'least_busy' | 'round_robin';

export interface CandidateAgent {
  id: string;
  name: string;
  available: boolean;
  capacity: number;
  /** Open cases held now. */
  load: number;
  skills: string[];
  /** Empty: any language / any channel. */
  languages: string[];
  channels: string[];
  /** When this agent last got work from this team (round-robin turns); null = never. */
  lastAssignedAt: number | null;
}

export interface RouteRequest {
  strategy: Strategy;
  /** The node's skills. Language and channel are checked against what agents declare. */
  skills: string[];
  language: string | null;
  channel: string;
  /** The case's agent, for `sticky`; holding the case already costs no extra capacity. */
  caseAgentId: string | null;
}

export interface Ranking {
  ranked: CandidateAgent[];
  /** Why the first choice is first, for the assignment record. */
  reason: string;
  /** Each agent left out and why (unavailable, full, missing skill…). */
  excluded: Array<{ id: string; why: string }>;
}

/** Why this agent cannot take the request, or null when they can. */
export function ineligibility(a: CandidateAgent, r: RouteRequest): string | null {
  if (!a.available) return 'unavailable';
  const missing = r.skills.filter((s) => !a.skills.includes(s));
  if (missing.length) return `lacks ${missing.join(', ')}`;
  if (r.language && a.languages.length && !a.languages.includes(r.language)) return `does not speak ${r.language}`;
  if (a.channels.length && !a.channels.includes(r.channel)) return `does not work ${r.channel}`;
  if (a.id !== r.caseAgentId && a.load >= a.capacity) return `at capacity (${a.load}/${a.capacity})`;
  return null;
}

/** Fewest open cases first; ties go to whoever waited longest for work, then a stable id order. */
const byLoad = (a: CandidateAgent, b: CandidateAgent) => a.load - b.load || byTurn(a, b);
/** Never assigned first, then the longest since their last assignment in this team. */
const byTurn = (a: CandidateAgent, b: CandidateAgent) =>
  (a.lastAssignedAt ?? -Infinity) - (b.lastAssignedAt ?? -Infinity) || a.id.localeCompare(b.id);

export function rankAgents(candidates: CandidateAgent[], r: RouteRequest): Ranking {
  const excluded: Ranking['excluded'] = [];
  const eligible = candidates.filter((a) => {
    const why = ineligibility(a, r);
    if (why) excluded.push({ id: a.id, why });
    return !why;
  });
  if (r.strategy === 'round_robin') return { ranked: [...eligible].sort(byTurn), reason: 'round robin: next in turn', excluded };
  const leastBusy = [...eligible].sort(byLoad);
  if (r.strategy === 'sticky' && r.caseAgentId) {
    const own = eligible.find((a) => a.id === r.caseAgentId);
    if (own) return { ranked: [own, ...leastBusy.filter((a) => a !== own)], reason: "sticky: the case's agent", excluded };
    const why = excluded.find((e) => e.id === r.caseAgentId)?.why ?? 'not in this team';
    return { ranked: leastBusy, reason: `sticky: the case's agent is ${why}; least busy instead`, excluded };
  }
  return { ranked: leastBusy, reason: r.strategy === 'sticky' ? 'sticky: new case; least busy' : 'least busy', excluded };
}

const TIER_WEIGHT: Record<string, number> = { first: 3, second: 2, noise: 1 };

/**
 * A queue position: first tier before second before noise, then the most influential
 * (score 0..100). Followers break ties in SQL, because the score saturates at 100k.
 */
export function queuePriority(tier: string | null | undefined, influence: number): number {
  const weight = TIER_WEIGHT[tier ?? ''] ?? TIER_WEIGHT.second;
  return weight * 1000 + Math.max(0, Math.min(100, Math.round(influence)));
}
