/**
 * What a template can use at a node: the engine's template context (customer, message,
 * order) and helpers, plus what nodes upstream add — an agent after a Route, the crisis topic
 * after a crisis decision. A variable nothing upstream sets is not offered there.
 */
import type { Playbook } from '@firebreak/engine';
import { ENGINE_HELPERS, type TemplateVariable } from '../../monaco/handlebars';
import type { RunSoFar } from './samples';

/** Every node from which `nodeId` can be reached (its upstream), nearest first. */
export function upstreamOf(pb: Playbook, nodeId: string | null): Playbook['nodes'] {
  if (!nodeId) return [];
  const byId = new Map(pb.nodes.map((n) => [n.id, n]));
  const seen = new Set([nodeId]);
  const queue = [nodeId];
  const out: Playbook['nodes'] = [];
  while (queue.length) {
    const id = queue.shift()!;
    for (const e of pb.edges) {
      if (e.target !== id || seen.has(e.source)) continue;
      seen.add(e.source);
      queue.push(e.source);
      const n = byId.get(e.source);
      if (n) out.push(n);
    }
  }
  return out;
}

export function runSoFar(pb: Playbook, nodeId: string | null): RunSoFar & { agentFrom?: string; crisisFrom?: string } {
  const up = upstreamOf(pb, nodeId);
  const route = up.find((n) => n.kind === 'route');
  const crisis = up.find((n) => n.kind === 'crisis' || n.kind === 'declare_crisis');
  const topic = crisis && typeof crisis.config.topic === 'string' && crisis.config.topic ? crisis.config.topic : (pb.settings.crisisTopics?.[0]?.topic ?? 'crisis');
  const name = (n: { id: string; label?: string }) => (n.label ? `${n.label} (${n.id})` : n.id);
  return { agent: !!route, crisisTopic: crisis ? topic : null, agentFrom: route && name(route), crisisFrom: crisis && name(crisis) };
}

const HELPER_DOCS: Record<string, string> = {
  customerName: "the customer's first name, else @handle, else “there”",
  handle: "the customer's @handle",
  agentName: "the assigned agent's name, else “the team”",
  signature: "the agent's initials, e.g. ^PS",
  orderNumber: 'the order number from the message or case',
  eta: 'the delivery date, e.g. Friday 28 November',
};

export function templateVariables(pb: Playbook, nodeId: string | null): TemplateVariable[] {
  const run = runSoFar(pb, nodeId);
  const v = (name: string, detail: string, kind: TemplateVariable['kind'] = 'variable'): TemplateVariable => ({ name, detail, kind });
  const out: TemplateVariable[] = ENGINE_HELPERS.map((h) => v(h, HELPER_DOCS[h] ?? 'helper', 'helper'));
  out.push(
    v('customer.name', 'display name (may be empty on social channels)'),
    v('customer.handle', 'handle, without @'),
    v('customer.tier', 'customer tier, when known'),
    v('message.text', 'the message as written'),
    v('message.channel', 'x, facebook, instagram, email or chat'),
    v('order.number', 'when the message or the case has one'),
    v('order.eta', 'when the case knows it'),
  );
  if (run.agentFrom) out.push(v('agent.name', `set by ${run.agentFrom}`), v('agent.signature', `set by ${run.agentFrom}`));
  if (run.crisisFrom) out.push(v('crisis.topic', `set by ${run.crisisFrom}`));
  return out;
}
