/**
 * A test run on the canvas: the steps taken so far light up (tone `path`, numbered in
 * order), the step being looked at is `current`, the rest of the graph is muted, and the
 * edges the run took are emphasised. Each card's tooltip says why the run went there.
 */
import type { CanvasOverlay, NodeOverlay, OverlayTone } from '../playbooks/workbench';
import type { Trace } from './trace';

export function pathOverlay(trace: Trace, cursor: number, nodeIds: string[]): CanvasOverlay {
  const nodes: Record<string, NodeOverlay> = Object.fromEntries(nodeIds.map((id) => [id, { tone: 'muted' } as NodeOverlay]));
  const edges: Record<string, OverlayTone> = {};
  const visits = new Map<string, number[]>();
  for (const s of trace.steps.slice(0, cursor + 1)) {
    visits.set(s.nodeId, [...(visits.get(s.nodeId) ?? []), s.index + 1]);
    // The edge out of the current step is shown once the run has taken it (next step).
    if (s.edgeId && s.index < cursor) edges[s.edgeId] = 'path';
  }
  for (const [id, numbers] of visits) {
    const last = trace.steps.filter((s) => s.nodeId === id && s.index <= cursor).pop()!;
    nodes[id] = {
      tone: last.index === cursor ? 'current' : 'path',
      badge: numbers.join(', '),
      title: [`Step ${numbers.join(', ')}${last.outcome ? ` → ${last.outcome}` : ''}`, ...last.why].join('\n'),
    };
  }
  return { nodes, edges };
}
