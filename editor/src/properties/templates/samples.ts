/**
 * Sample interactions for template previews, after the seeds' use cases: Angela the channel
 * hopper, Frank the influencer, and a customer hit by the broken 20% discount link (no
 * display name, so the fallbacks show).
 */
import { buildTemplateContext, findPii, type TemplateContext, type TemplateSources } from '@firebreak/engine';

export interface Sample {
  id: string;
  title: string;
  interaction: TemplateSources['interaction'];
  order?: { number?: string; eta?: string };
}

export const SAMPLES: Sample[] = [
  {
    id: 'angela',
    title: 'Angela on X: a late order',
    interaction: {
      channel: 'x',
      text: '@AcmeHelp where is my order ORD-48213?? two weeks late, this is terrible',
      author: { id: 'u-42', handle: 'angela', name: 'Angela Smith', followers: 310 },
    },
    order: { eta: '2026-11-28' },
  },
  {
    id: 'frank',
    title: 'Frank on Instagram: an influencer',
    interaction: {
      channel: 'instagram',
      text: 'Three days and no answer from @acme. My 48k followers will hear about it.',
      author: { id: 'u-7', handle: 'frank.reviews', name: 'Frank', followers: 48_000, verified: true },
    },
  },
  {
    id: 'discount',
    title: 'Facebook: the broken 20% discount link',
    interaction: {
      channel: 'facebook',
      text: 'Your 20% discount link is broken, it just says expired!!',
      author: { id: 'u-99', handle: '', name: '' },
    },
  },
];

/** Where in the graph the template runs: what the run knows by then. */
export interface RunSoFar {
  /** An agent was assigned upstream (a Route node). */
  agent: boolean;
  /** The crisis topic, when a crisis decision or declaration is upstream. */
  crisisTopic: string | null;
}

/** The template context a run on this sample would have at that node (the engine's own mapping). */
export function sampleContext(sample: Sample, run: RunSoFar): TemplateContext {
  const { interaction } = sample;
  return buildTemplateContext({
    interaction,
    facts: {
      pii: { found: false, kinds: [], spans: findPii(interaction.text) },
      crisis: run.crisisTopic ? { active: true, topics: [run.crisisTopic] } : { active: false, topics: [] },
    },
    vars: run.agent ? { assignment: { team: 'care', agentName: 'Priya Shah', agentSignature: 'PS' } } : null,
    order: sample.order,
  });
}
