import { api } from './http';

export interface TestDecision {
  /** The demo user who decides: the request is signed in as them. */
  by: string;
  nodeId: string;
  outcome: string;
  text?: string;
  reason?: string;
}

/** A decision on a waiting node, sent the way the desks send it: signed in as the decider. */
export function decide(interactionId: string, decision: TestDecision) {
  const { by, ...body } = decision;
  return api('POST', `/api/interactions/${interactionId}/decisions`, body, { as: by });
}
