/**
 * "Why did it go here": the facts that decided each step of a run, in words a care manager
 * reads without knowing the engine. Built from the interpreter's path details (the facts a
 * node recorded when it chose its outcome), the node's settings and the run's facts.
 */
import {
  chooseVariant,
  nodeConfigs,
  type Facts,
  type InteractionRef,
  type NodeKind,
  type PathStep,
  type PlaybookNode,
} from '@firebreak/engine';
import { CHANNEL_NAMES } from './interaction';
import { queryHits } from './queryHits';

export interface WhyContext {
  facts: Facts;
  interaction: InteractionRef;
}

const num = (n: number) => (n < 0 ? `−${Math.abs(n).toFixed(2)}` : n.toFixed(2));
const quote = (s: string, max = 60) => `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;

/** A node's config with its defaults applied, or the raw config when it does not parse. */
function configOf<K extends NodeKind>(node: PlaybookNode & { kind: K }): Record<string, unknown> {
  const parsed = nodeConfigs[node.kind].safeParse(node.config ?? {});
  return (parsed.success ? parsed.data : node.config) as Record<string, unknown>;
}

const CUE_WORDS: Record<string, string> = {
  'question:?': 'a question to the brand',
  'dissatisfaction:sentiment': 'negative sentiment',
  'positive:sentiment': 'positive sentiment',
  'reference:addressed': 'addressed to the brand',
  'noise:no-content': 'no words beyond mentions and links',
};

/** Priority cues ("dissatisfaction:never received") grouped by class: "dissatisfaction: never received, broken". */
export function describeCues(cues: string[], facts?: Facts): string {
  const special: string[] = [];
  const byClass = new Map<string, string[]>();
  for (const cue of cues) {
    if (CUE_WORDS[cue]) {
      special.push(cue === 'dissatisfaction:sentiment' && facts ? `negative sentiment (${num(facts.sentiment.compound)})` : CUE_WORDS[cue]);
      continue;
    }
    const i = cue.indexOf(':');
    const cls = i < 0 ? 'cue' : cue.slice(0, i);
    byClass.set(cls, [...(byClass.get(cls) ?? []), i < 0 ? cue : cue.slice(i + 1)]);
  }
  return [...special, ...[...byClass].map(([cls, words]) => `${cls}: ${words.join(', ')}`)].join('; ');
}

export function explainStep(step: PathStep, node: PlaybookNode | undefined, ctx: WhyContext): string[] {
  const d = (step.detail ?? {}) as Record<string, unknown>;
  const { facts, interaction: i } = ctx;
  const o = step.outcome;
  if (!node) return [`node ${step.nodeId} is not in this playbook any more`];
  const c = configOf(node);
  switch (node.kind) {
    case 'start': {
      const channels = c.channels as string[];
      const vis = c.visibility as string[];
      const accounts = ((c.accounts as string[] | undefined) ?? []).map((a) => `to ${a}`);
      const filters = [channels.join(', '), vis.join(', '), accounts.join(' or ')].filter(Boolean);
      const takes = filters.length ? ` (it takes ${filters.join('; ')})` : '';
      const what = `a ${i.visibility} ${CHANNEL_NAMES[i.channel] ?? i.channel} message${i.account ? ` to ${i.account}` : ''}`;
      return o ? [`${what}: this playbook takes it${takes}`] : [`${what} is not for this playbook${takes}`];
    }
    case 'keywords': {
      const query = String(d.query ?? c.query ?? '');
      if (o !== 'match') return [`no match for the query ${quote(query)}`];
      const hits = queryHits(query, i.text);
      if (!hits.length) return [`the query ${quote(query)} matched`];
      return [`query matched: ${hits.map((h) => `${quote(h.found, 30)} at ${h.at}`).join(', ')}`];
    }
    case 'sentiment': {
      const s = typeof d.compound === 'number' ? d.compound : facts.sentiment.compound;
      const neg = c.negativeBelow as number;
      const pos = c.positiveAbove as number;
      if (o === 'negative') return [`sentiment ${num(s)} ≤ ${num(neg)}`];
      if (o === 'positive') return [`sentiment ${num(s)} ≥ ${num(pos)}`];
      return [`sentiment ${num(s)} is between ${num(neg)} and ${num(pos)}`];
    }
    case 'priority': {
      const cues = Array.isArray(d.cues) ? (d.cues as string[]) : facts.priority.cues;
      return [cues.length ? `priority = ${o} because cues: ${describeCues(cues, facts)}` : `priority = ${o}: no cue fired`];
    }
    case 'customer': {
      const a = i.author;
      const score = typeof d.score === 'number' ? d.score : facts.influence.score;
      const parts = [`${(a.followers ?? 0).toLocaleString('en')} followers`, a.verified ? 'verified' : '', a.tier ? `tier ${a.tier}` : ''];
      return [`customer = ${o}: ${parts.filter(Boolean).join(', ')} (influence ${score}/100)`];
    }
    case 'channel':
      return [
        o === 'other'
          ? `${CHANNEL_NAMES[i.channel] ?? i.channel} has no branch of its own → other`
          : `channel = ${CHANNEL_NAMES[i.channel] ?? i.channel}`,
      ];
    case 'hours': {
      const at = typeof d.at === 'string' ? d.at : step.startedAt;
      const tz = (c.schedule as { timeZone?: string } | undefined)?.timeZone ?? 'UTC';
      return [`${o === 'closed' ? 'closed' : 'open'} at ${localTime(at, tz)} (${tz})`];
    }
    case 'crisis': {
      const declared = facts.crisis;
      const topic = c.topic as string | undefined;
      if (o === 'crisis') return [`a crisis is active${declared?.topics.length ? `: ${declared.topics.join(', ')}` : ''}`];
      if (!declared?.active) return ['no crisis is active'];
      return [`the active crisis (${declared.topics.join(', ')}) is not about ${topic ?? 'this'}`];
    }
    case 'pii': {
      if (d.reason === 'private message') return ['a private message: sensitive data is only a problem in public'];
      const kinds = Array.isArray(d.kinds) ? (d.kinds as string[]) : facts.pii.kinds;
      return [o === 'found' ? `sensitive data in a public post: ${kinds.join(', ')}` : 'no sensitive data found'];
    }
    case 'expression':
      return [`${quote(String(c.expression ?? ''))} is ${o}`];
    case 'tag':
      return [`tags: ${((d.tags as string[] | undefined) ?? (c.tags as string[])).join(', ')}`];
    case 'route':
      return [`to team ${String(d.team ?? c.team)} (${String(c.strategy)}, ${String(c.mode)})${d.agent ? `: ${String(d.agent)}` : ''}`];
    case 'escalate': {
      const ladder = c.ladder as Array<{ to: string; sla: string }>;
      if (o === 'handled')
        return [`taken by ${String(d.by ?? 'someone')} at rung ${Number(d.rung ?? 0) + 1} (${ladder[Number(d.rung ?? 0)]?.to})`];
      return o === 'timeout' ? [`nobody took it: every rung's SLA expired (${ladder.map((r) => `${r.to} ${r.sla}`).join(' → ')})`] : [];
    }
    case 'draft':
      if (o === 'no_article') return [`no knowledge-base article fits${d.reason ? `: ${String(d.reason)}` : ''}`];
      return [c.source === 'kb' ? 'the best knowledge-base article' : `template ${String(c.template)}`];
    case 'holding': {
      const list = c.templates as string[];
      const v = chooseVariant(i.id, list.length);
      return [`holding reply ${v + 1} of ${list.length} (${list[v]}), ${c.mode === 'draft' ? 'drafted for approval' : 'sent at once'}`];
    }
    case 'approval': {
      if (o === 'approved') return [`approved by ${String(d.by)}${d.edited ? ', with an edit' : ''}`];
      if (o === 'rejected') return [`rejected by ${String(d.by)}${d.reason ? `: ${quote(String(d.reason))}` : ''}`];
      if (o === 'timeout')
        return [`nobody decided within the SLA of ${String(c.sla)}${Number(d.attempts) > 1 ? ', nor the backup approver' : ''}`];
      return [];
    }
    case 'send':
      if (o === 'failed') return [`not sent: ${String(d.reason ?? 'the channel refused it')}`];
      return o ? [`sent as a ${String(c.visibility)} reply${d.sandbox ? ' (sandbox)' : ''}`] : [];
    case 'agent_task':
      if (o === 'timeout') return [`the agent did not finish within the SLA of ${String(c.sla)}`];
      return o ? [`the agent chose “${o}”`] : [];
    case 'wait':
      if (o === 'replied') return [`the customer replied ${quote(String(d.text ?? ''))}`];
      if (o === 'timeout') return [`no reply within ${String(c.duration)}`];
      return o === 'elapsed' ? [`waited ${String(c.duration)}`] : [];
    default:
      return [];
  }
}

function localTime(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  } catch {
    return iso;
  }
}
