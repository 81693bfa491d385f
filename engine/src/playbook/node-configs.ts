import { z } from 'zod';
import { CHANNELS } from '../analysis/facts';
import { DURATION_PATTERN } from './duration';

/**
 * The config schema of every node kind, with the field schemas they share. The catalog
 * (catalog.ts) adds each kind's outcomes, palette place and description; together they are
 * the one definition the schema, validator, interpreter, api and editor read.
 */

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
    accounts: z
      .array(z.string())
      .default([])
      .describe(
        'Only messages to these brand accounts enter (X user id, Facebook Page id, Instagram account id, as the webhooks report them); empty = every account.',
      ),
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
