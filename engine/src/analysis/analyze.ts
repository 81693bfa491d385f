/**
 * compile(): everything a published playbook version needs, prepared once — all keyword
 * queries, crisis-topic queries and priority cue lists in ONE matcher, the PII patterns on
 * RE2, the influence thresholds. analyze(): the facts for one message, in one pass.
 *
 * The input of compile() is structural on purpose, so it does not depend on the playbook
 * schema: the interpreter passes `{ queries: keywordNodes.map(n => ({ id: n.id, query: n.config.query })) }`.
 */
import type { Facts, Message } from './facts';
import { influence, type InfluenceConfig } from './influence';
import { detectLanguage, DEFAULT_LANGUAGES } from './language';
import { compilePii, findPii, type CompiledPii, type PiiConfig } from './pii';
import { classifyPriority, CUE_ID_PREFIX, resolveCues, type CueConfig, type ResolvedCues } from './priority';
import { KeywordMatcher, type QueryInput, type QueryProblem } from './query/matcher';
import { sentiment } from './sentiment';

export interface AnalysisConfig {
  /** Keyword queries, keyed by the id of the node that owns them. */
  queries?: QueryInput[];
  /** Crisis topics: their matches appear as `matches["crisis:<topic>"]` and make a message first tier. */
  crisisTopics?: Array<{ topic: string; query: string }>;
  cues?: CueConfig;
  pii?: PiiConfig;
  influence?: InfluenceConfig;
  /** Languages to choose among (ISO 639-1); default: the common ones of DEFAULT_LANGUAGES. */
  languages?: string[];
}

export interface CompiledAnalysis {
  readonly matcher: KeywordMatcher;
  readonly cues: ResolvedCues;
  readonly pii: CompiledPii;
  readonly influence: InfluenceConfig;
  readonly languages: readonly string[];
  /** Queries that did not parse; they never match. Validation shows them before publish. */
  readonly problems: QueryProblem[];
}

/** Context the server knows and the message does not. */
export interface AnalyzeContext {
  crisis?: { active: boolean; topics: string[] };
}

export const CRISIS_PREFIX = 'crisis:';

export function compile(config: AnalysisConfig = {}): CompiledAnalysis {
  const cues = resolveCues(config.cues);
  const crisis = (config.crisisTopics ?? []).map((c) => ({ id: CRISIS_PREFIX + c.topic, query: c.query }));
  const matcher = new KeywordMatcher([...(config.queries ?? []), ...crisis, ...cues.queries]);
  return {
    matcher,
    cues,
    pii: compilePii(config.pii),
    influence: config.influence ?? {},
    languages: config.languages ?? DEFAULT_LANGUAGES,
    problems: matcher.problems,
  };
}

let defaultCompiled: CompiledAnalysis | undefined;

/**
 * The facts for one message. `matches` lists only the queries that matched (value true):
 * an absent id means "did not match", which keeps facts small in workflow history even
 * when a version has thousands of queries.
 */
export function analyze(message: Message, compiled?: CompiledAnalysis, context: AnalyzeContext = {}): Facts {
  const c = compiled ?? (defaultCompiled ??= compile());
  const text = message.text ?? '';
  const matches: Record<string, boolean> = {};
  const firedCues: string[] = [];
  const crisisTopics: string[] = [];
  for (const id of c.matcher.match(text)) {
    if (id.startsWith(CUE_ID_PREFIX)) firedCues.push(id);
    else {
      matches[id] = true;
      if (id.startsWith(CRISIS_PREFIX)) crisisTopics.push(id.slice(CRISIS_PREFIX.length));
    }
  }
  // A declared crisis the message is about (by topic match) is an escalating crisis issue.
  if (context.crisis?.active)
    for (const t of context.crisis.topics) if (matches[CRISIS_PREFIX + t] && !crisisTopics.includes(t)) crisisTopics.push(t);
  const s = sentiment(text);
  const spans = findPii(text, c.pii);
  const facts: Facts = {
    language: detectLanguage(text, { only: c.languages }),
    sentiment: s,
    priority: classifyPriority({ message, sentiment: s, firedCueIds: firedCues, crisisTopics }, c.cues),
    pii: { found: spans.length > 0, kinds: [...new Set(spans.map((f) => f.kind))], spans },
    influence: influence(message.author, c.influence),
    matches,
  };
  if (context.crisis) facts.crisis = context.crisis;
  return facts;
}
