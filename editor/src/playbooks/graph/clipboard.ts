/**
 * Copy and paste of nodes as JSON text, so a selection travels through the system clipboard
 * (between playbooks, tabs, or into a chat as a snippet). Pasted nodes get fresh ids; the
 * edges between them come along, edges to nodes left behind do not.
 */
import { edgeSchema, nodeSchema, type Playbook, type PlaybookEdge, type PlaybookNode } from '@firebreak/engine';
import { edgeIds, freshId, nodeIds, type XY } from './ops';

export const CLIPBOARD_FORMAT = 'firebreak/nodes@1';

export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  nodes: PlaybookNode[];
  edges: PlaybookEdge[];
}

/** The selected nodes and the edges that run between them. */
export function copyNodes(pb: Playbook, ids: Iterable<string>): ClipboardPayload | null {
  const chosen = new Set(ids);
  const nodes = pb.nodes.filter((n) => chosen.has(n.id));
  if (nodes.length === 0) return null;
  const edges = pb.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target));
  return { format: CLIPBOARD_FORMAT, nodes, edges };
}

/** Our payload from clipboard text, or null for anything else (plain text, another app's JSON). */
export function parseClipboard(text: string): ClipboardPayload | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const { format, nodes, edges } = data as Record<string, unknown>;
  if (format !== CLIPBOARD_FORMAT || !Array.isArray(nodes) || nodes.length === 0 || !Array.isArray(edges)) return null;
  // The engine's own node and edge schemas: a pasted node is as well-formed as a saved one.
  const parsedNodes = nodes.map((n) => nodeSchema.safeParse(n));
  const parsedEdges = edges.map((e) => edgeSchema.safeParse(e));
  if (parsedNodes.some((r) => !r.success) || parsedEdges.some((r) => !r.success)) return null;
  return {
    format: CLIPBOARD_FORMAT,
    nodes: parsedNodes.map((r) => r.data as PlaybookNode),
    edges: parsedEdges.map((r) => r.data as PlaybookEdge),
  };
}

/**
 * Add a copy of the payload: fresh `<kind>-<n>` ids, internal edges re-pointed, outcomes that
 * led outside the copy left open. The copy's top-left corner lands at `at`.
 */
export function pasteNodes(pb: Playbook, payload: ClipboardPayload, at: XY): { playbook: Playbook; ids: string[] } {
  const takenNodes = nodeIds(pb);
  const takenEdges = edgeIds(pb);
  const rename = new Map<string, string>();
  for (const n of payload.nodes) rename.set(n.id, freshId(n.kind, takenNodes));
  const minX = Math.min(...payload.nodes.map((n) => n.position?.x ?? 0));
  const minY = Math.min(...payload.nodes.map((n) => n.position?.y ?? 0));
  const nodes = payload.nodes.map((n) => ({
    ...n,
    id: rename.get(n.id)!,
    position: { x: Math.round(at.x + (n.position?.x ?? 0) - minX), y: Math.round(at.y + (n.position?.y ?? 0) - minY) },
  }));
  const edges = payload.edges
    .filter((e) => rename.has(e.source) && rename.has(e.target))
    .map((e) => {
      const source = rename.get(e.source)!;
      const wanted = `${source}-${e.sourceHandle}`;
      const id = takenEdges.has(wanted) ? freshId(wanted, takenEdges) : (takenEdges.add(wanted), wanted);
      return { id, source, sourceHandle: e.sourceHandle, target: rename.get(e.target)! };
    });
  return { playbook: { ...pb, nodes: [...pb.nodes, ...nodes], edges: [...pb.edges, ...edges] }, ids: nodes.map((n) => n.id) };
}
