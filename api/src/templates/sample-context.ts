import { analyze, buildTemplateContext, TemplateContext, TemplateSources } from '@firebreak/engine';
import { HELPERS } from './template-check';

/**
 * The context a template is previewed against when no real interaction is named: Angela,
 * the seeds' channel hopper, asking on X where her order is, while the discount-link
 * crisis is active and Sam Lee has her case. Built through the engine's one mapping from a
 * run to template variables (with the facts the real analysis finds in her message), so
 * the preview sees exactly the shape a run's reply sees.
 */
export const SAMPLE_SOURCES: TemplateSources = (() => {
  const interaction = {
    channel: 'x' as const,
    text: '@brand where is my order #A-10428?? two weeks late, this is terrible',
    author: { id: 'u-42', handle: 'angela', name: 'Angela Smith', followers: 310, tier: 'gold' },
  };
  const facts = analyze(interaction, undefined, { crisis: { active: true, topics: ['discount-link'] } });
  return {
    interaction,
    facts,
    vars: { tags: [], sent: 0, assignment: { agentId: 'sample-agent', agentName: 'Sam Lee', agentSignature: 'SL', team: 'care' } },
    order: { eta: '2026-11-28' },
  };
})();

export const sampleContext = (): TemplateContext => buildTemplateContext(SAMPLE_SOURCES);

const DESCRIPTIONS: Record<string, string> = {
  'customer.name': "the customer's display name",
  'customer.handle': "the customer's handle on the channel, without @",
  'customer.tier': "the customer's CRM tier (e.g. gold)",
  'agent.name': 'the agent the case is assigned to',
  'agent.signature': "the agent's sign-off initials",
  'order.number': 'the order number the customer wrote, or the one their case knows',
  'order.eta': 'when the order is expected (a date or words)',
  'message.text': "the customer's message",
  'message.channel': 'the channel it came on (x, facebook, instagram, email, chat)',
  'crisis.topic': 'the active crisis topic, while a crisis is declared',
  customerName: 'first name, else @handle, else "there"',
  handle: '@handle, or nothing',
  agentName: 'the agent\'s name; {{agentName "fallback"}} when there is none (default "the team")',
  signature: '^initials of the agent, or nothing',
  orderNumber: 'the order number; {{orderNumber "fallback"}} when there is none',
  eta: 'the ETA as "Saturday 28 November"; {{eta "fallback"}} when there is none (default "soon")',
  if: 'block: {{#if x}}…{{else}}…{{/if}}',
  unless: 'block: {{#unless x}}…{{/unless}}',
  each: 'block: {{#each list}}…{{/each}}',
  with: 'block: {{#with object}}…{{/with}}',
  lookup: '{{lookup object key}}',
  log: '{{log value}}: writes to the server log, renders nothing',
};

export interface TemplateVariable {
  name: string;
  kind: 'variable' | 'helper';
  description: string;
  /** What it renders as in the sample context (variables only). */
  example?: string;
}

/** Every dotted path of the context a run builds: the variables a template may use. */
export function variablePaths(context: TemplateContext = sampleContext(), prefix = ''): string[] {
  return Object.entries(context).flatMap(([key, value]) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? variablePaths(value as TemplateContext, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

export const VARIABLES: ReadonlySet<string> = new Set(variablePaths());

export function templateVariables(context: TemplateContext = sampleContext()): TemplateVariable[] {
  const valueAt = (path: string) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], context);
  return [
    ...[...VARIABLES].map((name) => ({ name, kind: 'variable' as const, description: DESCRIPTIONS[name] ?? '', example: String(valueAt(name) ?? '') })),
    ...HELPERS.map((name) => ({ name, kind: 'helper' as const, description: DESCRIPTIONS[name] ?? '' })),
  ];
}
