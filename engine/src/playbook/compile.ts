import { analyze, compile, type AnalysisConfig, CompiledAnalysis } from '../analysis';
import type { Facts, Message } from '../analysis/facts';
import { Playbook } from './schema';

/** What a playbook asks of the analysis: its keyword nodes' queries, crisis topics and cue lists. */
export function analysisConfigOf(pb: Pick<Playbook, 'nodes' | 'settings'>): AnalysisConfig {
  return {
    queries: pb.nodes
      .filter((n) => n.kind === 'keywords')
      .map((n) => ({ id: n.id, query: String((n.config as { query?: unknown }).query ?? '') })),
    crisisTopics: pb.settings.crisisTopics?.map(({ topic, query }) => ({ topic, query })),
    cues: pb.settings.cues,
  };
}

/**
 * Everything a published version needs to analyse a message, prepared once: every keyword
 * node's query and every crisis topic in one matcher, the version's cue lists. The api
 * caches it per version; the editor compiles its draft for a test run.
 */
export function compilePlaybook(pb: Playbook): CompiledAnalysis {
  return compile(analysisConfigOf(pb));
}

export function analyzeFor(compiled: CompiledAnalysis, message: Message, crisis?: Facts['crisis']): Facts {
  return analyze(message, compiled, crisis ? { crisis } : {});
}
