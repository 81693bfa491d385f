/**
 * A diff of two versions drawn on the canvas, which always shows the draft: nodes added,
 * removed and changed get their colour; unchanged ones are muted. A node the draft does not
 * have (removed since, or only in the compared versions) is drawn as a ghost at its old
 * place, so nothing the diff names is invisible.
 */
import type { Playbook, PlaybookDiff, PlaybookEdge, PlaybookNode } from '@firebreak/engine';
import type { CanvasOverlay, NodeOverlay, OverlayTone } from '../playbooks/workbench';

const BADGE: Record<'added' | 'removed' | 'changed', string> = { added: 'new', removed: 'removed', changed: 'changed' };

export function describeValue(v: unknown): string {
  if (v === undefined) return '(none)';
  if (typeof v === 'string') return `“${v}”`;
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

export function diffOverlay(diff: PlaybookDiff, to: Playbook, drawn: Playbook): CanvasOverlay {
  const inDraft = new Set(drawn.nodes.map((n) => n.id));
  const edgeInDraft = new Set(drawn.edges.map((e) => e.id));
  const nodes: Record<string, NodeOverlay> = Object.fromEntries(drawn.nodes.map((n) => [n.id, { tone: 'muted' } as NodeOverlay]));
  const edges: Record<string, OverlayTone> = {};
  const ghosts: PlaybookNode[] = [];
  const ghostEdges: PlaybookEdge[] = [];

  const mark = (node: PlaybookNode, tone: 'added' | 'removed' | 'changed', title: string) => {
    nodes[node.id] = { tone, badge: BADGE[tone], title };
    if (!inDraft.has(node.id)) ghosts.push(node);
  };
  for (const n of diff.nodes.added) mark(n, 'added', `${n.label || n.id}: added`);
  for (const n of diff.nodes.removed) mark(n, 'removed', `${n.label || n.id}: removed`);
  for (const c of diff.nodes.changed) {
    const node = to.nodes.find((n) => n.id === c.id);
    if (node)
      mark(
        node,
        'changed',
        [
          `${node.label || node.id}: changed`,
          ...c.changes.map((x) => `${x.path}: ${describeValue(x.before)} → ${describeValue(x.after)}`),
        ].join('\n'),
      );
  }

  const edge = (e: PlaybookEdge, tone: OverlayTone) => {
    edges[e.id] = tone;
    if (!edgeInDraft.has(e.id)) ghostEdges.push(e);
  };
  diff.edges.added.forEach((e) => edge(e, 'added'));
  diff.edges.removed.forEach((e) => edge(e, 'removed'));
  for (const c of diff.edges.changed) {
    const e = to.edges.find((x) => x.id === c.id);
    if (e) edge(e, 'changed');
  }
  return { nodes, edges, ghosts, ghostEdges };
}
