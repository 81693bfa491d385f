import { NodeConfig, NodeKind, OfficeHoursConfig } from '../playbook/catalog';
import { parseDuration } from '../playbook/duration';
import { entryRefusal } from '../playbook/entry';
import { TypedNode } from '../playbook/schema';
import { chooseVariant } from '../templates/variant';
import { evaluateExpression } from './expression';
import { isOpenAt, nextOpeningAfter } from './hours';
import { ActivityName, RunEvent, RunState, Waiting } from './types';

/**
 * What entering or resuming a node leads to: an outcome (follow its edge), an activity to
 * run, or a wait for a person, the customer or the clock. Handlers are pure.
 */
export type NodeResult =
  | { outcome: string; detail?: Record<string, unknown>; update?: (s: RunState) => void }
  | { activity: ActivityName; input: Record<string, unknown>; phase?: number }
  | { await: Exclude<Waiting['waitFor'], 'activity'>; until: string; phase?: number }
  | { finish: 'completed' | 'failed'; reason: string };

export interface NodeContext<K extends NodeKind> {
  node: TypedNode<K>;
  state: RunState;
  at: string;
}

export interface NodeHandler<K extends NodeKind> {
  enter(ctx: NodeContext<K>): NodeResult;
  /** Called with the event that ends the node's wait (activity result, decision, timeout, reply). */
  resume?(ctx: NodeContext<K>, event: RunEvent, waiting: Waiting): NodeResult;
}

const after = (at: string, duration: string) => new Date(Date.parse(at) + parseDuration(duration)).toISOString();
const outcome = (o: string, detail?: Record<string, unknown>): NodeResult => ({ outcome: o, detail });
/** Default resume for activity nodes: the activity's outcome, else the node's only outcome. */
const activityOutcome =
  (fallback: string) =>
  (_: unknown, event: RunEvent): NodeResult =>
    event.type === 'activity_done' ? outcome(event.result?.outcome ?? fallback, event.result) : outcome(fallback);

type Outcome = Extract<NodeResult, { outcome: string }>;
/** A message went out: count it in vars.sent (a send that reports `failed` does not count). */
const counted = (r: Outcome, sent = r.outcome === 'sent'): Outcome => (sent ? { ...r, update: (s) => void (s.vars.sent += 1) } : r);

type Handlers = { [K in NodeKind]: NodeHandler<K> };

export const handlers: Handlers = {
  start: {
    enter: ({ node, state }) => {
      const refused = entryRefusal(node.config, state.interaction);
      return refused ? { finish: 'completed', reason: refused } : outcome('next');
    },
  },
  keywords: {
    enter: ({ node, state }) => outcome(state.facts.matches[node.id] ? 'match' : 'no_match', { query: node.config.query }),
  },
  sentiment: {
    enter: ({ node, state }) => {
      const s = state.facts.sentiment.compound;
      const o = s <= node.config.negativeBelow ? 'negative' : s >= node.config.positiveAbove ? 'positive' : 'neutral';
      return outcome(o, { compound: s });
    },
  },
  priority: {
    enter: ({ state }) => outcome(state.facts.priority.tier, { cues: state.facts.priority.cues }),
  },
  customer: {
    enter: ({ state }) => outcome(state.facts.influence.segment, { score: state.facts.influence.score }),
  },
  channel: {
    enter: ({ node, state }) => outcome(node.config.branches.includes(state.interaction.channel) ? state.interaction.channel : 'other'),
  },
  hours: {
    enter: ({ node, at }) => {
      if (isOpenAt(node.config.schedule, at)) return outcome('open', { at });
      if (node.config.whenClosed === 'branch') return outcome('closed', { at });
      const until = nextOpeningAfter(node.config.schedule as OfficeHoursConfig, at);
      // A schedule with no shift in the coming year would make the run wait forever.
      if (!until) return { finish: 'failed', reason: `hours ${node.id}: the office never opens on this schedule` };
      return { await: 'timer', until };
    },
    resume: () => outcome('open'),
  },
  crisis: {
    enter: ({ node, state }) => {
      const c = state.facts.crisis;
      const active = !!c?.active && (!node.config.topic || c.topics.includes(node.config.topic));
      return outcome(active ? 'crisis' : 'normal', { topics: c?.topics ?? [] });
    },
  },
  pii: {
    enter: ({ node, state }) => {
      if (node.config.publicOnly && state.interaction.visibility !== 'public') return outcome('none', { reason: 'private message' });
      return outcome(state.facts.pii.found ? 'found' : 'none', { kinds: state.facts.pii.kinds });
    },
  },
  expression: {
    enter: ({ node, state }) => {
      const scope = {
        ...state.facts,
        channel: state.interaction.channel,
        visibility: state.interaction.visibility,
        author: state.interaction.author,
        tags: state.vars.tags,
      };
      return outcome(evaluateExpression(node.config.expression, scope) ? 'true' : 'false');
    },
  },
  tag: {
    enter: ({ node }) => ({
      outcome: 'next',
      detail: { tags: node.config.tags },
      update: (s) => void (s.vars.tags = [...new Set([...s.vars.tags, ...node.config.tags])]),
    }),
  },
  route: {
    enter: ({ node, state }) => ({
      activity: 'route',
      input: { ...node.config, tier: state.facts.priority.tier, influence: state.facts.influence.score },
    }),
    resume: (_ctx, event) => ({
      outcome: 'routed',
      detail: event.type === 'activity_done' ? event.result : undefined,
      update: (s) => void (event.type === 'activity_done' && (s.vars.assignment = event.result)),
    }),
  },
  escalate: {
    enter: ({ node }) => ({ activity: 'escalate', input: { rung: 0, ...node.config.ladder[0], note: node.config.note }, phase: 0 }),
    resume: ({ node, at }, event, w) => {
      const rung = node.config.ladder[w.phase];
      if (w.waitFor === 'activity') return { await: 'escalation', until: after(at, rung.sla), phase: w.phase };
      if (event.type === 'decision') return outcome('handled', { rung: w.phase, by: event.by });
      const next = w.phase + 1;
      if (next < node.config.ladder.length)
        return { activity: 'escalate', input: { rung: next, ...node.config.ladder[next], note: node.config.note }, phase: next };
      return outcome('timeout', { rungs: node.config.ladder.length });
    },
  },
  draft: {
    enter: ({ node }) => ({ activity: 'draft', input: { ...node.config } }),
    resume: (_ctx, event) => {
      const r = event.type === 'activity_done' ? (event.result ?? {}) : {};
      // No article fits the message: its own handle (a template, a person) beats an empty reply.
      if (r.outcome === 'no_article') return outcome('no_article', { reason: r.reason });
      return {
        outcome: 'next',
        detail: r.articleId ? { articleId: r.articleId, score: r.score } : undefined,
        update: (s) => {
          if (event.type !== 'activity_done') return;
          s.vars.draft = {
            text: String(r.text ?? ''),
            template: r.template as string | undefined,
            articleId: r.articleId as string | undefined,
          };
        },
      };
    },
  },
  approval: {
    enter: ({ node, state, at }) => ({
      activity: 'requestApproval',
      input: { role: node.config.role, text: state.vars.draft?.text ?? '', dueAt: after(at, node.config.sla), backup: false },
      phase: 0,
    }),
    resume: ({ node, state, at }, event, w) => {
      if (w.waitFor === 'activity') return { await: 'approval', until: after(at, node.config.sla), phase: w.phase };
      if (event.type === 'decision') {
        const approved = event.outcome === 'approved';
        return {
          outcome: approved ? 'approved' : 'rejected',
          detail: { by: event.by, reason: event.reason, edited: event.text !== undefined && event.text !== state.vars.draft?.text },
          update: (s) => {
            const text = event.text ?? s.vars.draft?.text ?? '';
            s.vars.draft = { ...s.vars.draft, text, approved, approvedBy: approved ? event.by : undefined, rejected: !approved };
          },
        };
      }
      if (node.config.backup && w.phase === 0) {
        return {
          activity: 'requestApproval',
          input: { role: node.config.role, text: state.vars.draft?.text ?? '', dueAt: after(at, node.config.sla), backup: true },
          phase: 1,
        };
      }
      return outcome('timeout', { attempts: w.phase + 1 });
    },
  },
  send: {
    enter: ({ node, state }) => {
      const d = state.vars.draft;
      if (d?.rejected) return outcome('failed', { reason: 'the draft was rejected' });
      if (node.config.requireApproval && !d?.approved) return outcome('failed', { reason: 'the reply needs an approval it does not have' });
      return {
        activity: 'send',
        input: { visibility: node.config.visibility, text: d?.text, template: d ? undefined : node.config.template },
      };
    },
    resume: (ctx, event) => counted(activityOutcome('sent')(ctx, event) as Outcome),
  },
  holding: {
    enter: ({ node, state }) => {
      const variant = chooseVariant(state.interaction.id, node.config.templates.length);
      const template = node.config.templates[variant];
      if (node.config.mode === 'draft') return { activity: 'draft', input: { source: 'template', template, variant } };
      // Answer where the customer wrote: a holding reply to a DM must not go out as a public post.
      return { activity: 'send', input: { visibility: state.interaction.visibility, template, variant } };
    },
    resume: ({ node }, event) => {
      const r = event.type === 'activity_done' ? event.result : undefined;
      if (node.config.mode === 'draft') {
        return {
          outcome: 'next',
          detail: { template: r?.template },
          update: (s) => void (s.vars.draft = { text: String(r?.text ?? ''), template: r?.template as string | undefined }),
        };
      }
      return counted({ outcome: 'next', detail: r }, r?.outcome !== 'failed');
    },
  },
  agent_task: {
    enter: ({ node, at }) => ({ activity: 'createTask', input: { ...node.config, dueAt: after(at, node.config.sla) } }),
    resume: ({ node, at }, event, w) => {
      if (w.waitFor === 'activity') return { await: 'task', until: after(at, node.config.sla) };
      if (event.type === 'decision') {
        // A reply written with the decision becomes the run's draft, signed by its author.
        const text = event.text;
        return {
          outcome: event.outcome,
          detail: { by: event.by },
          update: text ? (s) => void (s.vars.draft = { text, author: event.by }) : undefined,
        };
      }
      return outcome('timeout');
    },
  },
  wait: {
    enter: ({ node, at }) => ({ await: node.config.for === 'reply' ? 'reply' : 'timer', until: after(at, node.config.duration) }),
    resume: ({ node }, event) => {
      if (node.config.for === 'duration') return outcome('elapsed');
      return event.type === 'customer_reply' ? outcome('replied', { text: event.text }) : outcome('timeout');
    },
  },
  notify: {
    enter: ({ node }) => ({ activity: 'notify', input: { ...node.config } }),
    resume: activityOutcome('next'),
  },
  declare_crisis: {
    enter: ({ node }) => ({ activity: 'declareCrisis', input: { ...node.config } }),
    resume: activityOutcome('next'),
  },
  resolve: {
    enter: ({ node, state }) => ({
      activity: 'resolve',
      input: { ...node.config, thankYou: node.config.thankYou && state.interaction.visibility === 'public' },
    }),
    resume: activityOutcome('next'),
  },
  end: {
    enter: () => ({ finish: 'completed', reason: 'end' }),
  },
};

export type { NodeConfig };
