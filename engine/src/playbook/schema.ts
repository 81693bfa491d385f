import { z } from 'zod';
import { durationSchema, keywordQuerySchema, NODE_KINDS, nodeConfigs, NodeConfig, NodeKind } from './catalog';

/**
 * A playbook is a graph. Node and edge ids are stable across versions (the diff and the
 * recorded paths rely on them), so they are chosen once by the editor and never recomputed.
 */
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'ids are 1–64 letters, digits, _ or -');

export const nodeSchema = z.object({
  id,
  kind: z.enum(NODE_KINDS as [NodeKind, ...NodeKind[]]),
  label: z.string().max(120).optional(),
  position: z.object({ x: z.number(), y: z.number() }).default({ x: 0, y: 0 }),
  /** Validated per kind by `validate()`, so that one bad field does not hide the others. */
  config: z.record(z.string(), z.unknown()).default({}),
  /** Outcomes that deliberately end the run without an edge. */
  ends: z.array(z.string()).default([]),
});

export const edgeSchema = z.object({
  id,
  source: z.string(),
  /** The outcome of the source node this edge leaves from. */
  sourceHandle: z.string(),
  target: z.string(),
});

const cueList = (what: string) =>
  z.array(z.string()).optional().describe(`${what}: keyword queries added to the built-in cues, e.g. "discount link".`);
/** Per-playbook settings: analysis cue lists and the like. */
export const settingsSchema = z
  .object({
    cues: z
      .object({
        first: cueList('First tier (must answer)'),
        second: cueList('Second tier'),
        noise: cueList('Noise'),
      })
      .optional()
      .describe('Extra cues for the priority tier of every message this playbook sees.'),
    crisisTopics: z
      .array(
        z.object({
          topic: z.string().min(1).describe('The crisis topic, e.g. discount-link; crisis nodes can test for it.'),
          query: keywordQuerySchema('a keyword query is required').describe('Which messages are about this topic.'),
          threshold: z.number().int().positive().describe('How many matching messages declare the crisis…'),
          window: durationSchema.describe('…within this time.'),
        }),
      )
      .optional()
      .describe('A crisis is declared when this many matching messages arrive within the window.'),
  })
  .default({});

/**
 * Settings as a draft may hold them mid-edit (a crisis topic added, its query not written
 * yet): only their shape is checked here; `validate()` checks them against `settingsSchema`,
 * as it does node configs, so one unfinished field neither blocks the autosave nor hides
 * every other problem. Publishing needs them valid.
 */
const draftSettingsSchema = z
  .object({
    cues: z
      .object({ first: z.array(z.string()).optional(), second: z.array(z.string()).optional(), noise: z.array(z.string()).optional() })
      .optional(),
    crisisTopics: z.array(z.object({ topic: z.string(), query: z.string(), threshold: z.number(), window: z.string() })).optional(),
  })
  .default({});

export const playbookSchema = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a key is lowercase letters, digits and dashes'),
  name: z.string().min(1).max(200).describe('What the care team calls this playbook.'),
  description: z.string().max(2000).optional().describe('What it is for and when it runs, for whoever edits it next.'),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  settings: draftSettingsSchema,
});

export type PlaybookNode = z.infer<typeof nodeSchema>;
export type PlaybookEdge = z.infer<typeof edgeSchema>;
export type Playbook = z.infer<typeof playbookSchema>;
/** What a caller may hand in: defaults not yet applied. */
export type PlaybookInput = z.input<typeof playbookSchema>;

/** A node whose config has been parsed against its kind (defaults applied). */
export interface TypedNode<K extends NodeKind = NodeKind> extends Omit<PlaybookNode, 'config' | 'kind'> {
  kind: K;
  config: NodeConfig<K>;
}

/** Parse a node's config for its kind; throws the zod error when invalid. */
export function typedNode<K extends NodeKind>(node: PlaybookNode & { kind: K }): TypedNode<K> {
  const config = nodeConfigs[node.kind].parse(node.config) as NodeConfig<K>;
  return { ...node, config };
}
