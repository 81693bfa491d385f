/**
 * From a playbook (the engine's JSON) to what @xyflow/react draws. The kinds, their labels
 * and their outcome handles all come from the engine's catalog, never from the editor.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { catalog, nodeConfigs, type NodeKind, type NodeKindSpec, type Playbook, type PlaybookNode, type Problem } from '@firebreak/engine';

export interface OutcomeHandle {
  /** The outcome name: the handle id and an edge's `sourceHandle`. */
  name: string;
  connected: boolean;
  /** Declared in the node's `ends`: the run deliberately stops here. */
  ends: boolean;
  /** An edge leaves from it but the kind does not offer it (the validator reports it). */
  unknown: boolean;
}

export interface PlaybookNodeData extends Record<string, unknown> {
  node: PlaybookNode;
  spec: NodeKindSpec;
  outcomes: OutcomeHandle[];
  problems: Problem[];
}

export type PlaybookFlowNode = Node<PlaybookNodeData, 'playbook'>;
export type PlaybookFlowEdge = Edge;

/** The outcomes a node offers: the kind's `outcomes(config)` on its parsed config. */
export function outcomesOf(node: PlaybookNode): string[] {
  const spec = catalog[node.kind] as unknown as NodeKindSpec;
  const parsed = nodeConfigs[node.kind as NodeKind].safeParse(node.config ?? {});
  try {
    // An invalid config still gets its handles where the kind can tell (the validator
    // reports the config); a kind whose outcomes depend on the broken field gets none.
    return spec.outcomes((parsed.success ? parsed.data : node.config) as never);
  } catch {
    return [];
  }
}

export function toFlow(pb: Playbook, problems: Problem[] = []): { nodes: PlaybookFlowNode[]; edges: PlaybookFlowEdge[] } {
  const ids = new Set(pb.nodes.map((n) => n.id));
  const edgesFrom = new Map<string, Set<string>>();
  for (const e of pb.edges) {
    if (!edgesFrom.has(e.source)) edgesFrom.set(e.source, new Set());
    edgesFrom.get(e.source)!.add(e.sourceHandle);
  }

  const nodes: PlaybookFlowNode[] = pb.nodes.map((node) => {
    const used = edgesFrom.get(node.id) ?? new Set<string>();
    const offered = outcomesOf(node);
    const names = [...offered, ...[...used].filter((h) => !offered.includes(h))];
    const ends = new Set(node.ends ?? []);
    return {
      id: node.id,
      type: 'playbook',
      position: node.position ?? { x: 0, y: 0 },
      data: {
        node,
        spec: catalog[node.kind] as unknown as NodeKindSpec,
        outcomes: names.map((name) => ({
          name,
          connected: used.has(name),
          ends: ends.has(name),
          unknown: !offered.includes(name),
        })),
        problems: problems.filter((p) => p.nodeId === node.id),
      },
    };
  });

  // Dangling edges are reported by the validator; drawing them would only confuse the canvas.
  const edges: PlaybookFlowEdge[] = pb.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({
      id: e.id,
      source: e.source,
      sourceHandle: e.sourceHandle,
      target: e.target,
      type: 'default',
      markerEnd: {
        type: MarkerType.ArrowClosed,
        width: 16,
        height: 16,
        color: '#6f7e91',
      },
      className: problems.some((p) => p.edgeId === e.id) ? 'edge-problem' : undefined,
    }));

  return { nodes, edges };
}

/** "no_match" → "no match": outcome names as a reader sees them. */
export const outcomeLabel = (name: string) => name.replace(/_/g, ' ');
