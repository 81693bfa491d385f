/**
 * From a playbook (the engine's JSON) to what @xyflow/react draws. The kinds, their labels
 * and their outcome handles all come from the engine's catalog, never from the editor.
 *
 * Cards are memoised, so the data of a node that did not change is reused (same object):
 * an edit to one node of a 300-node playbook re-renders one card.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { catalog, nodeConfigs, type NodeKind, type NodeKindSpec, type Playbook, type PlaybookNode, type Problem } from '@firebreak/engine';
import type { CanvasOverlay, NodeOverlay, OverlayTone } from '../workbench';
import { summarize } from '../graph/summary';

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
  /** The key settings in a few words (the query, the team, the SLA). */
  summary: string;
  overlay: NodeOverlay | null;
  /** Drawn only by an overlay (a diff's removed node): not part of the draft, not editable. */
  ghost: boolean;
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

/** Reuses node data between builds when nothing a card shows has changed. */
export type NodeDataCache = Map<string, PlaybookNodeData>;

export function buildNodes(pb: Playbook, problems: Problem[], overlay: CanvasOverlay | null, cache: NodeDataCache): PlaybookFlowNode[] {
  const handlesUsed = new Map<string, Set<string>>();
  for (const e of pb.edges) {
    if (!handlesUsed.has(e.source)) handlesUsed.set(e.source, new Set());
    handlesUsed.get(e.source)!.add(e.sourceHandle);
  }
  const problemsOf = new Map<string, Problem[]>();
  for (const p of problems) if (p.nodeId) problemsOf.set(p.nodeId, [...(problemsOf.get(p.nodeId) ?? []), p]);

  const seen = new Set<string>();
  const build = (node: PlaybookNode, ghost: boolean): PlaybookFlowNode => {
    seen.add(node.id);
    const next = nodeData(node, handlesUsed.get(node.id), problemsOf.get(node.id) ?? [], overlay?.nodes[node.id] ?? null, ghost);
    const prev = cache.get(node.id);
    const data = prev && sameData(prev, next) ? prev : next;
    cache.set(node.id, data);
    return {
      id: node.id,
      type: 'playbook',
      position: node.position ?? { x: 0, y: 0 },
      data,
      ...(ghost ? { draggable: false, selectable: false, connectable: false, deletable: false, focusable: false } : {}),
    };
  };
  const nodes = pb.nodes.map((n) => build(n, false));
  const ids = new Set(pb.nodes.map((n) => n.id));
  for (const g of overlay?.ghosts ?? []) if (!ids.has(g.id)) nodes.push(build(g, true));
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return nodes;
}

function nodeData(
  node: PlaybookNode,
  used = new Set<string>(),
  problems: Problem[],
  overlay: NodeOverlay | null,
  ghost: boolean,
): PlaybookNodeData {
  const offered = outcomesOf(node);
  const names = [...offered, ...[...used].filter((h) => !offered.includes(h))];
  const ends = new Set(node.ends ?? []);
  return {
    node,
    spec: catalog[node.kind] as unknown as NodeKindSpec,
    outcomes: names.map((name) => ({ name, connected: used.has(name), ends: ends.has(name), unknown: !offered.includes(name) })),
    problems,
    summary: summarize(node),
    overlay,
    ghost,
  };
}

function sameData(a: PlaybookNodeData, b: PlaybookNodeData): boolean {
  return (
    a.node === b.node &&
    a.ghost === b.ghost &&
    sameList(
      a.outcomes,
      b.outcomes,
      (x, y) => x.name === y.name && x.connected === y.connected && x.ends === y.ends && x.unknown === y.unknown,
    ) &&
    sameList(
      a.problems,
      b.problems,
      (x, y) => x.code === y.code && x.message === y.message && x.severity === y.severity && x.path === y.path,
    ) &&
    (a.overlay === b.overlay ||
      (!!a.overlay &&
        !!b.overlay &&
        a.overlay.tone === b.overlay.tone &&
        a.overlay.badge === b.overlay.badge &&
        a.overlay.title === b.overlay.title))
  );
}

function sameList<T>(a: T[], b: T[], eq: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => eq(x, b[i]));
}

const marker = (color: string) => ({ type: MarkerType.ArrowClosed, width: 16, height: 16, color });
const toneColor: Record<OverlayTone, string> = {
  path: '#1f3a5f',
  current: '#e76f51',
  added: '#2f855a',
  removed: '#c0392b',
  changed: '#b7791f',
  muted: '#c3cad3',
  breach: '#c0392b',
};

/** Reuses edge objects between builds when nothing drawn has changed. */
export type EdgeCache = Map<string, PlaybookFlowEdge>;

export function buildEdges(
  pb: Playbook,
  problems: Problem[],
  overlay: CanvasOverlay | null,
  selected: Set<string>,
  cache: EdgeCache,
): PlaybookFlowEdge[] {
  const drawn = new Set(pb.nodes.map((n) => n.id));
  for (const g of overlay?.ghosts ?? []) drawn.add(g.id);
  const faulty = new Set(problems.map((p) => p.edgeId).filter(Boolean));
  const seen = new Set<string>();
  const build = (e: Playbook['edges'][number], ghost: boolean): PlaybookFlowEdge => {
    const tone = overlay?.edges?.[e.id] ?? (ghost ? 'removed' : undefined);
    const className =
      [faulty.has(e.id) ? 'edge-problem' : '', tone ? `edge-tone-${tone}` : '', ghost ? 'edge-ghost' : ''].filter(Boolean).join(' ') ||
      undefined;
    const isSelected = selected.has(e.id);
    const prev = cache.get(e.id);
    seen.add(e.id);
    if (prev && prev.data?.edge === e && prev.className === className && !!prev.selected === isSelected) return prev;
    const edge: PlaybookFlowEdge = {
      id: e.id,
      source: e.source,
      sourceHandle: e.sourceHandle,
      target: e.target,
      type: 'default',
      markerEnd: marker(tone ? toneColor[tone] : '#6f7e91'),
      className,
      selected: isSelected,
      data: { edge: e },
      ...(ghost ? { selectable: false, deletable: false, focusable: false, reconnectable: false } : {}),
    };
    cache.set(e.id, edge);
    return edge;
  };
  // Dangling edges are reported by the validator; drawing them would only confuse the canvas.
  const edges = pb.edges.filter((e) => drawn.has(e.source) && drawn.has(e.target)).map((e) => build(e, false));
  const ids = new Set(pb.edges.map((e) => e.id));
  for (const g of overlay?.ghostEdges ?? []) if (!ids.has(g.id) && drawn.has(g.source) && drawn.has(g.target)) edges.push(build(g, true));
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return edges;
}

/** "no_match" → "no match": outcome names as a reader sees them. */
export const outcomeLabel = (name: string) => name.replace(/_/g, ' ');
