/**
 * The key settings of a node in a few words, for its card: what a manager checks at a glance
 * (the query, the team, the approver and SLA). Read from the config with the kind's defaults
 * applied; a config that does not parse yet shows what is there.
 */
import { nodeConfigs, type NodeConfig, type NodeKind, type PlaybookNode } from '@firebreak/engine';

type Summaries = { [K in NodeKind]: (c: NodeConfig<K>) => string };

const list = (xs: readonly string[] | undefined, none = '') => (xs && xs.length ? xs.join(', ') : none);
const words = (s: string) => s.replace(/_/g, ' ');

const summaries: Summaries = {
  start: (c) => [list(c.channels, 'all channels'), list(c.visibility), list(c.accounts)].filter(Boolean).join(' · '),
  keywords: (c) => c.query,
  sentiment: (c) => `negative < ${c.negativeBelow}, positive > ${c.positiveAbove}`,
  priority: () => 'first / second tier / noise',
  customer: () => 'VIP, influencer, first-time',
  channel: (c) => list(c.branches),
  hours: (c) => `${c.schedule.timeZone}${c.whenClosed === 'wait' ? ' · waits for opening' : ''}`,
  crisis: (c) => c.topic ?? 'any crisis',
  pii: (c) => (c.publicOnly ? 'public posts' : 'public and private'),
  expression: (c) => c.expression,
  tag: (c) => list(c.tags),
  route: (c) => [c.team, list(c.skills), words(c.strategy), c.mode].filter(Boolean).join(' · '),
  escalate: (c) => c.ladder.map((r) => `${words(r.team ?? r.to)} ${r.sla}`).join(' → '),
  draft: (c) => (c.source === 'kb' ? 'best KB article' : (c.template ?? 'template not chosen')),
  approval: (c) => `${c.role.toUpperCase()} within ${c.sla}${c.backup ? ' · backup' : ''}`,
  send: (c) => `${c.visibility}${c.template ? ` · ${c.template}` : ''}${c.requireApproval ? ' · needs approval' : ''}`,
  holding: (c) => `${c.templates.length} variants · ${c.mode}`,
  agent_task: (c) => `${c.prompt} · SLA ${c.sla}`,
  wait: (c) => (c.for === 'reply' ? `customer reply, up to ${c.duration}` : c.duration),
  notify: (c) => `${list(c.to)}: ${c.message}`,
  declare_crisis: (c) => c.topic,
  resolve: (c) => `${c.resolution}${c.thankYou ? ' · thank-you' : ''}`,
  end: () => '',
};

/** The card's one-line summary; '' when there is nothing worth saying. */
export function summarize(node: PlaybookNode): string {
  const kind = node.kind as NodeKind;
  const parsed = nodeConfigs[kind].safeParse(node.config ?? {});
  if (!parsed.success) return rawSummary(node.config ?? {});
  const text = (summaries[kind] as (c: unknown) => string)(parsed.data);
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

/** An unfinished config: its non-empty scalar fields, e.g. "team: care". */
function rawSummary(config: Record<string, unknown>): string {
  return Object.entries(config)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ')
    .slice(0, 90);
}
