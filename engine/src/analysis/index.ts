/**
 * Message analysis: what we know about one message. Pure and browser-safe (no Node
 * built-ins): the editor imports it, and it runs inside Temporal activities.
 */
export * from './facts';
export { analyze, compile, CRISIS_PREFIX, type AnalysisConfig, type AnalyzeContext, type CompiledAnalysis } from './analyze';
export { parseQuery } from './query/parser';
export type { QueryNode, QueryError, ParseResult, LeafNode, PhraseNode, PrefixNode, RegexNode } from './query/ast';
export { KeywordMatcher, type QueryInput, type QueryProblem } from './query/matcher';
export { tokenize, fold, type Token, type TokenKind } from './text/tokenize';
export { sentiment, labelOf, NEUTRAL_BAND, type SentimentResult } from './sentiment';
export {
  priorityTier,
  classifyPriority,
  resolveCues,
  DEFAULT_CUES,
  CUE_CLASSES,
  DEFAULT_NEGATIVE_THRESHOLD,
  type CueClass,
  type CueConfig,
  type PriorityResult,
} from './priority';
export { findPii, compilePii, DEFAULT_PII_PATTERNS, type PiiConfig, type PiiPattern, type CompiledPii } from './pii';
export { influence, DEFAULT_INFLUENCE, type InfluenceConfig, type InfluenceResult } from './influence';
export {
  isOpen,
  nextOpening,
  businessTimeBetween,
  validateOfficeHours,
  parseShifts,
  WEEKDAYS,
  type OfficeHours,
  type Shift,
  type Weekday,
  type Instant,
} from './hours';
export { detectLanguage, DEFAULT_LANGUAGES } from './language';
