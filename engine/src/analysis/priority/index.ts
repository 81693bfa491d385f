/**
 * Priority tier after the seeds' framework:
 *  - first tier: a direct question to the brand, expressed dissatisfaction, an urgent
 *    product/service need, an escalating crisis issue;
 *  - second tier: general references, positive experiences, indirect industry references;
 *  - noise: nothing for the brand to do.
 * The cues that fired are returned so the editor can answer "why did it route here".
 */
import type { Message, PriorityTier } from '../facts';
import { KeywordMatcher, type QueryInput } from '../query/matcher';
import { sentiment as scoreSentiment, type SentimentResult } from '../sentiment';
import { CUE_CLASSES, DEFAULT_CUES, DEFAULT_NEGATIVE_THRESHOLD, type CueClass, type CueConfig } from './cues';

export * from './cues';

export interface PriorityResult {
  tier: PriorityTier;
  needsResponse: boolean;
  cues: string[];
}

/** Cue lists resolved against the defaults, ready to be compiled into a matcher. */
export interface ResolvedCues {
  queries: QueryInput[];
  /** query id → human label, e.g. "dissatisfaction:never received". */
  labels: Map<string, { cls: CueClass; label: string }>;
  brandHandles: Set<string>;
  negativeThreshold: number;
}

/** Query ids of cue entries start with a NUL so they can never collide with node ids. */
export const CUE_ID_PREFIX = '\u0000cue:';

export function resolveCues(config: CueConfig = {}): ResolvedCues {
  const queries: QueryInput[] = [];
  const labels = new Map<string, { cls: CueClass; label: string }>();
  for (const cls of CUE_CLASSES) {
    const shorthand = cls === 'first' || cls === 'second' || cls === 'noise' ? (config[cls] ?? []) : [];
    const list = [...(config.lists?.[cls] ?? DEFAULT_CUES[cls]), ...(config.extra?.[cls] ?? []), ...shorthand];
    list.forEach((query, i) => {
      const id = `${CUE_ID_PREFIX}${cls}:${i}`;
      queries.push({ id, query });
      labels.set(id, { cls, label: `${cls}:${query.replace(/"/g, '')}` });
    });
  }
  const brandHandles = new Set((config.brandHandles ?? []).map((h) => '@' + h.replace(/^@/, '').toLowerCase()));
  return { queries, labels, brandHandles, negativeThreshold: config.negativeThreshold ?? DEFAULT_NEGATIVE_THRESHOLD };
}

export interface PriorityInput {
  message: Message;
  sentiment: SentimentResult;
  /** Ids of cue queries that matched (from the shared matcher). */
  firedCueIds: readonly string[];
  /** Crisis topics whose query matched this message. */
  crisisTopics?: readonly string[];
}

const MENTION_RE = /(^|[^\w@])@(\w+)/g;
const MENTION_ANY_RE = /(^|[^\w@])@\w/;

/** Is the message addressed to the brand (rather than talking about it)? */
function addressedToBrand(m: Message, brandHandles: Set<string>): boolean {
  if (m.visibility === 'private' || m.channel === 'email' || m.channel === 'chat') return true;
  if (brandHandles.size > 0) {
    for (const x of m.text.matchAll(MENTION_RE)) if (brandHandles.has('@' + x[2].toLowerCase())) return true;
    return false;
  }
  // Without configured handles, any mention counts: a public post reaches the brand's
  // inbox because it mentions the brand.
  return MENTION_ANY_RE.test(m.text);
}

/** Anything left once mentions, links and punctuation are removed? */
function hasContent(text: string): boolean {
  return /\p{L}{2,}/u.test(text.replace(/https?:\/\/\S+|[@#]\w+/g, ''));
}

export function classifyPriority(input: PriorityInput, cues: ResolvedCues): PriorityResult {
  const { message, sentiment, firedCueIds } = input;
  const fired = Object.fromEntries(CUE_CLASSES.map((c) => [c, [] as string[]])) as Record<CueClass, string[]>;
  for (const id of firedCueIds) {
    const l = cues.labels.get(id);
    if (l) fired[l.cls].push(l.label);
  }
  const addressed = addressedToBrand(message, cues.brandHandles);
  const first: string[] = [];
  if (addressed && message.text.includes('?')) first.push('question:?');
  if (addressed) first.push(...fired.question);
  first.push(...fired.dissatisfaction);
  if (sentiment.compound <= cues.negativeThreshold) first.push('dissatisfaction:sentiment');
  first.push(...fired.urgent, ...fired.first);
  for (const t of input.crisisTopics ?? []) first.push(`crisis:${t}`);
  if (first.length > 0 && fired.noise.length === 0) return { tier: 'first', needsResponse: true, cues: first };

  const second: string[] = [];
  if (fired.noise.length > 0 || !hasContent(message.text)) {
    return { tier: 'noise', needsResponse: false, cues: fired.noise.length > 0 ? fired.noise : ['noise:no-content'] };
  }
  second.push(...fired.positive);
  if (sentiment.label === 'positive' && fired.positive.length === 0) second.push('positive:sentiment');
  if (addressed) second.push('reference:addressed');
  second.push(...fired.reference, ...fired.industry, ...fired.second);
  if (second.length > 0) return { tier: 'second', needsResponse: false, cues: second };
  return { tier: 'noise', needsResponse: false, cues: [] };
}

const cache = new WeakMap<CueConfig, { cues: ResolvedCues; matcher: KeywordMatcher }>();
const DEFAULT_KEY: CueConfig = {};

/**
 * Stand-alone convenience: tier of one message with default (or given) cue lists. The
 * analysis pipeline does not use this; it folds the cue queries into the version's matcher.
 */
export function priorityTier(message: Message | string, config: CueConfig = DEFAULT_KEY, s?: SentimentResult): PriorityResult {
  const m = typeof message === 'string' ? { text: message } : message;
  let c = cache.get(config);
  if (!c) {
    const cues = resolveCues(config);
    c = { cues, matcher: new KeywordMatcher(cues.queries) };
    cache.set(config, c);
  }
  return classifyPriority({ message: m, sentiment: s ?? scoreSentiment(m.text), firedCueIds: c.matcher.match(m.text) }, c.cues);
}
