import type { NodeConfig, NodeKind } from './node-configs';

export * from './node-configs';

/**
 * The node catalog: defined once, it drives the schema, the validator, the interpreter's
 * dispatch, the editor's palette and its generated forms. A kind's name is the same
 * everywhere (schema, interpreter, api, editor).
 */
export type NodeGroup = 'entry' | 'decision' | 'action';

export interface NodeKindSpec<K extends NodeKind = NodeKind> {
  kind: K;
  group: NodeGroup;
  /** Palette group heading; decisions and actions are split by what they are about. */
  category: string;
  label: string;
  description: string;
  /** The outcome handles a node of this kind offers, given its config. */
  outcomes: (config: NodeConfig<K>) => string[];
  /** A node that can pause the run (a person, the customer or the clock). Cycles need one. */
  waits: (config: NodeConfig<K>) => boolean;
  /** Names of templates the node refers to, and its inline Handlebars sources. */
  templates?: (config: NodeConfig<K>) => { names: string[]; inline: Record<string, string> };
}

const fixed =
  (...outcomes: string[]) =>
  () =>
    outcomes;
const never = () => false;
const always = () => true;

type Catalog = { [K in NodeKind]: NodeKindSpec<K> };

export const catalog: Catalog = {
  start: {
    kind: 'start',
    group: 'entry',
    category: 'Entry',
    label: 'Start',
    description: 'Where every interaction enters; filter by channel, visibility and account.',
    outcomes: fixed('next'),
    waits: never,
  },
  keywords: {
    kind: 'keywords',
    group: 'decision',
    category: 'Message',
    label: 'Keywords',
    description: 'Boolean keyword query: terms, "phrases", AND/OR/NOT, prefix*, @mentions, #hashtags.',
    outcomes: fixed('match', 'no_match'),
    waits: never,
  },
  sentiment: {
    kind: 'sentiment',
    group: 'decision',
    category: 'Message',
    label: 'Sentiment',
    description: 'Negative, neutral or positive, from the compound score.',
    outcomes: fixed('negative', 'neutral', 'positive'),
    waits: never,
  },
  priority: {
    kind: 'priority',
    group: 'decision',
    category: 'Message',
    label: 'Priority tier',
    description: 'First tier (must answer), second tier, or noise.',
    outcomes: fixed('first', 'second', 'noise'),
    waits: never,
  },
  customer: {
    kind: 'customer',
    group: 'decision',
    category: 'Customer',
    label: 'Customer',
    description: 'VIP, influencer, first-time or standard customer.',
    outcomes: fixed('vip', 'influencer', 'first_time', 'standard'),
    waits: never,
  },
  channel: {
    kind: 'channel',
    group: 'decision',
    category: 'Customer',
    label: 'Channel',
    description: 'Branch on the channel the message came from.',
    outcomes: (c) => [...c.branches, 'other'],
    waits: never,
  },
  hours: {
    kind: 'hours',
    group: 'decision',
    category: 'Context',
    label: 'Office hours',
    description: 'Open or closed now; optionally wait for the next opening.',
    outcomes: (c) => (c.whenClosed === 'wait' ? ['open'] : ['open', 'closed']),
    waits: (c) => c.whenClosed === 'wait',
  },
  crisis: {
    kind: 'crisis',
    group: 'decision',
    category: 'Context',
    label: 'Crisis',
    description: 'Is a crisis active (declared or detected)?',
    outcomes: fixed('crisis', 'normal'),
    waits: never,
  },
  pii: {
    kind: 'pii',
    group: 'decision',
    category: 'Message',
    label: 'Sensitive data',
    description: 'Card numbers, IBANs, phones, e-mails or order numbers in a post.',
    outcomes: fixed('found', 'none'),
    waits: never,
  },
  expression: {
    kind: 'expression',
    group: 'decision',
    category: 'Advanced',
    label: 'Expression',
    description: 'A condition over the facts, e.g. sentiment.compound < -0.5 and influence.score > 50.',
    outcomes: fixed('true', 'false'),
    waits: never,
  },
  tag: {
    kind: 'tag',
    group: 'action',
    category: 'Case',
    label: 'Tag',
    description: 'Add tags to the interaction and its case.',
    outcomes: fixed('next'),
    waits: never,
  },
  route: {
    kind: 'route',
    group: 'action',
    category: 'People',
    label: 'Route',
    description: 'To a team with skills; same agent for the same customer, least-busy or round-robin.',
    outcomes: fixed('routed'),
    waits: never,
  },
  escalate: {
    kind: 'escalate',
    group: 'action',
    category: 'People',
    label: 'Escalate',
    description: 'An escalation ladder: team lead, then PR, legal or a team, each with an SLA.',
    outcomes: fixed('handled', 'timeout'),
    waits: always,
  },
  draft: {
    kind: 'draft',
    group: 'action',
    category: 'Responses',
    label: 'Draft reply',
    description: 'Draft a reply from a template or the best knowledge-base article.',
    // Only a knowledge-base search can come back empty-handed.
    outcomes: (c) => (c.source === 'kb' ? ['next', 'no_article'] : ['next']),
    waits: never,
    templates: (c) => ({ names: c.source === 'template' && c.template ? [c.template] : [], inline: {} }),
  },
  approval: {
    kind: 'approval',
    group: 'action',
    category: 'People',
    label: 'Approval',
    description: 'PR, legal or a manager approves, edits or rejects the draft within an SLA.',
    outcomes: fixed('approved', 'rejected', 'timeout'),
    waits: always,
  },
  send: {
    kind: 'send',
    group: 'action',
    category: 'Responses',
    label: 'Send',
    description: 'Send the draft as a public reply or a private message.',
    outcomes: fixed('sent', 'failed'),
    waits: never,
    templates: (c) => ({ names: c.template ? [c.template] : [], inline: {} }),
  },
  holding: {
    kind: 'holding',
    group: 'action',
    category: 'Responses',
    label: 'Holding message',
    description: 'A crisis holding message; 2–4 variants so replies are not identical.',
    outcomes: fixed('next'),
    waits: never,
    templates: (c) => ({ names: c.templates, inline: {} }),
  },
  agent_task: {
    kind: 'agent_task',
    group: 'action',
    category: 'People',
    label: 'Agent task',
    description: 'An inbox task with a next-step prompt, checklist and suggested replies.',
    outcomes: (c) => [...c.outcomes, 'timeout'],
    waits: always,
    templates: (c) => ({ names: c.suggestedReplies, inline: { prompt: c.prompt } }),
  },
  wait: {
    kind: 'wait',
    group: 'action',
    category: 'Flow',
    label: 'Wait',
    description: "Wait for the customer's next message or for a time.",
    outcomes: (c) => (c.for === 'reply' ? ['replied', 'timeout'] : ['elapsed']),
    waits: always,
  },
  notify: {
    kind: 'notify',
    group: 'action',
    category: 'Flow',
    label: 'Notify',
    description: 'Tell people or teams (inbox notification).',
    outcomes: fixed('next'),
    waits: never,
    templates: (c) => ({ names: [], inline: { message: c.message } }),
  },
  declare_crisis: {
    kind: 'declare_crisis',
    group: 'action',
    category: 'Flow',
    label: 'Declare crisis',
    description: 'Declare a crisis on a topic; crisis decisions take their crisis branch until stand-down.',
    outcomes: fixed('next'),
    waits: never,
  },
  resolve: {
    kind: 'resolve',
    group: 'action',
    category: 'Case',
    label: 'Resolve',
    description: "Close the case's items, record the resolution, prompt a public thank-you.",
    outcomes: fixed('next'),
    waits: never,
  },
  end: { kind: 'end', group: 'action', category: 'Flow', label: 'End', description: 'The run ends here.', outcomes: fixed(), waits: never },
};

export const NODE_KINDS = Object.keys(catalog) as NodeKind[];

export function specOf<K extends NodeKind>(kind: K): NodeKindSpec<K> {
  return catalog[kind] as unknown as NodeKindSpec<K>;
}
