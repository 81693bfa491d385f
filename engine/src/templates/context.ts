import type { Author, Facts } from '../analysis/facts';
import type { RunVars } from '../interpreter/types';
import type { TemplateContext } from './index';

/** What a reply can be personalised with; every part is optional because runs differ in what they know. */
export interface TemplateSources {
  interaction: { text: string; channel: string; author: Author };
  facts?: Pick<Facts, 'pii' | 'crisis'> | null;
  vars?: Partial<RunVars> | null;
  /** What the case knows about the customer's order (it outlives one message). */
  order?: { number?: string; eta?: string } | null;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * The one mapping from a run to the variables its templates see. The route activity's
 * assignment is read defensively: its shape grows (team only today, a real agent later)
 * and an old run's history keeps whatever shape it was recorded with.
 */
export function buildTemplateContext(src: TemplateSources): TemplateContext {
  const { interaction: i, facts } = src;
  const assignment = record(src.vars?.assignment);
  const agent = record(assignment.agent);
  const orderSpan = facts?.pii?.spans?.find((s) => s.kind === 'order_number' || s.kind === 'order');
  const orderFromMessage = orderSpan ? text(i.text.slice(orderSpan.start, orderSpan.end)) : undefined;
  const varsOrder = record((src.vars as Record<string, unknown> | null | undefined)?.order);
  return {
    customer: { name: text(i.author.name), handle: text(i.author.handle), tier: text(i.author.tier) },
    agent: {
      name: text(assignment.agentName) ?? text(agent.name),
      signature: text(assignment.agentSignature) ?? text(assignment.signature) ?? text(agent.signature),
    },
    // The number the customer just wrote wins over the one the case remembers: it is what they are asking about.
    order: {
      number: orderFromMessage ?? text(src.order?.number) ?? text(varsOrder.number),
      eta: text(src.order?.eta) ?? text(varsOrder.eta),
    },
    message: { text: i.text, channel: i.channel },
    crisis: facts?.crisis?.active && facts.crisis.topics.length ? { topic: facts.crisis.topics[0] } : undefined,
  };
}
