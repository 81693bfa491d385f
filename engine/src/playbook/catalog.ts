import { z } from 'zod';
import { CHANNELS } from '../analysis/facts';
import { DURATION_PATTERN } from './duration';

/**
 * The node catalog: defined once, it drives the schema, the validator, the interpreter's
 * dispatch, the editor's palette and its generated forms. A kind's name is the same
 * everywhere (schema, interpreter, api, editor).
 */
export type NodeGroup = 'entry' | 'decision' | 'action';

/**
 * What a string field holds, beyond "text", as its JSON Schema `format`: the editor's
 * generated forms pick their widget by it (a duration box, the query or Handlebars editor,
 * a template picker), so a new field of a known sort needs no editor change.
 */
export const FIELD_FORMATS = {
  duration: 'firebreak-duration',
  query: 'firebreak-query',
  /** Inline Handlebars source, rendered with the run's template context. */
  template: 'firebreak-template',
  /** The name of a stored template (`templates/*.hbs`, `/api/templates`). */
  templateName: 'firebreak-template-name',
} as const;

export const durationSchema = z
  .string()
  .regex(DURATION_PATTERN, 'a duration like 30s, 15m, 2h or 1d')
  .meta({ format: FIELD_FORMATS.duration });
const duration = durationSchema;
const templateName = z.string().min(1).meta({ format: FIELD_FORMATS.templateName });
export const keywordQuerySchema = (required: string) => z.string().min(1, required).meta({ format: FIELD_FORMATS.query });
const inlineTemplate = (required: string) => z.string().min(1, required).meta({ format: FIELD_FORMATS.template });
const channel = z.enum(CHANNELS as [string, ...string[]]);
const role = z.enum(['manager', 'pr', 'legal']);

const officeHours = z.object({
  timeZone: z.string().min(1).default('UTC').describe('IANA time zone of the team, e.g. Europe/London.'),
  /** Per weekday (mon..sun): "09:00-17:00", several ranges comma-separated; overnight "22:00-06:00". */
  weekly: z
    .partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), z.string())
    .default({})
    .describe('Opening hours per weekday, e.g. 09:00-17:00; several ranges comma-separated; overnight 22:00-06:00. Empty = closed.'),
  /** ISO dates (YYYY-MM-DD) on which the team is closed all day. */
  holidays: z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-25'))
    .default([])
    .describe('Dates (YYYY-MM-DD) on which the team is closed all day.'),
});
export type OfficeHoursConfig = z.infer<typeof officeHours>;

const ladderRung = z.object({
  to: z.enum(['team_lead', 'pr', 'legal', 'team']).describe('Who this rung goes to: the team lead, PR or legal on duty, or a team.'),
  team: z.string().optional().describe('The team, when the rung goes to a team.'),
  sla: duration.describe('How long this rung has before the case moves up to the next one.'),
});

export const nodeConfigs = {
  start: z.object({
    channels: z.array(channel).default([]).describe('Only messages from these channels enter; none ticked = every channel.'),
    visibility: z
      .array(z.enum(['public', 'private']))
      .default([])
      .describe('Public posts, private messages, or both (none ticked = both).'),
    accounts: z.array(z.string()).default([]).describe('Only messages to these brand accounts enter; empty = every account.'),
  }),
  keywords: z.object({
    query: keywordQuerySchema('a keyword query is required').describe(
      'Words, "phrases", AND / OR / NOT, (brackets), prefix*, @mentions, #hashtags, NEAR/3, /regex/.',
    ),
  }),
  sentiment: z.object({
    negativeBelow: z.number().min(-1).max(1).default(-0.05).describe('A compound score below this is negative (from -1 to 1).'),
    positiveAbove: z.number().min(-1).max(1).default(0.05).describe('A compound score above this is positive (from -1 to 1).'),
  }),
  priority: z.object({}),
  customer: z.object({}),
  channel: z.object({
    branches: z
      .array(channel)
      .default([...CHANNELS])
      .describe('One outcome per ticked channel; the others take "other".'),
  }),
  hours: z.object({
    schedule: officeHours.describe("The team's office hours."),
    /** branch: take `closed` at once; wait: wait for the next opening, then take `open`. */
    whenClosed: z
      .enum(['branch', 'wait'])
      .default('branch')
      .describe('branch: take "closed" at once; wait: wait for the next opening, then take "open".'),
  }),
  crisis: z.object({
    topic: z.string().optional().describe('Only this crisis topic counts; empty = any active crisis.'),
  }),
  pii: z.object({
    publicOnly: z
      .boolean()
      .default(true)
      .describe('Only look for sensitive data in public posts (a private message is the right place for it).'),
  }),
  expression: z.object({
    expression: z
      .string()
      .min(1, 'an expression is required')
      .describe('A condition over the facts, e.g. sentiment.compound < -0.5 and influence.score > 50.'),
  }),
  tag: z.object({
    tags: z.array(z.string().min(1)).min(1, 'at least one tag').describe('Tags added to the interaction and its case.'),
  }),
  route: z.object({
    team: z.string().min(1, 'a team is required').describe('The team whose queue gets the case.'),
    skills: z.array(z.string()).default([]).describe('Skills the agent needs, e.g. billing, spanish.'),
    strategy: z
      .enum(['sticky', 'least_busy', 'round_robin'])
      .default('sticky')
      .describe('sticky: the same agent for the same customer; least_busy; round_robin.'),
    mode: z.enum(['push', 'pull']).default('push').describe('push: assign an agent now; pull: leave it in the queue for agents to take.'),
  }),
  escalate: z.object({
    ladder: z
      .array(ladderRung)
      .min(1, 'an escalation ladder needs at least one rung')
      .describe('The rungs in order; each gets the whole case history and its own SLA.'),
    note: z.string().optional().describe('What the people on the ladder should know first.'),
  }),
  draft: z.object({
    source: z
      .enum(['template', 'kb'])
      .default('template')
      .describe('template: a stored template; kb: the best knowledge-base article for the message.'),
    template: templateName.optional().describe('The template to draft from (when the source is a template).'),
  }),
  approval: z.object({
    role: role.describe('Who approves: the PR, legal or a manager on duty.'),
    sla: duration.default('30m').describe('How long the approver has before it goes to the backup or times out.'),
    backup: z.boolean().default(true).describe('When the SLA runs out, ask the next approver on duty before timing out.'),
  }),
  send: z.object({
    visibility: z.enum(['public', 'private']).default('public').describe('A public reply or a private message.'),
    /** Used when nothing was drafted before this node. */
    template: templateName.optional().describe('The template to send when nothing was drafted before this node.'),
    requireApproval: z.boolean().default(false).describe('Refuse to send a draft that has not been approved.'),
  }),
  holding: z.object({
    templates: z
      .array(templateName)
      .min(2, '2–4 variants')
      .max(4, '2–4 variants')
      .describe('2–4 holding messages; each customer gets one of them, so replies are not identical.'),
    /** send: post the chosen variant now; draft: make it the run's draft (e.g. for a PR approval before sending). */
    mode: z
      .enum(['send', 'draft'])
      .default('send')
      .describe("send: post the chosen variant now; draft: make it the run's draft (e.g. for PR to approve before sending)."),
  }),
  agent_task: z.object({
    prompt: inlineTemplate('a next-step prompt is required').describe('What the agent should do next; Handlebars, e.g. {{handle}}.'),
    checklist: z.array(z.string()).default([]).describe('Steps the agent ticks off.'),
    suggestedReplies: z.array(templateName).default([]).describe('Templates offered in the composer.'),
    outcomes: z
      .array(z.string().regex(/^[a-z][a-z0-9_]*$/, 'snake_case'))
      .min(1)
      .default(['done'])
      .describe('How the agent can finish the task (snake_case); each is an outcome handle.'),
    sla: duration.default('1h').describe('How long the agent has before the task takes "timeout".'),
  }),
  wait: z.object({
    for: z
      .enum(['reply', 'duration'])
      .default('reply')
      .describe("reply: the customer's next message (or the duration runs out); duration: just the time."),
    duration: duration.default('1d').describe('How long to wait.'),
  }),
  notify: z.object({
    to: z.array(z.string().min(1)).min(1, 'whom to notify').describe('People (e-mail) or teams (team:care-leads).'),
    message: inlineTemplate('a message is required').describe('The notification; Handlebars, e.g. {{handle}}.'),
  }),
  declare_crisis: z.object({
    topic: z.string().min(1, 'a crisis topic is required').describe('The crisis topic declared, e.g. discount-link.'),
  }),
  resolve: z.object({
    resolution: z.string().default('resolved').describe('The resolution recorded on the case.'),
    thankYou: z.boolean().default(true).describe('Prompt a public thank-you.'),
  }),
  end: z.object({}),
} as const;

export type NodeKind = keyof typeof nodeConfigs;
export type NodeConfig<K extends NodeKind> = z.infer<(typeof nodeConfigs)[K]>;

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
