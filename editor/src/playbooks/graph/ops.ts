/**
 * Edits of a playbook graph as pure functions: each returns a new playbook and leaves every
 * node and edge it does not touch as the same object, so memoised node cards stay put and
 * undo/redo can keep whole snapshots cheaply.
 */
import type { NodeKind, Playbook, PlaybookEdge, PlaybookNode } from '@firebreak/engine';

export interface XY {
  x: number;
  y: number;
}

/** `<prefix>-<n>` with the smallest n not taken: short, readable, stable once chosen. */
export function freshId(prefix: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

export const nodeIds = (pb: Playbook) => new Set(pb.nodes.map((n) => n.id));
export const edgeIds = (pb: Playbook) => new Set(pb.edges.map((e) => e.id));

/**
 * A new node of a kind. Its config starts empty: the kind's defaults apply when it runs, and
 * the fields it requires are reported by the validator until the manager fills them in.
 */
export function addNode(pb: Playbook, kind: NodeKind, position: XY): { playbook: Playbook; id: string } {
  const id = freshId(kind, nodeIds(pb));
  const node: PlaybookNode = { id, kind, position: round(position), config: {}, ends: [] };
  return { playbook: { ...pb, nodes: [...pb.nodes, node] }, id };
}

/** Remove nodes (with every edge touching them) and edges. */
export function removeElements(pb: Playbook, nodes: Iterable<string>, edges: Iterable<string> = []): Playbook {
  const goneNodes = new Set(nodes);
  const goneEdges = new Set(edges);
  if (goneNodes.size === 0 && goneEdges.size === 0) return pb;
  return {
    ...pb,
    nodes: pb.nodes.filter((n) => !goneNodes.has(n.id)),
    edges: pb.edges.filter((e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target)),
  };
}

/**
 * Lead an outcome to a node. An outcome leads to one place, so an edge it had is replaced,
 * and it no longer ends the run.
 */
export function connect(pb: Playbook, source: string, outcome: string, target: string): Playbook {
  const existing = pb.edges.find((e) => e.source === source && e.sourceHandle === outcome);
  if (existing?.target === target) return pb;
  const taken = edgeIds(pb);
  if (existing) taken.delete(existing.id);
  const id = taken.has(`${source}-${outcome}`) ? freshId(`${source}-${outcome}`, taken) : `${source}-${outcome}`;
  const edge: PlaybookEdge = { id, source, sourceHandle: outcome, target };
  return {
    ...pb,
    nodes: pb.nodes.map((n) => (n.id === source && n.ends?.includes(outcome) ? { ...n, ends: n.ends.filter((o) => o !== outcome) } : n)),
    edges: [...pb.edges.filter((e) => e !== existing), edge],
  };
}

/** Disconnect an outcome (it then leads nowhere until connected or marked as ending). */
export function disconnect(pb: Playbook, source: string, outcome: string): Playbook {
  const edges = pb.edges.filter((e) => !(e.source === source && e.sourceHandle === outcome));
  return edges.length === pb.edges.length ? pb : { ...pb, edges };
}

/** Mark an outcome as deliberately ending the run (dropping its edge), or unmark it. */
export function setEnds(pb: Playbook, nodeId: string, outcome: string, ends: boolean): Playbook {
  const next = ends ? disconnect(pb, nodeId, outcome) : pb;
  return {
    ...next,
    nodes: next.nodes.map((n) => {
      if (n.id !== nodeId) return n;
      const has = (n.ends ?? []).includes(outcome);
      if (has === ends) return n;
      return { ...n, ends: ends ? [...(n.ends ?? []), outcome] : n.ends.filter((o) => o !== outcome) };
    }),
  };
}

/** New positions for some nodes (a drag, the arrow keys, auto-layout). */
export function moveNodes(pb: Playbook, positions: Map<string, XY>): Playbook {
  let changed = false;
  const nodes = pb.nodes.map((n) => {
    const p = positions.get(n.id);
    if (!p) return n;
    const r = round(p);
    if (n.position && n.position.x === r.x && n.position.y === r.y) return n;
    changed = true;
    return { ...n, position: r };
  });
  return changed ? { ...pb, nodes } : pb;
}

/** A new playbook's first draft: a Start node leading to an End node. */
export function starterPlaybook(key: string, name: string): Playbook {
  return {
    key,
    name,
    settings: {},
    nodes: [
      { id: 'start', kind: 'start', label: 'Every message', position: { x: 0, y: 0 }, config: {}, ends: [] },
      { id: 'end', kind: 'end', position: { x: 320, y: 0 }, config: {}, ends: [] },
    ],
    edges: [{ id: 'start-next', source: 'start', sourceHandle: 'next', target: 'end' }],
  };
}

const round = (p: XY): XY => ({ x: Math.round(p.x), y: Math.round(p.y) });
